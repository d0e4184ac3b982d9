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
  values: {
    SYSTEM_ADMIN: {
      description:
        'System administrator (quản trị hệ thống): everything, everywhere; the only one who may grant SYSTEM_ADMIN.',
    },
    UNIT_ADMIN: {
      description:
        'Unit administrator (quản trị đơn vị): what an OFFICER may, and accounts, keys, units, comments and evaluation points within the agency’s subtree; the catalogue when the agency is provincial-level.',
    },
    OFFICER: {
      description:
        'Official (cán bộ, công chức): private reads and feeding dossier events, rating links and paper surveys within the subtree.',
    },
    VIEWER: {
      description:
        'Viewer (chỉ xem): private reads within the subtree (dossier timelines, comments, late dossiers, reports).',
    },
    REFORM_MONITOR: {
      description:
        'Administrative-reform monitor (theo dõi cải cách hành chính: the Sở/Phòng Nội vụ): reads as a VIEWER, manages reform plan tasks and enters verified 9-indicator points within the subtree.',
    },
  },
});

type Grant = Account['roles'][number];

const UserRoleRef = builder.objectRef<Grant>('UserRole').implement({
  description: 'A role granted to an account, on an agency’s subtree.',
  fields: (t) => ({
    role: t.expose('role', { type: RoleEnum, description: 'The role.' }),
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
    id: t.exposeID('id', { description: 'Id of the account (the audit log names it USER:<id>).' }),
    username: t.exposeString('username', { description: 'Sign-in name: 3–64 of a-z 0-9 . _ -, lower case.' }),
    displayName: t.exposeString('displayName', {
      description: 'Full name of the official, as shown to others.',
    }),
    email: t.exposeString('email', {
      nullable: true,
      description: 'E-mail address; null when none was given.',
    }),
    active: t.exposeBoolean('active', { description: 'False: deactivated, cannot sign in.' }),
    roles: t.field({
      type: [UserRoleRef],
      description: 'Its roles, each on an agency’s subtree.',
      resolve: (u) => u.roles,
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When the account was created.' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', description: 'When the account last changed.' }),
  }),
});

const UserConnection = namedConnection(UserRef, 'User', 'official accounts (tài khoản cán bộ)');

const UserFilterInput = builder.inputType('UserFilter', {
  description: 'Filter of `users`: every criterion given must hold.',
  fields: (t) => ({
    search: t.string({ description: 'Part of the username, the name or the e-mail address.' }),
    agencyCode: t.string({ description: 'Accounts with a role on this agency or a unit below it.' }),
    role: t.field({ type: RoleEnum, description: 'Accounts holding this role.' }),
    active: t.boolean({ description: 'True: active accounts only; false: deactivated ones only.' }),
  }),
});

builder.queryFields((t) => ({
  users: t.connection(
    {
      type: UserRef,
      authScopes: { admin: true },
      description:
        'Accounts the caller manages: all for a system administrator, else those whose every role lies in the caller’s subtree (scope: admin).',
      args: {
        filter: t.arg({
          type: UserFilterInput,
          description: 'Which accounts; omitted: all the caller manages.',
        }),
      },
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
    args: { username: t.arg.string({ required: true, description: 'Sign-in name of the account.' }) },
    resolve: async (_root, { username }, ctx) =>
      findUser(ctx.prisma, await reachWith(ctx.prisma, ctx.principal, 'ADMIN'), username),
  }),
}));

// ─── Mutations ──────────────────────────────────────────────────────────────────────────────────

const RoleGrantInput = builder.inputType('RoleGrantInput', {
  description: 'A role to grant, on an agency’s subtree.',
  fields: (t) => ({
    role: t.field({ type: RoleEnum, required: true, description: 'The role.' }),
    agencyCode: t.string({ description: 'The agency whose subtree the role covers; none for SYSTEM_ADMIN.' }),
  }),
});

