// Days and instants in Asia/Ho_Chi_Minh.
//
// Vietnam has kept UTC+7 without daylight-saving time since 1975 (one clock for the whole country),
// so Asia/Ho_Chi_Minh is a fixed offset and local days are computed with arithmetic instead of Intl
// time-zone data. Instants older than 1975 (UTC+8 in the South at times) are not supported.

/** 'YYYY-MM-DD', a day in Asia/Ho_Chi_Minh. */
export type Day = string;

export const UTC_OFFSET_MINUTES = 7 * 60;
export const MINUTES_PER_DAY = 24 * 60;
export const MS_PER_MINUTE = 60_000;
export const MS_PER_DAY = MINUTES_PER_DAY * MS_PER_MINUTE;
const OFFSET_MS = UTC_OFFSET_MINUTES * MS_PER_MINUTE;

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const NATIONAL_PATTERN = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a month of the proleptic Gregorian calendar (Bộ luật Dân sự 2015 Điều 148(3) needs the month's last day). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function checkInstant(instant: Date, what = 'instant'): number {
  const ms = instant instanceof Date ? instant.getTime() : Number.NaN;
  if (!Number.isFinite(ms)) throw new RangeError(`${what} is not a valid Date`);
  return ms;
}

function parseDay(day: Day): { year: number; month: number; date: number } {
  const m = DAY_PATTERN.exec(day);
  if (m) {
    const year = Number(m[1]);
    const month = Number(m[2]);
    const date = Number(m[3]);
    if (month >= 1 && month <= 12 && date >= 1 && date <= daysInMonth(year, month)) {
      return { year, month, date };
    }
  }
  throw new RangeError(`Not a valid day (YYYY-MM-DD): ${JSON.stringify(day)}`);
}

function civilToEpochDay(year: number, month: number, date: number): number {
  // setUTCFullYear, unlike Date.UTC, does not map years 0–99 to 1900–1999.
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, date);
  return Math.round(d.getTime() / MS_PER_DAY);
}

/** Strict 'YYYY-MM-DD' naming a real date (GraphQL scalar Date). */
export function isValidDay(s: string): boolean {
  if (typeof s !== 'string') return false;
  try {
    parseDay(s);
    return true;
  } catch {
    return false;
  }
}

/** Days since 1970-01-01 (a day number for fast calendar loops); GraphQL scalar Date. */
export function toEpochDay(day: Day): number {
  const { year, month, date } = parseDay(day);
  return civilToEpochDay(year, month, date);
}

