// Part 6: the procedure-reform inputs of the PAR INDEX self-assessment (Decision 876/QĐ-BNV, the
// 2022–2030 framework; docs/domain.md §7) that the system's own data supports: each a share with its
// numerator and denominator, the figure it is taken from, and the PAR INDEX field it feeds. The
// criteria are named by their field, not numbered: the numbering of sub-criteria changes with each
// year's guidance, and the office matches them when it enters the self-assessment.
import type { Index766Result } from '../index766.ts';
import type { SipasReport } from '../sipas.ts';
import { type Counts, ratingsCount, ratio } from '../stats.ts';
import { type Cell, type CellFormat, column, type ReportTable, SOURCES } from './report-table.ts';

export interface ParIndexInput {
  /** A machine key only (never shown: the report numbers the rows, officials read the name). */
  code: string;
  name: string;
  value: number | null;
  format: Exclude<CellFormat, 'ROW' | 'TEXT' | 'DATE'>;
  numerator: number | null;
  denominator: number | null;
  /** Where the figure comes from in this system. */
  figure: string;
  /** The PAR INDEX field (and criterion) it feeds. */
  criterion: string;
}

const TTHC = 'Lĩnh vực Cải cách thủ tục hành chính';

export function parIndexInputs(stats: Counts, index766: Index766Result, sipas: SipasReport): ParIndexInput[] {
  const indicator = (id: string) => index766.indicators.find((i) => i.id === id);
  const share = (id: string) => {
    const i = indicator(id);
    const numerator = i?.numerator ?? null;
    const denominator = i?.denominator ?? null;
    const value = numerator === null || denominator === null ? null : ratio(numerator, denominator);
    return { value, numerator, denominator };
  };
  const positive = stats.verySatisfied + stats.satisfied;
  return [
    {
      code: 'PAR-CONG-KHAI',
      name: 'Tỷ lệ thủ tục hành chính được công bố, công khai đầy đủ các bộ phận cấu thành',
      format: 'PERCENT',
      ...share('1.3'),
      figure: 'Chỉ tiêu 1.3, Quyết định 766/QĐ-TTg (danh mục thủ tục của đơn vị)',
      criterion: `${TTHC}: công bố, công khai thủ tục hành chính`,
    },
    {
      code: 'PAR-DUNG-HAN',
      name: 'Tỷ lệ hồ sơ thủ tục hành chính được giải quyết đúng hạn',
      format: 'PERCENT',
      value: ratio(stats.early + stats.onTime, stats.finished),
      numerator: stats.early + stats.onTime,
      denominator: stats.finished,
      figure: 'Phần 1: hồ sơ trước hạn và đúng hạn trên hồ sơ đã giải quyết trong kỳ',
      criterion: `${TTHC}: kết quả giải quyết hồ sơ thủ tục hành chính`,
    },
    {
      code: 'PAR-TRUC-TUYEN',
      name: 'Tỷ lệ hồ sơ thủ tục hành chính được tiếp nhận trực tuyến',
      format: 'PERCENT',
      ...share('3.3'),
      figure: 'Chỉ tiêu 3.3, Quyết định 766/QĐ-TTg',
      criterion: 'Lĩnh vực Xây dựng và phát triển Chính phủ điện tử, Chính phủ số: dịch vụ công trực tuyến',
    },
    {
      code: 'PAR-DVC-TRUC-TUYEN',
      name: 'Tỷ lệ thủ tục hành chính cung cấp dịch vụ công trực tuyến (toàn trình, một phần)',
      format: 'PERCENT',
      ...share('3.1'),
      figure: 'Chỉ tiêu 3.1, Quyết định 766/QĐ-TTg',
      criterion: 'Lĩnh vực Xây dựng và phát triển Chính phủ điện tử, Chính phủ số: dịch vụ công trực tuyến',
    },
    {
      code: 'PAR-PAKN',
      name: 'Tỷ lệ phản ánh, kiến nghị được xử lý đúng hạn',
      format: 'PERCENT',
      ...share('5.2'),
      figure: 'Chỉ tiêu 5.2, Quyết định 766/QĐ-TTg',
      criterion: `${TTHC}: tiếp nhận, xử lý phản ánh, kiến nghị`,
    },
    {
      code: 'PAR-HAI-LONG',
      name: 'Tỷ lệ người dân, doanh nghiệp hài lòng với việc giải quyết thủ tục hành chính',
      format: 'PERCENT',
      value: ratio(positive, ratingsCount(stats)),
      numerator: positive,
      denominator: ratingsCount(stats),
      figure: 'Phần 2: lượt đánh giá hài lòng và rất hài lòng trên tổng lượt đánh giá',
      criterion: `${TTHC}: mức độ hài lòng trong giải quyết thủ tục hành chính`,
    },
    {
      code: 'PAR-SIPAS',
      name: 'Chỉ số hài lòng về sự phục vụ hành chính (SIPAS)',
      format: 'PERCENT',
      value: sipas.index,
      numerator: null,
      denominator: sipas.respondents,
      figure: 'Phần 2: Chỉ số SIPAS (mẫu số: số phiếu khảo sát)',
      criterion:
        'Lĩnh vực Tác động của cải cách hành chính đến người dân, tổ chức và phát triển kinh tế - xã hội',
    },
  ];
}

export function parIndexTable(inputs: ParIndexInput[]): ReportTable {
  return {
    id: 'par-index',
    sheet: 'PAR INDEX',
    part: 6,
    title: 'Số liệu phục vụ tự đánh giá Chỉ số cải cách hành chính (PAR INDEX)',
    source: SOURCES.parIndex,
    note: 'Tên lĩnh vực, tiêu chí theo Quyết định 876/QĐ-BNV; số thứ tự tiêu chí đối chiếu theo hướng dẫn tự đánh giá của năm. Ô trống là chưa có số liệu. Tỷ lệ hồ sơ giải quyết đúng hạn tính như Phần 1 (trên hồ sơ đã giải quyết trong kỳ), nên khác chỉ tiêu 2.1 của Quyết định 766/QĐ-TTg ở Phần 3 (trên hồ sơ tiếp nhận trong kỳ, gồm cả hồ sơ chưa giải quyết nhưng còn trong hạn đến ngày cuối kỳ).',
    columns: [
      column('order', 'STT', 'INTEGER', 6),
      column('name', 'Nội dung', 'TEXT', 50),
      column('value', 'Giá trị', 'ROW', 11),
      column('numerator', 'Tử số', 'INTEGER', 11),
      column('denominator', 'Mẫu số', 'INTEGER', 11),
      column('figure', 'Nguồn số liệu', 'TEXT', 44),
      column('criterion', 'Lĩnh vực, tiêu chí PAR INDEX', 'TEXT', 50),
    ],
    rows: inputs.map((i, n) => ({
      format: i.format,
      cells: [n + 1, i.name, i.value, i.numerator, i.denominator, i.figure, i.criterion] as Cell[],
    })),
  };
}
