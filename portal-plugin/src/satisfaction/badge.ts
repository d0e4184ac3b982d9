// The badge's words and their order: pure, so the same text is unit-tested and rendered.
import type { Figures } from './figures.ts';
import { formatNumber, formatPercent, formatWorkingDays, type Lang } from './format-figures.ts';

const WORDS = {
  vi: {
    label: 'Mức độ hài lòng, 12 tháng qua',
    satisfied: 'hài lòng',
    ratings: 'đánh giá',
    onTime: 'đúng hạn',
    median: 'thường xong trong',
    none: 'Chưa có đánh giá',
    loading: 'Đang tải…',
    failed: 'Chưa tải được số liệu',
  },
  en: {
    label: 'Satisfaction, last 12 months',
    satisfied: 'satisfied',
    ratings: 'ratings',
    onTime: 'on time',
    median: 'usually done in',
    none: 'No ratings yet',
    loading: 'Loading…',
    failed: 'Figures unavailable',
  },
} as const;

export const badgeWords = (lang: Lang) => WORDS[lang];

/** [emphasised, rest] pairs: "92,3 %" "hài lòng", "1.234" "đánh giá", … */
export function badgeParts(figures: Figures, lang: Lang): [string, string][] {
  const words = WORDS[lang];
  const parts: [string, string][] = [];
  if (figures.satisfactionRate === null || !figures.ratings) parts.push(['', words.none]);
  else {
    parts.push([formatPercent(figures.satisfactionRate, lang), words.satisfied]);
    parts.push([formatNumber(figures.ratings, lang, 0), words.ratings]);
  }
  if (figures.onTimeRate !== null) parts.push([formatPercent(figures.onTimeRate, lang), words.onTime]);
  if (figures.medianProcessingWorkingDays !== null)
    parts.push(['', `${words.median} ${formatWorkingDays(figures.medianProcessingWorkingDays, lang)}`]);
  return parts;
}
