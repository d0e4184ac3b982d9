import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type CalendarException, WorkingCalendar } from './calendar.ts';
import {
  dueDate,
  limitInWorkingMinutes,
  moveDueDateForPause,
  type TimeLimit,
  type TimeUnit,
} from './due-date.ts';
import { formatLocalIso } from './time.ts';

// The real 2025–2026 calendar shipped as seed data (holidays, swapped days off, working Saturdays).
const holidays: CalendarException[] = JSON.parse(
  readFileSync(new URL('../../../prisma/seed-data/holidays.json', import.meta.url), 'utf8'),
);
const calendar = new WorkingCalendar(holidays);

/** An instant written as Asia/Ho_Chi_Minh local time, 'YYYY-MM-DD HH:mm[:ss]'. */
const local = (s: string): Date => new Date(`${s.replace(' ', 'T')}${s.length === 16 ? ':00' : ''}+07:00`);
const due = (received: string, value: number, unit: TimeUnit, cutoff?: number): string =>
  formatLocalIso(
    dueDate(calendar, local(received), { value, unit }, { sameDayCutoffMinute: cutoff ?? null }),
  );

describe('WORKING_DAYS: n × 480 working minutes from reception, skipping non-working time (docs/domain.md §3.3)', () => {
  it.each([
    // received, n, expected due, how
    [
      '2026-03-02 07:00',
      1,
      '2026-03-02T17:00:00+07:00',
      'Mon 270 + 210 = 480 runs out at 17:00 → due 17:00 that day',
    ],
    ['2026-03-02 13:30', 1, '2026-03-03T11:30:00+07:00', 'Mon 210, then Tue 07:00 + 270 = 11:30 (not 13:30)'],
    [
      '2026-03-02 12:00',
      1,
      '2026-03-03T11:30:00+07:00',
      'received at lunch: counting starts 13:30, as above',
    ],
    [
      '2026-03-02 16:59',
      1,
      '2026-03-03T16:59:00+07:00',
      'Mon 1 min, Tue 270 + 209 → 13:30 + 209 min = 16:59',
    ],
    [
      '2026-03-02 18:00',
      1,
      '2026-03-03T17:00:00+07:00',
      'received in the evening: counting starts Tue 07:00',
    ],
    ['2026-03-06 19:00', 2, '2026-03-10T17:00:00+07:00', 'Friday evening: Mon 480 + Tue 480'],
    ['2026-03-07 09:00', 1, '2026-03-09T17:00:00+07:00', 'received on Saturday: counting starts Mon 07:00'],
    [
      '2026-09-02 09:00',
      1,
      '2026-09-03T17:00:00+07:00',
      'received on Quốc khánh 2/9: counting starts Thu 3/9',
    ],
    [
      '2026-03-02 07:00',
      0.5,
      '2026-03-02T11:00:00+07:00',
      '0.5 day = 240 min: 07:00 + 240 = 11:00 (the morning is 270)',
    ],
    ['2026-03-02 13:30', 0.5, '2026-03-03T07:30:00+07:00', 'Mon 210, then Tue 07:00 + 30'],
    ['2026-03-02 07:00', 1.5, '2026-03-03T11:00:00+07:00', '720 = Mon 480 + Tue 240 → 11:00'],
  ])('received %s + %d working days → %s (%s)', (received, n, expected) => {
    expect(due(received, n, 'WORKING_DAYS')).toBe(expected);
  });

  it('Tết 2026 (16–20/2 + weekends 14–15 and 21–22): Fri 13/2 14:00 + 1 day → Mon 23/2 14:00', () => {
    // Fri 14:00–17:00 = 180; 300 left; Mon 23/2 morning 270 → 30 left; 13:30 + 30 = 14:00.
    expect(due('2026-02-13 14:00', 1, 'WORKING_DAYS')).toBe('2026-02-23T14:00:00+07:00');
  });

  it('Tết 2026: Thu 12/2 08:00 + 3 days (1440 min) → Tue 24/2 08:00', () => {
    // Thu 210 + 210 = 420 (1020 left); Fri 13/2 480 (540 left); Mon 23/2 480 (60 left); Tue 24/2 07:00 + 60.
    expect(due('2026-02-12 08:00', 3, 'WORKING_DAYS')).toBe('2026-02-24T08:00:00+07:00');
  });

  it('15 working days across Tết: from Mon 2/2/2026 07:00 the 15th working day is Fri 27/2', () => {
    // 2–6/2 (5) + 9–13/2 (5) + Tết 16–20/2 skipped + 23–27/2 (5) = 15 → Fri 27/2 17:00.
    expect(due('2026-02-02 07:00', 15, 'WORKING_DAYS')).toBe('2026-02-27T17:00:00+07:00');
  });

  it('year boundary: Wed 31/12/2025 10:00 + 2 days → Tue 6/1/2026 10:00', () => {
    // Wed 90 + 210 = 300 (660 left); 1/1 holiday, 2/1 swapped off, 3–4/1 weekend; Mon 5/1 480 (180 left);
    // Tue 6/1 07:00 + 180 = 10:00.
    expect(due('2025-12-31 10:00', 2, 'WORKING_DAYS')).toBe('2026-01-06T10:00:00+07:00');
  });

  it('a Saturday made working counts: Fri 9/1/2026 08:00 + 1 day → Sat 10/1 08:00 (SWAP_WORKDAY)', () => {
    // Fri 210 + 210 = 420 (60 left); Sat 10/1 is a working day: 07:00 + 60 = 08:00.
    expect(due('2026-01-09 08:00', 1, 'WORKING_DAYS')).toBe('2026-01-10T08:00:00+07:00');
    // Without the calendar's exceptions that Saturday is off and the 60 minutes fall on Mon 12/1.
    const plain = formatLocalIso(
      dueDate(new WorkingCalendar(), local('2026-01-09 08:00'), { value: 1, unit: 'WORKING_DAYS' }),
    );
    expect(plain).toBe('2026-01-12T08:00:00+07:00');
  });

  it('30/4–1/5 2025 with the swap of Fri 2/5 to Sat 26/4', () => {
    // Fri 25/4 07:00: Fri 480 → day 1 ends Fri 17:00; day 2 is the working Sat 26/4.
    expect(due('2025-04-25 07:00', 2, 'WORKING_DAYS')).toBe('2025-04-26T17:00:00+07:00');
    // Days 3 and 4: Mon 28/4, Tue 29/4; 30/4, 1/5, 2/5 off, 3–4/5 weekend; day 5: Mon 5/5.
    expect(due('2025-04-25 07:00', 5, 'WORKING_DAYS')).toBe('2025-05-05T17:00:00+07:00');
  });

  it('30/4–1/5 2026: Wed 29/4 09:00 + 2 days → Tue 5/5 09:00', () => {
    // Wed 150 + 210 = 360 (600 left); Thu 30/4, Fri 1/5 holidays, weekend; Mon 4/5 480 (120 left); Tue 07:00 + 120.
    expect(due('2026-04-29 09:00', 2, 'WORKING_DAYS')).toBe('2026-05-05T09:00:00+07:00');
  });

  it('compensatory day off: Fri 24/4/2026 17:00 + 1 day → Tue 28/4 17:00 (Mon 27/4 off for Giỗ Tổ on Sunday)', () => {
    expect(due('2026-04-24 17:00', 1, 'WORKING_DAYS')).toBe('2026-04-28T17:00:00+07:00');
  });

  it('Quốc khánh 2026: Fri 28/8 16:00 + 1 day → Thu 3/9 16:00', () => {
    // Fri 60 (420 left); 29–30/8 weekend; 31/8 swapped off, 1/9 and 2/9 holidays; Thu 3/9 270 (150 left); 13:30 + 150.
    expect(due('2026-08-28 16:00', 1, 'WORKING_DAYS')).toBe('2026-09-03T16:00:00+07:00');
  });
});

