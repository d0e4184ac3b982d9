// Editing the procedure catalogue over HTTP (docs/api.md "Editing the procedure catalogue"): create,
// update with versions, the version in force for dueDate and for ingestion, publish and withdraw,
// validation with field paths, the permission table, and the audit rows.
//
// The clock is fixed (Date only; timers run) so that due dates can be computed by hand: Wednesday
// 2 December 2026, 10:00 in Asia/Ho_Chi_Minh. No holiday falls in December 2026
// (prisma/seed-data/holidays.json), so working days are Monday to Friday, 07:00–11:30 and 13:30–17:00:
// 480 working minutes a day (docs/domain.md §3.2).
import { createApiKey } from '@tthc/api';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { TestApi } from '../support/api.ts';
import { keyFor } from '../support/keys.ts';
import { addOfficial, sessionOf } from '../support/officials.ts';
import { startSeededApi } from '../support/seeded.ts';

const WEDNESDAY_10H = new Date('2026-12-02T10:00:00+07:00');

let t: TestApi;
const key: Record<string, Record<string, string>> = {};

beforeAll(async () => {
  t = await startSeededApi(100);
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(WEDNESDAY_10H);
  await addOfficial(t, 'quantri', 'SYSTEM_ADMIN', undefined, 'Nguyễn Văn Quản');
  await addOfficial(t, 'qt.tinh', 'UNIT_ADMIN', '56', 'Trần Thị Tỉnh');
  await addOfficial(t, 'qt.sotuphap', 'UNIT_ADMIN', '56.STP', 'Lê Văn Tư');
  await addOfficial(t, 'qt.phuochau', 'UNIT_ADMIN', '22873', 'Phạm Thị Xã');
  await addOfficial(t, 'canbo.tinh', 'OFFICER', '56', 'Hoàng Văn Cán');
  await addOfficial(t, 'xem.tinh', 'VIEWER', '56', 'Đỗ Thị Xem');
  key.read = await keyFor(t, 'READ');
  key.ingest = await keyFor(t, 'INGEST');
  key.admin = await keyFor(t, 'ADMIN');
  const communeKey = await createApiKey(
    t.api.services.prisma,
    { name: 'khóa quản trị xã Phước Hậu', scopes: ['ADMIN'], agencyCode: '22873' },
    'TEST',
  );
  key.communeAdmin = { authorization: `Bearer ${communeKey.key}` };
  const departmentKey = await createApiKey(
    t.api.services.prisma,
    { name: 'khóa quản trị Sở Tư pháp', scopes: ['ADMIN'], agencyCode: '56.STP' },
    'TEST',
  );
  key.departmentAdmin = { authorization: `Bearer ${departmentKey.key}` };
});

afterAll(async () => {
  vi.useRealTimers();
  await t?.close();
});

/** A session signed in now (sessions idle out after 30 minutes of the fixed clock). */
const as = (username: string) => sessionOf(t, username);

interface UserErrorShape {
  field: string[] | null;
  code: string;
  message: string;
}

const CREATE = `mutation($input: CreateProcedureInput!) {
  createProcedure(input: $input) { procedure { code name published } userErrors { field code message } }
}`;
const UPDATE = `mutation($input: UpdateProcedureInput!) {
  updateProcedure(input: $input) {
    procedure { code currentVersion { version } latestVersion { version } }
    version { version appliesFrom createdBy decisionNumber changes { field label before after } }
    changes { field before after }
    userErrors { field code message }
  }
}`;
const READ = `query($code: String!) {
  procedure(code: $code) {
    code variantCode name published sector { code name } levels onlineLevel eligibleForFullOnline sameDayCutoff
    timeLimits { channel value unit note }
    fees { channel name amountVnd note }
    currentAgencies { code }
    currentVersion {
      version decisionNumber decisionDate effectiveFrom effectiveTo appliesFrom createdBy
      steps { case steps } channelsText dossierComponents { name originals copies form } applicants
      implementingText results forms { name url } conditions legalBasis { number title }
      timeLimits { channel value unit } fees { name amountVnd }
    }
    versions { version }
  }
}`;

async function create(input: Record<string, unknown>, headers: Record<string, string>) {
  const res = await t.gql<{ createProcedure: { procedure: unknown; userErrors: UserErrorShape[] } }>(
    CREATE,
    { input },
    headers,
  );
  expect(res.errors).toBeUndefined();
  return res.data!.createProcedure;
}

async function update(input: Record<string, unknown>, headers: Record<string, string>) {
  const res = await t.gql<{
    updateProcedure: {
      procedure: { currentVersion: { version: number }; latestVersion: { version: number } } | null;
      version: {
        version: number;
        appliesFrom: string;
        createdBy: string;
        decisionNumber: string | null;
        changes: { field: string; label: string; before: string | null; after: string | null }[];
      } | null;
      changes: { field: string }[];
      userErrors: UserErrorShape[];
    };
  }>(UPDATE, { input }, headers);
  expect(res.errors).toBeUndefined();
  return res.data!.updateProcedure;
}

const read = async (code: string) =>
  (await t.gql<{ procedure: Record<string, unknown> | null }>(READ, { code })).data?.procedure;

const DUE = `query($p: String!, $at: DateTime!) { dueDate(procedureCode: $p, receivedAt: $at, channel: IN_PERSON) }`;
const dueDate = async (procedureCode: string, at: string) =>
  (await t.gql<{ dueDate: string }>(DUE, { p: procedureCode, at })).data?.dueDate;