/** `{ user, userErrors }`, the payload of most account mutations, plus `sessionsEnded` where sessions end. */
function userPayload(name: string, description: string, options: { sessionsEnded?: boolean } = {}) {
  return builder
    .objectRef<{ user: Account | null; sessionsEnded?: number | null; userErrors: UserError[] }>(name)
    .implement({
      description,
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
  description: 'A new official’s account (tài khoản cán bộ) and its roles.',
  fields: (t) => ({
    username: t.string({ required: true, description: '3–64 of a-z 0-9 . _ -; stored in lower case.' }),
    displayName: t.string({ required: true, description: 'Full name of the official.' }),
    email: t.string({ description: 'E-mail address; optional.' }),
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
    username: t.string({ required: true, description: 'Sign-in name of the account to change.' }),
    displayName: t.string({ description: 'New full name.' }),
    email: t.string({ description: 'New e-mail address; null clears it.' }),
  }),
});

const SetUserRolesInput = builder.inputType('SetUserRolesInput', {
  description: 'An account and its new roles.',
  fields: (t) => ({
    username: t.string({ required: true, description: 'Sign-in name of the account.' }),
    roles: t.field({ type: [RoleGrantInput], required: true, description: 'The new roles, replacing all.' }),
  }),
});

const UsernameInput = (name: string, description: string) =>
  builder.inputType(name, {
    description,
    fields: (t) => ({ username: t.string({ required: true, description: 'Sign-in name of the account.' }) }),
  });

const ResetUserPasswordInput = builder.inputType('ResetUserPasswordInput', {
  description: 'An account and the temporary password it gets.',
  fields: (t) => ({
    username: t.string({ required: true, description: 'Sign-in name of the account.' }),
    password: t.string({
      required: true,
      description: 'A temporary password to hand to the official: at least 12 characters.',
    }),
  }),
});

const ChangePasswordInput = builder.inputType('ChangePasswordInput', {
  description: 'The signed-in official’s current and new password.',
  fields: (t) => ({
    currentPassword: t.string({
      required: true,
      description: 'The password in use (INVALID_CREDENTIALS when wrong).',
    }),
    newPassword: t.string({
      required: true,
      description: 'At least 12 characters, not containing the username.',
    }),
  }),
});

const ChangePasswordPayload = builder
  .objectRef<{ ok: boolean; sessionsEnded: number; userErrors: UserError[] }>('ChangePasswordPayload')
  .implement({
    description: 'Result of `changePassword`.',
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
    type: userPayload('CreateUserPayload', 'Result of `createUser`: the account created, or why not.'),
    description: `Creates an official’s account with its roles. ${ADMIN_RULE}`,
    authScopes: { admin: true },
    args: {
      input: t.arg({ type: CreateUserInput, required: true, description: 'The account and its roles.' }),
    },
    resolve: (_root, { input }, ctx) => accountChange(ctx, (by) => createAccount(ctx.prisma, input, by)),
  }),
  updateUser: t.field({
    type: userPayload('UpdateUserPayload', 'Result of `updateUser`: the account as changed, or why not.'),
    description: `Changes an account’s name or e-mail address. ${ADMIN_RULE}`,
    authScopes: { admin: true },
    args: {
      input: t.arg({
        type: UpdateUserInput,
        required: true,
        description: 'The account and the fields to change.',
      }),
    },
    resolve: (_root, { input }, ctx) => accountChange(ctx, (by) => updateAccount(ctx.prisma, input, by)),
  }),
  setUserRoles: t.field({
    type: userPayload(
      'SetUserRolesPayload',
      'Result of `setUserRoles`: the account with its new roles, or why not.',
    ),
    description: `Replaces an account’s roles; they apply from its next request. Not one’s own. ${ADMIN_RULE}`,
    authScopes: { admin: true },
    args: {
      input: t.arg({ type: SetUserRolesInput, required: true, description: 'The account and its roles.' }),
    },
    resolve: (_root, { input }, ctx) => accountChange(ctx, (by) => setAccountRoles(ctx.prisma, input, by)),
  }),
  deactivateUser: t.field({
    type: userPayload(
      'DeactivateUserPayload',
      'Result of `deactivateUser`: the account, deactivated, or why not.',
      {
        sessionsEnded: true,
      },
    ),
    description: `Deactivates an account: it cannot sign in, and its sessions end at once. Not one’s own. ${ADMIN_RULE}`,
    authScopes: { admin: true },
    args: {
      input: t.arg({
        type: UsernameInput('DeactivateUserInput', 'The account to deactivate.'),
        required: true,
        description: 'The account.',
      }),
    },
    resolve: (_root, { input }, ctx) =>
      accountChange(ctx, (by) => deactivateAccount(ctx.prisma, input.username, by)),
  }),
  reactivateUser: t.field({
    type: userPayload(
      'ReactivateUserPayload',
      'Result of `reactivateUser`: the account, active again, or why not.',
    ),
    description: `Lets a deactivated account sign in again. ${ADMIN_RULE}`,
    authScopes: { admin: true },
    args: {
      input: t.arg({
        type: UsernameInput('ReactivateUserInput', 'The deactivated account to reactivate.'),
        required: true,
        description: 'The account.',
      }),
    },
    resolve: (_root, { input }, ctx) =>
      accountChange(ctx, (by) => reactivateAccount(ctx.prisma, input.username, by)),
  }),
  resetUserPassword: t.field({
    type: userPayload('ResetUserPasswordPayload', 'Result of `resetUserPassword`: the account, or why not.', {
      sessionsEnded: true,
    }),
    description: `Sets a temporary password chosen by an administrator; every session of the account ends. ${ADMIN_RULE}`,
    authScopes: { admin: true },
    args: {
      input: t.arg({
        type: ResetUserPasswordInput,
        required: true,
        description: 'The account and the password.',
      }),
    },
    resolve: (_root, { input }, ctx) =>
      accountChange(ctx, (by) => resetAccountPassword(ctx.prisma, input, by)),
  }),
  changePassword: t.field({
    type: ChangePasswordPayload,
    description:
      'A signed-in official changes its own password, giving the current one; its other sessions end. Audited.',
    args: {
      input: t.arg({
        type: ChangePasswordInput,
        required: true,
        description: 'The current and new password.',
      }),
    },
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