describe('HOURS: n × 60 working minutes (HOURS are working hours, docs/domain.md §2.2)', () => {
  it.each([
    ['2026-03-02 09:00', 4, '2026-03-02T15:00:00+07:00', '09:00–11:30 = 150, 90 left → 13:30 + 90 = 15:00'],
    ['2026-03-02 07:00', 8, '2026-03-02T17:00:00+07:00', '8 hours = 1 working day → 17:00'],
    ['2026-03-06 16:00', 2, '2026-03-09T08:00:00+07:00', 'Fri 60, Mon 07:00 + 60'],
    ['2026-03-02 11:20', 0.25, '2026-03-02T13:35:00+07:00', '15 min: 10 before lunch, 5 after 13:30'],
    [
      '2026-02-17 10:00',
      1,
      '2026-02-23T08:00:00+07:00',
      'received on Mùng 1 Tết: counting starts Mon 23/2 07:00',
    ],
  ])('received %s + %d hours → %s (%s)', (received, n, expected) => {
    expect(due(received, n, 'HOURS')).toBe(expected);
  });
});

describe('DAYS: calendar days, Bộ luật Dân sự 2015 Điều 147–148', () => {
  // Điều 147(2): "ngày đầu tiên của thời hạn không được tính mà tính từ ngày tiếp theo";
  // Điều 148(5): last day a weekend or holiday → "kết thúc ngày làm việc tiếp theo ngày nghỉ đó".
  it.each([
    [
      '2026-03-02 10:00',
      3,
      '2026-03-05T17:00:00+07:00',
      'Mon 2/3 not counted; 3, 4, 5/3 → Thu 5/3 at the end of working hours',
    ],
    ['2026-03-02 10:00', 5, '2026-03-09T17:00:00+07:00', 'last day Sat 7/3 → next working day Mon 9/3'],
    ['2026-03-03 10:00', 5, '2026-03-09T17:00:00+07:00', 'last day Sun 8/3 → Mon 9/3'],
    ['2026-03-04 10:00', 5, '2026-03-09T17:00:00+07:00', 'last day Mon 9/3, a working day'],
    [
      '2026-03-07 09:00',
      3,
      '2026-03-10T17:00:00+07:00',
      'received Sat: Sun 8, Mon 9, Tue 10/3 (no shift of the start)',
    ],
    ['2026-03-02 22:00', 1, '2026-03-03T17:00:00+07:00', 'received in the evening: the next day is day 1'],
    [
      '2026-04-25 09:00',
      5,
      '2026-05-04T17:00:00+07:00',
      'last day Thu 30/4 holiday, 1/5 holiday, weekend → Mon 4/5',
    ],
    [
      '2026-01-06 09:00',
      4,
      '2026-01-10T17:00:00+07:00',
      'last day Sat 10/1 is a working Saturday → ends there',
    ],
    [
      '2025-12-29 09:00',
      3,
      '2026-01-05T17:00:00+07:00',
      'last day 1/1/2026 holiday; 2/1 off; weekend → Mon 5/1',
    ],
    ['2026-01-20 09:00', 30, '2026-02-23T17:00:00+07:00', '20/1 + 30 = 19/2 (Tết Mùng 3) → Mon 23/2'],
  ])('received %s + %d days → %s (%s)', (received, n, expected) => {
    expect(due(received, n, 'DAYS')).toBe(expected);
  });
});

