// Officials' accounts: create, edit, grant roles, deactivate and reactivate, reset or change a
// password. Who may manage whom is the permission table of docs/api.md "Roles": an administrator
// manages the accounts whose every grant lies in its subtree, and grants only there. Every change is
// audited in its transaction with the account before and after (never a password or its hash).
import { hash, verify } from '@node-rs/argon2';
import type { Prisma, PrismaClient, Role } from '@tthc/db';
import { type Admin, EVERYWHERE, type Reach } from './access/reach.ts';
import { commonAncestor } from './agencies.ts';
import { audit } from './audit.ts';
import { isUniqueViolation, Problems, refused } from './input-refusal.ts';
import {
  checkDisplayName,
  checkEmail,
  checkPassword,
  checkUsername,
  type GrantInput,
  normalizeUsername,
  type ResolvedGrant,
  resolveGrants,
} from './user-input.ts';

export { ROLES } from './user-input.ts';

const withRoles = { roles: { include: { agency: true }, orderBy: { id: 'asc' } } } as const;
export type Account = Prisma.UserGetPayload<{ include: typeof withRoles }>;

/** What the audit log keeps of an account: never the password hash. */
function snapshot(user: Account) {
  return {
    username: user.username,
    displayName: user.displayName,
    email: user.email,
    active: user.active,
    roles: user.roles.map((r) => ({ role: r.role, agencyCode: r.agency?.code ?? null })),
  };
}

/** The agency whose subtree an account's entries belong to (null when a grant is system-wide). */
function auditAgency(prisma: PrismaClient, grants: readonly { agencyId: number | null }[]) {
  if (grants.some((g) => g.agencyId === null)) return Promise.resolve(null);
  return commonAncestor(
    prisma,
    grants.map((g) => g.agencyId as number),
  );
}

/** Whether `reach` covers every grant of the account (a system administrator manages all). */
export const manages = (reach: Reach, grants: readonly { agencyId: number | null }[]) =>
  reach.everywhere || (grants.length > 0 && grants.every((g) => reach.covers(g.agencyId)));

async function managedAccount(prisma: PrismaClient, username: string, by: Admin): Promise<Account> {
  const user = await prisma.user.findUnique({
    where: { username: normalizeUsername(username) },
    include: withRoles,
  });
  if (!user) throw refused(['username'], 'NOT_FOUND', `Không có tài khoản "${username}".`);
  if (!manages(by.reach, user.roles)) {
    throw refused(
      ['username'],
      'OUT_OF_SCOPE',
      'Tài khoản này có vai trò ngoài phạm vi quản trị của bạn: chỉ quản lý được tài khoản mà mọi vai trò đều thuộc đơn vị được phân quyền.',
    );
  }
  return user;
}

function notOneself(user: Account, by: Admin, what: string): void {
  if (by.userId === user.id)
    throw refused(['username'], 'BAD_USER_INPUT', `Không thể tự ${what} tài khoản của chính mình.`);
}

export interface NewAccount {
  username: string;
  displayName: string;
  email?: string | null | undefined;
  password: string;
  roles: readonly GrantInput[];
}

export async function createAccount(prisma: PrismaClient, input: NewAccount, by: Admin): Promise<Account> {
  const problems = new Problems();
  const username = normalizeUsername(input.username);
  checkUsername(username, problems);
  const displayName = checkDisplayName(input.displayName, problems);
  const email = checkEmail(input.email, problems);
  checkPassword(input.password, username, problems, ['password']);
  const grants = await resolveGrants(prisma, input.roles, by.reach, problems);
  if (problems.empty && (await prisma.user.findUnique({ where: { username } }))) {
    problems.add(['username'], 'USERNAME_TAKEN', `Tên đăng nhập "${username}" đã có người dùng.`);
  }
  problems.throwIfAny();
  const passwordHash = await hash(input.password); // argon2id with the library's recommended cost
  const agencyId = await auditAgency(prisma, grants);
  const created = prisma.$transaction(async (tx) => {
    const user = await tx.user.create({
      data: {
        username,
        displayName: displayName as string,
        email: email ?? null,
        passwordHash,
        roles: { create: grants.map((g) => ({ role: g.role, agencyId: g.agencyId })) },
      },
      include: withRoles,
    });
    await audit(
      tx,
      by.actor,
      'user.create',
      'User',
      String(user.id),
      { after: snapshot(user) },
      { agencyId },
    );
    return user;
  });
  return created.catch((error: unknown) => {
    if (!isUniqueViolation(error)) throw error;
    throw refused(['username'], 'USERNAME_TAKEN', `Tên đăng nhập "${username}" đã có người dùng.`);
  });
}

