// What one dossier adds to the rollups (docs/architecture.md "Rollups"). Ingestion writes the difference
// between a dossier's contribution after and before a change, so the rollups always equal the sum
// of every dossier's contribution — which is also what `cli rollups rebuild` recomputes from the
// raw rows, independently, in SQL.
import type { CounterDays } from './dossier-state.ts';
import type { OpenJudgement } from './open-judgement.ts';
import { histogramBucket, PROCESSING_HISTOGRAM_SIZE } from './processing-histogram.ts';
import { type Day, dayOf } from './time.ts';
import type { Timeliness } from './timeliness.ts';

export type Channel = 'IN_PERSON' | 'ONLINE' | 'POSTAL';
export type RatingLevel = 'VERY_SATISFIED' | 'SATISFIED' | 'DISSATISFIED';
export type Grain = 'DAY' | 'MONTH';
export type IntervalKind = 'IN_TIME_NOT_ON_TIME' | 'OVERDUE_LATE' | 'OVERDUE_ON_TIME';

/** The DossierRollup counter columns, in the order used by the vectors below. */
export const ROLLUP_COUNTERS = [
  'received',
  'receivedOnTime',
  'finished',
  'early',
  'onTime',
  'late',
  'withdrawn',
  'refused',
  'stopped',
  'supplementRequests',
  'apologies',
  'processingMinutes',
  'verySatisfied',
  'satisfied',
  'dissatisfied',
  'ratingLinksIssued',
  'dislikedOrPetitioned',
  'earlyRatings',
  'earlySatisfied',
  'onTimeRatings',
  'onTimeSatisfied',
  'lateRatings',
  'lateSatisfied',
] as const;
export type RollupCounter = (typeof ROLLUP_COUNTERS)[number];
const INDEX = Object.fromEntries(ROLLUP_COUNTERS.map((c, i) => [c, i])) as Record<RollupCounter, number>;

/**
 * procedureId of the rows that sum every procedure of an agency: an agency's figures (the most
 * common question) are read from one row per (agency, day or month, channel), not one per procedure.
 */
export const ALL_PROCEDURES = 0;

/**
 * agencyId of the rows that sum every agency for one procedure: a procedure's figures over the
 * province (the widget on a procedure's page) are read from one row per (procedure, day or month,
 * channel), not one per agency. There is no row for every agency and every procedure: each dossier
 * would update that one row per day, and every concurrent writer would wait for it.
 */
export const ALL_AGENCIES = 0;

/** The (agency, procedure) keys one dossier counts under: its own, its agency's total, its procedure's total. */
const rollupKeys = (f: Pick<DossierFacts, 'agencyId' | 'procedureId'>) => [
  { agencyId: f.agencyId, procedureId: f.procedureId },
  { agencyId: f.agencyId, procedureId: ALL_PROCEDURES },
  { agencyId: ALL_AGENCIES, procedureId: f.procedureId },
];

/** "Still open" end of an interval (stored as a real date so it can be part of a key). */
export const OPEN_END_DAY: Day = '9999-12-31';

/** The stored facts of a dossier that its contribution depends on (a Dossier row). */
export interface DossierFacts {
  agencyId: number;
  procedureId: number;
  channel: Channel;
  status: string;
  receivedAt: Date | null;
  resolvedAt: Date | null;
  returnedAt: Date | null;
  endedAt: Date | null;
  timeliness: Timeliness | null;
  timelinessDueAt: Date | null;
  supplementPendingSince: Date | null;
  supplementRequests: number;
  apologies: number;
  processingMinutes: number | null;
  rating: RatingLevel | null;
  ratingLinkIssued: boolean;
  hasPetition: boolean;
  /** The judgement of each day of its open life (the fold's rule 9); null = none computed (none kept). */
  openJudgements: OpenJudgement[] | null;
  /** The day of each supplement request and apology (the fold's rule 10); null = none computed (none counted). */
  counterDays: CounterDays | null;
}

export interface CounterRow {
  grain: Grain;
  agencyId: number;
  procedureId: number;
  day: Day;
  channel: Channel;
  counters: number[];
  histogram: number[];
}

export interface IntervalRow {
  kind: IntervalKind;
  agencyId: number;
  procedureId: number;
  receivedDay: Day;
  fromDay: Day;
  toDay: Day;
  dossiers: number;
}

