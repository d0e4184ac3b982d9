// The reform programme's tasks in the browser (issue 11): the province's Internal Affairs office
// (REFORM_MONITOR) enters a task for a commune with a deadline already past, and it is flagged
// «Quá hạn» in the list and in the reminders; the commune's officer, without JavaScript, reports
// progress with an evidence link (a bad link refused at its field first); the list shows the new
// progress; a viewer sees no form. axe-core at 1280 and 390 px on each page, screenshots saved.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionOf } from '../support/officials.ts';
import { chromiumForTests } from './support/chromium.ts';
import { type Harness, PageChecks, signIn, startHarness } from './support/harness.ts';

const chromiumPath = chromiumForTests();

const MONITOR = {
  username: 'noivu.bt',
  role: 'REFORM_MONITOR',
  agencyCode: '56',
  displayName: 'Sở Nội vụ tỉnh Khánh Hòa',
} as const;
const OFFICER = {
  username: 'cb.ninhphuoc.bt',
  role: 'OFFICER',
  agencyCode: '22870',
  displayName: 'Phan Văn Cán',
} as const;
const VIEWER = {
  username: 'xem.ninhphuoc.bt',
  role: 'VIEWER',
  agencyCode: '22870',
  displayName: 'Lý Thị Xem',
} as const;

const TITLE = 'Cập nhật bảng niêm yết thủ tục hành chính tại Bộ phận Một cửa xã';
const EVIDENCE = 'https://ninhphuoc.khanhhoa.gov.vn/niem-yet-thu-tuc';

/** Today in Asia/Ho_Chi_Minh, and `n` days from it: the API judges deadlines on that day. */
const today = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
const plus = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

