import type { Prisma } from '@tthc/db';
import { MAX_SEARCH_LENGTH, MAX_SEARCH_WORDS } from '../domain/search-text.ts';
import { agencyWhere, findAgency, subtreeIds, validOn } from '../services/agencies.ts';
import { procedureWhere } from '../services/procedures.ts';
import { builder } from './builder.ts';
import { AgencyLevelEnum } from './enums.ts';
import { listCost } from './field-cost.ts';
import { checkCursor, checkPageSize, namedConnection } from './pagination.ts';
import { ProcedureConnection } from './procedure.ts';

export const AgencyRef = builder.prismaNode('Agency', {
  id: { field: 'id' },
  // node(id:) of a row that no longer exists answers null (Relay), not findUniqueOrThrow's 500.
  nullable: true,
  description:
    'An administrative unit’s People’s Committee or an agency under it. Codes are reused across the 1/7/2025 mergers: a unit is a code on a day.',
  fields: (t) => ({
    code: t.exposeString('code'),
    name: t.exposeString('name'),
    shortName: t.exposeString('shortName', { nullable: true }),
    level: t.expose('level', { type: AgencyLevelEnum }),
    parent: t.relation('parent', { nullable: true }),
    children: t.relation('children', {
      description: 'Direct children; with `activeOn`, only those in existence that day.',
      // A province has about a hundred direct children (communes and departments).
      complexity: listCost(100),
      args: { activeOn: t.arg({ type: 'Date' }) },
      query: (args) => ({
        where: args.activeOn ? validOn(args.activeOn) : {},
        orderBy: [{ level: 'asc' }, { code: 'asc' }],
      }),
    }),
    validFrom: t.expose('validFrom', { type: 'Date', nullable: true }),
    validTo: t.expose('validTo', { type: 'Date', nullable: true }),
    successor: t.relation('successor', {
      nullable: true,
      description: 'The unit this one was merged into on validTo + 1 day.',
    }),
    predecessors: t.relation('predecessors', {
      description: 'Units merged into this one.',
      query: { orderBy: { code: 'asc' } },
    }),
    subtree: t.prismaField({
      type: ['Agency'],
      complexity: listCost(200),
      description:
        'The whole subtree below this unit; with history (default), also the units merged into any of them, so today’s province covers the former district and communes whose successors it holds.',
      args: {
        activeOn: t.arg({ type: 'Date' }),
        includeHistory: t.arg.boolean({ defaultValue: true }),
      },
      resolve: async (query, agency, args, ctx) => {
        const ids = await subtreeIds(ctx.prisma, agency.id, {
          includePredecessors: args.includeHistory ?? true,
        });
        const where: Prisma.AgencyWhereInput = {
          id: { in: ids.filter((id) => id !== agency.id) },
          ...(args.activeOn ? validOn(args.activeOn) : {}),
        };
        return ctx.prisma.agency.findMany({ ...query, where, orderBy: [{ level: 'asc' }, { code: 'asc' }] });
      },
    }),
    note: t.exposeString('note', { nullable: true }),
    dossierPrefix: t.exposeString('dossierPrefix', {
      nullable: true,
      description: 'The one-stop desk’s prefix in dossier codes (e.g. H56.14), where known.',
    }),
    procedures: t.prismaConnection(
      {
        type: 'Procedure',
        cursor: 'code',
        defaultSize: 20,
        maxSize: 100,
        description: 'Procedures implemented by this agency.',
        resolve: async (query, agency, args, ctx) => {
          checkPageSize(args);
          checkCursor(query, 'code', 'code');
          const where = await procedureWhere(ctx.prisma, null);
          return ctx.prisma.procedure.findMany({
            ...query,
            where: { AND: [where, { agencies: { some: { agencyId: agency.id } } }] },
            orderBy: { code: 'asc' },
          });
        },
        totalCount: (agency, _args, ctx) =>
          ctx.prisma.procedure.count({
            where: { active: true, agencies: { some: { agencyId: agency.id } } },
          }),
      },
      ProcedureConnection,
    ),
  }),
});

const AgencyConnection = namedConnection(AgencyRef, 'Agency');

// Declared here rather than in procedure.ts so the two object types do not depend on each other.
builder.prismaObjectField('Procedure', 'agencies', (t) =>
  t.field({
    type: [AgencyRef],
    description: 'The agencies that implement it.',
    select: (_args, _ctx, nested) => ({
      agencies: { select: { agency: nested() }, orderBy: { agency: { code: 'asc' as const } } },
    }),
    resolve: (p) => p.agencies.map((pa) => pa.agency),
  }),
);

const AgencyFilterInput = builder.inputType('AgencyFilter', {
  fields: (t) => ({
    search: t.string({
      description: `Accent- and case-insensitive words of the name; up to ${MAX_SEARCH_LENGTH} characters and ${MAX_SEARCH_WORDS} distinct words (else BAD_USER_INPUT).`,
    }),
    level: t.field({ type: AgencyLevelEnum }),
    parentCode: t.string({
      description: 'Children of the unit with this code (on activeOn, default today).',
    }),
    activeOn: t.field({ type: 'Date', description: 'Only units in existence on this day.' }),
  }),
});

builder.queryFields((t) => ({
  agency: t.prismaField({
    type: 'Agency',
    nullable: true,
    description:
      'The unit with this code on `activeOn` (default today; a code no longer in use resolves to its last holder).',
    args: { code: t.arg.string({ required: true }), activeOn: t.arg({ type: 'Date' }) },
    resolve: async (query, _root, args, ctx) => {
      const found = await findAgency(ctx.prisma, args.code, args.activeOn ?? undefined);
      return found ? ctx.prisma.agency.findUnique({ ...query, where: { id: found.id } }) : null;
    },
  }),
  agencies: t.prismaConnection(
    {
      type: 'Agency',
      cursor: 'id',
      defaultSize: 20,
      maxSize: 100,
      args: { filter: t.arg({ type: AgencyFilterInput }) },
      resolve: async (query, _root, args, ctx) => {
        checkPageSize(args);
        checkCursor(query, 'id', 'id');
        const where = await agencyWhere(ctx.prisma, args.filter);
        return ctx.prisma.agency.findMany({ ...query, where, orderBy: { id: 'asc' } });
      },
      totalCount: async (_root, args, ctx) =>
        ctx.prisma.agency.count({ where: await agencyWhere(ctx.prisma, args.filter) }),
    },
    AgencyConnection,
  ),
}));
