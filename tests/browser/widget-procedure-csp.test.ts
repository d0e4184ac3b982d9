// Issue 10, "under a strict host CSP (`style-src 'self'`) it loses all its styling": the older
// <tthc-procedure-widget> (dist/tthc-widget.js, built by portal-plugin before the tests) on a portal
// page served with a strict CSP header. Its styles must apply (computed style, not just present) and the
// browser must report no CSP violation; with a nonce-based CSP and the element's `nonce`, likewise.
// The portal is played by Playwright routes on a made-up origin (page, script and a fixed GraphQL
// answer): what is under test is the browser's CSP against the built file, no API or database needed.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumForTests } from './support/chromium.ts';

const executablePath = chromiumForTests();
const BUNDLE = fileURLToPath(new URL('../../portal-plugin/dist/tthc-widget.js', import.meta.url));
const PORTAL = 'https://dichvucong.khanhhoa.example';

// As the API would answer the widget's `procedure(code)` query (fixed: the CSP is under test here).
const PROCEDURE = {
  data: {
    procedure: {
      code: '1.001193',
      name: 'Thủ tục đăng ký khai sinh',
      sector: { name: 'Hộ tịch' },
      timeLimits: [
        { channel: 'ONLINE', value: 1, unit: 'WORKING_DAYS' },
        { channel: 'IN_PERSON', value: 1, unit: 'WORKING_DAYS' },
      ],
    },
  },
};

const STRICT =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'";
const NONCE = 'r10-nonce-Zx81';
const WITH_NONCE = `default-src 'none'; script-src 'self'; style-src 'nonce-${NONCE}'; connect-src 'self'`;

const page = (element: string) => `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>Thủ tục đăng ký khai sinh — Cổng Dịch vụ công</title>
<script type="module" src="/tthc-widget.js"></script></head>
<body><main><h1>Thủ tục đăng ký khai sinh</h1>${element}</main></body></html>`;

let browser: Browser;

describe.skipIf(!executablePath)('<tthc-procedure-widget> under a strict CSP', () => {
  beforeAll(async () => {
    if (!existsSync(BUNDLE)) {
      throw new Error(
        `Widget chưa được dựng (${BUNDLE}): npm run build --workspace @tthc/portal-plugin (turbo dựng trước khi kiểm thử).`,
      );
    }
    browser = await chromium.launch({
      executablePath: executablePath!,
      headless: true,
      args: ['--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'],
    });
  });

  afterAll(async () => {
    await browser?.close();
  });

  /** A portal page under `csp`; every CSP violation the page reports is collected. */
  async function portalPage(csp: string, element: string) {
    const context = await browser.newContext({ locale: 'vi-VN' });
    const violations: string[] = [];
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
      });
    });
    await context.route(`${PORTAL}/**`, async (route) => {
      const url = new URL(route.request().url());
      if (url.pathname === '/tthc-widget.js') {
        return route.fulfill({ contentType: 'text/javascript', body: readFileSync(BUNDLE, 'utf8') });
      }
      if (url.pathname === '/graphql') {
        return route.fulfill({ contentType: 'application/json', body: JSON.stringify(PROCEDURE) });
      }
      return route.fulfill({
        contentType: 'text/html; charset=utf-8',
        headers: { 'content-security-policy': csp },
        body: page(element),
      });
    });
    const p = await context.newPage();
    p.on('console', (message) => {
      if (/content security policy|CSP violation/i.test(message.text())) violations.push(message.text());
    });
    await p.goto(`${PORTAL}/thu-tuc/1.001193`);
    await p.locator('tthc-procedure-widget h2').getByText('Thủ tục đăng ký khai sinh').waitFor();
    return { page: p, violations, close: () => context.close() };
  }

  /** Computed styles the widget's CSS sets (a browser default would be 0px / none / 16px). */
  const styled = (p: Page) =>
    p.locator('tthc-procedure-widget').evaluate((el) => {
      const section = el.shadowRoot!.querySelector('.widget')!;
      const style = getComputedStyle(section);
      return {
        hostDisplay: getComputedStyle(el).display,
        borderTop: `${style.borderTopWidth} ${style.borderTopStyle} ${style.borderTopColor}`,
        maxWidth: style.maxWidth,
        styleElements: el.shadowRoot!.querySelectorAll('style').length,
        adopted: el.shadowRoot!.adoptedStyleSheets.length,
      };
    });

  it("keeps its styles under style-src 'self' (a constructable stylesheet), with no CSP violation", async () => {
    const {
      page: p,
      violations,
      close,
    } = await portalPage(STRICT, '<tthc-procedure-widget procedure-code="1.001193"></tthc-procedure-widget>');
    // 4px solid #a3161b (the accent) on top, 40rem = 640px wide at most: from procedure-widget-css.ts.
    expect(await styled(p)).toEqual({
      hostDisplay: 'block',
      borderTop: '4px solid rgb(163, 22, 27)',
      maxWidth: '640px',
      styleElements: 0,
      adopted: 1,
    });
    expect(await p.locator('tthc-procedure-widget dd').first().textContent()).toBe('01 ngày làm việc');
    expect(violations).toEqual([]);
    await close();
  });

  it('keeps its styles under a nonce-based CSP when given the nonce (a <style nonce>)', async () => {
    const {
      page: p,
      violations,
      close,
    } = await portalPage(
      WITH_NONCE,
      `<tthc-procedure-widget procedure-code="1.001193" nonce="${NONCE}"></tthc-procedure-widget>`,
    );
    expect(await styled(p)).toEqual({
      hostDisplay: 'block',
      borderTop: '4px solid rgb(163, 22, 27)',
      maxWidth: '640px',
      styleElements: 1,
      adopted: 0,
    });
    expect(violations).toEqual([]);
    await close();
  });

  it('would see it: an injected <style> in its shadow root is blocked and reported on that page', async () => {
    // What the Svelte build did before (css: 'injected'): the check above can fail.
    const {
      page: p,
      violations,
      close,
    } = await portalPage(STRICT, '<tthc-procedure-widget procedure-code="1.001193"></tthc-procedure-widget>');
    await p.locator('tthc-procedure-widget').evaluate((el) => {
      const style = document.createElement('style');
      style.textContent = '.widget{border-top-width:9px}';
      el.shadowRoot!.append(style);
    });
    await expect.poll(() => violations.length).toBeGreaterThan(0);
    expect((await styled(p)).borderTop).toBe('4px solid rgb(163, 22, 27)');
    await close();
  });
});
