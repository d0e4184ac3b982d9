// Issue 11 "Reports", in the browser: the Internal Affairs office's quarterly report of the province
// shows the API's figures; the XLSX downloads through the UI (with its progress) and parses with the
// API's figures in it; a commune's official sees only its commune and is refused another politely;
// the print page fits A4 with the national document header and prints to a PDF; the 9-indicator
// entry form saves points; axe-core is clean on each page at 1280 and 390 px, with screenshots.
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionOf } from '../support/officials.ts';
import { chromiumForTests } from './support/chromium.ts';
import { checkPage, type Harness, signIn, startHarness } from './support/harness.ts';

const chromiumPath = chromiumForTests();

const PROVINCE = '56';
const COMMUNE = '22870'; // Xã Ninh Phước
const OTHER_COMMUNE = '22873'; // Xã Phước Hậu
/** The third quarter of 2026: the seed's dossiers run up to its anchor day, 27/11/2026. */
const Q3 = { from: '2026-07-01', to: '2026-09-30' };
const Q3_QUERY = 'ky=quy&nam=2026&so=3';

/** A4 portrait, 210 mm, less the margins of Decree 30/2020/NĐ-CP (left 30 mm, right 15 mm), in CSS px. */
const PRINTABLE_WIDTH_PX = Math.floor(((210 - 30 - 15) / 25.4) * 96); // 165 mm × 96 / 25.4 = 623.6

interface Stats {
  received: number;
  finished: number;
  onTimeRate: number | null;
}

/**
 * As the page writes them (vi-VN): 1.234; 87,5%, a whole percentage without a decimal (100%). Written
 * here from the rule, not by the UI's code.
 */
const thousands = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
const percent = (share: number | null) => {
  if (share === null) return '–';
  const oneDecimal = (share * 100).toFixed(1);
  return `${oneDecimal.endsWith('.0') ? oneDecimal.slice(0, -2) : oneDecimal.replace('.', ',')}%`;
};

