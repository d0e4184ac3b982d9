// Part 2: satisfaction and SIPAS (Decision 2640/QĐ-BNV; docs/domain.md §4.3): the SIPAS index, each
// factor with its criteria, then the response chain finished → asked to rate → rated and the survey's
// respondents, and the quick ratings' satisfaction rate. Figures as services/sipas.ts computes them.
import type { SipasReport } from '../sipas.ts';
import { type Counts, ratingsCount, ratio, satisfactionRate } from '../stats.ts';
import { column, type ReportRow, type ReportTable, SOURCES } from './report-table.ts';

export function satisfactionTable(sipas: SipasReport, stats: Counts): ReportTable {
  const rows: ReportRow[] = [
    {
      cells: ['Chỉ số hài lòng SIPAS (trung bình các yếu tố)', sipas.index, sipas.respondents, null],
    },
  ];
  for (const f of sipas.factors) {
    rows.push({ cells: [`Yếu tố: ${f.name}`, f.index, f.respondents, f.positive] });
    for (const c of f.criteria) {
      // Per criterion: the satisfaction share when the form asks it per criterion, else the
      // assessment share (agreeing the criterion was met).
      const share = c.satisfaction ? c.satisfaction.share : c.assessment.share;
      const answered = c.satisfaction ? c.satisfaction.answered : c.assessment.answered;
      const positive = c.satisfaction ? c.satisfaction.positive : c.assessment.agree;
      rows.push({ cells: [`Tiêu chí: ${c.text}`, share, answered, positive] });
    }
  }
  const chain = sipas.chain;
  rows.push(
    { cells: ['Hồ sơ đã giải quyết trong kỳ', null, chain.finished, null] },
    {
      cells: [
        'Hồ sơ được gửi đường dẫn đánh giá (tỷ lệ trên hồ sơ đã giải quyết)',
        ratio(chain.ratingLinksIssued, chain.finished),
        chain.ratingLinksIssued,
        null,
      ],
    },
    {
      cells: [
        'Lượt đánh giá mức độ hài lòng (tỷ lệ trên hồ sơ đã giải quyết)',
        ratio(chain.ratings, chain.finished),
        chain.ratings,
        null,
      ],
    },
    {
      cells: [
        'Tỷ lệ hài lòng (hài lòng và rất hài lòng trên tổng lượt đánh giá)',
        satisfactionRate(stats),
        ratingsCount(stats),
        stats.verySatisfied + stats.satisfied,
      ],
    },
    { cells: ['Phiếu khảo sát SIPAS đã nhận', null, chain.surveyRespondents, null] },
  );
  return {
    id: 'hai-long',
    sheet: 'Hài lòng - SIPAS',
    part: 2,
    title: 'Mức độ hài lòng và Chỉ số SIPAS',
    source: SOURCES.sipas,
    note: `Phiếu khảo sát: ${sipas.questionnaireCode ?? 'chưa có'}. Chỉ số của yếu tố = số người trả lời hài lòng (mức 4–5 trên thang 5) / số người trả lời; Chỉ số SIPAS = trung bình các yếu tố, chỉ tính khi mọi yếu tố có số liệu.`,
    columns: [
      column('name', 'Nội dung', 'TEXT', 60),
      column('share', 'Chỉ số / tỷ lệ', 'PERCENT', 14),
      column('count', 'Số lượng (người trả lời, hồ sơ, lượt)', 'INTEGER', 16),
      column('positive', 'Số hài lòng / đồng ý', 'INTEGER', 14),
    ],
    rows,
  };
}
