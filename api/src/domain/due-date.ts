// Due dates (ngày hẹn trả) from the reception time and the procedure's time limit.
// docs/domain.md §2.2–§2.3 (time limit per channel, same-day procedures) and §3.2 (working-day calendar);
// docs/domain.md §3.3 (the first instant the limit has elapsed) and §3.6 (supplements move the due date).

import { MINUTES_PER_WORKING_DAY, type WorkingCalendar } from './calendar.ts';
import { addDays, addMonths, atLocalMinute, type Day, dayOf, MINUTES_PER_DAY } from './time.ts';

/** National DONVITINH; HOURS are working hours. */
export type TimeUnit = 'HOURS' | 'DAYS' | 'WORKING_DAYS' | 'MONTHS';

export const TIME_UNITS: readonly TimeUnit[] = ['HOURS', 'DAYS', 'WORKING_DAYS', 'MONTHS'];

export interface TimeLimit {
  value: number;
  unit: TimeUnit;
}

export interface DueDateOptions {
  /**
   * Same-day procedures: minute of the day (e.g. 900 = 15:00) after which a dossier is due the next
   * working day. Applies only with a limit of exactly 1 WORKING_DAYS; ignored for any other limit.
   */
  sameDayCutoffMinute?: number | null;
}

/** Checks a time limit: value finite and > 0; DAYS and MONTHS whole numbers. docs/domain.md §2.2 (DONVITINH). */
export function validateTimeLimit(limit: TimeLimit): void {
  if (!TIME_UNITS.includes(limit?.unit)) {
    throw new RangeError(
      `Unknown time-limit unit ${JSON.stringify(limit?.unit)} (expected ${TIME_UNITS.join(', ')})`,
    );
  }
  if (typeof limit.value !== 'number' || !Number.isFinite(limit.value) || limit.value <= 0) {
    throw new RangeError(`Time-limit value must be a finite number > 0, got ${limit.value} ${limit.unit}`);
  }
  if ((limit.unit === 'DAYS' || limit.unit === 'MONTHS') && !Number.isInteger(limit.value)) {
    // Bộ luật Dân sự 2015 Điều 147–148 count whole days and months; a fraction has no legal end day.
    throw new RangeError(`A limit in ${limit.unit} must be a whole number, got ${limit.value}`);
  }
}

/** Working minutes of a HOURS or WORKING_DAYS limit (8 h = 1 working day); null for DAYS/MONTHS. docs/domain.md §3.2. */
export function limitInWorkingMinutes(limit: TimeLimit): number | null {
  validateTimeLimit(limit);
  if (limit.unit === 'HOURS') return limit.value * 60;
  if (limit.unit === 'WORKING_DAYS') return limit.value * MINUTES_PER_WORKING_DAY;
  return null;
}

/**
 * The due date of a dossier received at `receivedAt` under `limit`.
 * docs/domain.md §3.3; Bộ luật Dân sự 2015 Điều 147–148 for DAYS and MONTHS.
 *
 * - WORKING_DAYS n / HOURS n: n×480 / n×60 working minutes from `receivedAt` (from the next working
 *   instant when received outside working time); due at the first instant they have elapsed.
 * - DAYS n / MONTHS n: the reception day is not counted (Điều 147(2)); the period ends on reception
 *   day + n days / + n months (clamped to the month's end, Điều 148(3)), at the end of that day's
 *   working hours; when that day is not a working day, at the end of the next working day (Điều 148(5)).
 *   Điều 148(6) puts the end at 24:00; the end of working hours is used so that a printed due date
 *   lies in office hours, which changes nothing when timeliness is compared by day (docs/domain.md §3.8).
 * - Same-day procedures (cut-off set, limit 1 WORKING_DAYS; docs/domain.md §2.3): due at the end of the
 *   reception day when it is a working day and the dossier came at or before the cut-off, else at the
 *   end of the next working day.
 */
export function dueDate(
  calendar: WorkingCalendar,
  receivedAt: Date,
  limit: TimeLimit,
  options: DueDateOptions = {},
): Date {
  validateTimeLimit(limit);
  if (!Number.isFinite(receivedAt?.getTime?.())) throw new RangeError('receivedAt is not a valid Date');
  const cutoff = options.sameDayCutoffMinute;
  if (cutoff != null && limit.unit === 'WORKING_DAYS' && limit.value === 1) {
    return sameDayDueDate(calendar, receivedAt, cutoff);
  }
  switch (limit.unit) {
    case 'HOURS':
    case 'WORKING_DAYS':
      return calendar.addWorkingMinutes(receivedAt, limitInWorkingMinutes(limit)!);
    case 'DAYS':
      return endOfPeriodDay(calendar, addDays(dayOf(receivedAt), limit.value));
    case 'MONTHS':
      return endOfPeriodDay(calendar, addMonths(dayOf(receivedAt), limit.value));
  }
}

/** "Giải quyết ngay trong ngày; … nhận hồ sơ sau 15 giờ … trả kết quả trong ngày làm việc tiếp theo"; docs/domain.md §2.3. */
export function sameDayDueDate(calendar: WorkingCalendar, receivedAt: Date, cutoffMinute: number): Date {
  if (!Number.isFinite(cutoffMinute) || cutoffMinute < 0 || cutoffMinute > MINUTES_PER_DAY) {
    throw new RangeError(`Same-day cut-off must be a minute of the day (0–1440), got ${cutoffMinute}`);
  }
  const day = dayOf(receivedAt);
  const inTime =
    calendar.isWorkingDay(day) && receivedAt.getTime() <= atLocalMinute(day, cutoffMinute).getTime();
  return calendar.endOfWorkingDay(inTime ? day : calendar.nextWorkingDay(day));
}

/** End of a period's last day, or of the next working day when it is a day off; Bộ luật Dân sự 2015 Điều 148(5). */
export function endOfPeriodDay(calendar: WorkingCalendar, lastDay: Day): Date {
  return calendar.endOfWorkingDay(calendar.workingDayOnOrAfter(lastDay));
}

/**
 * The due date after a supplement pause: it moves by the working time between the request and the
 * answer (an interval with no working time, or a reversed one, leaves it unchanged).
 * docs/domain.md §3.6 "Supplement requests pause the clock … the due date moves accordingly".
 */
export function moveDueDateForPause(
  calendar: WorkingCalendar,
  dueAt: Date,
  pausedFrom: Date,
  pausedTo: Date,
): Date {
  const paused = calendar.workingMinutesBetween(pausedFrom, pausedTo);
  return paused > 0 ? calendar.addWorkingMinutes(dueAt, paused) : new Date(dueAt.getTime());
}
