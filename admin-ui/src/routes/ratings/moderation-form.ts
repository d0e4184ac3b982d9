// The hide / restore forms of /ratings: the rating and the reason, and the list URL to come back to
// (filters and page kept). Pure: moderation-form.test.ts.
import type { FieldErrors } from '$lib/form-errors';

/** The API keeps up to 500 characters of a reason (HideRatingCommentInput.reason). */
export const MAX_REASON_LENGTH = 500;

const ID = /^[0-9]{1,19}$/;

export const isRatingId = (value: string | null | undefined): value is string => !!value && ID.test(value);

export function parseHideForm(form: FormData): { ratingId: string; reason: string; errors: FieldErrors } {
  const ratingId = String(form.get('ratingId') ?? '').trim();
  const reason = String(form.get('reason') ?? '')
    .replace(/\s+/g, ' ')
    .trim();
  const errors: FieldErrors = {};
  if (!isRatingId(ratingId)) errors[''] = 'Không xác định được đánh giá cần ẩn bình luận.';
  if (!reason) errors.reason = 'Vui lòng ghi lý do ẩn bình luận (được lưu vào nhật ký thay đổi).';
  else if (reason.length > MAX_REASON_LENGTH) {
    errors.reason = `Lý do dài tối đa ${MAX_REASON_LENGTH} ký tự (hiện có ${reason.length}).`;
  }
  return { ratingId, reason, errors };
}

/** The list's own parameters: the filter form's and the pager's. */
const LIST_PARAMS = [
  'agency',
  'procedure',
  'level',
  'from',
  'to',
  'hidden',
  'size',
  'page',
  'after',
  'before',
];

/** /ratings with the list's parameters of `url` and `set` (e.g. { msg: 'hidden' } or { hide: '12' }). */
export function ratingsListUrl(url: URL, set: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const name of LIST_PARAMS) {
    const value = url.searchParams.get(name);
    if (value) params.set(name, value);
  }
  for (const [name, value] of Object.entries(set)) params.set(name, value);
  const query = params.toString();
  return query ? `/ratings?${query}` : '/ratings';
}

/** The URL of a form action that keeps the list's parameters: "?/hide&agency=22870&page=2". */
export function ratingsActionUrl(action: string, url: URL): string {
  const list = ratingsListUrl(url);
  const query = list.includes('?') ? list.slice(list.indexOf('?') + 1) : '';
  return query ? `?/${action}&${query}` : `?/${action}`;
}
