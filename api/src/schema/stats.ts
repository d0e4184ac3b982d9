import type { GraphQLResolveInfo } from 'graphql';
import { roundScore } from '../domain/index766.ts';
import { subtreeIds } from '../services/agencies.ts';
import { computeIndex766 } from '../services/index766.ts';
import { figuresOf, watchStats } from '../services/live/live-stats.ts';
import {
  averageProcessingWorkingDays,
  type Counts,
  checkPeriod,
  computeStats,
  onTimeRate,
  type Period,
  processingPercentileWorkingDays,
  ratingsCount,
  ratio,
  resolveScope,
  type Scope,
  type ServiceStats,
  satisfactionByTimeliness,
  satisfactionRate,
  type TimelinessSatisfaction,
} from '../services/stats.ts';
import { AgencyRef } from './agency.ts';
import { builder } from './builder.ts';
import { ChannelEnum } from './enums.ts';
import { AGGREGATE_COST, listCost } from './field-cost.ts';
import { ProcedureRef } from './procedure.ts';
import { statsDetailOf } from './stats-detail.ts';

/** Live figures are pushed at most this often per subscription (docs/architecture.md "Live fan-out"). */
export const STATS_PUSH_INTERVAL_MS = 250;

export const PeriodInput = builder.inputType('PeriodInput', {
  description:
    'A reporting period; both days included (Asia/Ho_Chi_Minh), at most 10 years long (else INVALID_PERIOD).',
  fields: (t) => ({
    from: t.field({ type: 'Date', required: true, description: 'First day of the period, included.' }),
    to: t.field({
      type: 'Date',
      required: true,
      description: 'Last day of the period, included; not before `from`.',
    }),
  }),
});

export const StatsScopeInput = builder.inputType('StatsScope', {
  description: 'An agency (its whole subtree, with the units merged into it) and/or a procedure.',
  fields: (t) => ({
    agencyCode: t.string({
      description:
        'Unit code: the figures of its whole subtree, units merged into it included; omitted: every unit.',
    }),
    procedureCode: t.string({
      description:
        'National procedure code (mã TTHC): only the dossiers of this procedure; omitted: every procedure.',
    }),
    activeOn: t.field({
      type: 'Date',
      description:
        'The day the agency code is resolved on: codes are reused across the 1/7/2025 mergers (docs/domain.md §0). Default: the unit holding the code on the period’s last day (for lateDossiers: on `asOf`). NOT_FOUND when no unit held the code that day.',
    }),
  }),
});

/** The optional `activeOn` argument of the figure queries that take an agency code (docs/domain.md §0). */
export const ACTIVE_ON_DESCRIPTION =
  'The day `agencyCode` is resolved on: codes are reused across the 1/7/2025 mergers (docs/domain.md §0). Default: the unit holding the code on the period’s last day. NOT_FOUND when no unit held the code that day.';

const PeriodRef = builder.objectRef<Period>('Period').implement({
  description: 'A reporting period, both days included (Asia/Ho_Chi_Minh).',
  fields: (t) => ({
    from: t.expose('from', { type: 'Date', description: 'First day, included.' }),
    to: t.expose('to', { type: 'Date', description: 'Last day, included.' }),
  }),
});

const ChannelStatsRef = builder.objectRef<Counts & { channel: 'IN_PERSON' | 'ONLINE' | 'POSTAL' }>(
  'ChannelStats',
);
const MonthStatsRef = builder.objectRef<ServiceStats['byMonth'][number]>('MonthStats');
const ServiceStatsRef = builder.objectRef<ServiceStats>('ServiceStats');

// One definition of the figures every slice carries (the whole period, a channel, a month, a row of
// a breakdown: schema/stats-breakdown.ts).
for (const ref of [ServiceStatsRef, ChannelStatsRef, MonthStatsRef] as const) countsFields(ref);

