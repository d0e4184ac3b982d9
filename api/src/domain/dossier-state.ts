// The state of a dossier as the fold of its events (prisma Dossier: "the current state of a dossier:
// the fold of its distinct events by sequence"). Ingestion folds every dossier a batch of events
// touches with this function, and the demo seed folds its planned events with it, so a stored row is
// always what the events say. docs/domain.md §3.4–§3.8 (lifecycle, events, on-time rule).
//
// Rules, in the order the fold applies them:
//
// 1. Events are taken by `sequence`, whatever order they arrive in; a repeated sequence counts once
//    (its first occurrence in the input wins). The status is the status of the highest sequence.
//    Any permutation of the same events gives the same state.
// 2. The clock starts at the first RECEIVED event. Until it has arrived the dossier is not received:
//    no due date, no supplements, no timeliness, not finished — even if its RESOLVED is already
//    there (resolvedAt records it); only a refusal ends a dossier that was never received. When the
//    RECEIVED arrives, the whole history is folded again from it.
// 3. End of processing (docs/domain.md §3.4): the first RESOLVED, else the first RETURNED, else — for a
//    received dossier only — the first WITHDRAWN, STOPPED or REFUSED after the RECEIVED. REFUSED
//    without RECEIVED is the refusal at reception: ended at the refusal, never received, no timeliness.
//    Events after the end (by sequence) change the status only: the clock has stopped.
// 4. Initial due date: the `dueAt` supplied on the RECEIVED event, else dueDate() from the procedure's
//    limit for the channel (same-day cut-off included), else none. Recorded as DueDateChange INITIAL.
// 5. A SUPPLEMENT_REQUESTED at t1 pauses the clock. The next event that goes on with the dossier
//    (RECEIVED, PROCESSING, AWAITING_PAYMENT, RESOLVED, RETURNED) answers it at t2: the pause adds
//    round(working minutes t1 → t2) to pausedMinutes and the due date moves — to the `dueAt` that
//    event supplies, else by the working time paused (moveDueDateForPause). Recorded as SUPPLEMENT.
//    A request never answered (the dossier withdrawn or stopped while waiting, or still waiting)
//    makes the request time the end for timeliness and for the processing time; while the dossier
//    waits, supplementPendingSince = t1. Each request counts; two or more make the dossier late.
// 6. A `dueAt` supplied on any other event is compared with the due date in force (`dueAt`):
//    - later: an APOLOGY (Phiếu xin lỗi và hẹn lại ngày trả kết quả, docs/domain.md §3.7: "a late dossier
//      requires an apology with a new due date … the dossier keeps its history of due dates … An
//      apology does not turn a late dossier into an on-time one"). It moves `dueAt`, what the
//      citizen is told, and is kept in the history with its reference; it never moves
//      `timelinessDueAt`, the due date timeliness is judged against;
//    - earlier: a CORRECTION of the date in force. It moves both; `timelinessDueAt` moves to the
//      corrected date or stays where it was if that is earlier (a correction of an apology's date
//      must not make the apology count);
//    - equal: nothing.
//    With no due date in force (no limit, none supplied at reception) a supplied date is a CORRECTION
//    that sets both.
//    Invariant: timelinessDueAt ≤ dueAt, and both are null or neither is.
// 7. processingMinutes = round(working minutes reception → end) − pausedMinutes, never negative, where
//    the end is the unanswered request time when there is one (supplement time is excluded from the
//    processing time, docs/domain.md §3.10). null when unfinished or never received.
// 8. timeliness = classifyTimeliness with dueAt = timelinessDueAt; an unfinished dossier is judged at
//    ctx.asOf (default now); without a due date, the statutory limit in working minutes (HOURS and
//    WORKING_DAYS limits; none for DAYS and MONTHS, which always give a due date) is compared with
//    the working minutes elapsed. An unfinished dossier waiting for a supplement is judged with its
//    clock stopped at the request (IN_PROGRESS_*, never a finished class). null when never received,
//    and for a refusal after reception (counted as refused, neither finished nor judged).
// 9. openJudgements: every day d from the reception day to the day before the end (open-ended while
//    unfinished) is judged for indicator 2.1 as it stood at the end of d — the fold of the events dated
//    on or before d, judged at d: its due date then (moved by the supplements answered by d, not by
//    later ones), paused while a request made by d waits, late from the day of a second request.
//    Later events never change the judgement of an earlier day (docs/domain.md §3.9).
// 10. counterDays: the local day of each supplement request and each apology that rules 5 and 6 count,
//    so the rollups count each in the period it was made or issued and a later one never changes a
//    closed period's counters (docs/statistics.md).

