// The audit log browsed over real HTTP (issue 9): newest first, paged, filtered; a system
// administrator sees every entry, a unit admin those whose agency lies in its subtree (docs/api.md
// "Roles"); each entry says who (USER:n as the official's username and name, API_KEY:n as the key's
// name), when, what, and the fields changed.
import { createApiKey } from '@tthc/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApi } from '../support/api.ts';
import { addOfficial, sessionOf, TEST_PASSWORD } from '../support/officials.ts';
import { startSeededApi } from '../support/seeded.ts';

const PROVINCE = '56';
const A = '22870'; // Xã Ninh Phước
const B = '22873'; // Xã Phước Hậu

let t: TestApi;
let system: Record<string, string>;
let province: Record<string, string>;
let adminA: Record<string, string>;
let adminB: Record<string, string>;
let systemKey: Record<string, string>;

async function run(query: string, input: Record<string, unknown>, headers: Record<string, string>) {
  const res = await t.gql<Record<string, { userErrors: unknown[] }>>(query, { input }, headers);
  expect(res.errors).toBeUndefined();
  expect(Object.values(res.data!)[0]!.userErrors).toEqual([]);
}
const CREATE_USER =
  'mutation($input: CreateUserInput!) { createUser(input: $input) { userErrors { code } } }';
const UPDATE_USER =
  'mutation($input: UpdateUserInput!) { updateUser(input: $input) { userErrors { code } } }';
const CALENDAR =
  'mutation($input: UpdateCalendarDaysInput!) { updateCalendarDays(input: $input) { userErrors { code } } }';
const UPDATE_AGENCY =
  'mutation($input: UpdateAgencyInput!) { updateAgency(input: $input) { userErrors { code } } }';

beforeAll(async () => {
  t = await startSeededApi(0);
  await addOfficial(t, 'qtht', 'SYSTEM_ADMIN', undefined, 'Phạm Quản Trị');
  await addOfficial(t, 'qt.tinh', 'UNIT_ADMIN', PROVINCE);
  await addOfficial(t, 'qt.ninhphuoc', 'UNIT_ADMIN', A, 'Nguyễn Văn An');
  await addOfficial(t, 'qt.phuochau', 'UNIT_ADMIN', B, 'Trần Thị Bích');
  system = await sessionOf(t, 'qtht');
  province = await sessionOf(t, 'qt.tinh');
  adminA = await sessionOf(t, 'qt.ninhphuoc');
  adminB = await sessionOf(t, 'qt.phuochau');
  const key = await createApiKey(
    t.api.services.prisma,
    { name: 'Cổng quản trị tỉnh', scopes: ['ADMIN'] },
    'TEST',
  );
  systemKey = { authorization: `Bearer ${key.key}` };
  // The entries the tests read, in this order (after the TEST entries of the setup above):
  const user = (username: string, agencyCode: string) => ({
    username,
    displayName: 'Lê Văn Cường',
    password: TEST_PASSWORD,
    roles: [{ role: 'OFFICER', agencyCode }],
  });
  await run(CREATE_USER, user('cb.a1', A), adminA); // 1. user.create, agency A
  await run(CREATE_USER, user('cb.b1', B), adminB); // 2. user.create, agency B
  await run(UPDATE_USER, { username: 'cb.a1', displayName: 'Lê Văn Cường (Tư pháp)' }, adminA); // 3. user.update, A
  await run(CALENDAR, { days: [{ date: '2026-12-31', working: false, note: 'Nghỉ thử' }] }, system); // 4. calendar, none
  await run(UPDATE_AGENCY, { code: B, note: 'Ghi chú của tỉnh' }, systemKey); // 5. agency.update, B, by a key
});
afterAll(async () => {
  await t?.close();
});

interface Entry {
  action: string;
  actor: string;
  entity: string;
  entityId: string | null;
  who: { kind: string; username: string | null; name: string | null };
  agency: { code: string } | null;
  changes: { field: string; before: string | null; after: string | null }[];
}

const LOG = `query($f: AuditLogFilter, $first: Int, $after: String) {
  auditLog(first: $first, after: $after, filter: $f) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id at action actor entity entityId who { kind username name } agency { code } changes { field before after } } } } }`;

interface Log {
  auditLog: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string };
    edges: { node: Entry }[];
  };
}

