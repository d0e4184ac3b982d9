// Officials' accounts (services/users.ts): listed, created and managed by administrators within
// their subtree (docs/api.md "Roles"); a signed-in official changes its own password.
import { Role } from '@tthc/db';
import { AppError } from '../errors.ts';
import { actorOf } from '../services/access/principal.ts';
import { reachWith } from '../services/access/reach.ts';
import { findUser, listUsers } from '../services/user-queries.ts';
import {
  type Account,
  changeOwnPassword,
  createAccount,
  deactivateAccount,
  reactivateAccount,
  resetAccountPassword,
  setAccountRoles,
  updateAccount,
} from '../services/users.ts';
import { adminOf, userErrorsField, withUserErrors } from './admin-payload.ts';
import { AgencyRef } from './agency.ts';
import { builder } from './builder.ts';
import { intKey, keysetConnection } from './keyset-connection.ts';
import { namedConnection } from './pagination.ts';
import type { UserError } from './user-errors.ts';

export const RoleEnum = builder.enumType(Role, {
  name: 'Role',
  description:
    'A role of an official, on an agency and everything under it (SYSTEM_ADMIN: everywhere). What each may do: docs/api.md "Roles".',
});

type Grant = Account['roles'][number];

const UserRoleRef = builder.objectRef<Grant>('UserRole').implement({
  description: 'A role granted to an account, on an agency’s subtree.',
  fields: (t) => ({
    role: t.expose('role', { type: RoleEnum }),
    agency: t.field({
      type: AgencyRef,
      nullable: true,
      description: 'Null for SYSTEM_ADMIN: the whole system.',
      resolve: (g) => g.agency,
    }),
  }),
});

