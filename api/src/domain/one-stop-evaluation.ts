// The evaluation of procedure resolution: 9 indicators scored 0, 1 or 2, at most 18 (Decree 61/2018/NĐ-CP,
// Circular 01/2018/TT-VPCP; docs/domain.md §4.2). Indicators 1 and 2 (and 3, 4 where data exists) are
// computed from dossier data; the others are entered by reviewers, self-scored and then verified.

import { MINUTES_PER_WORKING_DAY } from './calendar.ts';
import { assertCount } from './ratios.ts';
import type { ComparisonGranularity } from './timeliness.ts';

/** The points of one indicator: 2, 1 or 0 (docs/domain.md §4.2). */
export type IndicatorScore = 0 | 1 | 2;

export const EVALUATION_INDICATOR_COUNT = 9;
export const EVALUATION_MAX_SCORE = 18;

export interface TimeComparisonOptions {
  /**
   * 'day' (default): times are compared by the working day in which they end, as the on-time rule
   * compares days (docs/domain.md §3.8); 'instant': minute for minute.
   */
  granularity?: ComparisonGranularity;
}

export type TimeComparison = 'SHORTER' | 'EQUAL' | 'LONGER';

/**
 * A time taken against its limit, both in working minutes (supplement time excluded).
 *
 * By day, "equal" means the time ended within the last working day of the limit:
 * ⌈actual / 480⌉ = ⌈limit / 480⌉ (480 minutes = 1 working day, docs/domain.md §3.2). This mirrors the on-time
 * rule, where ending on the due day is "on time" and ending on an earlier day is "early"; exact
 * minutes would make "equal" practically unreachable. A limit under one working day (e.g. a 4-hour
 * step) is then met "equally" by any time within that day; pass 'instant' to compare minutes instead.
 */
export function compareWithLimit(
  actualMinutes: number,
  limitMinutes: number,
  { granularity = 'day' }: TimeComparisonOptions = {},
): TimeComparison {
  if (!Number.isFinite(actualMinutes) || actualMinutes < 0) {
    throw new RangeError(
      `The time taken must be a finite number of working minutes ≥ 0, got ${actualMinutes}`,
    );
  }
  if (!Number.isFinite(limitMinutes) || limitMinutes <= 0) {
    throw new RangeError(`The limit must be a finite number of working minutes > 0, got ${limitMinutes}`);
  }
  if (granularity !== 'day' && granularity !== 'instant') {
    throw new RangeError(
      `Unknown comparison granularity ${JSON.stringify(granularity)} (expected 'day' or 'instant')`,
    );
  }
  const [actual, limit] =
    granularity === 'day'
      ? [
          Math.ceil(actualMinutes / MINUTES_PER_WORKING_DAY),
          Math.ceil(limitMinutes / MINUTES_PER_WORKING_DAY),
        ]
      : [actualMinutes, limitMinutes];
  if (actual < limit) return 'SHORTER';
  return actual === limit ? 'EQUAL' : 'LONGER';
}

const POINTS_FOR: Readonly<Record<TimeComparison, IndicatorScore>> = { SHORTER: 2, EQUAL: 1, LONGER: 0 };

export interface ProcessingTimeInput {
  /** Working minutes from receipt to result, supplement time excluded. */
  totalWorkingMinutes: number;
  /** The procedure's legal time limit in working minutes. */
  legalLimitWorkingMinutes: number;
}

/** Indicator 1, total processing time vs legal limit: 2 shorter, 1 equal, 0 longer (docs/domain.md §4.2; compareWithLimit). */
export function indicator1ProcessingTime(
  { totalWorkingMinutes, legalLimitWorkingMinutes }: ProcessingTimeInput,
  options: TimeComparisonOptions = {},
): IndicatorScore {
  return POINTS_FOR[compareWithLimit(totalWorkingMinutes, legalLimitWorkingMinutes, options)];
}

export interface AgencyStepTime {
  /** Working minutes the agency took (all its steps on the dossier). */
  actualMinutes: number;
  /** Working minutes allowed to the agency. */
  allowedMinutes: number;
}

/**
 * Indicator 2, time taken by each agency involved: 2 if every agency was shorter, 1 if none was
 * longer but some were equal, 0 if any was longer (docs/domain.md §4.2; compareWithLimit). Null (not
 * scored) when there is no agency time to judge.
 */
export function indicator2AgencyTime(
  steps: readonly AgencyStepTime[],
  options: TimeComparisonOptions = {},
): IndicatorScore | null {
  if (steps.length === 0) return null;
  const comparisons = steps.map((step) => compareWithLimit(step.actualMinutes, step.allowedMinutes, options));
  if (comparisons.includes('LONGER')) return 0;
  return comparisons.includes('EQUAL') ? 1 : 2;
}

/**
 * Indicator 3, contacts with the receiving point to complete the dossier: 2 none, 1 one, 0 more than
 * one "unless applicant's fault" (docs/domain.md §4.2). When the extra contacts were the applicant's fault
 * the 0 does not apply and the score is 1: the exception lifts the 0, it does not turn the dossier
 * into one that needed no contact (2 is only for none at all).
 */
export function indicator3Contacts(contacts: number, applicantsFault = false): IndicatorScore {
  assertCount('contacts', contacts);
  if (contacts === 0) return 2;
  if (contacts === 1) return 1;
  return applicantsFault ? 1 : 0;
}

/**
 * Indicator 4, agencies the applicant must contact: 2 none, 1 only the one-stop desk, 0 more than one
 * (docs/domain.md §4.2). `count` includes the one-stop desk; `onlyOneStopDesk` says that the one agency
 * contacted was the desk. One agency that is not the desk scores 0: the 1 is for "only the one-stop
 * desk", and having to go to another agency is what the one-stop mechanism exists to avoid.
 */
