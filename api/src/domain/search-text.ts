// Search key for Vietnamese names: "Đăng ký khai sinh" and "dang ky khai sinh" must find each other,
// since most people type without diacritics (or with a keyboard that composes them differently).

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const NON_WORD = /[^\p{L}\p{N}]+/gu;

/**
 * Lower-case, accent-free, single-spaced form of a text: NFD-decompose, drop the combining marks
 * (tones and vowel hats), map đ/Đ to d (a separate letter, not a combining mark), and turn runs of
 * punctuation and white space into one space. "Thủ tục đăng ký khai sinh" → "thu tuc dang ky khai sinh".
 */
export function toSearchText(text: string): string {
  return text
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(NON_WORD, ' ')
    .trim();
}

/**
 * Bounds of a search: long enough to paste a procedure's whole name (99% of the 2,642 names of the
 * national catalogue index are under 370 characters and 55 distinct words), short enough that a
 * search is a few dozen `LIKE` conditions and query parameters, not 50,000 of them.
 */
export const MAX_SEARCH_LENGTH = 500;
export const MAX_SEARCH_WORDS = 50;

/** The distinct words of a search key, in order: a repeated word adds nothing to "all words". */
export function searchWords(text: string): string[] {
  const key = toSearchText(text);
  return key === '' ? [] : [...new Set(key.split(' '))];
}

/** Why a search is refused (it is longer than any name), in words for the person who typed it; or null. */
export function searchLimitExceeded(text: string): string | null {
  if (text.length > MAX_SEARCH_LENGTH) {
    return `Từ khóa tìm kiếm dài tối đa ${MAX_SEARCH_LENGTH} ký tự (nhận được ${text.length}); hãy nhập vài từ chính của tên.`;
  }
  if (searchWords(text).length > MAX_SEARCH_WORDS) {
    return `Từ khóa tìm kiếm có tối đa ${MAX_SEARCH_WORDS} từ khác nhau; hãy nhập vài từ chính của tên.`;
  }
  return null;
}
