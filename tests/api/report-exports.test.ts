// Issue 11 "Reports": the periodic report as files — GET /exports/report.xlsx and
// /exports/report-<table>.csv (docs/api.md "Reports"). The workbook parses, has a sheet per table
// with its title block, Vietnamese headers, number formats, a frozen header and an autofilter; its
// cells hold the hand-counted figures of the small case (tests/support/report-case.ts) and the
// same figures as the API's GraphQL for the same scope; the CSV files likewise. Refusals come back
// as JSON with a stable code, never a 500.
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApi } from '../support/api.ts';
import {
  A,
  B,
  C,
  cellValue,
  ingestReportCase,
  PROVINCE,
  Q1,
  REPORT_QUERY,
  type ReportOfficials,
  type ReportTableData,
} from '../support/report-case.ts';
import { startSeededApi } from '../support/seeded.ts';

let t: TestApi;
let officials: ReportOfficials;

/** Rows above the header in every sheet: title, agency, period, generated at, source, note, blank. */
const HEADER_ROW = 8;

const exportUrl = (file: string, params: Record<string, string>) =>
  `${t.url.replace(/\/graphql$/, '')}/exports/${file}?${new URLSearchParams(params)}`;

const q1 = (agency: string) => ({ agency, from: Q1.from, to: Q1.to });

async function download(file: string, params: Record<string, string>, headers: Record<string, string>) {
  return fetch(exportUrl(file, params), { headers });
}

let workbook: ExcelJS.Workbook;
let graphqlTables: ReportTableData[];

beforeAll(async () => {
  t = await startSeededApi(0);
  officials = await ingestReportCase(t);
  const res = await download('report.xlsx', q1(PROVINCE), officials.monitor);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('spreadsheetml');
  expect(res.headers.get('content-disposition')).toContain(`bao-cao-${PROVINCE}-${Q1.from}-${Q1.to}.xlsx`);
  workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await res.arrayBuffer()) as ExcelJS.Buffer);
  const report = await t.gql<{ agencyReport: { tables: ReportTableData[] } }>(
    REPORT_QUERY,
    { code: PROVINCE, period: Q1 },
    officials.monitor,
  );
  expect(report.errors).toBeUndefined();
  graphqlTables = report.data!.agencyReport.tables;
}, 120_000);

afterAll(async () => {
  await t?.close();
});

/** The data rows of a sheet, keyed by the text of `column` (1-based). */
function sheetRow(sheet: ExcelJS.Worksheet, key: string, column = 1): ExcelJS.Row {
  for (let r = HEADER_ROW + 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    if (row.getCell(column).value === key) return row;
  }
  throw new Error(`no row ${key} in ${sheet.name}`);
}

describe('GET /exports/report.xlsx', () => {
  it('has one sheet per table, in the order of Query.agencyReport', () => {
    expect(workbook.worksheets.map((s) => s.name)).toEqual(graphqlTables.map((x) => x.sheet));
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Theo đơn vị',
      'Theo lĩnh vực',
      'Hài lòng - SIPAS',
      'Chỉ số 766',
      'Đánh giá 9 tiêu chí',
      'Điểm từng tiêu chí',
      'Nhiệm vụ CCHC',
      'PAR INDEX',
    ]);
  });

  it('a title block, Vietnamese headers, a frozen header row and an autofilter', () => {
    const sheet = workbook.getWorksheet('Theo đơn vị')!;
    expect(sheet.getCell('A1').value).toBe('Kết quả giải quyết hồ sơ theo đơn vị');
    expect(sheet.getCell('A2').value).toBe('Cơ quan, đơn vị:');
    expect(String(sheet.getCell('B2').value)).toContain('Tỉnh Khánh Hòa');
    expect(sheet.getCell('B3').value).toBe('Từ ngày 01/01/2026 đến ngày 31/03/2026');
    expect(String(sheet.getCell('B5').value)).toContain('61/2018/NĐ-CP');
    const headers = (sheet.getRow(HEADER_ROW).values as unknown[]).slice(1);
    expect(headers).toEqual(graphqlTables[0]!.columns.map((c) => c.header));
    expect(headers.slice(0, 3)).toEqual(['Mã đơn vị', 'Đơn vị', 'Tiếp nhận']);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: HEADER_ROW });
    // 13 columns (A–M); the header and the four rows below it (three communes and the total).
    expect(sheet.autoFilter).toBe(`A${HEADER_ROW}:M${HEADER_ROW + 4}`);
    expect(sheet.getColumn(2).width).toBe(40);
  });

  it('the hand-counted figures, with number formats', () => {
    const sheet = workbook.getWorksheet('Theo đơn vị')!;
    const a = sheetRow(sheet, A);
    // A: 5 received, 4 finished, on-time rate (1 early + 2 on time) / 4 = 0.75 (see reports.test.ts).
    expect([a.getCell(3).value, a.getCell(4).value, a.getCell(8).value]).toEqual([5, 4, 0.75]);
    expect(a.getCell(3).numFmt).toBe('#,##0');
    expect(a.getCell(8).numFmt).toBe('0.0%');
    expect(a.getCell(10).numFmt).toBe('0.0');
    expect(sheetRow(sheet, B).getCell(3).value).toBe(2);
    // C3, due 19/3, open on 31/3: one late-open dossier in C.
    expect(sheetRow(sheet, C).getCell(9).value).toBe(1);
    const total = sheetRow(sheet, 'Tổng cộng', 2);
    // 10 received, 8 finished, (4 + 3) / 8 = 0.875.
    expect([total.getCell(3).value, total.getCell(4).value, total.getCell(8).value]).toEqual([10, 8, 0.875]);
    expect(total.font?.bold).toBe(true);
  });

  it('every cell of every sheet equals Query.agencyReport', () => {
    for (const table of graphqlTables) {
      const sheet = workbook.getWorksheet(table.sheet)!;
      table.rows.forEach((row, r) => {
        const cells = sheet.getRow(HEADER_ROW + 1 + r);
        row.cells.forEach((cell, c) => {
          let value = cells.getCell(c + 1).value;
          if (value instanceof Date) value = value.toISOString().slice(0, 10);
          expect(value ?? null, `${table.sheet} ${r + 1}:${c + 1}`).toEqual(cellValue(cell));
        });
      });
    }
  });

  it('the PAR INDEX sheet: each row its own format', () => {
    const sheet = workbook.getWorksheet('PAR INDEX')!;
    // Found by its words (column B); column A numbers the rows.
    const onTime = sheetRow(sheet, 'Tỷ lệ hồ sơ thủ tục hành chính được giải quyết đúng hạn', 2);
    expect(onTime.getCell(1).value).toBe(2);
    // (4 early + 3 on time) / 8 finished.
    expect([onTime.getCell(3).value, onTime.getCell(4).value, onTime.getCell(5).value]).toEqual([
      0.875, 7, 8,
    ]);
    expect(onTime.getCell(3).numFmt).toBe('0.0%');
  });

  it('the figures of a commune’s workbook are its own', async () => {
    const res = await download('report.xlsx', q1(A), officials.communeA);
    expect(res.status).toBe(200);
    const own = new ExcelJS.Workbook();
    await own.xlsx.load((await res.arrayBuffer()) as ExcelJS.Buffer);
    const total = sheetRow(own.getWorksheet('Theo đơn vị')!, 'Tổng cộng', 2);
    expect([total.getCell(3).value, total.getCell(8).value]).toEqual([5, 0.75]);
  });
});

