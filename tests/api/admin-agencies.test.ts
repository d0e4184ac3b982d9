// The tree of units edited over real HTTP (issue 9, docs/domain.md §0): createAgency, updateAgency,
// moveAgency, mergeAgency (the successor's statistics then include the merged unit's dossiers, as for
// the 1/7/2025 mergers) and setAgencyProcedures — within the administrator's subtree, validated,
// audited under the unit's id.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApi } from '../support/api.ts';
import { dossierEvents } from '../support/dossier-events.ts';
import { keyFor } from '../support/keys.ts';
import { addOfficial, sessionOf } from '../support/officials.ts';
import { startSeededApi } from '../support/seeded.ts';

const PROVINCE = '56';
const NINH_PHUOC = '22870';
const PHUOC_HAU = '22873';
const TTHN = '1.004873'; // xác nhận tình trạng hôn nhân: 3 working days

let t: TestApi;
let province: Record<string, string>;
let ninhPhuoc: Record<string, string>;
let ingest: Record<string, string>;

beforeAll(async () => {
  t = await startSeededApi(0); // agencies, catalogue and calendar; no dossiers
  await addOfficial(t, 'qt.tinh', 'UNIT_ADMIN', PROVINCE);
  await addOfficial(t, 'qt.ninhphuoc', 'UNIT_ADMIN', NINH_PHUOC);
  province = await sessionOf(t, 'qt.tinh');
  ninhPhuoc = await sessionOf(t, 'qt.ninhphuoc');
  ingest = await keyFor(t, 'INGEST');
});
afterAll(async () => {
  await t?.close();
});

const prisma = () => t.api.services.prisma;

interface Payload {
  agency: { code: string; name: string; parent: { code: string } | null; validTo: string | null } | null;
  userErrors: { field: string[] | null; code: string; message: string }[];
}

const AGENCY_FIELDS =
  'agency { code name shortName note dossierPrefix level validFrom validTo parent { code } successor { code } }';

async function mutate<T = Payload>(
  name: string,
  input: Record<string, unknown>,
  headers: Record<string, string>,
  fields?: string,
) {
  const type = `${name[0]!.toUpperCase()}${name.slice(1)}Input`;
  const res = await t.gql<Record<string, T>>(
    `mutation($input: ${type}!) { ${name}(input: $input) { ${fields ?? AGENCY_FIELDS} userErrors { field code message } } }`,
    { input },
    headers,
  );
  expect(res.errors).toBeUndefined();
  return res.data![name]!;
}

const errors = (p: { userErrors: { field: string[] | null; code: string }[] }) =>
  p.userErrors.map((e) => [e.field, e.code]);

const unit = (code: string) =>
  prisma().agency.findFirstOrThrow({
    where: { code },
    orderBy: { validFrom: { sort: 'desc', nulls: 'last' } },
  });

const counts = async () => ({
  agencies: await prisma().agency.count(),
  audits: await prisma().auditLog.count(),
});

