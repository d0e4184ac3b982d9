import { describe, expect, it } from 'vitest';
import {
  INDICATOR_766_MAX_SCORES,
  type Indicator766,
  index766Total,
  indicator1_3,
  indicator2_1,
  indicator3_1,
  indicator3_3,
  indicator5_2,
  indicator5_4,
  roundScore,
  score766,
} from './index766.ts';

const indicator = (
  id: string,
  score: number | null,
  maxScore: number,
  numerator: number | null,
  denominator: number | null,
  // "No data": no denominator or a denominator of 0 (docs/domain.md §5).
  noData = denominator === null || denominator === 0,
): Indicator766 => ({ id, score, maxScore, numerator, denominator, noData });

describe('maximum points (docs/domain.md §5 table)', () => {
  it('1.3 → 2, 2.1 → 20, 3.1 → 2, 3.3 → 6, 5.2 → 6, 5.4 → 6', () => {
    expect(INDICATOR_766_MAX_SCORES).toEqual({ '1.3': 2, '2.1': 20, '3.1': 2, '3.3': 6, '5.2': 6, '5.4': 6 });
    expect(Object.isFrozen(INDICATOR_766_MAX_SCORES)).toBe(true);
  });
});

describe('1.3 "procedures published with all mandatory components", max 2, "max × ratio"', () => {
  it('45 of 50 published completely → 2 × 0.9 = 1.8', () => {
    const result = indicator1_3({ published: 45, total: 50 });
    expect(result).toEqual({ ...result, id: '1.3', maxScore: 2, numerator: 45, denominator: 50 });
    expect(result.score).toBeCloseTo(1.8, 12);
  });

  it('all published → 2; none published → 0 (a real 0, not "no data")', () => {
    expect(indicator1_3({ published: 50, total: 50 })).toEqual(indicator('1.3', 2, 2, 50, 50));
    expect(indicator1_3({ published: 0, total: 50 })).toEqual(indicator('1.3', 0, 2, 0, 50));
  });

  it('"null (no data) is not 0": no procedure under the authority → score null, 0 / 0 reported', () => {
    expect(indicator1_3({ published: 0, total: 0 })).toEqual(indicator('1.3', null, 2, 0, 0));
  });

  it.each([
    [{ published: 51, total: 50 }, 'published cannot exceed total'],
    [{ published: -1, total: 50 }, 'negative count'],
    [{ published: 1.5, total: 50 }, 'counts are whole numbers'],
    [{ published: Number.NaN, total: 50 }, 'NaN'],
    [{ published: 1, total: Number.POSITIVE_INFINITY }, 'infinite total'],
  ])('rejects %o (%s)', (input) => {
    expect(() => indicator1_3(input)).toThrow(RangeError);
  });
});

describe('2.1 "dossiers received in the period that are on time / dossiers received in the period", max 20, "20 × ratio"', () => {
  it('180 of 200 on time → 20 × 0.9 = 18', () => {
    expect(indicator2_1({ onTime: 180, received: 200 })).toEqual(indicator('2.1', 18, 20, 180, 200));
  });

  it('1 of 3 on time → 20 / 3 = 6.666…, full precision kept', () => {
    expect(indicator2_1({ onTime: 1, received: 3 }).score).toBeCloseTo(20 / 3, 12);
  });

  it('received = 0 → null (no data); 0 of 10 → 0', () => {
    expect(indicator2_1({ onTime: 0, received: 0 })).toEqual(indicator('2.1', null, 20, 0, 0));
    expect(indicator2_1({ onTime: 0, received: 10 })).toEqual(indicator('2.1', 0, 20, 0, 10));
  });

  it('rejects more on-time dossiers than received', () => {
    expect(() => indicator2_1({ onTime: 11, received: 10 })).toThrow(RangeError);
  });
});

describe('3.1 "procedures offered online (partial or full) / procedures under the authority", "min(2, 2 × ratio / 0.80)"', () => {
  it.each([
    [40, 50, 2, '80% is the target: 2 × 0.8 / 0.8 = 2 exactly'],
    [60, 100, 1.5, '2 × 0.6 / 0.8 = 1.5'],
    [30, 100, 0.75, '2 × 0.3 / 0.8 = 0.75'],
    [90, 100, 2, '2 × 0.9 / 0.8 = 2.25, capped at 2'],
    [100, 100, 2, '2 × 1 / 0.8 = 2.5, capped at 2'],
    [0, 10, 0, 'none online'],
  ])('%d of %d online → %d (%s)', (online, total, score) => {
    expect(indicator3_1({ online, total })).toEqual(indicator('3.1', score, 2, online, total));
  });

  it('1 of 3 online → 2 × (1/3) / 0.8 = 0.8333…', () => {
    expect(indicator3_1({ online: 1, total: 3 }).score).toBeCloseTo(2 / 3 / 0.8, 12);
  });

  it('no procedure under the authority → null', () => {
    expect(indicator3_1({ online: 0, total: 0 })).toEqual(indicator('3.1', null, 2, 0, 0));
  });

  it('rejects more online than total', () => {
    expect(() => indicator3_1({ online: 3, total: 2 })).toThrow(RangeError);
  });
});

