import { describe, expect, it } from 'vitest';
import {
  comparisonRange,
  currentPeriod,
  isDay,
  parsePeriod,
  periodLabel,
  periodParams,
  periodPhrase,
  periodRange,
  previousPeriod,
  rangeText,
  todayInVietnam,
} from './periods';

describe('periodRange', () => {
  it('gives the first and last day of months, quarters, halves and years', () => {
    // February 2024 is a leap month (2024 divisible by 4, not by 100): 29 days.
    expect(periodRange({ kind: 'month', year: 2024, month: 2 })).toEqual({
      from: '2024-02-01',
      to: '2024-02-29',
    });
    // Q3 = July..September; September has 30 days.
    expect(periodRange({ kind: 'quarter', year: 2026, quarter: 3 })).toEqual({
      from: '2026-07-01',
      to: '2026-09-30',
    });
    expect(periodRange({ kind: 'half', year: 2026, half: 1 })).toEqual({
      from: '2026-01-01',
      to: '2026-06-30',
    });
    expect(periodRange({ kind: 'year', year: 2025 })).toEqual({ from: '2025-01-01', to: '2025-12-31' });
  });
});

describe('previousPeriod', () => {
  it('steps back across the year boundary', () => {
    expect(previousPeriod({ kind: 'month', year: 2026, month: 1 })).toEqual({
      kind: 'month',
      year: 2025,
      month: 12,
    });
    expect(previousPeriod({ kind: 'quarter', year: 2026, quarter: 1 })).toEqual({
      kind: 'quarter',
      year: 2025,
      quarter: 4,
    });
    expect(previousPeriod({ kind: 'half', year: 2026, half: 2 })).toEqual({
      kind: 'half',
      year: 2026,
      half: 1,
    });
  });

  it('gives a custom range the same number of days, ending the day before', () => {
    // 2026-03-01..2026-03-10 is 10 days; the 10 days before end on 2026-02-28 and start on 02-19.
    expect(previousPeriod({ kind: 'custom', from: '2026-03-01', to: '2026-03-10' })).toEqual({
      kind: 'custom',
      from: '2026-02-19',
      to: '2026-02-28',
    });
  });
});

describe('comparisonRange', () => {
  it('compares a month still running with as many days of the previous month, from its start', () => {
    // December 2026 on 5 December: 1–5 December is 5 days → 1–5 November.
    expect(comparisonRange({ kind: 'month', year: 2026, month: 12 }, '2026-12-05')).toEqual({
      range: { from: '2026-11-01', to: '2026-11-05' },
      partial: true,
    });
    // Q1 2026 on 10 February: 31 days of January + 10 = 41 days → Q4 2025 from 1 October: its 31
    // days, then 10 of November → 1 October–10 November 2025.
    expect(comparisonRange({ kind: 'quarter', year: 2026, quarter: 1 }, '2026-02-10')).toEqual({
      range: { from: '2025-10-01', to: '2025-11-10' },
      partial: true,
    });
  });

  it('a custom range ending after today: the same number of days of the range before it', () => {
    // 1–20 March, on 4 March: 4 days; the range before is 9–28 February → 9–12 February.
    expect(comparisonRange({ kind: 'custom', from: '2026-03-01', to: '2026-03-20' }, '2026-03-04')).toEqual({
      range: { from: '2026-02-09', to: '2026-02-12' },
      partial: true,
    });
  });

  it('never past the previous period’s end: 30 days of March against the whole of February', () => {
    // 1–30 March is 30 days; February 2026 has 28, so all of it (not 2 March).
    expect(comparisonRange({ kind: 'month', year: 2026, month: 3 }, '2026-03-30')).toEqual({
      range: { from: '2026-02-01', to: '2026-02-28' },
      partial: false,
    });
  });

  it('a period over, ending today, or not started: the whole previous period', () => {
    const whole = { range: { from: '2026-11-01', to: '2026-11-30' }, partial: false };
    expect(comparisonRange({ kind: 'month', year: 2026, month: 12 }, '2027-01-03')).toEqual(whole);
    expect(comparisonRange({ kind: 'month', year: 2026, month: 12 }, '2026-12-31')).toEqual(whole);
    expect(comparisonRange({ kind: 'month', year: 2026, month: 12 }, '2026-11-20')).toEqual(whole);
  });
});

