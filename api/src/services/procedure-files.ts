// Reading an import file (docs/api.md "Import and export"): a spreadsheet (XLSX with exceljs, CSV with
// papaparse; a header row of Vietnamese column names, then one procedure per row) or the national
// package (JSON). Only reading here: what the rows say is checked by procedure-import.ts.
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { matchHeader, SHEET_COLUMNS, type SheetColumn } from '../domain/procedure-sheet.ts';

export type ImportFormat = 'XLSX' | 'CSV' | 'JSON';

/** Bounds of one import: the whole catalogue (1,119 procedures today) fits several times. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 5000;

/** One procedure of the file: its row as a spreadsheet numbers it (the header is row 1), or its place in the JSON list. */
export type ImportSourceRow =
  | { row: number; kind: 'sheet'; cells: Map<string, string> }
  | { row: number; kind: 'json'; entry: unknown };

export type ReadFile =
  | { ok: true; rows: ImportSourceRow[]; ignoredColumns: string[] }
  | { ok: false; code: 'INVALID_IMPORT_FILE' | 'IMPORT_TOO_LARGE'; message: string };

const invalid = (message: string): ReadFile => ({ ok: false, code: 'INVALID_IMPORT_FILE', message });
const tooLarge = (message: string): ReadFile => ({ ok: false, code: 'IMPORT_TOO_LARGE', message });
const MB = MAX_IMPORT_BYTES / 1024 / 1024;
const tooManyRows = (rows: number) =>
  tooLarge(
    `Tệp có ${rows.toLocaleString('vi-VN')} thủ tục, vượt quá ${MAX_IMPORT_ROWS.toLocaleString('vi-VN')} thủ tục mỗi lần nhập: hãy chia thành nhiều tệp.`,
  );

/** Reads `content` (XLSX: base64 of the file; CSV and JSON: the text) into rows. */
export async function readImportFile(format: ImportFormat, content: string): Promise<ReadFile> {
  if (format === 'XLSX') {
    // Base64 is 4 characters for 3 bytes.
    if (content.length > Math.ceil(MAX_IMPORT_BYTES / 3) * 4 + 4) {
      return tooLarge(`Tệp lớn hơn ${MB} MB: hãy chia thành nhiều tệp.`);
    }
    if (!/^[A-Za-z0-9+/=\s]*$/.test(content)) {
      return invalid('Nội dung tệp XLSX phải được mã hóa base64.');
    }
    return readXlsx(Buffer.from(content, 'base64'));
  }
  if (Buffer.byteLength(content, 'utf8') > MAX_IMPORT_BYTES) {
    return tooLarge(`Tệp lớn hơn ${MB} MB: hãy chia thành nhiều tệp.`);
  }
  const text = content.replace(/^\uFEFF/, '');
  return format === 'CSV' ? readCsv(text) : readJson(text);
}

/** The rows of a sheet given as a header and lines of cell texts. */
function sheetRows(header: readonly string[], lines: { row: number; cells: readonly string[] }[]): ReadFile {
  const { columns, ignored } = matchHeader(header);
  if (!columns.some((c) => c?.key === 'code')) {
    return invalid(
      `Không thấy cột "Mã thủ tục" ở dòng tiêu đề (dòng 1). Các cột đọc được: ${SHEET_COLUMNS.map((c) => c.header).join(', ')}. Hãy dùng tệp mẫu.`,
    );
  }
  if (lines.length > MAX_IMPORT_ROWS) return tooManyRows(lines.length);
  const rows: ImportSourceRow[] = [];
  for (const { row, cells } of lines) {
    if (cells.every((c) => c.trim() === '')) continue;
    const map = new Map<string, string>();
    columns.forEach((column: SheetColumn | null, i) => {
      if (column) map.set(column.key, cells[i] ?? '');
    });
    rows.push({ row, kind: 'sheet', cells: map });
  }
  return { ok: true, rows, ignoredColumns: ignored };
}

/** The export writes a cell Excel would run as a formula with a leading apostrophe (procedure-export.ts). */
const unescapeFormula = (cell: string) => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);

function readCsv(text: string): ReadFile {
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' });
  // A one-column file has no delimiter to detect; papaparse then reads it with commas, which is right.
  const broken = parsed.errors.find((e) => e.code !== 'UndetectableDelimiter');
  if (broken) {
    return invalid(
      `Tệp CSV không đọc được ở dòng ${(broken.row ?? 0) + 1}: ${broken.code === 'MissingQuotes' || broken.code === 'InvalidQuotes' ? 'dấu ngoặc kép không khớp' : broken.message}.`,
    );
  }
  const [header, ...lines] = parsed.data;
  if (!header) return invalid('Tệp CSV trống.');
  return sheetRows(
    header,
    lines.map((cells, i) => ({ row: i + 2, cells: cells.map(unescapeFormula) })),
  );
}

/** A cell as text: dates as dd/mm/yyyy (or HH:MM for a time of day), rich text joined, formulas by their result. */
function cellText(value: ExcelJS.CellValue, column: SheetColumn | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    // Excel stores a day or a time of day without a zone; exceljs gives it as that instant in UTC.
    const iso = value.toISOString();
    if (column?.key === 'sameDayCutoff') return iso.slice(11, 16);
    return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
  }
  if (typeof value === 'number') {
    // A code typed into a cell formatted as a number: 1.00119 was 1.001190.
    if (column?.key === 'code' && value > 0 && value < 10) return value.toFixed(6);
    return String(value);
  }
  if (typeof value === 'string' || typeof value === 'boolean') return String(value);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('text' in value && typeof value.text === 'string') return value.text;
  if ('result' in value) return cellText((value.result ?? null) as ExcelJS.CellValue, column);
  if ('error' in value) return '';
  return '';
}

async function readXlsx(buffer: Buffer): Promise<ReadFile> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  } catch {
    return invalid('Tệp không phải bảng tính Excel (.xlsx) hợp lệ.');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return invalid('Bảng tính không có trang nào.');
  if (sheet.actualRowCount - 1 > MAX_IMPORT_ROWS) return tooManyRows(sheet.actualRowCount - 1);
  const headerRow = sheet.getRow(1);
  const header: string[] = [];
  for (let c = 1; c <= headerRow.cellCount; c++)
    header.push(cellText(headerRow.getCell(c).value, null).trim());
  const { columns } = matchHeader(header);
  const lines: { row: number; cells: string[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    const cells: string[] = [];
    for (let c = 1; c <= header.length; c++) cells.push(cellText(row.getCell(c).value, columns[c - 1]));
    lines.push({ row: rowNumber, cells });
  });
  return sheetRows(header, lines);
}

function readJson(text: string): ReadFile {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return invalid(`Tệp JSON không hợp lệ: ${(error as Error).message.slice(0, 200)}`);
  }
  const list = Array.isArray(parsed)
    ? parsed
    : parsed && typeof parsed === 'object'
      ? ((parsed as Record<string, unknown>).procedures ?? (parsed as Record<string, unknown>).data)
      : undefined;
  if (!Array.isArray(list)) {
    return invalid(
      'Tệp JSON phải là danh sách thủ tục, hoặc một đối tượng có danh sách "procedures" (hay "data").',
    );
  }
  if (list.length > MAX_IMPORT_ROWS) return tooManyRows(list.length);
  return {
    ok: true,
    rows: list.map((entry, i) => ({ row: i + 1, kind: 'json', entry })),
    ignoredColumns: [],
  };
}