describe('MONTHS: Bộ luật Dân sự 2015 Điều 148(3) and (5)', () => {
  // Điều 148(3): ends on the corresponding day of the last month; no such day → the month's last day.
  it.each([
    ['2026-01-31 10:00', 1, '2026-03-02T17:00:00+07:00', '31/1 + 1 month = 28/2 (Sat) → Mon 2/3'],
    ['2024-01-31 10:00', 1, '2024-02-29T17:00:00+07:00', 'leap year: 29/2/2024 is a Thursday'],
    ['2026-01-15 10:00', 1, '2026-02-23T17:00:00+07:00', '15/2 Sun, 16–20/2 Tết, 21–22 weekend → Mon 23/2'],
    [
      '2026-03-31 10:00',
      1,
      '2026-05-04T17:00:00+07:00',
      '30/4 (no 31/4), holiday; 1/5 holiday; weekend → Mon 4/5',
    ],
    ['2025-12-31 10:00', 2, '2026-03-02T17:00:00+07:00', '31/12 + 2 months = 28/2/2026 (Sat) → Mon 2/3'],
    ['2026-06-10 10:00', 3, '2026-09-10T17:00:00+07:00', '10/9/2026, a Thursday'],
  ])('received %s + %d months → %s (%s)', (received, n, expected) => {
    expect(due(received, n, 'MONTHS')).toBe(expected);
  });
});