describe.skipIf(!chromiumPath)('periodic reports', () => {
  let h: Harness;
  let monitorApi: Record<string, string>;

  async function stats(code: string): Promise<Stats> {
    const res = await h.api.gql<{ stats: Stats }>(
      'query($period: PeriodInput!, $code: String!) { stats(scope: { agencyCode: $code }, period: $period) { received finished onTimeRate } }',
      { period: Q3, code },
    );
    expect(res.errors).toBeUndefined();
    return res.data!.stats;
  }

  /** The cells of the total row of the first table ("by unit"), by column header. */
  async function unitTotals(page: Page): Promise<Record<string, string>> {
    const table = page.getByRole('table', { name: /Kết quả giải quyết hồ sơ theo đơn vị/ });
    const headers = await table.locator('thead th').allTextContents();
    const cells = await table.locator('tbody tr.total').first().locator('th, td').allTextContents();
    return Object.fromEntries(headers.map((header, i) => [header.trim(), (cells[i] ?? '').trim()]));
  }

  beforeAll(async () => {
    h = await startHarness(chromiumPath!, {
      officials: [
        {
          username: 'noivu.bc',
          role: 'REFORM_MONITOR',
          agencyCode: PROVINCE,
          displayName: 'Phạm Thị Nội Vụ',
        },
        { username: 'xa.bc', role: 'OFFICER', agencyCode: COMMUNE, displayName: 'Trần Văn Xã' },
      ],
    });
    monitorApi = await sessionOf(h.api, 'noivu.bc');
  }, 180_000);
  afterAll(async () => {
    await h?.close();
  });

  it('the province report shows the API’s figures, each part with its source', async () => {
    const page = await h.newPage();
    await signIn(page, 'noivu.bc');
    await page.goto(`/reports?don-vi=${PROVINCE}&${Q3_QUERY}`);
    await expect(
      page.getByRole('heading', { level: 2, name: /Báo cáo Quý III năm 2026: Tỉnh Khánh Hòa/ }).count(),
    ).resolves.toBe(1);
    const s = await stats(PROVINCE);
    expect(s.received).toBeGreaterThan(0);
    const totals = await unitTotals(page);
    expect(totals['Tiếp nhận']).toBe(thousands(s.received));
    expect(totals['Đã giải quyết']).toBe(thousands(s.finished));
    expect(totals['Tỷ lệ đúng hạn']).toBe(percent(s.onTimeRate));
    for (const part of ['Phần 1.', 'Phần 2.', 'Phần 3.', 'Phần 4.', 'Phần 5.', 'Phần 6.']) {
      await expect(
        page.getByRole('heading', { level: 2, name: new RegExp(`^${part.replace('.', '\\.')}`) }).count(),
      ).resolves.toBe(1);
    }
    const sources = await page.locator('.report-source').allTextContents();
    expect(sources.some((x) => x.includes('766/QĐ-TTg'))).toBe(true);
    expect(sources.some((x) => x.includes('876/QĐ-BNV'))).toBe(true);
    // Words for officials: no internal id as text, sectors by name (no slug column), the two on-time
    // rates explained under their tables, a task's progress whole ("100%", never "100,0%").
    const text = (await page.locator('main').textContent()) ?? '';
    for (const id of ['PAR-DUNG-HAN', 'PAR-HAI-LONG', 'PHIEU', 'CHUOI-1', 'HAI-LONG'])
      expect(text).not.toContain(id);
    const sectorHeaders = await page
      .getByRole('table', { name: /Kết quả giải quyết hồ sơ theo lĩnh vực/ })
      .locator('thead th')
      .allTextContents();
    expect(sectorHeaders.slice(0, 2)).toEqual(['Lĩnh vực', 'Tiếp nhận']);
    const notes = await page.locator('.report-note').allTextContents();
    expect(notes.filter((x) => x.includes('chỉ tiêu 2.1 của Quyết định 766/QĐ-TTg'))).toHaveLength(3);
    expect(notes.some((x) => x.includes('Chỉ tiêu 2.1 tính trên hồ sơ tiếp nhận trong kỳ'))).toBe(true);
    const progress = await page
      .getByRole('table', { name: /Tình hình thực hiện nhiệm vụ cải cách hành chính/ })
      .locator('tbody td:nth-child(6)')
      .allTextContents();
    for (const cell of progress) expect(cell).toMatch(/^(\d+%|–)$/);
    await checkPage(page, 'bao-cao-tinh');
  });

  it('the XLSX downloads through the UI with its progress, and holds the API’s figures', async () => {
    const page = await h.newPage();
    await signIn(page, 'noivu.bc');
    await page.goto(`/reports?don-vi=${PROVINCE}&${Q3_QUERY}`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Tải báo cáo (XLSX)' }).click(),
    ]);
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Đã tải xong' }).count()).toBe(1);
    expect(download.suggestedFilename()).toBe(`bao-cao-${PROVINCE}-${Q3.from}-${Q3.to}.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await download.path())!);
    const sheet = workbook.getWorksheet('Theo đơn vị')!;
    let total: ExcelJS.Row | undefined;
    sheet.eachRow((row) => {
      if (row.getCell(2).value === 'Tổng cộng') total = row;
    });
    const s = await stats(PROVINCE);
    // Columns: code, name, received, finished, early, on time, late, on-time rate, …
    expect([total!.getCell(3).value, total!.getCell(4).value, total!.getCell(8).value ?? null]).toEqual([
      s.received,
      s.finished,
      s.onTimeRate,
    ]);
    // The same workbook as the API's own export for the same scope, sheet by sheet.
    const report = await h.api.gql<{ agencyReport: { tables: { sheet: string; rows: unknown[] }[] } }>(
      'query($period: PeriodInput!) { agencyReport(agencyCode: "56", period: $period) { tables { sheet rows { total } } } }',
      { period: Q3 },
      monitorApi,
    );
    expect(workbook.worksheets.map((w) => w.name)).toEqual(
      report.data!.agencyReport.tables.map((t) => t.sheet),
    );

    // Without JavaScript the button is a plain link to the same file.
    const plain = await h.newPage({ javaScript: false });
    await signIn(plain, 'noivu.bc');
    await plain.goto(`/reports?don-vi=${PROVINCE}&${Q3_QUERY}`);
    const href = await plain.getByRole('link', { name: 'Tải báo cáo (XLSX)' }).getAttribute('href');
    const file = await plain.context().request.get(href!);
    expect(file.status()).toBe(200);
    expect(file.headers()['content-type']).toContain('spreadsheetml');
    // And a table as CSV, with the BOM.
    const csv = await plain.context().request.get(href!.replace('report.xlsx', 'report-don-vi.csv'));
    expect([...(await csv.body()).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('a commune’s official sees its commune only; another commune is refused politely', async () => {
    const page = await h.newPage();
    await signIn(page, 'xa.bc');
    await page.goto(`/reports?${Q3_QUERY}`);
    await expect(page.getByRole('heading', { level: 2, name: /Xã Ninh Phước/ }).count()).resolves.toBe(1);
    const s = await stats(COMMUNE);
    expect((await unitTotals(page))['Tiếp nhận']).toBe(thousands(s.received));
    await checkPage(page, 'bao-cao-xa');

    const refused = await page.goto(`/reports?don-vi=${OTHER_COMMUNE}&${Q3_QUERY}`);
    expect(refused?.status()).toBe(200);
    await expect(page.getByRole('alert').textContent()).resolves.toContain('nằm ngoài phạm vi');
    await expect(page.getByRole('table').count()).resolves.toBe(0);
    const file = await page
      .context()
      .request.get(`/reports/export/report.xlsx?agency=${OTHER_COMMUNE}&from=${Q3.from}&to=${Q3.to}`);
    expect(file.status()).toBe(403);
  });

  it('the print page: the national header, A4 width, a PDF of sane length', async () => {
    const page = await h.newPage();
    await signIn(page, 'noivu.bc');
    await page.goto(`/reports/print?don-vi=${PROVINCE}&${Q3_QUERY}`);
    const report = page.locator('.print-report');
    for (const text of [
      'ỦY BAN NHÂN DÂN TỈNH KHÁNH HÒA',
      'SỞ NỘI VỤ',
      'Số: …/BC-SNV',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Khánh Hòa, ngày … tháng … năm',
      'BÁO CÁO',
      'Kết quả giải quyết thủ tục hành chính và mức độ hài lòng của người dân, doanh nghiệp Quý III năm 2026',
      'Nơi nhận:',
    ]) {
      await expect(report.getByText(text, { exact: false }).count(), text).resolves.toBeGreaterThan(0);
    }
    await checkPage(page, 'bao-cao-ban-in');

    // In print, at the printable width of A4: no application chrome, nothing wider than the page.
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: PRINTABLE_WIDTH_PX, height: 1000 });
    expect(await page.locator('.app-header').isVisible()).toBe(false);
    expect(await page.locator('.app-footer').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'In / Lưu PDF' }).isVisible()).toBe(false);
    const tooWide = await page.evaluate((limit) => {
      return [...document.querySelectorAll('.print-report *')]
        .filter((el) => el.getBoundingClientRect().right > limit + 0.5)
        .slice(0, 5)
        .map(
          (el) =>
            `<${el.tagName.toLowerCase()} class="${el.className}"> ${Math.round(el.getBoundingClientRect().right)} px`,
        );
    }, PRINTABLE_WIDTH_PX);
    expect(tooWide).toEqual([]);
    // Table headers repeat on every printed page.
    expect(
      await page
        .locator('.print-report thead')
        .first()
        .evaluate((el) => getComputedStyle(el).display),
    ).toBe('table-header-group');
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
    // Eight tables of a few dozen rows: more than one page, far fewer than fifty.
    expect(pages).toBeGreaterThan(1);
    expect(pages).toBeLessThan(50);

    // Part headings are in capitals, but a document's symbol stays as issued: QĐ-TTg (the Prime
    // Minister's), never QĐ-TTG.
    const part3 = await report.getByRole('heading', { level: 2, name: /^III\./ }).textContent();
    expect(part3).toContain('(QUYẾT ĐỊNH 766/QĐ-TTg)');
  });

  it('a commune’s print page: dated in the commune, sent to the province', async () => {
    // Decree 30/2020, Appendix I: a commune's document carries the commune's name as its place; a
    // commune reports to the province and its Internal Affairs office, not to the Ministry.
    const page = await h.newPage();
    await signIn(page, 'noivu.bc');
    await page.goto(`/reports/print?don-vi=${COMMUNE}&${Q3_QUERY}`);
    const report = page.locator('.print-report');
    await expect(report.getByText('Ninh Phước, ngày … tháng … năm').count()).resolves.toBe(1);
    const recipients = (await report.locator('.doc-recipients').textContent()) ?? '';
    expect(recipients).toContain('Sở Nội vụ (để tổng hợp)');
    expect(recipients).not.toContain('Bộ Nội vụ');
  });

  it('the 9-indicator entry form: the commune self-scores, the office verifies, side by side', async () => {
    const path = `/reports/evaluation?don-vi=${COMMUNE}&nam=2026&quy=3`;
    const officer = await h.newPage();
    await signIn(officer, 'xa.bc');
    await officer.goto(path);
    // The officer has no verified-score control; indicator 5's self-score is entered.
    await expect(officer.getByLabel('Điểm thẩm định tiêu chí 5').count()).resolves.toBe(0);
    await officer.getByRole('button', { name: 'Lưu điểm' }).click();
    await expect
      .poll(() => officer.getByText('Chưa có điểm nào thay đổi để lưu.').count())
      .toBeGreaterThan(0);
    await officer.getByLabel('Điểm tự chấm tiêu chí 5').selectOption('2');
    await officer.getByRole('button', { name: 'Lưu điểm' }).click();
    await expect
      .poll(() => officer.getByRole('status').filter({ hasText: 'Đã lưu điểm của 1 tiêu chí.' }).count())
      .toBe(1);
    await checkPage(officer, 'danh-gia-9-tieu-chi-xa');

    const monitor = await h.newPage();
    await signIn(monitor, 'noivu.bc');
    await monitor.goto(path);
    await expect(monitor.getByLabel('Điểm tự chấm tiêu chí 5').count()).resolves.toBe(0);
    await monitor.getByLabel('Điểm thẩm định tiêu chí 5').selectOption('1');
    await monitor.getByRole('button', { name: 'Lưu điểm' }).click();
    await expect.poll(() => monitor.getByRole('status').filter({ hasText: 'Đã lưu điểm' }).count()).toBe(1);
    // Self-scored 2 and verified 1 side by side; the verified one counts (API's evaluation).
    const res = await h.api.gql<{
      oneStopEvaluation: {
        indicators: { number: number; selfScore: number; verifiedScore: number; effectiveScore: number }[];
      };
    }>(
      `{ oneStopEvaluation(agencyCode: "${COMMUNE}", year: 2026, quarter: 3) { indicators { number selfScore verifiedScore effectiveScore } } }`,
    );
    expect(res.data!.oneStopEvaluation.indicators[4]).toEqual({
      number: 5,
      selfScore: 2,
      verifiedScore: 1,
      effectiveScore: 1,
    });
    // The page shows the point that counts in the row's last cell.
    const row = monitor.locator('tbody tr').nth(4);
    await expect.poll(() => row.locator('td').last().textContent()).toBe('1');
  });
});
