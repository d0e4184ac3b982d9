import { describe, expect, it } from 'vitest';
import {
  type CatalogueLookups,
  checkRecordConsistency,
  checkRecordInput,
  type ProcedureRecord,
} from './procedure-record.ts';

const lookups: CatalogueLookups = {
  hasSector: (code) => code === 'ho-tich',
  hasAgency: (code) => code === '22870' || code === '56.STP',
};
const check = (input: Parameters<typeof checkRecordInput>[0]) => checkRecordInput(input, lookups);
const codesAt = (input: Parameters<typeof checkRecordInput>[0]) =>
  check(input).problems.map((p) => [p.path.join('.'), p.code]);

describe('checkRecordInput: the procedure record (docs/domain.md §2.1)', () => {
  it('accepts national codes as the catalogue writes them, and refuses anything else', () => {
    // procedure-index.tsv: all 2,642 national codes are one digit, a dot, six digits.
    expect(check({ code: '1.001193' }).values.code).toBe('1.001193');
    expect(check({ code: ' 2.000635 ' }).values.code).toBe('2.000635');
    for (const bad of ['1.00119', '1001193', '1.0011930', '10.001193', 'TTHC-1'])
      expect(codesAt({ code: bad })).toEqual([['code', 'INVALID_PROCEDURE_CODE']]);
    expect(codesAt({ code: '' })).toEqual([['code', 'EMPTY_TEXT']]);
  });

  it('variant codes are the national code, .000.00.00 and the province (glossary: 1.003560.000.00.00.H56)', () => {
    expect(check({ variantCode: '1.003560.000.00.00.H56' }).values.variantCode).toBe(
      '1.003560.000.00.00.H56',
    );
    expect(codesAt({ variantCode: '1.003560.H56' })).toEqual([['variantCode', 'INVALID_PROCEDURE_CODE']]);
    expect(check({ variantCode: '' }).values.variantCode).toBeNull();
  });

  it('requires a name and refuses control characters', () => {
    expect(codesAt({ name: '   ' })).toEqual([['name', 'EMPTY_TEXT']]);
    expect(codesAt({ name: 'Đăng ký\u0000khai sinh' })).toEqual([['name', 'BAD_USER_INPUT']]);
    expect(check({ name: '  Thủ tục đăng ký khai sinh ' }).values.name).toBe('Thủ tục đăng ký khai sinh');
  });

  it('one limit per channel, each above 0, whole for days and months, within what its unit allows (§2.2)', () => {
    const { values, problems } = check({
      timeLimits: [
        { channel: 'ONLINE', value: 0.5, unit: 'WORKING_DAYS' },
        { channel: 'IN_PERSON', value: 15, unit: 'WORKING_DAYS', note: ' ghi chú ' },
      ],
    });
    expect(problems).toEqual([]);
    // Canonical order: IN_PERSON, ONLINE, POSTAL — whatever order the form sent.
    expect(values.timeLimits).toEqual([
      { channel: 'IN_PERSON', value: 15, unit: 'WORKING_DAYS', note: 'ghi chú' },
      { channel: 'ONLINE', value: 0.5, unit: 'WORKING_DAYS', note: null },
    ]);
    const refused = check({
      timeLimits: [
        { channel: 'IN_PERSON', value: 0, unit: 'WORKING_DAYS' },
        { channel: 'IN_PERSON', value: 3, unit: 'WORKING_DAYS' },
        { channel: 'ONLINE', value: 1.5, unit: 'DAYS' },
        { channel: 'POSTAL', value: 60, unit: 'MONTHS' },
      ],
    }).problems;
    expect(refused.map((p) => [p.path.join('.'), p.code])).toEqual([
      ['timeLimits.0.value', 'INVALID_TIME_LIMIT'],
      ['timeLimits.1.channel', 'DUPLICATE_CHANNEL'],
      ['timeLimits.2.value', 'INVALID_TIME_LIMIT'],
      ['timeLimits.3.value', 'INVALID_TIME_LIMIT'],
    ]);
    expect(refused[1]!.message).toBe(
      'Hình thức "Trực tiếp" đã có thời hạn ở dòng 1: mỗi hình thức chỉ có một thời hạn giải quyết.',
    );
    expect(refused[3]!.message).toContain('tối đa 36 tháng');
    // Decimal(8,2): 0.125 cannot be stored.
    expect(codesAt({ timeLimits: [{ channel: 'ONLINE', value: 0.125, unit: 'HOURS' }] })).toEqual([
      ['timeLimits.0.value', 'INVALID_TIME_LIMIT'],
    ]);
  });

  it('the cut-off is HH:MM from 00:00 to 23:59 (§2.3); "9:30" is read as 09:30', () => {
    expect(check({ sameDayCutoff: '15:00' }).values.sameDayCutoff).toBe('15:00');
    expect(check({ sameDayCutoff: '9:30' }).values.sameDayCutoff).toBe('09:30');
    expect(check({ sameDayCutoff: '' }).values.sameDayCutoff).toBeNull();
    for (const bad of ['24:00', '15h', '15:60', '1500'])
      expect(codesAt({ sameDayCutoff: bad })).toEqual([['sameDayCutoff', 'INVALID_CUTOFF']]);
  });

  it('fees in whole đồng, or none when set by the provincial People’s Council', () => {
    expect(
      check({
        fees: [
          { name: 'Lệ phí', amountVnd: 8000 },
          { name: 'Phí', amountVnd: null, channel: 'ONLINE' },
        ],
      }).values.fees,
    ).toEqual([
      { channel: null, name: 'Lệ phí', amountVnd: 8000, note: null },
      { channel: 'ONLINE', name: 'Phí', amountVnd: null, note: null },
    ]);
    expect(
      codesAt({
        fees: [
          { name: 'Lệ phí', amountVnd: -1 },
          { name: '', amountVnd: 1 },
        ],
      }),
    ).toEqual([
      ['fees.0.amountVnd', 'BAD_USER_INPUT'],
      ['fees.1.name', 'EMPTY_TEXT'],
    ]);
  });

  it('knows sectors and only units valid today', () => {
    expect(codesAt({ sectorCode: 'khong-co' })).toEqual([['sectorCode', 'UNKNOWN_SECTOR']]);
    expect(codesAt({ agencyCodes: ['22870', '99999'] })).toEqual([['agencyCodes.1', 'UNKNOWN_AGENCY']]);
    expect(check({ agencyCodes: ['56.STP', '22870', '22870'] }).values.agencyCodes).toEqual([
      '22870',
      '56.STP',
    ]);
  });

  it('lists drop the blank rows of a form', () => {
    const { values } = check({
      applicants: ['Công dân Việt Nam', ' ', ''],
      steps: [
        { case: null, steps: ['Nộp hồ sơ', ''] },
        { case: '', steps: [] },
      ],
    });
    expect(values.applicants).toEqual(['Công dân Việt Nam']);
    expect(values.steps).toEqual([{ case: null, steps: ['Nộp hồ sơ'] }]);
  });

  it('forms link over http(s) only; dates must exist', () => {
    expect(codesAt({ forms: [{ name: 'Tờ khai', url: 'javascript:alert(1)' }] })).toEqual([
      ['forms.0.url', 'BAD_USER_INPUT'],
    ]);
    expect(codesAt({ decisionDate: '2026-02-30' })).toEqual([['decisionDate', 'INVALID_DATE']]);
  });
});