describe('same-day procedures with a cut-off hour (docs/domain.md §2.3)', () => {
  // "Giải quyết ngay trong ngày tiếp nhận; trường hợp nhận hồ sơ sau 15 giờ … thì trả kết quả trong
  // ngày làm việc tiếp theo": 1 WORKING_DAYS with sameDayCutoffMinute 900 (15:00).
  it.each([
    ['2026-03-02 08:00', '2026-03-02T17:00:00+07:00', 'morning of a working day → end of that day'],
    ['2026-03-02 14:59', '2026-03-02T17:00:00+07:00', 'before the cut-off'],
    ['2026-03-02 15:00:00', '2026-03-02T17:00:00+07:00', 'at 15:00 exactly: not "after 15 giờ"'],
    ['2026-03-02 15:00:01', '2026-03-03T17:00:00+07:00', 'one second after the cut-off → next working day'],
    ['2026-03-02 16:59', '2026-03-03T17:00:00+07:00', 'after the cut-off'],
    ['2026-03-02 06:30', '2026-03-02T17:00:00+07:00', 'online before opening: still the same day'],
    ['2026-03-02 20:00', '2026-03-03T17:00:00+07:00', 'evening'],
    ['2026-03-07 09:00', '2026-03-09T17:00:00+07:00', 'Saturday → end of Monday'],
    ['2026-01-01 08:00', '2026-01-05T17:00:00+07:00', 'on a holiday (1/1) → 2/1 off, weekend → Mon 5/1'],
    ['2025-12-31 15:30', '2026-01-05T17:00:00+07:00', 'after the cut-off on the last working day of 2025'],
    ['2026-01-09 16:00', '2026-01-10T17:00:00+07:00', 'Friday after the cut-off → the working Saturday 10/1'],
    ['2026-01-10 10:00', '2026-01-10T17:00:00+07:00', 'on the working Saturday itself'],
    ['2026-02-13 15:30', '2026-02-23T17:00:00+07:00', 'Friday before Tết after the cut-off → Mon 23/2'],
  ])('received %s → %s (%s)', (received, expected) => {
    expect(due(received, 1, 'WORKING_DAYS', 900)).toBe(expected);
  });

  it('is not "8 working hours from receipt"', () => {
    // Without the same-day rule, 10:00 + 480 min = Tue 10:00; with it, Mon 17:00.
    expect(due('2026-03-02 10:00', 1, 'WORKING_DAYS')).toBe('2026-03-03T10:00:00+07:00');
    expect(due('2026-03-02 10:00', 1, 'WORKING_DAYS', 900)).toBe('2026-03-02T17:00:00+07:00');
  });

  it('the cut-off is ignored for any limit other than 1 working day', () => {
    // 3 days from Mon 16:00: Mon 60, Tue 480, Wed 480 (420 left), Thu 270 + 150 → 16:00.
    expect(due('2026-03-02 16:00', 3, 'WORKING_DAYS', 900)).toBe('2026-03-05T16:00:00+07:00');
    expect(due('2026-03-02 16:00', 8, 'HOURS', 900)).toBe('2026-03-03T16:00:00+07:00');
  });

  it('rejects a cut-off that is not a minute of the day', () => {
    expect(() => due('2026-03-02 10:00', 1, 'WORKING_DAYS', -1)).toThrow(RangeError);
    expect(() => due('2026-03-02 10:00', 1, 'WORKING_DAYS', 1441)).toThrow(RangeError);
  });
});

