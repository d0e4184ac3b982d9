// The report of an agency subtree for a period is a list of tables — one per part (processing by
// unit and by sector, SIPAS, the Decision 766 indicators, the 9-indicator evaluation, the reform
// programme's tasks, the PAR INDEX inputs). One assembly feeds the GraphQL `agencyReport`, the XLSX
// workbook and the CSV files, so the page, the workbook and the CSV cannot disagree on a figure.

/**
 * How a column's values read: INTEGER a count, PERCENT a share 0..1 (shown 12.5%), DAYS working days,
 * SCORE points, TEXT words, DATE an ISO day; ROW: the row's own `format` (a table of mixed figures).
 */
export type CellFormat = 'TEXT' | 'INTEGER' | 'PERCENT' | 'DAYS' | 'SCORE' | 'DATE' | 'ROW';

/** A cell: a number, a text, or null for "no data" (never shown as 0). */
export type Cell = string | number | null;

export interface ReportColumn {
  key: string;
  /** The Vietnamese header of the column. */
  header: string;
  format: CellFormat;
  /** Width in characters, for the workbook. */
  width: number;
}

export interface ReportRow {
  cells: Cell[];
  /** For the columns of format ROW. */
  format?: Exclude<CellFormat, 'ROW'>;
  /** A total or subtotal row (bold in the workbook and on the page). */
  total?: boolean;
}

export interface ReportTable {
  /** Stable, URL-safe: the CSV file's name (`/exports/report-<id>.csv`). */
  id: string;
  /** The workbook's sheet name (at most 31 characters). */
  sheet: string;
  /** Part of the report it belongs to, 1 to 6. */
  part: number;
  title: string;
  /** The legal document or methodology the figures follow. */
  source: string;
  note: string | null;
  columns: ReportColumn[];
  rows: ReportRow[];
}

export const column = (key: string, header: string, format: CellFormat, width = 14): ReportColumn => ({
  key,
  header,
  format,
  width,
});

/** Names of the report's parts, as the headings of the page and the printed report say them. */
export const REPORT_PARTS: readonly string[] = [
  'Kết quả giải quyết thủ tục hành chính',
  'Mức độ hài lòng và Chỉ số SIPAS',
  'Bộ chỉ số phục vụ người dân, doanh nghiệp (Quyết định 766/QĐ-TTg)',
  'Đánh giá việc giải quyết thủ tục hành chính (9 tiêu chí)',
  'Nhiệm vụ cải cách hành chính',
  'Số liệu phục vụ tự đánh giá Chỉ số PAR INDEX',
];

/** The source texts the tables cite. */
export const SOURCES = {
  processing:
    'Số liệu hồ sơ đồng bộ từ hệ thống một cửa; cách tính đúng hạn theo Nghị định 61/2018/NĐ-CP, Thông tư 01/2018/TT-VPCP (nay Nghị định 118/2025/NĐ-CP) và Quyết định 766/QĐ-TTg.',
  sipas:
    'Phương pháp đo lường sự hài lòng SIPAS (Quyết định 2640/QĐ-BNV ngày 10/10/2017); đánh giá của người dân trên hệ thống.',
  index766: 'Quyết định 766/QĐ-TTg ngày 23/6/2022 của Thủ tướng Chính phủ.',
  evaluation:
    'Nghị định 61/2018/NĐ-CP (nay Nghị định 118/2025/NĐ-CP) và Thông tư 01/2018/TT-VPCP: 9 tiêu chí, mỗi tiêu chí 0–2 điểm, tối đa 18 điểm.',
  reform: 'Kế hoạch cải cách hành chính và các văn bản giao nhiệm vụ của Ủy ban nhân dân.',
  parIndex:
    'Quyết định 876/QĐ-BNV: Bộ Chỉ số theo dõi, đánh giá kết quả cải cách hành chính (PAR INDEX) giai đoạn 2022–2030.',
} as const;
