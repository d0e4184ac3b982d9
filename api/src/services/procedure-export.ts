// Exporting the catalogue (docs/api.md "Import and export"): the published procedures as XLSX, CSV or
// the JSON of the national package, each procedure as its record (its latest version, as an edit sees
// it), and an empty XLSX template with a sheet explaining the columns. Written to a stream batch by
// batch; an exported file imported again is all UNCHANGED.
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { Prisma, PrismaClient } from '@tthc/db';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { ProcedureRecord } from '../domain/procedure-record.ts';
import { formatCell, SHEET_COLUMNS } from '../domain/procedure-sheet.ts';
import { type Catalogue, loadCatalogue, loadStoredRows, recordOf } from './procedure-records.ts';

export type ExportFormat = 'XLSX' | 'CSV' | 'JSON';

const BATCH = 250;
export const SHEET_NAME = 'Thủ tục';
export const GUIDE_SHEET_NAME = 'Hướng dẫn';

/** The published procedures in code order, a batch at a time. */
async function* publishedRecords(prisma: PrismaClient, now: Date): AsyncGenerator<ProcedureRecord[]> {
  let after: string | null = null;
  for (;;) {
    const where: Prisma.ProcedureWhereInput = {
      active: true,
      ...(after === null ? {} : { code: { gt: after } }),
    };
    const rows = await loadStoredRows(prisma, where, now, BATCH);
    if (rows.length === 0) return;
    yield rows.map(recordOf);
    after = rows[rows.length - 1]!.procedure.code;
    if (rows.length < BATCH) return;
  }
}

async function write(stream: Writable, chunk: string): Promise<void> {
  if (!stream.write(chunk)) await once(stream, 'drain');
}

/** One procedure of the JSON export: the national package's fields, then the rest of the record by name. */
export function nationalEntryOf(record: ProcedureRecord, catalogue: Pick<Catalogue, 'sectorName'>) {
  const { sectorCode, ...rest } = record;
  return {
    code: rest.code,
    name: rest.name,
    sector: { code: sectorCode, name: catalogue.sectorName(sectorCode) },
    levels: rest.levels,
    timeLimits: rest.timeLimits,
    fees: rest.fees,
    onlineLevel: rest.onlineLevel,
    source: rest.source,
    variantCode: rest.variantCode,
    eligibleForFullOnline: rest.eligibleForFullOnline,
    sameDayCutoff: rest.sameDayCutoff,
    steps: rest.steps,
    channelsText: rest.channelsText,
    dossierComponents: rest.dossierComponents,
    applicants: rest.applicants,
    implementingText: rest.implementingText,
    agencyCodes: rest.agencyCodes,
    results: rest.results,
    forms: rest.forms,
    conditions: rest.conditions,
    legalBasis: rest.legalBasis,
    decisionNumber: rest.decisionNumber,
    decisionDate: rest.decisionDate,
    effectiveFrom: rest.effectiveFrom,
    effectiveTo: rest.effectiveTo,
  };
}

export async function exportCatalogue(
  prisma: PrismaClient,
  format: ExportFormat,
  stream: Writable,
  now = new Date(),
): Promise<void> {
  const catalogue = await loadCatalogue(prisma, now);
  const records = publishedRecords(prisma, now);
  if (format === 'JSON') {
    await write(stream, '[');
    let first = true;
    for await (const batch of records) {
      const text = batch.map((r) => JSON.stringify(nationalEntryOf(r, catalogue), null, 1)).join(',\n');
      await write(stream, `${first ? '\n' : ',\n'}${text}`);
      first = false;
    }
    await write(stream, '\n]\n');
    stream.end();
    return;
  }
  const cellsOf = (r: ProcedureRecord) => SHEET_COLUMNS.map((c) => formatCell(c, r, catalogue.sectorName));
  if (format === 'CSV') {
    // The BOM makes Excel read the file as UTF-8. Cells that Excel would run as formulas (=, +, -, @)
    // are written with a leading apostrophe, which the import takes off again.
    await write(stream, `\uFEFF${Papa.unparse([SHEET_COLUMNS.map((c) => c.header)])}\r\n`);
    for await (const batch of records) {
      await write(stream, `${Papa.unparse(batch.map(cellsOf), { escapeFormulae: true })}\r\n`);
    }
    stream.end();
    return;
  }
  const workbook = sheetWriter(stream);
  const sheet = dataSheet(workbook);
  for await (const batch of records) for (const r of batch) sheet.addRow(cellsOf(r)).commit();
  sheet.commit();
  guideSheet(workbook);
  await workbook.commit();
}

/** An empty sheet with the import columns, and the guide to them. */
export async function exportTemplate(stream: Writable): Promise<void> {
  const workbook = sheetWriter(stream);
  dataSheet(workbook).commit();
  guideSheet(workbook);
  await workbook.commit();
}

function sheetWriter(stream: Writable) {
  return new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
}

function dataSheet(workbook: ExcelJS.Workbook): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(SHEET_NAME, { views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }] });
  // Text format everywhere: Excel must not turn 1.001190 into 1.00119, nor 15:00 into a fraction of a day.
  sheet.columns = SHEET_COLUMNS.map((c) => ({
    header: c.header,
    key: c.key,
    width: c.width,
    style: { numFmt: '@', alignment: { wrapText: true, vertical: 'top' } },
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.commit();
  return sheet;
}

function guideSheet(workbook: ExcelJS.Workbook): void {
  const guide = workbook.addWorksheet(GUIDE_SHEET_NAME);
  guide.columns = [
    { header: 'Cột', key: 'header', width: 34 },
    { header: 'Cách ghi', key: 'help', width: 90, style: { alignment: { wrapText: true, vertical: 'top' } } },
    { header: 'Ví dụ', key: 'example', width: 50, style: { alignment: { wrapText: true, vertical: 'top' } } },
  ];
  guide.getRow(1).font = { bold: true };
  for (const c of SHEET_COLUMNS)
    guide.addRow({ header: c.header, help: c.help, example: c.example }).commit();
  guide.addRow({}).commit();
  for (const line of [
    'Mỗi dòng của trang "Thủ tục" là một thủ tục. Thủ tục có mã đã có trong danh mục thì được sửa, chưa có thì được tạo mới.',
    'Cột không có trong tệp thì giữ nguyên; ô để trống thì xóa giá trị (các cột bắt buộc không được để trống).',
    'Ô có nhiều giá trị: mỗi giá trị một dòng trong ô (Alt+Enter). Giá trị gồm nhiều phần thì ngăn cách bằng " | "; trong một phần, viết \\| cho dấu |, \\n cho xuống dòng.',
    'Trước khi ghi, hệ thống cho xem trước từng dòng sẽ được tạo mới, sửa (các trường thay đổi), giữ nguyên hay bị từ chối (kèm lý do).',
  ]) {
    guide.addRow({ header: 'Lưu ý', help: line }).commit();
  }
  guide.commit();
}
