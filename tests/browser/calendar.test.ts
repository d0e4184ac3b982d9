// The working calendar page (/calendar): a system admin marks a holiday in the browser — preview of
// the due dates it moves, then the change — and the API's due dates follow; an official who may not
// change the calendar sees it without the form. axe-core on each state.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumForTests } from './support/chromium.ts';
import { type Harness, PageChecks, signIn, startHarness } from './support/harness.ts';

const chromiumPath = chromiumForTests();

const ADMIN = { username: 'qtht.lich', role: 'SYSTEM_ADMIN', displayName: 'Trần Văn Lịch' } as const;
const OFFICER = { username: 'canbo.lich', role: 'OFFICER', agencyCode: '22873' } as const;

/** Monday 7/12/2026: a working day in the seed's calendar (no exception in December 2026). */
const HOLIDAY = '2026-12-07';
/** Friday 4/12/2026 08:00 in Vietnam. */
const RECEIVED_AT = '2026-12-04T08:00:00+07:00';

/** Seeded from procedures.json: "Thủ tục cấp Giấy xác nhận tình trạng hôn nhân", 3 working days in person. */
const PROCEDURE = '1.004873';

const DUE_DATE = `query($code: String!, $at: DateTime!) {
  dueDate(procedureCode: $code, channel: IN_PERSON, receivedAt: $at)
}`;

describe.skipIf(!chromiumPath)('working calendar page', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(chromiumPath!, { officials: [ADMIN, OFFICER] });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('a system admin marks a holiday: preview, confirmation, and the due dates move by one working day', async () => {
    const limit = await h.api.gql<{
      procedure: { timeLimits: { channel: string; value: number; unit: string }[] };
    }>(`{ procedure(code: "${PROCEDURE}") { timeLimits { channel value unit } } }`);
    expect(limit.data?.procedure.timeLimits).toContainEqual({
      channel: 'IN_PERSON',
      value: 3,
      unit: 'WORKING_DAYS',
    });
    // By hand: from Friday 4/12 08:00, a working day of 480 minutes ends at 08:00 of the next working
    // day (Fri 08:00–11:30 + 13:30–17:00 = 420 min, + 60 min the next morning): 3 days → Wednesday
    // 9/12 08:00. With Monday 7/12 a holiday, one weekday later: Thursday 10/12 08:00.
    const due = async () =>
      (await h.api.gql<{ dueDate: string }>(DUE_DATE, { code: PROCEDURE, at: RECEIVED_AT })).data?.dueDate;
    expect(await due()).toBe('2026-12-09T08:00:00+07:00');

    const page = await h.newPage();
    const checks = new PageChecks();
    await page.goto('/calendar?year=2026');
    await signIn(page, ADMIN.username);
    expect(new URL(page.url()).pathname).toBe('/calendar');
    await page.getByRole('heading', { level: 1, name: 'Lịch làm việc năm 2026' }).waitFor();
    await checks.check(page, 'lich-lam-viec');

    await page.getByLabel('Từ ngày').fill(HOLIDAY);
    await page.getByLabel('Loại ngày').selectOption('HOLIDAY');
    await page.getByLabel('Ghi chú').fill('Nghỉ lễ thử nghiệm của tỉnh');
    await page.getByRole('button', { name: 'Xem trước ảnh hưởng' }).click();
    const preview = page.getByRole('region', { name: 'Xem trước ảnh hưởng của thay đổi' });
    await preview.waitFor();
    await expect(preview.textContent()).resolves.toContain('07/12/2026');
    // Nothing is written by the preview.
    expect(await due()).toBe('2026-12-09T08:00:00+07:00');
    await checks.check(page, 'lich-lam-viec-xem-truoc');

    await preview.getByRole('button', { name: 'Xác nhận thay đổi' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã lưu thay đổi' }).waitFor();
    const row = page
      .getByRole('table', { name: 'Các ngày đặc biệt năm 2026' })
      .getByRole('row')
      .filter({ hasText: '07/12/2026' });
    await expect(row.textContent()).resolves.toContain('Nghỉ lễ thử nghiệm của tỉnh');

    const days = await h.api.gql<{
      calendarDays: { date: string; working: boolean; kind: string; note: string }[];
    }>(`{ calendarDays(from: "2026-12-01", to: "2026-12-31") { date working kind note } }`);
    expect(days.data?.calendarDays).toEqual([
      { date: HOLIDAY, working: false, kind: 'HOLIDAY', note: 'Nghỉ lễ thử nghiệm của tỉnh' },
    ]);
    expect(await due()).toBe('2026-12-10T08:00:00+07:00');
    checks.expectClean();
  });

  it('an officer sees the calendar without the form to change it', async () => {
    const page = await h.newPage();
    const checks = new PageChecks();
    await signIn(page, OFFICER.username);
    await page.goto('/calendar?year=2026');
    await page.getByText('Chỉ quản trị hệ thống được thay đổi lịch làm việc.').waitFor();
    expect(await page.getByLabel('Từ ngày').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Xem trước ảnh hưởng' }).count()).toBe(0);
    await checks.check(page, 'lich-lam-viec-can-bo');
    checks.expectClean();
  });
});
