import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  type CalendarException,
  DEFAULT_WORKING_HOURS,
  MINUTES_PER_WORKING_DAY,
  WorkingCalendar,
} from './calendar.ts';
import { addDays, formatLocalIso } from './time.ts';

// The real 2025–2026 calendar shipped as seed data (holidays, swapped days off, working Saturdays).
const holidays: CalendarException[] = JSON.parse(
  readFileSync(new URL('../../../prisma/seed-data/holidays.json', import.meta.url), 'utf8'),
);
const calendar = new WorkingCalendar(holidays);

/** An instant written as Asia/Ho_Chi_Minh local time, 'YYYY-MM-DD HH:mm[:ss]'. */
const local = (s: string): Date => new Date(`${s.replace(' ', 'T')}${s.length === 16 ? ':00' : ''}+07:00`);
const iso = (d: Date): string => formatLocalIso(d);

describe('working hours: 07:00–11:30 and 13:30–17:00, 8 hours = 1 working day (docs/domain.md §3.2)', () => {
  it('default sessions add up to 480 minutes: (11:30 − 07:00) + (17:00 − 13:30) = 270 + 210', () => {
    expect(DEFAULT_WORKING_HOURS.sessions).toEqual([
      [420, 690],
      [810, 1020],
    ]);
    expect(calendar.minutesPerDay).toBe(480);
    expect(MINUTES_PER_WORKING_DAY).toBe(480);
  });

  it('startOfWorkingDay is 07:00 and endOfWorkingDay 17:00 local', () => {
    expect(iso(calendar.startOfWorkingDay('2026-03-02'))).toBe('2026-03-02T07:00:00+07:00');
    expect(iso(calendar.endOfWorkingDay('2026-03-02'))).toBe('2026-03-02T17:00:00+07:00');
  });

  it.each([
    ['2026-03-02 06:59', false],
    ['2026-03-02 07:00', true],
    ['2026-03-02 11:29', true],
    ['2026-03-02 11:30', false], // sessions are [start, end): 11:30 is lunch
    ['2026-03-02 12:15', false],
    ['2026-03-02 13:30', true],
    ['2026-03-02 16:59', true],
    ['2026-03-02 17:00', false],
    ['2026-03-07 09:00', false], // ordinary Saturday
    ['2026-01-10 09:00', true], // swapped Saturday (SWAP_WORKDAY)
    ['2026-02-17 09:00', false], // Mùng 1 Tết
  ])('isWorkingTime(%s) = %s', (s, expected) => {
    expect(calendar.isWorkingTime(local(s))).toBe(expected);
  });

  it('other hours can be configured: 08:00–12:00 and 13:00–17:00 is also 480 minutes', () => {
    const cal = new WorkingCalendar(holidays, {
      sessions: [
        [480, 720],
        [780, 1020],
      ],
    });
    expect(cal.minutesPerDay).toBe(480);
    // 08:00 + 240 min = 12:00, the end of the morning session.
    expect(iso(cal.addWorkingMinutes(local('2026-03-02 08:00'), 240))).toBe('2026-03-02T12:00:00+07:00');
  });

  it.each([
    [[]],
    [[[690, 420]]], // ends before it starts
    [
      [
        [420, 720],
        [700, 1020],
      ],
    ], // overlapping
    [[[420, 1500]]], // past midnight
  ])('rejects invalid working hours %j', (sessions) => {
    expect(() => new WorkingCalendar([], { sessions: sessions as [number, number][] })).toThrow(RangeError);
  });
});

