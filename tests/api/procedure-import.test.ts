// Importing and exporting the procedure catalogue over HTTP (docs/api.md "Import and export"): the
// national package (JSON) and spreadsheets (XLSX, CSV) previewed then applied in one transaction with
// the bad rows left out; the exports and the template; an exported file re-imports as all UNCHANGED.
import { readFileSync } from 'node:fs';
import { loadLimits } from '@tthc/api';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.ts';
import { keyFor } from '../support/keys.ts';
import { addOfficial, sessionOf } from '../support/officials.ts';
import { startSeededApi } from '../support/seeded.ts';

let t: TestApi;
let admin: Record<string, string>;

beforeAll(async () => {
  t = await startSeededApi(0);
  await addOfficial(t, 'quantri', 'SYSTEM_ADMIN', undefined, 'Nguyễn Văn Quản');
  await addOfficial(t, 'qt.phuochau', 'UNIT_ADMIN', '22873', 'Phạm Thị Xã');
  admin = await sessionOf(t, 'quantri');
});

afterAll(async () => {
  await t?.close();
});

interface Row {
  row: number;
  code: string | null;
  action: string;
  changes: { field: string; before: string | null; after: string | null }[];
  problems: { field: string[] | null; column: string | null; code: string; message: string }[];
}
interface Payload {
  applied: boolean;
  summary: { total: number; created: number; updated: number; unchanged: number; rejected: number };
  rows: Row[];
  ignoredColumns: string[];
  userErrors: { field: string[] | null; code: string; message: string }[];
}

const IMPORT = (operation: 'previewProcedureImport' | 'applyProcedureImport') => `
  mutation($input: ProcedureImportInput!) {
    ${operation}(input: $input) {
      applied
      summary { total created updated unchanged rejected }
      rows { row code action changes { field before after } problems { field column code message } }
      ignoredColumns
      userErrors { field code message }
    }
  }`;

async function importFile(
  operation: 'previewProcedureImport' | 'applyProcedureImport',
  input: { format: 'XLSX' | 'CSV' | 'JSON'; content: string; fileName?: string },
  headers = admin,
): Promise<Payload> {
  const res = await t.gql<Record<string, Payload>>(IMPORT(operation), { input }, headers);
  expect(res.errors).toBeUndefined();
  return res.data![operation]!;
}
const preview = (input: Parameters<typeof importFile>[1], headers?: Record<string, string>) =>
  importFile('previewProcedureImport', input, headers);
const apply = (input: Parameters<typeof importFile>[1], headers?: Record<string, string>) =>
  importFile('applyProcedureImport', input, headers);

const prisma = () => t.api.services.prisma;
const versionsOf = (code: string) => prisma().procedureVersion.count({ where: { procedure: { code } } });
const auditsOf = (action: string) =>
  prisma().auditLog.findMany({ where: { action }, orderBy: { id: 'asc' } });
const publishedCount = () => prisma().procedure.count({ where: { active: true } });

async function download(path: string, headers: Record<string, string> = {}) {
  const res = await fetch(new URL(path, t.url), { headers });
  return { res, body: Buffer.from(await res.arrayBuffer()) };
}

async function xlsxBase64(rows: (string | number)[][]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Thủ tục');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
}

