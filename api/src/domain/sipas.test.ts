import { describe, expect, it } from 'vitest';
import {
  type AnswerDistribution,
  assessmentShare,
  expectationShares,
  factorIndex,
  factorIndexFromCriteria,
  jdmaShares,
  percentAgree,
  positiveCount,
  rescaledMean,
  SIPAS_FACTOR_COUNT,
  SIPAS_POSITIVE_FROM,
  sipasIndex,
} from './sipas.ts';

// A hand-made survey on the 2017–2020 form (satisfaction asked once per factor, 1–5, null = not
// answered): 7 respondents × the 5 factors (access, procedure, civil servants, results, feedback).
//
//        F1  F2  F3  F4  F5
//   R1    5   4   5   3   4
//   R2    4   4   5   2   5
//   R3    3   4   4   4   5
//   R4    4   5   4   —   4
//   R5    2   3   4   —   3
//   R6    5   —   3   5   4
//   R7    4   2   5   1   4
//
// Counted by hand ("respondents answering 4 or 5 / respondents answering it"):
//   F1: 5,4,3,4,2,5,4 → 4 or 5: R1 R2 R4 R6 R7 = 5 of 7     → 5/7 = 0.714285…
//   F2: 4,4,4,5,3,—,2 → 4 or 5: R1 R2 R3 R4   = 4 of 6     → 2/3 = 0.666666…
//   F3: 5,5,4,4,4,3,5 → all but R6            = 6 of 7     → 6/7 = 0.857142…
//   F4: 3,2,4,—,—,5,1 → R3 R6                 = 2 of 5     → 2/5 = 0.4
//   F5: 4,5,5,4,3,4,4 → all but R5            = 6 of 7     → 6/7 = 0.857142…
// SIPAS = (5/7 + 2/3 + 6/7 + 2/5 + 6/7) / 5; over 105: (75 + 70 + 90 + 42 + 90) / 105 = 367/105,
// so SIPAS = 367/525 = 0.699047… (69.90%).
const SURVEY: (number | null)[][] = [
  [5, 4, 5, 3, 4],
  [4, 4, 5, 2, 5],
  [3, 4, 4, 4, 5],
  [4, 5, 4, null, 4],
  [2, 3, 4, null, 3],
  [5, null, 3, 5, 4],
  [4, 2, 5, 1, 4],
];

/** The distribution (answer → respondents) of factor `k` in SURVEY, as a rollup would store it. */
function distributionOfFactor(k: number): AnswerDistribution {
  const counts: Record<number, number> = {};
  for (const row of SURVEY) {
    const answer = row[k];
    if (answer != null) counts[answer] = (counts[answer] ?? 0) + 1;
  }
  return counts;
}

// The same distributions written out by hand, to check the helper above.
const F1 = { 2: 1, 3: 1, 4: 3, 5: 2 };
const F2 = { 2: 1, 3: 1, 4: 3, 5: 1 };
const F3 = { 3: 1, 4: 3, 5: 3 };
const F4 = { 1: 1, 2: 1, 3: 1, 4: 1, 5: 1 };
const F5 = { 3: 1, 4: 4, 5: 2 };

describe('the hand-made survey', () => {
  it('has the distributions counted by hand', () => {
    expect([0, 1, 2, 3, 4].map(distributionOfFactor)).toEqual([F1, F2, F3, F4, F5]);
  });
});

describe('factor index: "respondents answering 4 or 5 to factor k\'s satisfaction question / respondents answering it" (docs/domain.md §4.3)', () => {
  it('4 or 5 is positive on the 5-point scale; there are 5 factors', () => {
    expect(SIPAS_POSITIVE_FROM).toBe(4);
    expect(SIPAS_FACTOR_COUNT).toBe(5);
  });

  it.each([
    [F1, 5, 7, 5 / 7],
    [F2, 4, 6, 2 / 3],
    [F3, 6, 7, 6 / 7],
    [F4, 2, 5, 2 / 5],
    [F5, 6, 7, 6 / 7],
  ])('%o → %d of %d → %d', (distribution, positive, answered, index) => {
    expect(positiveCount(distribution)).toEqual({ positive, answered });
    expect(factorIndex({ positive, answered })).toBeCloseTo(index, 12);
  });

  it('null when nobody answered (no data is not 0); 0 when everybody answered 1–3', () => {
    expect(factorIndex({ positive: 0, answered: 0 })).toBeNull();
    expect(positiveCount({})).toEqual({ positive: 0, answered: 0 });
    expect(factorIndex(positiveCount({ 1: 2, 3: 1 }))).toBe(0);
  });

  it('rejects positive > answered and counts that are not whole numbers ≥ 0', () => {
    expect(() => factorIndex({ positive: 3, answered: 2 })).toThrow(RangeError);
    expect(() => factorIndex({ positive: -1, answered: 2 })).toThrow(RangeError);
    expect(() => factorIndex({ positive: 0.5, answered: 2 })).toThrow(RangeError);
  });

  it('positiveCount takes another threshold for other scales, and rejects bad distributions', () => {
    expect(positiveCount({ 1: 2, 2: 3, 3: 4 }, 3)).toEqual({ positive: 4, answered: 9 });
    expect(() => positiveCount({ 4: -1 })).toThrow(RangeError);
    expect(() => positiveCount({ 4: 1.5 })).toThrow(RangeError);
    expect(() => positiveCount({ x: 1 } as unknown as AnswerDistribution)).toThrow(RangeError);
    expect(() => positiveCount(F1, Number.NaN)).toThrow(RangeError);
  });
});

