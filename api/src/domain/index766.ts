// The Decision 766/QĐ-TTg (23/6/2022) indicators the project computes from its own data (docs/domain.md §5).
//
// Every function keeps full precision (round only for display, with roundScore) and returns its
// numerator and denominator. A null score means "no data" and is shown as such, never as 0. `noData`
// says that there was nothing to measure (no source data, or a denominator of 0), whatever the score:
// where the indicator table gives a score for that case (5.2: 6 with no petitions; 5.4: 0 with no
// finished dossier) the score is the table's, and `noData` lets a UI tell it from a measured one.

import { assertPartOf } from './ratios.ts';

/** The indicator ids of docs/domain.md §5 that the project computes. */
export type Indicator766Id = '1.3' | '2.1' | '3.1' | '3.3' | '5.2' | '5.4';

/** One indicator as in the public contract (GraphQL type Indicator766); score null = no data. */
export interface Indicator766 {
  id: string;
  score: number | null;
  maxScore: number;
  numerator: number | null;
  denominator: number | null;
  /** Nothing to measure: no source data, or a denominator of 0 (docs/domain.md §5 "noData"). */
  noData: boolean;
}

/** Maximum points per indicator; Decision 766/QĐ-TTg as in the docs/domain.md §5 table. */
export const INDICATOR_766_MAX_SCORES: Readonly<Record<Indicator766Id, number>> = Object.freeze({
  '1.3': 2,
  '2.1': 20,
  '3.1': 2,
  '3.3': 6,
  '5.2': 6,
  '5.4': 6,
});

export interface Indicator1_3Input {
  /** Procedures under the authority published with all mandatory components (docs/domain.md §2.1). */
  published: number;
  /** Procedures under the authority. */
  total: number;
}

export interface Indicator2_1Input {
  /** Dossiers received in the period that count as on time (timeliness.ts countsAsOnTimeFor766). */
  onTime: number;
  /** Dossiers received in the period. */
  received: number;
}

export interface OnlineShareInput {
  online: number;
  total: number;
}

export interface Indicator5_4Input {
  /** Dossiers finished in the period: the ones that can be late and can be rated. */
  finished: number;
  /** Of those, dossiers finished late. */
  late: number;
  /**
   * Of those, dossiers with a petition or a "dislike" (a DISSATISFIED rating). Undefined when the
   * satisfaction data is not available yet: the score then rests on timeliness alone.
   */
  dislikedOrPetitioned?: number | undefined;
}

/** Indicator 5.4 also says whether the satisfaction part was included (false: timeliness only). */
export interface Indicator5_4 extends Indicator766 {
  satisfactionIncluded: boolean;
}

/**
 * Petitions (PAKN) under the agency's authority in the period. `hasPetitionData: false` means the
 * agency has no petition data at all (no petition system connected), which is not "no petitions".
 */
export type Indicator5_2Input =
  | { hasPetitionData: true; petitions: number; onTime: number }
  | { hasPetitionData: false; petitions?: number; onTime?: number };

/** Score = max × ratio (numerator / denominator), capped at max when the target is below 100%. */
function proportional(
  id: Indicator766Id,
  numerator: number,
  denominator: number,
  targetPercent = 100,
): Indicator766 {
  const maxScore = INDICATOR_766_MAX_SCORES[id];
  if (denominator === 0) return { id, score: null, maxScore, numerator, denominator, noData: true };
  // max × (n / d) / (target / 100), written so that a ratio exactly at the target gives exactly max.
  const score = Math.min(maxScore, (maxScore * numerator * 100) / (denominator * targetPercent));
  return { id, score, maxScore, numerator, denominator, noData: false };
}

/** 1.3 procedures published with all mandatory components / procedures under the authority; 2 × ratio (docs/domain.md §5). */
export function indicator1_3({ published, total }: Indicator1_3Input): Indicator766 {
  assertPartOf('published', published, 'total', total);
  return proportional('1.3', published, total);
}

/** 2.1 dossiers received in the period that are on time / dossiers received in the period; 20 × ratio (docs/domain.md §5). */
export function indicator2_1({ onTime, received }: Indicator2_1Input): Indicator766 {
  assertPartOf('onTime', onTime, 'received', received);
  return proportional('2.1', onTime, received);
}

/** 3.1 procedures offered online (partial or full) / procedures under the authority; min(2, 2 × ratio / 0.80) (docs/domain.md §5). */
export function indicator3_1({ online, total }: OnlineShareInput): Indicator766 {
  assertPartOf('online', online, 'total', total);
  return proportional('3.1', online, total, 80);
}

/** 3.3 dossiers submitted online / all dossiers; min(6, 6 × ratio / 0.50) (docs/domain.md §5). */
export function indicator3_3({ online, total }: OnlineShareInput): Indicator766 {
  assertPartOf('online', online, 'total', total);
  return proportional('3.3', online, total, 50);
}

