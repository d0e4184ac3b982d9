// Importing procedures from a spreadsheet (/procedures/import): a provincial unit admin uploads a CSV
// with one bad row, sees the preview (nothing written yet, the bad row and its reason), applies it,
// and the valid rows are in the catalogue while the bad one is not.
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumForTests } from './support/chromium.ts';
import { type Harness, PageChecks, signIn, startHarness } from './support/harness.ts';

const chromiumPath = chromiumForTests();

const EDITOR = {
  username: 'qt.tinh.nhap',
  role: 'UNIT_ADMIN',
  agencyCode: '56',
  displayName: 'Bùi Thị Nhập',
} as const;

// Codes not in the national index nor in the seed (1.9999xx).
const CSV = [
  'Mã thủ tục,Tên thủ tục,Lĩnh vực,Cấp thực hiện,Mức độ dịch vụ công trực tuyến,Thời hạn trực tiếp',
  '1.999911,Thủ tục thử nghiệm nhập thứ nhất,Hộ tịch,Cấp xã,Toàn trình,5 ngày làm việc',
  '1.999912,Thủ tục thử nghiệm có thời hạn sai,Hộ tịch,Cấp xã,Toàn trình,mười ngày',
  '1.999913,Thủ tục thử nghiệm nhập thứ ba,Hộ tịch,Cấp xã,Một phần,2 ngày làm việc',
].join('\n');

const PROCEDURE = `query($code: String!) { procedure(code: $code) { code name timeLimits { channel value unit } } }`;
interface ProcedureResult {
  procedure: {
    code: string;
    name: string;
    timeLimits: { channel: string; value: number; unit: string }[];
  } | null;
}

describe.skipIf(!chromiumPath)('importing a spreadsheet of procedures', () => {
  let h: Harness;
  const file = path.join(tmpdir(), `thu-tuc-thu-nghiem-${process.pid}.csv`);

  beforeAll(async () => {
    writeFileSync(file, `${CSV}\n`);
    h = await startHarness(chromiumPath!, { officials: [EDITOR] });
  });
  afterAll(async () => {
    await h?.close();
  });

  const procedure = async (code: string) =>
    (await h.api.gql<ProcedureResult>(PROCEDURE, { code })).data?.procedure;

  it('previews (nothing written, the bad row reported), then applies the valid rows only', async () => {
    const page = await h.newPage();
    const checks = new PageChecks();
    await signIn(page, EDITOR.username);
    await page.goto('/procedures/import');
    await checks.check(page, 'nhap-thu-tuc');

    await page.getByLabel('Tệp cần nhập').setInputFiles(file);
    await page.getByRole('button', { name: 'Xem trước' }).click();
    const report = page.getByRole('region', { name: /Xem trước/ });
    await report.waitFor();
    // 3 procedures: 2 to create, the one with "mười ngày" as its limit rejected.
    await expect(report.getByRole('status').first().textContent()).resolves.toMatch(
      /3 thủ tục: 2 sẽ thêm mới,\s*0 sẽ thay đổi, 0 không đổi,\s*1 bị từ chối/,
    );
    const rejected = page.getByRole('table', { name: 'Các dòng bị từ chối và lý do' });
    const badRow = rejected.getByRole('row').filter({ hasText: '1.999912' });
    // The header is row 1 of the sheet, so the second procedure is on row 3.
    await expect(badRow.getByRole('cell').first().textContent()).resolves.toBe('3');
    await expect(badRow.textContent()).resolves.toContain('Thời hạn trực tiếp');
    expect(await procedure('1.999911')).toBeNull();
    await checks.check(page, 'nhap-thu-tuc-xem-truoc');

    await page.getByRole('button', { name: 'Áp dụng' }).click();
    await page.getByRole('heading', { name: /Kết quả nhập/ }).waitFor();
    await expect(page.getByRole('status').filter({ hasText: 'Đã áp dụng' }).textContent()).resolves.toMatch(
      /thêm mới 2, thay đổi 0 thủ tục/,
    );
    await page.getByText('1 dòng bị từ chối và không được ghi').waitFor();
    await checks.check(page, 'nhap-thu-tuc-ket-qua');

    expect(await procedure('1.999911')).toEqual({
      code: '1.999911',
      name: 'Thủ tục thử nghiệm nhập thứ nhất',
      timeLimits: [{ channel: 'IN_PERSON', value: 5, unit: 'WORKING_DAYS' }],
    });
    expect(await procedure('1.999913')).toMatchObject({
      timeLimits: [{ channel: 'IN_PERSON', value: 2, unit: 'WORKING_DAYS' }],
    });
    expect(await procedure('1.999912')).toBeNull();
    checks.expectClean();
  });
});