describe('createAgency', () => {
  it("lets a commune's admin create a unit under its commune, searchable at once and audited", async () => {
    const res = await mutate(
      'createAgency',
      {
        parentCode: NINH_PHUOC,
        code: '22870.MC',
        name: 'Bộ phận Tiếp nhận và Trả kết quả xã Ninh Phước',
        shortName: 'Bộ phận Một cửa',
        level: 'DEPARTMENT',
        validFrom: '2025-07-01',
        dossierPrefix: 'H56.22870',
      },
      ninhPhuoc,
    );
    expect(res).toEqual({
      agency: {
        code: '22870.MC',
        name: 'Bộ phận Tiếp nhận và Trả kết quả xã Ninh Phước',
        shortName: 'Bộ phận Một cửa',
        note: null,
        dossierPrefix: 'H56.22870',
        level: 'DEPARTMENT',
        validFrom: '2025-07-01',
        validTo: null,
        parent: { code: NINH_PHUOC },
        successor: null,
      },
      userErrors: [],
    });
    const found = await t.gql<{ agencies: { edges: { node: { code: string } }[] } }>(
      '{ agencies(first: 5, filter: { search: "tiep nhan va tra ket qua" }) { edges { node { code } } } }',
    );
    expect(found.data!.agencies.edges.map((e) => e.node.code)).toEqual(['22870.MC']);
    const created = await unit('22870.MC');
    const entry = await prisma().auditLog.findFirstOrThrow({
      where: { action: 'agency.create', entityId: String(created.id) },
    });
    expect(entry).toMatchObject({ entity: 'Agency', agencyId: created.id });
    expect(entry.data).toMatchObject({
      after: { code: '22870.MC', parentCode: NINH_PHUOC, validFrom: '2025-07-01' },
    });
  });

  it('validates the code, name, level and dates, storing nothing', async () => {
    const before = await counts();
    const bad = await mutate(
      'createAgency',
      { parentCode: NINH_PHUOC, code: 'mã có dấu', name: '', level: 'COMMUNE', validFrom: '2025-01-01' },
      ninhPhuoc,
    );
    expect(errors(bad)).toEqual([
      [['input', 'code'], 'BAD_USER_INPUT'],
      [['input', 'name'], 'BAD_USER_INPUT'],
      [['input', 'level'], 'BAD_USER_INPUT'], // a commune belongs to a province
      [['input', 'validFrom'], 'AGENCY_ENDED'], // xã Ninh Phước exists from 1/7/2025
    ]);
    expect(bad.userErrors[2]!.message).toBe('Đơn vị cấp xã phải trực thuộc một tỉnh.');
    const district = await mutate(
      'createAgency',
      { parentCode: PROVINCE, code: '999', name: 'Huyện Mới', level: 'DISTRICT' },
      province,
    );
    expect(errors(district)).toEqual([[['input', 'level'], 'BAD_USER_INPUT']]);
    // 22873 is xã Phước Hậu today: a code is reused only across time.
    const taken = await mutate(
      'createAgency',
      { parentCode: PROVINCE, code: PHUOC_HAU, name: 'Xã Trùng Mã', level: 'COMMUNE' },
      province,
    );
    expect(errors(taken)).toEqual([[['input', 'code'], 'AGENCY_CODE_IN_USE']]);
    const elsewhere = await mutate(
      'createAgency',
      { parentCode: PHUOC_HAU, code: '22873.MC', name: 'Bộ phận Một cửa xã Phước Hậu', level: 'DEPARTMENT' },
      ninhPhuoc,
    );
    expect(errors(elsewhere)).toEqual([[['input', 'parentCode'], 'OUT_OF_SCOPE']]);
    expect(await counts()).toEqual(before);
  });
});

describe('updateAgency', () => {
  it("edits the commune's own details, keeps its name searchable, audited before and after", async () => {
    const res = await mutate(
      'updateAgency',
      { code: NINH_PHUOC, shortName: 'UBND xã Ninh Phước', note: 'Trụ sở: thôn Phước Dân.' },
      ninhPhuoc,
    );
    expect(res.agency).toMatchObject({
      name: 'Xã Ninh Phước',
      shortName: 'UBND xã Ninh Phước',
      note: 'Trụ sở: thôn Phước Dân.',
    });
    const renamed = await mutate(
      'updateAgency',
      { code: '22870.MC', name: 'Bộ phận Một cửa xã Ninh Phước' },
      ninhPhuoc,
    );
    expect(renamed.agency?.name).toBe('Bộ phận Một cửa xã Ninh Phước');
    const found = await t.gql<{ agencies: { edges: { node: { code: string } }[] } }>(
      '{ agencies(first: 5, filter: { search: "bo phan mot cua" }) { edges { node { code } } } }',
    );
    expect(found.data!.agencies.edges.map((e) => e.node.code)).toEqual(['22870.MC']);
    const id = (await unit(NINH_PHUOC)).id;
    const entry = await prisma().auditLog.findFirstOrThrow({
      where: { action: 'agency.update', entityId: String(id) },
    });
    expect(entry.agencyId).toBe(id);
    expect(entry.data).toMatchObject({
      before: { shortName: null, note: expect.stringContaining('Hình thành từ: Thị trấn Phước Dân') },
      after: { shortName: 'UBND xã Ninh Phước', note: 'Trụ sở: thôn Phước Dân.' },
    });
  });

  it('refuses another commune, an empty name and a change that changes nothing', async () => {
    const before = await counts();
    expect(errors(await mutate('updateAgency', { code: PHUOC_HAU, note: 'x' }, ninhPhuoc))).toEqual([
      [['input', 'code'], 'OUT_OF_SCOPE'],
    ]);
    expect(errors(await mutate('updateAgency', { code: NINH_PHUOC, name: null }, ninhPhuoc))).toEqual([
      [['input', 'name'], 'BAD_USER_INPUT'],
    ]);
    expect(
      errors(await mutate('updateAgency', { code: NINH_PHUOC, shortName: 'UBND xã Ninh Phước' }, ninhPhuoc)),
    ).toEqual([[null, 'NOTHING_TO_CHANGE']]);
    expect(await counts()).toEqual(before);
  });
});