/** The figures of a slice (counters and the rates derived from them) on an object type over Counts. */
export function countsFields(ref: { name: string }): void {
  // Every ref passed here is an object type whose parent extends Counts.
  builder.objectFields(ref as typeof ServiceStatsRef, (t) => ({
    received: t.exposeInt('received', { description: 'Dossiers received in the period.' }),
    finished: t.exposeInt('finished', { description: 'Dossiers whose processing ended in the period.' }),
    early: t.exposeInt('early', {
      description: 'Finished dossiers that ended before their due day (trước hạn).',
    }),
    onTime: t.exposeInt('onTime', {
      description:
        'Finished dossiers that ended on their due day (đúng hạn), withdrawn and stopped ones included; early + onTime + late = finished.',
    }),
    late: t.exposeInt('late', {
      description:
        'Finished dossiers that ended after their due date, or with two or more supplement requests (quá hạn).',
    }),
    onTimeRate: t.float({
      nullable: true,
      description: '(early + onTime) / finished, 0..1; null when nothing finished.',
      resolve: onTimeRate,
    }),
    withdrawn: t.exposeInt('withdrawn', {
      description: 'Finished by withdrawal (a withdrawn dossier counts as handled on time).',
    }),
    stopped: t.exposeInt('stopped', {
      description: 'Finished by a stop (returned unprocessed; counted on time).',
    }),
    refused: t.exposeInt('refused', {
      description:
        'Refused, on the day of the refusal: at reception (never received), or after reception (received, counted here and not in finished, and not on time for indicator 2.1).',
    }),
    supplementRequests: t.exposeInt('supplementRequests', {
      description:
        'Supplement requests made in the period (each on the day it was made, whenever the dossier was received); a request made later never changes a closed period.',
    }),
    apologies: t.exposeInt('apologies', {
      description:
        'Apologies (new due dates) issued in the period (each on the day it was issued, whenever the dossier was received).',
    }),
    averageProcessingWorkingDays: t.float({
      nullable: true,
      description: 'Mean over finished dossiers, supplement time excluded.',
      resolve: averageProcessingWorkingDays,
    }),
    medianProcessingWorkingDays: t.float({
      nullable: true,
      description: 'Estimated from a histogram (linear within a bucket).',
      resolve: (c) => processingPercentileWorkingDays(c, 50),
    }),
    p90ProcessingWorkingDays: t.float({
      nullable: true,
      description: '90th percentile, estimated from a histogram.',
      resolve: (c) => processingPercentileWorkingDays(c, 90),
    }),
    ratings: t.int({
      description: 'Current ratings of dossiers finished in the period.',
      resolve: ratingsCount,
    }),
    verySatisfied: t.exposeInt('verySatisfied', {
      description: 'Current ratings “very satisfied” (rất hài lòng) of dossiers finished in the period.',
    }),
    satisfied: t.exposeInt('satisfied', {
      description: 'Current ratings “satisfied” (hài lòng) of dossiers finished in the period.',
    }),
    dissatisfied: t.exposeInt('dissatisfied', {
      description: 'Current ratings “dissatisfied” (không hài lòng) of dossiers finished in the period.',
    }),
    satisfactionRate: t.float({
      nullable: true,
      description: '(verySatisfied + satisfied) / ratings; null when no ratings.',
      resolve: satisfactionRate,
    }),
    ratingLinksIssued: t.exposeInt('ratingLinksIssued', {
      description: 'Finished dossiers whose applicant was asked to rate (a rating link was issued).',
    }),
    responseRate: t.float({
      nullable: true,
      description: 'ratings / finished: the last link of the chain finished → asked → rated.',
      resolve: (c) => ratio(ratingsCount(c), c.finished),
    }),
  }));
}

ChannelStatsRef.implement({
  description: 'The figures of the dossiers filed through one channel (the same fields as ServiceStats).',
  fields: (t) => ({ channel: t.expose('channel', { type: ChannelEnum, description: 'The channel.' }) }),
});
MonthStatsRef.implement({
  description:
    'The figures of one calendar month of the period (the same fields as ServiceStats), for trend charts.',
  fields: (t) => ({
    month: t.field({ type: 'Date', description: 'First day of the month.', resolve: (m) => m.month }),
    byChannel: t.field({
      type: [ChannelStatsRef],
      // Always the three channels, read with the month's own rows.
      complexity: listCost(3),
      description: 'The month by channel (IN_PERSON, ONLINE, POSTAL): volume by channel for trend charts.',
      resolve: (m) => m.byChannel,
    }),
  }),
});
const TimelinessClassEnum = builder.enumType('TimelinessClass', {
  description: 'How a finished dossier ended against its due date (docs/domain.md §3.8).',
  values: {
    EARLY: { description: 'Before the due day.' },
    ON_TIME: { description: 'On the due day, or withdrawn / stopped (counted on time).' },
    LATE: { description: 'After the due date.' },
  } as const,
});

