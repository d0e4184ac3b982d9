// SIPAS, the index of satisfaction with public administrative services (Decision 2640/QĐ-BNV of
// 10/10/2017), and the conventions published elsewhere on the same answers (docs/domain.md §4.3).
//
// Inputs are counts (or a distribution: answer value → number of respondents), not raw answers, so
// the services can feed sums of rollups. Every index is a 0..1 ratio; ×100 gives the published %.

import { assertCount, assertPartOf, shareOf } from './ratios.ts';

/** Respondents who gave a positive answer out of those who answered the question. */
export interface PositiveCount {
  positive: number;
  answered: number;
}

/** On the 5-point scale (1 Rất không hài lòng … 5 Rất hài lòng) answers 4 and 5 are satisfied; docs/domain.md §4.3. */
export const SIPAS_POSITIVE_FROM = 4;

/** SIPAS has five factors (access, procedure, civil servants, results, feedback handling); docs/domain.md §4.3. */
export const SIPAS_FACTOR_COUNT = 5;

/** Factor index = respondents answering 4 or 5 / respondents answering the question; null if none answered (docs/domain.md §4.3). */
export function factorIndex({ positive, answered }: PositiveCount): number | null {
  return shareOf(positive, answered, 'positive', 'answered');
}

/**
 * Factor index when satisfaction is asked per criterion: the mean of the criteria's shares, over the
 * criteria that have answers; null if none has. This is the project's rule for forms after 2020,
 * which ask satisfaction per criterion; reports must say so (docs/domain.md §4.3). Each criterion weighs
 * the same whatever its number of answers, as each factor does in the SIPAS mean.
 */
export function factorIndexFromCriteria(criteria: readonly PositiveCount[]): number | null {
  const shares = criteria.map(factorIndex).filter((share): share is number => share !== null);
  return shares.length === 0 ? null : mean(shares);
}

export interface SipasResult {
  /** Mean of the factor indices (0..1); null unless every factor has data. */
  index: number | null;
  factorsWithData: number;
}

/**
 * SIPAS = arithmetic mean of the 5 factor indices (docs/domain.md §4.3). When a factor has no data the
 * index is null, not the mean of the others: a partial mean would not be comparable with published
 * SIPAS values. `expectedFactors` follows the questionnaire version (5 for Decision 2640/QĐ-BNV).
 */
export function sipasIndex(
  factorIndices: readonly (number | null)[],
  expectedFactors = SIPAS_FACTOR_COUNT,
): SipasResult {
  if (!Number.isSafeInteger(expectedFactors) || expectedFactors < 1) {
    throw new RangeError(`expectedFactors must be a whole number ≥ 1, got ${expectedFactors}`);
  }
  if (factorIndices.length !== expectedFactors) {
    throw new RangeError(
      `SIPAS needs the ${expectedFactors} factor indices of the questionnaire (null for no data), got ${factorIndices.length}`,
    );
  }
  const withData = factorIndices.filter((index): index is number => index !== null);
  for (const index of withData) {
    if (!Number.isFinite(index) || index < 0 || index > 1) {
      throw new RangeError(`A factor index is a ratio within 0–1, got ${index}`);
    }
  }
  const complete = withData.length === expectedFactors;
  return { index: complete ? mean(withData) : null, factorsWithData: withData.length };
}

/** Assessment index = respondents agreeing the criterion was met / respondents answering; null if none (docs/domain.md §4.3). */
export function assessmentShare({ agree, answered }: { agree: number; answered: number }): number | null {
  return shareOf(agree, answered, 'agree', 'answered');
}

/**
 * Expectation index = respondents choosing each item / respondents (docs/domain.md §4.3); null when there
 * are no respondents. Several items may be chosen, so the shares may add up to more than 1.
 */
export function expectationShares<K extends string>(
  counts: Readonly<Record<K, number>>,
  respondents: number,
): Record<K, number> | null {
  assertCount('respondents', respondents);
  const entries = Object.entries(counts) as [K, number][];
  for (const [option, count] of entries)
    assertPartOf(`count of ${option}`, count, 'respondents', respondents);
  if (respondents === 0) return null;
  return Object.fromEntries(entries.map(([option, count]) => [option, count / respondents])) as Record<
    K,
    number
  >;
}

