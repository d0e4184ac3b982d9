// Officials' accounts managed over real HTTP (issue 9): createUser, updateUser, setUserRoles,
// deactivateUser / reactivateUser, resetUserPassword, changePassword, and the `users` / `user`
// queries — each within the administrator's subtree (docs/api.md "Roles"), refused input changing
// nothing, every change audited with the account before and after and never a password or its hash.
import type { Role } from '@tthc/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApi } from '../support/api.ts';
import { keyFor } from '../support/keys.ts';
import { addOfficial, sessionOf, TEST_PASSWORD } from '../support/officials.ts';
import { startSeededApi } from '../support/seeded.ts';

const PROVINCE = '56'; // Tỉnh Khánh Hòa since 1/7/2025
const NINH_PHUOC = '22870'; // Xã Ninh Phước
const PHUOC_HAU = '22873'; // Xã Phước Hậu
const NEW_PASSWORD = 'một-mật-khẩu-mới-2026';

let t: TestApi;
let system: Record<string, string>;
let province: Record<string, string>;
let ninhPhuoc: Record<string, string>;
let phuocHau: Record<string, string>;

beforeAll(async () => {
  t = await startSeededApi(0);
  await addOfficial(t, 'qtht', 'SYSTEM_ADMIN');
  await addOfficial(t, 'qt.tinh', 'UNIT_ADMIN', PROVINCE);
  await addOfficial(t, 'qt.ninhphuoc', 'UNIT_ADMIN', NINH_PHUOC, 'Nguyễn Văn An');
  await addOfficial(t, 'qt.phuochau', 'UNIT_ADMIN', PHUOC_HAU);
  system = await sessionOf(t, 'qtht');
  province = await sessionOf(t, 'qt.tinh');
  ninhPhuoc = await sessionOf(t, 'qt.ninhphuoc');
  phuocHau = await sessionOf(t, 'qt.phuochau');
});
afterAll(async () => {
  await t?.close();
});

const prisma = () => t.api.services.prisma;

interface UserErrors {
  userErrors: { field: string[] | null; code: string; message: string }[];
}
interface UserPayload extends UserErrors {
  user: {
    username: string;
    displayName: string;
    email: string | null;
    active: boolean;
    roles: Grant[];
  } | null;
  sessionsEnded?: number | null;
}
interface Grant {
  role: Role;
  agency: { code: string } | null;
}

const USER_FIELDS =
  'user { username displayName email active roles { role agency { code } } } userErrors { field code message }';

async function mutate<T = UserPayload>(
  name: string,
  input: Record<string, unknown>,
  headers: Record<string, string>,
  fields = USER_FIELDS,
): Promise<T> {
  const inputType = `${name[0]!.toUpperCase()}${name.slice(1)}Input`;
  const res = await t.gql<Record<string, T>>(
    `mutation($input: ${inputType}!) { ${name}(input: $input) { ${fields} } }`,
    { input },
    headers,
  );
  expect(res.errors).toBeUndefined();
  return res.data![name]!;
}

const newUser = (username: string, roles: { role: Role; agencyCode?: string }[], extra = {}) => ({
  username,
  displayName: 'Lê Thị Bình',
  email: `${username}@khanhhoa.gov.vn`,
  password: TEST_PASSWORD,
  roles,
  ...extra,
});

const auditRows = (action: string, entityId?: string) =>
  prisma().auditLog.findMany({
    where: { action, ...(entityId ? { entityId } : {}) },
    orderBy: { id: 'asc' },
  });

const agencyId = async (code: string) =>
  (await prisma().agency.findFirstOrThrow({ where: { code, validTo: null } })).id;

const idOf = async (username: string) =>
  String((await prisma().user.findUniqueOrThrow({ where: { username } })).id);

/** The code the API answers a request with: OK, or its first top-level error's code. */
const codeOf = async (headers: Record<string, string>) =>
  (await t.gql('{ viewer { kind } }', {}, headers)).errors?.[0]?.extensions?.code ?? 'OK';

