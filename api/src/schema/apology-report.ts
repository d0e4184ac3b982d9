// Query.lateDossiersWithoutTimelyApology: per unit, the dossiers that went late in a period and had no
// apology issued in time (services/apology-report.ts, docs/domain.md §3.7), and those dossiers, paged.
import { reachWith } from '../services/access/reach.ts';
import { type ApologyReport, type ApologyUnitRow, apologyReport } from '../services/apology-report.ts';
import { builder } from './builder.ts';
import { DossierRef } from './dossier.ts';
import { AGGREGATE_COST } from './field-cost.ts';
import { bigKey, keysetConnection } from './keyset-connection.ts';
import { namedConnection } from './pagination.ts';
import { ACTIVE_ON_DESCRIPTION, PeriodInput } from './stats.ts';

const counts = {
  late: 'Dossiers that went late in the period: due in it and resolved or returned on a later day, or still open after the due day (not paused by a supplement request).',
  withTimelyApology:
    'Of those, with an apology issued no later than one working day before the due date it moved.',
  withLateApologyOnly: 'With apologies, none issued in time.',
  withoutTimelyApology: 'late − withTimelyApology: no apology, or only late ones.',
} as const;

const ApologyUnitRef = builder.objectRef<ApologyUnitRow>('ApologyReportUnit').implement({
  description: 'One unit of the subtree with late dossiers in the period.',
  fields: (t) => ({
    agency: t.prismaField({
      type: 'Agency',
      description: 'The unit that received the dossiers.',
      resolve: (query, row, _args, ctx) =>
        ctx.prisma.agency.findUniqueOrThrow({ ...query, where: { id: row.agencyId } }),
    }),
    late: t.exposeInt('late', { description: counts.late }),
    withTimelyApology: t.exposeInt('withTimelyApology', { description: counts.withTimelyApology }),
    withLateApologyOnly: t.exposeInt('withLateApologyOnly', { description: counts.withLateApologyOnly }),
    withoutTimelyApology: t.exposeInt('withoutTimelyApology', { description: counts.withoutTimelyApology }),
  }),
});

const UnapologisedConnection = namedConnection(
  DossierRef,
  'UnapologisedDossier',
  'dossiers gone late without an apology issued in time (hồ sơ quá hạn chưa có phiếu xin lỗi đúng hạn)',
);

const ApologyReportRef = builder.objectRef<ApologyReport>('ApologyReport').implement({
  description:
    'Late dossiers without a timely apology (Phiếu xin lỗi và hẹn lại ngày trả kết quả, Nghị định 61/2018/NĐ-CP Điều 19 khoản 4; docs/domain.md §3.7), as the dossiers stand now.',
  fields: (t) => ({
    agencyCode: t.exposeString('agencyCode', {
      description: 'Code of the agency whose subtree is reported on.',
    }),
    from: t.field({ type: 'Date', description: 'First day of the period.', resolve: (r) => r.period.from }),
    to: t.field({ type: 'Date', description: 'Last day of the period.', resolve: (r) => r.period.to }),
    late: t.exposeInt('late', { description: counts.late }),
    withTimelyApology: t.exposeInt('withTimelyApology', { description: counts.withTimelyApology }),
    withLateApologyOnly: t.exposeInt('withLateApologyOnly', { description: counts.withLateApologyOnly }),
    withoutTimelyApology: t.exposeInt('withoutTimelyApology', { description: counts.withoutTimelyApology }),
    units: t.field({
      type: [ApologyUnitRef],
      description: 'Per unit with late dossiers, the most dossiers without a timely apology first.',
      resolve: (r) => r.units,
    }),
    dossiers: t.connection(
      {
        type: DossierRef,
        description: 'The dossiers without a timely apology, oldest first.',
        resolve: (r, args) =>
          keysetConnection(args, {
            type: 'UnapologisedDossier',
            keyOf: (d) => d.id,
            parse: bigKey,
            page: r.page,
            count: r.count,
          }),
      },
      UnapologisedConnection,
    ),
  }),
});

builder.queryField('lateDossiersWithoutTimelyApology', (t) =>
  t.field({
    type: ApologyReportRef,
    complexity: AGGREGATE_COST,
    authScopes: { read: true },
    description:
      'Per unit of an agency subtree, the dossiers that went late in a period without an apology issued in time, and those dossiers (paged). For callers who may read dossiers (VIEWER and above, read keys) within their subtree: FORBIDDEN outside it, NOT_FOUND for an unknown code, INVALID_PERIOD for a bad period.',
    args: {
      agencyCode: t.arg.string({ required: true, description: 'Unit code: the unit and its subtree.' }),
      period: t.arg({
        type: PeriodInput,
        required: true,
        description:
          'The period in which the dossiers went late (their due date for timeliness falls in it).',
      }),
      activeOn: t.arg({ type: 'Date', description: ACTIVE_ON_DESCRIPTION }),
    },
    resolve: async (_root, { agencyCode, period, activeOn }, ctx) =>
      apologyReport(ctx.db, ctx.principal, await reachWith(ctx.prisma, ctx.principal, 'READ'), {
        agencyCode,
        period,
        activeOn: activeOn ?? null,
      }),
  }),
);