describe('3.3 "dossiers submitted online / all dossiers", "min(6, 6 × ratio / 0.50)"', () => {
  it.each([
    [25, 100, 3, '6 × 0.25 / 0.5 = 3'],
    [50, 100, 6, '50% is the target: 6 exactly'],
    [1, 3, 4, '6 × (1/3) / 0.5 = 4'],
    [70, 100, 6, '6 × 0.7 / 0.5 = 8.4, capped at 6'],
    [0, 100, 0, 'none online'],
  ])('%d of %d online → %d (%s)', (online, total, score) => {
    expect(indicator3_3({ online, total }).score).toBeCloseTo(score, 12);
    expect(indicator3_3({ online, total })).toMatchObject({ id: '3.3', maxScore: 6, numerator: online });
  });

  it('no dossiers → null', () => {
    expect(indicator3_3({ online: 0, total: 0 })).toEqual(indicator('3.3', null, 6, 0, 0));
  });
});

describe('5.4 "100% − (% late + % with a petition or a dislike)", "min(6, 6 × ratio / 0.90)"', () => {
  it('100 finished, 10 late, 8 disliked or petitioned → 1 − 0.10 − 0.08 = 0.82 → 6 × 0.82 / 0.9 = 5.4666…', () => {
    const result = indicator5_4({ finished: 100, late: 10, dislikedOrPetitioned: 8 });
    expect(result).toMatchObject({
      id: '5.4',
      maxScore: 6,
      numerator: 82,
      denominator: 100,
      satisfactionIncluded: true,
    });
    expect(result.score).toBeCloseTo(4.92 / 0.9, 12);
  });

  it('a ratio of exactly 90% gives exactly 6: 10 finished, 1 late, 0 disliked', () => {
    expect(indicator5_4({ finished: 10, late: 1, dislikedOrPetitioned: 0 }).score).toBe(6);
  });

  it('above 90% the score is capped: 100 finished, 5 late, 3 disliked → 0.92 → 6.133… → 6', () => {
    expect(indicator5_4({ finished: 100, late: 5, dislikedOrPetitioned: 3 })).toMatchObject({
      score: 6,
      numerator: 92,
    });
  });

  it('the two percentages are added (a dossier late and disliked counts twice) and the ratio is floored at 0', () => {
    // 10 finished, 6 late, 6 disliked: 1 − 0.6 − 0.6 = −0.2 → 0.
    expect(indicator5_4({ finished: 10, late: 6, dislikedOrPetitioned: 6 })).toMatchObject({
      score: 0,
      numerator: 0,
      denominator: 10,
    });
  });

  it('satisfaction data not available yet (undefined) → timeliness part only, and says so', () => {
    // 100 finished, 19 late: 1 − 0.19 = 0.81 → 6 × 0.81 / 0.9 = 5.4.
    const result = indicator5_4({ finished: 100, late: 19 });
    expect(result).toMatchObject({ numerator: 81, denominator: 100, satisfactionIncluded: false });
    expect(result.score).toBeCloseTo(5.4, 12);
    expect(indicator5_4({ finished: 100, late: 19, dislikedOrPetitioned: undefined })).toEqual(result);
  });

  it('"0 if no dossiers" (the indicator table): no finished dossier → 0 points, flagged noData', () => {
    expect(indicator5_4({ finished: 0, late: 0, dislikedOrPetitioned: 0 })).toEqual({
      ...indicator('5.4', 0, 6, 0, 0, true),
      satisfactionIncluded: true,
    });
    expect(indicator5_4({ finished: 0, late: 0 })).toMatchObject({ score: 0, noData: true });
  });

  it('a measured 0 is not "no data": 10 finished, all late → 0 points, noData false', () => {
    // 1 − 10/10 = 0 → 6 × 0 / 0.9 = 0.
    expect(indicator5_4({ finished: 10, late: 10, dislikedOrPetitioned: 0 })).toMatchObject({
      score: 0,
      noData: false,
    });
  });

  it('rejects more late or disliked dossiers than finished ones', () => {
    expect(() => indicator5_4({ finished: 5, late: 6 })).toThrow(RangeError);
    expect(() => indicator5_4({ finished: 5, late: 0, dislikedOrPetitioned: 6 })).toThrow(RangeError);
    expect(() => indicator5_4({ finished: 5, late: 0, dislikedOrPetitioned: -1 })).toThrow(RangeError);
  });
});