describe('GET /exports/report-<table>.csv', () => {
  it('UTF-8 with a BOM, the header row, and the figures of the table', async () => {
    const res = await download('report-don-vi.csv', q1(PROVINCE), officials.monitor);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    const parsed = Papa.parse<string[]>(text.trim());
    expect(parsed.errors).toEqual([]);
    const [header, ...rows] = parsed.data;
    expect(header).toEqual(graphqlTables[0]!.columns.map((c) => c.header));
    const a = rows.find((r) => r[0] === A)!;
    // Received 5, finished 4, on-time rate 0.75 as a fraction.
    expect([a[2], a[3], a[7]]).toEqual(['5', '4', '0.75']);
    const total = rows.find((r) => r[1] === 'Tổng cộng')!;
    expect([total[2], total[7]]).toEqual(['10', '0.875']);
    // Every row and cell as GraphQL gives it ("" for no data).
    expect(rows).toEqual(graphqlTables[0]!.rows.map((r) => r.cells.map((c) => String(cellValue(c) ?? ''))));
  });

  it('every table has its file', async () => {
    for (const table of graphqlTables) {
      const res = await download(`report-${table.id}.csv`, q1(PROVINCE), officials.monitor);
      expect(res.status, table.id).toBe(200);
      const parsed = Papa.parse<string[]>((await res.text()).replace(/^\uFEFF/, '').trim());
      expect(parsed.data.length, table.id).toBe(table.rows.length + 1);
    }
  });
});

describe('refusals, as JSON with a code', () => {
  const refusal = async (res: Response) => ({
    status: res.status,
    code: ((await res.json()) as { code: string }).code,
  });

  it('anonymous: 401 UNAUTHENTICATED', async () => {
    expect(await refusal(await download('report.xlsx', q1(A), {}))).toEqual({
      status: 401,
      code: 'UNAUTHENTICATED',
    });
  });

  it('another commune, or the province, to a commune’s official: 403 FORBIDDEN', async () => {
    for (const agency of [B, PROVINCE]) {
      expect(await refusal(await download('report.xlsx', q1(agency), officials.communeA))).toEqual({
        status: 403,
        code: 'FORBIDDEN',
      });
    }
    expect(await refusal(await download('report-don-vi.csv', q1(B), officials.communeA))).toEqual({
      status: 403,
      code: 'FORBIDDEN',
    });
  });

  it('a bad period: 400 INVALID_PERIOD; a missing parameter: 400 BAD_REQUEST', async () => {
    for (const [from, to] of [
      ['2026-01-15', '2026-03-31'],
      ['2026-02-30', '2026-03-31'],
      ['ngày đầu', '2026-03-31'],
    ] as const) {
      expect(
        await refusal(await download('report.xlsx', { agency: A, from, to }, officials.communeA)),
      ).toEqual({
        status: 400,
        code: 'INVALID_PERIOD',
      });
    }
    expect(await refusal(await download('report.xlsx', { agency: A }, officials.communeA))).toEqual({
      status: 400,
      code: 'BAD_REQUEST',
    });
  });

  it('an unknown table or agency: 404 NOT_FOUND; another method: 405', async () => {
    expect(await refusal(await download('report-khong-co.csv', q1(A), officials.communeA))).toEqual({
      status: 404,
      code: 'NOT_FOUND',
    });
    expect(await refusal(await download('report.xlsx', q1('99999'), officials.monitor))).toEqual({
      status: 404,
      code: 'NOT_FOUND',
    });
    const post = await fetch(exportUrl('report.xlsx', q1(A)), {
      method: 'POST',
      headers: officials.communeA,
    });
    expect(await refusal(post)).toEqual({ status: 405, code: 'METHOD_NOT_ALLOWED' });
  });
});
