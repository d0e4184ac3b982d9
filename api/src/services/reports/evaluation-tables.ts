// Part 4: the 9-indicator evaluation (Decree 61/2018/NĐ-CP, Circular 01/2018/TT-VPCP; docs/domain.md
// §4.2) of the agency and of each of its units, for each quarter of the period: the totals and bands,
// and every indicator with the self-scored and the verified points side by side, next to the score
// computed from dossier data where the system computes one (indicators 1 and 2).
import type { EvaluationReport } from '../evaluation.ts';
import { column, type ReportTable, SOURCES } from './report-table.ts';

const ROMAN = ['I', 'II', 'III', 'IV'];
const quarterName = (q: number) => `Quý ${ROMAN[q - 1]}`;

export function evaluationTotalsTable(reports: EvaluationReport[]): ReportTable {
  return {
    id: 'danh-gia-tong',
    sheet: 'Đánh giá 9 tiêu chí',
    part: 4,
    title: 'Tổng điểm đánh giá 9 tiêu chí theo đơn vị và quý',
    source: SOURCES.evaluation,
    note: 'Điểm được tính: điểm tính từ dữ liệu hồ sơ (tiêu chí 1, 2) nếu có, nếu không là điểm thẩm định, nếu chưa thẩm định là điểm tự chấm. Chỉ xếp loại khi đủ 9 tiêu chí có điểm.',
    columns: [
      column('code', 'Mã đơn vị', 'TEXT', 12),
      column('name', 'Đơn vị', 'TEXT', 40),
      column('quarter', 'Quý', 'TEXT', 9),
      column('total', 'Tổng điểm', 'SCORE', 10),
      column('scored', 'Số tiêu chí có điểm', 'INTEGER', 12),
      column('maxScore', 'Điểm tối đa', 'SCORE', 10),
      column('band', 'Xếp loại', 'TEXT', 14),
    ],
    rows: reports.map((e) => ({
      cells: [
        e.agency.code,
        e.agency.name,
        quarterName(e.quarter),
        e.total,
        e.scored,
        e.maxScore,
        e.band?.label ?? null,
      ],
    })),
  };
}

export function evaluationScoresTable(reports: EvaluationReport[]): ReportTable {
  return {
    id: 'danh-gia-chi-tiet',
    sheet: 'Điểm từng tiêu chí',
    part: 4,
    title: 'Điểm từng tiêu chí: tự chấm, thẩm định và tính từ dữ liệu',
    source: SOURCES.evaluation,
    note: 'Ô trống là chưa có điểm.',
    columns: [
      column('code', 'Mã đơn vị', 'TEXT', 12),
      column('name', 'Đơn vị', 'TEXT', 32),
      column('quarter', 'Quý', 'TEXT', 9),
      column('indicator', 'Tiêu chí', 'INTEGER', 9),
      column('indicatorName', 'Nội dung tiêu chí', 'TEXT', 50),
      column('selfScore', 'Điểm tự chấm', 'SCORE', 11),
      column('verifiedScore', 'Điểm thẩm định', 'SCORE', 11),
      column('computedScore', 'Điểm tính từ dữ liệu', 'SCORE', 12),
      column('effectiveScore', 'Điểm được tính', 'SCORE', 11),
    ],
    rows: reports.flatMap((e) =>
      e.indicators.map((i) => ({
        cells: [
          e.agency.code,
          e.agency.name,
          quarterName(e.quarter),
          i.number,
          i.name,
          i.selfScore,
          i.verifiedScore,
          i.computedScore,
          i.effectiveScore,
        ],
      })),
    ),
  };
}
