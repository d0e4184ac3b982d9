// The working-day calendar (docs/domain.md §3.2 "Working-day calendar").
//
// Monday–Friday are working days and Saturday–Sunday are off, unless an exception says otherwise.
// Exceptions are admin data per year (public holidays, days off swapped with a Saturday,
// compensatory days off, Saturdays made working days); nothing about holidays is hard-coded here.
// All arithmetic is in UTC milliseconds on local day numbers (time.ts: UTC+7, no DST).

import {
  type Day,
  epochDayOf,
  fromEpochDay,
  localMidnightMs,
  MINUTES_PER_DAY,
  MS_PER_MINUTE,
  toEpochDay,
  weekdayOfEpochDay,
} from './time.ts';

export interface CalendarException {
  date: Day;
  working: boolean;
  note?: string | null;
}

export interface WorkingHours {
  sessions: ReadonlyArray<readonly [startMinute: number, endMinute: number]>;
}

/** 07:00–11:30 and 13:30–17:00 = 480 minutes; docs/domain.md §3.2 working hours (local practice). */
export const DEFAULT_WORKING_HOURS: WorkingHours = Object.freeze({
  sessions: Object.freeze([
    Object.freeze([7 * 60, 11 * 60 + 30] as const),
    Object.freeze([13 * 60 + 30, 17 * 60] as const),
  ]),
});

/** 8 working hours = 1 working day; docs/domain.md §3.2, Bộ luật Lao động 2019 Điều 105 (8 hours a day). */
export const MINUTES_PER_WORKING_DAY = 480;

/** A calendar with no working day for this many consecutive days is treated as misconfigured. */
export const MAX_CONSECUTIVE_DAYS_OFF = 366;

/** Longest span a calendar computation may walk (100 years): guards against runaway loops. */
export const MAX_CALENDAR_SPAN_DAYS = 36_525;

function validateHours(hours: WorkingHours): Array<readonly [number, number]> {
  const sessions = hours?.sessions;
  if (!Array.isArray(sessions) || sessions.length === 0) {
    throw new RangeError('Working hours need at least one session [startMinute, endMinute]');
  }
  let previousEnd = 0;
  return sessions.map(([start, end], i) => {
    if (
      !Number.isFinite(start) ||
      !Number.isFinite(end) ||
      start < previousEnd ||
      end <= start ||
      end > MINUTES_PER_DAY
    ) {
      throw new RangeError(
        `Working session ${i} [${start}, ${end}] must lie within 0–1440 minutes, end after it starts, and follow the previous session`,
      );
    }
    previousEnd = end;
    return [start * MS_PER_MINUTE, end * MS_PER_MINUTE] as const;
  });
}

export class WorkingCalendar {
  readonly hours: WorkingHours;
  /** Working minutes in one working day with these hours (480 with the default hours). */
  readonly minutesPerDay: number;
  private readonly exceptionsByDay = new Map<number, CalendarException>();
  private readonly sessionsMs: ReadonlyArray<readonly [number, number]>;

  /** Exceptions for the same date: the last one wins. docs/domain.md §3.2 (admin data per year). */
  constructor(exceptions: Iterable<CalendarException> = [], hours: WorkingHours = DEFAULT_WORKING_HOURS) {
    this.sessionsMs = validateHours(hours);
    this.hours = hours;
    this.minutesPerDay = hours.sessions.reduce((sum, [start, end]) => sum + (end - start), 0);
    for (const exception of exceptions) {
      if (typeof exception?.working !== 'boolean') {
        throw new RangeError(`Calendar exception for ${exception?.date} needs a boolean 'working'`);
      }
      this.exceptionsByDay.set(toEpochDay(exception.date), exception);
    }
  }

  /**
   * The same days (the same exceptions) with other working hours: a province's local practice
   * (docs/domain.md §3.2, domain/practice-settings.ts). Itself when the hours are the same.
   */
  withHours(hours: WorkingHours): WorkingCalendar {
    const same =
      hours.sessions.length === this.hours.sessions.length &&
      hours.sessions.every(
        ([s, e], i) => this.hours.sessions[i]![0] === s && this.hours.sessions[i]![1] === e,
      );
    return same ? this : new WorkingCalendar(this.exceptionsByDay.values(), hours);
  }

  /** The admin exception recorded for `day`, if any; docs/domain.md §3.2. */
  exception(day: Day): CalendarException | undefined {
    return this.exceptionsByDay.get(toEpochDay(day));
  }

  /** Mon–Fri work, Sat/Sun off, unless an exception says otherwise; docs/domain.md §3.2; holidays per Bộ luật Lao động 2019 Điều 112. */
  isWorkingDay(day: Day): boolean {
    return this.isWorkingEpochDay(toEpochDay(day));
  }

  /** The first working day strictly after `day`; docs/domain.md §3.2. */
  nextWorkingDay(day: Day): Day {
    return fromEpochDay(this.firstWorkingEpochDayFrom(toEpochDay(day) + 1));
  }

  /** `day` when it is a working day, else the next working day; Bộ luật Dân sự 2015 Điều 148(5). */
  workingDayOnOrAfter(day: Day): Day {
    return fromEpochDay(this.firstWorkingEpochDayFrom(toEpochDay(day)));
  }