const TimelinessSatisfactionRef = builder
  .objectRef<TimelinessSatisfaction>('TimelinessSatisfaction')
  .implement({
    description:
      'The current ratings of the dossiers of one timeliness class that finished in the period: is a late dossier a dissatisfied one?',
    fields: (t) => ({
      timeliness: t.field({
        type: TimelinessClassEnum,
        description: 'The class.',
        resolve: (s) => s.timeliness,
      }),
      ratings: t.exposeInt('ratings', {
        description: 'Current ratings of the dossiers of the class finished in the period.',
      }),
      satisfied: t.exposeInt('satisfied', { description: 'Rated satisfied or very satisfied.' }),
      satisfactionRate: t.float({
        nullable: true,
        description: 'satisfied / ratings, 0..1; null when no dossier of the class was rated.',
        resolve: (s) => ratio(s.satisfied, s.ratings),
      }),
    }),
  });

ServiceStatsRef.implement({
  description: 'Processing-time and satisfaction figures of a scope over a period, summed from rollups.',
  fields: (t) => ({
    period: t.field({ type: PeriodRef, description: 'The period asked for.', resolve: (s) => s.period }),
    asOf: t.field({
      type: 'Date',
      description: 'The day unfinished dossiers are judged on: the period’s end, or today if earlier.',
      resolve: (s) => s.asOf,
    }),
    lateOpen: t.exposeInt('lateOpen', { description: 'Dossiers unfinished and past due on `asOf`.' }),
    byChannel: t.field({
      type: [ChannelStatsRef],
      description: 'The same figures by channel (IN_PERSON, ONLINE, POSTAL).',
      resolve: (s) => s.byChannel,
    }),
    byMonth: t.field({ type: [MonthStatsRef], description: 'For trend charts.', resolve: (s) => s.byMonth }),
    satisfactionByTimeliness: t.field({
      type: [TimelinessSatisfactionRef],
      // Read from the same rollup rows as the other figures; always the three classes.
      complexity: listCost(3),
      description:
        'EARLY, ON_TIME and LATE: ratings and satisfaction of the rated dossiers that finished in the period (docs/domain.md §4.1).',
      resolve: satisfactionByTimeliness,
    }),
  }),
});

const Indicator766Ref = builder
  .objectRef<{
    id: string;
    score: number | null;
    maxScore: number;
    numerator: number | null;
    denominator: number | null;
    noData: boolean;
  }>('Indicator766')
  .implement({
    description: 'One Decision 766/QĐ-TTg indicator; score null = no data (never shown as 0).',
    fields: (t) => ({
      id: t.exposeString('id', {
        description:
          'Number of the indicator in Decision 766/QĐ-TTg: 1.3, 2.1, 3.1, 3.3, 5.2 or 5.4 (docs/domain.md §5).',
      }),
      score: t.float({
        nullable: true,
        description: 'Points scored, 0..maxScore, rounded to 4 decimals; null = no data (never shown as 0).',
        resolve: (i) => roundScore(i.score, 4),
      }),
      maxScore: t.exposeFloat('maxScore', { description: 'Points the indicator is worth (2, 6 or 20).' }),
      numerator: t.exposeFloat('numerator', {
        nullable: true,
        description: 'What the ratio counts (e.g. dossiers on time for 2.1); null when not computed.',
      }),
      denominator: t.exposeFloat('denominator', {
        nullable: true,
        description:
          'What the ratio is over (e.g. dossiers received in the period for 2.1); null when not computed.',
      }),
      noData: t.exposeBoolean('noData', {
        description:
          'Nothing to measure: no source data, or a denominator of 0. The score is then null, or the indicator table’s score for that case (5.2: 6 with no petitions; 5.4: 0 with no finished dossier), so that “no data” is never read as a measured score (docs/domain.md §5).',
      }),
    }),
  });

const Index766Ref = builder.objectRef<{ total: number | null; indicators: unknown[] }>('Index766').implement({
  description: 'The Decision 766/QĐ-TTg indicators the system computes from its own data.',
  fields: (t) => ({
    total: t.float({
      nullable: true,
      description:
        'Sum of the indicators’ scores (those given for “no data” included), rounded to 4 decimals; null when no indicator has a score.',
      resolve: (i) => roundScore(i.total, 4),
    }),
    indicators: t.field({
      type: [Indicator766Ref],
      description: 'The indicators computed: 1.3, 2.1, 3.1, 3.3, 5.2, 5.4.',
      resolve: (i) => i.indicators as never,
    }),
  }),
});

