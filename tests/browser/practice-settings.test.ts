// The local practice page (/settings; issue 12 rule 11): the province's administrator sees the
// defaults in force, sets the comparison by instant from tomorrow, and finds it in the history and in
// the API's practiceSettings; a refused change (a band list with no band from 0) is said next to the
// field. axe-core on each state.
import { addDays, dayOf } from '@tthc/api/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumForTests } from './support/chromium.ts';
import { type Harness, PageChecks, signIn, startHarness } from './support/harness.ts';

const chromiumPath = chromiumForTests();

const PROVINCE_ADMIN = { username: 'qt.tinh.thietlap', role: 'UNIT_ADMIN', agencyCode: '56' } as const;
const today = dayOf(new Date());
const tomorrow = addDays(today, 1);

describe.skipIf(!chromiumPath)('local practice page', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(chromiumPath!, { officials: [PROVINCE_ADMIN] });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('the province admin sets the comparison by instant from tomorrow', async () => {
    const page = await h.newPage();
    const checks = new PageChecks();
    await page.goto('/settings');
    await signIn(page, PROVINCE_ADMIN.username);
    expect(new URL(page.url()).pathname).toBe('/settings');
    await page.getByRole('heading', { level: 1, name: 'Thiết lập thực tiễn địa phương' }).waitFor();
    const inForce = await page.locator('.facts').textContent();
    // The defaults: 07:00–11:30, 13:30–17:00 = 270 + 210 = 480 minutes = 8 hours; by day.
    expect(inForce).toContain('Mặc định');
    expect(inForce).toContain('07:00–11:30, 13:30–17:00 (8 giờ)');
    expect(inForce).toContain('Theo ngày');
    await checks.check(page, 'thiet-lap');

    // A refusal: the last band ("Yếu", from 0) moved to 1 leaves totals under 1 without a band.
    await page.getByLabel('Ngưỡng điểm').nth(4).fill('1');
    await page.getByRole('button', { name: 'Lưu thiết lập' }).click();
    await page.getByRole('alert').waitFor();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('từ 0 điểm');
    await checks.check(page, 'thiet-lap-loi');

    await page.getByLabel('Ngưỡng điểm').nth(4).fill('0');
    await page.getByLabel('So sánh thời điểm kết thúc với hạn giải quyết').selectOption('INSTANT');
    await page.getByRole('button', { name: 'Lưu thiết lập' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã lưu thiết lập' }).waitFor();
    const history = await page.getByRole('region', { name: 'Lịch sử thiết lập' }).textContent();
    expect(history).toContain('sắp áp dụng');
    expect(history).toContain('Theo thời điểm');
    await checks.check(page, 'thiet-lap-da-luu');
    checks.expectClean();

    // The API says the same: today the defaults, from tomorrow by instant.
    const res = await h.api.gql<{
      today: { inForce: { comparison: string } };
      later: { inForce: { comparison: string; effectiveFrom: string } };
    }>(
      `query($today: Date!, $tomorrow: Date!) {
         today: practiceSettings(agencyCode: "56", on: $today) { inForce { comparison } }
         later: practiceSettings(agencyCode: "56", on: $tomorrow) { inForce { comparison effectiveFrom } } }`,
      { today, tomorrow },
    );
    expect(res.data).toEqual({
      today: { inForce: { comparison: 'DAY' } },
      later: { inForce: { comparison: 'INSTANT', effectiveFrom: tomorrow } },
    });
  });
});
