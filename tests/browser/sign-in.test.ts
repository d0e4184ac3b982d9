// Signing in to the admin UI in a real browser: the login form (with and without JavaScript), the
// refused password, the official in the header, signing out (which ends the session in the API too),
// the redirect of a visitor without a session, and axe-core on the login and home pages.
import { DEFAULT_DEMO_PASSWORD, seedDemoUsers } from '@tthc/api/seed';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumForTests } from './support/chromium.ts';
import { checkPage, type Harness, signIn, startHarness, TEST_PASSWORD } from './support/harness.ts';

const chromiumPath = chromiumForTests();

const OFFICER = {
  username: 'lan.phuochau',
  role: 'OFFICER',
  agencyCode: '22873',
  displayName: 'Nguyễn Thị Lan',
} as const;

/** The session cookie the admin UI set, as the browser holds it. */
async function sessionCookie(page: Page) {
  const cookies = await page.context().cookies();
  return cookies.find((c) => c.name === 'tthc_session') ?? null;
}

describe.skipIf(!chromiumPath)('signing in to the admin UI', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness(chromiumPath!, { officials: [OFFICER] });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('a page sends a visitor without a session to the login page, and back there after signing in', async () => {
    const page = await h.newPage();
    await page.goto('/procedures');
    const url = new URL(page.url());
    expect(url.pathname).toBe('/login');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Đăng nhập');
    await signIn(page, OFFICER.username);
    expect(new URL(page.url()).pathname).toBe('/procedures');
  });

  it('a wrong password is refused with a message, the username kept, and no session', async () => {
    const page = await h.newPage();
    await page.goto('/login');
    await page.getByLabel('Tên đăng nhập').fill(OFFICER.username);
    await page.getByLabel('Mật khẩu').fill('không-phải-mật-khẩu-này');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    const alert = page.getByRole('alert');
    // The API's one answer for an unknown user and a wrong password (services/access/sessions.ts).
    await alert.getByText('Tên đăng nhập hoặc mật khẩu không đúng.').waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(await page.getByLabel('Tên đăng nhập').inputValue()).toBe(OFFICER.username);
    expect(await sessionCookie(page)).toBeNull();
    await checkPage(page, 'dang-nhap-sai-mat-khau');
  });

  it('signed in, the header shows the official and the role; the token stays out of scripts', async () => {
    const page = await h.newPage();
    await signIn(page, OFFICER.username);
    expect(new URL(page.url()).pathname).toBe('/');
    const header = page.getByRole('banner');
    await header.getByText('Nguyễn Thị Lan').waitFor();
    // labels.ts ROLE_LABELS: OFFICER → "Cán bộ xử lý"; 22873 is xã Phước Hậu.
    await header.getByText('Cán bộ xử lý – Xã Phước Hậu').waitFor();
    const cookie = await sessionCookie(page);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie?.value).toMatch(/^tthcs_/);
    expect(await page.evaluate(() => document.cookie)).not.toContain('tthcs_');
    await checkPage(page, 'tong-quan');
  });

  it('signing out ends the session in the API, and the pages ask to sign in again', async () => {
    const page = await h.newPage();
    await signIn(page, OFFICER.username);
    const token = (await sessionCookie(page))?.value;
    const viewer = `{ viewer { kind username } }`;
    const before = await h.api.gql<{ viewer: { kind: string } }>(
      viewer,
      {},
      { authorization: `Bearer ${token}` },
    );
    expect(before.data?.viewer).toEqual({ kind: 'SESSION', username: OFFICER.username });

    await page.getByRole('banner').getByRole('button', { name: 'Đăng xuất' }).click();
    await page.waitForURL((url) => url.pathname === '/login');
    await page.getByText('Bạn đã đăng xuất.').waitFor();
    expect(await sessionCookie(page)).toBeNull();
    const after = await h.api.gql(viewer, {}, { authorization: `Bearer ${token}` });
    expect(after.data?.viewer ?? null).not.toEqual({ kind: 'SESSION', username: OFFICER.username });

    await page.goto('/');
    expect(new URL(page.url()).pathname).toBe('/login');
  });

  it('works without JavaScript: a plain form post signs in and out', async () => {
    const page = await h.newPage({ javaScript: false });
    await signIn(page, OFFICER.username);
    await page.getByRole('banner').getByText('Nguyễn Thị Lan').waitFor();
    await page.getByRole('banner').getByRole('button', { name: 'Đăng xuất' }).click();
    await page.waitForURL((url) => url.pathname === '/login');
    expect(await sessionCookie(page)).toBeNull();
  });

  it('signing in works with the keyboard alone: the skip link first, then the fields, Enter submits', async () => {
    const page = await h.newPage();
    await page.goto('/login');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe(
      'Chuyển đến nội dung chính',
    );
    const focusedName = () => page.evaluate(() => document.activeElement?.getAttribute('name'));
    for (let i = 0; i < 10 && (await focusedName()) !== 'username'; i++) await page.keyboard.press('Tab');
    expect(await focusedName()).toBe('username');
    await page.keyboard.type(OFFICER.username);
    await page.keyboard.press('Tab');
    expect(await focusedName()).toBe('password');
    await page.keyboard.type(TEST_PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === '/');
    await page.getByRole('banner').getByText('Nguyễn Thị Lan').waitFor();
  });

  it('the demo accounts `npm start` prints sign in with the documented password', async () => {
    // What `npm start` does on a fresh database outside production (api/src/seed/demo-users.ts).
    await seedDemoUsers(h.api.api.services.db.pool, DEFAULT_DEMO_PASSWORD);
    const page = await h.newPage();
    await signIn(page, 'qt.phuochau', 'demo-tthc-2026');
    const header = page.getByRole('banner');
    await header.getByText('Quản trị xã Phước Hậu (tài khoản mẫu)').waitFor();
    await header.getByText('Quản trị đơn vị – Xã Phước Hậu').waitFor();
  });

  it('the login page is axe-core clean and usable at 390 px', async () => {
    const page = await h.newPage();
    await page.goto('/login');
    await checkPage(page, 'dang-nhap');
  });
});
