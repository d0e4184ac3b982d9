import { describe, expect, it } from 'vitest';
import { EMPTY_RECORD, planProcedureSave, type StoredProcedure } from './procedure-plan.ts';
import { checkRecordInput, type ProcedureRecord, type ProcedureRecordInput } from './procedure-record.ts';

const lookups = { hasSector: () => true, hasAgency: () => true };
const now = new Date('2026-11-27T10:15:00+07:00');

const record: ProcedureRecord = {
  ...EMPTY_RECORD,
  code: '1.004873',
  name: 'Thủ tục cấp Giấy xác nhận tình trạng hôn nhân',
  sectorCode: 'ho-tich',
  levels: ['COMMUNE'],
  timeLimits: [{ channel: 'IN_PERSON', value: 3, unit: 'WORKING_DAYS', note: null }],
  agencyCodes: ['22870'],
  effectiveFrom: '2025-07-01',
};
const stored: StoredProcedure = { record, latest: { version: 1, appliesFrom: null } };

const plan = (
  input: ProcedureRecordInput,
  from: StoredProcedure | null = stored,
  mode: 'create' | 'update' | 'upsert' = 'update',
) => planProcedureSave(from, checkRecordInput(input, lookups), { mode, now });

describe('planProcedureSave (docs/domain.md §2.4)', () => {
  it('a save that changes nothing makes no version', () => {
    expect(plan({ code: '1.004873', name: ' Thủ tục cấp Giấy xác nhận tình trạng hôn nhân ' }).action).toBe(
      'UNCHANGED',
    );
  });

  it('changed content makes version n+1 that applies from now, with before and after', () => {
    const p = plan({
      code: '1.004873',
      timeLimits: [{ channel: 'IN_PERSON', value: 5, unit: 'WORKING_DAYS' }],
    });
    expect(p).toMatchObject({
      action: 'UPDATE',
      version: {
        number: 2,
        appliesFrom: now,
        changes: [
          {
            field: 'timeLimits',
            before: [{ channel: 'IN_PERSON', value: 3, unit: 'WORKING_DAYS', note: null }],
            after: [{ channel: 'IN_PERSON', value: 5, unit: 'WORKING_DAYS', note: null }],
          },
        ],
      },
    });
  });

  it('an effective date today or later applies from 00:00 of that day, Asia/Ho_Chi_Minh', () => {
    const p = plan({ code: '1.004873', name: 'Tên mới', effectiveFrom: '2027-01-01' });
    // 00:00 +07:00 on 1/1/2027 is 17:00 UTC on 31/12/2026.
    expect(p.action === 'UPDATE' && p.version?.appliesFrom.toISOString()).toBe('2026-12-31T17:00:00.000Z');
    const today = plan({ code: '1.004873', name: 'Tên mới', effectiveFrom: '2026-11-27' });
    expect(today.action === 'UPDATE' && today.version?.appliesFrom.toISOString()).toBe(
      '2026-11-26T17:00:00.000Z',
    );
  });

  it('refuses a new effective date before today: received dossiers keep their due dates', () => {
    const p = plan({ code: '1.004873', name: 'Tên mới', effectiveFrom: '2026-11-26' });
    expect(p).toMatchObject({
      action: 'REJECTED',
      problems: [{ path: ['effectiveFrom'], code: 'EFFECTIVE_DATE_PAST' }],
    });
    // The stored date given again is the earlier decision's: the change applies now.
    const same = plan({ code: '1.004873', name: 'Tên mới', effectiveFrom: '2025-07-01' });
    expect(same.action === 'UPDATE' && same.version?.appliesFrom).toEqual(now);
  });

  it('while a version waits for its date, a later save must apply from it or after', () => {
    const waiting: StoredProcedure = {
      record,
      latest: { version: 2, appliesFrom: new Date('2026-12-31T17:00:00Z') },
    };
    expect(plan({ code: '1.004873', name: 'Tên khác' }, waiting)).toMatchObject({
      action: 'REJECTED',
      problems: [
        {
          code: 'EFFECTIVE_DATE_PAST',
          message: expect.stringContaining('phiên bản 2 áp dụng từ 00:00 ngày 01/01/2027'),
        },
      ],
    });
    const after = plan({ code: '1.004873', name: 'Tên khác', effectiveFrom: '2027-01-01' }, waiting);
    expect(after).toMatchObject({ action: 'UPDATE', version: { number: 3 } });
  });

  it('the same-day cut-off is versioned content: a change makes version n+1 from its date (§2.3)', () => {
    const sameDay: StoredProcedure = {
      record: {
        ...record,
        sameDayCutoff: '15:00',
        timeLimits: [{ channel: 'IN_PERSON', value: 1, unit: 'WORKING_DAYS', note: null }],
      },
      latest: { version: 1, appliesFrom: null },
    };
    const p = plan({ code: '1.004873', sameDayCutoff: '11:00', effectiveFrom: '2026-12-08' }, sameDay);
    expect(p).toMatchObject({
      action: 'UPDATE',
      version: {
        number: 2,
        // 00:00 +07:00 on 8/12/2026 is 17:00 UTC on 7/12.
        appliesFrom: new Date('2026-12-07T17:00:00Z'),
        changes: [
          { field: 'sameDayCutoff', before: '15:00', after: '11:00' },
          { field: 'effectiveFrom', before: '2025-07-01', after: '2026-12-08' },
        ],
      },
    });
  });

  it('the implementing units are audited but not versioned', () => {
    const p = plan({ code: '1.004873', agencyCodes: ['22870', '22873'] });
    expect(p).toMatchObject({
      action: 'UPDATE',
      version: null,
      changes: [{ field: 'agencyCodes', before: ['22870'], after: ['22870', '22873'] }],
    });
  });

  it('create needs the code, name, sector and levels, and refuses a code in use', () => {
    expect(plan({ code: '1.999999', name: 'Thủ tục mới' }, null, 'create')).toMatchObject({
      action: 'REJECTED',
      problems: [
        { path: ['sectorCode'], code: 'EMPTY_TEXT' },
        { path: ['levels'], code: 'EMPTY_TEXT' },
      ],
    });
    expect(
      plan({ code: '1.004873', name: 'x', sectorCode: 'ho-tich', levels: ['COMMUNE'] }, stored, 'create'),
    ).toMatchObject({
      action: 'REJECTED',
      problems: [{ path: ['code'], code: 'PROCEDURE_EXISTS' }],
    });
    expect(plan({ code: '1.999999', name: 'x' }, null, 'update')).toMatchObject({
      action: 'REJECTED',
      problems: [{ path: ['code'], code: 'NOT_FOUND' }],
    });
    const created = plan(
      { code: '1.999999', name: 'Thủ tục mới', sectorCode: 'ho-tich', levels: ['PROVINCE'] },
      null,
      'upsert',
    );
    expect(created).toMatchObject({ action: 'CREATE', record: { onlineLevel: 'INFO_ONLY', timeLimits: [] } });
  });
});
