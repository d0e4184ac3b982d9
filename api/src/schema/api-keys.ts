// API keys (services/api-keys.ts): listed, issued and revoked by administrators within their subtree
// (docs/api.md "Roles"). A key's secret is in the payload of createApiKey once, and never again.
import { ApiScope } from '@tthc/db';
import { reachWith } from '../services/access/reach.ts';
import { listApiKeys } from '../services/api-key-queries.ts';
import { type ApiKeyRow, issueApiKey, revokeKey } from '../services/api-keys.ts';
import { adminOf, userErrorsField, withUserErrors } from './admin-payload.ts';
import { AgencyRef } from './agency.ts';
import { builder } from './builder.ts';
import { intKey, keysetConnection } from './keyset-connection.ts';
import { namedConnection } from './pagination.ts';
import type { UserError } from './user-errors.ts';

const ApiScopeEnum = builder.enumType(ApiScope, {
  name: 'ApiScope',
  description:
    'What a key may do: READ private reads, INGEST dossier events and surveys, REFORM the reform programme’s tasks, ADMIN configuration (implies the others).',
  values: {
    READ: {
      description:
        'Private reads: dossier timelines, rating comments, late dossiers, reports, reform tasks, within the key’s subtree.',
    },
    INGEST: {
      description:
        'Feeding data: dossier events (GraphQL and the national sync), rating links, paper survey forms.',
    },
    REFORM: {
      description:
        'The administrative-reform programme’s tasks (nhiệm vụ cải cách hành chính): enter, edit, cancel, report.',
    },
    ADMIN: {
      description:
        'Configuration and administration, as a UNIT_ADMIN of the key’s agency (every agency: a SYSTEM_ADMIN); implies the others.',
    },
  },
});

const ApiKeyRef = builder.objectRef<ApiKeyRow>('ApiKey').implement({
  description: 'A key of a third party or a one-stop system. Its secret is never readable; only its prefix.',
  fields: (t) => ({
    id: t.exposeID('id', {
      description: 'Id of the key, as `revokeApiKey` takes it (the audit log names it API_KEY:<id>).',
    }),
    name: t.exposeString('name', { description: 'Who uses it, e.g. “Hệ thống một cửa xã Ninh Phước”.' }),
    prefix: t.exposeString('prefix', { description: 'The public part: the key starts with tthc_<prefix>_.' }),
    scopes: t.field({ type: [ApiScopeEnum], description: 'What the key may do.', resolve: (k) => k.scopes }),
    agency: t.field({
      type: AgencyRef,
      nullable: true,
      description: 'The agency whose subtree the key is limited to; null: every agency.',
      resolve: (k) => k.agency,
    }),
    rateLimitPerMinute: t.exposeInt('rateLimitPerMinute', {
      description: 'Requests per minute allowed to the key (1 to 100,000).',
    }),
    active: t.boolean({ description: 'False once revoked.', resolve: (k) => k.revokedAt === null }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was issued.' }),
    revokedAt: t.expose('revokedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When it was revoked; null while active.',
    }),
    lastUsedAt: t.expose('lastUsedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'Updated at most once a minute.',
    }),
  }),
});

const ApiKeyConnection = namedConnection(ApiKeyRef, 'ApiKey', 'API keys (khóa API)');

const ApiKeyFilterInput = builder.inputType('ApiKeyFilter', {
  description: 'Filter of `apiKeys`: every criterion given must hold.',
  fields: (t) => ({
    search: t.string({ description: 'Part of the name or the prefix.' }),
    agencyCode: t.string({ description: 'Keys limited to this agency or a unit below it.' }),
    active: t.boolean({ description: 'True: not revoked; false: revoked.' }),
  }),
});