export interface AccountEdit {
  username: string;
  displayName?: string | null | undefined;
  email?: string | null | undefined;
}

/** New name and/or e-mail address (an omitted field stays; a null e-mail clears it). */
export async function updateAccount(prisma: PrismaClient, input: AccountEdit, by: Admin): Promise<Account> {
  const user = await managedAccount(prisma, input.username, by);
  const problems = new Problems();
  const data: Prisma.UserUpdateInput = {};
  if (input.displayName !== undefined) {
    const name = checkDisplayName(input.displayName ?? '', problems);
    if (name !== undefined) data.displayName = name;
  }
  if (input.email !== undefined) {
    const email = checkEmail(input.email, problems);
    if (email !== undefined) data.email = email;
  }
  problems.throwIfAny();
  if (Object.entries(data).every(([k, v]) => user[k as keyof Account] === v)) {
    throw refused(null, 'NOTHING_TO_CHANGE', 'Không có thông tin nào thay đổi.');
  }
  return changeAccount(prisma, user, data, by, 'user.update');
}

/** Replaces the account's role grants; they take effect at its next request. */
export async function setAccountRoles(
  prisma: PrismaClient,
  input: { username: string; roles: readonly GrantInput[] },
  by: Admin,
): Promise<Account> {
  const user = await managedAccount(prisma, input.username, by);
  notOneself(user, by, 'thay đổi vai trò của');
  const problems = new Problems();
  const grants = await resolveGrants(prisma, input.roles, by.reach, problems);
  problems.throwIfAny();
  const key = (g: { role: Role; agencyId: number | null }) => `${g.role}@${g.agencyId}`;
  if (grants.map(key).sort().join() === user.roles.map(key).sort().join()) {
    throw refused(['roles'], 'NOTHING_TO_CHANGE', 'Tài khoản đã có đúng các vai trò này.');
  }
  const data: Prisma.UserUpdateInput = {
    roles: {
      deleteMany: {},
      create: grants.map((g: ResolvedGrant) => ({ role: g.role, agencyId: g.agencyId })),
    },
  };
  return changeAccount(prisma, user, data, by, 'user.set-roles', grants);
}

/** Deactivates an account: it can no longer sign in, and its sessions end at once. */
export async function deactivateAccount(prisma: PrismaClient, username: string, by: Admin) {
  const user = await managedAccount(prisma, username, by);
  notOneself(user, by, 'khóa');
  if (!user.active)
    throw refused(['username'], 'NOTHING_TO_CHANGE', `Tài khoản "${user.username}" đã bị khóa.`);
  return changeAccount(prisma, user, { active: false }, by, 'user.deactivate', [], true);
}

export async function reactivateAccount(prisma: PrismaClient, username: string, by: Admin) {
  const user = await managedAccount(prisma, username, by);
  if (user.active) {
    throw refused(['username'], 'NOTHING_TO_CHANGE', `Tài khoản "${user.username}" đang hoạt động.`);
  }
  return changeAccount(prisma, user, { active: true }, by, 'user.reactivate');
}

/** A temporary password set by an administrator; every session of the account ends. */
export async function resetAccountPassword(
  prisma: PrismaClient,
  input: { username: string; password: string },
  by: Admin,
) {
  const user = await managedAccount(prisma, input.username, by);
  const problems = new Problems();
  checkPassword(input.password, user.username, problems, ['password']);
  problems.throwIfAny();
  const passwordHash = await hash(input.password);
  return changeAccount(prisma, user, { passwordHash }, by, 'user.set-password', [], true);
}