const audits = (code: string) =>
  t.api.services.prisma.auditLog.findMany({
    where: { entity: 'Procedure', entityId: code },
    orderBy: { id: 'asc' },
  });
const versionsOf = async (code: string) =>
  t.api.services.prisma.procedureVersion.count({ where: { procedure: { code } } });
const userIdOf = async (username: string) =>
  (await t.api.services.prisma.user.findUniqueOrThrow({ where: { username } })).id;

const NEW_PROCEDURE = {
  code: '1.999001',
  variantCode: '1.999001.000.00.00.H56',
  name: 'Thủ tục đăng ký hoạt động thử nghiệm tại xã',
  sectorCode: 'ho-tich',
  levels: ['COMMUNE', 'PROVINCE'],
  onlineLevel: 'PARTIAL',
  eligibleForFullOnline: false,
  sameDayCutoff: '15:00',
  timeLimits: [
    {
      channel: 'ONLINE',
      value: 1,
      unit: 'WORKING_DAYS',
      note: 'Nhận sau 15 giờ thì trả ngày làm việc tiếp theo',
    },
    { channel: 'IN_PERSON', value: 1, unit: 'WORKING_DAYS' },
  ],
  fees: [
    { name: 'Lệ phí', amountVnd: 10000, note: 'Miễn cho hộ nghèo' },
    { channel: 'ONLINE', name: 'Lệ phí (trực tuyến)', amountVnd: 5000 },
  ],
  steps: [
    { steps: ['Nộp hồ sơ tại Bộ phận Một cửa', 'Nhận kết quả'] },
    { case: 'Trường hợp nộp trực tuyến', steps: ['Nộp trên Cổng DVCQG'] },
  ],
  channelsText: 'Trực tiếp; Trực tuyến',
  dossierComponents: [{ name: 'Tờ khai', originals: 1, copies: 0, form: 'Mẫu số 01' }],
  applicants: ['Công dân Việt Nam'],
  implementingText: 'Ủy ban nhân dân cấp xã',
  agencyCodes: ['22873', '22870'],
  results: ['Giấy xác nhận'],
  forms: [{ name: 'Mẫu số 01', url: 'https://dichvucong.gov.vn/mau-01.docx' }],
  conditions: 'Không',
  legalBasis: [{ number: '60/2014/QH13', title: 'Luật Hộ tịch' }],
  decisionNumber: '999/QĐ-UBND',
  decisionDate: '2026-11-20',
  effectiveFrom: '2026-12-01',
};

