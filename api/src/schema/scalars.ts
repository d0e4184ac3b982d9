import { Kind } from 'graphql';
import { isValidDay } from '../domain/time.ts';
import { AppError } from '../errors.ts';
import { dayOfDateColumn } from '../services/date-columns.ts';
import { builder } from './builder.ts';

// Vietnam has used UTC+7 without daylight saving since 1975; output instants in local time so the
// people reading them see the hour on their wall clock.
const OFFSET_MS = 7 * 3600_000;
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

export function formatDateTime(value: Date): string {
  return `${new Date(value.getTime() + OFFSET_MS).toISOString().slice(0, 19)}+07:00`;
}

function parseDateTime(value: unknown): Date {
  if (typeof value !== 'string' || !ISO_WITH_OFFSET.test(value)) {
    throw new AppError(
      'INVALID_DATE',
      `Thời điểm "${String(value)}" không hợp lệ: cần ISO 8601 có múi giờ, ví dụ 2026-11-27T08:30:00+07:00.`,
    );
  }
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new AppError('INVALID_DATE', `Thời điểm "${value}" không tồn tại.`);
  return date;
}

function parseDay(value: unknown): string {
  if (typeof value !== 'string' || !isValidDay(value)) {
    throw new AppError(
      'INVALID_DATE',
      `Ngày "${String(value)}" không hợp lệ: cần dạng YYYY-MM-DD, ví dụ 2026-11-27.`,
    );
  }
  return value;
}

builder.scalarType('DateTime', {
  description: 'ISO 8601 instant with offset; stored as UTC, written in Asia/Ho_Chi_Minh (+07:00).',
  serialize: (value) => formatDateTime(value),
  parseValue: parseDateTime,
  parseLiteral: (ast) => parseDateTime(ast.kind === Kind.STRING ? ast.value : undefined),
});

builder.scalarType('Date', {
  description: 'A day in Asia/Ho_Chi_Minh, YYYY-MM-DD.',
  // Prisma returns @db.Date columns as UTC midnight.
  serialize: (value) => (typeof value === 'string' ? value : dayOfDateColumn(value)),
  parseValue: parseDay,
  parseLiteral: (ast) => parseDay(ast.kind === Kind.STRING ? ast.value : undefined),
});
