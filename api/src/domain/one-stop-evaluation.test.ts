import { describe, expect, it } from 'vitest';
import {
  classify,
  compareWithLimit,
  DEFAULT_BANDS,
  EVALUATION_INDICATOR_COUNT,
  EVALUATION_MAX_SCORE,
  type EvaluationBand,
  type EvaluationScores,
  effectiveScore,
  effectiveScores,
  type IndicatorScore,
  indicator1ProcessingTime,
  indicator2AgencyTime,
  indicator3Contacts,
  indicator4Agencies,
  totalScore,
} from './one-stop-evaluation.ts';

const DAY = 480; // working minutes in a working day (docs/domain.md §3.2: 8 hours = 1 working day)

describe('indicator 1 "total processing time vs legal limit": 2 shorter, 1 equal, 0 longer (docs/domain.md §4.2)', () => {
  // Legal limit 5 working days = 2400 minutes. By day (default), the time ends in working day
  // ⌈minutes / 480⌉: days 1–4 are shorter, day 5 is equal, day 6 on is longer.
  it.each([
    [0, 2, 'nothing to wait for: day 0'],
    [4 * DAY, 2, '1920 min = the end of day 4'],
    [4 * DAY + 1, 1, 'one minute into day 5: the due day, as "on time" in docs/domain.md §3.8'],
    [5 * DAY - 1, 1, 'day 5'],
    [5 * DAY, 1, 'exactly the limit'],
    [5 * DAY + 1, 0, 'day 6'],
    [12 * DAY, 0, 'day 12'],
  ])('%d working minutes against 2400 → %d (%s)', (totalWorkingMinutes, expected) => {
    expect(indicator1ProcessingTime({ totalWorkingMinutes, legalLimitWorkingMinutes: 5 * DAY })).toBe(
      expected,
    );
  });

  it("granularity 'instant' compares minutes: 2399 → 2, 2400 → 1, 2401 → 0", () => {
    const instant = { granularity: 'instant' } as const;
    const limit = { legalLimitWorkingMinutes: 5 * DAY };
    expect(indicator1ProcessingTime({ ...limit, totalWorkingMinutes: 2399 }, instant)).toBe(2);
    expect(indicator1ProcessingTime({ ...limit, totalWorkingMinutes: 2400 }, instant)).toBe(1);
    expect(indicator1ProcessingTime({ ...limit, totalWorkingMinutes: 2401 }, instant)).toBe(0);
  });

  it('a limit under one working day is met "equally" by any time within that day, by day', () => {
    // 4 working hours = 240 min: ⌈100/480⌉ = 1 = ⌈240/480⌉ → equal; by minute 100 < 240 → shorter.
    expect(compareWithLimit(100, 240)).toBe('EQUAL');
    expect(compareWithLimit(100, 240, { granularity: 'instant' })).toBe('SHORTER');
    expect(compareWithLimit(481, 240)).toBe('LONGER');
  });

  it('rejects negative or non-finite times, a limit ≤ 0 and an unknown granularity', () => {
    expect(() => compareWithLimit(-1, DAY)).toThrow(RangeError);
    expect(() => compareWithLimit(Number.NaN, DAY)).toThrow(RangeError);
    expect(() => compareWithLimit(10, 0)).toThrow(RangeError);
    expect(() => compareWithLimit(10, Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(() => compareWithLimit(10, DAY, { granularity: 'hour' as 'day' })).toThrow(RangeError);
  });
});

describe('indicator 2 "time taken by each agency involved": 2 every agency shorter, 1 none longer but some equal, 0 any longer', () => {
  const commune = { actualMinutes: 2 * DAY, allowedMinutes: 5 * DAY }; // day 2 of 5: shorter
  const taxOffice = { actualMinutes: DAY / 2, allowedMinutes: 2 * DAY }; // day 1 of 2: shorter
  const landOffice = { actualMinutes: 3 * DAY - 60, allowedMinutes: 3 * DAY }; // day 3 of 3: equal
  const lateOffice = { actualMinutes: 4 * DAY + 30, allowedMinutes: 3 * DAY }; // day 5 of 3: longer

  it('every agency shorter → 2', () => {
    expect(indicator2AgencyTime([commune, taxOffice])).toBe(2);
  });

  it('none longer, one equal → 1', () => {
    expect(indicator2AgencyTime([commune, taxOffice, landOffice])).toBe(1);
    expect(indicator2AgencyTime([landOffice])).toBe(1);
  });

  it('any longer → 0, whatever the others', () => {
    expect(indicator2AgencyTime([commune, taxOffice, lateOffice])).toBe(0);
    expect(indicator2AgencyTime([landOffice, lateOffice])).toBe(0);
  });

  it('by minute, the equal agency (2820 < 2880) becomes shorter', () => {
    expect(indicator2AgencyTime([commune, landOffice], { granularity: 'instant' })).toBe(2);
  });

  it('no agency time to judge → null (not scored)', () => {
    expect(indicator2AgencyTime([])).toBeNull();
  });

  it('rejects a step with a bad time', () => {
    expect(() => indicator2AgencyTime([commune, { actualMinutes: -5, allowedMinutes: DAY }])).toThrow(
      RangeError,
    );
  });
});

describe('indicator 3 "contacts with the receiving point to complete the dossier": 2 none, 1 one, 0 more than one (unless applicant\'s fault)', () => {
  it.each([
    [0, false, 2],
    [1, false, 1],
    [2, false, 0],
    [5, false, 0],
    [0, true, 2],
    [1, true, 1],
    [2, true, 1], // the applicant's fault lifts the 0, not up to 2
    [5, true, 1],
  ])('%d contacts, applicant at fault %s → %d', (contacts, applicantsFault, expected) => {
    expect(indicator3Contacts(contacts, applicantsFault)).toBe(expected);
  });

  it('the applicant is not at fault unless said', () => {
    expect(indicator3Contacts(3)).toBe(0);
  });

  it('rejects counts that are not whole numbers ≥ 0', () => {
    expect(() => indicator3Contacts(-1)).toThrow(RangeError);
    expect(() => indicator3Contacts(1.5)).toThrow(RangeError);
  });
});

describe('indicator 4 "agencies the applicant must contact": 2 none, 1 only the one-stop desk, 0 more than one', () => {
  it.each([
    [0, false, 2, 'no agency at all (e.g. fully online, result by post)'],
    [1, true, 1, 'only the one-stop desk'],
    [1, false, 0, 'one agency, but not the one-stop desk'],
    [2, false, 0, 'more than one'],
    [4, false, 0, 'more than one'],
  ])('%d agencies, only the desk %s → %d (%s)', (count, onlyOneStopDesk, expected) => {
    expect(indicator4Agencies(count, onlyOneStopDesk)).toBe(expected);
  });

  it('rejects "only the one-stop desk" with a count other than 1, and bad counts', () => {
    expect(() => indicator4Agencies(0, true)).toThrow(RangeError);
    expect(() => indicator4Agencies(2, true)).toThrow(RangeError);
    expect(() => indicator4Agencies(-1, false)).toThrow(RangeError);
  });
});

describe('totalScore: "Maximum 18"', () => {
  it('9 indicators, 2+2+1+1+2+2+1+2+2 = 15', () => {
    expect(EVALUATION_INDICATOR_COUNT).toBe(9);
    expect(EVALUATION_MAX_SCORE).toBe(18);
    expect(totalScore([2, 2, 1, 1, 2, 2, 1, 2, 2])).toEqual({ total: 15, scored: 9, max: 18 });
  });

  it('null entries are not scored: 2+1+2+2+2+2+2 = 13 over 7 scored', () => {
    expect(totalScore([2, 1, null, null, 2, 2, 2, 2, 2])).toEqual({ total: 13, scored: 7, max: 18 });
  });

  it('nothing scored → total null; all zeros → 0', () => {
    expect(totalScore(new Array(9).fill(null))).toEqual({ total: null, scored: 0, max: 18 });
    expect(totalScore(new Array(9).fill(0))).toEqual({ total: 0, scored: 9, max: 18 });
  });

  it('rejects a list that is not 9 long and points other than 0, 1, 2', () => {
    expect(() => totalScore([2, 2, 2, 2, 2, 2, 2, 2])).toThrow(RangeError);
    expect(() => totalScore([3, 2, 2, 2, 2, 2, 2, 2, 2])).toThrow(RangeError);
    expect(() => totalScore([1.5, 2, 2, 2, 2, 2, 2, 2, 2])).toThrow(RangeError);
  });
});

describe('classify: ">15 excellent, 12–15 good, 9–12 fair, 6–9 average, <6 poor" (local practice, configurable)', () => {
  it.each([
    [18, 'EXCELLENT', 'Xuất sắc'],
    [15.5, 'EXCELLENT', 'Xuất sắc'],
    [15, 'GOOD', 'Tốt'], // not >15
    [12, 'GOOD', 'Tốt'], // shared boundary: the band holds its lower bound
    [11.9, 'FAIR', 'Khá'],
    [9, 'FAIR', 'Khá'],
    [8.5, 'AVERAGE', 'Trung bình'],
    [6, 'AVERAGE', 'Trung bình'], // not <6
    [5.99, 'POOR', 'Yếu'],
    [0, 'POOR', 'Yếu'],
  ])('%d → %s (%s)', (total, code, label) => {
    expect(classify(total)).toMatchObject({ code, label });
  });

  it('the default bands are data, frozen', () => {
    expect(DEFAULT_BANDS.map((b) => [b.code, b.min, b.minInclusive])).toEqual([
      ['EXCELLENT', 15, false],
      ['GOOD', 12, true],
      ['FAIR', 9, true],
      ['AVERAGE', 6, true],
      ['POOR', 0, true],
    ]);
    expect(Object.isFrozen(DEFAULT_BANDS)).toBe(true);
    expect(Object.isFrozen(DEFAULT_BANDS[0])).toBe(true);
  });

  it('a null total (nothing scored) has no class', () => {
    expect(classify(null)).toBeNull();
  });

  it('takes other bands, in any order', () => {
    const bands: EvaluationBand<'PASS' | 'FAIL'>[] = [
      { code: 'FAIL', label: 'Không đạt', min: 0, minInclusive: true },
      { code: 'PASS', label: 'Đạt', min: 9, minInclusive: true },
    ];
    expect(classify(9, bands)?.code).toBe('PASS');
    expect(classify(8, bands)?.code).toBe('FAIL');
  });

  it('at the same bound the exclusive band is the higher one', () => {
    const bands: EvaluationBand<'ABOVE' | 'FROM'>[] = [
      { code: 'FROM', label: 'from 10', min: 10, minInclusive: true },
      { code: 'ABOVE', label: 'above 10', min: 10, minInclusive: false },
    ];
    expect(classify(10, bands)?.code).toBe('FROM');
    expect(classify(10.5, bands)?.code).toBe('ABOVE');
  });

  it('rejects totals outside 0–18 and a total that no band holds', () => {
    expect(() => classify(-1)).toThrow(RangeError);
    expect(() => classify(18.5)).toThrow(RangeError);
    expect(() => classify(Number.NaN)).toThrow(RangeError);
    expect(() => classify(3, [{ code: 'HIGH', label: 'Cao', min: 5, minInclusive: true }])).toThrow(
      RangeError,
    );
  });
});

describe('self-scored and verified (thẩm định) values are kept apart; the verified one counts when present', () => {
  it.each<[IndicatorScore | null, IndicatorScore | null, IndicatorScore | null, string]>([
    [2, null, 2, 'not verified yet: the self-score stands'],
    [2, 1, 1, 'verification lowers it'],
    [2, 0, 0, 'a verified 0 is a score, not "absent"'],
    [0, 2, 2, 'verification raises it'],
    [null, 1, 1, 'only the reviewer scored it'],
    [null, null, null, 'not scored'],
  ])('self %s, verified %s → %s (%s)', (self, verified, expected) => {
    expect(effectiveScore(self, verified)).toBe(expected);
  });

  it('an agency quarter: effective scores and their total', () => {
    const scores: EvaluationScores = {
      selfScored: [2, 2, 2, 1, 2, 2, 2, 2, 1],
      verified: [2, 1, null, null, 1, 2, 0, null, null],
    };
    // effective: 2, 1, 2, 1, 1, 2, 0, 2, 1 → 12 → good
    const effective = effectiveScores(scores);
    expect(effective).toEqual([2, 1, 2, 1, 1, 2, 0, 2, 1]);
    expect(totalScore(effective)).toEqual({ total: 12, scored: 9, max: 18 });
    expect(classify(totalScore(effective).total)?.code).toBe('GOOD');
    // the self-scores are left as they were: self-assessed total 16 → excellent
    expect(totalScore(scores.selfScored).total).toBe(16);
  });

  it('rejects lists that are not 9 long', () => {
    expect(() => effectiveScores({ selfScored: [2, 2], verified: new Array(9).fill(null) })).toThrow(
      RangeError,
    );
    expect(() => effectiveScores({ selfScored: new Array(9).fill(null), verified: [] })).toThrow(RangeError);
  });
});