/**
 * One change of an account in one transaction with its audit entry: the account before and after,
 * how many sessions ended (when `endSessions`), and a note that the password changed — not its hash.
 */
async function changeAccount(
  prisma: PrismaClient,
  user: Account,
  data: Prisma.UserUpdateInput,
  by: Admin,
  action: string,
  newGrants: readonly { agencyId: number | null }[] = [],
  endSessions = false,
) {
  const agencyId = await auditAgency(prisma, [...user.roles, ...newGrants]);
  return prisma.$transaction(async (tx) => {
    const after = await tx.user.update({ where: { id: user.id }, data, include: withRoles });
    const ended = endSessions ? (await tx.session.deleteMany({ where: { userId: user.id } })).count : 0;
    await audit(
      tx,
      by.actor,
      action,
      'User',
      String(user.id),
      {
        before: snapshot(user),
        after: snapshot(after),
        ...('passwordHash' in data ? { passwordChanged: true } : {}),
        ...(endSessions ? { sessionsEnded: ended } : {}),
      },
      { agencyId },
    );
    return Object.assign(after, { sessionsEnded: ended });
  });
}

/**
 * A signed-in official changes its own password, proving the current one. The other sessions of the
 * account end; the one making the change goes on.
 */
export async function changeOwnPassword(
  prisma: PrismaClient,
  who: { userId: number; sessionId: number; actor: string },
  input: { currentPassword: string; newPassword: string },
) {
  const user = await prisma.user.findUniqueOrThrow({ where: { id: who.userId }, include: withRoles });
  if (!(await verify(user.passwordHash, input.currentPassword).catch(() => false))) {
    throw refused(['currentPassword'], 'INVALID_CREDENTIALS', 'Mật khẩu hiện tại không đúng.');
  }
  const problems = new Problems();
  checkPassword(input.newPassword, user.username, problems, ['newPassword']);
  if (problems.empty && input.newPassword === input.currentPassword) {
    problems.add(['newPassword'], 'BAD_USER_INPUT', 'Mật khẩu mới phải khác mật khẩu hiện tại.');
  }
  problems.throwIfAny();
  const passwordHash = await hash(input.newPassword);
  const agencyId = await auditAgency(prisma, user.roles);
  return prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    const { count } = await tx.session.deleteMany({ where: { userId: user.id, id: { not: who.sessionId } } });
    await audit(
      tx,
      who.actor,
      'user.change-password',
      'User',
      String(user.id),
      { passwordChanged: true, sessionsEnded: count },
      { agencyId },
    );
    return { sessionsEnded: count };
  });
}

// ─── The command line (cli/main.ts) and test helpers: the same rules, from everywhere ────────────

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  email?: string | undefined;
  role: Role;
  /** The agency subtree the role is scoped to; required except for SYSTEM_ADMIN. */
  agencyCode?: string | undefined;
}

export function createUser(prisma: PrismaClient, input: NewUser, actor: string) {
  const { role, agencyCode, ...account } = input;
  return createAccount(prisma, { ...account, roles: [{ role, agencyCode }] }, { actor, reach: EVERYWHERE });
}

/** A new password; every session of the user ends (whoever held one must sign in again). */
export async function setUserPassword(
  prisma: PrismaClient,
  username: string,
  password: string,
  actor: string,
) {
  const { sessionsEnded } = await resetAccountPassword(
    prisma,
    { username, password },
    { actor, reach: EVERYWHERE },
  );
  return { sessionsEnded };
}

/** Deactivates an account: it can no longer sign in, and its sessions end at once. */
export async function deactivateUser(prisma: PrismaClient, username: string, actor: string) {
  const { sessionsEnded } = await deactivateAccount(prisma, username, { actor, reach: EVERYWHERE });
  return { sessionsEnded };
}