describe('checkRecordConsistency', () => {
  const record = {
    sameDayCutoff: '15:00',
    timeLimits: [{ channel: 'IN_PERSON', value: 3, unit: 'WORKING_DAYS', note: null }],
    decisionDate: '2026-03-01',
    effectiveFrom: '2026-02-01',
    effectiveTo: '2026-01-01',
  } as ProcedureRecord;

  it('checks only the rules whose fields the input touched', () => {
    expect(checkRecordConsistency(record, new Set(['name']))).toEqual([]);
    expect(checkRecordConsistency(record, new Set(['timeLimits'])).map((p) => p.code)).toEqual([
      'INVALID_CUTOFF',
    ]);
    expect(
      checkRecordConsistency(record, new Set(['effectiveFrom'])).map((p) => [p.path.join('.'), p.message]),
    ).toEqual([
      ['effectiveTo', 'Ngày hết hiệu lực (01/01/2026) không được trước ngày hiệu lực (01/02/2026).'],
      ['effectiveFrom', 'Ngày hiệu lực (01/02/2026) không được trước ngày ban hành quyết định (01/03/2026).'],
    ]);
  });

  it('a same-day cut-off goes with a limit of exactly 1 working day (§2.3)', () => {
    const sameDay = {
      ...record,
      timeLimits: [{ channel: 'ONLINE', value: 1, unit: 'WORKING_DAYS', note: null }],
    };
    expect(checkRecordConsistency(sameDay as ProcedureRecord, new Set(['sameDayCutoff']))).toEqual([]);
  });
});