describe('moveAgency', () => {
  it('moves a unit under another parent when both are in the subtree, never under itself', async () => {
    const elsewhere = await mutate('moveAgency', { code: '22870.MC', parentCode: PHUOC_HAU }, ninhPhuoc);
    expect(errors(elsewhere)).toEqual([[['input', 'parentCode'], 'OUT_OF_SCOPE']]);
    const cycle = await mutate('moveAgency', { code: NINH_PHUOC, parentCode: '22870.MC' }, province);
    expect(errors(cycle)).toEqual([[['input', 'parentCode'], 'AGENCY_CYCLE']]);
    const moved = await mutate('moveAgency', { code: '22870.MC', parentCode: PHUOC_HAU }, province);
    expect(moved.agency?.parent).toEqual({ code: PHUOC_HAU });
    const id = (await unit('22870.MC')).id;
    const entry = await prisma().auditLog.findFirstOrThrow({
      where: { action: 'agency.move', entityId: String(id) },
    });
    expect(entry.data).toMatchObject({
      before: { parentCode: NINH_PHUOC },
      after: { parentCode: PHUOC_HAU },
    });
    // Now outside the commune admin's subtree.
    expect(errors(await mutate('updateAgency', { code: '22870.MC', note: 'x' }, ninhPhuoc))).toEqual([
      [['input', 'code'], 'OUT_OF_SCOPE'],
    ]);
  });
});

