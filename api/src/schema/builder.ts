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
    // Descriptions of what the plugin generates (Node, PageInfo, every connection's edges and
    // arguments), so that a third party reading the schema meets no undescribed element.
    nodeTypeOptions: {
      description:
        'An object that can be fetched again by its global id alone, with `node(id:)` or `nodes(ids:)` (Relay Global Object Identification).',
    },
    idFieldOptions: {
      description:
        'Global id of the object: opaque, stable, unique across every type; give it to `node(id:)` to fetch the object again.',
    },
    pageInfoTypeOptions: {
      description:
        'Where a page of a connection lies in the whole list (Relay cursor connections): whether there is more on either side, and the cursors to ask for it.',
    },
    hasNextPageFieldOptions: {
      description:
        'Paging forward (`first`): true when more items follow this page, to ask for with `after: endCursor`. Paging backward (`last`): true whenever `before` was given.',
    },
    hasPreviousPageFieldOptions: {
      description:
        'Paging backward (`last`): true when more items precede this page, to ask for with `before: startCursor`. Paging forward (`first`): true whenever `after` was given.',
    },
    startCursorFieldOptions: {
      description: 'Cursor of the first item of this page; null when the page is empty.',
    },
    endCursorFieldOptions: {
      description:
        'Cursor of the last item of this page, to pass as `after` for the next page; null when the page is empty.',
    },
    pageInfoFieldOptions: {
      description: 'Where this page lies in the whole list, and the cursors to page on.',
    },
    edgesFieldOptions: { description: 'The items of this page, in the list’s order, each with its cursor.' },
    nodeFieldOptions: { description: 'The item.' },
    cursorFieldOptions: {
      description:
        'Opaque position of this item in the list: pass it as `after` (or `before`) to page from here. Valid for this list only (INVALID_CURSOR otherwise).',
    },
    firstArgOptions: {
      description:
        'Number of items to return from the start, or after `after`: 0 to 100 (PAGE_SIZE_TOO_LARGE above); 20 when neither `first` nor `last` is given.',
    },
    afterArgOptions: {
      description: 'Return the items after this cursor: `pageInfo.endCursor` of the previous page.',
    },
    lastArgOptions: {
      description:
        'Number of items to return from the end, or before `before`: 0 to 100 (PAGE_SIZE_TOO_LARGE above).',
    },
    beforeArgOptions: {
      description: 'Return the items before this cursor: `pageInfo.startCursor` of the following page.',
    },
    // Every node type is a Prisma model keyed by an autoincrement Int (prismaNode `id: { field: 'id' }`),
    // so an id that is not base64 of "Type:1…2147483647" was never issued here. Refused with a code,
    // instead of Pothos' uncoded "Invalid global ID", or Prisma failing on "Agency:abc" (a 500).
    decodeGlobalID: (globalID) => {
      const text = Buffer.from(globalID, 'base64').toString('utf8');
      const decoded = /^([A-Z][A-Za-z0-9]*):([1-9][0-9]{0,9})$/.exec(text);
      // Node's base64 decoder skips what it cannot read ("QWdlbmN5OjE=junk" is Agency:1): only the
      // exact encoding the API issues is one of its ids.
      const issued = Buffer.from(text).toString('base64') === globalID;
      if (!decoded || !issued || Number(decoded[2]) > 2_147_483_647) {
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
      args: { id: { description: 'Global id of the object, as its `id` field gave it.' } },
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
      args: { ids: { description: 'Global ids, as their objects’ `id` fields gave them; at most 100.' } },
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

builder.queryType({
  description:
    'Reads: the procedure catalogue, agencies, the working calendar, dossier figures and indices (public), and the private reads and administration lists of officials and API keys.',
});
builder.mutationType({
  description:
    'Writes: dossier events and ratings from the one-stop systems and citizens, and the configuration and administration of officials and API keys. Expected failures come back in each payload’s `userErrors`.',
});
builder.subscriptionType({
  description: 'Live updates, over WebSocket (graphql-transport-ws) or Server-Sent Events on /graphql.',
});
