import { describe, expect, it } from 'vitest';
import { auditView, diffAudit, displayValue, EMPTY, parseAuditJson, prettyJson } from './audit-diff';

describe('diffAudit', () => {
  it('lists only the fields that changed, unchanged ones left out', () => {
    // displayName and email changed; username did not, so 2 rows, not 3.
    const before = { username: 'nv.an', displayName: 'Nguyễn Văn An', email: 'an@khanhhoa.gov.vn' };
    const after = { username: 'nv.an', displayName: 'Nguyễn Văn Ân', email: 'an.nv@khanhhoa.gov.vn' };
    expect(diffAudit(before, after)).toEqual([
      { field: 'displayName', before: 'Nguyễn Văn An', after: 'Nguyễn Văn Ân', kind: 'changed' },
      { field: 'email', before: 'an@khanhhoa.gov.vn', after: 'an.nv@khanhhoa.gov.vn', kind: 'changed' },
    ]);
  });

  it('a creation (no before) shows every field as added', () => {
    expect(diffAudit(null, { name: 'Cổng Khánh Hòa', scopes: ['READ', 'INGEST'] })).toEqual([
      { field: 'name', before: EMPTY, after: 'Cổng Khánh Hòa', kind: 'added' },
      {
        field: 'scopes',
        before: EMPTY,
        after: 'Đọc dữ liệu riêng (READ), Gửi hồ sơ, khảo sát (INGEST)',
        kind: 'added',
      },
    ]);
  });

  it('a field that became null or disappeared is removed', () => {
    expect(diffAudit({ email: 'a@b.vn', note: 'x' }, { email: null })).toEqual([
      { field: 'email', before: 'a@b.vn', after: EMPTY, kind: 'removed' },
      { field: 'note', before: 'x', after: EMPTY, kind: 'removed' },
    ]);
  });

  it('flattens nested objects to dotted paths and compares lists whole', () => {
    const before = {
      commentHidden: { at: null, reason: null },
      roles: [{ role: 'VIEWER', agency: '22873' }],
    };
    const after = {
      commentHidden: { at: '2026-03-05T10:00:00+07:00', reason: 'Lời lẽ xúc phạm' },
      roles: [{ role: 'VIEWER', agency: '22873' }],
    };
    // roles are equal (same list) → no row; the two nested leaves were null → added.
    expect(diffAudit(before, after)).toEqual([
      { field: 'commentHidden.at', before: EMPTY, after: '05/03/2026 10:00', kind: 'added' },
      { field: 'commentHidden.reason', before: EMPTY, after: 'Lời lẽ xúc phạm', kind: 'added' },
    ]);
  });

  it('key order inside a list item does not count as a change', () => {
    const before = { roles: [{ role: 'OFFICER', agencyCode: '22870' }] };
    const after = { roles: [{ agencyCode: '22870', role: 'OFFICER' }] };
    expect(diffAudit(before, after)).toEqual([]);
  });

  it('a changed list of grants is one row, each grant readable', () => {
    const before = { roles: [{ role: 'VIEWER', agencyCode: '22873' }] };
    const after = {
      roles: [
        { role: 'VIEWER', agencyCode: '22873' },
        { role: 'OFFICER', agencyCode: '22873' },
      ],
    };
    expect(diffAudit(before, after)).toEqual([
      {
        field: 'roles',
        before: 'Người xem – 22873',
        after: 'Người xem – 22873; Cán bộ xử lý – 22873',
        kind: 'changed',
      },
    ]);
  });

  it('booleans, numbers and dates read in Vietnamese', () => {
    expect(
      diffAudit(
        { active: true, rate: 600, validTo: null, revokedAt: null },
        { active: false, rate: 1200.5, validTo: '2025-06-30', revokedAt: '2026-03-05T01:30:00.000Z' },
      ),
    ).toEqual([
      { field: 'active', before: 'có', after: 'không', kind: 'changed' },
      // 1.200,5: a dot between thousands, a comma before decimals.
      { field: 'rate', before: '600', after: '1.200,5', kind: 'changed' },
      { field: 'validTo', before: EMPTY, after: '30/06/2025', kind: 'added' },
      // 01:30 UTC is 08:30 in Asia/Ho_Chi_Minh (UTC+7).
      { field: 'revokedAt', before: EMPTY, after: '05/03/2026 08:30', kind: 'added' },
    ]);
  });

  it('nothing on either side gives no rows; a bare value gets a generic field name', () => {
    expect(diffAudit(null, null)).toEqual([]);
    expect(diffAudit(undefined, {})).toEqual([]);
    expect(diffAudit('cũ', 'mới')).toEqual([
      { field: 'giá trị', before: 'cũ', after: 'mới', kind: 'changed' },
    ]);
  });
});

describe('displayValue', () => {
  it('empty things read as a dash or "(trống)"', () => {
    expect(displayValue(null)).toBe(EMPTY);
    expect(displayValue('')).toBe(EMPTY);
    expect(displayValue([])).toBe('(trống)');
    expect(displayValue({})).toBe('(trống)');
  });

  it('markup in a value stays text (the page renders it as text, never as HTML)', () => {
    expect(displayValue('<script>alert(1)</script>')).toBe('<script>alert(1)</script>');
  });
});

