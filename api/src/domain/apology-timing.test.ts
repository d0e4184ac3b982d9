import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { apologyDeadline, isApologyTimely, withApologyTiming } from './apology-timing.ts';
import { type CalendarException, WorkingCalendar } from './calendar.ts';

// The real 2025–2026 calendar shipped as seed data: Sun 26/4/2026 Giỗ Tổ Hùng Vương with Mon 27/4 off
// in compensation, Thu 30/4 and Fri 1/5 holidays.
const holidays: CalendarException[] = JSON.parse(
  readFileSync(new URL('../../../prisma/seed-data/holidays.json', import.meta.url), 'utf8'),
);
const calendar = new WorkingCalendar(holidays);
const local = (s: string): Date => new Date(`${s.replace(' ', 'T')}:00+07:00`);

describe('an apology is issued no later than one working day before the due date (docs/domain.md §3.7)', () => {
  it('due on a Thursday: the deadline is the Wednesday, and a letter that Wednesday is timely', () => {
    // Due Thu 5/3/2026 08:00 → the working day before is Wed 4/3.
    expect(apologyDeadline(calendar, local('2026-03-05 08:00'))).toBe('2026-03-04');
    expect(isApologyTimely(calendar, local('2026-03-04 16:59'), local('2026-03-05 08:00'))).toBe(true);
    expect(isApologyTimely(calendar, local('2026-03-03 09:00'), local('2026-03-05 08:00'))).toBe(true);
    // On the due day itself, even before the due hour: late.
    expect(isApologyTimely(calendar, local('2026-03-05 07:00'), local('2026-03-05 08:00'))).toBe(false);
  });

  it('across a weekend: due on a Monday, the Friday is the last day; Saturday and Sunday are late', () => {
    // Due Mon 9/3/2026 → the working day before is Fri 6/3 (Sat 7/3, Sun 8/3 off).
    expect(apologyDeadline(calendar, local('2026-03-09 10:00'))).toBe('2026-03-06');
    expect(isApologyTimely(calendar, local('2026-03-06 17:30'), local('2026-03-09 10:00'))).toBe(true);
    expect(isApologyTimely(calendar, local('2026-03-07 09:00'), local('2026-03-09 10:00'))).toBe(false);
    expect(isApologyTimely(calendar, local('2026-03-08 09:00'), local('2026-03-09 10:00'))).toBe(false);
  });

  it('across holidays: due Mon 4/5/2026, the last day is Wed 29/4 (30/4, 1/5 and the weekend off)', () => {
    expect(apologyDeadline(calendar, local('2026-05-04 08:00'))).toBe('2026-04-29');
    expect(isApologyTimely(calendar, local('2026-04-29 15:00'), local('2026-05-04 08:00'))).toBe(true);
    expect(isApologyTimely(calendar, local('2026-04-30 09:00'), local('2026-05-04 08:00'))).toBe(false);
    // Due Tue 28/4: Mon 27/4 is the compensatory day off for Sun 26/4, so the last day is Fri 24/4.
    expect(apologyDeadline(calendar, local('2026-04-28 08:00'))).toBe('2026-04-24');
  });

  it('days are Asia/Ho_Chi_Minh days: 23:30 local on the Wednesday is still the Wednesday', () => {
    // 2026-03-04 23:30 +07:00 is 16:30 UTC the same day; 2026-03-05 00:30 +07:00 is Wed 17:30 UTC.
    expect(isApologyTimely(calendar, local('2026-03-04 23:30'), local('2026-03-05 08:00'))).toBe(true);
    expect(isApologyTimely(calendar, local('2026-03-05 00:30'), local('2026-03-05 08:00'))).toBe(false);
  });

  it('withApologyTiming checks APOLOGY rows only, against the due date each one moves', () => {
    const rows = withApologyTiming(calendar, [
      {
        reason: 'SUPPLEMENT',
        previousDueAt: local('2026-03-05 08:00'),
        newDueAt: local('2026-03-06 08:00'),
        apologyRef: null,
        changedAt: local('2026-03-04 08:00'),
      },
      {
        reason: 'APOLOGY',
        previousDueAt: local('2026-03-06 08:00'),
        newDueAt: local('2026-03-10 17:00'),
        apologyRef: 'XL-1',
        changedAt: local('2026-03-05 10:00'), // Thu 5/3 ≤ Thu 5/3 (the day before Fri 6/3): timely
      },
      {
        reason: 'APOLOGY',
        previousDueAt: local('2026-03-10 17:00'),
        newDueAt: local('2026-03-12 17:00'),
        apologyRef: 'XL-2',
        changedAt: local('2026-03-10 09:00'), // on the due day Tue 10/3 (deadline Mon 9/3): late
      },
    ]);
    expect(rows.map((r) => r.apologyTimely)).toEqual([null, true, false]);
  });
});
