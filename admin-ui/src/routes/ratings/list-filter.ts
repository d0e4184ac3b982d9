// The filter of the rating comments (?agency=&procedure=&level=&from=&to=&hidden=), checked, and the
// API's RatingCommentFilter. A period needs both days (PeriodInput, at most 3,660 days): a missing
// end is today, a missing start the first day of the year nine years before the end. Pure:
// list-filter.test.ts.
import type { FieldErrors } from '$lib/form-errors';

export const RATING_LEVELS = ['VERY_SATISFIED', 'SATISFIED', 'DISSATISFIED'] as const;
export type RatingLevelValue = (typeof RATING_LEVELS)[number];

/** Mức độ hài lòng, as the citizen's form says it. */
export const RATING_LEVEL_LABELS: Record<RatingLevelValue, string> = {
  VERY_SATISFIED: 'Rất hài lòng',
  SATISFIED: 'Hài lòng',
  DISSATISFIED: 'Không hài lòng',
};

export const ratingLevelLabel = (level: string) => RATING_LEVEL_LABELS[level as RatingLevelValue] ?? level;

const CODE = /^[\w.-]{1,40}$/;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface RatingListFilter {
  agencyCode: string;
  procedureCode: string;
  level: RatingLevelValue | '';
  from: string;
  to: string;
  /** '' all, 'false' shown comments, 'true' hidden ones. */
  hidden: '' | 'true' | 'false';
}

export interface RatingFilterInput {
  agencyCode?: string;
  procedureCode?: string;
  level?: RatingLevelValue;
  hidden?: boolean;
  period?: { from: string; to: string };
}

/** A real calendar day (not 2026-02-30). */
export function isDay(value: string): boolean {
  const match = DAY.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
}

export function ratingListFilterFrom(params: URLSearchParams): {
  filter: RatingListFilter;
  errors: FieldErrors;
} {
  const get = (name: string) => (params.get(name) ?? '').trim();
  const level = get('level');
  const hidden = get('hidden');
  const filter: RatingListFilter = {
    agencyCode: CODE.test(get('agency')) ? get('agency') : '',
    procedureCode: get('procedure'),
    level: (RATING_LEVELS as readonly string[]).includes(level) ? (level as RatingLevelValue) : '',
    from: get('from'),
    to: get('to'),
    hidden: hidden === 'true' || hidden === 'false' ? hidden : '',
  };
  const errors: FieldErrors = {};
  if (filter.procedureCode && !CODE.test(filter.procedureCode)) {
    errors.procedure = 'Mã thủ tục gồm chữ, số và dấu chấm, ví dụ 1.001193.';
  }
  if (filter.from && !isDay(filter.from)) errors.from = 'Ngày bắt đầu không hợp lệ.';
  if (filter.to && !isDay(filter.to)) errors.to = 'Ngày kết thúc không hợp lệ.';
  if (!errors.from && !errors.to && filter.from && filter.to) {
    if (filter.from > filter.to) errors.to = 'Ngày kết thúc phải từ ngày bắt đầu trở đi.';
    else if (daysBetween(filter.from, filter.to) > MAX_PERIOD_DAYS) {
      errors.from = 'Khoảng thời gian dài tối đa 10 năm.';
    }
  }
  return { filter, errors };
}

/** The API's limit on a period (api/src/services/stats.ts checkPeriod): 366 × 10 days. */
const MAX_PERIOD_DAYS = 3660;

const daysBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000;

/** The API's filter, leaving out what was refused; null when nothing is filtered. */
export function ratingFilterInput(
  filter: RatingListFilter,
  errors: FieldErrors,
  today: string,
): RatingFilterInput | null {
  const input: RatingFilterInput = {};
  if (filter.agencyCode) input.agencyCode = filter.agencyCode;
  if (filter.procedureCode && !errors.procedure) input.procedureCode = filter.procedureCode;
  if (filter.level) input.level = filter.level;
  if (filter.hidden) input.hidden = filter.hidden === 'true';
  const periodOk = !errors.from && !errors.to;
  if (periodOk && (filter.from || filter.to)) {
    const to = filter.to || (filter.from > today ? filter.from : today);
    const from = filter.from || `${String(Number(to.slice(0, 4)) - 9).padStart(4, '0')}-01-01`;
    input.period = { from, to };
  }
  return Object.keys(input).length > 0 ? input : null;
}