describe('SIPAS: "arithmetic mean of the 5 factor indices" (docs/domain.md §4.3)', () => {
  it('the survey above → 367/525 = 0.699047…', () => {
    const factors = [0, 1, 2, 3, 4].map((k) => factorIndex(positiveCount(distributionOfFactor(k))));
    const result = sipasIndex(factors);
    expect(result.factorsWithData).toBe(5);
    expect(result.index).toBeCloseTo(367 / 525, 12);
  });

  it('a factor without data → SIPAS null (a mean of 4 factors is not comparable), and says how many had data', () => {
    // F4 unanswered by everybody.
    const factors = [5 / 7, 2 / 3, 6 / 7, null, 6 / 7];
    expect(sipasIndex(factors)).toEqual({ index: null, factorsWithData: 4 });
    expect(sipasIndex([null, null, null, null, null])).toEqual({ index: null, factorsWithData: 0 });
  });

  it('all factors at 1 → 1; all at 0 → 0 (0 is data)', () => {
    expect(sipasIndex([1, 1, 1, 1, 1]).index).toBe(1);
    expect(sipasIndex([0, 0, 0, 0, 0]).index).toBe(0);
  });

  it('expects one entry per factor of the questionnaire (5 unless told otherwise)', () => {
    expect(() => sipasIndex([0.5, 0.5, 0.5, 0.5])).toThrow(RangeError);
    expect(sipasIndex([0.5, 0.7, 0.9], 3).index).toBeCloseTo(0.7, 12);
    expect(() => sipasIndex([], 0)).toThrow(RangeError);
  });

  it('rejects indices outside 0–1 (percentages are not accepted)', () => {
    expect(() => sipasIndex([84.45, 0.5, 0.5, 0.5, 0.5])).toThrow(RangeError);
    expect(() => sipasIndex([-0.1, 0.5, 0.5, 0.5, 0.5])).toThrow(RangeError);
    expect(() => sipasIndex([Number.NaN, 0.5, 0.5, 0.5, 0.5])).toThrow(RangeError);
  });
});

describe('later forms: satisfaction per criterion, "the factor index is the mean of its criteria\'s shares (the project\'s rule)"', () => {
  // Factor 3 (civil servants), 6 criteria, answers counted per criterion:
  //   polite 6/7, listens 5/7, answers fully 7/7, guides attentively 4/6, guides clearly 0/0 (no
  //   answers: left out), follows rules 3/7.
  // Mean of the 5 shares: (6/7 + 5/7 + 1 + 2/3 + 3/7) / 5 = (2 + 1 + 2/3) / 5 = 11/15 = 0.7333…
  // (Pooling the answers instead would give 25/34 = 0.7352…: not the rule.)
  const civilServants = [
    { positive: 6, answered: 7 },
    { positive: 5, answered: 7 },
    { positive: 7, answered: 7 },
    { positive: 4, answered: 6 },
    { positive: 0, answered: 0 },
    { positive: 3, answered: 7 },
  ];

  it('mean of the criteria with answers → 11/15', () => {
    expect(factorIndexFromCriteria(civilServants)).toBeCloseTo(11 / 15, 12);
    expect(factorIndexFromCriteria(civilServants)).not.toBeCloseTo(25 / 34, 4);
  });

  it('null when no criterion has answers, or there are none', () => {
    expect(factorIndexFromCriteria([{ positive: 0, answered: 0 }])).toBeNull();
    expect(factorIndexFromCriteria([])).toBeNull();
  });

  it('rejects a criterion with more positive answers than answers', () => {
    expect(() => factorIndexFromCriteria([{ positive: 2, answered: 1 }])).toThrow(RangeError);
  });
});

