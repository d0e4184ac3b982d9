// One browser test file's world: a seeded API on its own database, the test officials, the built
// admin UI pointed at that API, and Debian's Chromium driven by playwright-core. Everything goes
// through real HTTP and the real login form, as an official's browser would.
import type { Role } from '@tthc/db';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import type { TestApi } from '../../support/api.ts';
import { addOfficial, TEST_PASSWORD } from '../../support/officials.ts';
import { startSeededApi } from '../../support/seeded.ts';
import { type AdminUi, startAdminUi } from './admin-ui.ts';
import { expectAccessible } from './axe.ts';
import { saveScreenshots, WIDTHS } from './screenshots.ts';

export { TEST_PASSWORD };

export interface Official {
  username: string;
  role: Role;
  /** The agency whose subtree the role covers; none for SYSTEM_ADMIN. */
  agencyCode?: string;
  displayName?: string;
}

export interface Harness {
  api: TestApi;
  ui: AdminUi;
  browser: Browser;
  /**
   * A fresh browser context (no cookies) in Vietnamese, Asia/Ho_Chi_Minh, 1280 px wide; with
   * `javaScript: false`, a browser without scripts (every form must still work).
   */
  newPage(options?: { javaScript?: boolean }): Promise<Page>;
  close(): Promise<void>;
}

const LAUNCH_ARGS = ['--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'];

export async function startHarness(
  executablePath: string,
  options: { dossiers?: number; officials?: readonly Official[] } = {},
): Promise<Harness> {
  const opened: { close(): Promise<void> }[] = [];
  const closeAll = async () => {
    for (const thing of opened.reverse()) await thing.close().catch(() => {});
  };
  try {
    // Both at once; whichever started is closed again if the other failed.
    const [apiStart, browserStart] = await Promise.allSettled([
      startSeededApi(options.dossiers ?? 300),
      chromium.launch({ executablePath, headless: true, args: LAUNCH_ARGS }),
    ]);
    for (const started of [apiStart, browserStart])
      if (started.status === 'fulfilled') opened.push(started.value);
    if (apiStart.status === 'rejected') throw apiStart.reason;
    if (browserStart.status === 'rejected') throw browserStart.reason;
    const api = apiStart.value;
    const browser = browserStart.value;
    for (const o of options.officials ?? []) {
      await addOfficial(api, o.username, o.role, o.agencyCode, o.displayName ?? o.username);
    }
    const ui = await startAdminUi(api.url);
    opened.push({ close: () => ui.stop() });
    const contexts: BrowserContext[] = [];
    return {
      api,
      ui,
      browser,
      newPage: async (pageOptions = {}) => {
        const context = await browser.newContext({
          javaScriptEnabled: pageOptions.javaScript ?? true,
          baseURL: ui.url,
          locale: 'vi-VN',
          timezoneId: 'Asia/Ho_Chi_Minh',
          viewport: { width: WIDTHS[0].width, height: WIDTHS[0].height },
        });
        contexts.push(context);
        context.setDefaultTimeout(15_000);
        return context.newPage();
      },
      close: async () => {
        for (const c of contexts) await c.close().catch(() => {});
        await closeAll();
      },
    };
  } catch (error) {
    await closeAll();
    throw error;
  }
}

/**
 * Signs in through the real login form and waits to have left /login. On the login page already (a
 * page sent the visitor there), it uses that form, so the page asked for comes next.
 */
export async function signIn(page: Page, username: string, password = TEST_PASSWORD): Promise<void> {
  if (new URL(page.url(), 'http://x').pathname !== '/login') await page.goto('/login');
  await page.getByLabel(/tên đăng nhập/i).fill(username);
  await page.getByLabel(/mật khẩu/i).fill(password);
  await page.getByRole('button', { name: /đăng nhập/i }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/**
 * The checks every page gets, at 1280 px and at 390 px: axe-core clean (WCAG 2.2 AA), no sideways
 * scrolling of the whole page on a phone (WCAG 1.4.10 Reflow: wide tables scroll in their own box),
 * and a screenshot of each as an artifact.
 */
export async function checkPage(page: Page, name: string): Promise<void> {
  const before = page.viewportSize();
  for (const { width, height } of WIDTHS) {
    await page.setViewportSize({ width, height });
    await expectAccessible(page, `${name} (${width} px)`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    if (overflow > 0) {
      const culprits = await widestElements(page);
      throw new Error(
        `${name} (${page.url()}) tràn ngang ${overflow} px khi rộng ${width} px (WCAG 1.4.10), do:\n${culprits.join('\n')}`,
      );
    }
  }
  if (before) await page.setViewportSize(before);
  await saveScreenshots(page, name);
}

/**
 * The outermost elements that stick out past the right edge of the window and are not inside a box
 * that scrolls or clips them: what makes the whole page scroll sideways, for the failure message.
 */
async function widestElements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const limit = window.innerWidth + 1;
    // Whether a box that scrolls or clips holds the element. An absolutely positioned element escapes
    // every such box below its containing block (its nearest positioned ancestor).
    const clipped = (el: Element) => {
      let escaping = getComputedStyle(el).position === 'absolute';
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        const style = getComputedStyle(a);
        if (escaping && style.position === 'static') continue;
        escaping = false;
        if (style.overflowX !== 'visible') return true;
      }
      return false;
    };
    const describe = (el: Element) => {
      const classes = [...el.classList].filter((c) => !c.startsWith('svelte-')).join('.');
      const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 60);
      const right = Math.round(el.getBoundingClientRect().right);
      return `  - <${el.tagName.toLowerCase()}${classes ? ` class="${classes}"` : ''}> đến ${right} px: "${text}"`;
    };
    const sticking = [...document.body.querySelectorAll('*')].filter(
      (el) => el.getBoundingClientRect().right > limit && !clipped(el),
    );
    return sticking
      .filter((el) => !sticking.includes(el.parentElement as Element))
      .slice(0, 5)
      .map(describe);
  });
}

/**
 * checkPage for a flow: a page's accessibility problem is recorded and the flow goes on (so that the
 * flow itself is still tested); `expectClean()` at the end fails with every problem found.
 */
export class PageChecks {
  private readonly problems: string[] = [];

  async check(page: Page, name: string): Promise<void> {
    try {
      await checkPage(page, name);
    } catch (error) {
      this.problems.push((error as Error).message);
      await saveScreenshots(page, name).catch(() => {});
    }
  }

  expectClean(): void {
    if (this.problems.length > 0) throw new Error(this.problems.join('\n\n'));
  }
}