describe('5.2 "petitions handled on time", "6 × ratio; 6 if no petitions"', () => {
  it('9 of 12 petitions on time → 6 × 0.75 = 4.5', () => {
    expect(indicator5_2({ hasPetitionData: true, petitions: 12, onTime: 9 })).toEqual(
      indicator('5.2', 4.5, 6, 9, 12),
    );
  });

  it('no petitions → 6, with 0 / 0, flagged noData (nothing was measured)', () => {
    expect(indicator5_2({ hasPetitionData: true, petitions: 0, onTime: 0 })).toEqual(
      indicator('5.2', 6, 6, 0, 0, true),
    );
  });

  it('no petition data at all → null score, null numerator and denominator', () => {
    expect(indicator5_2({ hasPetitionData: false })).toEqual(indicator('5.2', null, 6, null, null, true));
    // counts passed along with the flag off are ignored
    expect(indicator5_2({ hasPetitionData: false, petitions: 3, onTime: 1 }).score).toBeNull();
  });

  it('accepts the flag as a plain boolean (as read from a rollup row)', () => {
    const row = { hasPetitionData: true as boolean, petitions: 4, onTime: 1 };
    expect(indicator5_2(row).score).toBe(1.5); // 6 × 1/4
  });

  it('rejects more on-time petitions than petitions, and missing counts when the data exists', () => {
    expect(() => indicator5_2({ hasPetitionData: true, petitions: 1, onTime: 2 })).toThrow(RangeError);
    const missing = { hasPetitionData: true } as Parameters<typeof indicator5_2>[0];
    expect(() => indicator5_2(missing)).toThrow(RangeError);
  });
});

describe('score766 dispatches on the indicator id', () => {
  it('gives the same result as the named functions', () => {
    expect(score766('1.3', { published: 45, total: 50 })).toEqual(indicator1_3({ published: 45, total: 50 }));
    expect(score766('2.1', { onTime: 180, received: 200 })).toEqual(indicator('2.1', 18, 20, 180, 200));
    expect(score766('3.1', { online: 60, total: 100 }).score).toBe(1.5);
    expect(score766('3.3', { online: 25, total: 100 }).score).toBe(3);
    expect(score766('5.2', { hasPetitionData: false }).score).toBeNull();
    expect(score766('5.4', { finished: 10, late: 1, dislikedOrPetitioned: 0 }).score).toBe(6);
  });

  it('throws on an id the project does not compute', () => {
    expect(() => score766('6.1' as '1.3', { published: 1, total: 1 })).toThrow(RangeError);
    expect(() => score766('toString' as '1.3', { published: 1, total: 1 })).toThrow(RangeError);
  });
});

describe('index766Total: "sum of the indicators computed" (GraphQL Index766.total)', () => {
  it('adds the non-null scores: 18 + 1.5 + (no data) + 4.5 = 24', () => {
    const indicators = [
      indicator2_1({ onTime: 180, received: 200 }),
      indicator3_1({ online: 60, total: 100 }),
      indicator5_2({ hasPetitionData: false }),
      indicator5_2({ hasPetitionData: true, petitions: 12, onTime: 9 }),
    ];
    expect(index766Total(indicators)).toBe(24);
  });

  it('counts the table\'s scores for "no data": 5.2 with no petitions adds 6, 5.4 with nothing finished 0', () => {
    const indicators = [
      indicator2_1({ onTime: 0, received: 0 }), // null
      indicator5_2({ hasPetitionData: true, petitions: 0, onTime: 0 }), // 6
      indicator5_4({ finished: 0, late: 0, dislikedOrPetitioned: 0 }), // 0
    ];
    expect(indicators.map((i) => i.noData)).toEqual([true, true, true]);
    expect(index766Total(indicators)).toBe(6);
  });

  it('null when every indicator is "no data", or there are none; 0 when the data says 0', () => {
    expect(
      index766Total([indicator2_1({ onTime: 0, received: 0 }), indicator5_2({ hasPetitionData: false })]),
    ).toBe(null);
    expect(index766Total([])).toBeNull();
    expect(index766Total([indicator2_1({ onTime: 0, received: 10 })])).toBe(0);
  });
});

describe('roundScore: full precision in the functions, rounded for display', () => {
  it.each([
    [4.92 / 0.9, 2, 5.47],
    [20 / 3, 2, 6.67],
    [1.005, 2, 1.01], // stored as 1.00499999999999989…; the decimal form is rounded
    [2.675, 2, 2.68],
    [1.2345, 3, 1.235],
    [2.5, 0, 3],
    [0.125, 2, 0.13],
    [-1.005, 2, -1.01], // halves away from zero
    [1e-7, 2, 0],
    [18, 2, 18],
  ])('roundScore(%d, %d) = %d', (score, digits, expected) => {
    expect(roundScore(score, digits)).toBe(expected);
  });

  it('defaults to 2 digits and keeps null (no data) as null', () => {
    expect(roundScore(5.4666666)).toBe(5.47);
    expect(roundScore(null)).toBeNull();
  });

  it('rejects bad digits and non-finite scores', () => {
    expect(() => roundScore(1, -1)).toThrow(RangeError);
    expect(() => roundScore(1, 1.5)).toThrow(RangeError);
    expect(() => roundScore(1, 11)).toThrow(RangeError);
    expect(() => roundScore(Number.NaN)).toThrow(RangeError);
  });
});