describe('createProcedure', () => {
  it('creates a procedure with every field, readable at once through the public API', async () => {
    const created = await create(NEW_PROCEDURE, await as('quantri'));
    expect(created).toEqual({
      procedure: { code: '1.999001', name: NEW_PROCEDURE.name, published: true },
      userErrors: [],
    });
    // Anonymous, as a portal reads it.
    expect(await read('1.999001')).toEqual({
      code: '1.999001',
      variantCode: '1.999001.000.00.00.H56',
      name: NEW_PROCEDURE.name,
      published: true,
      sector: { code: 'ho-tich', name: 'Hộ tịch' },
      levels: ['PROVINCE', 'COMMUNE'],
      onlineLevel: 'PARTIAL',
      eligibleForFullOnline: false,
      sameDayCutoff: '15:00',
      timeLimits: [
        { channel: 'IN_PERSON', value: 1, unit: 'WORKING_DAYS', note: null },
        {
          channel: 'ONLINE',
          value: 1,
          unit: 'WORKING_DAYS',
          note: 'Nhận sau 15 giờ thì trả ngày làm việc tiếp theo',
        },
      ],
      fees: [
        { channel: null, name: 'Lệ phí', amountVnd: 10000, note: 'Miễn cho hộ nghèo' },
        { channel: 'ONLINE', name: 'Lệ phí (trực tuyến)', amountVnd: 5000, note: null },
      ],
      currentAgencies: [{ code: '22870' }, { code: '22873' }],
      currentVersion: {
        version: 1,
        decisionNumber: '999/QĐ-UBND',
        decisionDate: '2026-11-20',
        effectiveFrom: '2026-12-01',
        effectiveTo: null,
        // A new procedure has nothing before it: its first version applies since always.
        appliesFrom: null,
        createdBy: `USER:${await userIdOf('quantri')}`,
        steps: [
          { case: null, steps: ['Nộp hồ sơ tại Bộ phận Một cửa', 'Nhận kết quả'] },
          { case: 'Trường hợp nộp trực tuyến', steps: ['Nộp trên Cổng DVCQG'] },
        ],
        channelsText: 'Trực tiếp; Trực tuyến',
        dossierComponents: [{ name: 'Tờ khai', originals: 1, copies: 0, form: 'Mẫu số 01' }],
        applicants: ['Công dân Việt Nam'],
        implementingText: 'Ủy ban nhân dân cấp xã',
        results: ['Giấy xác nhận'],
        forms: [{ name: 'Mẫu số 01', url: 'https://dichvucong.gov.vn/mau-01.docx' }],
        conditions: 'Không',
        legalBasis: [{ number: '60/2014/QH13', title: 'Luật Hộ tịch' }],
        timeLimits: [
          { channel: 'IN_PERSON', value: 1, unit: 'WORKING_DAYS' },
          { channel: 'ONLINE', value: 1, unit: 'WORKING_DAYS' },
        ],
        fees: [
          { name: 'Lệ phí', amountVnd: 10000 },
          { name: 'Lệ phí (trực tuyến)', amountVnd: 5000 },
        ],
      },
      versions: [{ version: 1 }],
    });
    // The search of the public list finds it by its accent-free name.
    const list = await t.gql<{ procedures: { edges: { node: { code: string } }[] } }>(
      `{ procedures(filter: { search: "dang ky hoat dong thu nghiem" }) { edges { node { code } } } }`,
    );
    expect(list.data?.procedures.edges).toEqual([{ node: { code: '1.999001' } }]);
    // Same-day (docs/domain.md §2.3): received Wednesday 16:00, after the 15:00 cut-off → Thursday 17:00.
    expect(await dueDate('1.999001', '2026-12-02T16:00:00+07:00')).toBe('2026-12-03T17:00:00+07:00');

    const [entry] = await audits('1.999001');
    expect(entry).toMatchObject({
      action: 'procedure.create',
      actor: `USER:${await userIdOf('quantri')}`,
      agencyId: null,
    });
    expect((entry!.data as { after: { timeLimits: unknown[] } }).after.timeLimits).toHaveLength(2);
  });

  it('refuses bad input with the path and a Vietnamese message for each field, and writes nothing', async () => {
    const before = await t.api.services.prisma.auditLog.count();
    const result = await create(
      {
        code: '1.99901',
        name: '  ',
        sectorCode: 'khong-co-linh-vuc',
        levels: ['COMMUNE'],
        sameDayCutoff: '25:00',
        timeLimits: [
          { channel: 'IN_PERSON', value: 15, unit: 'WORKING_DAYS' },
          { channel: 'IN_PERSON', value: 0, unit: 'WORKING_DAYS' },
          { channel: 'ONLINE', value: 2.5, unit: 'MONTHS' },
        ],
        agencyCodes: ['22873', '99999'],
      },
      await as('quantri'),
    );
    expect(result.procedure).toBeNull();
    expect(result.userErrors.map((e) => [e.field?.join('.'), e.code])).toEqual([
      ['input.code', 'INVALID_PROCEDURE_CODE'],
      ['input.name', 'EMPTY_TEXT'],
      ['input.sectorCode', 'UNKNOWN_SECTOR'],
      ['input.sameDayCutoff', 'INVALID_CUTOFF'],
      ['input.timeLimits.1.channel', 'DUPLICATE_CHANNEL'],
      ['input.timeLimits.1.value', 'INVALID_TIME_LIMIT'],
      ['input.timeLimits.2.value', 'INVALID_TIME_LIMIT'],
      ['input.agencyCodes.1', 'UNKNOWN_AGENCY'],
    ]);
    expect(result.userErrors[0]!.message).toBe(
      'Mã thủ tục "1.99901" không đúng dạng mã của Cơ sở dữ liệu quốc gia về TTHC: một chữ số, dấu chấm, sáu chữ số (ví dụ 1.001193).',
    );
    expect(result.userErrors[6]!.message).toContain('Bộ luật Dân sự 2015');
    expect(await t.api.services.prisma.auditLog.count()).toBe(before);
    expect(await t.api.services.prisma.procedure.count({ where: { code: { startsWith: '1.9990' } } })).toBe(
      1,
    );
  });

  it('refuses a code already in the catalogue', async () => {
    const result = await create(
      { code: '1.001193', name: 'Trùng mã', sectorCode: 'ho-tich', levels: ['COMMUNE'] },
      key.admin!,
    );
    expect(result.userErrors).toEqual([
      {
        field: ['input', 'code'],
        code: 'PROCEDURE_EXISTS',
        message: 'Mã thủ tục 1.001193 đã có trong danh mục; hãy sửa thủ tục đó thay vì tạo mới.',
      },
    ]);
  });
});

