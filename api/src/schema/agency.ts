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
  id: {
    field: 'id',
    description:
      'Global id of this unit (Relay): stable, unlike its code, which other units may hold on other days.',
  },
  // node(id:) of a row that no longer exists answers null (Relay), not findUniqueOrThrow's 500.
  nullable: true,
  description:
    'An administrative unit’s People’s Committee or an agency under it (cơ quan, đơn vị: a province, a commune, a department). Codes are reused across the 1/7/2025 mergers: a unit is a code on a day.',
  fields: (t) => ({
    code: t.exposeString('code', {
      description:
        'Unit code (mã đơn vị, e.g. 56 for a province, 22870 for a commune): unique on a given day only, since codes are reused across the 1/7/2025 mergers.',
    }),
    name: t.exposeString('name', {
      description: 'Full official name, e.g. “Ủy ban nhân dân xã Ninh Phước”.',
    }),
    shortName: t.exposeString('shortName', {
      nullable: true,
      description: 'Short name for lists and charts, e.g. “Xã Ninh Phước”; null when none was given.',
    }),
    level: t.expose('level', { type: AgencyLevelEnum, description: 'Level of the unit (cấp).' }),
    parent: t.relation('parent', {
      nullable: true,
      description:
        'The unit directly above (cơ quan cấp trên); null for a top-level unit (a province, a ministry).',
    }),
    children: t.relation('children', {
      description: 'Direct children; with `activeOn`, only those in existence that day.',
      // A province has about a hundred direct children (communes and departments).
      complexity: listCost(100),
      args: {
        activeOn: t.arg({
          type: 'Date',
          description:
            'Only children in existence on this day (validFrom ≤ day ≤ validTo); omitted: all, ended ones included.',
        }),
      },
      query: (args) => ({
        where: args.activeOn ? validOn(args.activeOn) : {},
        orderBy: [{ level: 'asc' }, { code: 'asc' }],
      }),
    }),
    validFrom: t.expose('validFrom', {
      type: 'Date',
      nullable: true,
      description:
        'First day of existence, included; null when unknown (existing since before the data begins).',
    }),
    validTo: t.expose('validTo', {
      type: 'Date',
      nullable: true,
      description:
        'Last day of existence, included (e.g. 2025-06-30 for a unit merged on 1/7/2025); null while the unit exists.',
    }),
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
        activeOn: t.arg({ type: 'Date', description: 'Only units in existence on this day; omitted: all.' }),
        includeHistory: t.arg.boolean({
          defaultValue: true,
          description:
            'Also the units merged into a unit of the subtree (and their own subtrees): the scope figures use. False: the current tree of parents only.',
        }),
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
    note: t.exposeString('note', {
      nullable: true,
      description:
        'Free note of the administrators (e.g. the decision that created or merged the unit); null when none.',
    }),
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
        description:
          'Published procedures this agency implements (thủ tục hành chính do đơn vị thực hiện), in code order; set with `setAgencyProcedures`.',
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

const AgencyConnection = namedConnection(
  AgencyRef,
  'Agency',
  'agencies and administrative units (cơ quan, đơn vị)',
);

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
  description: 'Filter of `agencies`: every criterion given must hold.',
  fields: (t) => ({
    search: t.string({
      description: `Accent- and case-insensitive words of the name; up to ${MAX_SEARCH_LENGTH} characters and ${MAX_SEARCH_WORDS} distinct words (else BAD_USER_INPUT).`,
    }),
    level: t.field({ type: AgencyLevelEnum, description: 'Only units of this level.' }),
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
    args: {
      code: t.arg.string({
        required: true,
        description: 'Unit code, e.g. "56" (a province) or "22870" (a commune).',
      }),
      activeOn: t.arg({
        type: 'Date',
        description:
          'The day on which the code is read (default today): 22870 is thị trấn Phước Dân on 2025-06-30, xã Ninh Phước on 2025-07-01.',
      }),
    },
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
      description:
        'Agencies and administrative units (cơ quan, đơn vị), past and present, in the order they were entered; public. Narrow with `filter` (e.g. `activeOn` for the units of a day).',
      args: { filter: t.arg({ type: AgencyFilterInput, description: 'Which units to list; omitted: all.' }) },
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
