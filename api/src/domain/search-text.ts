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
