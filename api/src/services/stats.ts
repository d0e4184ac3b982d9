// Processing-time and satisfaction statistics for a scope (agency subtree and/or procedure) and a
// period: sums over rollups, never scans over dossiers (docs/architecture.md "Rollups"). A period is read
// from MONTH rows for its whole months and DAY rows for the days at either end.
import type { Agency, Database } from '@tthc/db';
import type pg from 'pg';
import { MINUTES_PER_WORKING_DAY } from '../domain/calendar.ts';
import { PROCESSING_HISTOGRAM_SIZE, percentileFromHistogram } from '../domain/processing-histogram.ts';
import { ALL_AGENCIES, ALL_PROCEDURES } from '../domain/rollup-contribution.ts';
import { addDays, addMonths, type Day, dayOf, daysBetween } from '../domain/time.ts';
import { AppError } from '../errors.ts';
import { resolveAgencyForPeriod, subtreeIds } from './agencies.ts';
import { resolveProcedureRow } from './procedures.ts';

export interface Period {
  from: Day;
  to: Day;
}

export interface ScopeInput {
  agencyCode?: string | null;
  procedureCode?: string | null;
  /** The day the agency code is resolved on (docs/domain.md §0); default: the period's last day. */
  activeOn?: Day | null;
}

/** A scope resolved to ids: `agencyIds` null = every agency. */
export interface Scope {
  agencyIds: number[] | null;
  procedureId: number | null;
}

export type Channel = 'IN_PERSON' | 'ONLINE' | 'POSTAL';

/** Additive counters of a slice (the whole period, a channel, a month). */
export interface Counts {
  received: number;
  receivedOnTime: number;
  finished: number;
  early: number;
  onTime: number;
  late: number;
  withdrawn: number;
  refused: number;
  stopped: number;
  supplementRequests: number;
  apologies: number;
  processingMinutes: number;
  histogram: number[];
  verySatisfied: number;
  satisfied: number;
  dissatisfied: number;
  ratingLinksIssued: number;
  dislikedOrPetitioned: number;
  /** Current ratings by the dossier's timeliness class, and the satisfied or very satisfied among them. */
  earlyRatings: number;
  earlySatisfied: number;
  onTimeRatings: number;
  onTimeSatisfied: number;
  lateRatings: number;
  lateSatisfied: number;
}

export interface ServiceStats extends Counts {
  period: Period;
  byChannel: ({ channel: Channel } & Counts)[];
  /** A month's figures, and its volume by channel for the trend chart. */
  byMonth: ({ month: Day; byChannel: ({ channel: Channel } & Counts)[] } & Counts)[];
  /** Dossiers of the scope unfinished and past due at the period's end (or today, if earlier). */
  lateOpen: number;
  /** The day `lateOpen` and indicator 2.1's unfinished dossiers are judged on. */
  asOf: Day;
  /** Dossiers received in the period that count as on time for Decision 766 indicator 2.1. */
  receivedOnTimeAtPeriodEnd: number;
}

const MAX_PERIOD_DAYS = 366 * 10;

export function checkPeriod(period: Period): void {
  if (period.from > period.to) {
    throw new AppError(
      'INVALID_PERIOD',
      `Kỳ báo cáo không hợp lệ: ngày bắt đầu ${period.from} sau ngày kết thúc ${period.to}.`,
    );
  }
  if (daysBetween(period.from, period.to) > MAX_PERIOD_DAYS) {
    throw new AppError('INVALID_PERIOD', 'Kỳ báo cáo dài tối đa 10 năm.');
  }
}

/**
 * The scope of figures over a period ending `periodEnd` (default today): the agency code resolved on
 * `input.activeOn`, else on the period's last day (resolveAgencyForPeriod, docs/domain.md §0), with
 * the unit it names (`agency`, null for every agency).
 */
