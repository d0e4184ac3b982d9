import { describe, expect, it } from 'vitest';
import { DEFAULT_WORKING_HOURS } from './calendar.ts';
import { DEFAULT_BANDS } from './one-stop-evaluation.ts';
import {
  type DatedPracticeSettings,
  DEFAULT_PRACTICE,
  practiceInForce,
  practiceProblems,
} from './practice-settings.ts';

const row = (effectiveFrom: string, granularity: 'day' | 'instant'): DatedPracticeSettings => ({
  ...DEFAULT_PRACTICE,
  effectiveFrom,
  granularity,
});

describe('practiceInForce: the row with the latest effectiveFrom not after the day, else the defaults', () => {
  it('no rows: the defaults, which are the constants the code used before settings', () => {
    expect(practiceInForce([], '2026-12-04')).toBe(DEFAULT_PRACTICE);
    expect(DEFAULT_PRACTICE.workingHours).toBe(DEFAULT_WORKING_HOURS);
    expect(DEFAULT_PRACTICE.evaluationBands).toBe(DEFAULT_BANDS);
    expect(DEFAULT_PRACTICE.granularity).toBe('day');
    expect(DEFAULT_PRACTICE.sameDayCutoffMinute).toBe(900); // 15:00 = 15 × 60
  });

  it('a row applies from its day on, not the day before', () => {
    const rows = [row('2026-12-05', 'instant')];
    expect(practiceInForce(rows, '2026-12-04').granularity).toBe('day');
    expect(practiceInForce(rows, '2026-12-05').granularity).toBe('instant');
    expect(practiceInForce(rows, '2027-06-01').granularity).toBe('instant');
  });

  it('of several rows, the latest begun wins, whatever their order', () => {
    const rows = [row('2027-01-01', 'day'), row('2026-01-01', 'instant')];
    expect(practiceInForce(rows, '2026-06-30').granularity).toBe('instant');
    expect(practiceInForce(rows, '2027-01-01').granularity).toBe('day');
  });
});

describe('practiceProblems', () => {
  it('the defaults are valid', () => {
    expect(practiceProblems(DEFAULT_PRACTICE)).toEqual([]);
  });

  it('sessions may move but must total 8 hours (480 minutes)', () => {
    // 07:30–11:30 (240) + 13:00–17:00 (240) = 480: valid.
    const moved = {
      sessions: [
        [450, 690],
        [780, 1020],
      ] as [number, number][],
    };
    expect(practiceProblems({ ...DEFAULT_PRACTICE, workingHours: moved })).toEqual([]);
    // 07:00–11:30 (270) + 13:00–17:00 (240) = 510: refused.
    const longer = {
      sessions: [
        [420, 690],
        [780, 1020],
      ] as [number, number][],
    };
    expect(practiceProblems({ ...DEFAULT_PRACTICE, workingHours: longer }).map((p) => p.field)).toEqual([
      ['workingHours'],
    ]);
    // Overlapping sessions: refused by the calendar's own check.
    const overlapping = {
      sessions: [
        [420, 700],
        [690, 890],
      ] as [number, number][],
    };
    expect(practiceProblems({ ...DEFAULT_PRACTICE, workingHours: overlapping })).toHaveLength(1);
  });

  it('a cut-off is a minute of the day', () => {
    expect(practiceProblems({ ...DEFAULT_PRACTICE, sameDayCutoffMinute: 1439 })).toEqual([]);
    expect(practiceProblems({ ...DEFAULT_PRACTICE, sameDayCutoffMinute: 1440 })[0]?.field).toEqual([
      'sameDayCutoff',
    ]);
  });

  it('bands: known codes once each, a label, a bound within 0–18, and one from 0 included', () => {
    const [excellent, good, fair, average, poor] = DEFAULT_BANDS;
    expect(practiceProblems({ ...DEFAULT_PRACTICE, evaluationBands: [good!, poor!] })).toEqual([]);
    const problems = (bands: typeof DEFAULT_BANDS) =>
      practiceProblems({ ...DEFAULT_PRACTICE, evaluationBands: bands }).map((p) => p.field.join('.'));
    expect(problems([excellent!, good!, fair!, average!])).toEqual(['evaluationBands']);
    expect(problems([good!, good!, poor!])).toEqual(['evaluationBands.1.code']);
    expect(problems([{ ...good!, label: ' ' }, poor!])).toEqual(['evaluationBands.0.label']);
    expect(problems([{ ...good!, min: 19 }, poor!])).toEqual(['evaluationBands.0.min']);
    expect(problems([{ ...good!, code: 'BEST' as 'GOOD' }, poor!])).toEqual(['evaluationBands.0.code']);
  });
});
