import { describe, expect, it } from 'vitest';
import { EMPTY_RECORD } from './procedure-plan.ts';
import { checkRecordInput, type ProcedureRecord } from './procedure-record.ts';
import {
  formatCell,
  matchHeader,
  parseLimit,
  readSheetRow,
  SHEET_COLUMNS,
  splitItems,
} from './procedure-sheet.ts';

const record: ProcedureRecord = {
  ...EMPTY_RECORD,
  code: '1.001193',
  name: 'Thủ tục đăng ký khai sinh',
  sectorCode: 'ho-tich',
  levels: ['PROVINCE', 'COMMUNE'],
  onlineLevel: 'FULL',
  eligibleForFullOnline: true,
  sameDayCutoff: '15:00',
  timeLimits: [
    {
      channel: 'IN_PERSON',
      value: 1,
      unit: 'WORKING_DAYS',
      note: 'Giải quyết ngay trong ngày; sau 15 giờ thì trả ngày làm việc tiếp theo',
    },
    { channel: 'ONLINE', value: 0.5, unit: 'WORKING_DAYS', note: null },
  ],
  fees: [
    { channel: null, name: 'Lệ phí đăng ký khai sinh', amountVnd: 0, note: 'Miễn lệ phí | đúng hạn' },
    { channel: 'ONLINE', name: 'Phí cấp bản sao', amountVnd: 8000, note: null },
  ],
  steps: [
    { case: null, steps: ['Nộp hồ sơ'] },
    { case: 'Trường hợp trực tuyến', steps: ['# Đăng nhập Cổng DVCQG', 'Nhận kết quả\\bản điện tử'] },
  ],
  dossierComponents: [{ name: 'Tờ khai đăng ký khai sinh', originals: 1, copies: 0, form: null }],
  applicants: ['Công dân Việt Nam', 'Người nước ngoài\ncư trú tại Việt Nam'],
  agencyCodes: ['22870', '56.STP'],
  results: ['Giấy khai sinh'],
  forms: [{ name: 'Tờ khai', url: 'https://example.gov.vn/to-khai.docx' }],
  conditions: 'Không',
  legalBasis: [
    { number: '60/2014/QH13', title: 'Luật Hộ tịch' },
    { number: null, title: 'Văn bản không số' },
  ],
  decisionNumber: '163/QĐ-BTP',
  decisionDate: '2025-02-20',
  effectiveFrom: '2025-03-01',
};

const lookups = { sectorCodeOf: (s: string) => (s === 'Hộ tịch' || s === 'ho-tich' ? 'ho-tich' : null) };
const cellsOf = (r: ProcedureRecord) =>
  new Map(SHEET_COLUMNS.map((c) => [c.key, formatCell(c, r, () => 'Hộ tịch')]));

describe('the spreadsheet of the catalogue', () => {
  it('writes a record in the documented cell formats', () => {
    const cells = cellsOf(record);
    expect(cells.get('levels')).toBe('Cấp tỉnh; Cấp xã');
    expect(cells.get('limit:IN_PERSON')).toBe('1 ngày làm việc');
    expect(cells.get('limit:ONLINE')).toBe('0,5 ngày làm việc');
    expect(cells.get('limit:POSTAL')).toBe('');
    expect(cells.get('fees')).toBe(
      'Lệ phí đăng ký khai sinh | 0 |  | Miễn lệ phí \\| đúng hạn\nPhí cấp bản sao | 8.000 | trực tuyến',
    );
    expect(cells.get('steps')).toBe(
      'Nộp hồ sơ\n# Trường hợp trực tuyến\n\\# Đăng nhập Cổng DVCQG\nNhận kết quả\\\\bản điện tử',
    );
    expect(cells.get('applicants')).toBe('Công dân Việt Nam\nNgười nước ngoài\\ncư trú tại Việt Nam');
    expect(cells.get('decisionDate')).toBe('20/02/2025');
  });

  it('reads back exactly what it wrote: an exported row imports as unchanged', () => {
    const { input, problems } = readSheetRow(cellsOf(record), lookups, null);
    expect(problems).toEqual([]);
    const checked = checkRecordInput(input, { hasSector: () => true, hasAgency: () => true });
    expect(checked.problems).toEqual([]);
    expect({ ...EMPTY_RECORD, ...checked.values }).toEqual(record);
  });

  it('a sheet without some columns leaves those fields, and the other limits, as they are', () => {
    const cells = new Map([
      ['code', '1.001193'],
      ['limit:ONLINE', '2 ngày làm việc'],
    ]);
    const { input } = readSheetRow(cells, lookups, record);
    expect(Object.keys(input).sort()).toEqual(['code', 'timeLimits']);
    expect(input.timeLimits).toEqual([
      { channel: 'IN_PERSON', value: 1, unit: 'WORKING_DAYS', note: record.timeLimits[0]!.note },
      { channel: 'ONLINE', value: 2, unit: 'WORKING_DAYS', note: null },
    ]);
  });

  it('names the column of a cell it cannot read', () => {
    const cells = new Map([
      ['code', '1.001193'],
      ['limit:IN_PERSON', 'mười lăm ngày'],
      ['sector', 'Không có'],
      ['effectiveFrom', '31/02/2026'],
    ]);
    expect(readSheetRow(cells, lookups, null).problems.map((p) => [p.column, p.code])).toEqual([
      ['Lĩnh vực', 'UNKNOWN_SECTOR'],
      ['Thời hạn trực tiếp', 'INVALID_TIME_LIMIT'],
      ['Ngày hiệu lực', 'INVALID_DATE'],
    ]);
  });

  it('matches headers whatever their accents and case, and reports the others', () => {
    const { columns, ignored } = matchHeader([
      'MÃ THỦ TỤC',
      'ten thu tuc',
      'Ghi chú nội bộ',
      'Thời hạn trực tuyến',
    ]);
    expect(columns.map((c) => c?.key ?? null)).toEqual(['code', 'name', null, 'limit:ONLINE']);
    expect(ignored).toEqual(['Ghi chú nội bộ']);
  });

  it('parses limits in words and splits items on unescaped bars', () => {
    expect(parseLimit('15 ngày làm việc')).toEqual({ value: 15, unit: 'WORKING_DAYS' });
    expect(parseLimit('4 Giờ làm việc')).toEqual({ value: 4, unit: 'HOURS' });
    expect(parseLimit('30 ngày')).toEqual({ value: 30, unit: 'DAYS' });
    expect(parseLimit('3 tháng')).toEqual({ value: 3, unit: 'MONTHS' });
    expect(parseLimit('2.5 WORKING_DAYS')).toEqual({ value: 2.5, unit: 'WORKING_DAYS' });
    expect(typeof parseLimit('15')).toBe('string');
    expect(splitItems('a | b \\| c\n\nd')).toEqual([['a', 'b | c'], ['d']]);
  });
});