describe('working days: Sat/Sun off, holidays and swaps are admin data (docs/domain.md §3.2)', () => {
  it.each([
    ['2026-03-02', true, 'ordinary Monday'],
    ['2026-03-06', true, 'ordinary Friday'],
    ['2026-03-07', false, 'ordinary Saturday'],
    ['2026-03-08', false, 'ordinary Sunday'],
    ['2026-01-01', false, 'Tết Dương lịch (HOLIDAY)'],
    ['2026-01-02', false, 'Friday swapped off (SWAP_DAY_OFF)'],
    ['2026-01-10', true, 'Saturday made working (SWAP_WORKDAY)'],
    ['2025-04-26', true, 'Saturday made working for 02/5/2025 (SWAP_WORKDAY)'],
    ['2025-05-02', false, 'Friday swapped off (SWAP_DAY_OFF)'],
    ['2026-02-16', false, 'Tết Nguyên đán, Giao thừa'],
    ['2026-02-20', false, 'Tết Nguyên đán, Mùng 4'],
    ['2026-02-23', true, 'first working day after Tết 2026'],
    ['2026-04-26', false, 'Giỗ Tổ on a Sunday'],
    ['2026-04-27', false, 'compensatory day off (COMPENSATORY_DAY_OFF)'],
    ['2026-04-30', false, '30/4'],
    ['2026-05-01', false, '1/5'],
    ['2026-08-22', true, 'Saturday made working for 31/8/2026'],
    ['2026-08-31', false, 'Monday swapped off'],
    ['2026-09-01', false, 'Quốc khánh, adjacent day'],
    ['2026-09-02', false, 'Quốc khánh'],
  ])('%s working = %s (%s)', (day, expected) => {
    expect(calendar.isWorkingDay(day)).toBe(expected);
  });

  it('every SWAP_WORKDAY entry of holidays.json is a Saturday that counts as a working day', () => {
    const swaps = (holidays as Array<CalendarException & { kind: string }>).filter(
      (h) => h.kind === 'SWAP_WORKDAY',
    );
    expect(swaps.map((h) => h.date)).toEqual(['2025-04-26', '2026-01-10', '2026-08-22']);
    for (const swap of swaps) expect(calendar.isWorkingDay(swap.date)).toBe(true);
  });

  it('compensation is never derived: without its own entry, the Monday after a Sunday holiday is working', () => {
    const onlySunday = new WorkingCalendar([{ date: '2026-04-26', working: false }]);
    expect(onlySunday.isWorkingDay('2026-04-27')).toBe(true);
    expect(calendar.isWorkingDay('2026-04-27')).toBe(false); // the seed file lists it
  });

  it('without exceptions only weekends are off', () => {
    const plain = new WorkingCalendar();
    expect(plain.isWorkingDay('2026-02-17')).toBe(true);
    expect(plain.isWorkingDay('2026-01-10')).toBe(false);
  });

  it('for a date listed twice the last exception wins', () => {
    const cal = new WorkingCalendar([
      { date: '2026-03-04', working: false, note: 'draft' },
      { date: '2026-03-04', working: true, note: 'corrected' },
    ]);
    expect(cal.isWorkingDay('2026-03-04')).toBe(true);
    expect(cal.exception('2026-03-04')?.note).toBe('corrected');
  });

  it('rejects an invalid exception date', () => {
    expect(() => new WorkingCalendar([{ date: '2026-02-30', working: false }])).toThrow(RangeError);
  });

  it('whole years: 2025 and 2026 each have 250 working days = 120,000 working minutes', () => {
    // 2026 starts on a Thursday: 52 weeks + 1 Thursday = 261 weekdays. Weekdays off in the file:
    // 1/1, 2/1, 16–20/2 (5), 27/4, 30/4, 1/5, 31/8, 1/9, 2/9 = 13 (26/4 is a Sunday). Working
    // Saturdays 10/1 and 22/8 = +2. 261 − 13 + 2 = 250.
    // 2025 starts on a Wednesday: 261 weekdays. Off: 1/1, 27–31/1 (5), 7/4, 30/4, 1/5, 2/5, 1/9, 2/9 = 12.
    // Working Saturday 26/4 = +1. 261 − 12 + 1 = 250.
    const minutes = (year: number) =>
      calendar.workingMinutesBetween(local(`${year}-01-01 00:00`), local(`${year + 1}-01-01 00:00`));
    expect(minutes(2026)).toBe(250 * 480);
    expect(minutes(2025)).toBe(250 * 480);
  });
});