  /** The last working day strictly before `day`; docs/domain.md §3.2. */
  previousWorkingDay(day: Day): Day {
    let n = toEpochDay(day) - 1;
    for (let off = 0; !this.isWorkingEpochDay(n); n--) {
      if (++off > MAX_CONSECUTIVE_DAYS_OFF) throw this.noWorkingDayError(day, 'before');
    }
    return fromEpochDay(n);
  }

  /** Start of the first session on `day` (07:00 with default hours), whether or not it is a working day; docs/domain.md §3.2. */
  startOfWorkingDay(day: Day): Date {
    return new Date(localMidnightMs(toEpochDay(day)) + this.sessionsMs[0]![0]);
  }

  /** End of the last session on `day` (17:00 with default hours), whether or not it is a working day; docs/domain.md §3.2. */
  endOfWorkingDay(day: Day): Date {
    return new Date(localMidnightMs(toEpochDay(day)) + this.sessionsMs[this.sessionsMs.length - 1]![1]);
  }

  /** Whether `instant` falls inside a working session [start, end) of a working day; docs/domain.md §3.2. */
  isWorkingTime(instant: Date): boolean {
    const t = instant.getTime();
    const epochDay = epochDayOf(instant);
    if (!this.isWorkingEpochDay(epochDay)) return false;
    const base = localMidnightMs(epochDay);
    return this.sessionsMs.some(([start, end]) => t >= base + start && t < base + end);
  }

  /** `from` if it is working time, else the start of the next working session; docs/domain.md §3.2 (counting starts there). */
  nextWorkingInstant(from: Date): Date {
    let result: number | undefined;
    this.walkSessions(from, (start) => {
      result = start;
      return true;
    });
    return new Date(result!);
  }

  /**
   * The first instant at which `minutes` working minutes have elapsed since `from`, skipping non-working
   * time (so a limit running out at 17:00 is due 17:00, not 07:00 the next day); 0 minutes → `from`.
   * docs/domain.md §3.3 "Due date = received time + time limit … skipping non-working time".
   */
  addWorkingMinutes(from: Date, minutes: number): Date {
    if (!Number.isFinite(minutes) || minutes < 0) {
      throw new RangeError(`Working minutes to add must be a finite number ≥ 0: ${minutes}`);
    }
    const t0 = from.getTime();
    let remaining = Math.round(minutes * MS_PER_MINUTE);
    if (remaining === 0) return new Date(t0);
    let result: number | undefined;
    this.walkSessions(from, (start, end) => {
      if (remaining <= end - start) {
        result = start + remaining;
        return true;
      }
      remaining -= end - start;
      return false;
    });
    return new Date(result!);
  }

  /** Working minutes in [from, to), 0 when to ≤ from (fractional for seconds); docs/domain.md §3.6 (supplement pause). */
  workingMinutesBetween(from: Date, to: Date): number {
    const t1 = to.getTime();
    if (!(t1 > from.getTime())) return 0;
    let total = 0;
    this.walkSessions(from, (start, end) => {
      if (start >= t1) return true;
      total += Math.min(end, t1) - start;
      return end >= t1;
    });
    return total / MS_PER_MINUTE;
  }

  private isWorkingEpochDay(epochDay: number): boolean {
    const exception = this.exceptionsByDay.get(epochDay);
    if (exception) return exception.working;
    const wd = weekdayOfEpochDay(epochDay);
    return wd !== 0 && wd !== 6;
  }

  private firstWorkingEpochDayFrom(epochDay: number): number {
    let n = epochDay;
    for (let off = 0; !this.isWorkingEpochDay(n); n++) {
      if (++off > MAX_CONSECUTIVE_DAYS_OFF) throw this.noWorkingDayError(fromEpochDay(epochDay), 'from');
    }
    return n;
  }

  /**
   * Calls `visit(start, end)` for each working interval at or after `from`, in order, clipped so that
   * `start ≥ from`, until `visit` returns true. Throws when the calendar has no working day for
   * MAX_CONSECUTIVE_DAYS_OFF days or the walk passes MAX_CALENDAR_SPAN_DAYS.
   */
  private walkSessions(from: Date, visit: (start: number, end: number) => boolean): void {
    const t0 = from.getTime();
    if (!Number.isFinite(t0)) throw new RangeError('Calendar computation needs a valid Date');
    const firstDay = epochDayOf(from);
    let daysOff = 0;
    for (let n = firstDay; n - firstDay <= MAX_CALENDAR_SPAN_DAYS; n++) {
      if (!this.isWorkingEpochDay(n)) {
        if (++daysOff > MAX_CONSECUTIVE_DAYS_OFF)
          throw this.noWorkingDayError(fromEpochDay(firstDay), 'from');
        continue;
      }
      daysOff = 0;
      const base = localMidnightMs(n);
      for (const [s, e] of this.sessionsMs) {
        const start = Math.max(base + s, t0);
        const end = base + e;
        if (start < end && visit(start, end)) return;
      }
    }
    throw new RangeError(`Calendar computation from ${fromEpochDay(firstDay)} spans more than 100 years`);
  }

  private noWorkingDayError(day: Day, direction: 'from' | 'before'): Error {
    return new Error(
      `Working calendar has no working day within ${MAX_CONSECUTIVE_DAYS_OFF} days ${direction} ${day}: check the calendar exceptions`,
    );
  }
}
