import { describe, expect, it } from 'vitest';
import { decisionNumberIn, feeChannelIn, readNationalEntry } from './national-procedure.ts';

// The first entry of prisma/seed-data/procedures.json (the national package format), shortened.
const khaiSinh = {
  code: '1.001193',
  name: 'Thủ tục đăng ký khai sinh',
  sector: { name: 'Hộ tịch' },
  levels: ['COMMUNE'],
  timeLimits: [
    {
      channel: 'IN_PERSON',
      value: 1,
      unit: 'WORKING_DAYS',
      note: 'Giải quyết ngay trong ngày tiếp nhận; trường hợp nhận hồ sơ sau 15 giờ mà không giải quyết được ngay thì trả kết quả trong ngày làm việc tiếp theo',
    },
    { channel: 'ONLINE', value: 1, unit: 'WORKING_DAYS', unverified: true },
  ],
  fees: [
    { name: 'Lệ phí đăng ký khai sinh', amountVnd: 0, note: 'Miễn lệ phí' },
    { name: 'Phí cấp bản sao (trực tuyến)', amountVnd: 8000, unverified: true },
  ],
  onlineLevel: null,
  source: 'Cổng DVCQG … (QĐ công bố 163/QĐ-BTP); detail page …',
  note: 'Cơ quan thực hiện: Ủy ban nhân dân cấp xã.',
};

const sectorCodeOf = (name: string) => (name === 'Hộ tịch' ? 'ho-tich' : null);

describe('readNationalEntry: the national procedure package', () => {
  it('reads what the package says and what its free text implies (docs/domain.md §2.3)', () => {
    const { code, input, problems, unverifiedChannels } = readNationalEntry(khaiSinh, false, sectorCodeOf);
    expect(problems).toEqual([]);
    expect(code).toBe('1.001193');
    expect(input).toMatchObject({
      sectorCode: 'ho-tich',
      levels: ['COMMUNE'],
      // "… sau 15 giờ … ngày làm việc tiếp theo": a same-day procedure with a 15:00 cut-off.
      sameDayCutoff: '15:00',
      channelsText: 'Trực tiếp: 01 ngày làm việc; Trực tuyến: 01 ngày làm việc',
      // New, with no level given but online submission listed: partially online (Decree 42/2022).
      onlineLevel: 'PARTIAL',
      eligibleForFullOnline: false,
      decisionNumber: '163/QĐ-BTP',
      implementingText: 'Ủy ban nhân dân cấp xã',
      fees: [
        { name: 'Lệ phí đăng ký khai sinh', amountVnd: 0, channel: null, note: 'Miễn lệ phí' },
        { name: 'Phí cấp bản sao (trực tuyến)', amountVnd: 8000, channel: 'ONLINE', note: '(chưa xác minh)' },
      ],
    });
    expect([...unverifiedChannels]).toEqual(['ONLINE']);
  });

  it('for a procedure in the catalogue, a level the package does not know leaves the stored one', () => {
    const { input } = readNationalEntry(khaiSinh, true, sectorCodeOf);
    expect(input.onlineLevel).toBeUndefined();
    expect(input.eligibleForFullOnline).toBeUndefined();
  });

  it('explicit fields (as the export writes them) win over the free text', () => {
    const { input } = readNationalEntry(
      {
        ...khaiSinh,
        sameDayCutoff: null,
        decisionNumber: '1/QĐ-UBND',
        fees: [{ name: 'Phí (trực tuyến)', amountVnd: 1, channel: null }],
      },
      true,
      sectorCodeOf,
    );
    expect(input).toMatchObject({
      sameDayCutoff: null,
      decisionNumber: '1/QĐ-UBND',
      fees: [{ channel: null }],
    });
  });

  it('reports fields of the wrong type and unknown sectors by path', () => {
    const { problems } = readNationalEntry(
      { code: '1.000001', name: 5, sector: { name: 'Lạ' }, levels: 'COMMUNE' },
      false,
      sectorCodeOf,
    );
    expect(problems.map((p) => p.path.join('.'))).toEqual(['sectorCode', 'levels']);
    expect(readNationalEntry('x', false, sectorCodeOf).problems).toHaveLength(1);
  });

  it('decision numbers and fee channels in free text', () => {
    expect(decisionNumberIn('… 1523/QĐ-BCA-C06 …')).toBe('1523/QĐ-BCA-C06');
    // "QĐ/0001-BCA" in the national index is a placeholder, not a decision number.
    expect(decisionNumberIn('QĐ/0001-BCA')).toBeNull();
    expect(feeChannelIn('Lệ phí (trực tiếp)')).toBe('IN_PERSON');
    expect(feeChannelIn('Lệ phí')).toBeNull();
  });
});