/**
 * The figures of a scope, only the parts the query selects (stats-detail.ts); the response cache
 * learns which scopes an answer depends on (context.ts).
 */
const stats = (
  ctx: { db: { pool: import('pg').Pool }; figureScopes?: Scope[] },
  scope: Scope,
  period: Period,
  info: GraphQLResolveInfo,
) => {
  ctx.figureScopes?.push(scope);
  return computeStats(ctx.db.pool, scope, period, undefined, statsDetailOf(info));
};

builder.queryFields((t) => ({
  stats: t.field({
    type: ServiceStatsRef,
    complexity: AGGREGATE_COST,
    description:
      'Processing-time and satisfaction figures (số liệu giải quyết hồ sơ, mức độ hài lòng) of an agency subtree and/or a procedure over a period. Public.',
    args: {
      scope: t.arg({
        type: StatsScopeInput,
        required: true,
        description: 'Whose dossiers: an agency subtree and/or a procedure; `{}` for all.',
      }),
      period: t.arg({ type: PeriodInput, required: true, description: 'The reporting period.' }),
    },
    resolve: async (_root, { scope, period }, ctx, info) =>
      stats(ctx, await resolveScope(ctx.db, scope, period.to), period, info),
  }),
  index766: t.field({
    type: Index766Ref,
    complexity: AGGREGATE_COST,
    description:
      'The Decision 766/QĐ-TTg service-quality indicators (bộ chỉ số chỉ đạo, điều hành và đánh giá chất lượng phục vụ) of an agency subtree over a period, those the data supports. Public.',
    args: {
      agencyCode: t.arg.string({
        required: true,
        description: 'Unit code: its whole subtree, units merged into it included.',
      }),
      period: t.arg({ type: PeriodInput, required: true, description: 'The reporting period.' }),
      activeOn: t.arg({ type: 'Date', description: ACTIVE_ON_DESCRIPTION }),
    },
    resolve: async (_root, { agencyCode, period, activeOn }, ctx) =>
      computeIndex766(ctx.db, await resolveScope(ctx.db, { agencyCode, activeOn }, period.to), period),
  }),
}));

builder.objectField(ProcedureRef, 'stats', (t) =>
  t.field({
    type: ServiceStatsRef,
    complexity: AGGREGATE_COST,
    description:
      'The figures of this procedure’s dossiers in every unit over a period, as `stats` with `procedureCode`.',
    args: { period: t.arg({ type: PeriodInput, required: true, description: 'The reporting period.' }) },
    resolve: (procedure, { period }, ctx, info) =>
      stats(ctx, { agencyIds: null, procedureId: procedure.id }, period, info),
  }),
);

builder.objectField(AgencyRef, 'stats', (t) =>
  t.field({
    type: ServiceStatsRef,
    complexity: AGGREGATE_COST,
    description: 'The figures of the whole subtree, with the units merged into it.',
    args: { period: t.arg({ type: PeriodInput, required: true, description: 'The reporting period.' }) },
    // This unit, not whichever holds its code on the period's end (codes are reused, docs/domain.md §0).
    resolve: async (agency, { period }, ctx, info) =>
      stats(ctx, { agencyIds: await subtreeIds(ctx.prisma, agency.id), procedureId: null }, period, info),
  }),
);

builder.subscriptionField('statsChanged', (t) =>
  t.field({
    type: ServiceStatsRef,
    complexity: AGGREGATE_COST,
    description: `The figures now, then fresh figures after every change that touches the scope, at most every ${STATS_PUSH_INTERVAL_MS} ms.`,
    args: {
      scope: t.arg({ type: StatsScopeInput, required: true, description: 'Whose dossiers, as for `stats`.' }),
      period: t.arg({ type: PeriodInput, required: true, description: 'The reporting period.' }),
    },
    // One computation per tick for all the subscribers of a scope and period (services/live/live-stats.ts).
    subscribe: async (_root, { scope, period }, ctx) => {
      // Refused when subscribing, rather than as the same error in every tick the watch pushes.
      checkPeriod(period);
      return watchStats(ctx, await resolveScope(ctx.db, scope, period.to), period, STATS_PUSH_INTERVAL_MS);
    },
    resolve: figuresOf,
  }),
);