describe('mergeAgency', () => {
  const STATS = `query($code: String!) { stats(scope: { agencyCode: $code }, period: { from: "2026-02-01", to: "2026-02-28" }) { received finished } }`;
  const february = async (code: string) =>
    (await t.gql<{ stats: { received: number; finished: number } }>(STATS, { code })).data!.stats;
  const RECORD = `mutation($events: [DossierEventInput!]!) { recordDossierEvents(events: $events) { accepted userErrors { code } } }`;

  beforeAll(async () => {
    // A commune created on 1/1/2026 that receives two dossiers in February, then merges into xã Ninh Phước.
    const created = await mutate(
      'createAgency',
      {
        parentCode: PROVINCE,
        code: '99901',
        name: 'Xã Thử Nghiệm',
        level: 'COMMUNE',
        validFrom: '2026-01-01',
      },
      province,
    );
    expect(created.userErrors).toEqual([]);
    const events = [
      ...dossierEvents('TN-1', '99901', TTHN, 'IN_PERSON', [
        ['RECEIVED', '2026-02-02T08:00'],
        ['RESOLVED', '2026-02-03T10:00'],
      ]),
      ...dossierEvents('TN-2', '99901', TTHN, 'ONLINE', [['RECEIVED', '2026-02-10T09:00']]),
    ];
    const res = await t.gql<{ recordDossierEvents: { accepted: number } }>(RECORD, { events }, ingest);
    expect(res.data!.recordDossierEvents.accepted).toBe(3);
  });

  it("refuses a date before the unit's dossiers, itself, an ended successor, and another subtree", async () => {
    const before = await counts();
    const early = await mutate(
      'mergeAgency',
      { code: '99901', successorCode: NINH_PHUOC, effectiveDate: '2026-02-05' },
      province,
    );
    expect(errors(early)).toEqual([[['input', 'effectiveDate'], 'DOSSIERS_AFTER_MERGE']]);
    expect(early.userErrors[0]!.message).toBe(
      'Xã Thử Nghiệm có 1 hồ sơ tiếp nhận từ ngày 2026-02-05: ngày hiệu lực phải sau các hồ sơ đó.',
    );
    const tooEarly = await mutate(
      'mergeAgency',
      { code: '99901', successorCode: NINH_PHUOC, effectiveDate: '2026-01-01' },
      province,
    );
    expect(errors(tooEarly)).toEqual([[['input', 'effectiveDate'], 'INVALID_DATE']]);
    const itself = await mutate(
      'mergeAgency',
      { code: '99901', successorCode: '99901', effectiveDate: '2026-04-01' },
      province,
    );
    expect(errors(itself)).toEqual([[['input', 'successorCode'], 'AGENCY_CYCLE']]);
    // Xã Phước Thuận (22882) ended on 30/6/2025.
    const ended = await mutate(
      'mergeAgency',
      { code: '99901', successorCode: '22882', effectiveDate: '2026-04-01' },
      province,
    );
    expect(errors(ended)).toEqual([[['input', 'successorCode'], 'AGENCY_ENDED']]);
    const notMine = await mutate(
      'mergeAgency',
      { code: '99901', successorCode: NINH_PHUOC, effectiveDate: '2026-04-01' },
      ninhPhuoc,
    );
    expect(errors(notMine)).toEqual([[['input', 'code'], 'OUT_OF_SCOPE']]);
    const withChildren = await mutate(
      'mergeAgency',
      { code: PHUOC_HAU, successorCode: NINH_PHUOC, effectiveDate: '2026-04-01' },
      province,
    );
    expect(errors(withChildren)).toEqual([[['input', 'code'], 'BAD_USER_INPUT']]); // 22870.MC now sits under it
    expect(await counts()).toEqual(before);
    expect(await unit('99901')).toMatchObject({ validTo: null, successorId: null });
  });

  it("ends the unit the day before, and the successor's figures include its dossiers, past periods too", async () => {
    expect(await february(NINH_PHUOC)).toEqual({ received: 0, finished: 0 });
    expect(await february('99901')).toEqual({ received: 2, finished: 1 });
    const res = await mutate(
      'mergeAgency',
      { code: '99901', successorCode: NINH_PHUOC, effectiveDate: '2026-04-01' },
      province,
    );
    expect(res.agency).toMatchObject({
      code: '99901',
      validTo: '2026-03-31',
      successor: { code: NINH_PHUOC },
    });
    expect(await february(NINH_PHUOC)).toEqual({ received: 2, finished: 1 }); // now through succession
    expect(await february('99901')).toEqual({ received: 2, finished: 1 }); // and still under itself
    expect(await february(PROVINCE)).toEqual({ received: 2, finished: 1 });
    expect(await february(PHUOC_HAU)).toEqual({ received: 0, finished: 0 });
    const predecessors = await t.gql<{ agency: { predecessors: { code: string }[] } }>(
      `{ agency(code: "${NINH_PHUOC}") { predecessors { code } } }`,
    );
    expect(predecessors.data!.agency.predecessors.map((p) => p.code)).toContain('99901');
    // The unit no longer exists from the effective date: an event there is refused.
    const late = await t.gql<{ recordDossierEvents: { accepted: number; userErrors: { code: string }[] } }>(
      RECORD,
      { events: dossierEvents('TN-3', '99901', TTHN, 'IN_PERSON', [['RECEIVED', '2026-04-02T08:00']]) },
      ingest,
    );
    expect(late.data!.recordDossierEvents).toEqual({ accepted: 0, userErrors: [{ code: 'UNKNOWN_AGENCY' }] });
    const merged = await unit('99901');
    const entry = await prisma().auditLog.findFirstOrThrow({
      where: { action: 'agency.merge', entityId: String(merged.id) },
    });
    expect(entry.agencyId).toBe(merged.id);
    expect(entry.data).toMatchObject({
      before: { validTo: null, successorCode: null },
      after: { validTo: '2026-03-31', successorCode: NINH_PHUOC },
      effectiveDate: '2026-04-01',
    });
    // Merged once: not again.
    const again = await mutate(
      'mergeAgency',
      { code: '99901', successorCode: PHUOC_HAU, effectiveDate: '2026-05-01' },
      province,
    );
    expect(errors(again)).toEqual([[['input', 'code'], 'AGENCY_ENDED']]);
  });
});