export async function resolveScope(
  db: Pick<Database, 'prisma' | 'pool'>,
  input: ScopeInput,
  periodEnd: Day = dayOf(new Date()),
): Promise<Scope & { agency: Agency | null }> {
  // Only an absent code means "every agency" / "every procedure": an empty one is a code that does
  // not exist (NOT_FOUND), not a way for `sipas(agencyCode: "")` to widen to the whole country.
  const agency =
    input.agencyCode != null
      ? await resolveAgencyForPeriod(db.prisma, input.agencyCode, periodEnd, input.activeOn)
      : null;
  const agencyIds = agency ? await subtreeIds(db.prisma, agency.id) : null;
  // The procedure by its row (not through Prisma): the widget's public read names one.
  const procedureId =
    input.procedureCode != null ? (await resolveProcedureRow(db.pool, input.procedureCode)).id : null;
  return { agencyIds, procedureId, agency };
}

/** Whether a change to these agencies and procedures can move the figures of `scope`. */
export function scopeTouchedBy(
  scope: Scope,
  change: { agencyIds: number[]; procedureIds: number[] },
): boolean {
  const agencyHit = scope.agencyIds === null || change.agencyIds.some((id) => scope.agencyIds!.includes(id));
  const procedureHit = scope.procedureId === null || change.procedureIds.includes(scope.procedureId);
  return agencyHit && procedureHit;
}

/**
 * The period cut into whole months (read from MONTH rows) and the days around them (DAY rows).
 * 15/1–20/3 → DAY 15/1–31/1, MONTH 1/2, DAY 1/3–20/3.
 */
export function splitPeriod(period: Period): { months: [Day, Day] | null; days: [Day, Day][] } {
  const firstFullMonth = period.from.endsWith('-01')
    ? period.from
    : addMonths(`${period.from.slice(0, 7)}-01`, 1);
  const afterTo = addDays(period.to, 1);
  const endOfFullMonths = afterTo.endsWith('-01') ? afterTo : `${period.to.slice(0, 7)}-01`; // exclusive
  if (firstFullMonth >= endOfFullMonths) return { months: null, days: [[period.from, period.to]] };
  const days: [Day, Day][] = [];
  if (period.from < firstFullMonth) days.push([period.from, addDays(firstFullMonth, -1)]);
  if (endOfFullMonths <= period.to) days.push([endOfFullMonths, period.to]);
  return { months: [firstFullMonth, addDays(endOfFullMonths, -1)], days };
}

/** The processing-time histogram summed bucket by bucket: 14 of COUNTER_SQL's aggregates. */
const HISTOGRAM_SQL = `ARRAY[${Array.from({ length: PROCESSING_HISTOGRAM_SIZE }, (_, i) => `coalesce(sum("processingHistogram"[${i + 1}]), 0)::int`).join(', ')}]`;

export const COUNTER_SQL = `sum(received)::int AS received, sum("receivedOnTime")::int AS "receivedOnTime",
  sum(finished)::int AS finished, sum(early)::int AS early, sum("onTime")::int AS "onTime", sum(late)::int AS late,
  sum(withdrawn)::int AS withdrawn, sum(refused)::int AS refused, sum(stopped)::int AS stopped,
  sum("supplementRequests")::int AS "supplementRequests", sum(apologies)::int AS apologies,
  sum("processingMinutes")::float8 AS "processingMinutes",
  ${HISTOGRAM_SQL} AS histogram,
  sum("verySatisfied")::int AS "verySatisfied", sum(satisfied)::int AS satisfied, sum(dissatisfied)::int AS dissatisfied,
  sum("ratingLinksIssued")::int AS "ratingLinksIssued", sum("dislikedOrPetitioned")::int AS "dislikedOrPetitioned",
  sum("earlyRatings")::int AS "earlyRatings", sum("earlySatisfied")::int AS "earlySatisfied",
  sum("onTimeRatings")::int AS "onTimeRatings", sum("onTimeSatisfied")::int AS "onTimeSatisfied",
  sum("lateRatings")::int AS "lateRatings", sum("lateSatisfied")::int AS "lateSatisfied"`;

/** COUNTER_SQL without the histogram (an empty one): when no percentile is asked for. */
const COUNTER_SQL_WITHOUT_HISTOGRAM = COUNTER_SQL.replace(HISTOGRAM_SQL, `'{}'::int[]`);

