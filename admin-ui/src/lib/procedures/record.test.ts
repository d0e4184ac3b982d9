import { describe, expect, it } from 'vitest';
import { draftFromRecord, parseDraft } from './draft';
import { createInput, type ProcedureData, recordOf, updateInput } from './record';

/** The shape of `procedure(code)` as procedure.graphql asks for it (values made up for the checks). */
const procedure: ProcedureData = {
  code: '2.000635',
  variantCode: null,
  name: 'Cấp bản sao trích lục hộ tịch',
  published: true,
  sector: { code: 'ho-tich', name: 'Hộ tịch' },
  levels: ['COMMUNE', 'PROVINCE'],
  onlineLevel: 'PARTIAL',
  eligibleForFullOnline: false,
  currentAgencies: [
    { code: '22873', name: 'Xã Phước Hậu' },
    { code: '22870', name: 'Xã Ninh Phước' },
  ],
  currentVersion: { version: 2 },
  latestVersion: {
    version: 2,
    name: 'Cấp bản sao trích lục hộ tịch',
    appliesFrom: '2026-11-01T00:00:00+07:00',
    createdAt: '2026-10-20T09:00:00+07:00',
    createdBy: 'USER:12',
    decisionNumber: '1872/QĐ-BTP',
    decisionDate: '2020-09-01',
    effectiveFrom: '2026-11-01',
    effectiveTo: null,
    source: 'Cổng Dịch vụ công quốc gia',
    sameDayCutoff: null,
    channelsText: null,
    applicants: ['Công dân Việt Nam'],
    implementingText: 'UBND cấp xã',
    results: ['Bản sao trích lục hộ tịch'],
    conditions: null,
    timeLimits: [{ channel: 'IN_PERSON', value: 1, unit: 'WORKING_DAYS', note: null, unverified: false }],
    fees: [{ channel: null, name: 'Phí cấp bản sao', amountVnd: 8000, note: 'Mỗi bản' }],
    steps: [{ case: null, steps: ['Nộp yêu cầu', 'Nhận bản sao'] }],
    dossierComponents: [{ name: 'Tờ khai cấp bản sao trích lục', originals: 1, copies: null, form: null }],
    forms: [],
    legalBasis: [{ number: '123/2015/NĐ-CP', title: 'Nghị định quy định chi tiết Luật Hộ tịch' }],
  },
  versions: [],
};

describe('recordOf', () => {
  it('takes the procedure’s own fields, its latest version and the units implementing it today', () => {
    const record = recordOf(procedure);
    expect(record).toMatchObject({
      code: '2.000635',
      sectorCode: 'ho-tich',
      levels: ['COMMUNE', 'PROVINCE'],
      agencyCodes: ['22873', '22870'],
      timeLimits: [{ channel: 'IN_PERSON', value: 1, unit: 'WORKING_DAYS', note: null }],
      fees: [{ channel: null, name: 'Phí cấp bản sao', amountVnd: 8000, note: 'Mỗi bản' }],
      effectiveFrom: '2026-11-01',
    });
    // `unverified` is the API's remark on a limit, not a field an official sets.
    expect(record.timeLimits[0]).not.toHaveProperty('unverified');
  });
});

describe('updateInput', () => {
  const before = parseDraft(draftFromRecord(recordOf(procedure))).input;

  it('is the code alone when nothing changed', () => {
    expect(updateInput(before, before)).toEqual({ code: '2.000635' });
  });

  it('carries the new fee and no untouched field (not the past effective date)', () => {
    const draft = draftFromRecord(recordOf(procedure));
    draft.fees[0] = { channel: '', name: 'Phí cấp bản sao', amountVnd: '10.000', note: 'Mỗi bản' };
    expect(updateInput(before, parseDraft(draft).input)).toEqual({
      code: '2.000635',
      fees: [{ channel: null, name: 'Phí cấp bản sao', amountVnd: 10000, note: 'Mỗi bản' }],
    });
  });
});

describe('createInput', () => {
  it('sends every field of the record', () => {
    const input = createInput(recordOf(procedure));
    expect(input.code).toBe('2.000635');
    expect(input.sectorCode).toBe('ho-tich');
    expect(input.legalBasis).toHaveLength(1);
  });
});
