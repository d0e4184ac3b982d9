import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  atLocalMinute,
  dayOf,
  daysBetween,
  formatLocalIso,
  formatNationalDateTime,
  fromEpochDay,
  isValidDay,
  minuteOfDay,
  parseNationalDateTime,
  startOfDay,
  toEpochDay,
  weekday,
} from './time.ts';

describe('Asia/Ho_Chi_Minh is UTC+7 without DST', () => {
  it('dayOf: 17:00Z is already the next local day (17:00 + 7 h = 00:00)', () => {
    expect(dayOf(new Date('2025-12-31T16:59:59.999Z'))).toBe('2025-12-31');
    expect(dayOf(new Date('2025-12-31T17:00:00Z'))).toBe('2026-01-01');
  });

  it('the offset is the same in June and December (no daylight-saving time)', () => {
    expect(formatLocalIso(new Date('2026-06-15T00:00:00Z'))).toBe('2026-06-15T07:00:00+07:00');
    expect(formatLocalIso(new Date('2026-12-15T00:00:00Z'))).toBe('2026-12-15T07:00:00+07:00');
  });

  it('minuteOfDay: 09:30 local = 9×60 + 30 = 570; seconds are truncated', () => {
    expect(minuteOfDay(new Date('2026-03-02T09:30:59+07:00'))).toBe(570);
    expect(minuteOfDay(new Date('2026-03-02T00:00:00+07:00'))).toBe(0);
    expect(minuteOfDay(new Date('2026-03-02T23:59:00+07:00'))).toBe(1439);
  });

  it('atLocalMinute: 2026-03-02 minute 1020 = 17:00 local = 10:00Z; 1440 = next midnight', () => {
    expect(atLocalMinute('2026-03-02', 1020).toISOString()).toBe('2026-03-02T10:00:00.000Z');
    expect(atLocalMinute('2026-03-02', 1440).getTime()).toBe(startOfDay('2026-03-03').getTime());
    expect(startOfDay('2026-03-02').toISOString()).toBe('2026-03-01T17:00:00.000Z');
  });

  it('rejects invalid instants and minutes', () => {
    expect(() => dayOf(new Date('nope'))).toThrow(RangeError);
    expect(() => atLocalMinute('2026-03-02', Number.NaN)).toThrow(RangeError);
  });
});

describe('isValidDay: strict YYYY-MM-DD naming a real date', () => {
  it.each([
    ['2026-02-28', true],
    ['2024-02-29', true], // 2024 is divisible by 4
    ['2000-02-29', true], // divisible by 400
    ['1900-02-29', false], // divisible by 100, not by 400
    ['2026-02-29', false],
    ['2026-04-31', false],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-1-5', false],
    ['2026-01-05T00:00', false],
    [' 2026-01-05', false],
    ['', false],
  ])('%s → %s', (s, valid) => {
    expect(isValidDay(s)).toBe(valid);
  });

  it('functions taking a Day reject an invalid one', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => weekday('05/01/2026')).toThrow(RangeError);
  });
});

describe('addDays / daysBetween / weekday', () => {
  it('crosses month, year and leap-day boundaries', () => {
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-01-01', 365)).toBe('2027-01-01');
  });

  it('daysBetween counts calendar days: 2026-01-01 → 2026-03-01 = 31 + 28 = 59', () => {
    expect(daysBetween('2026-01-01', '2026-03-01')).toBe(59);
    expect(daysBetween('2026-03-01', '2026-01-01')).toBe(-59);
  });

  it('weekday: 0 Sunday … 6 Saturday (holidays.json says 2026-01-10 is a Saturday, 2026-04-26 a Sunday)', () => {
    expect(weekday('2026-01-10')).toBe(6);
    expect(weekday('2026-04-26')).toBe(0);
    expect(weekday('2026-02-17')).toBe(2);
    expect(weekday('1970-01-01')).toBe(4);
    expect(weekday('1969-12-28')).toBe(0);
  });

  it('epoch day numbers round-trip, including years below 100', () => {
    expect(toEpochDay('1970-01-01')).toBe(0);
    expect(fromEpochDay(toEpochDay('0099-12-31') + 1)).toBe('0100-01-01');
    expect(() => addDays('9999-12-31', 1)).toThrow(RangeError);
  });
});

describe('addMonths: Bộ luật Dân sự 2015 Điều 148(3) — no corresponding day → last day of that month', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-28'], // February 2026 has 28 days
    ['2024-01-31', 1, '2024-02-29'], // leap year
    ['2026-03-31', 1, '2026-04-30'],
    ['2026-01-15', 1, '2026-02-15'],
    ['2025-11-30', 3, '2026-02-28'], // Nov → Dec → Jan → Feb, clamped
    ['2026-12-31', 12, '2027-12-31'],
    ['2026-03-31', -1, '2026-02-28'],
  ])('%s + %i months = %s', (day, n, expected) => {
    expect(addMonths(day, n)).toBe(expected);
  });

  it('clamps only the result, not the months in between: 31/1 + 2 months = 31/3', () => {
    expect(addMonths('2026-01-31', 2)).toBe('2026-03-31');
  });
});

describe('national date-time yyyyMMddHHmmss (docs/domain.md §6: Asia/Ho_Chi_Minh)', () => {
  it('parses 20261008143005 as 08/10/2026 14:30:05 local = 07:30:05Z', () => {
    expect(parseNationalDateTime('20261008143005').toISOString()).toBe('2026-10-08T07:30:05.000Z');
  });

  it('formats back the same text', () => {
    expect(formatNationalDateTime(new Date('2026-10-08T14:30:05+07:00'))).toBe('20261008143005');
  });

  it.each(['2026100814300', '20261308143005', '20261008243005', '2026-10-08'])('rejects %s', (s) => {
    expect(() => parseNationalDateTime(s)).toThrow(RangeError);
  });
});