const monthOf = (day: Day): Day => `${day.slice(0, 7)}-01`;

/**
 * Whether the final outcome counts as handled on time for Decision 766 indicator 2.1: finished
 * early or on time, or withdrawn / stopped (docs/domain.md §3.8: counted as handled on time). A
 * refusal after reception has no timeliness: not on time.
 */
export function finalOnTime(f: Pick<DossierFacts, 'endedAt' | 'timeliness' | 'receivedAt'>): boolean {
  return (
    f.receivedAt !== null && f.endedAt !== null && (f.timeliness === 'EARLY' || f.timeliness === 'ON_TIME')
  );
}

function endKindOf(f: DossierFacts): 'RESOLVED' | 'RETURNED' | 'WITHDRAWN' | 'STOPPED' | 'REFUSED' | null {
  if (!f.endedAt) return null;
  if (f.resolvedAt) return 'RESOLVED';
  if (f.returnedAt) return 'RETURNED';
  if (f.status === 'WITHDRAWN' || f.status === 'STOPPED' || f.status === 'REFUSED') return f.status;
  return null;
}

/** Counter rows of one dossier (DAY and MONTH grain; under each of its rollupKeys), sign +1. */
export function counterRows(f: DossierFacts): CounterRow[] {
  const byDay = new Map<Day, { counters: number[]; histogram: number[] }>();
  const at = (day: Day) => {
    let entry = byDay.get(day);
    if (!entry) {
      entry = { counters: new Array(ROLLUP_COUNTERS.length).fill(0), histogram: [] };
      byDay.set(day, entry);
    }
    return entry;
  };
  const endKind = endKindOf(f);
  if (f.receivedAt) {
    const c = at(dayOf(f.receivedAt)).counters;
    c[INDEX.received]! += 1;
    if (finalOnTime(f)) c[INDEX.receivedOnTime]! += 1;
    // Each request on the day it was made, each apology on the day it was issued: a later one
    // never changes the counters of a period already closed (docs/statistics.md).
    for (const day of f.counterDays?.supplementRequests ?? [])
      at(day).counters[INDEX.supplementRequests]! += 1;
    for (const day of f.counterDays?.apologies ?? []) at(day).counters[INDEX.apologies]! += 1;
  }
  // A refusal, at reception or after it, is counted as refused only: neither finished nor on time
  // (docs/domain.md §3.4, §3.8).
  if (f.endedAt && f.receivedAt && endKind !== 'REFUSED') {
    const entry = at(dayOf(f.endedAt));
    const c = entry.counters;
    c[INDEX.finished]! += 1;
    if (f.timeliness === 'EARLY') c[INDEX.early]! += 1;
    else if (f.timeliness === 'LATE') c[INDEX.late]! += 1;
    else c[INDEX.onTime]! += 1;
    if (endKind === 'WITHDRAWN') c[INDEX.withdrawn]! += 1;
    if (endKind === 'STOPPED') c[INDEX.stopped]! += 1;
    if (f.processingMinutes !== null) {
      c[INDEX.processingMinutes]! += f.processingMinutes;
      entry.histogram = new Array(PROCESSING_HISTOGRAM_SIZE).fill(0);
      entry.histogram[histogramBucket(f.processingMinutes)] = 1;
    }
    if (f.rating === 'VERY_SATISFIED') c[INDEX.verySatisfied]! += 1;
    if (f.rating === 'SATISFIED') c[INDEX.satisfied]! += 1;
    if (f.rating === 'DISSATISFIED') c[INDEX.dissatisfied]! += 1;
    if (f.rating) {
      // The rating by the dossier's timeliness class, onTime = the rest as for the counters above
      // (docs/domain.md §4.1 "Satisfaction by timeliness").
      const [ratings, satisfied] =
        f.timeliness === 'EARLY'
          ? [INDEX.earlyRatings, INDEX.earlySatisfied]
          : f.timeliness === 'LATE'
            ? [INDEX.lateRatings, INDEX.lateSatisfied]
            : [INDEX.onTimeRatings, INDEX.onTimeSatisfied];
      c[ratings]! += 1;
      if (f.rating !== 'DISSATISFIED') c[satisfied]! += 1;
    }
    if (f.ratingLinkIssued) c[INDEX.ratingLinksIssued]! += 1;
    if (f.rating === 'DISSATISFIED' || f.hasPetition) c[INDEX.dislikedOrPetitioned]! += 1;
  } else if (endKind === 'REFUSED' && f.endedAt) {
    at(dayOf(f.endedAt)).counters[INDEX.refused]! += 1;
  }
  const rows: CounterRow[] = [];
  for (const [day, { counters, histogram }] of byDay) {
    for (const ids of rollupKeys(f)) {
      const key = { ...ids, channel: f.channel };
      for (const [grain, start] of [
        ['DAY', day],
        ['MONTH', monthOf(day)],
      ] as const) {
        rows.push({ grain, day: start, ...key, counters: [...counters], histogram: [...histogram] });
      }
    }
  }
  return rows;
}

