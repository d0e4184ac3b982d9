// The report as files (docs/api.md "Reports"): an XLSX workbook with one sheet per table — a title
// block (agency, period, generated at, source), Vietnamese headers, number formats, frozen header
// row, column widths, autofilter — streamed as it is written; and each table as CSV (UTF-8 with a
// BOM so Excel reads the Vietnamese, a header row, shares as fractions 0..1 as the API gives them).
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { AgencyReport } from './agency-report.ts';
import type { Cell, CellFormat, ReportTable } from './report-table.ts';

const NUMBER_FORMATS: Record<Exclude<CellFormat, 'ROW'>, string> = {
  TEXT: '@',
  INTEGER: '#,##0',
  PERCENT: '0.0%',
  DAYS: '0.0',
  SCORE: '0.00',
  DATE: 'dd/mm/yyyy',
};

/** Rows above the header: title, agency, period, generated at, source, note, a blank line. */
export const TITLE_ROWS = 7;

const dmy = (day: string) => day.split('-').reverse().join('/');

/** "02/12/2026 14:05" in Asia/Ho_Chi_Minh. */
export function localDateTime(at: Date): string {
  const iso = new Date(at.getTime() + 7 * 3600_000).toISOString();
  return `${dmy(iso.slice(0, 10))} ${iso.slice(11, 16)}`;
}

export function periodText(report: AgencyReport): string {
  const { from, to } = report.period;
  return `Từ ngày ${dmy(from)} đến ngày ${dmy(to)}`;
}

function xlsxValue(cell: Cell, format: Exclude<CellFormat, 'ROW'>): ExcelJS.CellValue {
  if (cell === null) return null;
  // An ISO day as a real date (UTC midnight is what Excel's serial day means).
  if (format === 'DATE' && typeof cell === 'string') return new Date(`${cell}T00:00:00Z`);
  return cell;
}

export async function writeReportWorkbook(report: AgencyReport, stream: Writable): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = 'Hệ thống theo dõi giải quyết thủ tục hành chính';
  workbook.created = report.generatedAt;
  for (const table of report.tables) addSheet(workbook, report, table);
  await workbook.commit();
}

function addSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, report: AgencyReport, table: ReportTable) {
  const headerRow = TITLE_ROWS + 1;
  const sheet = workbook.addWorksheet(table.sheet, {
    views: [{ state: 'frozen', ySplit: headerRow, xSplit: 0 }],
  });
  sheet.columns = table.columns.map((c) => ({ key: c.key, width: c.width }));
  const titleBlock: [string, string][] = [
    [table.title, ''],
    ['Cơ quan, đơn vị:', `${report.agency.name} (mã ${report.agency.code}, gồm các đơn vị trực thuộc)`],
    ['Kỳ báo cáo:', periodText(report)],
    ['Thời điểm lập:', localDateTime(report.generatedAt)],
    ['Nguồn, căn cứ:', table.source],
    ['Ghi chú:', table.note ?? ''],
  ];
  titleBlock.forEach(([label, text], i) => {
    const row = sheet.getRow(i + 1);
    row.getCell(1).value = label;
    if (text) row.getCell(2).value = text;
    row.font = i === 0 ? { bold: true, size: 14 } : { italic: i >= 4 };
    if (i > 0) row.getCell(1).font = { bold: true };
    row.commit();
  });
  sheet.getRow(TITLE_ROWS).commit();
  const header = sheet.getRow(headerRow);
  table.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
    cell.border = { bottom: { style: 'thin' } };
  });
  header.commit();
  table.rows.forEach((r, index) => {
    const row = sheet.getRow(headerRow + 1 + index);
    table.columns.forEach((c, i) => {
      const format = c.format === 'ROW' ? (r.format ?? 'TEXT') : c.format;
      const cell = row.getCell(i + 1);
      cell.value = xlsxValue(r.cells[i] ?? null, format);
      cell.numFmt = NUMBER_FORMATS[format];
      if (format === 'TEXT') cell.alignment = { wrapText: true, vertical: 'top' };
    });
    if (r.total) row.font = { bold: true };
    row.commit();
  });
  const lastColumn = sheet.getColumn(table.columns.length).letter;
  sheet.autoFilter = `A${headerRow}:${lastColumn}${headerRow + table.rows.length}`;
  sheet.commit();
}

async function write(stream: Writable, chunk: string): Promise<void> {
  if (!stream.write(chunk)) await once(stream, 'drain');
}

export async function writeReportCsv(table: ReportTable, stream: Writable): Promise<void> {
  // Cells that Excel would run as formulas (=, +, -, @) get a leading apostrophe.
  await write(stream, `\uFEFF${Papa.unparse([table.columns.map((c) => c.header)])}\r\n`);
  if (table.rows.length > 0) {
    const rows = table.rows.map((r) => r.cells.map((cell) => (cell === null ? '' : cell)));
    await write(stream, `${Papa.unparse(rows, { escapeFormulae: true })}\r\n`);
  }
  stream.end();
}