async function entries(headers: Record<string, string>, f?: Record<string, unknown>): Promise<Entry[]> {
  const res = await t.gql<Log>(LOG, { f, first: 100 }, headers);
  expect(res.errors).toBeUndefined();
  return res.data!.auditLog.edges.map((e) => e.node);
}

/** The five changes made above, newest first, as `action@agency`. */
const MADE = [
  'agency.update@22873',
  'calendar.set-days@-',
  'user.update@22870',
  'user.create@22873',
  'user.create@22870',
];
const short = (list: Entry[]) => list.map((e) => `${e.action}@${e.agency?.code ?? '-'}`);

describe('auditLog', () => {
  it('shows a system administrator every entry, newest first, with who made it', async () => {
    const all = await entries(system);
    expect(short(all).slice(0, 5)).toEqual(MADE);
    const [agency, calendar, update] = all;
    expect(agency!.who).toEqual({
      kind: 'API_KEY',
      username: expect.stringMatching(/^[0-9a-f]{12}$/),
      name: 'Cổng quản trị tỉnh',
    });
    expect(calendar!.who).toEqual({ kind: 'USER', username: 'qtht', name: 'Phạm Quản Trị' });
    expect(update).toMatchObject({
      entity: 'User',
      who: { kind: 'USER', username: 'qt.ninhphuoc', name: 'Nguyễn Văn An' },
      changes: [{ field: 'displayName', before: '"Lê Văn Cường"', after: '"Lê Văn Cường (Tư pháp)"' }],
    });
    // The setup's accounts and key, made outside the API: an actor the log keeps as written.
    expect(all.at(-1)!.who).toEqual({ kind: 'OTHER', username: null, name: null });
  });

  it('shows a unit admin only the entries of its subtree; none that are system-wide', async () => {
    expect(short(await entries(adminA))).toEqual([
      'user.update@22870',
      'user.create@22870',
      'user.create@22870',
    ]);
    expect(short(await entries(adminB))).toEqual([
      'agency.update@22873',
      'user.create@22873',
      'user.create@22873',
    ]);
    const provincial = short(await entries(province));
    expect(provincial).not.toContain('calendar.set-days@-');
    expect(provincial.slice(0, 4)).toEqual([
      'agency.update@22873',
      'user.update@22870',
      'user.create@22873',
      'user.create@22870',
    ]);
  });

  it('filters by official, action or its family, entity, agency and days', async () => {
    expect(short(await entries(system, { username: 'qt.ninhphuoc' }))).toEqual([
      'user.update@22870',
      'user.create@22870',
    ]);
    expect(short(await entries(system, { action: 'user.update' }))).toEqual(['user.update@22870']);
    expect((await entries(system, { action: 'user' })).every((e) => e.action.startsWith('user.'))).toBe(true);
    expect(short(await entries(system, { entity: 'Agency' }))).toEqual(['agency.update@22873']);
    expect(short(await entries(system, { agencyCode: B, action: 'user' }))).toEqual([
      'user.create@22873',
      'user.create@22873',
    ]);
    const created = await t.api.services.prisma.user.findUniqueOrThrow({ where: { username: 'cb.a1' } });
    expect(short(await entries(system, { entity: 'User', entityId: String(created.id) }))).toEqual([
      'user.update@22870',
      'user.create@22870',
    ]);
    const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    expect(short(await entries(system, { from: today, to: today })).slice(0, 5)).toEqual(MADE);
    expect(await entries(system, { to: '2026-01-01' })).toEqual([]);
    expect(await entries(system, { username: 'khong.co.ai' })).toEqual([]);
  });

  it('pages through every entry', async () => {
    const all = await entries(system);
    const seen: string[] = [];
    let after: string | undefined;
    for (;;) {
      const res = await t.gql<Log>(LOG, { first: 3, after }, system);
      expect(res.data!.auditLog.totalCount).toBe(all.length);
      seen.push(...res.data!.auditLog.edges.map((e) => `${e.node.action}:${e.node.entityId}`));
      if (!res.data!.auditLog.pageInfo.hasNextPage) break;
      after = res.data!.auditLog.pageInfo.endCursor;
    }
    expect(seen).toEqual(all.map((e) => `${e.action}:${e.entityId}`));
  });

  it('is for administrators only', async () => {
    await addOfficial(t, 'xem.ninhphuoc', 'VIEWER', A);
    expect((await t.gql(LOG, {})).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const viewer = await t.gql(LOG, {}, await sessionOf(t, 'xem.ninhphuoc'));
    expect(viewer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