export const ZERO: Counts = {
  received: 0,
  receivedOnTime: 0,
  finished: 0,
  early: 0,
  onTime: 0,
  late: 0,
  withdrawn: 0,
  refused: 0,
  stopped: 0,
  supplementRequests: 0,
  apologies: 0,
  processingMinutes: 0,
  histogram: [],
  verySatisfied: 0,
  satisfied: 0,
  dissatisfied: 0,
  ratingLinksIssued: 0,
  dislikedOrPetitioned: 0,
  earlyRatings: 0,
  earlySatisfied: 0,
  onTimeRatings: 0,
  onTimeSatisfied: 0,
  lateRatings: 0,
  lateSatisfied: 0,
};

type Counter = Exclude<keyof Counts, 'histogram'>;
const COUNTERS = (Object.keys(ZERO) as (keyof Counts)[]).filter((k): k is Counter => k !== 'histogram');

/** A new slice with the counts of `a` and `b` added (histograms bucket by bucket). */
export function addCounts(a: Counts, b: Counts): Counts {
  return addInto(addInto({ ...ZERO, histogram: [] }, a), b);
}

/** Adds `b` to the slice `sum` in place and returns it: one accumulator per slice, not one per row. */
function addInto(sum: Counts, b: Counts): Counts {
  for (const key of COUNTERS) sum[key] += b[key];
  const h = b.histogram;
  for (let i = 0; i < h.length; i++) sum.histogram[i] = (sum.histogram[i] ?? 0) + h[i]!;
  return sum;
}

/** The slice of `key` in `slices`, created empty on first use. */
function sliceOf<K>(slices: Map<K, Counts>, key: K): Counts {
  let slice = slices.get(key);
  if (!slice) {
    slice = { ...ZERO, histogram: [] };
    slices.set(key, slice);
  }
  return slice;
}

/**
 * Which rollup rows a scope is read from:
 *  - 'counters': the fewest counter rows that sum to the scope — an agency subtree without a
 *    procedure reads its agencies' ALL_PROCEDURES rows, a procedure over every agency its
 *    ALL_AGENCIES rows, every agency and every procedure the ALL_PROCEDURES rows of every agency;
 *  - 'per agency' / 'per procedure': counter rows that sum to the scope once grouped by agency, or
 *    by procedure (a breakdown);
 *  - 'intervals': DossierIntervalRollup rows, which exist per agency and procedure only.
 */
export type RollupRows = 'counters' | 'per agency' | 'per procedure' | 'intervals';

/** The WHERE clauses (from `AND …`) of the rows of a scope; their parameters are pushed onto `params`. */
export function scopeFilter(scope: Scope, params: unknown[], rows: RollupRows = 'counters'): string {
  const clauses: string[] = [];
  const everyAgencyRows = rows === 'per procedure' || (rows === 'counters' && scope.procedureId !== null);
  if (scope.agencyIds) {
    params.push(scope.agencyIds);
    clauses.push(`"agencyId" = ANY($${params.length}::int[])`);
  } else if (rows !== 'intervals') {
    clauses.push(`"agencyId" ${everyAgencyRows ? '=' : '<>'} ${ALL_AGENCIES}`);
  }
  if (scope.procedureId !== null) {
    params.push(scope.procedureId);
    clauses.push(`"procedureId" = $${params.length}`);
  } else if (rows !== 'intervals') {
    clauses.push(`"procedureId" ${rows === 'per procedure' ? '<>' : '='} ${ALL_PROCEDURES}`);
  }
  return clauses.length ? `AND ${clauses.join(' AND ')}` : '';
}

/**
 * What a caller needs besides the scope's totals. Each part costs (docs/benchmarks.md "Public
 * reads"): by channel or by month, more rows to sum in PostgreSQL, send and add up here; the
 * period-end figures, a query of the interval rows; the histogram, 14 more sums per row. The
 * widget asks for totals only.
 */
export interface StatsDetail {
  byChannel: boolean;
  /** Each month, with its channels. */
  byMonth: boolean;
  /** lateOpen and receivedOnTimeAtPeriodEnd, from the interval rows covering `asOf`. */
  periodEnd: boolean;
  /** The processing-time histogram, for percentiles (median, p90). */
  histogram: boolean;
}

export const ALL_DETAIL: StatsDetail = { byChannel: true, byMonth: true, periodEnd: true, histogram: true };