import type { WorkingCalendar } from './calendar.ts';
import { dueDate, limitInWorkingMinutes, moveDueDateForPause, type TimeLimit } from './due-date.ts';
import { judgeOpenDays, type OpenJudgement } from './open-judgement.ts';
import { type Day, dayOf } from './time.ts';
import {
  type ComparisonGranularity,
  classifyTimeliness,
  countsAsOnTimeFor766,
  type DossierEndKind,
  type Timeliness,
} from './timeliness.ts';

/** National TrangThaiHoSo 1..10 (docs/domain.md §3.4), GraphQL enum DossierStatus. */
export type DossierStatusName =
  | 'SUBMITTED'
  | 'RECEIVED'
  | 'REFUSED'
  | 'PROCESSING'
  | 'SUPPLEMENT_REQUESTED'
  | 'AWAITING_PAYMENT'
  | 'WITHDRAWN'
  | 'STOPPED'
  | 'RESOLVED'
  | 'RETURNED';

/** The statuses in the order of their national codes: DOSSIER_STATUSES[code − 1]. docs/domain.md §3.4. */
export const DOSSIER_STATUSES: readonly DossierStatusName[] = Object.freeze([
  'SUBMITTED',
  'RECEIVED',
  'REFUSED',
  'PROCESSING',
  'SUPPLEMENT_REQUESTED',
  'AWAITING_PAYMENT',
  'WITHDRAWN',
  'STOPPED',
  'RESOLVED',
  'RETURNED',
] as const);

/** National TrangThaiHoSo code (1..10) of a status; docs/domain.md §3.4. */
export function nationalStatusCode(status: DossierStatusName): number {
  const i = DOSSIER_STATUSES.indexOf(status);
  if (i < 0) throw new RangeError(`Unknown dossier status ${JSON.stringify(status)}`);
  return i + 1;
}

export interface DossierEventFact {
  sequence: number;
  status: DossierStatusName;
  occurredAt: Date;
  /** The due date the one-stop system supplied with this event. */
  dueAt?: Date | null;
  /** Reference of the apology letter, when the event carries one. */
  apologyRef?: string | null;
}

export interface FoldContext {
  calendar: WorkingCalendar;
  /** The procedure's time limit for the dossier's channel; null when it has none. */
  limit: TimeLimit | null;
  /** Same-day procedures: the cut-off minute (e.g. 900 = 15:00); see dueDate(). */
  sameDayCutoffMinute?: number | null;
  /** When an unfinished dossier is judged (end of the reporting period, or now). Default: new Date(). */
  asOf?: Date;
  /** How an end is compared with the due date; default 'day' (docs/domain.md §3.8, local practice). */
  granularity?: ComparisonGranularity;
}

export type DueDateChangeReason = 'INITIAL' | 'SUPPLEMENT' | 'APOLOGY' | 'CORRECTION';

/** One row of a dossier's due-date history (prisma DueDateChange): previous → new. */
export interface DueDateChangeFact {
  reason: DueDateChangeReason;
  previousDueAt: Date | null;
  newDueAt: Date;
  apologyRef: string | null;
  changedAt: Date;
}