/** The day with the given number of days since 1970-01-01; GraphQL scalar Date. */
export function fromEpochDay(epochDay: number): Day {
  if (!Number.isInteger(epochDay)) throw new RangeError(`Not a whole day number: ${epochDay}`);
  const d = new Date(epochDay * MS_PER_DAY);
  const year = d.getUTCFullYear();
  if (!(year >= 0 && year <= 9999)) throw new RangeError(`Day out of range (years 0000–9999): ${epochDay}`);
  return `${pad(year, 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** The local day number (days since 1970-01-01 in UTC+7) of an instant; docs/domain.md §3.1 "days are Asia/Ho_Chi_Minh days". */
export function epochDayOf(instant: Date): number {
  return Math.floor((checkInstant(instant) + OFFSET_MS) / MS_PER_DAY);
}

/** UTC milliseconds of local midnight starting the given day number (UTC+7, no DST). */
export function localMidnightMs(epochDay: number): number {
  return epochDay * MS_PER_DAY - OFFSET_MS;
}

/** The Asia/Ho_Chi_Minh day of an instant; docs/domain.md §3.1 "days are Asia/Ho_Chi_Minh days". */
export function dayOf(instant: Date): Day {
  return fromEpochDay(epochDayOf(instant));
}

/** Whole minutes since local midnight (0–1439); docs/domain.md §3.1 working hours are local clock times. */
export function minuteOfDay(instant: Date): number {
  const localMs = checkInstant(instant) + OFFSET_MS;
  return Math.floor((localMs - Math.floor(localMs / MS_PER_DAY) * MS_PER_DAY) / MS_PER_MINUTE);
}

/** The instant at `minute` minutes after local midnight of `day` (1440 = next midnight); docs/domain.md §3.1. */
export function atLocalMinute(day: Day, minute: number): Date {
  if (!Number.isFinite(minute)) throw new RangeError(`Minute of day must be a finite number: ${minute}`);
  return new Date(localMidnightMs(toEpochDay(day)) + Math.round(minute * MS_PER_MINUTE));
}

/** Local midnight at the start of `day`. */
export function startOfDay(day: Day): Date {
  return new Date(localMidnightMs(toEpochDay(day)));
}

/** `day` plus `n` calendar days (n may be negative); Bộ luật Dân sự 2015 Điều 147–148 (periods in days). */
export function addDays(day: Day, n: number): Day {
  if (!Number.isInteger(n)) throw new RangeError(`Number of days must be a whole number: ${n}`);
  return fromEpochDay(toEpochDay(day) + n);
}

/** `day` plus `n` months, clamped to the month's last day; Bộ luật Dân sự 2015 Điều 148(3). */
export function addMonths(day: Day, n: number): Day {
  if (!Number.isInteger(n)) throw new RangeError(`Number of months must be a whole number: ${n}`);
  const { year, month, date } = parseDay(day);
  const monthIndex = year * 12 + (month - 1) + n;
  const newYear = Math.floor(monthIndex / 12);
  const newMonth = monthIndex - newYear * 12 + 1;
  if (newYear < 0 || newYear > 9999)
    throw new RangeError(`Day out of range (years 0000–9999): ${day} + ${n} months`);
  const newDate = Math.min(date, daysInMonth(newYear, newMonth));
  return `${pad(newYear, 4)}-${pad(newMonth)}-${pad(newDate)}`;
}

/** 0 Sunday … 6 Saturday; docs/domain.md §3.1 "Saturdays and Sundays are off". */
export function weekday(day: Day): number {
  return weekdayOfEpochDay(toEpochDay(day));
}

/** Weekday of a day number: 1970-01-01 was a Thursday (4). */
export function weekdayOfEpochDay(epochDay: number): number {
  return (((epochDay + 4) % 7) + 7) % 7;
}

/** Calendar days from `from` to `to` (negative when `to` is earlier); Bộ luật Dân sự 2015 Điều 147. */
export function daysBetween(from: Day, to: Day): number {
  return toEpochDay(to) - toEpochDay(from);
}

/** ISO 8601 with the +07:00 offset, e.g. 2026-01-05T17:00:00+07:00; GraphQL scalar DateTime (docs/api.md "Dates and time zones"). */
export function formatLocalIso(instant: Date): string {
  const ms = checkInstant(instant);
  const epochDay = epochDayOf(instant);
  const local = ms + OFFSET_MS - epochDay * MS_PER_DAY;
  const h = Math.floor(local / 3_600_000);
  const min = Math.floor((local % 3_600_000) / MS_PER_MINUTE);
  const s = Math.floor((local % MS_PER_MINUTE) / 1000);
  const milli = local % 1000;
  const fraction = milli === 0 ? '' : `.${pad(milli, 3)}`;
  return `${fromEpochDay(epochDay)}T${pad(h)}:${pad(min)}:${pad(s)}${fraction}+07:00`;
}

/** Parses the national portal's `yyyyMMddHHmmss` (Asia/Ho_Chi_Minh); docs/domain.md §6. */
export function parseNationalDateTime(s: string): Date {
  const m = NATIONAL_PATTERN.exec(s);
  if (m) {
    const [hh, mm, ss] = [Number(m[4]), Number(m[5]), Number(m[6])];
    const day = `${m[1]}-${m[2]}-${m[3]}`;
    if (isValidDay(day) && hh <= 23 && mm <= 59 && ss <= 59) {
      return new Date(atLocalMinute(day, hh * 60 + mm).getTime() + ss * 1000);
    }
  }
  throw new RangeError(`Not a national date-time (yyyyMMddHHmmss): ${JSON.stringify(s)}`);
}

/** Formats an instant as the national portal's `yyyyMMddHHmmss` (Asia/Ho_Chi_Minh, seconds truncated); docs/domain.md §6. */
export function formatNationalDateTime(instant: Date): string {
  const iso = formatLocalIso(instant);
  return iso.slice(0, 19).replace(/[-T:]/g, '');
}

/**
 * Instants the service works with, 2000-01-01 to 2100-12-31 UTC: before any one-stop system, after
 * any due date a time limit can give, and well inside what the calendar walks from a reception. The
 * DateTime scalar accepts any real instant; ingestion refuses an event outside this range by index,
 * the other uses refuse the request.
 */
export const EARLIEST_INSTANT = new Date(Date.UTC(2000, 0, 1));
export const LATEST_INSTANT = new Date(Date.UTC(2101, 0, 1) - 1);

export const isServiceInstant = (instant: Date): boolean =>
  instant >= EARLIEST_INSTANT && instant <= LATEST_INSTANT;
