import SchemaBuilder from '@pothos/core';
import ComplexityPlugin from '@pothos/plugin-complexity';
import PrismaPlugin from '@pothos/plugin-prisma';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import type PrismaTypes from '@tthc/db/generated/pothos-types.ts';
import { getDatamodel } from '@tthc/db/generated/pothos-types.ts';
import { AppError } from '../errors.ts';
import { hasScope } from '../services/access/principal.ts';
import type { Context } from '../services/context.ts';
import { fieldCost } from './field-cost.ts';

/** The one schema builder (Pothos): plugins, scalars and auth scopes are declared here only. */
export const builder = new SchemaBuilder<{
  PrismaTypes: PrismaTypes;
  Context: Context;
  DefaultFieldNullability: false;
  Scalars: {
    DateTime: { Input: Date; Output: Date };
    Date: { Input: string; Output: Date | string };
  };
  AuthScopes: { ingest: boolean; admin: boolean; read: boolean; reform: boolean };
}>({
  defaultFieldNullability: false,
  plugins: [ScopeAuthPlugin, PrismaPlugin, RelayPlugin, ComplexityPlugin],
  // Costs only: the limits are checked before execution by server/query-limits.ts, per tier, so
  // the plugin's own check at the root fields stays off.
  complexity: { disabled: true, fieldComplexity: fieldCost },
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
    // Every node type is a Prisma model keyed by an autoincrement Int (prismaNode `id: { field: 'id' }`),
    // so an id that is not base64 of "Type:1…2147483647" was never issued here. Refused with a code,
    // instead of Pothos' uncoded "Invalid global ID", or Prisma failing on "Agency:abc" (a 500).
    decodeGlobalID: (globalID) => {
      const decoded = /^([A-Z][A-Za-z0-9]*):([1-9][0-9]{0,9})$/.exec(
        Buffer.from(globalID, 'base64').toString('utf8'),
      );
      if (!decoded || Number(decoded[2]) > 2_147_483_647) {
        throw new AppError(
          'BAD_USER_INPUT',
          'Mã định danh (ID) không hợp lệ: không phải mã do hệ thống cấp.',
        );
      }
      return { typename: decoded[1]!, id: decoded[2]! };
    },
    // A well-formed id naming a type that is not a node is just as foreign (Pothos would answer
    // "Sector does not support loading by id" without a code). An id whose object is gone answers
    // null, as Relay expects: the node types load with `nullable: true` (agency.ts, procedure.ts).
    nodeQueryOptions: {
      description:
        'The object with this global id; null when it no longer exists, BAD_USER_INPUT for an id this API did not issue.',
      resolve: (_root, { id }, _ctx, info, resolveNode) => {
        const type = info.schema.getType(id.typename);
        if (!type || !('isTypeOf' in type) || !type.getInterfaces().some((i) => i.name === 'Node')) {
          throw new AppError(
            'BAD_USER_INPUT',
            'Mã định danh (ID) không hợp lệ: không phải mã do hệ thống cấp.',
          );
        }
        return resolveNode(id);
      },
    },
    nodesQueryOptions: {
      description: 'Up to 100 global ids, as for `node`: null for each object that no longer exists.',
      resolve: (_root, { ids }, _ctx, info, resolveNodes) => {
        // Each id is a query: as many as a page of a connection (pagination.ts MAX_PAGE_SIZE).
        if (ids.length > 100) {
          throw new AppError('BAD_USER_INPUT', 'Mỗi lần tra cứu tối đa 100 mã định danh (ID).', { max: 100 });
        }
        for (const { typename } of ids) {
          const type = info.schema.getType(typename);
          if (!type || !('isTypeOf' in type) || !type.getInterfaces().some((i) => i.name === 'Node')) {
            throw new AppError(
              'BAD_USER_INPUT',
              'Mã định danh (ID) không hợp lệ: không phải mã do hệ thống cấp.',
            );
          }
        }
        return resolveNodes(ids);
      },
    },
  },
  scopeAuth: {
    authScopes: (ctx) => ({
      read: hasScope(ctx.principal, 'READ'),
      ingest: hasScope(ctx.principal, 'INGEST'),
      admin: hasScope(ctx.principal, 'ADMIN'),
      reform: hasScope(ctx.principal, 'REFORM'),
    }),
    unauthorizedError: (_parent, ctx) =>
      ctx.principal.kind === 'anonymous'
        ? new AppError('UNAUTHENTICATED', 'Cần khóa API (Authorization: Bearer …) để thực hiện thao tác này.')
        : new AppError(
            'FORBIDDEN',
            ctx.principal.kind === 'session'
              ? 'Tài khoản của bạn không được phân quyền thực hiện thao tác này.'
              : 'Khóa API không có quyền thực hiện thao tác này.',
          ),
  },
});

builder.queryType({});
builder.mutationType({});
builder.subscriptionType({});
