// Part 3: the Decision 766/QĐ-TTg indicators the system computes (docs/domain.md §5), each with its
// numerator, denominator and score; "no data" stays empty, never 0.
import { roundScore } from '../../domain/index766.ts';
import type { Index766Result } from '../index766.ts';
import { column, type ReportTable, SOURCES } from './report-table.ts';

/** The indicators as Decision 766/QĐ-TTg names them (paraphrased). */
export const INDICATOR_766_NAMES: Record<string, string> = {
  '1.3': 'Công khai thủ tục hành chính đầy đủ các bộ phận cấu thành',
  '2.1': 'Tiến độ giải quyết hồ sơ: tỷ lệ hồ sơ giải quyết đúng hạn',
  '3.1': 'Thủ tục hành chính cung cấp dịch vụ công trực tuyến',
  '3.3': 'Tỷ lệ hồ sơ tiếp nhận trực tuyến',
  '5.2': 'Phản ánh, kiến nghị được xử lý đúng hạn',
  '5.4': 'Mức độ hài lòng trong giải quyết thủ tục hành chính',
};

export function index766Table(index: Index766Result): ReportTable {
  const rows = index.indicators.map((i) => ({
    cells: [
      i.id,
      INDICATOR_766_NAMES[i.id] ?? i.id,
      i.numerator,
      i.denominator,
      roundScore(i.score, 4),
      i.maxScore,
    ],
  }));
  const max = index.indicators.reduce((sum, i) => sum + i.maxScore, 0);
  rows.push({
    cells: [null, 'Tổng điểm các chỉ tiêu tính được', null, null, roundScore(index.total, 4), max],
  });
  return {
    id: 'chi-so-766',
    sheet: 'Chỉ số 766',
    part: 3,
    title: 'Bộ chỉ số chỉ đạo, điều hành và đánh giá chất lượng phục vụ người dân, doanh nghiệp',
    source: SOURCES.index766,
    // A denominator of 0 is "no data" too (Indicator766.noData): the score is then the table's (5.2: 6, 5.4: 0).
    note: 'Chỉ gồm các chỉ tiêu tính được từ dữ liệu của hệ thống; ô trống là chưa có số liệu (không phải 0 điểm); mẫu số bằng 0 là không có gì để tính, khi đó điểm theo bảng chỉ tiêu (5.2: 6 điểm khi không có phản ánh, kiến nghị; 5.4: 0 điểm khi không có hồ sơ). Chỉ tiêu 2.1 tính trên hồ sơ tiếp nhận trong kỳ: tử số là số hồ sơ trong đó đã giải quyết trước hạn, đúng hạn (kể cả hồ sơ rút, dừng xử lý) hoặc chưa giải quyết nhưng còn trong hạn đến ngày cuối kỳ; vì vậy khác tỷ lệ đúng hạn ở Phần 1 và Phần 6 (trên hồ sơ đã giải quyết trong kỳ).',
    columns: [
      column('id', 'Chỉ tiêu', 'TEXT', 9),
      column('name', 'Nội dung', 'TEXT', 56),
      column('numerator', 'Tử số', 'INTEGER', 11),
      column('denominator', 'Mẫu số', 'INTEGER', 11),
      column('score', 'Điểm', 'SCORE', 9),
      column('maxScore', 'Điểm tối đa', 'SCORE', 11),
    ],
    rows: rows.map((r, i) => (i === rows.length - 1 ? { ...r, total: true } : r)),
  };
}
