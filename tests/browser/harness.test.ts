// The browser harness itself: Chromium starts, the built admin UI serves pages from the test API,
// and the accessibility check fails when a page breaks a WCAG rule (it can fail, so its passing means
// something).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible } from './support/axe.ts';
import { chromiumForTests } from './support/chromium.ts';
import { type Harness, startHarness } from './support/harness.ts';

const chromiumPath = chromiumForTests();

describe.skipIf(!chromiumPath)('browser harness', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness(chromiumPath!);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('axe-core reports a missing text alternative and an unlabelled field by rule and element', async () => {
    const page = await h.newPage();
    await page.setContent(
      `<!doctype html><html lang="vi"><head><title>Thử</title></head><body><main>
         <h1>Trang thử</h1><img id="anh" src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><input id="o-nhap">
       </main></body></html>`,
    );
    const failure = await expectAccessible(page, 'trang thử').then(
      () => null,
      (error: Error) => error.message,
    );
    expect(failure).toMatch(/image-alt/);
    expect(failure).toMatch(/#anh/);
    expect(failure).toMatch(/label/);
    expect(failure).toMatch(/#o-nhap/);
  });

  it('the built admin UI answers in Vietnamese from the test API', async () => {
    const page = await h.newPage();
    // The home page, or the login page it sends a visitor without a session to.
    const response = await page.goto('/');
    expect(response?.status()).toBe(200);
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    expect(await page.getByRole('main').isVisible()).toBe(true);
  });
});