describe('the national package (JSON)', () => {
  const SAMPLE = JSON.parse(
    readFileSync(new URL('../../prisma/seed-data/procedures.json', import.meta.url), 'utf8'),
  ) as Record<string, unknown>[];

  it('the package the catalogue was seeded from imports as unchanged', async () => {
    const result = await preview({ format: 'JSON', content: JSON.stringify(SAMPLE) });
    expect(result.userErrors).toEqual([]);
    expect(result.rows.filter((r) => r.action !== 'UNCHANGED')).toEqual([]);
    expect(result.summary).toEqual({ total: 56, created: 0, updated: 0, unchanged: 56, rejected: 0 });
  });

  it('a changed fee is an UPDATE, a bad entry is REJECTED with its path, the rest applied in one go', async () => {
    // 2.000635 Cấp bản sao trích lục hộ tịch; its fee becomes 10,000 đồng.
    const changed = SAMPLE.map((entry) =>
      entry.code === '2.000635'
        ? { ...entry, fees: [{ name: 'Phí cấp bản sao trích lục hộ tịch', amountVnd: 10000 }] }
        : entry,
    );
    const bad = {
      code: '1.00119',
      name: 'Mã sai',
      sector: { name: 'Hộ tịch' },
      levels: ['COMMUNE'],
      timeLimits: [{ channel: 'IN_PERSON', value: -1, unit: 'WORKING_DAYS' }],
    };
    const content = JSON.stringify({ procedures: [...changed, bad] });
    const before = await versionsOf('2.000635');

    const previewed = await preview({ format: 'JSON', content, fileName: 'goi-tthc-quoc-gia.json' });
    expect(previewed.summary).toEqual({ total: 57, created: 0, updated: 1, unchanged: 55, rejected: 1 });
    const update = previewed.rows.find((r) => r.action === 'UPDATE')!;
    expect(update.code).toBe('2.000635');
    expect(update.changes.map((c) => [c.field, c.after])).toEqual([
      ['fees', 'Phí cấp bản sao trích lục hộ tịch | 10.000'],
    ]);
    expect(previewed.rows.at(-1)).toMatchObject({
      row: 57,
      code: '1.00119',
      action: 'REJECTED',
      problems: [
        { field: ['code'], column: null, code: 'INVALID_PROCEDURE_CODE' },
        {
          field: ['timeLimits', '0', 'value'],
          column: null,
          code: 'INVALID_TIME_LIMIT',
          message: 'Thời hạn giải quyết phải là một số lớn hơn 0.',
        },
      ],
    });
    expect(await versionsOf('2.000635')).toBe(before);

    const applied = await apply({ format: 'JSON', content, fileName: 'goi-tthc-quoc-gia.json' });
    expect(applied.applied).toBe(true);
    expect(applied.summary).toEqual(previewed.summary);
    expect(await versionsOf('2.000635')).toBe(before + 1);
    const fee = await t.gql<{
      procedure: { fees: unknown[]; currentVersion: { version: number; changes: { field: string }[] } };
    }>(
      `{ procedure(code: "2.000635") { fees { name amountVnd } currentVersion { version changes { field } } } }`,
    );
    expect(fee.data?.procedure).toEqual({
      fees: [{ name: 'Phí cấp bản sao trích lục hộ tịch', amountVnd: 10000 }],
      currentVersion: { version: before + 1, changes: [{ field: 'fees' }] },
    });
    const [imported] = await auditsOf('procedure.import');
    expect(imported).toMatchObject({
      entity: 'ProcedureImport',
      entityId: 'goi-tthc-quoc-gia.json',
      data: { format: 'JSON', rows: 57, created: 0, updated: 1, unchanged: 55, rejected: 1 },
    });
  });
});