describe('nextWorkingDay / workingDayOnOrAfter / previousWorkingDay', () => {
  it.each([
    ['2026-03-02', '2026-03-03', 'strictly after: Monday → Tuesday'],
    ['2026-03-06', '2026-03-09', 'Friday → Monday'],
    ['2026-02-13', '2026-02-23', 'Friday before Tết → Monday 23/2 (14–22/2 off)'],
    ['2025-12-31', '2026-01-05', '1/1 holiday, 2/1 swapped off, 3–4/1 weekend'],
    ['2026-01-09', '2026-01-10', 'Friday → the working Saturday'],
    ['2026-01-10', '2026-01-12', 'working Saturday → Monday'],
    ['2026-04-24', '2026-04-28', '27/4 compensatory day off'],
    ['2026-08-28', '2026-09-03', '29–30/8 weekend, 31/8–2/9 off'],
  ])('nextWorkingDay(%s) = %s (%s)', (day, expected) => {
    expect(calendar.nextWorkingDay(day)).toBe(expected);
  });

  it('workingDayOnOrAfter keeps a working day and moves a day off forward', () => {
    expect(calendar.workingDayOnOrAfter('2026-03-02')).toBe('2026-03-02');
    expect(calendar.workingDayOnOrAfter('2026-01-10')).toBe('2026-01-10');
    expect(calendar.workingDayOnOrAfter('2026-02-14')).toBe('2026-02-23');
    expect(calendar.workingDayOnOrAfter('2026-04-26')).toBe('2026-04-28');
  });

  it('previousWorkingDay goes back over Tết', () => {
    expect(calendar.previousWorkingDay('2026-02-23')).toBe('2026-02-13');
    expect(calendar.previousWorkingDay('2026-01-12')).toBe('2026-01-10');
  });
});

describe('nextWorkingInstant: counting starts at the next working instant', () => {
  it.each([
    ['2026-03-02 09:15', '2026-03-02T09:15:00+07:00', 'inside a session: unchanged'],
    ['2026-03-02 06:00', '2026-03-02T07:00:00+07:00', 'before opening'],
    ['2026-03-02 12:00', '2026-03-02T13:30:00+07:00', 'lunch'],
    ['2026-03-02 11:30', '2026-03-02T13:30:00+07:00', 'the morning session ends at 11:30'],
    ['2026-03-06 17:00', '2026-03-09T07:00:00+07:00', 'Friday evening → Monday'],
    ['2026-02-17 10:00', '2026-02-23T07:00:00+07:00', 'Tết'],
  ])('%s → %s (%s)', (from, expected) => {
    expect(iso(calendar.nextWorkingInstant(local(from)))).toBe(expected);
  });
});