/**
 * 5.4 100% − (% late + % with a petition or a "dislike"), floored at 0; min(6, 6 × ratio / 0.90) (docs/domain.md §5).
 *
 * The two percentages are added as the rule writes them, so a dossier both late and disliked counts
 * twice; the floor keeps the ratio ≥ 0. Numerator = max(0, finished − late − disliked), denominator =
 * finished, so numerator / denominator is that ratio.
 *
 * No dossiers: 0 points, as the indicator table of Decision 766 says ("0 if no dossiers", docs/domain.md
 * §5), with `noData: true` so that the 0 is not read as a measured one (issue 12, rule 10).
 */
export function indicator5_4({ finished, late, dislikedOrPetitioned }: Indicator5_4Input): Indicator5_4 {
  assertPartOf('late', late, 'finished', finished);
  const satisfactionIncluded = dislikedOrPetitioned !== undefined;
  if (satisfactionIncluded) assertPartOf('dislikedOrPetitioned', dislikedOrPetitioned, 'finished', finished);
  const numerator = Math.max(0, finished - late - (dislikedOrPetitioned ?? 0));
  if (finished === 0) {
    const maxScore = INDICATOR_766_MAX_SCORES['5.4'];
    return {
      id: '5.4',
      score: 0,
      maxScore,
      numerator: 0,
      denominator: 0,
      noData: true,
      satisfactionIncluded,
    };
  }
  return { ...proportional('5.4', numerator, finished, 90), satisfactionIncluded };
}

/**
 * 5.2 petitions handled on time / petitions; 6 × ratio; 6 if no petitions (docs/domain.md §5), then with
 * `noData: true`. Without any petition data the score is null (no data, docs/domain.md §5 Rules), with
 * null numerator and denominator.
 */
export function indicator5_2(input: Indicator5_2Input): Indicator766 {
  const maxScore = INDICATOR_766_MAX_SCORES['5.2'];
  if (!input.hasPetitionData) {
    return { id: '5.2', score: null, maxScore, numerator: null, denominator: null, noData: true };
  }
  const { petitions, onTime } = input;
  assertPartOf('onTime', onTime, 'petitions', petitions);
  if (petitions === 0)
    return { id: '5.2', score: maxScore, maxScore, numerator: 0, denominator: 0, noData: true };
  return proportional('5.2', onTime, petitions);
}

/** The inputs of each indicator, for score766. */
export interface Indicator766Inputs {
  '1.3': Indicator1_3Input;
  '2.1': Indicator2_1Input;
  '3.1': OnlineShareInput;
  '3.3': OnlineShareInput;
  '5.2': Indicator5_2Input;
  '5.4': Indicator5_4Input;
}

const SCORERS: { readonly [K in Indicator766Id]: (input: Indicator766Inputs[K]) => Indicator766 } = {
  '1.3': indicator1_3,
  '2.1': indicator2_1,
  '3.1': indicator3_1,
  '3.3': indicator3_3,
  '5.2': indicator5_2,
  '5.4': indicator5_4,
};

/** The indicator `id` of docs/domain.md §5 computed from its inputs; throws on an id the project does not compute. */
export function score766<K extends Indicator766Id>(id: K, input: Indicator766Inputs[K]): Indicator766 {
  if (!Object.hasOwn(SCORERS, id)) {
    throw new RangeError(`Decision 766 indicator ${JSON.stringify(id)} is not computed by the project`);
  }
  return SCORERS[id](input);
}

/**
 * Sum of the scores (GraphQL Index766.total), the table's scores for "no data" included (5.2: 6, 5.4: 0);
 * null when no indicator has a score.
 */
export function index766Total(indicators: readonly Indicator766[]): number | null {
  let total: number | null = null;
  for (const { score } of indicators) {
    if (score !== null) total = (total ?? 0) + score;
  }
  return total;
}

/** Largest `digits` accepted by roundScore. */
const MAX_ROUNDING_DIGITS = 10;

/**
 * A score rounded for display to `digits` decimals, halves away from zero; null stays null. Rounds the
 * decimal written form (1.005 → 1.01), not the binary value just below it.
 */
export function roundScore(score: number, digits?: number): number;
export function roundScore(score: number | null, digits?: number): number | null;
export function roundScore(score: number | null, digits = 2): number | null {
  if (!Number.isInteger(digits) || digits < 0 || digits > MAX_ROUNDING_DIGITS) {
    throw new RangeError(`digits must be a whole number within 0–${MAX_ROUNDING_DIGITS}, got ${digits}`);
  }
  if (score === null) return null;
  if (!Number.isFinite(score)) throw new RangeError(`Cannot round ${score}`);
  const rounded = shiftDecimal(Math.round(shiftDecimal(Math.abs(score), digits)), -digits);
  return score < 0 ? -rounded : rounded;
}

/** x × 10^places computed on the decimal string, so that no binary rounding error is introduced. */
function shiftDecimal(x: number, places: number): number {
  const [mantissa, exponent = '0'] = String(x).split('e');
  return Number(`${mantissa}e${Number(exponent) + places}`);
}