describe('updateProcedure and the version in force', () => {
  // 1.004873 Cấp Giấy xác nhận tình trạng hôn nhân: 3 working days in person (seed data), version 1
  // applying since always.
  const CODE = '1.004873';
  const NOTE = '03 ngày làm việc; trường hợp phải xác minh thì thời hạn giải quyết không quá 23 ngày';

  it('a time limit change adds version 2: what changed, who, from which decision, from when', async () => {
    expect(await versionsOf(CODE)).toBe(1);
    const result = await update(
      {
        code: CODE,
        timeLimits: [{ channel: 'IN_PERSON', value: 5, unit: 'WORKING_DAYS' }],
        decisionNumber: '1234/QĐ-UBND',
      },
      await as('qt.tinh'),
    );
    expect(result.userErrors).toEqual([]);
    const author = `USER:${await userIdOf('qt.tinh')}`;
    expect(result.version).toEqual({
      version: 2,
      // No effective date: the change applies to dossiers received from now on.
      appliesFrom: '2026-12-02T10:00:00+07:00',
      createdBy: author,
      decisionNumber: '1234/QĐ-UBND',
      changes: [
        {
          field: 'timeLimits',
          label: 'Thời hạn giải quyết',
          before: `Trực tiếp: 3 ngày làm việc (${NOTE})\nTrực tuyến: 3 ngày làm việc (${NOTE})\nDịch vụ bưu chính: 3 ngày làm việc (${NOTE})`,
          after: 'Trực tiếp: 5 ngày làm việc',
        },
        {
          field: 'decisionNumber',
          label: 'Số quyết định công bố',
          before: '163/QĐ-BTP',
          after: '1234/QĐ-UBND',
        },
      ],
    });
    expect(result.procedure).toEqual({
      code: CODE,
      currentVersion: { version: 2 },
      latestVersion: { version: 2 },
    });

    const [entry] = await audits(CODE);
    expect(entry).toMatchObject({ action: 'procedure.update', actor: author, agencyId: null });
    expect(entry!.data).toMatchObject({
      version: 2,
      appliesFrom: '2026-12-02T03:00:00.000Z',
      changes: [
        {
          field: 'timeLimits',
          before: [
            { channel: 'IN_PERSON', value: 3, unit: 'WORKING_DAYS', note: NOTE },
            { channel: 'ONLINE', value: 3, unit: 'WORKING_DAYS', note: NOTE },
            { channel: 'POSTAL', value: 3, unit: 'WORKING_DAYS', note: NOTE },
          ],
          after: [{ channel: 'IN_PERSON', value: 5, unit: 'WORKING_DAYS', note: null }],
        },
        { field: 'decisionNumber', before: '163/QĐ-BTP', after: '1234/QĐ-UBND' },
      ],
    });

    // The author by name, for officials; the public sees the catalogue, not who edited it.
    const AUTHOR = `query($code: String!) { procedure(code: $code) { versions { version author { kind username name } } } }`;
    type Authors = { procedure: { versions: { version: number; author: Record<string, string> | null }[] } };
    const official = await t.gql<Authors>(AUTHOR, { code: CODE }, await as('xem.tinh'));
    expect(official.data!.procedure.versions).toEqual([
      { version: 2, author: { kind: 'USER', username: 'qt.tinh', name: 'Trần Thị Tỉnh' } },
      { version: 1, author: null }, // loaded from the national catalogue
    ]);
    const anonymous = await t.gql<Authors>(AUTHOR, { code: CODE });
    expect(anonymous.data!.procedure.versions.map((v) => v.author)).toEqual([null, null]);
  });

  it('dueDate counts the limit of the version in force at reception', async () => {
    // Received Wednesday 09:00, before the change at 10:00: version 1, 3 working days = 1,440 minutes.
    // Wed 09:00–11:30 (150) + 13:30–17:00 (210) = 360; Thu 3/12 +480 = 840; Fri 4/12 +480 = 1,320;
    // Mon 7/12 07:00 + 120 → 09:00.
    expect(await dueDate(CODE, '2026-12-02T09:00:00+07:00')).toBe('2026-12-07T09:00:00+07:00');
    // Received at 10:00 exactly: version 2 applies from that instant on — 5 working days = 2,400 minutes.
    // Wed 10:00–11:30 (90) + 210 = 300; Thu 780; Fri 1,260; Mon 7/12 1,740; Tue 8/12 2,220;
    // Wed 9/12 07:00 + 180 → 10:00.
    expect(await dueDate(CODE, '2026-12-02T10:00:00+07:00')).toBe('2026-12-09T10:00:00+07:00');
    // Received 10:30: Wed 60 + 210 = 270; … Tue 8/12 2,190; Wed 9/12 07:00 + 210 → 10:30.
    expect(await dueDate(CODE, '2026-12-02T10:30:00+07:00')).toBe('2026-12-09T10:30:00+07:00');
    // Version 2 has no online limit.
    const online = await t.gql(
      `{ dueDate(procedureCode: "${CODE}", receivedAt: "2026-12-02T10:30:00+07:00", channel: ONLINE) }`,
    );
    expect(online.errors?.[0]?.extensions?.code).toBe('NO_TIME_LIMIT');
    expect(
      (
        await t.gql(
          `{ dueDate(procedureCode: "${CODE}", receivedAt: "2026-12-02T09:00:00+07:00", channel: ONLINE) }`,
        )
      ).data,
    ).toEqual({ dueDate: '2026-12-07T09:00:00+07:00' });
  });

  it('ingestion gives a dossier received before the change the old limit, one received after it the new one', async () => {
    vi.setSystemTime(new Date('2026-12-02T11:00:00+07:00'));
    const event = (dossierCode: string, sequence: number, status: string, occurredAt: string) => ({
      dossierCode,
      procedureCode: CODE,
      agencyCode: '22873',
      channel: 'IN_PERSON',
      status,
      occurredAt,
      sequence,
    });
    const RECORD = `mutation($e: [DossierEventInput!]!) { recordDossierEvents(events: $e) { accepted userErrors { code message } } }`;
    const recorded = await t.gql<{ recordDossierEvents: { accepted: number } }>(
      RECORD,
      {
        e: [
          event('H56.22873-261202-0001', 1, 'RECEIVED', '2026-12-02T09:00:00+07:00'),
          event('H56.22873-261202-0002', 1, 'RECEIVED', '2026-12-02T10:30:00+07:00'),
        ],
      },
      key.ingest,
    );
    expect(recorded.data?.recordDossierEvents).toEqual({ accepted: 2, userErrors: [] });
    // A later event folds the dossier again: still the version in force at its reception.
    const later = await t.gql(
      RECORD,
      { e: [event('H56.22873-261202-0001', 2, 'PROCESSING', '2026-12-02T10:45:00+07:00')] },
      key.ingest,
    );
    expect(later.data).toEqual({ recordDossierEvents: { accepted: 1, userErrors: [] } });
    const DOSSIER = `query($c: String!) { dossier(code: $c) { dueAt } }`;
    const dueOf = async (c: string) =>
      (await t.gql<{ dossier: { dueAt: string } }>(DOSSIER, { c }, key.read)).data?.dossier.dueAt;
    // The same instants as dueDate above: 3 working days before the change, 5 after.
    expect(await dueOf('H56.22873-261202-0001')).toBe('2026-12-07T09:00:00+07:00');
    expect(await dueOf('H56.22873-261202-0002')).toBe('2026-12-09T10:30:00+07:00');
  });

  it('a save that changes nothing writes no version and no audit row', async () => {
    const before = (await audits(CODE)).length;
    const result = await update(
      {
        code: CODE,
        timeLimits: [{ channel: 'IN_PERSON', value: 5, unit: 'WORKING_DAYS' }],
        decisionNumber: ' 1234/QĐ-UBND ',
      },
      key.admin!,
    );
    expect(result).toMatchObject({ version: null, changes: [], userErrors: [] });
    expect(await versionsOf(CODE)).toBe(2);
    expect((await audits(CODE)).length).toBe(before);
  });

  it('the implementing units are audited but make no version', async () => {
    const result = await update({ code: CODE, agencyCodes: ['22873'] }, await as('qt.sotuphap'));
    expect(result.userErrors).toEqual([]);
    expect(result.version).toBeNull();
    expect(result.changes.map((c) => c.field)).toEqual(['agencyCodes']);
    expect(await versionsOf(CODE)).toBe(2);
    const last = (await audits(CODE)).at(-1)!;
    expect(last.data).toMatchObject({ version: null, changes: [{ field: 'agencyCodes', after: ['22873'] }] });
    const units = await t.gql<{ procedure: { currentAgencies: { code: string }[] } }>(
      `{ procedure(code: "${CODE}") { currentAgencies { code } } }`,
    );
    expect(units.data?.procedure.currentAgencies).toEqual([{ code: '22873' }]);
  });

  it('refuses an effective date before today, and a change before a version waiting for its date', async () => {
    const past = await update({ code: CODE, name: 'Tên mới', effectiveFrom: '2026-12-01' }, key.admin!);
    expect(past.userErrors).toEqual([
      {
        field: ['input', 'effectiveFrom'],
        code: 'EFFECTIVE_DATE_PAST',
        message:
          'Ngày hiệu lực 01/12/2026 đã qua: hạn giải quyết của hồ sơ đã tiếp nhận không thể thay đổi. Hãy chọn từ hôm nay (02/12/2026) trở đi, hoặc để trống để áp dụng cho hồ sơ tiếp nhận từ bây giờ.',
      },
    ]);
    const unknown = await update({ code: '1.999999', name: 'Không có' }, key.admin!);
    expect(unknown.userErrors.map((e) => [e.field, e.code])).toEqual([[['input', 'code'], 'NOT_FOUND']]);
  });

  it('a version dated in the future takes over on its date, with no job', async () => {
    const result = await update(
      {
        code: CODE,
        timeLimits: [{ channel: 'IN_PERSON', value: 7, unit: 'WORKING_DAYS' }],
        decisionNumber: '1500/QĐ-UBND',
        effectiveFrom: '2026-12-10',
      },
      key.admin!,
    );
    expect(result.userErrors).toEqual([]);
    // 00:00 on Thursday 10/12/2026, local time.
    expect(result.version).toMatchObject({
      version: 3,
      appliesFrom: '2026-12-10T00:00:00+07:00',
      createdBy: expect.stringMatching(/^API_KEY:\d+$/),
    });
    // Until then version 2 is in force; an edit starts from version 3.
    expect(result.procedure).toEqual({
      code: CODE,
      currentVersion: { version: 2 },
      latestVersion: { version: 3 },
    });
    const AT = `query($at: DateTime!) { procedure(code: "${CODE}") { versionInForce(at: $at) { version } } }`;
    const inForceAt = async (at: string) =>
      (await t.gql<{ procedure: { versionInForce: { version: number } | null } }>(AT, { at })).data?.procedure
        .versionInForce?.version;
    expect(await inForceAt('2026-12-09T23:59:59+07:00')).toBe(2);
    expect(await inForceAt('2026-12-10T00:00:00+07:00')).toBe(3);
    expect(await inForceAt('2020-01-01T00:00:00+07:00')).toBe(1);
    // Received Thursday 10/12 08:00 under version 3, 7 working days = 3,360 minutes:
    // Thu 08:00–11:30 (210) + 210 = 420; Fri 11/12 900; Mon 14/12 1,380; Tue 1,860; Wed 2,340;
    // Thu 17/12 2,820; Fri 18/12 3,300; Mon 21/12 07:00 + 60 → 08:00.
    expect(await dueDate(CODE, '2026-12-10T08:00:00+07:00')).toBe('2026-12-21T08:00:00+07:00');
    // Received the day before, under version 2 (5 working days): Wed 9/12 08:00: 210 + 210 = 420;
    // Thu 900; Fri 1,380; Mon 14/12 1,860; Tue 2,340; Wed 16/12 07:00 + 60 → 08:00.
    expect(await dueDate(CODE, '2026-12-09T08:00:00+07:00')).toBe('2026-12-16T08:00:00+07:00');

    // A save applying now would come into force before version 3 and then be overtaken by it.
    const early = await update({ code: CODE, name: 'Tên khác' }, key.admin!);
    expect(early.userErrors).toMatchObject([
      {
        field: ['input', 'effectiveFrom'],
        code: 'EFFECTIVE_DATE_PAST',
        message:
          'Thủ tục đã có phiên bản 3 áp dụng từ 00:00 ngày 10/12/2026: thay đổi mới phải có ngày hiệu lực từ ngày 10/12/2026 trở đi.',
      },
    ]);

    // The date comes: version 3 is in force, read as it is, with nothing run in between.
    vi.setSystemTime(new Date('2026-12-10T09:00:00+07:00'));
    try {
      const now = await t.gql<{ procedure: { currentVersion: { version: number }; timeLimits: unknown[] } }>(
        `{ procedure(code: "${CODE}") { currentVersion { version } timeLimits { channel value unit } } }`,
      );
      expect(now.data?.procedure).toEqual({
        currentVersion: { version: 3 },
        timeLimits: [{ channel: 'IN_PERSON', value: 7, unit: 'WORKING_DAYS' }],
      });
    } finally {
      vi.setSystemTime(new Date('2026-12-02T11:00:00+07:00'));
    }
  });
});