describe('addWorkingMinutes: the first instant the amount has elapsed (docs/domain.md §3.3)', () => {
  it.each([
    [
      '2026-03-02 07:00',
      480,
      '2026-03-02T17:00:00+07:00',
      '270 + 210 = 480 ends at 17:00, not 07:00 next day',
    ],
    ['2026-03-02 07:00', 270, '2026-03-02T11:30:00+07:00', 'the morning session exactly: 11:30, not 13:30'],
    ['2026-03-02 07:00', 271, '2026-03-02T13:31:00+07:00', 'one minute past the morning → 13:31'],
    ['2026-03-02 16:59', 1, '2026-03-02T17:00:00+07:00', 'the last minute of the day'],
    ['2026-03-02 16:59', 2, '2026-03-03T07:01:00+07:00', '1 min Monday + 1 min Tuesday'],
    ['2026-03-02 12:00', 60, '2026-03-02T14:30:00+07:00', 'from lunch, counting starts 13:30'],
    ['2026-03-07 10:00', 480, '2026-03-09T17:00:00+07:00', 'from Saturday, counting starts Monday 07:00'],
    ['2026-01-09 16:00', 120, '2026-01-10T08:00:00+07:00', '60 min Friday + 60 min on the working Saturday'],
    ['2026-03-02 07:00', 0.5, '2026-03-02T07:00:30+07:00', 'fractions of a minute are kept (30 s)'],
  ])('%s + %d min = %s (%s)', (from, minutes, expected) => {
    expect(iso(calendar.addWorkingMinutes(local(from), minutes))).toBe(expected);
  });

  it('adding 0 returns the same instant, even outside working time', () => {
    const sat = local('2026-03-07 10:00');
    expect(calendar.addWorkingMinutes(sat, 0).getTime()).toBe(sat.getTime());
  });

  it('rejects negative, NaN and infinite amounts', () => {
    const from = local('2026-03-02 07:00');
    for (const bad of [-1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => calendar.addWorkingMinutes(from, bad)).toThrow(RangeError);
    }
  });

  it('is the inverse of workingMinutesBetween, and its result is the first such instant', () => {
    const starts = [
      '2026-02-12 10:17',
      '2025-12-31 16:45',
      '2026-08-21 12:00',
      '2026-04-29 07:00',
      '2026-01-09 16:30',
    ];
    for (const start of starts) {
      const from = local(start);
      for (const minutes of [1, 45, 270, 479, 480, 481, 1000, 2400, 7200]) {
        const due = calendar.addWorkingMinutes(from, minutes);
        expect(calendar.workingMinutesBetween(from, due)).toBe(minutes);
        expect(calendar.workingMinutesBetween(from, new Date(due.getTime() - 1))).toBeLessThan(minutes);
      }
    }
  });
});

describe('workingMinutesBetween: working minutes in [from, to)', () => {
  it.each([
    ['2026-03-02 07:00', '2026-03-02 17:00', 480, 'one full day'],
    ['2026-03-02 11:00', '2026-03-02 14:00', 60, '11:00–11:30 (30) + 13:30–14:00 (30)'],
    ['2026-03-02 00:00', '2026-03-09 00:00', 2400, 'an ordinary week: 5 × 480'],
    ['2026-01-05 00:00', '2026-01-12 00:00', 2880, 'the week with the working Saturday 10/1: 6 × 480'],
    ['2025-12-29 00:00', '2026-01-05 00:00', 1440, 'Mon 29 – Wed 31/12 only: 1/1 holiday, 2/1 off = 3 × 480'],
    ['2026-02-13 07:00', '2026-02-23 07:00', 480, 'Tết 2026: only Friday 13/2'],
    ['2026-03-02 07:00:00', '2026-03-02 07:00:30', 0.5, 'seconds give fractions'],
    ['2026-03-02 17:00', '2026-03-02 07:00', 0, 'to before from'],
    ['2026-03-02 09:00', '2026-03-02 09:00', 0, 'empty interval'],
  ])('%s → %s = %d (%s)', (from, to, expected) => {
    expect(calendar.workingMinutesBetween(local(from), local(to))).toBe(expected);
  });
});

describe('runaway guard', () => {
  // Every day of 2030–2031 marked as a day off: no working day for more than 366 days.
  const closed: CalendarException[] = [];
  for (let day = '2030-01-01'; day < '2032-01-01'; day = addDays(day, 1))
    closed.push({ date: day, working: false });
  const broken = new WorkingCalendar(closed);

  it('nextWorkingDay throws a clear Error instead of looping', () => {
    expect(() => broken.nextWorkingDay('2030-01-01')).toThrow(/no working day within 366 days/);
    expect(() => broken.previousWorkingDay('2031-12-31')).toThrow(/no working day within 366 days/);
  });

  it('addWorkingMinutes throws too', () => {
    expect(() => broken.addWorkingMinutes(local('2030-01-01 08:00'), 480)).toThrow(
      /check the calendar exceptions/,
    );
  });

  it('a limit longer than 100 years is refused', () => {
    expect(() => calendar.addWorkingMinutes(local('2026-03-02 07:00'), 480 * 261 * 101)).toThrow(/100 years/);
  });
});