export function indicator4Agencies(count: number, onlyOneStopDesk: boolean): IndicatorScore {
  assertCount('count', count);
  if (onlyOneStopDesk && count !== 1) {
    throw new RangeError(`Only the one-stop desk means exactly 1 agency contacted, got ${count}`);
  }
  if (count === 0) return 2;
  return onlyOneStopDesk ? 1 : 0;
}

export interface EvaluationTotal {
  /** Sum of the scored indicators; null when none is scored. */
  total: number | null;
  /** How many of the 9 indicators are scored. */
  scored: number;
  max: typeof EVALUATION_MAX_SCORE;
}

/**
 * Total of the 9 indicators, null entries not scored (docs/domain.md §4.2 "Maximum 18"). A total with
 * fewer than 9 scored is a partial sum: classify it only when `scored` is 9.
 */
export function totalScore(scores: readonly (number | null)[]): EvaluationTotal {
  if (scores.length !== EVALUATION_INDICATOR_COUNT) {
    throw new RangeError(
      `The evaluation has ${EVALUATION_INDICATOR_COUNT} indicators, got ${scores.length} scores`,
    );
  }
  let total = 0;
  let scored = 0;
  for (const [i, score] of scores.entries()) {
    if (score === null) continue;
    if (score !== 0 && score !== 1 && score !== 2) {
      throw new RangeError(`Indicator ${i + 1} scores 0, 1 or 2, got ${score}`);
    }
    total += score;
    scored++;
  }
  return { total: scored === 0 ? null : total, scored, max: EVALUATION_MAX_SCORE };
}

export type EvaluationBandCode = 'EXCELLENT' | 'GOOD' | 'FAIR' | 'AVERAGE' | 'POOR';

/** A classification band: totals above `min` (or from `min`, when minInclusive) up to the next band. */
export interface EvaluationBand<C extends string = EvaluationBandCode> {
  code: C;
  /** Vietnamese label shown to users. */
  label: string;
  min: number;
  minInclusive: boolean;
}

/**
 * ">15 excellent, 12–15 good, 9–12 fair, 6–9 average, <6 poor" (docs/domain.md §4.2, local practice,
 * configurable). The text shares its boundaries; every band here holds its lower bound, except
 * "excellent", which the text makes strict (>15):
 * 15 → good (not >15), 12 → good, 9 → fair, 6 → average (not <6).
 * So good = [12, 15], fair = [9, 12), average = [6, 9), poor = [0, 6), excellent = (15, 18].
 */
export const DEFAULT_BANDS: readonly EvaluationBand[] = Object.freeze([
  Object.freeze({ code: 'EXCELLENT', label: 'Xuất sắc', min: 15, minInclusive: false }),
  Object.freeze({ code: 'GOOD', label: 'Tốt', min: 12, minInclusive: true }),
  Object.freeze({ code: 'FAIR', label: 'Khá', min: 9, minInclusive: true }),
  Object.freeze({ code: 'AVERAGE', label: 'Trung bình', min: 6, minInclusive: true }),
  Object.freeze({ code: 'POOR', label: 'Yếu', min: 0, minInclusive: true }),
]);

/**
 * The band of a total out of 18 (docs/domain.md §4.2 classification bands): the highest band whose lower
 * bound the total reaches; null for a null total. Totals may be fractional (e.g. quarterly averages).
 */
export function classify<C extends string = EvaluationBandCode>(
  total: number | null,
  bands: readonly EvaluationBand<C>[] = DEFAULT_BANDS as readonly EvaluationBand<C>[],
): EvaluationBand<C> | null {
  if (total === null) return null;
  if (!Number.isFinite(total) || total < 0 || total > EVALUATION_MAX_SCORE) {
    throw new RangeError(`An evaluation total is within 0–${EVALUATION_MAX_SCORE}, got ${total}`);
  }
  // Highest first; at the same bound the exclusive band ("> min") is the higher one.
  const ordered = [...bands].sort((a, b) => b.min - a.min || Number(a.minInclusive) - Number(b.minInclusive));
  const band = ordered.find(({ min, minInclusive }) => (minInclusive ? total >= min : total > min));
  if (!band) throw new RangeError(`No classification band holds the total ${total}`);
  return band;
}

/** Self-scored and verified (thẩm định) points of the 9 indicators, kept apart (docs/domain.md §4.2); null = not scored. */
export interface EvaluationScores {
  selfScored: readonly (IndicatorScore | null)[];
  verified: readonly (IndicatorScore | null)[];
}

/**
 * The score that counts: the verified (thẩm định) one when there is one, else the self-score
 * (docs/domain.md §4.2). Verification overrides; until it happens the self-score stands, provisionally.
 */
export function effectiveScore(
  selfScored: IndicatorScore | null,
  verified: IndicatorScore | null,
): IndicatorScore | null {
  return verified ?? selfScored;
}

/** effectiveScore for each of the 9 indicators, ready for totalScore. */
export function effectiveScores({ selfScored, verified }: EvaluationScores): (IndicatorScore | null)[] {
  for (const [name, scores] of [
    ['selfScored', selfScored],
    ['verified', verified],
  ] as const) {
    if (scores.length !== EVALUATION_INDICATOR_COUNT) {
      throw new RangeError(
        `${name} needs ${EVALUATION_INDICATOR_COUNT} entries (null = not scored), got ${scores.length}`,
      );
    }
  }
  return selfScored.map((self, i) => effectiveScore(self, verified[i] ?? null));
}
