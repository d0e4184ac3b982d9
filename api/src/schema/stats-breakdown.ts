// Query.statsBreakdown: the figures of a scope split by unit, procedure or sector (services/stats-breakdown.ts).
// Public like Query.stats: the same rollups, summed per row.
import type { Counts } from '../services/stats.ts';
import { type BreakdownDimension, type BreakdownRow, statsBreakdown } from '../services/stats-breakdown.ts';
import { AgencyRef } from './agency.ts';
import { builder } from './builder.ts';
import { AGGREGATE_COST } from './field-cost.ts';
import { ProcedureRef } from './procedure.ts';
import { countsFields, PeriodInput, StatsScopeInput } from './stats.ts';

const StatsDimensionEnum = builder.enumType('StatsDimension', {
  description: 'How statsBreakdown splits a scope.',
  values: {
    UNIT: {
      description:
        'The scope agency’s direct child units, each with its subtree; a merged unit counts under its successor. A row `own: true` holds the dossiers of the agency itself.',
    },
    PROCEDURE: { description: 'Procedures with any activity in the scope and period.' },
    SECTOR: { description: 'The procedures’ sectors (lĩnh vực).' },
  } as const,
});

type Row = Counts & Omit<BreakdownRow, 'counts'> & { by: BreakdownDimension };

const StatsBreakdownRowRef = builder.objectRef<Row>('StatsBreakdownRow');
countsFields(StatsBreakdownRowRef);

StatsBreakdownRowRef.implement({
  description:
    'The figures of one unit, procedure or sector over the period; the rows’ counts add up to the scope’s `stats`.',
  fields: (t) => ({
    key: t.exposeString('key', { description: 'The agency’s, procedure’s or sector’s code.' }),
    name: t.exposeString('name', { description: 'The agency’s, procedure’s or sector’s name.' }),
    own: t.exposeBoolean('own', {
      description:
        'UNIT: the dossiers recorded at the scope agency itself (or a unit merged into it), not at a child unit.',
    }),
    lateOpen: t.exposeInt('lateOpen', {
      description: 'Dossiers unfinished and past due on the period’s asOf.',
    }),
    agency: t.field({
      type: AgencyRef,
      nullable: true,
      description: 'UNIT rows: the unit (null for the other dimensions).',
      resolve: (r, _args, ctx) =>
        r.by === 'UNIT' ? ctx.prisma.agency.findUnique({ where: { id: r.id } }) : null,
    }),
    procedure: t.field({
      type: ProcedureRef,
      nullable: true,
      description: 'PROCEDURE rows: the procedure (null for the other dimensions).',
      resolve: (r, _args, ctx) =>
        r.by === 'PROCEDURE' ? ctx.prisma.procedure.findUnique({ where: { id: r.id } }) : null,
    }),
  }),
});

builder.queryField('statsBreakdown', (t) =>
  t.field({
    type: [StatsBreakdownRowRef],
    // One grouped read of the rows a `stats` reads, plus the labels; up to a hundred rows or so.
    complexity: { field: 5 * AGGREGATE_COST, multiplier: 100 },
    description:
      'The figures of a scope over a period per unit, procedure or sector (rows without activity left out), summed from the same rollups as `stats`.',
    args: {
      period: t.arg({ type: PeriodInput, required: true, description: 'The reporting period.' }),
      scope: t.arg({
        type: StatsScopeInput,
        required: true,
        description: 'Whose dossiers: an agency subtree and/or a procedure, as for `stats`.',
      }),
      by: t.arg({
        type: StatsDimensionEnum,
        required: true,
        description: 'How to split the scope into rows.',
      }),
    },
    resolve: async (_root, { period, scope, by }, ctx) =>
      (await statsBreakdown(ctx.db, { scope, period, by })).map(({ counts, ...row }) => ({
        ...counts,
        ...row,
        by,
      })),
  }),
);