describe('publishProcedure and withdrawProcedure', () => {
  const WITHDRAW = `mutation($input: WithdrawProcedureInput!) { withdrawProcedure(input: $input) { procedure { code published } userErrors { field code message } } }`;
  const PUBLISH = `mutation($input: PublishProcedureInput!) { publishProcedure(input: $input) { procedure { code published } userErrors { field code message } } }`;
  const LIST = `query($p: ProcedurePublication) { procedures(first: 5, filter: { search: "1.999001" }, publication: $p) { totalCount edges { node { code published } } } }`;

  it('a withdrawn procedure leaves the public list but stays readable by its code', async () => {
    const headers = await as('qt.sotuphap');
    const withdrawn = await t.gql(
      WITHDRAW,
      { input: { code: '1.999001', reason: 'Thủ tục đã bị bãi bỏ' } },
      headers,
    );
    expect(withdrawn.data).toEqual({
      withdrawProcedure: { procedure: { code: '1.999001', published: false }, userErrors: [] },
    });
    expect((await t.gql(LIST, {})).data).toEqual({ procedures: { totalCount: 0, edges: [] } });
    expect(((await read('1.999001')) as { published: boolean }).published).toBe(false);
    expect((await t.gql(LIST, { p: 'WITHDRAWN' })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await t.gql(LIST, { p: 'WITHDRAWN' }, headers)).data).toEqual({
      procedures: { totalCount: 1, edges: [{ node: { code: '1.999001', published: false } }] },
    });
    const again = await t.gql<{ withdrawProcedure: { userErrors: UserErrorShape[] } }>(
      WITHDRAW,
      { input: { code: '1.999001' } },
      headers,
    );
    expect(again.data?.withdrawProcedure.userErrors.map((e) => e.code)).toEqual(['NOTHING_TO_CHANGE']);

    const published = await t.gql(PUBLISH, { input: { code: '1.999001' } }, key.admin);
    expect(published.data).toEqual({
      publishProcedure: { procedure: { code: '1.999001', published: true }, userErrors: [] },
    });
    expect((await t.gql(LIST, {})).data).toEqual({
      procedures: { totalCount: 1, edges: [{ node: { code: '1.999001', published: true } }] },
    });
    const entries = (await audits('1.999001')).filter((a) => a.action !== 'procedure.create');
    expect(entries.map((a) => [a.action, a.data])).toEqual([
      [
        'procedure.withdraw',
        { before: { published: true }, after: { published: false }, reason: 'Thủ tục đã bị bãi bỏ' },
      ],
      ['procedure.publish', { before: { published: false }, after: { published: true }, reason: null }],
    ]);
  });
});