/**
 * The days a received dossier was open on which its judgement for indicator 2.1 differs from its
 * final outcome, or on which it was late: IN_TIME_NOT_ON_TIME (on time that day, final outcome not on
 * time), OVERDUE_ON_TIME (late that day, final outcome on time), OVERDUE_LATE (late that day and in the
 * end). A period's figure is the final outcomes corrected by the ranges covering its last day
 * (docs/domain.md §3.9). The judgement of each day is the fold's (`openJudgements`, rule 9 in
 * dossier-state.ts): what was true at the end of that day, whatever happened later.
 */
export function intervalRows(f: DossierFacts): IntervalRow[] {
  if (!f.receivedAt || (f.endedAt && !endKindOf(f))) return [];
  const onTime = finalOnTime(f);
  const rows: IntervalRow[] = [];
  for (const judgement of f.openJudgements ?? []) {
    const kind: IntervalKind | null = judgement.late
      ? onTime
        ? 'OVERDUE_ON_TIME'
        : 'OVERDUE_LATE'
      : onTime
        ? null
        : 'IN_TIME_NOT_ON_TIME';
    if (!kind) continue;
    rows.push({
      kind,
      agencyId: f.agencyId,
      procedureId: f.procedureId,
      receivedDay: dayOf(f.receivedAt),
      fromDay: judgement.from,
      toDay: judgement.to ?? OPEN_END_DAY,
      dossiers: 1,
    });
  }
  return rows;
}

const counterKey = (r: CounterRow) => `${r.grain}|${r.agencyId}|${r.procedureId}|${r.day}|${r.channel}`;
const intervalKey = (r: IntervalRow) =>
  `${r.kind}|${r.agencyId}|${r.procedureId}|${r.receivedDay}|${r.fromDay}|${r.toDay}`;

/**
 * Accumulates signed contributions (new state +1, old state −1) and hands back one row per key,
 * without the keys whose changes cancel out — one aggregated upsert per key (docs/benchmarks.md "Machine baselines").
 */
export class RollupDelta {
  private readonly counters = new Map<string, CounterRow>();
  private readonly intervals = new Map<string, IntervalRow>();

  add(f: DossierFacts, sign: 1 | -1): void {
    for (const row of counterRows(f)) {
      const key = counterKey(row);
      const existing = this.counters.get(key);
      if (!existing) {
        this.counters.set(key, {
          ...row,
          counters: row.counters.map((v) => v * sign),
          histogram: row.histogram.map((v) => v * sign),
        });
        continue;
      }
      row.counters.forEach((v, i) => {
        existing.counters[i]! += v * sign;
      });
      if (row.histogram.length > 0) {
        if (existing.histogram.length === 0)
          existing.histogram = new Array(PROCESSING_HISTOGRAM_SIZE).fill(0);
        row.histogram.forEach((v, i) => {
          existing.histogram[i]! += v * sign;
        });
      }
    }
    for (const row of intervalRows(f)) {
      const key = intervalKey(row);
      const existing = this.intervals.get(key);
      if (existing) existing.dossiers += sign;
      else this.intervals.set(key, { ...row, dossiers: sign });
    }
  }

  // Rows come out sorted by key: concurrent batches then lock shared rollup rows in the same order
  // and cannot deadlock on them.
  counterRows(): CounterRow[] {
    return [...this.counters.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, r]) => r)
      .filter((r) => r.counters.some((v) => v !== 0) || r.histogram.some((v) => v !== 0));
  }

  intervalRows(): IntervalRow[] {
    return [...this.intervals.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, r]) => r)
      .filter((r) => r.dossiers !== 0);
  }
}