/**
 * The figures of a scope over a period, by channel and by month (for trend charts). With less than
 * ALL_DETAIL, the parts not asked for are left out: `byChannel` and `byMonth` empty, `lateOpen` 0,
 * `receivedOnTimeAtPeriodEnd` the final outcomes without the period-end correction, histograms empty.
 */
export async function computeStats(
  pool: pg.Pool,
  scope: Scope,
  period: Period,
  today: Day = dayOf(new Date()),
  detail: StatsDetail = ALL_DETAIL,
): Promise<ServiceStats> {
  checkPeriod(period);
  const params: unknown[] = [];
  const slices = periodSlices(period, params);
  const filter = scopeFilter(scope, params);
  const byChannel = detail.byChannel || detail.byMonth;
  const keys = detail.byMonth
    ? `channel::text AS channel, to_char(date_trunc('month', day), 'YYYY-MM-DD') AS month,`
    : byChannel
      ? 'channel::text AS channel,'
      : '';
  // Without groups, an empty scope would still give one row of NULLs: none at all instead.
  const groups = detail.byMonth ? 'GROUP BY 1, 2' : byChannel ? 'GROUP BY 1' : 'HAVING count(*) > 0';
  // Dossiers still open at the period's end are judged on that day (docs/domain.md §3.9).
  const asOf = asOfDay(period, today);
  const intervalParams: unknown[] = [asOf, period.from];
  const intervalFilter = scopeFilter(scope, intervalParams, 'intervals');
  const [counts, intervals] = await Promise.all([
    pool.query<Counts & { channel: Channel; month: string }>({
      ...prepared(
        `SELECT ${keys} ${detail.histogram ? COUNTER_SQL : COUNTER_SQL_WITHOUT_HISTOGRAM}
           FROM "DossierRollup" WHERE (${slices}) ${filter} ${groups}`,
      ),
      values: params,
    }),
    detail.periodEnd
      ? pool.query<IntervalSums>({
          ...prepared(`SELECT kind::text, ${INTERVAL_SQL}
                         FROM "DossierIntervalRollup"
                        WHERE daterange("fromDay", "toDay", '[]') @> $1::date ${intervalFilter}
                        GROUP BY 1`),
          values: intervalParams,
        })
      : null,
  ]);

  const total: Counts = { ...ZERO, histogram: [] };
  const channelSlices = new Map<Channel, Counts>();
  const monthSlices = new Map<string, Counts>();
  const monthChannelSlices = new Map<string, Counts>();
  for (const row of counts.rows) {
    const c = normalise(row);
    addInto(total, c);
    if (byChannel) addInto(sliceOf(channelSlices, row.channel), c);
    if (detail.byMonth) {
      addInto(sliceOf(monthSlices, row.month), c);
      monthChannelSlices.set(`${row.month}|${row.channel}`, c); // one row per month and channel
    }
  }
  const channels = (slice: (channel: Channel) => Counts | undefined) =>
    CHANNELS.map((channel) => ({ channel, ...(slice(channel) ?? ZERO) }));
  return {
    ...total,
    period,
    byChannel: byChannel ? channels((channel) => channelSlices.get(channel)) : [],
    byMonth: [...monthSlices.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([month, c]) => ({
        month,
        ...c,
        byChannel: channels((channel) => monthChannelSlices.get(`${month}|${channel}`)),
      })),
    asOf,
    ...periodEndFigures(total, intervals?.rows ?? []),
  };
}

/**
 * A named statement for `text`: PostgreSQL then parses and plans it once per connection instead of
 * on every call, and planning COUNTER_SQL's forty aggregates costs more than summing the hundred
 * rows of a procedure's year (docs/benchmarks.md "Public reads"). The texts are few — one per shape
 * of period and scope — and a name always stands for the same text; past the bound, texts go unnamed.
 */
export function prepared(text: string): { name?: string; text: string } {
  let name = statementNames.get(text);
  if (name === undefined && statementNames.size < MAX_STATEMENTS) {
    name = `stats_${statementNames.size + 1}`;
    statementNames.set(text, name);
  }
  return name === undefined ? { text } : { name, text };
}

