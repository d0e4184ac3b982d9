// Figures as the badge writes them. Hand-written rather than Intl.NumberFormat: the output must be the
// same in every browser and in Node (Intl's "vi" percent uses a non-breaking space that some engines
// drop), and the loader stays tiny.

export type Lang = 'vi' | 'en';

/** "1.234,5" (vi) or "1,234.5" (en), at most `digits` decimals, trailing zeros dropped. */
export function formatNumber(value: number, lang: Lang, digits = 1): string {
  const factor = 10 ** digits;
  const rounded = Math.round(Math.abs(value) * factor) / factor;
  const [whole = '0', fraction] = String(rounded).split('.');
  const [group, decimal] = lang === 'vi' ? ['.', ','] : [',', '.'];
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  const sign = value < 0 && rounded !== 0 ? '-' : '';
  return sign + grouped + (fraction ? decimal + fraction : '');
}

/** A rate 0..1 as "92,3 %" (vi, Vietnamese typography puts a space before %) or "92.3%" (en). */
export function formatPercent(rate: number, lang: Lang): string {
  return formatNumber(rate * 100, lang) + (lang === 'vi' ? '\u00a0%' : '%');
}

/** Working days: "3,5 ngày làm việc" / "3.5 working days" / "1 working day". */
export function formatWorkingDays(days: number, lang: Lang): string {
  const text = formatNumber(days, lang);
  if (lang === 'vi') return `${text} ngày làm việc`;
  return `${text} working day${text === '1' ? '' : 's'}`;
}
