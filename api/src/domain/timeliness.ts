// The on-time rule of Decision 766/QĐ-TTg indicator 2.1, as written in docs/domain.md §3.8 "On-time rule".

import { epochDayOf } from './time.ts';

export type Timeliness = 'EARLY' | 'ON_TIME' | 'LATE' | 'IN_PROGRESS_ON_TIME' | 'IN_PROGRESS_LATE';

/**
 * How a dossier's processing ended (docs/domain.md §3.4 table): RESOLVED = status 9; RETURNED = status 10
 * (result returned, used when 9 is absent); WITHDRAWN = 7; REFUSED = 3 (refused at reception);
 * STOPPED = 8 (Dừng xử lý: the agency stops and hands the dossier back unprocessed — this is the
 * "returned unprocessed" case of indicator 2.1).
 */
export type DossierEndKind = 'RESOLVED' | 'RETURNED' | 'WITHDRAWN' | 'REFUSED' | 'STOPPED';

/** 'day': compare Asia/Ho_Chi_Minh calendar days (default, local practice); 'instant': exact times. */
export type ComparisonGranularity = 'day' | 'instant';

export interface TimelinessOptions {
  granularity?: ComparisonGranularity;
}

export interface TimelinessInput {
  receivedAt: Date | null;
  /**
   * The due date in force, moved by supplement pauses but NOT by apologies: an apology with a new due
   * date does not turn a late dossier into an on-time one (docs/domain.md §3.7), so callers pass the due date
   * in force before any apology (e.g. the initial due date moved by each supplement pause with
   * moveDueDateForPause), never Dossier.dueAt after an apology.
   */
  dueAt: Date | null;
  /** End of processing per docs/domain.md §3.4 (resolved, else returned, else stopped/refused/withdrawn); null when unfinished. */
  endedAt: Date | null;
  endKind?: DossierEndKind | null;
  /** Supplement requests on the dossier; 2 or more → late (docs/domain.md §3.6). */
  supplementRequests: number;
  /**
   * Time of a supplement request that was never answered. A dossier that ended while still waiting
   * for the applicant (withdrawn, stopped) ends, for timeliness, at the request (docs/domain.md §3.6); a
   * dossier still waiting at asOf is unfinished and judged with its clock stopped at the request:
   * IN_PROGRESS_ON_TIME if the request came by the due date, else IN_PROGRESS_LATE (§3.9) — never a
   * finished class.
   */
  unansweredSupplementSince?: Date | null;
  /**
   * Working minutes paused for supplements. Informational: workingMinutesElapsed already excludes them
   * (it is end − start − paused), so they are not subtracted again.
   */
  pausedMinutes?: number;
  /** Working minutes of the statutory limit, for dossiers without a due date (docs/domain.md §3.8). */
  statutoryLimitMinutes?: number | null;
  /** (end − start − paused) in working minutes (up to asOf when unfinished), for dossiers without a due date. */
  workingMinutesElapsed?: number | null;
  /**
   * The end of the reporting period (or "now" for a live view). Required for dossiers unfinished at
   * that time; a dossier that ended after asOf is judged as unfinished at asOf.
   */
  asOf?: Date;
  /**
   * The due date set by an apology (Phiếu xin lỗi và hẹn lại ngày trả kết quả). Ignored by the
   * classification on purpose: an apology does not turn a late dossier into an on-time one
   * (docs/domain.md §3.7). Carried so that callers can pass a dossier's dates through unchanged.
   */
  apologyDueAt?: Date | null;
}

// A refusal after reception (REFUSED, status 3) is not among them: it is counted as refused, neither
// finished nor on time (docs/domain.md §3.8); the fold gives such a dossier no timeliness.
const ENDS_COUNTED_ON_TIME: ReadonlySet<DossierEndKind> = new Set(['WITHDRAWN', 'STOPPED']);

/**
 * Early / on time / late, or in progress on time / late at `asOf`.
 * docs/domain.md §3.8 "On-time rule (as used by Decision 766 indicator 2.1)".
 *
 * Order of the rules (first match wins):
 * 1. receivedAt null: the clock never started → ON_TIME if ended, else IN_PROGRESS_ON_TIME.
 * 2. Withdrawn or stopped (returned unprocessed) → ON_TIME ("count as handled on time").
 * 3. A dossier that ended (endedAt ≤ asOf) while a request was unanswered ends at the request; an end
 *    after asOf is ignored (the dossier was unfinished at asOf).
 * 4. 2 or more supplement requests → LATE (IN_PROGRESS_LATE when unfinished).
 * 5. Finished with a due date: LATE if the end is after the due date (by day, or by instant), else
 *    EARLY if the end's day is before the due date's day, else ON_TIME.
 * 6. Unfinished with a due date: judged at asOf, or — while waiting for a supplement (an unanswered
 *    request at or before asOf) — at the request, the clock being stopped there: IN_PROGRESS_ON_TIME
 *    if due ≥ that moment (by day, or by instant), else IN_PROGRESS_LATE.
 * 7. No due date: on time if workingMinutesElapsed ≤ statutoryLimitMinutes (never EARLY: there is no
 *    due day to be early against); with no statutory limit either, nothing can be late.
 */
