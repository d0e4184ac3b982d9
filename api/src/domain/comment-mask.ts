// Applicants' comments on a quick rating (docs/domain.md §4.1) are kept raw but without the personal data
// people tend to type into them: phone numbers, identity numbers and e-mail addresses are replaced
// before storage (docs/architecture.md "Security model": no personal data beyond what a feature needs).
// Dossier codes, dates, times and amounts stay readable. The result is plain text: nothing here
// escapes or strips markup, because the API never renders HTML — whoever displays a comment escapes it.

export const MASKS = {
  phone: '[đã ẩn số điện thoại]',
  id: '[đã ẩn số định danh]',
  email: '[đã ẩn thư điện tử]',
} as const;

/** One separator people put between digit groups: "0912 345 678", "0912.345.678", "0912 - 345 - 678". */
const SEP = String.raw`(?:\s?[.\-]\s?|\s|\)\s?)?`;
/** `n` more digits, each possibly after a separator. */
const digits = (n: number) => String.raw`(?:${SEP}\d){${n}}`;
/** Not glued to digits before or after (a digit group inside "H56.14-261008-0975" is not a phone). */
const START = String.raw`(?<!\p{N})(?<!\p{N}[.\-/])`;
const END = String.raw`(?!\p{N})(?![.\-/]\p{N})`;

const EMAIL = String.raw`[\p{L}\p{N}._%+\-]+@[\p{L}\p{N}\-]+(?:\.[\p{L}\p{N}\-]+)*\.\p{L}{2,}`;
/** 3/10/2026, 03.10.2026, 2026-10-03: protected, so a date followed by an hour is not a phone number. */
const DATE = String.raw`${START}(?:\d{1,2}(?<dsep>[./\-])\d{1,2}\k<dsep>\d{4}|\d{4}-\d{2}-\d{2})${END}`;
/** 150000000 đồng, 1.500.000 VNĐ: protected, so a sum of nine digits is not a CMND number. */
const AMOUNT = String.raw`${START}\d[\d.,]*\s?(?:đồng|đ|vnđ|vnd|triệu|tỷ)(?!\p{L})`;
/** "CCCD số 0 4 5 …": after a keyword, any nine or twelve digits, however grouped. */
const ID_KEYWORD = `(?:cccd|cmnd|cmt|căn cước(?: công dân)?|chứng minh(?: nhân dân| thư)?|(?:số )?định danh(?: cá nhân)?)`;
const KEYWORD_ID = String.raw`(?<kw>(?<!\p{L})${ID_KEYWORD}[\s:.,\-]*(?:(?:số|là)[\s:]*)?)(?<kwnum>\d${digits(11)}|\d${digits(8)})${END}`;
/** CCCD: 12 digits, starting with the 0 of a province code (001–096), plain or in groups of 3 or 4. */
const CCCD = String.raw`${START}(?:0\d{11}|0\d{2}(?<s3>[ .\-])\d{3}\k<s3>\d{3}\k<s3>\d{3}|0\d{3}(?<s4>[ .\-])\d{4}\k<s4>\d{4})${END}`;
/** Mobile 0[35789] + 8 digits, landline 02 + 9 digits; +84 / 0084 / (+84) without the leading 0. */
const PHONE = String.raw`${START}(?:\(?(?:\+|00)84\)?${SEP}(?:\(0\)${SEP})?(?:[35789]${digits(8)}|2${digits(9)})|\(?0(?:[35789]${digits(8)}|2${digits(9)}))${END}`;
/** CMND: nine digits in a row. */
const CMND = String.raw`${START}\d{9}${END}`;

// One pass, leftmost match first; at one position the earlier alternatives win, so protected
// spans (dates, amounts) are consumed before a number pattern could claim them.
const PATTERN = new RegExp(
  [
    `(?<email>${EMAIL})`,
    `(?<date>${DATE})`,
    `(?<amount>${AMOUNT})`,
    KEYWORD_ID,
    `(?<cccd>${CCCD})`,
    `(?<phone>${PHONE})`,
    `(?<cmnd>${CMND})`,
  ].join('|'),
  'giu',
);

// Control characters except tab and newline, and the bidi overrides that can disguise text.
const CONTROL = /(?![\t\n])\p{Cc}|[\u202A-\u202E\u2066-\u2069]/gu;

/** NFC, without control characters, trimmed: what the length limit and the masking apply to. */
export function normalizeComment(text: string): string {
  return text.normalize('NFC').replace(/\r\n?/g, '\n').replace(CONTROL, '').trim();
}

/** Length in characters as a person counts them (code points, after NFC). */
export function commentLength(normalized: string): number {
  let n = 0;
  for (const _ of normalized) n += 1;
  return n;
}

/** Replaces phone numbers, CCCD/CMND numbers and e-mail addresses in a normalized comment. */
export function maskPersonalData(normalized: string): string {
  return normalized.replace(PATTERN, (match, ...args) => {
    const groups = args.at(-1) as Record<string, string | undefined>;
    if (groups.email) return MASKS.email;
    if (groups.date || groups.amount) return match;
    if (groups.kwnum) return `${groups.kw}${MASKS.id}`;
    if (groups.cccd || groups.cmnd) return MASKS.id;
    if (groups.phone) return MASKS.phone;
    return match;
  });
}

/** A comment as stored: normalized and masked; null when empty. */
export function commentForStorage(text: string | null | undefined): string | null {
  if (text === null || text === undefined) return null;
  const normalized = normalizeComment(text);
  return normalized === '' ? null : maskPersonalData(normalized);
}
