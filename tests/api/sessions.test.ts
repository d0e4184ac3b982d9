// Officials' sessions over real HTTP: signIn (one answer for an unknown user and a wrong password,
// attempts limited), the token acting with the user's roles within their agency subtree, signOut,
// deactivation, idle and absolute expiry, sliding, and only the token's hash at rest.
import { createHash } from 'node:crypto';
import { createUser, deactivateUser, setUserPassword } from '@tthc/api';
import type { Role } from '@tthc/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApi } from '../support/api.ts';
import { at } from '../support/dossier-events.ts';
import { startSeededApi } from '../support/seeded.ts';

const NINH_PHUOC = '22870';
const PHUOC_HAU = '22873';
const PASSWORD = 'mật-khẩu-đủ-dài-2026';

let t: TestApi;
beforeAll(async () => {
  t = await startSeededApi(0);
  await createUser(
    t.api.services.prisma,
    { username: 'qtht', displayName: 'Quản trị hệ thống', password: PASSWORD, role: 'SYSTEM_ADMIN' },
    'TEST',
  );
  await addUser('qt.ninhphuoc', 'Nguyễn Văn A', 'UNIT_ADMIN', NINH_PHUOC);
  await addUser('xem.ninhphuoc', 'Trần Thị B', 'VIEWER', NINH_PHUOC);
});
afterAll(async () => {
  await t?.close();
});

/** An official with one role on an agency's subtree, and the test password. */
const addUser = (username: string, displayName: string, role: Role, agencyCode: string) =>
  createUser(t.api.services.prisma, { username, displayName, password: PASSWORD, role, agencyCode }, 'TEST');

const SIGN_IN = `mutation($input: SignInInput!) {
  signIn(input: $input) { token expiresAt viewer { kind username } userErrors { field code message } } }`;

interface SignIn {
  token: string | null;
  expiresAt: string | null;
  viewer: { kind: string; username: string } | null;
  userErrors: { field: string[]; code: string; message: string }[];
}

async function signIn(username: string, password = PASSWORD, headers: Record<string, string> = {}) {
  const res = await t.gql<{ signIn: SignIn }>(SIGN_IN, { input: { username, password } }, headers);
  expect(res.errors).toBeUndefined();
  return res.data!.signIn;
}

async function bearer(username: string): Promise<Record<string, string>> {
  const { token } = await signIn(username);
  expect(token).toMatch(/^tthcs_/);
  return { authorization: `Bearer ${token}` };
}

const VIEWER = '{ viewer { kind name username roles { role agency { code } } } }';

/** The code a request with these headers is refused with, or OK. */
const code = async (headers: Record<string, string>) =>
  (await t.gql(VIEWER, {}, headers)).errors?.[0]?.extensions?.code ?? 'OK';

/** The SHA-256 the server keeps of a session token (here, of the one in these headers). */
const tokenHashOf = (headers: Record<string, string>) =>
  createHash('sha256').update(headers.authorization!.slice('Bearer '.length)).digest('hex');

const event = (dossierCode: string, agencyCode: string) => ({
  dossierCode,
  procedureCode: '1.004873',
  agencyCode,
  channel: 'IN_PERSON',
  status: 'RECEIVED',
  occurredAt: at('2026-03-02T08:00'),
  sequence: 1,
});
const RECORD = `mutation($events: [DossierEventInput!]!) { recordDossierEvents(events: $events) { accepted userErrors { code } } }`;

describe('signIn', () => {
  it('answers an unknown username and a wrong password alike, and stores nothing', async () => {
    const unknown = await signIn('khong.co.ai');
    const wrong = await signIn('xem.ninhphuoc', 'sai-mat-khau-hoan-toan');
    expect(unknown.token).toBeNull();
    expect(unknown.userErrors).toEqual([
      { field: ['input'], code: 'INVALID_CREDENTIALS', message: 'Tên đăng nhập hoặc mật khẩu không đúng.' },
    ]);
    expect(wrong.userErrors).toEqual(unknown.userErrors);
    expect(await t.api.services.prisma.session.count()).toBe(0);
  });

  it('gives a token that acts as the user, and keeps only its SHA-256', async () => {
    const session = await signIn('qt.ninhphuoc');
    expect(session.viewer).toEqual({ kind: 'SESSION', username: 'qt.ninhphuoc' });
    const rows = await t.api.services.prisma.session.findMany({
      where: { user: { username: 'qt.ninhphuoc' } },
    });
    expect(rows.map((r) => r.tokenHash)).toContain(createHash('sha256').update(session.token!).digest('hex'));
    expect(JSON.stringify(rows)).not.toContain(session.token!);
    const viewer = await t.gql(VIEWER, {}, { authorization: `Bearer ${session.token}` });
    expect(viewer.data).toEqual({
      viewer: {
        kind: 'SESSION',
        name: 'Nguyễn Văn A',
        username: 'qt.ninhphuoc',
        roles: [{ role: 'UNIT_ADMIN', agency: { code: NINH_PHUOC } }],
      },
    });
  });
});