describe('rangeText', () => {
  it('one year written once; across a year both days in full', () => {
    expect(rangeText({ from: '2026-11-01', to: '2026-11-05' })).toBe('01/11–05/11/2026');
    expect(rangeText({ from: '2025-12-15', to: '2026-01-05' })).toBe('15/12/2025–05/01/2026');
  });
});

describe('periodLabel', () => {
  it('names the period as a report title does', () => {
    expect(periodLabel({ kind: 'quarter', year: 2026, quarter: 3 })).toBe('Quý III năm 2026');
    expect(periodLabel({ kind: 'half', year: 2026, half: 1 })).toBe('6 tháng đầu năm 2026');
    expect(periodLabel({ kind: 'month', year: 2026, month: 7 })).toBe('Tháng 07/2026');
    expect(periodLabel({ kind: 'custom', from: '2026-07-01', to: '2026-07-15' })).toBe(
      'Từ ngày 01/07/2026 đến ngày 15/07/2026',
    );
  });
});

describe('periodPhrase', () => {
  it('lowers the first letter only, keeping a quarter’s Roman numeral', () => {
    expect(periodPhrase({ kind: 'quarter', year: 2025, quarter: 2 })).toBe('quý II năm 2025');
    expect(periodPhrase({ kind: 'quarter', year: 2026, quarter: 4 })).toBe('quý IV năm 2026');
    expect(periodPhrase({ kind: 'month', year: 2026, month: 12 })).toBe('tháng 12/2026');
    expect(periodPhrase({ kind: 'year', year: 2026 })).toBe('năm 2026');
    expect(periodPhrase({ kind: 'custom', from: '2026-08-15', to: '2026-10-20' })).toBe(
      'từ ngày 15/08/2026 đến ngày 20/10/2026',
    );
  });
});

describe('parsePeriod and periodParams', () => {
  it('round-trips every kind', () => {
    for (const choice of [
      { kind: 'month', year: 2026, month: 11 },
      { kind: 'quarter', year: 2025, quarter: 4 },
      { kind: 'half', year: 2026, half: 2 },
      { kind: 'year', year: 2026 },
      { kind: 'custom', from: '2026-01-05', to: '2026-02-01' },
    ] as const) {
      expect(parsePeriod(periodParams(choice), '2026-12-04')).toEqual(choice);
    }
  });

  it('falls back to the current period on a bad or missing address', () => {
    // 2026-12-04 lies in Q4.
    expect(parsePeriod(new URLSearchParams(''), '2026-12-04')).toEqual({
      kind: 'quarter',
      year: 2026,
      quarter: 4,
    });
    expect(parsePeriod(new URLSearchParams('ky=quy&nam=2026&so=5'), '2026-12-04')).toEqual(
      currentPeriod('quarter', '2026-12-04'),
    );
    expect(
      parsePeriod(new URLSearchParams('ky=tuy-chon&tu=2026-02-30&den=2026-03-01'), '2026-12-04').kind,
    ).toBe('quarter');
    expect(
      parsePeriod(new URLSearchParams('ky=tuy-chon&tu=2026-03-02&den=2026-03-01'), '2026-12-04').kind,
    ).toBe('quarter');
  });
});

describe('isDay and todayInVietnam', () => {
  it('rejects impossible days', () => {
    expect(isDay('2026-02-29')).toBe(false);
    expect(isDay('2024-02-29')).toBe(true);
    expect(isDay('2026-13-01')).toBe(false);
  });

  it('uses the Việt Nam day (UTC+7)', () => {
    // 17:30 UTC on 3 December is 00:30 on 4 December in Hà Nội.
    expect(todayInVietnam(new Date('2026-12-03T17:30:00Z'))).toBe('2026-12-04');
  });
});