describe('time-limit validation', () => {
  it.each([
    [{ value: 0, unit: 'WORKING_DAYS' }],
    [{ value: -3, unit: 'DAYS' }],
    [{ value: Number.NaN, unit: 'HOURS' }],
    [{ value: Number.POSITIVE_INFINITY, unit: 'WORKING_DAYS' }],
    [{ value: 1.5, unit: 'DAYS' }], // Điều 147–148 count whole days
    [{ value: 0.5, unit: 'MONTHS' }],
    [{ value: 3, unit: 'WEEKS' }],
  ])('throws a RangeError for %j', (limit) => {
    expect(() => dueDate(calendar, local('2026-03-02 10:00'), limit as TimeLimit)).toThrow(RangeError);
  });

  it('rejects an invalid reception time', () => {
    expect(() => dueDate(calendar, new Date('x'), { value: 1, unit: 'DAYS' })).toThrow(RangeError);
  });

  it('limitInWorkingMinutes: 3 working days = 1440, 4 hours = 240, calendar days have none', () => {
    expect(limitInWorkingMinutes({ value: 3, unit: 'WORKING_DAYS' })).toBe(1440);
    expect(limitInWorkingMinutes({ value: 4, unit: 'HOURS' })).toBe(240);
    expect(limitInWorkingMinutes({ value: 5, unit: 'DAYS' })).toBeNull();
  });
});

describe('moveDueDateForPause: the due date moves by the working time of the supplement pause (docs/domain.md §3.6)', () => {
  const move = (dueAt: string, from: string, to: string) =>
    formatLocalIso(moveDueDateForPause(calendar, local(dueAt), local(from), local(to)));

  it('two working days of pause move the due date two working days', () => {
    // Paused Mon 2/3 10:00 → Wed 4/3 10:00: Mon 90 + 210, Tue 480, Wed 180 = 960 min.
    // Due Fri 6/3 17:00 + 960 → Mon 9/3 17:00 (480) → Tue 10/3 17:00 (960).
    expect(move('2026-03-06 17:00', '2026-03-02 10:00', '2026-03-04 10:00')).toBe(
      '2026-03-10T17:00:00+07:00',
    );
  });

  it('an hour of pause across lunch moves a 17:00 due date to 08:00 of the next working day', () => {
    // 11:00–11:30 (30) + 13:30–14:00 (30) = 60; Fri 17:00 + 60 → Mon 9/3 08:00.
    expect(move('2026-03-06 17:00', '2026-03-02 11:00', '2026-03-02 14:00')).toBe(
      '2026-03-09T08:00:00+07:00',
    );
  });

  it('a pause over Tết counts only working time', () => {
    // Fri 13/2 16:00 → Mon 23/2 08:00: 60 + 60 = 120; due Wed 25/2 17:00 + 120 → Thu 26/2 09:00.
    expect(move('2026-02-25 17:00', '2026-02-13 16:00', '2026-02-23 08:00')).toBe(
      '2026-02-26T09:00:00+07:00',
    );
  });

  it('a moved due date may land on a working Saturday', () => {
    // Paused one full day (Mon 5/1/2026 07:00–17:00 = 480); due Fri 9/1 17:00 → Sat 10/1 17:00.
    expect(move('2026-01-09 17:00', '2026-01-05 07:00', '2026-01-05 17:00')).toBe(
      '2026-01-10T17:00:00+07:00',
    );
  });

  it('a pause without working time (a weekend) or a reversed interval leaves it unchanged', () => {
    expect(move('2026-03-10 17:00', '2026-03-06 17:00', '2026-03-09 07:00')).toBe(
      '2026-03-10T17:00:00+07:00',
    );
    expect(move('2026-03-10 17:00', '2026-03-04 10:00', '2026-03-02 10:00')).toBe(
      '2026-03-10T17:00:00+07:00',
    );
  });
});