const statementNames = new Map<string, string>();
const MAX_STATEMENTS = 500;

const CHANNELS = ['IN_PERSON', 'ONLINE', 'POSTAL'] as const;

/** The rollup rows of a period: its whole months (MONTH rows) and the days at either end (DAY rows). */
export function periodSlices(period: Period, params: unknown[]): string {
  const { months, days } = splitPeriod(period);
  const slices: string[] = [];
  if (months) {
    params.push(months[0], months[1]);
    slices.push(`(grain = 'MONTH' AND day BETWEEN $${params.length - 1}::date AND $${params.length}::date)`);
  }
  for (const [from, to] of days) {
    params.push(from, to);
    slices.push(`(grain = 'DAY' AND day BETWEEN $${params.length - 1}::date AND $${params.length}::date)`);
  }
  return slices.join(' OR ');
}

/** The day dossiers still open are judged on: the period's end, or today if earlier (docs/domain.md §3.9). */
export const asOfDay = (period: Period, today: Day): Day => (period.to < today ? period.to : today);

/**
 * Sums of DossierIntervalRollup rows covering `asOf` ($1), of one kind: all, and those received
 * on or after the period's first day ($2).
 */
export const INTERVAL_SQL = `sum(dossiers)::int AS all,
  coalesce(sum(dossiers) FILTER (WHERE "receivedDay" >= $2::date), 0)::int AS received_in_period`;

export interface IntervalSums {
  kind: string;
  all: number;
  received_in_period: number;
}

/** lateOpen and indicator 2.1's numerator, from the counters and the interval sums by kind. */
export function periodEndFigures(
  total: Counts,
  intervals: readonly IntervalSums[],
): { lateOpen: number; receivedOnTimeAtPeriodEnd: number } {
  const interval = (kind: string) => intervals.find((r) => r.kind === kind);
  return {
    lateOpen: (interval('OVERDUE_LATE')?.all ?? 0) + (interval('OVERDUE_ON_TIME')?.all ?? 0),
    receivedOnTimeAtPeriodEnd:
      total.receivedOnTime +
      (interval('IN_TIME_NOT_ON_TIME')?.received_in_period ?? 0) -
      (interval('OVERDUE_ON_TIME')?.received_in_period ?? 0),
  };
}

export function normalise(row: Counts & { histogram: number[] | null }): Counts {
  return { ...row, processingMinutes: Number(row.processingMinutes), histogram: row.histogram ?? [] };
}

// ─── Derived figures (ServiceStats in the contract) ──────────────────────────────────────────────

export const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

/** (early + onTime) / finished. */
export const onTimeRate = (c: Counts) => ratio(c.early + c.onTime, c.finished);

export const averageProcessingWorkingDays = (c: Counts) =>
  c.finished === 0 ? null : c.processingMinutes / c.finished / MINUTES_PER_WORKING_DAY;

export function processingPercentileWorkingDays(c: Counts, p: number): number | null {
  const minutes = percentileFromHistogram(c.histogram, p);
  return minutes === null ? null : minutes / MINUTES_PER_WORKING_DAY;
}

export const ratingsCount = (c: Counts) => c.verySatisfied + c.satisfied + c.dissatisfied;
export const satisfactionRate = (c: Counts) => ratio(c.verySatisfied + c.satisfied, ratingsCount(c));

export type TimelinessClass = 'EARLY' | 'ON_TIME' | 'LATE';

export interface TimelinessSatisfaction {
  timeliness: TimelinessClass;
  ratings: number;
  satisfied: number;
}

/**
 * Satisfaction of the rated finished dossiers per timeliness class — "is a late dossier a
 * dissatisfied one?" (docs/domain.md §4.1 "Satisfaction by timeliness"). Always the three classes.
 */
export const satisfactionByTimeliness = (c: Counts): TimelinessSatisfaction[] => [
  { timeliness: 'EARLY', ratings: c.earlyRatings, satisfied: c.earlySatisfied },
  { timeliness: 'ON_TIME', ratings: c.onTimeRatings, satisfied: c.onTimeSatisfied },
  { timeliness: 'LATE', ratings: c.lateRatings, satisfied: c.lateSatisfied },
];
