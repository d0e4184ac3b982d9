// Issue 10, the widget's behaviours that only a real browser shows (the figures, the rating and the
// strict CSP are in widget-satisfaction.test.ts): live figures over Server-Sent Events where the host's
// CSP blocks WebSockets; the connection closed while the tab is hidden and the figures caught up on
// return; the connection closed when the element is removed; no layout shift on the demo procedure
// page; everything fitting a 320 px screen, axe-core clean there; `lang="en"` in English throughout;
// the questionnaire items on /demo/tra-cuu, with a clear message when the dossier's survey is already
// answered (ALREADY_SUBMITTED). Host pages other than the API's demo pages are served by the browser
// itself (page.route) on the API's origin, so /widget/v1.js and the API are the real ones.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page, type WebSocket } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The badge's period exactly as the widget computes it (12 months up to today, in Vietnam).
import { lastTwelveMonths } from '../../portal-plugin/src/satisfaction/period.ts';
import type { TestApi } from '../support/api.ts';
import { keyFor } from '../support/keys.ts';
import { startSeededApi } from '../support/seeded.ts';
import { expectAccessible } from './support/axe.ts';
import { chromiumForTests } from './support/chromium.ts';

const executablePath = chromiumForTests();
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const MANIFEST = fileURLToPath(new URL('../../portal-plugin/dist/widget/manifest.json', import.meta.url));

