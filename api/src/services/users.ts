import { hash } from '@node-rs/argon2';
import type { PrismaClient, Role } from '@tthc/db';
import { AppError } from '../errors.ts';
import { resolveAgency } from './agencies.ts';
import { audit } from './audit.ts';

export const ROLES: readonly Role[] = ['SYSTEM_ADMIN', 'UNIT_ADMIN', 'OFFICER', 'VIEWER'];

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  email?: string | undefined;
  role: Role;
  /** The agency subtree the role is scoped to; required except for SYSTEM_ADMIN. */
  agencyCode?: string | undefined;
}

export async function createUser(prisma: PrismaClient, input: NewUser, actor: string) {
  const username = input.username.trim().toLowerCase();
  if (!/^[a-z0-9._-]{3,64}$/.test(username)) {
    throw new AppError(
      'BAD_USER_INPUT',
      'Tên đăng nhập gồm 3–64 ký tự a-z, 0-9, dấu chấm, gạch dưới, gạch ngang.',
    );
  }
  if (input.password.length < 12) throw new AppError('BAD_USER_INPUT', 'Mật khẩu phải có ít nhất 12 ký tự.');
  if (!input.displayName.trim()) throw new AppError('BAD_USER_INPUT', 'Họ và tên không được để trống.');
  if (!ROLES.includes(input.role)) {
    throw new AppError('BAD_USER_INPUT', `Vai trò không hợp lệ: chọn một trong ${ROLES.join(', ')}.`);
  }
  if (input.role !== 'SYSTEM_ADMIN' && !input.agencyCode) {
    throw new AppError('BAD_USER_INPUT', 'Vai trò này cần mã cơ quan, đơn vị (--agency).');
  }
  const agency = input.agencyCode ? await resolveAgency(prisma, input.agencyCode) : null;
  if (await prisma.user.findUnique({ where: { username } })) {
    throw new AppError('BAD_USER_INPUT', `Tên đăng nhập "${username}" đã tồn tại.`);
  }
  const passwordHash = await hash(input.password); // argon2id with the library's recommended cost
  const user = await prisma.user.create({
    data: {
      username,
      displayName: input.displayName.trim(),
      email: input.email ?? null,
      passwordHash,
      roles: { create: { role: input.role, agencyId: agency?.id ?? null } },
    },
    include: { roles: { include: { agency: true } } },
  });
  await audit(prisma, actor, 'user.create', 'User', String(user.id), { username, role: input.role });
  return user;
}

async function userNamed(prisma: PrismaClient, username: string) {
  const user = await prisma.user.findUnique({ where: { username: username.trim().toLowerCase() } });
  if (!user) throw new AppError('NOT_FOUND', `Không có tài khoản "${username}".`, { key: username });
  return user;
}

/** A new password; every session of the user ends (whoever held one must sign in again). */
export async function setUserPassword(
  prisma: PrismaClient,
  username: string,
  password: string,
  actor: string,
) {
  if (password.length < 12) throw new AppError('BAD_USER_INPUT', 'Mật khẩu phải có ít nhất 12 ký tự.');
  const user = await userNamed(prisma, username);
  const passwordHash = await hash(password);
  const [, ended] = await prisma.$transaction([
    prisma.user.update({ where: { id: user.id }, data: { passwordHash } }),
    prisma.session.deleteMany({ where: { userId: user.id } }),
  ]);
  await audit(prisma, actor, 'user.set-password', 'User', String(user.id), { sessionsEnded: ended.count });
  return { sessionsEnded: ended.count };
}

/** Deactivates an account: it can no longer sign in, and its sessions end at once. */
export async function deactivateUser(prisma: PrismaClient, username: string, actor: string) {
  const user = await userNamed(prisma, username);
  const [, ended] = await prisma.$transaction([
    prisma.user.update({ where: { id: user.id }, data: { active: false } }),
    prisma.session.deleteMany({ where: { userId: user.id } }),
  ]);
  await audit(prisma, actor, 'user.deactivate', 'User', String(user.id), { sessionsEnded: ended.count });
  return { sessionsEnded: ended.count };
}