export const UserRef = builder.objectRef<Account>('User').implement({
  description: 'An official’s account. The password is never readable.',
  fields: (t) => ({
    id: t.exposeID('id'),
    username: t.exposeString('username'),
    displayName: t.exposeString('displayName'),
    email: t.exposeString('email', { nullable: true }),
    active: t.exposeBoolean('active', { description: 'False: deactivated, cannot sign in.' }),
    roles: t.field({ type: [UserRoleRef], resolve: (u) => u.roles }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

const UserConnection = namedConnection(UserRef, 'User');

const UserFilterInput = builder.inputType('UserFilter', {
  fields: (t) => ({
    search: t.string({ description: 'Part of the username, the name or the e-mail address.' }),
    agencyCode: t.string({ description: 'Accounts with a role on this agency or a unit below it.' }),
    role: t.field({ type: RoleEnum }),
    active: t.boolean(),
  }),
});

builder.queryFields((t) => ({
  users: t.connection(
    {
      type: UserRef,
      authScopes: { admin: true },
      description:
        'Accounts the caller manages: all for a system administrator, else those whose every role lies in the caller’s subtree (scope: admin).',
      args: { filter: t.arg({ type: UserFilterInput }) },
      resolve: async (_root, args, ctx) => {
        const reach = await reachWith(ctx.prisma, ctx.principal, 'ADMIN');
        const list = await listUsers(ctx.prisma, reach, args.filter);
        return keysetConnection(args, { type: 'User', keyOf: (u) => u.id, parse: intKey, ...list });
      },
    },
    UserConnection,
  ),
  user: t.field({
    type: UserRef,
    nullable: true,
    authScopes: { admin: true },
    description: 'The account with this username; null when there is none the caller manages.',
    args: { username: t.arg.string({ required: true }) },
    resolve: async (_root, { username }, ctx) =>
      findUser(ctx.prisma, await reachWith(ctx.prisma, ctx.principal, 'ADMIN'), username),
  }),
}));

// ─── Mutations ──────────────────────────────────────────────────────────────────────────────────

const RoleGrantInput = builder.inputType('RoleGrantInput', {
  fields: (t) => ({
    role: t.field({ type: RoleEnum, required: true }),
    agencyCode: t.string({ description: 'The agency whose subtree the role covers; none for SYSTEM_ADMIN.' }),
  }),
});

/** `{ user, userErrors }`, the payload of most account mutations, plus `sessionsEnded` where sessions end. */
function userPayload(name: string, options: { sessionsEnded?: boolean } = {}) {
  return builder
    .objectRef<{ user: Account | null; sessionsEnded?: number | null; userErrors: UserError[] }>(name)
    .implement({
      fields: (t) => ({
        user: t.field({
          type: UserRef,
          nullable: true,
          description: 'The account after the change; null when nothing was done.',
          resolve: (p) => p.user,
        }),
        ...(options.sessionsEnded
          ? {
              sessionsEnded: t.int({
                nullable: true,
                description: 'Sessions of the account that ended with the change.',
                resolve: (p) => p.sessionsEnded ?? null,
              }),
            }
          : {}),
        userErrors: userErrorsField(t),
      }),
    });
}

const CreateUserInput = builder.inputType('CreateUserInput', {
  fields: (t) => ({
    username: t.string({ required: true, description: '3–64 of a-z 0-9 . _ -; stored in lower case.' }),
    displayName: t.string({ required: true }),
    email: t.string(),
    password: t.string({
      required: true,
      description: 'The initial password: at least 12 characters, not containing the username.',
    }),
    roles: t.field({ type: [RoleGrantInput], required: true, description: 'At least one.' }),
  }),
});

const UpdateUserInput = builder.inputType('UpdateUserInput', {
  description: 'An omitted field stays as it is; a null e-mail clears it.',
  fields: (t) => ({
    username: t.string({ required: true }),
    displayName: t.string(),
    email: t.string(),
  }),
});

const SetUserRolesInput = builder.inputType('SetUserRolesInput', {
  fields: (t) => ({
    username: t.string({ required: true }),
    roles: t.field({ type: [RoleGrantInput], required: true, description: 'The new roles, replacing all.' }),
  }),
});

const UsernameInput = (name: string) =>
  builder.inputType(name, { fields: (t) => ({ username: t.string({ required: true }) }) });

const ResetUserPasswordInput = builder.inputType('ResetUserPasswordInput', {
  fields: (t) => ({
    username: t.string({ required: true }),
    password: t.string({
      required: true,
      description: 'A temporary password to hand to the official: at least 12 characters.',
    }),
  }),
});

const ChangePasswordInput = builder.inputType('ChangePasswordInput', {
  fields: (t) => ({
    currentPassword: t.string({ required: true }),
    newPassword: t.string({
      required: true,
      description: 'At least 12 characters, not containing the username.',
    }),
  }),
});

const ChangePasswordPayload = builder
  .objectRef<{ ok: boolean; sessionsEnded: number; userErrors: UserError[] }>('ChangePasswordPayload')
  .implement({
    fields: (t) => ({
      ok: t.exposeBoolean('ok', { description: 'True when the password was changed.' }),
      sessionsEnded: t.exposeInt('sessionsEnded', {
        description: 'The account’s other sessions, ended by the change (this one goes on).',
      }),
      userErrors: userErrorsField(t),
    }),
  });

const ADMIN_RULE =
  'Scope: admin, on accounts whose every role lies in the caller’s subtree; roles may be granted only on agencies of that subtree, SYSTEM_ADMIN only by a system administrator. Audited.';

/** Runs an account change for the calling administrator and shapes its payload. */
async function accountChange(
  ctx: Parameters<typeof adminOf>[0],
  change: (by: Awaited<ReturnType<typeof adminOf>>) => Promise<Account & { sessionsEnded?: number }>,
) {
  const by = await adminOf(ctx);
  const { result, userErrors } = await withUserErrors(() => change(by));
  return { user: result, sessionsEnded: result?.sessionsEnded ?? null, userErrors };
}

builder.mutationFields((t) => ({
  createUser: t.field({
    type: userPayload('CreateUserPayload'),
    description: `Creates an official’s account with its roles. ${ADMIN_RULE}`,
    authScopes: { admin: true },
    args: { input: t.arg({ type: CreateUserInput, required: true }) },
    resolve: (_root, { input }, ctx) => accountChange(ctx, (by) => createAccount(ctx.prisma, input, by)),
  }),
  updateUser: t.field({
    type: userPayload('UpdateUserPayload'),
    description: `Changes an account’s name or e-mail address. ${ADMIN_RULE}`,
    authScopes: { admin: true },
    args: { input: t.arg({ type: UpdateUserInput, required: true }) },
    resolve: (_root, { input }, ctx) => accountChange(ctx, (by) => updateAccount(ctx.prisma, input, by)),
  }),
  setUserRoles: t.field({
    type: userPayload('SetUserRolesPayload'),
    description: `Replaces an account’s roles; they apply from its next request. Not one’s own. ${ADMIN_RULE}`,
    authScopes: { admin: true },
    args: { input: t.arg({ type: SetUserRolesInput, required: true }) },
    resolve: (_root, { input }, ctx) => accountChange(ctx, (by) => setAccountRoles(ctx.prisma, input, by)),
  }),
  deactivateUser: t.field({
    type: userPayload('DeactivateUserPayload', { sessionsEnded: true }),
    description: `Deactivates an account: it cannot sign in, and its sessions end at once. Not one’s own. ${ADMIN_RULE}`,
    authScopes: { admin: true },
    args: { input: t.arg({ type: UsernameInput('DeactivateUserInput'), required: true }) },
    resolve: (_root, { input }, ctx) =>
      accountChange(ctx, (by) => deactivateAccount(ctx.prisma, input.username, by)),
  }),
  reactivateUser: t.field({
    type: userPayload('ReactivateUserPayload'),
    description: `Lets a deactivated account sign in again. ${ADMIN_RULE}`,
    authScopes: { admin: true },
    args: { input: t.arg({ type: UsernameInput('ReactivateUserInput'), required: true }) },
    resolve: (_root, { input }, ctx) =>
      accountChange(ctx, (by) => reactivateAccount(ctx.prisma, input.username, by)),
  }),
  resetUserPassword: t.field({
    type: userPayload('ResetUserPasswordPayload', { sessionsEnded: true }),
    description: `Sets a temporary password chosen by an administrator; every session of the account ends. ${ADMIN_RULE}`,
    authScopes: { admin: true },
    args: { input: t.arg({ type: ResetUserPasswordInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      accountChange(ctx, (by) => resetAccountPassword(ctx.prisma, input, by)),
  }),
  changePassword: t.field({
    type: ChangePasswordPayload,
    description:
      'A signed-in official changes its own password, giving the current one; its other sessions end. Audited.',
    args: { input: t.arg({ type: ChangePasswordInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const { principal } = ctx;
      if (principal.kind === 'anonymous') {
        throw new AppError('UNAUTHENTICATED', 'Cần đăng nhập để đổi mật khẩu.');
      }
      if (principal.kind !== 'session') {
        throw new AppError('FORBIDDEN', 'Chỉ tài khoản cán bộ đã đăng nhập mới đổi được mật khẩu của mình.');
      }
      const who = { userId: principal.userId, sessionId: principal.sessionId, actor: actorOf(principal) };
      const { result, userErrors } = await withUserErrors(async () => {
        const proven = await ctx.sessions.countPasswordAttempt(principal.username, null);
        const changed = await changeOwnPassword(ctx.prisma, who, input);
        await proven();
        return changed;
      });
      return { ok: result !== null, sessionsEnded: result?.sessionsEnded ?? 0, userErrors };
    },
  }),
}));