describe('who may edit the catalogue (docs/api.md, permission table)', () => {
  // Editors: a system administrator, an unrestricted admin key, and the administrators (UNIT_ADMIN or
  // admin key) of a provincial-level agency (the province, a department).
  const editors: [string, () => Promise<Record<string, string>>][] = [
    ['SYSTEM_ADMIN', () => as('quantri')],
    ['UNIT_ADMIN of the province', () => as('qt.tinh')],
    ['UNIT_ADMIN of a department', () => as('qt.sotuphap')],
    ['admin key, unrestricted', async () => key.admin!],
    ['admin key of a department', async () => key.departmentAdmin!],
  ];
  const refused: [string, () => Promise<Record<string, string>>, string][] = [
    ['UNIT_ADMIN of a commune', () => as('qt.phuochau'), 'FORBIDDEN'],
    ['OFFICER of the province', () => as('canbo.tinh'), 'FORBIDDEN'],
    ['VIEWER of the province', () => as('xem.tinh'), 'FORBIDDEN'],
    ['admin key of a commune', async () => key.communeAdmin!, 'FORBIDDEN'],
    ['READ key', async () => key.read!, 'FORBIDDEN'],
    ['INGEST key', async () => key.ingest!, 'FORBIDDEN'],
    ['anonymous', async () => ({}), 'UNAUTHENTICATED'],
  ];

  it.each(editors.map(([who, headers], i) => [who, headers, i] as const))(
    '%s may create and update',
    async (_who, headersOf, i) => {
      const headers = await headersOf();
      const code = `1.99910${i}`;
      const created = await create(
        { code, name: `Thủ tục thử quyền ${i}`, sectorCode: 'ho-tich', levels: ['PROVINCE'] },
        headers,
      );
      expect(created.userErrors).toEqual([]);
      const updated = await update({ code, name: `Thủ tục thử quyền ${i} (sửa)` }, headers);
      expect(updated).toMatchObject({ userErrors: [], version: { version: 2 } });
    },
  );

  it.each(refused)('%s may not: refused in userErrors, nothing written', async (_who, headersOf, code) => {
    const headers = await headersOf();
    const auditRows = await t.api.services.prisma.auditLog.count();
    const versions = await versionsOf('1.001193');
    const created = await create(
      { code: '1.999200', name: 'Không được tạo', sectorCode: 'ho-tich', levels: ['COMMUNE'] },
      headers,
    );
    expect(created).toMatchObject({ procedure: null, userErrors: [{ field: null, code }] });
    const updated = await update({ code: '1.001193', name: 'Không được sửa' }, headers);
    expect(updated).toMatchObject({ procedure: null, version: null, userErrors: [{ field: null, code }] });
    const withdrawn = await t.gql<{ withdrawProcedure: { procedure: null; userErrors: UserErrorShape[] } }>(
      `mutation { withdrawProcedure(input: { code: "1.001193" }) { procedure { code } userErrors { field code } } }`,
      {},
      headers,
    );
    expect(withdrawn.data?.withdrawProcedure).toEqual({
      procedure: null,
      userErrors: [{ field: null, code }],
    });
    expect(await read('1.999200')).toBeNull();
    expect(await versionsOf('1.001193')).toBe(versions);
    expect((await read('1.001193')) as { name: string; published: boolean }).toMatchObject({
      name: 'Thủ tục đăng ký khai sinh',
      published: true,
    });
    expect(await t.api.services.prisma.auditLog.count()).toBe(auditRows);
  });
});

