// Reporting periods as officials name them — a month, a quarter, six months, a year, or a custom
// range — turned into the API's `PeriodInput` (first and last day, both included) and back into the
// words of a report's title. Used by the dashboard (with the previous period, for "change against
// the previous period") and by the reports (quarter, six months, year). Pure; unit-tested in
// periods.test.ts. Days are ISO strings ("2026-07-01"), calendar days in Việt Nam.

// Today in Việt Nam, re-exported so that period pages import their days from one place.
export { todayInVietnam } from './format';

export type PeriodKind = 'month' | 'quarter' | 'half' | 'year' | 'custom';

export type PeriodChoice =
  | { kind: 'month'; year: number; month: number }
  | { kind: 'quarter'; year: number; quarter: number }
  | { kind: 'half'; year: number; half: number }
  | { kind: 'year'; year: number }
  | { kind: 'custom'; from: string; to: string };

export interface PeriodRange {
  from: string;
  to: string;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const ROMAN = ['I', 'II', 'III', 'IV'];

const pad = (value: number) => String(value).padStart(2, '0');

function isoDay(year: number, month: number, day: number): string {
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** Last day of a month (1–12): day 0 of the next month. */
function lastDayOf(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function monthSpan(year: number, firstMonth: number, months: number): PeriodRange {
  const lastMonth = firstMonth + months - 1;
  return { from: isoDay(year, firstMonth, 1), to: isoDay(year, lastMonth, lastDayOf(year, lastMonth)) };
}

/** A valid ISO calendar day ("2026-02-30" is not). */
export function isDay(value: string): boolean {
  const match = DAY.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= lastDayOf(year, month);
}

export function periodRange(choice: PeriodChoice): PeriodRange {
  switch (choice.kind) {
    case 'month':
      return monthSpan(choice.year, choice.month, 1);
    case 'quarter':
      return monthSpan(choice.year, (choice.quarter - 1) * 3 + 1, 3);
    case 'half':
      return monthSpan(choice.year, (choice.half - 1) * 6 + 1, 6);
    case 'year':
      return monthSpan(choice.year, 1, 12);
    case 'custom':
      return { from: choice.from, to: choice.to };
  }
}

function shiftDays(day: string, days: number): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const shifted = new Date(Date.UTC(year, month - 1, date + days));
  return isoDay(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate());
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The period of the same length just before: the previous month, quarter, half or year; for a custom
 * range, as many days ending the day before it starts. */
export function previousPeriod(choice: PeriodChoice): PeriodChoice {
  switch (choice.kind) {
    case 'month':
      return choice.month === 1
        ? { kind: 'month', year: choice.year - 1, month: 12 }
        : { kind: 'month', year: choice.year, month: choice.month - 1 };
    case 'quarter':
      return choice.quarter === 1
        ? { kind: 'quarter', year: choice.year - 1, quarter: 4 }
        : { kind: 'quarter', year: choice.year, quarter: choice.quarter - 1 };
    case 'half':
      return choice.half === 1
        ? { kind: 'half', year: choice.year - 1, half: 2 }
        : { kind: 'half', year: choice.year, half: 1 };
    case 'year':
      return { kind: 'year', year: choice.year - 1 };
    case 'custom': {
      const length = daysBetween(choice.from, choice.to) + 1;
      const to = shiftDays(choice.from, -1);
      return { kind: 'custom', from: shiftDays(to, -(length - 1)), to };
    }
  }
}

const dmy = (day: string) => day.split('-').reverse().join('/');

/** What a period is compared with: the previous period, or only its first days (`partial`). */
export interface Comparison {
  range: PeriodRange;
  partial: boolean;
}

/**
 * The range a period's figures are compared with. A period still running on `today` (it started and
 * ends after today) is compared with as many days of the previous period, from its start — 5 days of
 * December with 1–5 November, not the whole of November — capped at the previous period's own end
 * (30 days of March against the 28 of February). A period over, or not started, is compared with the
 * whole previous period.
 */
export function comparisonRange(choice: PeriodChoice, today: string): Comparison {
  const range = periodRange(choice);
  const previous = periodRange(previousPeriod(choice));
  if (!(range.from <= today && today < range.to)) return { range: previous, partial: false };
  const to = shiftDays(previous.from, daysBetween(range.from, today));
  return to < previous.to
    ? { range: { from: previous.from, to }, partial: true }
    : { range: previous, partial: false };
}

/** A range in a sentence: "01/11–05/11/2026", or "15/12/2025–05/01/2026" across a year's end. */
export function rangeText(range: PeriodRange): string {
  const [from, to] = [dmy(range.from), dmy(range.to)];
  return range.from.slice(0, 4) === range.to.slice(0, 4) ? `${from.slice(0, 5)}–${to}` : `${from}–${to}`;
}

/** As a report's title names it: "Tháng 11/2026", "Quý III năm 2026", "6 tháng đầu năm 2026". */
export function periodLabel(choice: PeriodChoice): string {
  switch (choice.kind) {
    case 'month':
      return `Tháng ${pad(choice.month)}/${choice.year}`;
    case 'quarter':
      return `Quý ${ROMAN[choice.quarter - 1]} năm ${choice.year}`;
    case 'half':
      return `6 tháng ${choice.half === 1 ? 'đầu' : 'cuối'} năm ${choice.year}`;
    case 'year':
      return `Năm ${choice.year}`;
    case 'custom':
      return `Từ ngày ${dmy(choice.from)} đến ngày ${dmy(choice.to)}`;
  }
}

/**
 * The label inside a sentence ("Xã Phước Hậu: quý II năm 2025"): only its first letter in lower
 * case, since `toLowerCase()` would turn the Roman numeral of a quarter into "quý ii".
 */
export function periodPhrase(choice: PeriodChoice): string {
  const label = periodLabel(choice);
  return label.charAt(0).toLocaleLowerCase('vi-VN') + label.slice(1);
}

/** The period of `kind` that contains `today` (custom: from the first of today's month to today). */
export function currentPeriod(kind: PeriodKind, today: string): PeriodChoice {
  const [year, month] = today.split('-').map(Number) as [number, number];
  switch (kind) {
    case 'month':
      return { kind, year, month };
    case 'quarter':
      return { kind, year, quarter: Math.ceil(month / 3) };
    case 'half':
      return { kind, year, half: month <= 6 ? 1 : 2 };
    case 'year':
      return { kind, year };
    case 'custom':
      return { kind, from: isoDay(year, month, 1), to: today };
  }
}

const KINDS: readonly PeriodKind[] = ['month', 'quarter', 'half', 'year', 'custom'];

function intParam(params: URLSearchParams, name: string, min: number, max: number): number | null {
  const raw = params.get(name);
  if (raw === null || !/^\d{1,4}$/.test(raw)) return null;
  const value = Number(raw);
  return value >= min && value <= max ? value : null;
}

/**
 * The period a page's query string names (`ky=quy&nam=2026&so=3`, `ky=tuy-chon&tu=…&den=…`), or the
 * period of `fallback` kind containing `today` when the string names none or names it badly (a page
 * link never fails on a hand-edited address).
 */
export function parsePeriod(
  params: URLSearchParams,
  today: string,
  fallback: PeriodKind = 'quarter',
): PeriodChoice {
  const kind = KIND_BY_PARAM[params.get('ky') ?? ''];
  if (!kind) return currentPeriod(fallback, today);
  if (kind === 'custom') {
    const from = params.get('tu') ?? '';
    const to = params.get('den') ?? '';
    return isDay(from) && isDay(to) && from <= to ? { kind, from, to } : currentPeriod(fallback, today);
  }
  const year = intParam(params, 'nam', 2000, 2100);
  if (year === null) return currentPeriod(kind, today);
  if (kind === 'year') return { kind, year };
  const max = kind === 'month' ? 12 : kind === 'quarter' ? 4 : 2;
  const index = intParam(params, 'so', 1, max);
  if (index === null) return currentPeriod(kind, today);
  if (kind === 'month') return { kind, year, month: index };
  if (kind === 'quarter') return { kind, year, quarter: index };
  return { kind, year, half: index };
}

const PARAM_BY_KIND: Record<PeriodKind, string> = {
  month: 'thang',
  quarter: 'quy',
  half: '6-thang',
  year: 'nam',
  custom: 'tuy-chon',
};

const KIND_BY_PARAM: Record<string, PeriodKind> = Object.fromEntries(
  KINDS.map((kind) => [PARAM_BY_KIND[kind], kind]),
);

/** The query-string form of a period, the inverse of `parsePeriod`. */
export function periodParams(choice: PeriodChoice): URLSearchParams {
  const params = new URLSearchParams({ ky: PARAM_BY_KIND[choice.kind] });
  if (choice.kind === 'custom') {
    params.set('tu', choice.from);
    params.set('den', choice.to);
    return params;
  }
  params.set('nam', String(choice.year));
  if (choice.kind === 'month') params.set('so', String(choice.month));
  if (choice.kind === 'quarter') params.set('so', String(choice.quarter));
  if (choice.kind === 'half') params.set('so', String(choice.half));
  return params;
}