describe.skipIf(!chromiumPath)('reform programme tasks', () => {
  let h: Harness;
  let taskId = '';

  beforeAll(async () => {
    h = await startHarness(chromiumPath!, { officials: [MONITOR, OFFICER, VIEWER] });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('the Internal Affairs office enters a task past its deadline: «Quá hạn» in the list and the reminders', async () => {
    const page = await h.newPage();
    const checks = new PageChecks();
    await signIn(page, MONITOR.username);
    await page.goto('/reform-tasks');
    await checks.check(page, 'nhiem-vu-cchc');
    await page.getByRole('link', { name: 'Thêm nhiệm vụ' }).click();
    await page.waitForURL('**/reform-tasks/new');

    // A title left empty is refused at its field, in Vietnamese, before anything is saved.
    await page.getByLabel('Đơn vị chủ trì').selectOption('22870');
    await page.getByLabel('Thời hạn hoàn thành').fill(plus(today(), -3));
    await page.getByRole('button', { name: 'Lưu nhiệm vụ' }).click();
    await page.getByText('Vui lòng nhập tên nhiệm vụ.').first().waitFor();
    await checks.check(page, 'nhiem-vu-cchc-them-loi');

    await page.getByLabel('Tên nhiệm vụ').fill(TITLE);
    await page.getByLabel('Đơn vị giao, theo dõi').selectOption('56');
    await page.getByLabel('Văn bản giao nhiệm vụ').fill('Kế hoạch 3941/KH-UBND');
    await page.getByRole('button', { name: 'Lưu nhiệm vụ' }).click();
    await page.waitForURL(/\/reform-tasks\/\d+\?msg=created/);
    taskId = /\/reform-tasks\/(\d+)/.exec(page.url())![1]!;
    await page.getByText('Đã lưu nhiệm vụ.').waitFor();
    // Deadline three days ago, nothing done: overdue, said in words.
    await expect(page.locator('.standing-line').textContent()).resolves.toMatch(/Quá hạn.*quá hạn 3 ngày/s);
    await checks.check(page, 'nhiem-vu-cchc-chi-tiet');

    await page.goto('/reform-tasks?agency=22870');
    const row = page.getByRole('row', { name: new RegExp(TITLE) });
    await expect(row.textContent()).resolves.toContain('Quá hạn');
    const alerts = page.getByRole('region', { name: 'Nhiệm vụ cải cách hành chính cần đôn đốc' });
    const overdueItem = alerts.getByRole('listitem').filter({ hasText: TITLE });
    await expect(overdueItem.textContent()).resolves.toMatch(/Quá hạn.*quá hạn 3 ngày/s);
    await checks.check(page, 'nhiem-vu-cchc-loc');

    // The API's reminders agree.
    const reminders = await h.api.gql<{ reformTaskReminders: { overdue: { id: string }[] } }>(
      '{ reformTaskReminders(agencyCode: "22870") { overdue { id } } }',
      {},
      await sessionOf(h.api, MONITOR.username),
    );
    expect(reminders.data?.reformTaskReminders.overdue.map((t) => t.id)).toContain(taskId);
    checks.expectClean();
  });

  it('the commune’s officer reports progress with an evidence link, with and without JavaScript', async () => {
    expect(taskId).not.toBe('');
    // With JavaScript: the form, and a bad link refused at its field (axe-core on both states).
    const page = await h.newPage();
    const checks = new PageChecks();
    await signIn(page, OFFICER.username);
    await page.goto(`/reform-tasks/${taskId}`);
    expect(await page.getByRole('link', { name: 'Sửa nhiệm vụ' }).count()).toBe(0);
    await checks.check(page, 'nhiem-vu-cchc-bao-cao');
    await page.getByLabel('Tiến độ (%)').fill('40');
    await page.getByLabel('Đường dẫn minh chứng').fill('javascript:alert(1)');
    await page.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await page
      .getByText('Đường dẫn minh chứng phải là địa chỉ http:// hoặc https:// đầy đủ.')
      .first()
      .waitFor();
    await checks.check(page, 'nhiem-vu-cchc-bao-cao-loi');
    expect(
      await h.api.api.services.prisma.reformTaskReport.count({ where: { taskId: Number(taskId) } }),
    ).toBe(0);

    // Without JavaScript: the same form posts and the page comes back with the report.
    const plain = await h.newPage({ javaScript: false });
    await signIn(plain, OFFICER.username);
    await plain.goto(`/reform-tasks/${taskId}`);
    await plain.getByLabel('Tiến độ (%)').fill('40');
    await plain.getByLabel('Nội dung báo cáo').fill('Đã cập nhật bảng niêm yết 40 thủ tục.');
    await plain.getByLabel('Đường dẫn minh chứng').fill(EVIDENCE);
    await plain.getByLabel('Số, ký hiệu văn bản hoặc tệp minh chứng').fill('Báo cáo 12/BC-UBND');
    await plain.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await plain.getByText('Đã ghi nhận báo cáo tiến độ.').waitFor();
    const history = plain.getByRole('region', { name: 'Lịch sử báo cáo tiến độ' });
    await expect(history.textContent()).resolves.toMatch(/Đang thực hiện · 40%[\s\S]*Phan Văn Cán/);
    expect(await history.getByRole('link', { name: new RegExp(EVIDENCE) }).getAttribute('href')).toBe(
      EVIDENCE,
    );

    await page.goto('/reform-tasks');
    const row = page.getByRole('row', { name: new RegExp(TITLE) });
    await expect(row.textContent()).resolves.toMatch(
      /40%[\s\S]*Quá hạn[\s\S]*Đã cập nhật bảng niêm yết 40 thủ tục\./,
    );
    await checks.check(page, 'nhiem-vu-cchc-sau-bao-cao');

    // With JavaScript, a report that was recorded empties the form: what was typed must not stay
    // there to be sent a second time. Progress left blank keeps 40%.
    await page.goto(`/reform-tasks/${taskId}`);
    await page.getByLabel('Nội dung báo cáo').fill('Đã niêm yết thêm 10 thủ tục.');
    await page.getByLabel('Số, ký hiệu văn bản hoặc tệp minh chứng').fill('Báo cáo 15/BC-UBND');
    await page.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await page.getByText('Đã ghi nhận báo cáo tiến độ.').waitFor();
    await expect(
      page.getByRole('region', { name: 'Lịch sử báo cáo tiến độ' }).textContent(),
    ).resolves.toContain('Đã niêm yết thêm 10 thủ tục.');
    expect(await page.getByLabel('Nội dung báo cáo').inputValue()).toBe('');
    expect(await page.getByLabel('Số, ký hiệu văn bản hoặc tệp minh chứng').inputValue()).toBe('');
    expect(
      await h.api.api.services.prisma.reformTaskReport.count({ where: { taskId: Number(taskId) } }),
    ).toBe(2);
    checks.expectClean();
  });

  it('a viewer reads the task but is offered no form', async () => {
    const page = await h.newPage();
    const checks = new PageChecks();
    await signIn(page, VIEWER.username);
    await page.goto('/reform-tasks');
    expect(await page.getByRole('link', { name: 'Thêm nhiệm vụ' }).count()).toBe(0);
    await expect(page.getByRole('row', { name: new RegExp(TITLE) }).textContent()).resolves.toContain('40%');
    await page.goto(`/reform-tasks/${taskId}`);
    await page.getByRole('heading', { name: TITLE }).waitFor();
    expect(await page.locator('main form').count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Báo cáo tiến độ', exact: true }).count()).toBe(0);
    await checks.check(page, 'nhiem-vu-cchc-nguoi-xem');
    await page.goto('/reform-tasks/new');
    expect(await page.locator('main form').count()).toBe(0);
    checks.expectClean();
  });
});