/** Answers to one question: answer value on the scale → number of respondents who gave it. */
export type AnswerDistribution = Readonly<Record<number, number>>;

/**
 * Respondents answering at least `threshold` out of those answering: the counts behind a SIPAS factor
 * index (threshold 4 on the 5-point scale, docs/domain.md §4.3), which factorIndex turns into the index.
 */
export function positiveCount(
  distribution: AnswerDistribution,
  threshold = SIPAS_POSITIVE_FROM,
): PositiveCount {
  assertFiniteValue('threshold', threshold);
  let positive = 0;
  let answered = 0;
  for (const [value, count] of answers(distribution)) {
    answered += count;
    if (value >= threshold) positive += count;
  }
  return { positive, answered };
}

/** GOV.UK rescaled mean (mean − min) / (max − min), 0..1; null when nobody answered (docs/domain.md §4.3). */
export function rescaledMean(distribution: AnswerDistribution, min: number, max: number): number | null {
  assertFiniteValue('min', min);
  assertFiniteValue('max', max);
  if (!(min < max)) throw new RangeError(`The scale needs min < max, got ${min}–${max}`);
  let sum = 0;
  let answered = 0;
  for (const [value, count] of answers(distribution)) {
    if (value < min || value > max)
      throw new RangeError(`Answer ${value} is outside the scale ${min}–${max}`);
    sum += value * count;
    answered += count;
  }
  return answered === 0 ? null : (sum / answered - min) / (max - min);
}

/** OMB Circular A-11 percent agree: share answering ≥ threshold (4 of 5), 0..1; null when nobody answered (docs/domain.md §4.3). */
export function percentAgree(
  distribution: AnswerDistribution,
  threshold = SIPAS_POSITIVE_FROM,
): number | null {
  return factorIndex(positiveCount(distribution, threshold));
}

export interface JdmaShares {
  good: number;
  medium: number;
  bad: number;
}

/**
 * France's "Je donne mon avis" good / medium / bad shares: good ≥ goodFrom, bad ≤ badUpTo, medium in
 * between; 0..1 each, adding up to 1; null when nobody answered (docs/domain.md §4.3). On the 5-point scale
 * goodFrom 4 and badUpTo 2; on a 3-level scale 1–3 (JDMA's own three answers) goodFrom 3 and badUpTo 1.
 */
export function jdmaShares(
  distribution: AnswerDistribution,
  goodFrom: number,
  badUpTo: number,
): JdmaShares | null {
  assertFiniteValue('goodFrom', goodFrom);
  assertFiniteValue('badUpTo', badUpTo);
  if (!(badUpTo < goodFrom)) {
    throw new RangeError(
      `"bad" must end below where "good" starts, got badUpTo ${badUpTo}, goodFrom ${goodFrom}`,
    );
  }
  let good = 0;
  let bad = 0;
  let answered = 0;
  for (const [value, count] of answers(distribution)) {
    answered += count;
    if (value >= goodFrom) good += count;
    else if (value <= badUpTo) bad += count;
  }
  if (answered === 0) return null;
  return { good: good / answered, medium: (answered - good - bad) / answered, bad: bad / answered };
}

/** The (value, count) pairs of a distribution, checked: finite answer values, whole counts ≥ 0. */
function answers(distribution: AnswerDistribution): [value: number, count: number][] {
  return Object.entries(distribution).map(([key, count]) => {
    const value = Number(key);
    if (key.trim() === '' || !Number.isFinite(value)) {
      throw new RangeError(`Answer values must be numbers on the scale, got ${JSON.stringify(key)}`);
    }
    assertCount(`count of answer ${key}`, count);
    return [value, count];
  });
}

function assertFiniteValue(name: string, value: number): void {
  if (!Number.isFinite(value)) throw new RangeError(`${name} must be a finite number, got ${value}`);
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}
