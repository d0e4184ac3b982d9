// The checks of a reform task's fields and of a progress report (docs/api.md "Reform programme
// tasks"): every problem is reported at its field, all at once, and nothing is written.
import { type Day, isValidDay } from '../../domain/time.ts';
import type { Problems } from '../input-refusal.ts';

export const MAX_TITLE = 500;
export const MAX_DESCRIPTION = 5_000;
export const MAX_DOCUMENT = 200;
export const MAX_NOTE = 2_000;
export const MAX_URL = 2_000;
export const MAX_EVIDENCE_REF = 300;
const FIRST_YEAR = 2000;
const LAST_YEAR = 2100;

/** A trimmed text within `max` characters; null when blank; undefined when left out or refused. */
export function text(
  problems: Problems,
  field: string,
  value: string | null | undefined,
  max: number,
  label: string,
  required = false,
): string | null | undefined {
  if (value === undefined) {
    if (required) problems.add([field], 'EMPTY_TEXT', `${label} không được để trống.`);
    return undefined;
  }
  const trimmed = value?.trim() || null;
  if (required && !trimmed) {
    problems.add([field], 'EMPTY_TEXT', `${label} không được để trống.`);
    return undefined;
  }
  if (trimmed && trimmed.length > max) {
    problems.add([field], 'TEXT_TOO_LONG', `${label} dài tối đa ${max.toLocaleString('vi-VN')} ký tự.`);
    return undefined;
  }
  return trimmed;
}

/** A real day YYYY-MM-DD between the years 2000 and 2100. */
export function day(
  problems: Problems,
  field: string,
  value: string | null | undefined,
  label: string,
): Day | null | undefined {
  if (value === undefined || value === null) return value;
  const trimmed = value.trim();
  const year = Number(trimmed.slice(0, 4));
  if (!isValidDay(trimmed) || year < FIRST_YEAR || year > LAST_YEAR) {
    problems.add(
      [field],
      'INVALID_DATE',
      `${label} không hợp lệ: nhập ngày có thật dạng YYYY-MM-DD (năm ${FIRST_YEAR}–${LAST_YEAR}).`,
    );
    return undefined;
  }
  return trimmed;
}

export function year(problems: Problems, value: number | null | undefined): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Number.isInteger(value) || value < FIRST_YEAR || value > LAST_YEAR) {
    problems.add(['year'], 'INVALID_YEAR', `Năm kế hoạch không hợp lệ: từ ${FIRST_YEAR} đến ${LAST_YEAR}.`);
    return undefined;
  }
  return value;
}

export function progress(problems: Problems, value: number | null | undefined): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Number.isInteger(value) || value < 0 || value > 100) {
    problems.add(['progressPercent'], 'INVALID_PROGRESS', 'Tiến độ là số nguyên từ 0 đến 100 (%).');
    return undefined;
  }
  return value;
}

/**
 * An evidence link: an absolute http or https URL, nothing else (a `javascript:` or `data:` link
 * would run in the admin UI of whoever opens it).
 */
export function evidenceUrl(problems: Problems, value: string | null | undefined): string | null | undefined {
  const url = text(problems, 'evidenceUrl', value, MAX_URL, 'Đường dẫn minh chứng');
  if (!url) return url;
  let parsed: URL | null = null;
  try {
    parsed = new URL(url);
  } catch {
    parsed = null;
  }
  if (
    !parsed ||
    (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') ||
    !parsed.hostname ||
    /\s/.test(url)
  ) {
    problems.add(
      ['evidenceUrl'],
      'INVALID_URL',
      'Đường dẫn minh chứng phải là địa chỉ http:// hoặc https:// đầy đủ.',
    );
    return undefined;
  }
  return url;
}