export interface DossierState {
  /** Status of the highest sequence. */
  status: DossierStatusName;
  lastSequence: number;
  submittedAt: Date | null;
  receivedAt: Date | null;
  resolvedAt: Date | null;
  returnedAt: Date | null;
  /** End of processing (docs/domain.md §3.4 "End of processing"); null while unfinished. */
  endedAt: Date | null;
  endKind: DossierEndKind | null;
  /** The due date in force, moved by supplements and apologies: what the citizen is told. */
  dueAt: Date | null;
  /** The due date given at reception. */
  initialDueAt: Date | null;
  /** The due date timeliness is judged against: moved by supplements and corrections, not by apologies. */
  timelinessDueAt: Date | null;
  /** Whole working minutes the clock was paused for answered supplement requests. */
  pausedMinutes: number;
  supplementRequests: number;
  /** Time of the request the dossier is still waiting on (unfinished dossiers only). */
  supplementPendingSince: Date | null;
  /** Time of a request never answered, whether the dossier is still waiting or ended while waiting. */
  unansweredSupplementSince: Date | null;
  apologies: number;
  /** Whole working minutes from reception to the end, supplement time excluded; null if unfinished or never received. */
  processingMinutes: number | null;
  /** null when the dossier was never received. */
  timeliness: Timeliness | null;
  dueDateChanges: DueDateChangeFact[];
  /**
   * The days from reception to the day before the end (or open-ended) as ranges, each with the
   * judgement of indicator 2.1 at the end of its days on the events known then (rule 9).
   */
  openJudgements: OpenJudgement[];
  /** Rule 10: the day of each request and apology counted above (as many entries as the counts). */
  counterDays: CounterDays;
}

/** The local days (Asia/Ho_Chi_Minh) of a dossier's supplement requests and apologies, one entry each. */
export interface CounterDays {
  supplementRequests: Day[];
  apologies: Day[];
}

const STATUS_SET: ReadonlySet<string> = new Set(DOSSIER_STATUSES);

/** Statuses that go on with a dossier and so answer a pending supplement request (rule 5). */
const ANSWERING: ReadonlySet<DossierStatusName> = new Set([
  'RECEIVED',
  'PROCESSING',
  'AWAITING_PAYMENT',
  'RESOLVED',
  'RETURNED',
]);

/** Ends that count only for a dossier already received (docs/domain.md §3.4). */
const ENDS_AFTER_RECEPTION: ReadonlySet<DossierStatusName> = new Set(['WITHDRAWN', 'STOPPED', 'REFUSED']);

function checkDate(d: unknown, what: string): void {
  if (!(d instanceof Date) || !Number.isFinite(d.getTime()))
    throw new RangeError(`${what} is not a valid Date`);
}

/** Distinct events by sequence (first occurrence wins), in sequence order; rule 1. */
export function distinctEventsBySequence<E extends DossierEventFact>(events: readonly E[]): E[] {
  const bySequence = new Map<number, E>();
  for (const event of events) {
    if (!Number.isInteger(event?.sequence)) {
      throw new RangeError(`A dossier event needs a whole-number sequence, got ${event?.sequence}`);
    }
    if (!STATUS_SET.has(event.status)) {
      throw new RangeError(
        `Unknown dossier status ${JSON.stringify(event.status)} (sequence ${event.sequence})`,
      );
    }
    checkDate(event.occurredAt, `occurredAt of event ${event.sequence}`);
    if (event.dueAt != null) checkDate(event.dueAt, `dueAt of event ${event.sequence}`);
    if (!bySequence.has(event.sequence)) bySequence.set(event.sequence, event);
  }
  return [...bySequence.values()].sort((a, b) => a.sequence - b.sequence);
}

const later = (a: Date, b: Date): boolean => a.getTime() > b.getTime();
const earlierOf = (a: Date, b: Date): Date => (later(a, b) ? b : a);

/** The state of a dossier from its events; the rules are in the header of this file. */
export function foldDossierEvents(events: readonly DossierEventFact[], ctx: FoldContext): DossierState {
  const ordered = distinctEventsBySequence(events);
  if (ordered.length === 0) throw new RangeError('A dossier state needs at least one event');
  const state = foldOrdered(ordered, ctx);
  // Rule 9: each day of the open life judged on the events known that day.
  state.openJudgements = judgeOpenDays(ordered, state, (known, asOf) => {
    const then = foldOrdered(known, { ...ctx, asOf });
    return { timeliness: then.timeliness, endKind: then.endKind, timelinessDueAt: then.timelinessDueAt };
  });
  return state;
}

