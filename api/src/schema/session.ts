// Officials sign in and out (services/access/sessions.ts); `viewer` says who the API sees.
import type { Principal } from '../services/access/principal.ts';
import { builder } from './builder.ts';
import { USER_ERRORS_DESCRIPTION, type UserError, UserErrorRef } from './user-errors.ts';

interface ViewerShape {
  kind: string;
  name: string | null;
  scopes: string[];
  username: string | null;
  roles: { role: string; agencyId: number | null }[];
}

const RoleGrantRef = builder.objectRef<{ role: string; agencyId: number | null }>('RoleGrant').implement({
  description: 'A role of a signed-in official, on an agency and everything under it.',
  fields: (t) => ({
    role: t.exposeString('role', {
      description: 'SYSTEM_ADMIN, UNIT_ADMIN, OFFICER, VIEWER or REFORM_MONITOR.',
    }),
    agency: t.prismaField({
      type: 'Agency',
      nullable: true,
      description: 'Null for SYSTEM_ADMIN: the whole system.',
      resolve: (query, grant, _args, ctx) =>
        grant.agencyId === null
          ? null
          : ctx.prisma.agency.findUnique({ ...query, where: { id: grant.agencyId } }),
    }),
  }),
});

const Viewer = builder.objectRef<ViewerShape>('Viewer').implement({
  description:
    'Who the API sees: anonymous, an API key with its scopes, or a signed-in official with their roles.',
  fields: (t) => ({
    kind: t.exposeString('kind', { description: 'ANONYMOUS, API_KEY, SESSION (or CLI).' }),
    name: t.exposeString('name', {
      nullable: true,
      description: "The key's name, or the official's full name.",
    }),
    scopes: t.exposeStringList('scopes', {
      description: 'An API key’s scopes in lower case (read, ingest, reform, admin); empty for anyone else.',
    }),
    username: t.exposeString('username', {
      nullable: true,
      description: 'A signed-in official’s username; null for anyone else.',
    }),
    roles: t.field({
      type: [RoleGrantRef],
      description: 'A signed-in official’s roles; empty for anyone else.',
      resolve: (v) => v.roles,
    }),
  }),
});

/** What `viewer` shows of a principal. */
function viewerOf(principal: Principal): ViewerShape {
  switch (principal.kind) {
    case 'apiKey':
      return {
        kind: 'API_KEY',
        name: principal.name,
        scopes: principal.scopes.map((s) => s.toLowerCase()),
        username: null,
        roles: [],
      };
    case 'session':
      return {
        kind: 'SESSION',
        name: principal.displayName,
        scopes: [],
        username: principal.username,
        roles: principal.roles.map((g) => ({ role: g.role, agencyId: g.agencyId })),
      };
    default:
      return { kind: principal.kind.toUpperCase(), name: null, scopes: [], username: null, roles: [] };
  }
}

builder.queryField('viewer', (t) =>
  t.field({
    type: Viewer,
    description: 'Who the API sees making this request (nobody: kind ANONYMOUS). Public.',
    resolve: (_root, _args, { principal }) => viewerOf(principal),
  }),
);

const SignInInput = builder.inputType('SignInInput', {
  description: 'An official’s credentials.',
  fields: (t) => ({
    username: t.string({ required: true, description: 'Sign-in name (case does not matter).' }),
    password: t.string({ required: true, description: 'The account’s password.' }),
  }),
});

const SignInPayload = builder
  .objectRef<{
    token: string | null;
    expiresAt: Date | null;
    principal: Principal | null;
    userErrors: UserError[];
  }>('SignInPayload')
  .implement({
    description:
      'Result of `signIn`: a session token, or why the sign-in was refused (INVALID_CREDENTIALS, RATE_LIMITED).',
    fields: (t) => ({
      token: t.exposeString('token', {
        nullable: true,
        description: 'Send it as `Authorization: Bearer <token>`; keep it server-side (an httpOnly cookie).',
      }),
      expiresAt: t.expose('expiresAt', {
        type: 'DateTime',
        nullable: true,
        description: 'When the session ends if unused; each use extends it, up to an absolute maximum.',
      }),
      viewer: t.field({
        type: Viewer,
        nullable: true,
        description: 'Who signed in (null when the sign-in was refused).',
        resolve: (p) => (p.principal ? viewerOf(p.principal) : null),
      }),
      userErrors: t.field({
        type: [UserErrorRef],
        description: USER_ERRORS_DESCRIPTION,
        resolve: (p) => p.userErrors,
      }),
    }),
  });

const SignOutPayload = builder
  .objectRef<{ ok: boolean; userErrors: UserError[] }>('SignOutPayload')
  .implement({
    description: 'Result of `signOut`.',
    fields: (t) => ({
      ok: t.exposeBoolean('ok', { description: 'True when a session was ended.' }),
      userErrors: t.field({
        type: [UserErrorRef],
        description: USER_ERRORS_DESCRIPTION,
        resolve: (p) => p.userErrors,
      }),
    }),
  });

builder.mutationFields((t) => ({
  signIn: t.field({
    type: SignInPayload,
    description:
      'Signs an official in. A wrong password and an unknown username get the same answer; attempts are limited per username and per client IP.',
    args: { input: t.arg({ type: SignInInput, required: true, description: 'The credentials.' }) },
    resolve: async (_root, { input }, ctx) => {
      const outcome = await ctx.sessions.signIn(input.username, input.password, ctx.clientIp);
      if (!outcome.ok) {
        return {
          token: null,
          expiresAt: null,
          principal: null,
          userErrors: [{ field: ['input'], code: outcome.code, message: outcome.message }],
        };
      }
      const { token, expiresAt, principal } = outcome.session;
      return { token, expiresAt, principal, userErrors: [] };
    },
  }),
  signOut: t.field({
    type: SignOutPayload,
    description: 'Ends the session the request is made with.',
    resolve: async (_root, _args, ctx) => ({ ok: await ctx.sessions.signOut(ctx.principal), userErrors: [] }),
  }),
}));