describe('the same-day cut-off is versioned (docs/domain.md §2.3, §2.4)', () => {
  // Chứng thực bản sao từ bản chính is settled the same day: 1 working day with a cut-off. Version 1
  // (since always) has 15:00; version 2 moves it to 11:00 from Tuesday 8/12/2026.
  const CODE = '1.999301';
  const CUTOFF = `query($at: DateTime!) { procedure(code: "${CODE}") {
    sameDayCutoff currentVersion { version sameDayCutoff } latestVersion { version sameDayCutoff }
    versionInForce(at: $at) { version sameDayCutoff } } }`;

  it('a change of the cut-off makes a version from its effective date; dueDate and ingestion read the one in force at reception', async () => {
    const clock = new Date();
    vi.setSystemTime(WEDNESDAY_10H);
    try {
      const headers = await as('qt.tinh');
      const created = await create(
        {
          code: CODE,
          name: 'Chứng thực bản sao từ bản chính (thử nghiệm giờ chốt)',
          sectorCode: 'chung-thuc',
          levels: ['COMMUNE'],
          sameDayCutoff: '15:00',
          timeLimits: [
            {
              channel: 'IN_PERSON',
              value: 1,
              unit: 'WORKING_DAYS',
              note: 'Trong ngày; nhận hồ sơ sau 15 giờ thì trả kết quả trong ngày làm việc tiếp theo',
            },
          ],
          agencyCodes: ['22873'],
        },
        headers,
      );
      expect(created.userErrors).toEqual([]);

      const result = await update(
        { code: CODE, sameDayCutoff: '11:00', decisionNumber: '1600/QĐ-UBND', effectiveFrom: '2026-12-08' },
        headers,
      );
      expect(result.userErrors).toEqual([]);
      // 00:00 on Tuesday 8/12/2026, local time; the change is recorded on the version like a time limit's.
      expect(result.version).toMatchObject({ version: 2, appliesFrom: '2026-12-08T00:00:00+07:00' });
      expect(result.version!.changes.map((c) => c.field)).toEqual([
        'sameDayCutoff',
        'decisionNumber',
        'effectiveFrom',
      ]);
      expect(result.version!.changes[0]).toEqual({
        field: 'sameDayCutoff',
        label: 'Giờ chốt trả trong ngày',
        before: '15:00',
        after: '11:00',
      });
      expect((await audits(CODE)).at(-1)!.data).toMatchObject({
        version: 2,
        changes: [{ field: 'sameDayCutoff', before: '15:00', after: '11:00' }, {}, {}],
      });

      // Until 8/12 the catalogue shows version 1's 15:00; an edit starts from version 2's 11:00.
      const read = await t.gql(CUTOFF, { at: '2026-12-08T00:00:00+07:00' });
      expect(read.data).toEqual({
        procedure: {
          sameDayCutoff: '15:00',
          currentVersion: { version: 1, sameDayCutoff: '15:00' },
          latestVersion: { version: 2, sameDayCutoff: '11:00' },
          versionInForce: { version: 2, sameDayCutoff: '11:00' },
        },
      });

      // §2.3: due at the end of the reception day when it is a working day and the dossier came at or
      // before the cut-off, else at the end of the next working day (working hours end at 17:00, §3.2).
      // Monday 7/12 14:00, before the effective date: version 1, cut-off 15:00; 14:00 is before it
      // → the end of Monday 7/12.
      expect(await dueDate(CODE, '2026-12-07T14:00:00+07:00')).toBe('2026-12-07T17:00:00+07:00');
      // Tuesday 8/12 14:00: version 2, cut-off 11:00; 14:00 is after it → the end of the next working
      // day, Wednesday 9/12.
      expect(await dueDate(CODE, '2026-12-08T14:00:00+07:00')).toBe('2026-12-09T17:00:00+07:00');
      // Tuesday 8/12 11:00, at the new cut-off ("at or before") → the end of Tuesday 8/12.
      expect(await dueDate(CODE, '2026-12-08T11:00:00+07:00')).toBe('2026-12-08T17:00:00+07:00');

      // Ingestion folds each dossier with the cut-off in force at its reception: the same instants.
      vi.setSystemTime(new Date('2026-12-08T15:00:00+07:00'));
      const event = (dossierCode: string, occurredAt: string) => ({
        dossierCode,
        procedureCode: CODE,
        agencyCode: '22873',
        channel: 'IN_PERSON',
        status: 'RECEIVED',
        occurredAt,
        sequence: 1,
      });
      const recorded = await t.gql(
        `mutation($e: [DossierEventInput!]!) { recordDossierEvents(events: $e) { accepted userErrors { code message } } }`,
        {
          e: [
            event('H56.22873-261207-0301', '2026-12-07T14:00:00+07:00'),
            event('H56.22873-261208-0301', '2026-12-08T14:00:00+07:00'),
          ],
        },
        key.ingest,
      );
      expect(recorded.data).toEqual({ recordDossierEvents: { accepted: 2, userErrors: [] } });
      const dueOf = async (c: string) =>
        (
          await t.gql<{ dossier: { dueAt: string } }>(
            `query($c: String!) { dossier(code: $c) { dueAt } }`,
            { c },
            key.read,
          )
        ).data?.dossier.dueAt;
      expect(await dueOf('H56.22873-261207-0301')).toBe('2026-12-07T17:00:00+07:00');
      expect(await dueOf('H56.22873-261208-0301')).toBe('2026-12-09T17:00:00+07:00');
      // From 8/12 the catalogue shows 11:00.
      expect((await t.gql(CUTOFF, { at: '2026-12-08T15:00:00+07:00' })).data).toMatchObject({
        procedure: { sameDayCutoff: '11:00', currentVersion: { version: 2 } },
      });
    } finally {
      vi.setSystemTime(clock);
    }
  });
});