/** Rules 1–8 on distinct events in sequence order (at least one). */
function foldOrdered(ordered: readonly DossierEventFact[], ctx: FoldContext): DossierState {
  const { calendar } = ctx;
  const first = (status: DossierStatusName) => ordered.find((e) => e.status === status) ?? null;
  const last = ordered[ordered.length - 1]!;
  const received = first('RECEIVED');
  const resolved = first('RESOLVED');
  const returned = first('RETURNED');

  // Rule 3: the end of processing.
  let end: DossierEventFact | null;
  let endKind: DossierEndKind | null;
  if (received) {
    const otherEnd =
      ordered.find((e) => e.sequence > received.sequence && ENDS_AFTER_RECEPTION.has(e.status)) ?? null;
    end = resolved ?? returned ?? otherEnd;
    endKind = end ? (end.status as DossierEndKind) : null;
  } else {
    end = first('REFUSED');
    endKind = end ? 'REFUSED' : null;
  }

  const changes: DueDateChangeFact[] = [];
  // The due dates in force; both null or neither (rule 6 invariant).
  const due: { inForce: Date | null; timeliness: Date | null } = { inForce: null, timeliness: null };
  let initialDueAt: Date | null = null;
  let pausedMinutes = 0;
  let supplementRequests = 0;
  let apologies = 0;
  const counterDays: CounterDays = { supplementRequests: [], apologies: [] };
  let pendingSince: Date | null = null;

  const change = (
    reason: DueDateChangeReason,
    newDueAt: Date,
    newTimelinessDueAt: Date,
    event: DossierEventFact,
  ) => {
    if (due.inForce === null || newDueAt.getTime() !== due.inForce.getTime()) {
      changes.push({
        reason,
        previousDueAt: due.inForce,
        newDueAt,
        apologyRef: event.apologyRef ?? null,
        changedAt: event.occurredAt,
      });
    }
    due.inForce = newDueAt;
    due.timeliness = newTimelinessDueAt;
  };

  if (received) {
    // The clock runs from the RECEIVED up to the end, by sequence (rules 2 and 3).
    const lastClockSequence = end ? Math.max(end.sequence, received.sequence) : Number.POSITIVE_INFINITY;
    for (const event of ordered) {
      if (event.sequence < received.sequence) continue;
      if (event.sequence > lastClockSequence) break;
      const { inForce, timeliness: timelinessDue } = due;

      if (event === received) {
        // Rule 4.
        const initial =
          event.dueAt ??
          (ctx.limit
            ? dueDate(calendar, event.occurredAt, ctx.limit, { sameDayCutoffMinute: ctx.sameDayCutoffMinute })
            : null);
        if (initial) {
          initialDueAt = initial;
          change('INITIAL', initial, initial, event);
        }
        continue;
      }

      if (pendingSince && ANSWERING.has(event.status)) {
        // Rule 5: the supplement is answered; the clock resumes and the due date moves.
        const t1 = pendingSince;
        const t2 = event.occurredAt;
        pendingSince = null;
        pausedMinutes += Math.round(calendar.workingMinutesBetween(t1, t2));
        if (event.dueAt) {
          // With an apology in force the supplied date includes the apology's extension: the due date
          // for timeliness moves by the pause instead (and never past the supplied date).
          const movedTimelinessDue =
            inForce && timelinessDue && inForce.getTime() !== timelinessDue.getTime()
              ? earlierOf(moveDueDateForPause(calendar, timelinessDue, t1, t2), event.dueAt)
              : event.dueAt;
          change('SUPPLEMENT', event.dueAt, movedTimelinessDue, event);
        } else if (inForce && timelinessDue) {
          change(
            'SUPPLEMENT',
            moveDueDateForPause(calendar, inForce, t1, t2),
            moveDueDateForPause(calendar, timelinessDue, t1, t2),
            event,
          );
        }
        continue;
      }

      if (event.status === 'SUPPLEMENT_REQUESTED') {
        supplementRequests++;
        counterDays.supplementRequests.push(dayOf(event.occurredAt));
        // A request while another is still pending: the clock has been paused since the first.
        pendingSince ??= event.occurredAt;
      }

      // Rule 6: a due date supplied with any other event.
      const supplied = event.dueAt;
      if (!supplied) continue;
      if (!inForce || !timelinessDue) {
        change('CORRECTION', supplied, supplied, event);
      } else if (later(supplied, inForce)) {
        apologies++;
        counterDays.apologies.push(dayOf(event.occurredAt));
        change('APOLOGY', supplied, timelinessDue, event);
      } else if (later(inForce, supplied)) {
        change('CORRECTION', supplied, earlierOf(timelinessDue, supplied), event);
      }
    }
  }
  const { inForce: dueAt, timeliness: timelinessDueAt } = due;

  const receivedAt = received?.occurredAt ?? null;
  const endedAt = end?.occurredAt ?? null;
  const unansweredSupplementSince: Date | null = receivedAt ? pendingSince : null;
  // The end of the clock: an unanswered request ends it (rules 5 and 7).
  const clockEnd =
    unansweredSupplementSince && endedAt
      ? earlierOf(unansweredSupplementSince, endedAt)
      : (unansweredSupplementSince ?? endedAt);
  const netMinutes = (from: Date, to: Date) =>
    Math.max(0, Math.round(calendar.workingMinutesBetween(from, to)) - pausedMinutes);

  let timeliness: Timeliness | null = null;
  // A refusal after reception is counted as refused, neither finished nor judged (docs/domain.md §3.8).
  if (receivedAt && endKind !== 'REFUSED') {
    const asOf = clockEnd ? undefined : (ctx.asOf ?? new Date());
    const withoutDue = timelinessDueAt === null;
    timeliness = classifyTimeliness(
      {
        receivedAt,
        dueAt: timelinessDueAt,
        endedAt,
        endKind,
        supplementRequests,
        unansweredSupplementSince,
        pausedMinutes,
        statutoryLimitMinutes: withoutDue && ctx.limit ? limitInWorkingMinutes(ctx.limit) : null,
        workingMinutesElapsed: withoutDue ? netMinutes(receivedAt, (clockEnd ?? asOf)!) : null,
        ...(asOf ? { asOf } : {}),
      },
      { granularity: ctx.granularity ?? 'day' },
    );
  }

  return {
    status: last.status,
    lastSequence: last.sequence,
    submittedAt: first('SUBMITTED')?.occurredAt ?? null,
    receivedAt,
    resolvedAt: resolved?.occurredAt ?? null,
    returnedAt: returned?.occurredAt ?? null,
    endedAt,
    endKind,
    dueAt,
    initialDueAt,
    timelinessDueAt,
    pausedMinutes,
    supplementRequests,
    supplementPendingSince: endedAt ? null : unansweredSupplementSince,
    unansweredSupplementSince,
    apologies,
    processingMinutes: receivedAt && endedAt ? netMinutes(receivedAt, clockEnd!) : null,
    timeliness,
    dueDateChanges: changes,
    openJudgements: [],
    counterDays,
  };
}

/** Received and ended (a refusal at reception is not a finished dossier: its clock never started). */
export function isFinished(state: Pick<DossierState, 'endedAt' | 'receivedAt'>): boolean {
  return state.endedAt !== null && state.receivedAt !== null;
}

/**
 * Whether the dossier's final outcome counts as on time for Decision 766 indicator 2.1: finished early
 * or on time, or withdrawn or stopped (returned unprocessed). False while unfinished, and for a
 * dossier never received. docs/domain.md §3.8, §5.
 */
export function countsOnTimeFor766(
  state: Pick<DossierState, 'endedAt' | 'receivedAt' | 'timeliness' | 'endKind'>,
): boolean {
  return (
    isFinished(state) && state.timeliness !== null && countsAsOnTimeFor766(state.timeliness, state.endKind)
  );
}

/**
 * The due-date changes kept as history rows: those after reception. The initial due date is stored
 * on the dossier itself (initialDueAt), so one row per dossier is not written for it.
 */
export function recordedDueDateChanges(state: Pick<DossierState, 'dueDateChanges'>): DueDateChangeFact[] {
  return state.dueDateChanges.filter((c) => c.reason !== 'INITIAL');
}
