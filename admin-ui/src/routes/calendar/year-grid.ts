// The year view of the working calendar: twelve month grids, weeks starting on Monday (as Vietnamese
// calendars print them), each day marked by the rule (Saturday and Sunday off) and the calendar's
// exceptions (docs/domain.md §3.2). Pure: unit-tested in year-grid.test.ts.

/** An exception as `calendarDays` returns it. */
export interface CalendarException {
  date: string;
  working: boolean;
  kind: string;
  note: string | null;
  source?: string | null;
}

/** How a day differs from the rule, for the legend and the cell's marker. */
export type DayMark = 'holiday' | 'swap-day-off' | 'compensatory' | 'other-off' | 'working-day';

export interface DayCell {
  /** YYYY-MM-DD. */
  date: string;
  day: number;
  /** 0 Monday … 6 Sunday. */
  weekday: number;
  /** Saturday or Sunday. */
  weekend: boolean;
  /** Whether officials work that day, after the exception if any. */
  working: boolean;
  exception: CalendarException | null;
  mark: DayMark | null;
}

export interface MonthGrid {
  /** 1–12. */
  month: number;
  /** "Tháng 1/2026". */
  title: string;
  /** Rows of 7 cells, Monday first; null before the 1st and after the last day. */
  weeks: (DayCell | null)[][];
}

/** Column headers, Monday first: the short form shown and the full name for screen readers. */
export const WEEKDAYS: readonly { short: string; full: string }[] = [
  { short: 'T2', full: 'Thứ Hai' },
  { short: 'T3', full: 'Thứ Ba' },
  { short: 'T4', full: 'Thứ Tư' },
  { short: 'T5', full: 'Thứ Năm' },
  { short: 'T6', full: 'Thứ Sáu' },
  { short: 'T7', full: 'Thứ Bảy' },
  { short: 'CN', full: 'Chủ nhật' },
];

/** The marks in legend order, with a short symbol (no information by colour alone) and a label. */
export const MARKS: readonly { mark: DayMark; symbol: string; label: string; hint?: string }[] = [
  { mark: 'holiday', symbol: 'L', label: 'Nghỉ lễ, Tết' },
  { mark: 'swap-day-off', symbol: 'Đ', label: 'Nghỉ hoán đổi' },
  { mark: 'compensatory', symbol: 'B', label: 'Nghỉ bù' },
  { mark: 'other-off', symbol: 'N', label: 'Ngày nghỉ khác' },
  { mark: 'working-day', symbol: 'LV', label: 'Làm việc bù', hint: 'ngày nghỉ chuyển thành ngày làm việc' },
];

export const markInfo = (mark: DayMark) => MARKS.find((m) => m.mark === mark)!;

/** The years the API accepts dates in (docs/api.md "Dates and time zones"). */
export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2100;

const MS_PER_DAY = 86_400_000;

/** 0 Monday … 6 Sunday, for a YYYY-MM-DD day (a calendar day: no time zone involved). */
export function weekdayMondayFirst(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
}

/** The mark of an exception: a day off by kind, or a working day. */
export function markOf(exception: CalendarException): DayMark {
  if (exception.working) return 'working-day';
  switch (exception.kind) {
    case 'HOLIDAY':
      return 'holiday';
    case 'SWAP_DAY_OFF':
      return 'swap-day-off';
    case 'COMPENSATORY_DAY_OFF':
      return 'compensatory';
    default:
      return 'other-off';
  }
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The twelve months of `year`, each a Monday-first grid of its days with the exceptions applied. */
export function buildYearGrid(year: number, exceptions: readonly CalendarException[]): MonthGrid[] {
  const byDate = new Map(exceptions.map((e) => [e.date, e]));
  const months: MonthGrid[] = [];
  for (let month = 1; month <= 12; month++) {
    const first = Date.UTC(year, month - 1, 1);
    const length = Math.round((Date.UTC(year, month, 1) - first) / MS_PER_DAY);
    const cells: (DayCell | null)[] = [];
    const lead = (new Date(first).getUTCDay() + 6) % 7;
    for (let i = 0; i < lead; i++) cells.push(null);
    for (let day = 1; day <= length; day++) {
      const date = `${year}-${pad(month)}-${pad(day)}`;
      const weekday = (lead + day - 1) % 7;
      const weekend = weekday >= 5;
      const exception = byDate.get(date) ?? null;
      cells.push({
        date,
        day,
        weekday,
        weekend,
        working: exception ? exception.working : !weekend,
        exception,
        mark: exception ? markOf(exception) : null,
      });
    }
    while (cells.length % 7 !== 0) cells.push(null);
    const weeks: (DayCell | null)[][] = [];
    for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
    months.push({ month, title: `Tháng ${month}/${year}`, weeks });
  }
  return months;
}

/** What a screen reader hears for a day: "Thứ Sáu 01/01/2026, Nghỉ lễ, Tết: Tết Dương lịch". */
export function dayDescription(cell: DayCell): string {
  const [y, m, d] = cell.date.split('-');
  const base = `${WEEKDAYS[cell.weekday]!.full} ${d}/${m}/${y}`;
  if (!cell.mark) return cell.weekend ? `${base}, ngày nghỉ cuối tuần` : base;
  const note = cell.exception?.note ? `: ${cell.exception.note}` : '';
  return `${base}, ${markInfo(cell.mark).label}${note}`;
}

/** The year asked for in `?year=`, else the current one; null when it is not a year the API accepts. */
export function yearFrom(param: string | null, currentYear: number): number | null {
  if (param === null || param.trim() === '') return currentYear;
  if (!/^\d{4}$/.test(param.trim())) return null;
  const year = Number(param);
  return year >= FIRST_YEAR && year <= LAST_YEAR ? year : null;
}

/** Working days of a year by the grid (Monday–Friday unless an exception says otherwise). */
export function workingDayCount(months: readonly MonthGrid[]): number {
  let n = 0;
  for (const month of months) for (const week of month.weeks) for (const cell of week) if (cell?.working) n++;
  return n;
}
