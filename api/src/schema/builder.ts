import SchemaBuilder from '@pothos/core';
import PrismaPlugin from '@pothos/plugin-prisma';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import type PrismaTypes from '@tthc/db/generated/pothos-types.ts';
import { getDatamodel } from '@tthc/db/generated/pothos-types.ts';
import { AppError } from '../errors.ts';
import { hasScope } from '../server/auth.ts';
import type { Context } from '../server/context.ts';

/** The one schema builder (Pothos): plugins, scalars and auth scopes are declared here only. */
export const builder = new SchemaBuilder<{
  PrismaTypes: PrismaTypes;
  Context: Context;
  DefaultFieldNullability: false;
  Scalars: {
    DateTime: { Input: Date; Output: Date };
    Date: { Input: string; Output: Date | string };
  };
  AuthScopes: { ingest: boolean; admin: boolean; read: boolean };
}>({
  defaultFieldNullability: false,
  plugins: [ScopeAuthPlugin, PrismaPlugin, RelayPlugin],
  prisma: {
    client: (ctx) => ctx.prisma,
    dmmf: getDatamodel(),
    exposeDescriptions: true,
    filterConnectionTotalCount: true,
    onUnusedQuery: null,
  },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
  },
  scopeAuth: {
    authScopes: (ctx) => ({
      read: hasScope(ctx.principal, 'READ'),
      ingest: hasScope(ctx.principal, 'INGEST'),
      admin: hasScope(ctx.principal, 'ADMIN'),
    }),
    unauthorizedError: (_parent, ctx) =>
      ctx.principal.kind === 'anonymous'
        ? new AppError('UNAUTHENTICATED', 'Cần khóa API (Authorization: Bearer …) để thực hiện thao tác này.')
        : new AppError('FORBIDDEN', 'Khóa API không có quyền thực hiện thao tác này.'),
  },
});

builder.queryType({});
builder.mutationType({});
builder.subscriptionType({});