/** Letters only Vietnamese uses among the widget's words (đ and the vowels with tone or hat marks). */
const VIETNAMESE_LETTERS = /[đăâêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/i;

let t: TestApi;
let browser: Browser;
let origin: string;
let ingest: Record<string, string>;
const contexts: BrowserContext[] = [];
let procedureCode: string;
/** Finished, unrated dossiers inside the badge's period, each used by one test: 0 and 1 of the badge's procedure. */
let unrated: string[];

async function newContext(width = 1280, height = 800): Promise<BrowserContext> {
  const context = await browser.newContext({
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    viewport: { width, height },
  });
  contexts.push(context);
  context.setDefaultTimeout(15_000);
  await context.addInitScript(() => {
    const w = window as unknown as { dvcEvents: string[]; layoutShift: number; shiftSources: string[] };
    type LayoutShiftSource = {
      node?: Node | null;
      previousRect: DOMRectReadOnly;
      currentRect: DOMRectReadOnly;
    };
    w.dvcEvents = [];
    for (const name of ['dvc-loaded', 'dvc-rating-submitted', 'dvc-error']) {
      document.addEventListener(name, () => w.dvcEvents.push(name));
    }
    // Cumulative layout shift of the page, from its first paint (Layout Instability API).
    w.layoutShift = 0;
    w.shiftSources = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & {
        value: number;
        hadRecentInput: boolean;
      })[]) {
        if (!entry.hadRecentInput) w.layoutShift += entry.value;
        // What moved, for the failure message.
        for (const source of (entry as unknown as { sources?: LayoutShiftSource[] }).sources ?? []) {
          const node =
            source.node instanceof Element ? source.node.outerHTML.slice(0, 90) : source.node?.nodeName;
          w.shiftSources.push(
            `${entry.value.toFixed(4)} ${node}: ${JSON.stringify(source.previousRect)} → ${JSON.stringify(source.currentRect)}`,
          );
        }
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  return context;
}

const eventsOf = (page: Page) =>
  page.evaluate(() => (window as unknown as { dvcEvents: string[] }).dvcEvents);

/** Every WebSocket the page opens, as Chromium reports it. */
function socketsOf(page: Page): WebSocket[] {
  const sockets: WebSocket[] = [];
  page.on('websocket', (socket) => sockets.push(socket));
  return sockets;
}
const openSockets = (sockets: WebSocket[]) => sockets.filter((s) => !s.isClosed()).length;

/**
 * A portal page of our own on the API's origin: the browser answers it (page.route), with `csp` as
 * its Content-Security-Policy header; the widget script and the API behind it are the real ones.
 */
async function hostPage(
  context: BrowserContext,
  body: string,
  options: { csp?: string; lang?: string } = {},
) {
  const page = await context.newPage();
  const sockets = socketsOf(page);
  const url = `${origin}/trang-cong-thu-nghiem`;
  await page.route(url, (route) =>
    route.fulfill({
      status: 200,
      contentType: 'text/html; charset=utf-8',
      headers: options.csp ? { 'content-security-policy': options.csp } : {},
      body: `<!doctype html><html lang="${options.lang ?? 'vi'}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Cổng thử nghiệm</title>
<script type="module" src="/widget/v1.js"></script></head><body><main><h1>Cổng thử nghiệm</h1>${body}</main></body></html>`,
    }),
  );
  await page.goto(url);
  return { page, sockets };
}

const badgeText = (page: Page) =>
  page
    .locator('dvc-satisfaction[variant="badge"]')
    .evaluate((el) => el.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '');

describe.skipIf(!executablePath)('the portal widget’s behaviour in Chromium', () => {
  beforeAll(async () => {
    if (!existsSync(MANIFEST)) {
      throw new Error(
        `Widget chưa được dựng (${MANIFEST}): npm run build --workspace @tthc/portal-plugin (turbo dựng trước khi kiểm thử).`,
      );
    }
    [t, browser] = await Promise.all([
      startSeededApi(300, {
        demoPages: true,
        ratingSecret: 'widget-behaviour-secret-'.padEnd(64, 'x'),
        ratingTokenDays: 3650,
      }),
      chromium.launch({
        executablePath: executablePath!,
        headless: true,
        // Local Network Access: the host pages this file makes up (page.route) have no address, so
        // Chromium would count the API on localhost as a "local network" it blocks WebSockets to.
        args: [
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-dev-shm-usage',
          '--disable-features=LocalNetworkAccessChecks',
        ],
      }),
    ]);
    origin = new URL(t.url).origin;
    ingest = await keyFor(t, 'INGEST');
    const period = lastTwelveMonths();
    // Finished, unrated dossiers without any survey in the period; the badge's procedure is the one
    // with the most of them, its two latest rated by the live tests, the others by the rating tests.
    const { rows } = await t.api.services.db.pool.query<{ code: string; procedure: string }>(
      `SELECT d.code, p.code AS procedure
         FROM "Dossier" d JOIN "Procedure" p ON p.id = d."procedureId"
        WHERE d."endedAt" IS NOT NULL AND d."receivedAt" IS NOT NULL AND d.rating IS NULL
          AND NOT EXISTS (SELECT 1 FROM "SurveyResponse" r WHERE r."dossierId" = d.id)
          AND (d."endedAt" AT TIME ZONE 'Asia/Ho_Chi_Minh')::date BETWEEN $1::date AND $2::date
        ORDER BY (SELECT count(*) FROM "Dossier" r WHERE r."procedureId" = p.id AND r.rating IS NOT NULL)
                 * least(count(*) OVER (PARTITION BY p.code), 2) DESC,
                 p.code, d."endedAt" DESC, d.code`,
      [period.from, period.to],
    );
    expect(rows.length, 'the seed has finished, unrated dossiers in the period').toBeGreaterThanOrEqual(5);
    procedureCode = rows[0]!.procedure;
    const ofProcedure = rows.filter((r) => r.procedure === procedureCode).slice(0, 2);
    expect(ofProcedure, 'two dossiers of the badge’s procedure to rate').toHaveLength(2);
    unrated = [...ofProcedure, ...rows.filter((r) => !ofProcedure.includes(r))].map((r) => r.code);
  });

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
    await t?.close();
  });

  /** The API's own count of ratings for the badge's scope and period. */
  async function ratings(): Promise<number> {
    const res = await t.gql<{ stats: { ratings: number } }>(
      `query($s: StatsScope!, $p: PeriodInput!) { stats(scope: $s, period: $p) { ratings } }`,
      { s: { procedureCode }, p: lastTwelveMonths() },
    );
    return res.data!.stats.ratings;
  }

  async function tokenFor(dossierCode: string): Promise<string> {
    const res = await t.gql<{ issueRatingLink: { link: { token: string } | null; userErrors: unknown[] } }>(
      `mutation($code: String!) { issueRatingLink(input: { dossierCode: $code }) { link { token } userErrors { code } } }`,
      { code: dossierCode },
      ingest,
    );
    expect(res.data?.issueRatingLink.userErrors).toEqual([]);
    return res.data!.issueRatingLink.link!.token;
  }

  /** A citizen rates elsewhere, through the fast path the rating form uses. */
  async function rateElsewhere(dossierCode: string): Promise<void> {
    const response = await fetch(`${origin}/graphql/submit-rating`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        variables: {
          input: {
            dossierCode,
            token: await tokenFor(dossierCode),
            level: 'SATISFIED',
            idempotencyKey: `dvc-behaviour-${dossierCode}`,
          },
        },
      }),
    });
    const body = (await response.json()) as { data: { submitRating: { ok: boolean } } };
    expect(body.data.submitRating.ok).toBe(true);
  }

  const badge = () =>
    `<dvc-satisfaction procedure-code="${procedureCode}" variant="badge"></dvc-satisfaction>`;

  it('falls back to Server-Sent Events when the host’s CSP blocks WebSockets, and still updates live', async () => {
    const before = await ratings();
    const context = await newContext();
    const eventStreams: string[] = [];
    context.on('request', (request) => {
      if (request.resourceType() === 'eventsource') eventStreams.push(request.url());
    });
    const blocked: string[] = [];
    context.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) blocked.push(message.text());
    });
    // connect-src names the API's http origin only: in CSP Level 3 an http source does not match ws:.
    const { page } = await hostPage(context, badge(), {
      csp: `default-src 'none'; script-src 'self'; style-src 'self'; connect-src ${origin}`,
    });
    await expect.poll(() => eventsOf(page)).toEqual(['dvc-loaded']);
    await expect.poll(() => badgeText(page)).toContain(`${before} đánh giá`);
    await rateElsewhere(unrated[0]!);
    await expect.poll(() => badgeText(page), { timeout: 10_000 }).toContain(`${before + 1} đánh giá`);
    expect(eventStreams[0]).toMatch(/\/graphql\?query=subscription/);
    expect(blocked.some((m) => m.includes('ws://'))).toBe(true);
    expect(await eventsOf(page)).toEqual(['dvc-loaded']);
  });

  /** Makes the page believe its tab is hidden (or shown again), as a browser does on switching tabs. */
  const setHidden = (page: Page, hidden: boolean) =>
    page.evaluate((hide) => {
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => hide });
      Object.defineProperty(document, 'visibilityState', {
        configurable: true,
        get: () => (hide ? 'hidden' : 'visible'),
      });
      document.dispatchEvent(new Event('visibilitychange'));
    }, hidden);

  it('closes its connection while the tab is hidden and catches up when it is shown again', async () => {
    const before = await ratings();
    const context = await newContext();
    const { page: shown, sockets: live } = await hostPage(context, badge());
    await expect.poll(() => badgeText(shown)).toContain(`${before} đánh giá`);
    await expect.poll(() => openSockets(live)).toBe(1);
    await setHidden(shown, true);
    await expect.poll(() => openSockets(live)).toBe(0);
    // Hidden: a rating elsewhere reaches nobody, and no new connection is tried.
    await rateElsewhere(unrated[1]!);
    await shown.waitForTimeout(1_500);
    expect(await badgeText(shown)).toContain(`${before} đánh giá`);
    expect(live).toHaveLength(1);
    // Shown again: one new connection, whose first message brings the figures up to date.
    await setHidden(shown, false);
    await expect.poll(() => openSockets(live)).toBe(1);
    expect(live).toHaveLength(2);
    await expect.poll(() => badgeText(shown), { timeout: 10_000 }).toContain(`${before + 1} đánh giá`);
  });

  it('closes its connection when the element is removed from the page, for good', async () => {
    const context = await newContext();
    const { page, sockets: live } = await hostPage(context, badge());
    await expect.poll(() => eventsOf(page)).toEqual(['dvc-loaded']);
    await expect.poll(() => openSockets(live)).toBe(1);
    await page.locator('dvc-satisfaction').evaluate((el) => el.remove());
    await expect.poll(() => openSockets(live)).toBe(0);
    // Nothing reconnects afterwards (a reconnect would come after the first backoff, ≤ 1 s).
    await page.waitForTimeout(1_500);
    expect(live).toHaveLength(1);
  });

  it('shifts nothing on the demo procedure page while the badge and the card load', async () => {
    const context = await newContext();
    const page = await context.newPage();
    // The widget's script arrives 400 ms late (a slow network), so the page is surely painted before
    // the element is defined: what the host page reserves is what is measured.
    await page.route(/\/widget\//, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 400));
      await route.continue();
    });
    await page.goto(`${origin}/demo?ma-thu-tuc=${procedureCode}`);
    await expect.poll(() => eventsOf(page)).toEqual(['dvc-loaded', 'dvc-loaded']);
    // The observer reports asynchronously: give it a few frames.
    await page.waitForTimeout(300);
    const shift = () => page.evaluate(() => (window as unknown as { layoutShift: number }).layoutShift);
    const sources = await page.evaluate(() => (window as unknown as { shiftSources: string[] }).shiftSources);
    expect(await shift(), `layout shifts:\n${sources.join('\n')}`).toBe(0);
    // The observer does see a shift: a block inserted above the content moves it (so 0 means something).
    await page.evaluate(() => {
      const block = document.createElement('div');
      block.style.height = '200px';
      document.body.prepend(block);
    });
    await expect.poll(shift).toBeGreaterThan(0);
  });

  /** The page scrolls no wider than the window, and each of `selectors` lies within the window's width. */
  async function expectFits(page: Page, selectors: string[], where: string) {
    const { overflow, boxes } = await page.evaluate(
      (list) => ({
        overflow: document.documentElement.scrollWidth - window.innerWidth,
        boxes: list.map((selector) => {
          const el = document.querySelector(selector);
          const inner = el?.shadowRoot?.firstElementChild ?? el;
          const box = (inner ?? document.body).getBoundingClientRect();
          return { selector, found: Boolean(el), left: box.left, right: box.right, width: box.width };
        }),
      }),
      selectors,
    );
    expect(overflow, `${where}: horizontal overflow`).toBeLessThanOrEqual(0);
    for (const box of boxes) {
      expect(box.found, `${where}: ${box.selector}`).toBe(true);
      expect(box.width, `${where}: ${box.selector} has a size`).toBeGreaterThan(0);
      expect(box.left, `${where}: ${box.selector} left edge`).toBeGreaterThanOrEqual(0);
      expect(box.right, `${where}: ${box.selector} right edge`).toBeLessThanOrEqual(320);
    }
  }

  it('fits a 320 px screen, axe-core clean: badge and card, then the rating form and its questionnaire items on /demo/tra-cuu', async () => {
    const context = await newContext(320, 640);
    const page = await context.newPage();
    await page.goto(`${origin}/demo?ma-thu-tuc=${procedureCode}`);
    await expect.poll(() => eventsOf(page)).toEqual(['dvc-loaded', 'dvc-loaded']);
    await expectFits(
      page,
      ['dvc-satisfaction[variant="badge"]', 'dvc-satisfaction[variant="card"]'],
      '/demo',
    );
    // axe-core through the DevTools protocol: the strict CSP refuses an injected <script>.
    await page.evaluate(AXE_SOURCE);
    await expectAccessible(page, '/demo (320 px)');

    const lookup = await context.newPage();
    await lookup.goto(`${origin}/demo/tra-cuu?ma-ho-so=${unrated[2]}&ma-thu-tuc=${procedureCode}`);
    await lookup.getByRole('radio').first().waitFor();
    await expectFits(lookup, ['dvc-satisfaction'], '/demo/tra-cuu');
    await lookup.evaluate(AXE_SOURCE);
    await expectAccessible(lookup, '/demo/tra-cuu (320 px)');
    // The demo asks the quick questionnaire (questions="quick"): its item follows the rating.
    await lookup.getByRole('radio', { name: /^hài lòng$/i }).check();
    await lookup.getByRole('button', { name: /gửi đánh giá/i }).click();
    const item = lookup.getByRole('group', { name: /đánh giá thế nào về chất lượng phục vụ/ });
    await item.waitFor();
    expect(await item.getByRole('radio').count()).toBe(3);
    await expectFits(lookup, ['dvc-satisfaction'], '/demo/tra-cuu, questionnaire');
    await expectAccessible(lookup, '/demo/tra-cuu, questionnaire (320 px)');
  });

  it('says clearly that the dossier’s survey was already answered (ALREADY_SUBMITTED), not a generic failure', async () => {
    const dossierCode = unrated[3]!;
    // Answered once already, from another device (another idempotency key).
    const first = await t.gql<{ submitSurvey: { ok: boolean } }>(
      `mutation($i: SubmitSurveyInput!) { submitSurvey(input: $i) { ok } }`,
      {
        i: {
          dossierCode,
          token: await tokenFor(dossierCode),
          questionnaireCode: 'DANH-GIA-NHANH',
          questionnaireVersion: 1,
          idempotencyKey: 'dvc-other-device-1',
          answers: [{ questionCode: 'DG', value: 3 }],
        },
      },
    );
    expect(first.data?.submitSurvey.ok).toBe(true);
    const context = await newContext();
    const page = await context.newPage();
    await page.goto(`${origin}/demo/tra-cuu?ma-ho-so=${dossierCode}&ma-thu-tuc=${procedureCode}`);
    await page.getByRole('radio', { name: /^rất hài lòng$/i }).check();
    await page.getByRole('button', { name: /gửi đánh giá/i }).click();
    const item = page.getByRole('group', { name: /đánh giá thế nào về chất lượng phục vụ/ });
    await item.getByRole('radio', { name: 'Hài lòng', exact: true }).check();
    await page.getByRole('button', { name: 'Gửi câu trả lời' }).click();
    await expect.poll(() => page.getByText(/đã có câu trả lời khảo sát trước đó/).count()).toBeGreaterThan(0);
    expect(await page.getByText(/Chưa gửi được câu trả lời/).count()).toBe(0);
  });

  it('speaks English throughout with lang="en": badge, card and rating form, no Vietnamese word left', async () => {
    const dossierCode = unrated[4]!;
    const context = await newContext();
    const { page } = await hostPage(
      context,
      `<dvc-satisfaction procedure-code="${procedureCode}" variant="badge" lang="en"></dvc-satisfaction>
<dvc-satisfaction procedure-code="${procedureCode}" variant="card" lang="en"></dvc-satisfaction>
<dvc-satisfaction dossier-code="${dossierCode}" token="${await tokenFor(dossierCode)}" lang="en"></dvc-satisfaction>`,
      { lang: 'en' },
    );
    await expect.poll(() => eventsOf(page)).toEqual(['dvc-loaded', 'dvc-loaded']);
    await page.getByRole('radio').first().waitFor();
    /**
     * The widget's own words in every shadow root: text and the attributes read out (aria-label,
     * placeholder, title). The procedure's name in the card is data (Vietnamese in any language) and
     * is left out, as is the dossier code.
     */
    const words = () =>
      page.evaluate(() => {
        const out: string[] = [];
        for (const host of document.querySelectorAll('dvc-satisfaction')) {
          const root = host.shadowRoot!;
          const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            if (node instanceof Element) {
              for (const name of ['aria-label', 'placeholder', 'title'])
                if (node.getAttribute(name)) out.push(node.getAttribute(name)!);
            } else if (!(node.parentElement?.classList.contains('s') && node.parentElement.tagName === 'P')) {
              if (node.textContent?.trim()) out.push(node.textContent.trim());
            }
          }
        }
        return out;
      });
    const shown = (await words()).join(' | ');
    expect(shown).toMatch(/satisfied/);
    expect(shown).toMatch(/ratings/);
    expect(shown).toMatch(/Satisfaction and timeliness, last 12 months/);
    expect(shown).toMatch(/Very satisfied/);
    expect(shown).toMatch(/Send rating/);
    expect(shown).not.toMatch(VIETNAMESE_LETTERS);
    await page.getByRole('radio', { name: /^satisfied$/i }).check();
    await page.getByRole('button', { name: 'Send rating' }).click();
    await expect.poll(() => page.getByText(/Thank you for your rating/).count()).toBeGreaterThan(0);
    expect((await words()).join(' | ')).not.toMatch(VIETNAMESE_LETTERS);
  });
});