builder.queryField('apiKeys', (t) =>
  t.connection(
    {
      type: ApiKeyRef,
      authScopes: { admin: true },
      description:
        'API keys the caller manages, newest first: all for a system administrator, else those limited to its subtree (scope: admin).',
      args: {
        filter: t.arg({
          type: ApiKeyFilterInput,
          description: 'Which keys; omitted: all the caller manages.',
        }),
      },
      resolve: async (_root, args, ctx) => {
        const reach = await reachWith(ctx.prisma, ctx.principal, 'ADMIN');
        const list = await listApiKeys(ctx.prisma, reach, args.filter);
        return keysetConnection(args, { type: 'ApiKey', keyOf: (k) => k.id, parse: intKey, ...list });
      },
    },
    ApiKeyConnection,
  ),
);

const CreateApiKeyInput = builder.inputType('CreateApiKeyInput', {
  description: 'A new API key (khóa API): who uses it, what it may do, where.',
  fields: (t) => ({
    name: t.string({ required: true, description: 'Who uses it, e.g. "Hệ thống một cửa xã Ninh Phước".' }),
    scopes: t.field({
      type: [ApiScopeEnum],
      required: true,
      description: 'What the key may do; at least one.',
    }),
    agencyCode: t.string({
      description:
        'Limits the key to this agency’s subtree; required unless the caller is a system administrator.',
    }),
    rateLimitPerMinute: t.int({ description: 'Requests per minute, 1 to 100,000 (default 600).' }),
  }),
});

const CreateApiKeyPayload = builder
  .objectRef<{ apiKey: ApiKeyRow | null; secret: string | null; userErrors: UserError[] }>(
    'CreateApiKeyPayload',
  )
  .implement({
    description: 'Result of `createApiKey`: the key and its secret, or why not.',
    fields: (t) => ({
      apiKey: t.field({
        type: ApiKeyRef,
        nullable: true,
        description: 'The key issued; null when refused.',
        resolve: (p) => p.apiKey,
      }),
      secret: t.exposeString('secret', {
        nullable: true,
        description:
          'The whole key, to send as `Authorization: Bearer <secret>`. Shown this once: only its hash is stored.',
      }),
      userErrors: userErrorsField(t),
    }),
  });

const RevokeApiKeyInput = builder.inputType('RevokeApiKeyInput', {
  description: 'The key to revoke.',
  fields: (t) => ({ id: t.id({ required: true, description: 'Id of the key (`ApiKey.id`).' }) }),
});

const RevokeApiKeyPayload = builder
  .objectRef<{ apiKey: ApiKeyRow | null; userErrors: UserError[] }>('RevokeApiKeyPayload')
  .implement({
    description: 'Result of `revokeApiKey`: the key, revoked, or why not.',
    fields: (t) => ({
      apiKey: t.field({
        type: ApiKeyRef,
        nullable: true,
        description: 'The key, revoked; null when refused.',
        resolve: (p) => p.apiKey,
      }),
      userErrors: userErrorsField(t),
    }),
  });

const KEY_RULE =
  'Scope: admin; a caller limited to a subtree manages keys limited to agencies of that subtree, and only a system administrator issues a key for every agency. Audited.';

builder.mutationFields((t) => ({
  createApiKey: t.field({
    type: CreateApiKeyPayload,
    description: `Issues an API key; the payload holds its secret, once. ${KEY_RULE}`,
    authScopes: { admin: true },
    args: { input: t.arg({ type: CreateApiKeyInput, required: true, description: 'The key to issue.' }) },
    resolve: async (_root, { input }, ctx) => {
      const by = await adminOf(ctx);
      const { result, userErrors } = await withUserErrors(() => issueApiKey(ctx.prisma, input, by));
      return { apiKey: result?.apiKey ?? null, secret: result?.key ?? null, userErrors };
    },
  }),
  revokeApiKey: t.field({
    type: RevokeApiKeyPayload,
    description: `Revokes an API key; it stops working at once. ${KEY_RULE}`,
    authScopes: { admin: true },
    args: { input: t.arg({ type: RevokeApiKeyInput, required: true, description: 'The key.' }) },
    resolve: async (_root, { input }, ctx) => {
      const by = await adminOf(ctx);
      const { result, userErrors } = await withUserErrors(() => revokeKey(ctx.prisma, String(input.id), by));
      return { apiKey: result, userErrors };
    },
  }),
}));