describe('createUser', () => {
  it("lets a commune's unit admin create an officer of its commune, audited without the password", async () => {
    const created = await mutate(
      'createUser',
      newUser('cb.ninhphuoc1', [{ role: 'OFFICER', agencyCode: NINH_PHUOC }]),
      ninhPhuoc,
    );
    expect(created).toEqual({
      user: {
        username: 'cb.ninhphuoc1',
        displayName: 'Lê Thị Bình',
        email: 'cb.ninhphuoc1@khanhhoa.gov.vn',
        active: true,
        roles: [{ role: 'OFFICER', agency: { code: NINH_PHUOC } }],
      },
      userErrors: [],
    });
    const [entry] = await auditRows('user.create', await idOf('cb.ninhphuoc1'));
    const admin = await prisma().user.findUniqueOrThrow({ where: { username: 'qt.ninhphuoc' } });
    expect(entry).toMatchObject({
      actor: `USER:${admin.id}`,
      entity: 'User',
      agencyId: await agencyId(NINH_PHUOC),
    });
    expect(entry!.data).toEqual({
      after: {
        username: 'cb.ninhphuoc1',
        displayName: 'Lê Thị Bình',
        email: 'cb.ninhphuoc1@khanhhoa.gov.vn',
        active: true,
        roles: [{ role: 'OFFICER', agencyCode: NINH_PHUOC }],
      },
    });
    const stored = await prisma().user.findUniqueOrThrow({ where: { username: 'cb.ninhphuoc1' } });
    expect(JSON.stringify(entry!.data)).not.toContain(TEST_PASSWORD);
    expect(JSON.stringify(entry!.data)).not.toContain(stored.passwordHash);
    // The account works at once.
    expect(await codeOf(await sessionOf(t, 'cb.ninhphuoc1'))).toBe('OK');
  });

  it('reports every problem of the input at its field, and stores nothing', async () => {
    const before = await prisma().user.count();
    const audits = await prisma().auditLog.count();
    const res = await mutate(
      'createUser',
      { username: 'Tên Sai', displayName: '  ', email: 'không-phải-thư', password: 'ngắn', roles: [] },
      system,
    );
    expect(res.user).toBeNull();
    expect(res.userErrors.map((e) => [e.field, e.code])).toEqual([
      [['input', 'username'], 'BAD_USER_INPUT'],
      [['input', 'displayName'], 'BAD_USER_INPUT'],
      [['input', 'email'], 'BAD_USER_INPUT'],
      [['input', 'password'], 'WEAK_PASSWORD'],
      [['input', 'roles'], 'BAD_USER_INPUT'],
    ]);
    expect(res.userErrors[3]!.message).toBe('Mật khẩu phải có ít nhất 12 ký tự.');
    const withName = await mutate(
      'createUser',
      newUser('tran.van.c', [{ role: 'VIEWER', agencyCode: NINH_PHUOC }], {
        password: 'tran.van.c-2026-abc',
      }),
      system,
    );
    expect(withName.userErrors).toEqual([
      {
        field: ['input', 'password'],
        code: 'WEAK_PASSWORD',
        message: 'Mật khẩu không được chứa tên đăng nhập.',
      },
    ]);
    expect(await prisma().user.count()).toBe(before);
    expect(await prisma().auditLog.count()).toBe(audits);
  });

  it('refuses a username already taken, and grants outside the subtree or of SYSTEM_ADMIN', async () => {
    const taken = await mutate(
      'createUser',
      newUser('qt.phuochau', [{ role: 'VIEWER', agencyCode: NINH_PHUOC }]),
      system,
    );
    expect(taken.userErrors).toEqual([
      {
        field: ['input', 'username'],
        code: 'USERNAME_TAKEN',
        message: 'Tên đăng nhập "qt.phuochau" đã có người dùng.',
      },
    ]);
    const other = await mutate(
      'createUser',
      newUser('cb.x1', [{ role: 'VIEWER', agencyCode: PHUOC_HAU }]),
      ninhPhuoc,
    );
    expect(other.userErrors).toEqual([
      {
        field: ['input', 'roles', '0', 'agencyCode'],
        code: 'OUT_OF_SCOPE',
        message: expect.stringContaining('Xã Phước Hậu nằm ngoài phạm vi quản trị'),
      },
    ]);
    // Even the province's administrator cannot make a system administrator.
    const sys = await mutate('createUser', newUser('cb.x2', [{ role: 'SYSTEM_ADMIN' }]), province);
    expect(sys.userErrors.map((e) => [e.field, e.code])).toEqual([[['input', 'roles', '0'], 'OUT_OF_SCOPE']]);
    const ended = await mutate(
      'createUser',
      newUser('cb.x3', [{ role: 'VIEWER', agencyCode: '587' }]),
      system,
    );
    expect(ended.userErrors.map((e) => [e.field, e.code])).toEqual([
      [['input', 'roles', '0', 'agencyCode'], 'AGENCY_ENDED'],
    ]);
    expect(await prisma().user.count({ where: { username: { in: ['cb.x1', 'cb.x2', 'cb.x3'] } } })).toBe(0);
    const ok = await mutate('createUser', newUser('qtht2', [{ role: 'SYSTEM_ADMIN' }]), system);
    expect(ok.user?.roles).toEqual([{ role: 'SYSTEM_ADMIN', agency: null }]);
  });

  it('is refused at the top level to those who do not administer', async () => {
    await addOfficial(t, 'xem.ninhphuoc', 'VIEWER', NINH_PHUOC);
    const input = newUser('cb.x4', [{ role: 'VIEWER', agencyCode: NINH_PHUOC }]);
    const query = 'mutation($input: CreateUserInput!) { createUser(input: $input) { userErrors { code } } }';
    expect((await t.gql(query, { input })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const viewer = await sessionOf(t, 'xem.ninhphuoc');
    expect((await t.gql(query, { input }, viewer)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(
      (await t.gql(query, { input }, await keyFor(t, 'READ', 'INGEST'))).errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');
  });
});

describe('users and user', () => {
  const USERS = `query($filter: UserFilter, $first: Int, $after: String) {
    users(first: $first, after: $after, filter: $filter) {
      totalCount edges { node { username } } pageInfo { endCursor hasNextPage } } }`;
  interface Users {
    users: {
      totalCount: number;
      edges: { node: { username: string } }[];
      pageInfo: { endCursor: string; hasNextPage: boolean };
    };
  }
  const names = async (headers: Record<string, string>, filter?: Record<string, unknown>) => {
    const res = await t.gql<Users>(USERS, { filter, first: 100 }, headers);
    expect(res.errors).toBeUndefined();
    return res.data!.users.edges.map((e) => e.node.username).sort();
  };

  beforeAll(async () => {
    // One official on both communes: only the province (or the system) manages the account.
    await mutate(
      'createUser',
      newUser('cb.haixa', [
        { role: 'VIEWER', agencyCode: NINH_PHUOC },
        { role: 'VIEWER', agencyCode: PHUOC_HAU },
      ]),
      province,
    );
    await mutate(
      'createUser',
      newUser('cb.phuochau1', [{ role: 'OFFICER', agencyCode: PHUOC_HAU }]),
      phuocHau,
    );
  });

  it('files the creation of an account on two communes under their province', async () => {
    const [entry] = await auditRows('user.create', await idOf('cb.haixa'));
    expect(entry!.agencyId).toBe(await agencyId(PROVINCE));
  });

  it('shows each administrator the accounts whose every role lies in its subtree', async () => {
    const commune = await names(ninhPhuoc);
    expect(commune).toContain('qt.ninhphuoc');
    expect(commune).toContain('cb.ninhphuoc1');
    expect(commune).not.toContain('cb.haixa'); // also a viewer of Phước Hậu
    expect(commune).not.toContain('cb.phuochau1');
    expect(commune).not.toContain('qtht');
    const provincial = await names(province);
    expect(provincial).toEqual(
      expect.arrayContaining(['cb.haixa', 'cb.phuochau1', 'qt.ninhphuoc', 'qt.tinh']),
    );
    expect(provincial).not.toContain('qtht'); // a system-wide role is the system's to manage
    expect(await names(system)).toContain('qtht');
    const one = await t.gql<{ user: unknown }>('{ user(username: "cb.haixa") { username } }', {}, ninhPhuoc);
    expect(one.data).toEqual({ user: null });
    const seen = await t.gql(
      '{ user(username: "CB.HAIXA") { roles { role agency { code } } } }',
      {},
      province,
    );
    expect(seen.data).toEqual({
      user: {
        roles: [
          { role: 'VIEWER', agency: { code: NINH_PHUOC } },
          { role: 'VIEWER', agency: { code: PHUOC_HAU } },
        ],
      },
    });
  });

  it('filters by words, agency, role and state, and pages through the whole list', async () => {
    expect(await names(province, { agencyCode: PHUOC_HAU })).toEqual([
      'cb.haixa',
      'cb.phuochau1',
      'qt.phuochau',
    ]);
    expect(await names(province, { role: 'OFFICER', agencyCode: PHUOC_HAU })).toEqual(['cb.phuochau1']);
    expect(await names(system, { search: 'NGUYỄN VĂN' })).toEqual(['qt.ninhphuoc']); // its display name
    expect(await names(system, { active: false })).toEqual([]);
    const all = await names(system);
    const paged: string[] = [];
    let after: string | undefined;
    for (;;) {
      const res = await t.gql<Users>(USERS, { first: 2, after }, system);
      expect(res.data!.users.totalCount).toBe(all.length);
      paged.push(...res.data!.users.edges.map((e) => e.node.username));
      if (!res.data!.users.pageInfo.hasNextPage) break;
      after = res.data!.users.pageInfo.endCursor;
    }
    expect(paged.sort()).toEqual(all);
    const forged = await t.gql(
      USERS,
      { first: 2, after: Buffer.from('ApiKey:1').toString('base64') },
      system,
    );
    expect(forged.errors?.[0]?.extensions?.code).toBe('INVALID_CURSOR');
  });
});

describe('updateUser and setUserRoles', () => {
  it('changes name and e-mail, audited before and after', async () => {
    const res = await mutate(
      'updateUser',
      { username: 'cb.ninhphuoc1', displayName: 'Lê Thị Bình An', email: null },
      ninhPhuoc,
    );
    expect(res.user).toMatchObject({ displayName: 'Lê Thị Bình An', email: null });
    const [entry] = await auditRows('user.update', await idOf('cb.ninhphuoc1'));
    expect(entry!.data).toMatchObject({
      before: { displayName: 'Lê Thị Bình', email: 'cb.ninhphuoc1@khanhhoa.gov.vn' },
      after: { displayName: 'Lê Thị Bình An', email: null },
    });
    const again = await mutate(
      'updateUser',
      { username: 'cb.ninhphuoc1', displayName: 'Lê Thị Bình An' },
      ninhPhuoc,
    );
    expect(again.userErrors.map((e) => e.code)).toEqual(['NOTHING_TO_CHANGE']);
    const elsewhere = await mutate('updateUser', { username: 'cb.phuochau1', displayName: 'X' }, ninhPhuoc);
    expect(elsewhere.userErrors.map((e) => [e.field, e.code])).toEqual([
      [['input', 'username'], 'OUT_OF_SCOPE'],
    ]);
    const unknown = await mutate('updateUser', { username: 'khong.co', displayName: 'X' }, ninhPhuoc);
    expect(unknown.userErrors.map((e) => e.code)).toEqual(['NOT_FOUND']);
  });

  it('replaces the roles, effective at the account’s next request', async () => {
    const officer = await sessionOf(t, 'cb.ninhphuoc1');
    const ROLES = '{ viewer { roles { role agency { code } } } }';
    expect((await t.gql(ROLES, {}, officer)).data).toEqual({
      viewer: { roles: [{ role: 'OFFICER', agency: { code: NINH_PHUOC } }] },
    });
    const res = await mutate(
      'setUserRoles',
      { username: 'cb.ninhphuoc1', roles: [{ role: 'VIEWER', agencyCode: NINH_PHUOC }] },
      ninhPhuoc,
    );
    expect(res.user?.roles).toEqual([{ role: 'VIEWER', agency: { code: NINH_PHUOC } }]);
    expect((await t.gql(ROLES, {}, officer)).data).toEqual({
      viewer: { roles: [{ role: 'VIEWER', agency: { code: NINH_PHUOC } }] },
    });
    const [entry] = await auditRows('user.set-roles', await idOf('cb.ninhphuoc1'));
    expect(entry!.data).toMatchObject({
      before: { roles: [{ role: 'OFFICER', agencyCode: NINH_PHUOC }] },
      after: { roles: [{ role: 'VIEWER', agencyCode: NINH_PHUOC }] },
    });
  });

  it('refuses one’s own roles, and roles beyond the subtree, changing nothing', async () => {
    const own = await mutate(
      'setUserRoles',
      { username: 'qt.ninhphuoc', roles: [{ role: 'UNIT_ADMIN', agencyCode: PROVINCE }] },
      ninhPhuoc,
    );
    expect(own.userErrors.map((e) => [e.field, e.code])).toEqual([[['input', 'username'], 'BAD_USER_INPUT']]);
    const wider = await mutate(
      'setUserRoles',
      { username: 'cb.ninhphuoc1', roles: [{ role: 'UNIT_ADMIN', agencyCode: PROVINCE }] },
      ninhPhuoc,
    );
    expect(wider.userErrors.map((e) => [e.field, e.code])).toEqual([
      [['input', 'roles', '0', 'agencyCode'], 'OUT_OF_SCOPE'],
    ]);
    const roles = await prisma().userRole.findMany({
      where: { user: { username: { in: ['qt.ninhphuoc', 'cb.ninhphuoc1'] } } },
    });
    expect(roles.map((r) => r.role).sort()).toEqual(['UNIT_ADMIN', 'VIEWER']);
  });
});

describe('deactivateUser, reactivateUser, resetUserPassword', () => {
  beforeAll(async () => {
    await mutate(
      'createUser',
      newUser('cb.nghiviec', [{ role: 'OFFICER', agencyCode: NINH_PHUOC }]),
      ninhPhuoc,
    );
  });

  it('ends the sessions of a deactivated account, and lets it back in when reactivated', async () => {
    const session = await sessionOf(t, 'cb.nghiviec');
    const res = await mutate(
      'deactivateUser',
      { username: 'cb.nghiviec' },
      ninhPhuoc,
      `sessionsEnded ${USER_FIELDS}`,
    );
    expect(res).toMatchObject({ user: { active: false }, sessionsEnded: 1, userErrors: [] });
    expect(await codeOf(session)).toBe('UNAUTHENTICATED');
    await expect(sessionOf(t, 'cb.nghiviec')).rejects.toThrow(/INVALID_CREDENTIALS/);
    const twice = await mutate('deactivateUser', { username: 'cb.nghiviec' }, ninhPhuoc);
    expect(twice.userErrors.map((e) => e.code)).toEqual(['NOTHING_TO_CHANGE']);
    const self = await mutate('deactivateUser', { username: 'qt.ninhphuoc' }, ninhPhuoc);
    expect(self.userErrors.map((e) => e.code)).toEqual(['BAD_USER_INPUT']);
    const back = await mutate('reactivateUser', { username: 'cb.nghiviec' }, ninhPhuoc);
    expect(back.user?.active).toBe(true);
    expect(await codeOf(await sessionOf(t, 'cb.nghiviec'))).toBe('OK');
    const id = await idOf('cb.nghiviec');
    expect((await auditRows('user.deactivate', id))[0]!.data).toMatchObject({
      before: { active: true },
      after: { active: false },
      sessionsEnded: 1,
    });
    expect(await auditRows('user.reactivate', id)).toHaveLength(1);
  });

  it('sets a temporary password: every session ends, the old password no longer works', async () => {
    const session = await sessionOf(t, 'cb.nghiviec');
    // This one and the one the previous test signed in with.
    expect(await prisma().session.count({ where: { user: { username: 'cb.nghiviec' } } })).toBe(2);
    const res = await mutate(
      'resetUserPassword',
      { username: 'cb.nghiviec', password: NEW_PASSWORD },
      province,
      `sessionsEnded ${USER_FIELDS}`,
    );
    expect(res).toMatchObject({ sessionsEnded: 2, userErrors: [] });
    expect(await codeOf(session)).toBe('UNAUTHENTICATED');
    await expect(sessionOf(t, 'cb.nghiviec')).rejects.toThrow(/INVALID_CREDENTIALS/);
    const signIn = await t.gql<{ signIn: { token: string | null } }>(
      'mutation($i: SignInInput!) { signIn(input: $i) { token } }',
      { i: { username: 'cb.nghiviec', password: NEW_PASSWORD } },
    );
    expect(signIn.data!.signIn.token).toMatch(/^tthcs_/);
    const [entry] = await auditRows('user.set-password', await idOf('cb.nghiviec'));
    const hash = (await prisma().user.findUniqueOrThrow({ where: { username: 'cb.nghiviec' } })).passwordHash;
    expect(entry!.data).toMatchObject({ passwordChanged: true, sessionsEnded: 2 });
    expect(JSON.stringify(entry!.data)).not.toContain(NEW_PASSWORD);
    expect(JSON.stringify(entry!.data)).not.toContain(hash);
    const weak = await mutate('resetUserPassword', { username: 'cb.nghiviec', password: 'ngắn' }, province);
    expect(weak.userErrors.map((e) => [e.field, e.code])).toEqual([[['input', 'password'], 'WEAK_PASSWORD']]);
    const elsewhere = await mutate(
      'resetUserPassword',
      { username: 'cb.nghiviec', password: NEW_PASSWORD },
      phuocHau,
    );
    expect(elsewhere.userErrors.map((e) => e.code)).toEqual(['OUT_OF_SCOPE']);
  });
});

describe('changePassword', () => {
  const CHANGE = 'ok sessionsEnded userErrors { field code message }';
  interface Change extends UserErrors {
    ok: boolean;
    sessionsEnded: number;
  }

  it('needs the current password; keeps this session and ends the others', async () => {
    await mutate(
      'createUser',
      newUser('cb.doimatkhau', [{ role: 'VIEWER', agencyCode: PHUOC_HAU }]),
      phuocHau,
    );
    const here = await sessionOf(t, 'cb.doimatkhau');
    const elsewhere = await sessionOf(t, 'cb.doimatkhau');
    const wrong = await mutate<Change>(
      'changePassword',
      { currentPassword: 'không-đúng-mật-khẩu', newPassword: NEW_PASSWORD },
      here,
      CHANGE,
    );
    expect(wrong).toEqual({
      ok: false,
      sessionsEnded: 0,
      userErrors: [
        {
          field: ['input', 'currentPassword'],
          code: 'INVALID_CREDENTIALS',
          message: 'Mật khẩu hiện tại không đúng.',
        },
      ],
    });
    const same = await mutate<Change>(
      'changePassword',
      { currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD },
      here,
      CHANGE,
    );
    expect(same.userErrors.map((e) => [e.field, e.code])).toEqual([
      [['input', 'newPassword'], 'BAD_USER_INPUT'],
    ]);
    const changed = await mutate<Change>(
      'changePassword',
      { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD },
      here,
      CHANGE,
    );
    expect(changed).toEqual({ ok: true, sessionsEnded: 1, userErrors: [] });
    expect(await codeOf(here)).toBe('OK');
    expect(await codeOf(elsewhere)).toBe('UNAUTHENTICATED');
    const [entry] = await auditRows('user.change-password', await idOf('cb.doimatkhau'));
    expect(entry).toMatchObject({
      actor: `USER:${await idOf('cb.doimatkhau')}`,
      agencyId: await agencyId(PHUOC_HAU),
    });
  });

  it('is for signed-in officials only', async () => {
    const query = 'mutation($i: ChangePasswordInput!) { changePassword(input: $i) { ok } }';
    const i = { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD };
    expect((await t.gql(query, { i })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await t.gql(query, { i }, await keyFor(t, 'ADMIN'))).errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    );
  });
});
