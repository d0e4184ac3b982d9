import { Kind } from 'graphql';
import { isValidDay } from '../domain/time.ts';
import { AppError } from '../errors.ts';
import { dayOfDateColumn } from '../services/date-columns.ts';
import { builder } from './builder.ts';

// Vietnam has used UTC+7 without daylight saving since 1975; output instants in local time so the
// people reading them see the hour on their wall clock.
const OFFSET_MS = 7 * 3600_000;
// Hours 00–23 and real minutes, seconds and offsets: Date.parse would roll "24:00" into the next day.
const ISO_WITH_OFFSET =
  /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

/**
 * The last year of a day. Instants are any real instant here: the range the service works with is
 * a rule of the domain (domain/time.ts EARLIEST_INSTANT…LATEST_INSTANT), applied where an instant
 * is used — ingestion refuses one event of a batch by index, not the whole batch.
 */
export const LAST_YEAR = 2100;
/**
 * Days reach further back than instants: the reference data has units founded in 1981
 * (prisma/seed-data/agencies.json), and `activeOn` may ask about any day of their history.
 */
export const FIRST_DAY_YEAR = 1900;

/** The refused value as the message quotes it: a date is short, anything longer was not one. */
const quoted = (value: unknown) => {
  const text = String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
};

export function formatDateTime(value: Date): string {
  return `${new Date(value.getTime() + OFFSET_MS).toISOString().slice(0, 19)}+07:00`;
}

function parseDateTime(value: unknown): Date {
  const match = typeof value === 'string' ? ISO_WITH_OFFSET.exec(value) : null;
  if (!match) {
    throw new AppError(
      'INVALID_DATE',
      `Thời điểm "${quoted(value)}" không hợp lệ: cần ISO 8601 có múi giờ, ví dụ 2026-11-27T08:30:00+07:00.`,
    );
  }
  // Date.parse turns 30 February into 2 March instead of refusing it.
  const date = new Date(value as string);
  if (!isValidDay(match[1]!) || Number.isNaN(date.getTime())) {
    throw new AppError('INVALID_DATE', `Thời điểm "${quoted(value)}" không tồn tại.`);
  }
  return date;
}

function parseDay(value: unknown): string {
  if (typeof value !== 'string' || !isValidDay(value)) {
    throw new AppError(
      'INVALID_DATE',
      `Ngày "${quoted(value)}" không hợp lệ: cần dạng YYYY-MM-DD, ví dụ 2026-11-27.`,
    );
  }
  const year = Number(value.slice(0, 4));
  if (year < FIRST_DAY_YEAR || year > LAST_YEAR) {
    throw new AppError(
      'INVALID_DATE',
      `Ngày "${value}" nằm ngoài khoảng cho phép (từ năm ${FIRST_DAY_YEAR} đến hết năm ${LAST_YEAR}).`,
      { min: `${FIRST_DAY_YEAR}-01-01`, max: `${LAST_YEAR}-12-31` },
    );
  }
  return value;
}

builder.scalarType('DateTime', {
  description:
    'ISO 8601 instant with offset; stored as UTC, written in Asia/Ho_Chi_Minh (+07:00). Operations accept instants from 2000-01-01 to 2100-12-31 UTC (INVALID_DATE otherwise; by index in batches).',
  serialize: (value) => formatDateTime(value),
  parseValue: parseDateTime,
  parseLiteral: (ast) => parseDateTime(ast.kind === Kind.STRING ? ast.value : undefined),
});

builder.scalarType('Date', {
  description: `A day in Asia/Ho_Chi_Minh, YYYY-MM-DD, years ${FIRST_DAY_YEAR}–${LAST_YEAR}.`,
  // Prisma returns @db.Date columns as UTC midnight.
  serialize: (value) => (typeof value === 'string' ? value : dayOfDateColumn(value)),
  parseValue: parseDay,
  parseLiteral: (ast) => parseDay(ast.kind === Kind.STRING ? ast.value : undefined),
});