describe('"assessment index = % agreeing the criterion was met; expectation index = % choosing each item"', () => {
  it('assessment: 5 of 7 agree → 5/7; nobody answered → null', () => {
    expect(assessmentShare({ agree: 5, answered: 7 })).toBeCloseTo(5 / 7, 12);
    expect(assessmentShare({ agree: 0, answered: 0 })).toBeNull();
    expect(() => assessmentShare({ agree: 8, answered: 7 })).toThrow(RangeError);
  });

  it('expectation: each item / respondents; several items may be chosen so shares add up to more than 1', () => {
    // 7 respondents: 4 want fewer documents, 5 faster processing, 1 a better attitude, 0 more online.
    const shares = expectationShares(
      { fewerDocuments: 4, fasterProcessing: 5, betterAttitude: 1, moreOnline: 0 },
      7,
    );
    expect(shares).toEqual({
      fewerDocuments: 4 / 7,
      fasterProcessing: 5 / 7,
      betterAttitude: 1 / 7,
      moreOnline: 0,
    });
    // 4/7 + 5/7 + 1/7 = 10/7 > 1
    expect(Object.values(shares ?? {}).reduce((a, b) => a + b, 0)).toBeCloseTo(10 / 7, 12);
  });

  it('expectation: no respondents → null; an item chosen by more than the respondents is rejected', () => {
    expect(expectationShares({ fewerDocuments: 0 }, 0)).toBeNull();
    expect(expectationShares({}, 3)).toEqual({});
    expect(() => expectationShares({ fewerDocuments: 8 }, 7)).toThrow(RangeError);
    expect(() => expectationShares({ fewerDocuments: 1 }, -1)).toThrow(RangeError);
  });
});

describe('other published conventions on the same answers (docs/domain.md §4.3)', () => {
  it('GOV.UK rescaled mean "(mean − 1)/(max − 1)": F1 mean 27/7 → (27/7 − 1)/4 = 5/7; F3 mean 30/7 → 23/28; F4 mean 3 → 0.5', () => {
    // F1: 2 + 3 + 3×4 + 2×5 = 27 over 7; F3: 3 + 3×4 + 3×5 = 30 over 7; F4: (1+2+3+4+5)/5 = 3.
    expect(rescaledMean(F1, 1, 5)).toBeCloseTo(5 / 7, 12);
    expect(rescaledMean(F3, 1, 5)).toBeCloseTo(23 / 28, 12);
    expect(rescaledMean(F4, 1, 5)).toBe(0.5);
    expect(rescaledMean({ 5: 3 }, 1, 5)).toBe(1);
    expect(rescaledMean({ 1: 3 }, 1, 5)).toBe(0);
  });

  it('rescaled mean on another scale: 0–10 with answers 7, 8, 9 → mean 8 → 0.8', () => {
    expect(rescaledMean({ 7: 1, 8: 1, 9: 1 }, 0, 10)).toBeCloseTo(0.8, 12);
  });

  it('rescaled mean: null on no answers; rejects answers off the scale and min ≥ max', () => {
    expect(rescaledMean({}, 1, 5)).toBeNull();
    expect(rescaledMean({ 3: 0 }, 1, 5)).toBeNull();
    expect(() => rescaledMean({ 6: 1 }, 1, 5)).toThrow(RangeError);
    expect(() => rescaledMean({ 0: 1 }, 1, 5)).toThrow(RangeError);
    expect(() => rescaledMean(F1, 5, 5)).toThrow(RangeError);
    expect(() => rescaledMean(F1, 5, 1)).toThrow(RangeError);
  });

  it('OMB A-11 percent agree "(4–5 of 5)": F1 → 5/7, F4 → 2/5, i.e. the SIPAS factor index on the same answers', () => {
    expect(percentAgree(F1)).toBeCloseTo(5 / 7, 12);
    expect(percentAgree(F4)).toBe(0.4);
    expect(percentAgree(F4, 5)).toBe(0.2); // top box only
    expect(percentAgree({})).toBeNull();
  });

  it('JDMA good / medium / bad on the 5-point scale (good ≥ 4, bad ≤ 2): F1 → 5/7, 1/7, 1/7; F4 → 2/5, 1/5, 2/5', () => {
    const f1 = jdmaShares(F1, 4, 2);
    expect(f1?.good).toBeCloseTo(5 / 7, 12);
    expect(f1?.medium).toBeCloseTo(1 / 7, 12);
    expect(f1?.bad).toBeCloseTo(1 / 7, 12);
    expect(jdmaShares(F4, 4, 2)).toEqual({ good: 0.4, medium: 0.2, bad: 0.4 });
  });

  it('JDMA on a 3-level scale (3 good, 2 medium, 1 bad): 6, 3, 1 answers → 0.6, 0.3, 0.1', () => {
    expect(jdmaShares({ 3: 6, 2: 3, 1: 1 }, 3, 1)).toEqual({ good: 0.6, medium: 0.3, bad: 0.1 });
  });

  it('JDMA: null on no answers; rejects overlapping bands', () => {
    expect(jdmaShares({}, 4, 2)).toBeNull();
    expect(() => jdmaShares(F1, 3, 3)).toThrow(RangeError);
    expect(() => jdmaShares(F1, 2, 4)).toThrow(RangeError);
  });
});