describe('displayValue with the field it belongs to', () => {
  it('names the API’s codes, and reads time limits and fees as the procedure page does', () => {
    expect(displayValue(['PROVINCE', 'COMMUNE'], 'levels')).toBe('Cấp tỉnh, Cấp xã');
    expect(displayValue('DEPARTMENT', 'after.level')).toBe('Sở, ban, ngành');
    expect(displayValue('HOLIDAY', '2026-12-08.kind')).toBe('Nghỉ lễ, Tết');
    // Text that is not a code, or a code under a field we do not know, stays as recorded.
    expect(displayValue('Nghỉ thử', 'kind')).toBe('Nghỉ thử');
    expect(displayValue('HOLIDAY', 'note')).toBe('HOLIDAY');
    expect(
      displayValue(
        [
          { channel: 'IN_PERSON', value: 15, unit: 'WORKING_DAYS', note: null },
          { channel: 'ONLINE', value: 12.5, unit: 'WORKING_DAYS', note: 'kể từ khi nhận đủ hồ sơ' },
        ],
        'timeLimits',
      ),
    ).toBe('Trực tiếp: 15 ngày làm việc; Trực tuyến: 12,5 ngày làm việc (kể từ khi nhận đủ hồ sơ)');
    expect(displayValue([{ name: 'Lệ phí', amountVnd: 1500000, channel: null, note: null }], 'fees')).toBe(
      'Lệ phí: 1.500.000 đồng (Mọi cách thức)',
    );
    // Any other object: its keys by their Vietnamese names.
    expect(displayValue({ username: 'nv.an', active: true })).toBe(
      'Tên đăng nhập: nv.an, Đang hoạt động: có',
    );
  });
});

describe('parseAuditJson / prettyJson', () => {
  it('parses JSON text and keeps text that is not JSON', () => {
    expect(parseAuditJson('{"a":1}')).toEqual({ a: 1 });
    expect(parseAuditJson('không phải JSON')).toBe('không phải JSON');
    expect(parseAuditJson(null)).toBeNull();
    expect(parseAuditJson('')).toBeNull();
  });

  it('indents objects by two spaces', () => {
    expect(prettyJson({ a: 1 })).toBe('{\n  "a": 1\n}');
    expect(prettyJson(null)).toBe(EMPTY);
  });
});

describe('auditView', () => {
  it('an entry with before and after: the diff, and the other recorded fields as details', () => {
    // As services/moderation.ts writes it: the comment itself is not in the log.
    const data = JSON.stringify({
      before: { hidden: false, reason: null },
      after: { hidden: true, reason: 'Lời lẽ thô tục' },
      dossierCode: 'H56.14-260305-0001',
    });
    const view = auditView(data);
    expect(view.changes).toEqual([
      { field: 'hidden', before: 'không', after: 'có', kind: 'changed' },
      { field: 'reason', before: EMPTY, after: 'Lời lẽ thô tục', kind: 'added' },
    ]);
    expect(view.details).toEqual([{ field: 'dossierCode', value: 'H56.14-260305-0001' }]);
    expect(view.raw).toContain('"dossierCode": "H56.14-260305-0001"');
    // The dossier's code names what the entry is about.
    expect(view.subject).toBe('H56.14-260305-0001');
  });

  it('names an account by the username after the change, else before it', () => {
    expect(
      auditView('{"before":{"username":"nv.an","active":true},"after":{"username":"nv.an","active":false}}')
        .subject,
    ).toBe('nv.an');
    expect(auditView('{"before":{"name":"Khóa cũ"}}').subject).toBe('Khóa cũ');
    expect(auditView('{"before":{"active":true},"after":{"active":false}}').subject).toBeNull();
  });

  it('an older entry without before/after: no diff, every recorded field as a detail', () => {
    const view = auditView('{"username":"nv.an","role":"OFFICER"}');
    expect(view.changes).toBeNull();
    expect(view.details).toEqual([
      { field: 'username', value: 'nv.an' },
      // The API's code in words: a role is named as on the account pages.
      { field: 'role', value: 'Cán bộ xử lý' },
    ]);
  });

  it('a new version of a procedure (a list of changes): the list as the diff, the rest as details', () => {
    // As services/procedure-writes.ts writes procedure.update.
    const view = auditView(
      JSON.stringify({
        changes: [
          {
            field: 'timeLimits',
            before: [],
            after: [{ note: null, unit: 'WORKING_DAYS', value: 15, channel: 'IN_PERSON' }],
          },
          { field: 'sameDayCutoff', before: null, after: '15:00' },
        ],
        version: 2,
        appliesFrom: '2026-12-04T16:57:46.807Z',
      }),
    );
    expect(view.changes).toEqual([
      { field: 'timeLimits', before: '(trống)', after: 'Trực tiếp: 15 ngày làm việc', kind: 'changed' },
      { field: 'sameDayCutoff', before: EMPTY, after: '15:00', kind: 'added' },
    ]);
    // 16:57 UTC is 23:57 in Asia/Ho_Chi_Minh.
    expect(view.details).toEqual([
      { field: 'version', value: '2' },
      { field: 'appliesFrom', value: '04/12/2026 23:57' },
    ]);
  });

  it('no data: nothing to show, and text that is not JSON is shown as text', () => {
    expect(auditView(null)).toEqual({ changes: null, details: [], raw: EMPTY, subject: null });
    expect(auditView('<b>x</b>')).toEqual({
      changes: null,
      details: [{ field: 'giá trị', value: '<b>x</b>' }],
      raw: '<b>x</b>',
      subject: null,
    });
  });
});