describe('setAgencyProcedures', () => {
  const IMPLEMENTED = `query($code: String!) { agency(code: $code) { procedures(first: 1) { totalCount } } }`;
  const implemented = async (code: string) =>
    (await t.gql<{ agency: { procedures: { totalCount: number } } }>(IMPLEMENTED, { code })).data!.agency
      .procedures.totalCount;
  const FIELDS = 'agency { code } added removed';

  it("lets a commune's admin add and remove its commune's procedures, audited", async () => {
    const id = (await unit(NINH_PHUOC)).id;
    const current = await prisma().procedureAgency.findMany({
      where: { agencyId: id },
      include: { procedure: true },
    });
    const notYet = await prisma().procedure.findMany({
      where: { active: true, agencies: { none: { agencyId: id } } },
      orderBy: { code: 'asc' },
      take: 2,
    });
    expect(current.length).toBeGreaterThan(0);
    const dropped = current[0]!.procedure.code;
    const before = await implemented(NINH_PHUOC);
    const res = await mutate<{ added: string[]; removed: string[]; userErrors: [] }>(
      'setAgencyProcedures',
      { agencyCode: NINH_PHUOC, add: notYet.map((p) => p.code), remove: [dropped] },
      ninhPhuoc,
      FIELDS,
    );
    expect(res).toEqual({
      agency: { code: NINH_PHUOC },
      added: notYet.map((p) => p.code),
      removed: [dropped],
      userErrors: [],
    });
    expect(await implemented(NINH_PHUOC)).toBe(before + 2 - 1);
    const entry = await prisma().auditLog.findFirstOrThrow({
      where: { action: 'agency.set-procedures', entityId: String(id) },
    });
    expect(entry).toMatchObject({
      agencyId: id,
      data: { added: notYet.map((p) => p.code), removed: [dropped], total: before + 1 },
    });
    const again = await mutate(
      'setAgencyProcedures',
      { agencyCode: NINH_PHUOC, add: notYet.map((p) => p.code) },
      ninhPhuoc,
      FIELDS,
    );
    expect(errors(again)).toEqual([[null, 'NOTHING_TO_CHANGE']]);
  });

  it('refuses unknown codes by position, and another commune', async () => {
    const before = await counts();
    const unknown = await mutate(
      'setAgencyProcedures',
      { agencyCode: NINH_PHUOC, add: [TTHN, '9.999999'], remove: [TTHN] },
      ninhPhuoc,
      FIELDS,
    );
    expect(errors(unknown)).toEqual([
      [['input', 'add', '1'], 'UNKNOWN_PROCEDURE'],
      [['input', 'remove', '0'], 'BAD_USER_INPUT'],
    ]);
    const other = await mutate(
      'setAgencyProcedures',
      { agencyCode: PHUOC_HAU, add: [TTHN] },
      ninhPhuoc,
      FIELDS,
    );
    expect(errors(other)).toEqual([[['input', 'agencyCode'], 'OUT_OF_SCOPE']]);
    expect(await counts()).toEqual(before);
  });
});
