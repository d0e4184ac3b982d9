// The calendar's forms → the input of `calendarChangePreview` / `updateCalendarDays`: mark a day (or a
// range of days, e.g. the Tết holidays) as a day off or a working day with a note, or remove an
// exception. Pure: unit-tested in calendar-form.test.ts. The API checks everything again.
import type { FieldErrors } from '$lib/form-errors';
import { weekdayMondayFirst } from './year-grid';

/** What an official picks: each type is a working status and the kind the API stores. */
export const DAY_TYPES = [
  { value: 'HOLIDAY', label: 'Nghỉ lễ, Tết', working: false, kind: 'HOLIDAY' },
  {
    value: 'SWAP_DAY_OFF',
    label: 'Nghỉ hoán đổi (ngày thường nghỉ, đổi với một ngày thứ Bảy)',
    working: false,
    kind: 'SWAP_DAY_OFF',
  },
  {
    value: 'COMPENSATORY_DAY_OFF',
    label: 'Nghỉ bù (ngày lễ trùng ngày nghỉ hằng tuần)',
    working: false,
    kind: 'COMPENSATORY_DAY_OFF',
  },
  { value: 'OTHER_OFF', label: 'Ngày nghỉ khác', working: false, kind: 'OTHER' },
  {
    value: 'SWAP_WORKDAY',
    label: 'Làm việc bù (thứ Bảy hoặc Chủ nhật đi làm)',
    working: true,
    kind: 'SWAP_WORKDAY',
  },
  { value: 'OTHER_WORKING', label: 'Ngày làm việc khác', working: true, kind: 'OTHER' },
] as const;

export type DayTypeValue = (typeof DAY_TYPES)[number]['value'];
type CalendarDayKind = (typeof DAY_TYPES)[number]['kind'];

/** The type of a stored exception, to fill the form when an official edits it. */
export function dayTypeOf(exception: { working: boolean; kind: string }): DayTypeValue {
  const match = DAY_TYPES.find((t) => t.working === exception.working && t.kind === exception.kind);
  return match?.value ?? (exception.working ? 'OTHER_WORKING' : 'OTHER_OFF');
}

/** The form's values as typed (kept to fill the form again after a refusal). */
export interface MarkValues {
  from: string;
  to: string;
  type: string;
  note: string;
}

export interface ChangeInput {
  days: { date: string; working: boolean; kind: CalendarDayKind; note: string | null }[];
  remove: string[];
}

export const MAX_RANGE_DAYS = 31;
export const MAX_NOTE_LENGTH = 500;

/**
 * A day typed in the date field: YYYY-MM-DD (what `<input type="date">` sends), or dd/mm/yyyy (what
 * an official types where the browser shows a text box). Null when it is not a real day.
 */
export function parseDay(text: string): string | null {
  const value = text.trim();
  let y: number;
  let m: number;
  let d: number;
  let match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (match) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else {
    match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
    if (!match) return null;
    [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  }
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

const text = (form: FormData, name: string) => String(form.get(name) ?? '');

export function markValuesFrom(form: FormData): MarkValues {
  return {
    from: text(form, 'from'),
    to: text(form, 'to'),
    type: text(form, 'type'),
    note: text(form, 'note'),
  };
}

const nextDay = (day: string) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/**
 * The days a "mark" form sets. A range of days off leaves out its Saturdays and Sundays, which are
 * off anyway (so a Tết range stays five exceptions, not nine); a single day is always set as asked.
 */
export function parseMark(values: MarkValues): { errors: FieldErrors; input: ChangeInput | null } {
  const errors: FieldErrors = {};
  const from = parseDay(values.from);
  if (!values.from.trim()) errors.from = 'Vui lòng chọn ngày.';
  else if (!from) errors.from = 'Ngày không hợp lệ: nhập theo dạng dd/mm/yyyy.';
  const to = values.to.trim() ? parseDay(values.to) : from;
  if (values.to.trim() && !to) errors.to = 'Ngày không hợp lệ: nhập theo dạng dd/mm/yyyy.';
  const type = DAY_TYPES.find((t) => t.value === values.type);
  if (!type) errors.type = 'Vui lòng chọn loại ngày.';
  const note = values.note.trim();
  if (note.length > MAX_NOTE_LENGTH) errors.note = `Ghi chú tối đa ${MAX_NOTE_LENGTH} ký tự.`;
  if (from && to) {
    const span = (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1;
    if (span < 1) errors.to = '“Đến ngày” phải bằng hoặc sau “Từ ngày”.';
    else if (span > MAX_RANGE_DAYS) errors.to = `Mỗi lần đánh dấu tối đa ${MAX_RANGE_DAYS} ngày liên tiếp.`;
  }
  if (Object.keys(errors).length > 0 || !from || !to || !type) return { errors, input: null };

  const days: ChangeInput['days'] = [];
  for (let day = from; day <= to; day = nextDay(day)) {
    const weekend = weekdayMondayFirst(day) >= 5;
    if (from !== to && !type.working && weekend) continue;
    days.push({ date: day, working: type.working, kind: type.kind, note: note || null });
  }
  if (days.length === 0) {
    return {
      errors: { to: 'Khoảng ngày này chỉ gồm thứ Bảy, Chủ nhật: các ngày đó đã là ngày nghỉ.' },
      input: null,
    };
  }
  return { errors, input: { days, remove: [] } };
}

/** The "remove" form: one stored exception goes back to the rule. */
export function parseRemove(form: FormData): ChangeInput | null {
  const date = parseDay(text(form, 'remove'));
  return date ? { days: [], remove: [date] } : null;
}

/**
 * The API's userErrors concern the list as a whole (["input", "days"] or ["input", "remove"]): shown
 * at the "Từ ngày" field, or for the whole form.
 */
export function fieldOfApiError(field: readonly string[] | null | undefined): string {
  if (field?.[1] === 'days') return 'from';
  return '';
}

/** "dd/mm/yyyy" of a YYYY-MM-DD day, and the span of a change for messages. */
export const vnDay = (day: string) => day.split('-').reverse().join('/');

export function describeChange(input: ChangeInput, typeLabel: string | null): string {
  if (input.remove.length > 0)
    return `Xóa ngày đặc biệt ${input.remove.map(vnDay).join(', ')} (trở lại lịch thông thường)`;
  const first = input.days[0]!.date;
  const last = input.days[input.days.length - 1]!.date;
  const span =
    first === last
      ? `ngày ${vnDay(first)}`
      : `${input.days.length} ngày từ ${vnDay(first)} đến ${vnDay(last)}`;
  return `Đánh dấu ${span} là “${typeLabel ?? ''}”`;
}