describe('a spreadsheet (XLSX and CSV)', () => {
  it('previews then applies an XLSX file with a bad row: the valid rows in one transaction, the bad one reported', async () => {
    const units = await t.gql<{ procedure: { currentAgencies: { code: string }[] } }>(
      `{ procedure(code: "1.004873") { currentAgencies { code } } }`,
    );
    const agencies = units.data!.procedure.currentAgencies.map((a) => a.code).join('; ');
    const content = await xlsxBase64([
      [
        'Mã thủ tục',
        'Tên thủ tục',
        'Lĩnh vực',
        'Cấp thực hiện',
        'Thời hạn trực tiếp',
        'Thời hạn trực tuyến',
        'Phí, lệ phí',
        'Mã đơn vị thực hiện',
        'Ghi chú nội bộ',
      ],
      [
        '1.998001',
        'Thủ tục thử nhập từ bảng tính',
        'Hộ tịch',
        'Cấp xã',
        '10 ngày làm việc',
        '',
        'Lệ phí | 20.000\nPhí bản sao | 5.000 | trực tuyến',
        '22873',
        'không đọc',
      ],
      [
        '1.004873',
        'Thủ tục cấp Giấy xác nhận tình trạng hôn nhân',
        'Hộ tịch',
        'Cấp xã',
        '4 ngày làm việc',
        '3 ngày làm việc',
        'Lệ phí cấp Giấy xác nhận tình trạng hôn nhân | | | Theo nghị quyết của HĐND tỉnh',
        agencies,
        '',
      ],
      ['1.998002', 'Thủ tục có lỗi', 'Lĩnh vực không có', 'Cấp xã', '0 ngày làm việc', '', '', '', ''],
      ['1.998001', 'Dòng trùng mã', 'Hộ tịch', 'Cấp xã', '1 ngày làm việc', '', '', '', ''],
    ]);
    const audits = await prisma().auditLog.count();

    const previewed = await preview({ format: 'XLSX', content, fileName: 'thu-tuc.xlsx' });
    expect(previewed.applied).toBe(false);
    expect(previewed.ignoredColumns).toEqual(['Ghi chú nội bộ']);
    expect(previewed.rows.map((r) => [r.row, r.code, r.action])).toEqual([
      [2, '1.998001', 'CREATE'],
      [3, '1.004873', 'UPDATE'],
      [4, '1.998002', 'REJECTED'],
      [5, '1.998001', 'REJECTED'],
    ]);
    expect(previewed.rows[1]!.changes.map((c) => c.field)).toEqual(['timeLimits', 'fees']);
    expect(previewed.rows[1]!.changes[0]!.after).toContain('Trực tiếp: 4 ngày làm việc');
    expect(previewed.rows[2]!.problems.map((p) => [p.column, p.code, p.message])).toEqual([
      ['Lĩnh vực', 'UNKNOWN_SECTOR', 'Lĩnh vực: "Lĩnh vực không có" chưa có trong danh mục lĩnh vực.'],
      [
        'Thời hạn trực tiếp',
        'INVALID_TIME_LIMIT',
        'Thời hạn trực tiếp: Thời hạn giải quyết phải là một số lớn hơn 0.',
      ],
    ]);
    expect(previewed.rows[3]!.problems).toEqual([
      {
        field: ['code'],
        column: 'Mã thủ tục',
        code: 'DUPLICATE_IMPORT_ROW',
        message: 'Mã thủ tục 1.998001 đã có ở dòng 2; chỉ dùng dòng đầu tiên.',
      },
    ]);
    // A preview writes nothing.
    expect(await prisma().procedure.count({ where: { code: '1.998001' } })).toBe(0);
    expect(await versionsOf('1.004873')).toBe(1);
    expect(await prisma().auditLog.count()).toBe(audits);

    const applied = await apply({ format: 'XLSX', content, fileName: 'thu-tuc.xlsx' });
    expect(applied.summary).toEqual({ total: 4, created: 1, updated: 1, unchanged: 0, rejected: 2 });
    const read = await t.gql<{ a: Record<string, unknown>; b: Record<string, unknown>; c: null }>(`{
      a: procedure(code: "1.998001") { name levels timeLimits { channel value unit } fees { channel name amountVnd } currentAgencies { code } }
      b: procedure(code: "1.004873") { timeLimits { channel value unit } currentVersion { version createdBy } }
      c: procedure(code: "1.998002") { code }
    }`);
    expect(read.data).toEqual({
      a: {
        name: 'Thủ tục thử nhập từ bảng tính',
        levels: ['COMMUNE'],
        timeLimits: [{ channel: 'IN_PERSON', value: 10, unit: 'WORKING_DAYS' }],
        fees: [
          { channel: null, name: 'Lệ phí', amountVnd: 20000 },
          { channel: 'ONLINE', name: 'Phí bản sao', amountVnd: 5000 },
        ],
        currentAgencies: [{ code: '22873' }],
      },
      // The sheet has no postal column: the postal limit stays.
      b: {
        timeLimits: [
          { channel: 'IN_PERSON', value: 4, unit: 'WORKING_DAYS' },
          { channel: 'ONLINE', value: 3, unit: 'WORKING_DAYS' },
          { channel: 'POSTAL', value: 3, unit: 'WORKING_DAYS' },
        ],
        currentVersion: { version: 2, createdBy: expect.stringMatching(/^USER:\d+$/) },
      },
      c: null,
    });
    // One audit row per procedure written, and one for the import with its counts.
    expect(await prisma().auditLog.count()).toBe(audits + 3);
    expect((await auditsOf('procedure.import')).at(-1)!.data).toEqual({
      format: 'XLSX',
      fileName: 'thu-tuc.xlsx',
      rows: 4,
      created: 1,
      updated: 1,
      unchanged: 0,
      rejected: 2,
    });

    // The same file again: what was applied is now unchanged, and nothing more is written.
    const again = await apply({ format: 'XLSX', content });
    expect(again.summary).toEqual({ total: 4, created: 0, updated: 0, unchanged: 2, rejected: 2 });
    expect(await prisma().auditLog.count()).toBe(audits + 3);
  });

  it('CSV: semicolons, quoted cells over several lines, dates dd/mm/yyyy', async () => {
    const csv = [
      'Mã thủ tục;Trình tự thực hiện;Ngày ban hành quyết định;Số quyết định công bố',
      '1.998001;"Bước 1: Nộp hồ sơ\n# Trường hợp nộp trực tuyến\nBước 1: Đăng nhập Cổng Dịch vụ công";20/11/2026;123/QĐ-UBND',
      '1.001193;;31/02/2026;',
    ].join('\r\n');
    const result = await apply({ format: 'CSV', content: csv });
    expect(result.rows.map((r) => [r.row, r.action, r.problems.map((p) => [p.column, p.code])])).toEqual([
      [2, 'UPDATE', []],
      [3, 'REJECTED', [['Ngày ban hành quyết định', 'INVALID_DATE']]],
    ]);
    const read = await t.gql<{ procedure: { currentVersion: Record<string, unknown> } }>(
      `{ procedure(code: "1.998001") { currentVersion { version steps { case steps } decisionDate decisionNumber } } }`,
    );
    expect(read.data?.procedure.currentVersion).toEqual({
      version: 2,
      steps: [
        { case: null, steps: ['Bước 1: Nộp hồ sơ'] },
        { case: 'Trường hợp nộp trực tuyến', steps: ['Bước 1: Đăng nhập Cổng Dịch vụ công'] },
      ],
      decisionDate: '2026-11-20',
      decisionNumber: '123/QĐ-UBND',
    });
  });

  it('a failure while writing writes nothing: the rows go in one transaction', async () => {
    // A trigger makes the database refuse the version of the second procedure, after the first
    // procedure's rows were written in the same transaction.
    const pool = t.api.services.db.pool;
    await pool.query(`CREATE FUNCTION test_refuse_version() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'test: version refused'; END $$`);
    await pool.query(`CREATE TRIGGER test_refuse_version BEFORE INSERT ON "ProcedureVersion"
      FOR EACH ROW WHEN (NEW.name = 'Thủ tục làm hỏng giao dịch') EXECUTE FUNCTION test_refuse_version()`);
    try {
      const csv = [
        'Mã thủ tục;Tên thủ tục;Lĩnh vực;Cấp thực hiện;Thời hạn trực tiếp',
        '1.998101;Thủ tục hợp lệ;Hộ tịch;Cấp xã;5 ngày làm việc',
        '1.998102;Thủ tục làm hỏng giao dịch;Hộ tịch;Cấp xã;5 ngày làm việc',
      ].join('\n');
      const audits = await prisma().auditLog.count();
      const res = await t.gql(
        IMPORT('applyProcedureImport'),
        { input: { format: 'CSV', content: csv } },
        admin,
      );
      expect(res.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
      expect(await prisma().procedure.count({ where: { code: { in: ['1.998101', '1.998102'] } } })).toBe(0);
      expect(await prisma().auditLog.count()).toBe(audits);
    } finally {
      await pool.query('DROP TRIGGER test_refuse_version ON "ProcedureVersion"');
      await pool.query('DROP FUNCTION test_refuse_version()');
    }
  });

  it('refuses a whole file it cannot take, and callers who may not edit the catalogue, writing nothing', async () => {
    const refusal = async (input: Parameters<typeof importFile>[1], headers?: Record<string, string>) =>
      (await apply(input, headers)).userErrors.map((e) => [e.field?.join('.') ?? null, e.code]);
    expect(await refusal({ format: 'XLSX', content: 'không phải base64!' })).toEqual([
      ['input.content', 'INVALID_IMPORT_FILE'],
    ]);
    expect(
      await refusal({ format: 'XLSX', content: Buffer.from('không phải xlsx').toString('base64') }),
    ).toEqual([['input.content', 'INVALID_IMPORT_FILE']]);
    expect(await refusal({ format: 'CSV', content: 'Tên thủ tục\nKhông có cột mã' })).toEqual([
      ['input.content', 'INVALID_IMPORT_FILE'],
    ]);
    expect(await refusal({ format: 'JSON', content: '{"khong": 1}' })).toEqual([
      ['input.content', 'INVALID_IMPORT_FILE'],
    ]);
    const manyRows = [
      'Mã thủ tục',
      ...Array.from({ length: 5001 }, (_, i) => `1.${String(i).padStart(6, '0')}`),
    ].join('\n');
    expect(await refusal({ format: 'CSV', content: manyRows })).toEqual([
      ['input.content', 'IMPORT_TOO_LARGE'],
    ]);
    // Over 10 MB, far past the API's generic ceiling on strings (10,000 characters), which this input is exempt from.
    const huge = `Mã thủ tục;Tên thủ tục\n1.998003;${'x'.repeat(10 * 1024 * 1024)}`;
    expect(await refusal({ format: 'CSV', content: huge })).toEqual([['input.content', 'IMPORT_TOO_LARGE']]);

    const file = {
      format: 'CSV' as const,
      content: 'Mã thủ tục;Tên thủ tục;Lĩnh vực;Cấp thực hiện\n1.998009;Không được tạo;Hộ tịch;Cấp xã',
    };
    expect(await refusal(file, await sessionOf(t, 'qt.phuochau'))).toEqual([[null, 'FORBIDDEN']]);
    expect(await refusal(file, await keyFor(t, 'READ'))).toEqual([[null, 'FORBIDDEN']]);
    expect(await refusal(file, {})).toEqual([[null, 'UNAUTHENTICATED']]);
    expect((await preview(file, {})).rows).toEqual([]);
    expect(await prisma().procedure.count({ where: { code: '1.998009' } })).toBe(0);
  });
});

describe('export', () => {
  it('the template: the import columns and a sheet that explains them', async () => {
    const { res, body } = await download('/exports/procedures-template.xlsx');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="mau-nhap-thu-tuc-hanh-chinh-\d{8}\.xlsx"$/,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(body as unknown as ExcelJS.Buffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Thủ tục', 'Hướng dẫn']);
    const header = (workbook.worksheets[0]!.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 5)).toEqual([
      'Mã thủ tục',
      'Mã biến thể',
      'Tên thủ tục',
      'Lĩnh vực',
      'Cấp thực hiện',
    ]);
    expect(header).toContain('Thời hạn trực tiếp');
    expect(workbook.worksheets[0]!.actualRowCount).toBe(1);
    expect(workbook.worksheets[1]!.getCell('A2').value).toBe('Mã thủ tục');
  });

  it.each([
    ['XLSX', '/exports/procedures.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['CSV', '/exports/procedures.csv', 'text/csv; charset=utf-8'],
    ['JSON', '/exports/procedures.json', 'application/json; charset=utf-8'],
  ] as const)(
    '%s: an exported catalogue imports again as all UNCHANGED, in seconds',
    async (format, path, type) => {
      const { res, body } = await download(path);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe(type);
      expect(res.headers.get('content-disposition')).toMatch(
        /^attachment; filename="danh-muc-thu-tuc-hanh-chinh-\d{8}\.(xlsx|csv|json)"$/,
      );
      const content = format === 'XLSX' ? body.toString('base64') : body.toString('utf8');
      const published = await publishedCount();
      expect(published).toBeGreaterThan(1119);
      const started = Date.now();
      const result = await preview({ format, content });
      const ms = Date.now() - started;
      expect(result.userErrors).toEqual([]);
      expect(result.rows.filter((r) => r.action !== 'UNCHANGED').slice(0, 3)).toEqual([]);
      expect(result.summary).toEqual({
        total: published,
        created: 0,
        updated: 0,
        unchanged: published,
        rejected: 0,
      });
      // Well inside the 10-second execution deadline, on a busy CI machine too.
      expect(ms).toBeLessThan(8000);
    },
  );

  it('the whole catalogue changed applies in one transaction, in seconds', async () => {
    const { body } = await download('/exports/procedures.csv');
    const parsed = Papa.parse<string[]>(body.toString('utf8').replace(/^\uFEFF/, ''), {
      skipEmptyLines: true,
    });
    const [header, ...rows] = parsed.data as string[][];
    const nameColumn = header!.indexOf('Tên thủ tục');
    const changed = rows.map((r) => r.map((cell, i) => (i === nameColumn ? `${cell} (sửa đổi)` : cell)));
    const content = Papa.unparse([header!, ...changed]);
    const started = Date.now();
    const result = await apply({ format: 'CSV', content, fileName: 'toan-bo.csv' });
    const ms = Date.now() - started;
    expect(result.summary).toMatchObject({ total: rows.length, updated: rows.length, rejected: 0 });
    expect(ms).toBeLessThan(8000);
    const khaiSinh = await t.gql<{ procedure: { name: string; currentVersion: { version: number } } }>(
      `{ procedure(code: "1.001193") { name currentVersion { version } } }`,
    );
    expect(khaiSinh.data?.procedure).toEqual({
      name: 'Thủ tục đăng ký khai sinh (sửa đổi)',
      currentVersion: { version: 2 },
    });
    expect((await auditsOf('procedure.import')).at(-1)!.data).toMatchObject({
      rows: rows.length,
      updated: rows.length,
    });
  });
});

describe('export endpoints, as other anonymous requests', () => {
  it('are counted against the per-IP budget', async () => {
    const small = await startTestApi({
      config: { limits: loadLimits({ LIMIT_ANONYMOUS_REQUESTS_PER_MINUTE: '2' }) },
    });
    try {
      const get = () => fetch(new URL('/exports/procedures.json', small.url));
      expect((await get()).status).toBe(200);
      expect(await (await get()).json()).toEqual([]);
      const third = await get();
      expect(third.status).toBe(429);
      expect(third.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(await third.json()).toMatchObject({ code: 'RATE_LIMITED' });
      const unknown = await fetch(new URL('/exports/khong-co.xlsx', small.url));
      expect(unknown.status).toBe(404);
      const post = await fetch(new URL('/exports/procedures.csv', small.url), { method: 'POST' });
      expect(post.status).toBe(405);
    } finally {
      await small.close();
    }
  });
});