export function classifyTimeliness(input: TimelinessInput, options: TimelinessOptions = {}): Timeliness {
  const granularity = options.granularity ?? 'day';
  if (granularity !== 'day' && granularity !== 'instant') {
    throw new RangeError(
      `Unknown comparison granularity ${JSON.stringify(granularity)} (expected 'day' or 'instant')`,
    );
  }
  const end = effectiveEnd(input);
  const finished = end !== null;
  if (input.receivedAt === null) return finished ? 'ON_TIME' : 'IN_PROGRESS_ON_TIME';
  if (input.endKind && ENDS_COUNTED_ON_TIME.has(input.endKind) && finished) return 'ON_TIME';
  if (input.supplementRequests >= 2) return finished ? 'LATE' : 'IN_PROGRESS_LATE';

  if (input.dueAt !== null) {
    if (finished) return compareEndWithDue(end, input.dueAt, granularity);
    const judgedAt = pausedSince(input) ?? requireAsOf(input);
    return isAtOrAfter(input.dueAt, judgedAt, granularity) ? 'IN_PROGRESS_ON_TIME' : 'IN_PROGRESS_LATE';
  }

  const limit = input.statutoryLimitMinutes;
  const elapsed = input.workingMinutesElapsed;
  if (limit != null && elapsed == null) {
    throw new RangeError(
      'A dossier without a due date needs workingMinutesElapsed to be compared with its statutory limit',
    );
  }
  const inTime = limit == null || elapsed! <= limit;
  if (finished) return inTime ? 'ON_TIME' : 'LATE';
  return inTime ? 'IN_PROGRESS_ON_TIME' : 'IN_PROGRESS_LATE';
}

/**
 * Whether a dossier counts in the numerator of indicator 2.1: finished early or on time, withdrawn
 * or returned unprocessed, or unfinished and not yet due at the period's end (not a refusal).
 * Decision 766/QĐ-TTg indicator 2.1 as in docs/domain.md §5; docs/domain.md §3.8.
 */
export function countsAsOnTimeFor766(t: Timeliness, endKind?: DossierEndKind | null): boolean {
  if (endKind === 'REFUSED') return false;
  if (endKind && ENDS_COUNTED_ON_TIME.has(endKind)) return true;
  return t === 'EARLY' || t === 'ON_TIME' || t === 'IN_PROGRESS_ON_TIME';
}

/** Finished dossiers: early / on time / late by day or instant; docs/domain.md §3.8 "On time if end ≤ due date". */
export function compareEndWithDue(
  end: Date,
  due: Date,
  granularity: ComparisonGranularity = 'day',
): 'EARLY' | 'ON_TIME' | 'LATE' {
  const endDay = epochDayOf(end);
  const dueDay = epochDayOf(due);
  const late = granularity === 'day' ? endDay > dueDay : end.getTime() > due.getTime();
  if (late) return 'LATE';
  return endDay < dueDay ? 'EARLY' : 'ON_TIME';
}

function isAtOrAfter(a: Date, b: Date, granularity: ComparisonGranularity): boolean {
  return granularity === 'day' ? epochDayOf(a) >= epochDayOf(b) : a.getTime() >= b.getTime();
}

const after = (a: Date, b: Date | undefined) => b !== undefined && a.getTime() > b.getTime();

/** The end for timeliness: endedAt (unless after asOf), or the unanswered request before it. */
function effectiveEnd(input: TimelinessInput): Date | null {
  const ended = input.endedAt;
  if (ended === null || after(ended, input.asOf)) return null;
  const unanswered = input.unansweredSupplementSince;
  return unanswered && unanswered.getTime() < ended.getTime() ? unanswered : ended;
}

/** An unfinished dossier waiting for a supplement at asOf: the time of the request (its clock stopped there). */
function pausedSince(input: TimelinessInput): Date | null {
  const unanswered = input.unansweredSupplementSince;
  return unanswered && !after(unanswered, input.asOf) ? unanswered : null;
}

function requireAsOf(input: TimelinessInput): Date {
  if (!input.asOf)
    throw new RangeError('asOf (the end of the reporting period) is required for an unfinished dossier');
  return input.asOf;
}
