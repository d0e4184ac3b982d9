// The card variant, loaded on demand: the badge's figures with words around them, the median against
// the legal limit, and satisfaction of late against in-time dossiers when the API provides it.
import type { WidgetKit } from './element.ts';
import { type Figures, legalLimitWorkingDays, type Subject, satisfactionSplit } from './figures.ts';

const WORDS = {
  vi: {
    heading: 'Mức độ hài lòng và đúng hạn, 12 tháng qua',
    satisfaction: 'Hài lòng',
    ratingsOf: (n: string) => `trên ${n} lượt đánh giá`,
    onTime: 'Giải quyết đúng hạn',
    finishedOf: (n: string) => `trên ${n} hồ sơ đã giải quyết`,
    median: 'Thời gian giải quyết thường gặp (trung vị)',
    legal: (limit: string) => `quy định: ${limit}`,
    split: (late: string, inTime: string) => `Hồ sơ trễ hạn: ${late} hài lòng; đúng hoặc sớm hạn: ${inTime}.`,
    noData: 'Chưa có số liệu',
  },
  en: {
    heading: 'Satisfaction and timeliness, last 12 months',
    satisfaction: 'Satisfied',
    ratingsOf: (n: string) => `of ${n} ratings`,
    onTime: 'Handled on time',
    finishedOf: (n: string) => `of ${n} finished dossiers`,
    median: 'Typical (median) processing time',
    legal: (limit: string) => `legal limit: ${limit}`,
    split: (late: string, inTime: string) => `Late dossiers: ${late} satisfied; early or on time: ${inTime}.`,
    noData: 'No data yet',
  },
};

const CARD_CSS = `.c h2{margin:0 0 .5rem;font-size:1rem}
.c p.s{margin:0 0 .75rem;color:#5a5a5a}
.c dl{display:grid;grid-template-columns:repeat(auto-fit,minmax(9rem,1fr));gap:.75rem;margin:0}
.c dt{color:#5a5a5a;font-size:.9em}
.c dd{margin:0}
.c dd strong{display:block;font-size:1.5em;color:#0b4f8a}
.c p.x{margin:.75rem 0 0}`;

export function mountCard(kit: WidgetKit, view: HTMLElement, subject: Subject) {
  kit.adopt(CARD_CSS);
  const words = WORDS[kit.lang];
  const { percent, number, workingDays } = kit.format;
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, text = '', className = '') => {
    const node = document.createElement(tag);
    node.textContent = text;
    if (className) node.className = className;
    return node;
  };
  const figure = (term: string, value: string | null, note: string) => {
    const dd = el('dd');
    dd.append(el('strong', value ?? words.noData), note);
    return [el('dt', term), dd];
  };
  const limit = legalLimitWorkingDays(subject.timeLimits);

  return {
    update(figures: Figures): void {
      const list = el('dl');
      list.append(
        ...figure(
          words.satisfaction,
          figures.ratings && figures.satisfactionRate !== null
            ? percent(figures.satisfactionRate, kit.lang)
            : null,
          words.ratingsOf(number(figures.ratings, kit.lang, 0)),
        ),
        ...figure(
          words.onTime,
          figures.onTimeRate === null ? null : percent(figures.onTimeRate, kit.lang),
          words.finishedOf(number(figures.finished, kit.lang, 0)),
        ),
        ...figure(
          words.median,
          figures.medianProcessingWorkingDays === null
            ? null
            : workingDays(figures.medianProcessingWorkingDays, kit.lang),
          limit === null ? '' : words.legal(workingDays(limit, kit.lang)),
        ),
      );
      const parts: HTMLElement[] = [el('h2', words.heading), el('p', subject.name, 's'), list];
      const split = satisfactionSplit(figures.satisfactionByTimeliness);
      if (split) {
        parts.push(
          el('p', words.split(percent(split.late.rate, kit.lang), percent(split.inTime.rate, kit.lang)), 'x'),
        );
      }
      view.replaceChildren(...parts);
    },
  };
}