describe('Decision 766 indicator 1.3 reads the version in force at the period end (docs/domain.md §2.1, §5)', () => {
  // Sở Giáo dục và Đào tạo implements no seeded procedure (seed/procedures.ts routes no sector of the
  // seed data to it), so the procedure created here is the whole denominator of its subtree.
  const AGENCY = '56.SGDDT';
  const CODE = '1.999401';
  const INDEX = `query($code: String!, $from: Date!, $to: Date!) {
    index766(agencyCode: $code, period: { from: $from, to: $to }) { indicators { id score maxScore numerator denominator } } }`;
  const indicator1_3 = async (to: string) =>
    (
      await t.gql<{ index766: { indicators: { id: string }[] } }>(INDEX, {
        code: AGENCY,
        from: '2026-12-01',
        to,
      })
    ).data?.index766.indicators.find((i) => i.id === '1.3');

  it('a procedure whose complete version applies only after the period end is incomplete for that period', async () => {
    const clock = new Date();
    vi.setSystemTime(WEDNESDAY_10H);
    try {
      expect(await indicator1_3('2026-12-31')).toEqual({
        id: '1.3',
        score: null,
        maxScore: 2,
        numerator: 0,
        denominator: 0,
      });
      const headers = await as('qt.tinh');
      // Version 1, since always: a name, a sector and the implementing unit, none of the components
      // of Decree 63/2010 Art. 8(2) — incomplete.
      const created = await create(
        {
          code: CODE,
          name: 'Cấp bản sao văn bằng, chứng chỉ từ sổ gốc',
          sectorCode: 'chung-thuc',
          levels: ['PROVINCE'],
          agencyCodes: [AGENCY],
        },
        headers,
      );
      expect(created.userErrors).toEqual([]);
      // Version 2 carries every mandatory component, from Tuesday 15/12/2026.
      const result = await update(
        {
          code: CODE,
          steps: [{ steps: ['Nộp đơn đề nghị tại Bộ phận Một cửa', 'Nhận bản sao'] }],
          channelsText: 'Trực tiếp; Dịch vụ bưu chính',
          dossierComponents: [{ name: 'Đơn đề nghị cấp bản sao', originals: 1, copies: 0 }],
          applicants: ['Người được cấp bản chính văn bằng, chứng chỉ'],
          implementingText: 'Sở Giáo dục và Đào tạo',
          results: ['Bản sao văn bằng, chứng chỉ từ sổ gốc'],
          timeLimits: [{ channel: 'IN_PERSON', value: 1, unit: 'WORKING_DAYS' }],
          decisionNumber: '2000/QĐ-UBND',
          effectiveFrom: '2026-12-15',
        },
        headers,
      );
      expect(result.userErrors).toEqual([]);
      expect(result.version).toMatchObject({ version: 2, appliesFrom: '2026-12-15T00:00:00+07:00' });

      // 1.3 = procedures whose version in force at the end of the period (24:00 of its last day) has
      // every component / procedures under the authority; score 2 × ratio.
      // Period 1–14/12: it ends at 00:00 on 15/12, the instant version 2 starts — not yet in force
      // ("the latest appliesFrom not after it" counts the end itself out, as a period includes its last
      // day only); version 1 is: 0 of 1 → 2 × 0/1 = 0.
      expect(await indicator1_3('2026-12-14')).toEqual({
        id: '1.3',
        score: 0,
        maxScore: 2,
        numerator: 0,
        denominator: 1,
      });
      // Period 1–15/12: version 2 is in force during its last day → 1 of 1 → 2 × 1/1 = 2.
      expect(await indicator1_3('2026-12-15')).toEqual({
        id: '1.3',
        score: 2,
        maxScore: 2,
        numerator: 1,
        denominator: 1,
      });
    } finally {
      vi.setSystemTime(clock);
    }
  });
});