describe('roles, within the agency subtree', () => {
  it('records only where a grant that records reaches: an officer here, a viewer there', async () => {
    // OFFICER of Ninh Phước and VIEWER of Phước Hậu: events for Ninh Phước only (docs/api.md "Roles":
    // each capability within the subtree of the grant that carries it, not of all grants together).
    await addUser('hai.vai.tro', 'Phạm Thị D', 'OFFICER', NINH_PHUOC);
    const user = await t.api.services.prisma.user.findUniqueOrThrow({ where: { username: 'hai.vai.tro' } });
    const phuocHau = await t.api.services.prisma.agency.findFirstOrThrow({ where: { code: PHUOC_HAU } });
    await t.api.services.prisma.userRole.create({
      data: { userId: user.id, role: 'VIEWER', agencyId: phuocHau.id },
    });
    const res = await t.gql<{ recordDossierEvents: { accepted: number; userErrors: { code: string }[] } }>(
      RECORD,
      { events: [event('SS-TWO-1', NINH_PHUOC), event('SS-TWO-2', PHUOC_HAU)] },
      await bearer('hai.vai.tro'),
    );
    expect(res.data!.recordDossierEvents).toEqual({ accepted: 1, userErrors: [{ code: 'OUT_OF_SCOPE' }] });
    expect(await t.api.services.prisma.dossier.count({ where: { code: 'SS-TWO-2' } })).toBe(0);
  });

  it("lets a commune's unit admin write for its commune only", async () => {
    const admin = await bearer('qt.ninhphuoc');
    const res = await t.gql<{ recordDossierEvents: { accepted: number; userErrors: { code: string }[] } }>(
      RECORD,
      { events: [event('SS-OWN-1', NINH_PHUOC), event('SS-OTHER-1', PHUOC_HAU)] },
      admin,
    );
    expect(res.data!.recordDossierEvents).toEqual({ accepted: 1, userErrors: [{ code: 'OUT_OF_SCOPE' }] });
    // The calendar moves every agency's due dates: not for an official of one commune.
    const calendar = await t.gql(
      'mutation { updateCalendarDays(input: { days: [{ date: "2026-12-31", working: false }] }) { userErrors { code } } }',
      {},
      admin,
    );
    expect(calendar.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('lets a viewer read but not write, and a system administrator change the calendar', async () => {
    const viewer = await bearer('xem.ninhphuoc');
    const write = await t.gql(RECORD, { events: [event('SS-VIEW-1', NINH_PHUOC)] }, viewer);
    expect(write.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const read = await t.gql('{ dossier(code: "SS-OWN-1") { code } }', {}, viewer);
    expect(read.data).toEqual({ dossier: { code: 'SS-OWN-1' } });
    const system = await bearer('qtht');
    const calendar = await t.gql<{ updateCalendarDays: { userErrors: unknown[] } }>(
      'mutation { updateCalendarDays(input: { days: [{ date: "2026-12-31", working: false }] }) { userErrors { code } } }',
      {},
      system,
    );
    expect(calendar.data!.updateCalendarDays.userErrors).toEqual([]);
  });
});

describe('the end of a session', () => {
  it('ends with signOut', async () => {
    const headers = await bearer('xem.ninhphuoc');
    expect(await code(headers)).toBe('OK');
    const out = await t.gql<{ signOut: { ok: boolean } }>(
      'mutation { signOut { ok userErrors { code } } }',
      {},
      headers,
    );
    expect(out.data!.signOut.ok).toBe(true);
    expect(await code(headers)).toBe('UNAUTHENTICATED');
  });

  it('ends when the user is deactivated', async () => {
    const prisma = t.api.services.prisma;
    await addUser('tam.thoi', 'Lê Văn C', 'VIEWER', PHUOC_HAU);
    const headers = await bearer('tam.thoi');
    expect(await code(headers)).toBe('OK');
    await prisma.user.update({ where: { username: 'tam.thoi' }, data: { active: false } });
    expect(await code(headers)).toBe('UNAUTHENTICATED');
    expect((await signIn('tam.thoi')).userErrors[0]?.code).toBe('INVALID_CREDENTIALS');
  });

  it('ends after the idle time, and after the absolute maximum however it is used', async () => {
    const prisma = t.api.services.prisma;
    const idle = await bearer('xem.ninhphuoc');
    await prisma.session.update({
      where: { tokenHash: tokenHashOf(idle) },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(await code(idle)).toBe('UNAUTHENTICATED');
    // Used a minute ago, not yet expired, but signed in 13 hours ago (the maximum is 12).
    const old = await bearer('xem.ninhphuoc');
    await prisma.session.update({
      where: { tokenHash: tokenHashOf(old) },
      data: { createdAt: new Date(Date.now() - 13 * 3_600_000), expiresAt: new Date(Date.now() + 600_000) },
    });
    expect(await code(old)).toBe('UNAUTHENTICATED');
  });

  it('slides: a use extends the session by the idle time (written at most once a minute)', async () => {
    const prisma = t.api.services.prisma;
    const headers = await bearer('xem.ninhphuoc');
    const tokenHash = tokenHashOf(headers);
    const soon = new Date(Date.now() + 60_000);
    await prisma.session.update({
      where: { tokenHash },
      data: { lastSeenAt: new Date(Date.now() - 120_000), expiresAt: soon },
    });
    expect(await code(headers)).toBe('OK');
    let row = await prisma.session.findUnique({ where: { tokenHash } });
    for (let i = 0; i < 20 && row!.expiresAt.getTime() === soon.getTime(); i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      row = await prisma.session.findUnique({ where: { tokenHash } });
    }
    // 30 idle minutes from now, give or take the test's own time.
    expect(row!.expiresAt.getTime()).toBeGreaterThan(Date.now() + 29 * 60_000);
  });
});

describe('account changes end sessions', () => {
  it('a new password ends every session of the user, and only the new password signs in', async () => {
    const prisma = t.api.services.prisma;
    await addUser('doi.mk', 'Võ Thị E', 'VIEWER', PHUOC_HAU);
    const [one, two] = [await bearer('doi.mk'), await bearer('doi.mk')];
    const { sessionsEnded } = await setUserPassword(prisma, 'doi.mk', 'mật-khẩu-mới-dài-hơn-2027', 'TEST');
    expect(sessionsEnded).toBe(2);
    expect([await code(one), await code(two)]).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED']);
    expect((await signIn('doi.mk')).userErrors[0]?.code).toBe('INVALID_CREDENTIALS');
    expect((await signIn('doi.mk', 'mật-khẩu-mới-dài-hơn-2027')).token).toMatch(/^tthcs_/);
    expect(await prisma.auditLog.count({ where: { action: 'user.set-password' } })).toBe(1);
  });

  it('deactivating an account ends its sessions at once', async () => {
    const prisma = t.api.services.prisma;
    await addUser('nghi.viec', 'Đỗ Văn G', 'OFFICER', PHUOC_HAU);
    const headers = await bearer('nghi.viec');
    expect(await deactivateUser(prisma, 'nghi.viec', 'TEST')).toEqual({ sessionsEnded: 1 });
    expect(await prisma.session.count({ where: { user: { username: 'nghi.viec' } } })).toBe(0);
    expect(await code(headers)).toBe('UNAUTHENTICATED');
  });
});

describe('sign-in throttling', () => {
  it('refuses a username after 10 attempts in 15 minutes, even with the right password; others still sign in', async () => {
    await addUser('bi.do', 'Phạm Văn D', 'VIEWER', PHUOC_HAU);
    for (let i = 0; i < 10; i++) expect((await signIn('bi.do', `sai-${i}-mat-khau`)).token).toBeNull();
    const refused = await t.gql(SIGN_IN, { input: { username: 'bi.do', password: PASSWORD } });
    expect(refused.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect(refused.status).toBe(429);
    expect((await signIn('qtht')).token).toMatch(/^tthcs_/);
  });

  it('counts wrong passwords only: an official signing in again and again is never locked out', async () => {
    await addUser('hay.dang.nhap', 'Đỗ Văn G', 'VIEWER', PHUOC_HAU);
    // 12 sign-ins in a row, more than the 10 tries a username has in 15 minutes: each right one gives
    // its try back.
    for (let i = 0; i < 12; i++) expect((await signIn('hay.dang.nhap')).token).toMatch(/^tthcs_/);
  });

  it('counts changePassword tries against the same budget: a stolen session guesses no faster', async () => {
    await addUser('thu.mat.khau', 'Vũ Thị E', 'VIEWER', PHUOC_HAU);
    const session = await bearer('thu.mat.khau'); // a right password: gives its try back
    const CHANGE = `mutation($input: ChangePasswordInput!) { changePassword(input: $input) { ok userErrors { code } } }`;
    const change = async (currentPassword: string) =>
      (
        await t.gql<{ changePassword: { ok: boolean; userErrors: { code: string }[] } }>(
          CHANGE,
          { input: { currentPassword, newPassword: 'mật-khẩu-mới-đủ-dài-2026' } },
          session,
        )
      ).data?.changePassword ??
      (await t.gql(CHANGE, { input: { currentPassword, newPassword: 'x' } }, session)).errors;
    // 10 wrong current passwords use the username's 10 tries …
    for (let i = 0; i < 10; i++) {
      expect(await change(`sai-${i}-mat-khau`)).toEqual({
        ok: false,
        userErrors: [{ code: 'INVALID_CREDENTIALS' }],
      });
    }
    // The 11th try is refused before the password is even checked, the right one included: 429, as
    // a throttled signIn.
    const refused = await t.gql(
      CHANGE,
      { input: { currentPassword: PASSWORD, newPassword: 'mật-khẩu-mới-đủ-dài-2026' } },
      session,
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect(refused.status).toBe(429);
    expect((await signIn('qtht')).token).toMatch(/^tthcs_/);
  });
});
