// Dates, numbers and time limits as Vietnamese administrative documents write them. Pure and the
// same on the server and in the browser: instants are shown in Asia/Ho_Chi_Minh whatever the
// machine's zone. Unit-tested in format.test.ts.
import { TIME_UNIT_LABELS } from './labels';

export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

const EMPTY = '—';

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

const partsFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** Day, month, year, hour and minute of an instant in Asia/Ho_Chi_Minh. */
function localParts(
  value: string | Date,
): Record<'day' | 'month' | 'year' | 'hour' | 'minute', string> | null {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return null;
  const parts = Object.fromEntries(partsFormat.formatToParts(date).map((p) => [p.type, p.value]));
  return {
    day: parts.day ?? '',
    month: parts.month ?? '',
    year: parts.year ?? '',
    hour: parts.hour ?? '',
    minute: parts.minute ?? '',
  };
}

/**
 * `dd/mm/yyyy`. A GraphQL `Date` ("2025-07-01") is a calendar day and is shown as is; a `DateTime`
 * or a Date object is an instant, shown on its day in Việt Nam.
 */
export function formatDate(value: string | Date | null | undefined): string {
  if (value == null || value === '') return EMPTY;
  if (typeof value === 'string') {
    const day = DATE_ONLY.exec(value);
    if (day) return `${day[3]}/${day[2]}/${day[1]}`;
  }
  const p = localParts(value);
  return p ? `${p.day}/${p.month}/${p.year}` : String(value);
}

/** `dd/mm/yyyy HH:mm` in Asia/Ho_Chi_Minh. */
export function formatDateTime(value: string | Date | null | undefined): string {
  if (value == null || value === '') return EMPTY;
  const p = localParts(value);
  return p ? `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}` : String(value);
}

const numberFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });

/** `1.234,5`: a dot between thousands, a comma before decimals (vi-VN). */
export function formatNumber(value: number | null | undefined): string {
  if (value == null || !Number.isFinite(value)) return EMPTY;
  return numberFormat.format(value);
}

/** A fee in đồng; null is a fee set elsewhere (the provincial People's Council) or unknown. */
export function formatVnd(amount: number | null | undefined): string {
  if (amount == null) return 'Theo quy định';
  if (amount === 0) return 'Không thu phí';
  return `${formatNumber(amount)} đồng`;
}

/** "15 ngày làm việc", "0,5 ngày làm việc", "4 giờ làm việc". */
export function formatTimeLimit(limit: { value: number; unit: string } | null | undefined): string {
  if (!limit) return 'Chưa quy định';
  const unit = TIME_UNIT_LABELS[limit.unit as keyof typeof TIME_UNIT_LABELS] ?? limit.unit;
  return `${formatNumber(limit.value)} ${unit}`;
}

/** Today in Việt Nam as `yyyy-mm-dd`, the value of an `<input type="date">`. */
export function todayInVietnam(now: Date = new Date()): string {
  const p = localParts(now);
  return p ? `${p.year}-${p.month}-${p.day}` : '';
}
