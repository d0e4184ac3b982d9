// Issue 10 in a real browser: the <dvc-satisfaction> element, built by portal-plugin (turbo builds it
// before the tests) and served by the API at /widget/v1.js, on the API's own pages — the demo portal
// procedure page (/demo), the dossier lookup (/demo/tra-cuu) and the citizen's rating page reached
// from a real issueRatingLink (/danh-gia) — all under the strict CSP header. The API alone is enough:
// no admin UI. Checked: the badge shows the seeded figures; a rating in one page moves the badge in a
// second page live; rating with the keyboard only; the offline queue sent once the connection
// returns; no CSP violation on any page; axe-core clean (WCAG 2.2 AA) at 1280 and 390 px; no long task
// (> 50 ms) on the procedure page while the badge loads and updates.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DvcProcedureFigures } from '../../portal-plugin/src/satisfaction/generated/persisted-ids.ts';
// The badge's period exactly as the widget computes it (12 months up to today, in Vietnam).
import { lastTwelveMonths } from '../../portal-plugin/src/satisfaction/period.ts';
import type { TestApi } from '../support/api.ts';
import { keyFor } from '../support/keys.ts';
import { startSeededApi } from '../support/seeded.ts';
import { chromiumForTests } from './support/chromium.ts';
import { checkPage } from './support/harness.ts';
import { WIDTHS } from './support/screenshots.ts';

const executablePath = chromiumForTests();
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const MANIFEST = fileURLToPath(new URL('../../portal-plugin/dist/widget/manifest.json', import.meta.url));

let t: TestApi;
let browser: Browser;
let origin: string;
let ingest: Record<string, string>;
const contexts: BrowserContext[] = [];
/** Every CSP violation any page reported (console message or securitypolicyviolation event). */
const violations: string[] = [];

const eventsOf = (page: Page) =>
  page.evaluate(() => (window as unknown as { dvcEvents: string[] }).dvcEvents);

/**
 * axe-core put into the page through the DevTools protocol: the support's <script> tag would be an
 * inline script, which the strict CSP under test rightly refuses (and reports as a violation).
 */
async function checkStrictPage(page: Page, name: string): Promise<void> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  await checkPage(page, name);
}

async function newPage(): Promise<{ page: Page; context: BrowserContext }> {
  const context = await browser.newContext({
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    viewport: { width: WIDTHS[0].width, height: WIDTHS[0].height },
  });
  contexts.push(context);
  context.setDefaultTimeout(15_000);
  // Reported by the page itself; injected by the browser, so the page's own CSP does not apply to it.
  // The element's events are recorded too, for the tests to wait on.
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
    });
    const seen: string[] = [];
    (window as unknown as { dvcEvents: string[] }).dvcEvents = seen;
    for (const name of ['dvc-loaded', 'dvc-rating-submitted', 'dvc-error']) {
      document.addEventListener(name, () => seen.push(name));
    }
  });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (/content security policy|CSP violation/i.test(message.text())) {
      violations.push(`${page.url()}: ${message.text()}`);
    }
  });
  return { page, context };
}

/** The procedure the figures are about, and finished, unrated dossiers of it inside the badge's period. */
let procedureCode: string;
let unrated: string[];

describe.skipIf(!executablePath)('the portal widget in Chromium', () => {
  beforeAll(async () => {
    if (!existsSync(MANIFEST)) {
      throw new Error(
        `Widget chưa được dựng (${MANIFEST}): npm run build --workspace @tthc/portal-plugin (turbo dựng trước khi kiểm thử).`,
      );
    }
    [t, browser] = await Promise.all([
      startSeededApi(300, {
        demoPages: true,
        ratingSecret: 'widget-browser-secret-'.padEnd(64, 'x'),
        ratingTokenDays: 3650,
      }),
      chromium.launch({
        executablePath: executablePath!,
        headless: true,
        args: ['--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'],
      }),
    ]);
    origin = new URL(t.url).origin;
    ingest = await keyFor(t, 'INGEST');
    // The procedure with the most rated dossiers that also has unrated finished ones in the period.
    const period = lastTwelveMonths();
    const { rows } = await t.api.services.db.pool.query<{ code: string; dossiers: string[] }>(
      `SELECT p.code, array_agg(d.code ORDER BY d."endedAt" DESC) AS dossiers
         FROM "Dossier" d JOIN "Procedure" p ON p.id = d."procedureId"
        WHERE d."endedAt" IS NOT NULL AND d."receivedAt" IS NOT NULL AND d.rating IS NULL
          AND (d."endedAt" AT TIME ZONE 'Asia/Ho_Chi_Minh')::date BETWEEN $1::date AND $2::date
        GROUP BY p.code
       HAVING count(*) >= 4
        ORDER BY (SELECT count(*) FROM "Dossier" r WHERE r."procedureId" = min(p.id) AND r.rating IS NOT NULL) DESC, p.code
        LIMIT 1`,
      [period.from, period.to],
    );
    expect(rows.length, 'the seed has a procedure with unrated finished dossiers').toBe(1);
    procedureCode = rows[0]!.code;
    unrated = rows[0]!.dossiers;
  });

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
    await t?.close();
  });

  /** The API's own figures for the badge's scope and period. */
  async function figures() {
    const res = await t.gql<{ stats: { ratings: number; satisfactionRate: number | null } }>(
      `query($s: StatsScope!, $p: PeriodInput!) { stats(scope: $s, period: $p) { ratings satisfactionRate } }`,
      { s: { procedureCode }, p: lastTwelveMonths() },
    );
    return res.data!.stats;
  }

  const badgeText = (page: Page) =>
    page
      .locator('dvc-satisfaction[variant="badge"]')
      .evaluate((el) => el.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '');

  async function ratingLink(dossierCode: string): Promise<string> {
    const res = await t.gql<{ issueRatingLink: { link: { url: string } | null; userErrors: unknown[] } }>(
      `mutation($code: String!) { issueRatingLink(input: { dossierCode: $code }) { link { url } userErrors { code } } }`,
      { code: dossierCode },
      ingest,
    );
    expect(res.data?.issueRatingLink.userErrors).toEqual([]);
    // RATING_PAGE_URL defaults to PUBLIC_URL + /danh-gia; a test server's port is only known after
    // it listens, so the link's path and query are opened on the server's real address.
    const url = new URL(res.data!.issueRatingLink.link!.url);
    expect(url.pathname).toBe('/danh-gia');
    return `${origin}${url.pathname}${url.search}`;
  }

  async function currentRating(dossierCode: string) {
    const { rows } = await t.api.services.db.pool.query<{ level: string; count: number }>(
      `SELECT d.rating::text AS level, (SELECT count(*) FROM "Rating" r WHERE r."dossierId" = d.id)::int AS count
         FROM "Dossier" d WHERE d.code = $1`,
      [dossierCode],
    );
    return rows[0];
  }

  let badgePage: Page;

  it('shows the seeded figures in the badge and the card on the demo procedure page', async () => {
    const { ratings, satisfactionRate } = await figures();
    expect(ratings).toBeGreaterThan(0);
    expect(ratings).toBeLessThan(1000); // written without a thousands separator below
    ({ page: badgePage } = await newPage());
    // The figures are read by the widget's persisted operation, the same for badge and card: one URL
    // that the API (or a CDN) answers from its cache (docs/api.md "Persisted reads and caching").
    const reads: { url: string; cache: string | null; id: string | null }[] = [];
    badgePage.on('response', (response) => {
      if (/\/graphql\?(documentId|query)=/.test(response.url()))
        reads.push({
          url: response.url(),
          cache: response.headers()['x-cache'] ?? null,
          id: response.headers()['x-request-id'] ?? null,
        });
    });
    await badgePage.goto(`${origin}/demo?ma-thu-tuc=${procedureCode}`);
    // Badge and card: two dvc-loaded, no dvc-error.
    await expect.poll(() => eventsOf(badgePage)).toEqual(['dvc-loaded', 'dvc-loaded']);
    // "92,3 % hài lòng 41 đánh giá …": the rate with one decimal and a comma, as the badge writes it.
    const percent = `${String(Math.round(satisfactionRate! * 1000) / 10).replace('.', ',')}\u00a0% hài lòng`;
    await expect.poll(() => badgeText(badgePage)).toContain(`${ratings} đánh giá`);
    expect(await badgeText(badgePage)).toContain(percent.replace('\u00a0', ' '));
    const card = badgePage.locator('dvc-satisfaction[variant="card"]');
    await expect.poll(() => card.evaluate((el) => el.shadowRoot?.textContent ?? '')).toContain(`${ratings}`);
    expect(reads.length).toBeGreaterThanOrEqual(2);
    for (const read of reads) expect(read.url).toContain(`documentId=${DvcProcedureFigures}`);
    // Two elements ask at once, and the API computes the answer once: the other is the browser's cached
    // copy (the same response, `max-age`) or the API's cache (`X-Cache: hit`).
    const computed = new Set(reads.filter((read) => read.cache === 'miss').map((read) => read.id));
    expect(computed.size).toBe(1);
    await checkStrictPage(badgePage, 'widget-trang-thu-tuc');
  });

  it('opens the rating page from a real issueRatingLink and rates with the keyboard only; the badge in the other page moves live', async () => {
    const before = (await figures()).ratings;
    const dossierCode = unrated[0]!;
    const { page } = await newPage();
    await page.goto(await ratingLink(dossierCode));
    expect(await page.textContent('main')).toContain(dossierCode);
    const radio = page.getByRole('radio').first();
    await radio.waitFor();
    await checkStrictPage(page, 'widget-trang-danh-gia');
    // Keyboard only: Tab into the radio group, Space picks "không hài lòng", two arrows move to
    // "rất hài lòng"; Tab to the comment, type, Tab to the button, Enter.
    await page.locator('body').focus();
    for (
      let i = 0;
      i < 10 &&
      !(await radio.evaluate((el) => el === (el.getRootNode() as Document | ShadowRoot).activeElement));
      i++
    ) {
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Cán bộ hướng dẫn tận tình.');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => eventsOf(page)).toContain('dvc-rating-submitted');
    await expect.poll(() => page.getByText(/Cảm ơn ông\/bà/).count()).toBeGreaterThan(0);
    expect(await currentRating(dossierCode)).toEqual({ level: 'VERY_SATISFIED', count: 1 });
    // The badge of the first page, open all along, shows one rating more without a reload.
    await expect.poll(() => badgeText(badgePage), { timeout: 10_000 }).toContain(`${before + 1} đánh giá`);
    await checkStrictPage(page, 'widget-da-danh-gia');
  });

  it('keeps a rating made offline and sends it once when the connection returns', async () => {
    const dossierCode = unrated[1]!;
    const { page, context } = await newPage();
    await page.goto(await ratingLink(dossierCode));
    await page.getByRole('radio').first().waitFor();
    await context.setOffline(true);
    await page.getByRole('radio', { name: /^hài lòng$/i }).check();
    await page.getByRole('button', { name: /gửi đánh giá/i }).click();
    await expect.poll(() => page.getByText(/Chưa có kết nối mạng/).count()).toBeGreaterThan(0);
    expect(await currentRating(dossierCode)).toEqual({ level: null, count: 0 });
    await context.setOffline(false);
    await expect
      .poll(() => currentRating(dossierCode), { timeout: 15_000 })
      .toEqual({ level: 'SATISFIED', count: 1 });
    // Sent once: the queue is empty afterwards, so a reload sends nothing more.
    await page.reload();
    await page.getByRole('radio').first().waitFor();
    await page.waitForTimeout(500);
    expect(await currentRating(dossierCode)).toEqual({ level: 'SATISFIED', count: 1 });
  });

  it('rates from the demo dossier lookup page, accessible too', async () => {
    const { page } = await newPage();
    await page.goto(`${origin}/demo/tra-cuu?ma-thu-tuc=${procedureCode}`);
    await page.getByLabel('Mã hồ sơ').fill(unrated[2]!);
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    await page.getByRole('radio').first().waitFor();
    await checkStrictPage(page, 'widget-tra-cuu-ho-so');
  });

  it('asks the questionnaire items after the rating, EXPECTATION ones as checkboxes, and keeps the answers offline until sent once', async () => {
    // A finished, unrated dossier without any survey yet (the seed's paper surveys carry dossiers too,
    // and a second survey of a dossier is ALREADY_SUBMITTED), not one the other tests use.
    const period = lastTwelveMonths();
    const { rows } = await t.api.services.db.pool.query<{ code: string }>(
      `SELECT d.code FROM "Dossier" d
        WHERE d."endedAt" IS NOT NULL AND d."receivedAt" IS NOT NULL AND d.rating IS NULL
          AND (d."endedAt" AT TIME ZONE 'Asia/Ho_Chi_Minh')::date BETWEEN $1::date AND $2::date
          AND NOT EXISTS (SELECT 1 FROM "SurveyResponse" r WHERE r."dossierId" = d.id)
          AND d.code <> ALL($3::text[])
        ORDER BY d."endedAt" DESC, d.code LIMIT 1`,
      [period.from, period.to, unrated],
    );
    expect(rows, 'the seed has a finished dossier without a survey').toHaveLength(1);
    const dossierCode = rows[0]!.code;
    const { page, context } = await newPage();
    await page.goto(await ratingLink(dossierCode));
    await page.getByRole('radio').first().waitFor();
    // The portal asks for the SIPAS questionnaire's items (the `questions` attribute; set here on the
    // rating page, which does not ask by itself).
    await page.locator('dvc-satisfaction').evaluate((el) => el.setAttribute('questions', 'SIPAS-2640'));
    await page.getByRole('radio', { name: /^hài lòng$/i }).check();
    await page.getByRole('button', { name: /gửi đánh giá/i }).click();
    // Seeded MD question (api/src/seed/questionnaires.ts): a fieldset named by its legend, one checkbox
    // per option (several may be chosen).
    const expectation = page.getByRole('group', { name: /mong muốn cơ quan hành chính nhà nước cải thiện/ });
    await expectation.waitFor();
    expect(await expectation.getByRole('checkbox').count()).toBeGreaterThanOrEqual(3);
    await checkStrictPage(page, 'widget-cau-hoi-them');
    await expectation.getByRole('checkbox', { name: 'Tiếp tục đơn giản hóa thủ tục hành chính' }).check();
    await expectation
      .getByRole('checkbox', { name: 'Rút ngắn thời gian giải quyết thủ tục hành chính' })
      .check();
    const answers = async () => {
      const { rows } = await t.api.services.db.pool.query<{ options: string[] }>(
        `SELECT a.options FROM "SurveyResponse" r
           JOIN "Dossier" d ON d.id = r."dossierId"
           JOIN "SurveyAnswer" a ON a."responseId" = r.id
           JOIN "SurveyQuestion" q ON q.id = a."questionId"
          WHERE d.code = $1 AND q.code = 'MD' AND r."idempotencyKey" LIKE 'dvc-%'`,
        [dossierCode],
      );
      return rows;
    };
    await context.setOffline(true);
    await page.getByRole('button', { name: 'Gửi câu trả lời' }).click();
    await expect
      .poll(() => page.getByText(/Câu trả lời đã được lưu trên máy này/).count())
      .toBeGreaterThan(0);
    expect(await answers()).toEqual([]);
    await context.setOffline(false);
    // Sent on `online`, in the options' order (E2 before E3), once.
    await expect.poll(answers, { timeout: 15_000 }).toEqual([{ options: ['E2', 'E3'] }]);
    await page.reload();
    await page.getByRole('radio').first().waitFor();
    await page.waitForTimeout(500);
    expect(await answers()).toEqual([{ options: ['E2', 'E3'] }]);
  });

  it('never blocks the host page: no long task while the badge loads and updates live', async () => {
    const before = (await figures()).ratings;
    const context = await browser.newContext({
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
      viewport: { width: WIDTHS[0].width, height: WIDTHS[0].height },
    });
    contexts.push(context);
    // Registered before any script of the page runs; every entry of type "longtask" is a task that kept
    // the main thread busy more than 50 ms (Long Tasks API). No axe-core here: it is a long task itself.
    await context.addInitScript(() => {
      const w = window as unknown as { longTasks: number[]; dvcEvents: string[] };
      w.longTasks = [];
      w.dvcEvents = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) w.longTasks.push(Math.round(entry.duration));
      }).observe({ type: 'longtask', buffered: true });
      document.addEventListener('dvc-loaded', () => w.dvcEvents.push('dvc-loaded'));
    });
    const page = await context.newPage();
    await page.goto(`${origin}/demo?ma-thu-tuc=${procedureCode}`);
    await expect.poll(() => eventsOf(page)).toEqual(['dvc-loaded', 'dvc-loaded']);
    await expect.poll(() => badgeText(page)).toContain(`${before} đánh giá`);
    // A citizen rates elsewhere (the fast path, as the rating form sends it): the badge updates live.
    const link = new URL(await ratingLink(unrated[3]!));
    const response = await fetch(`${origin}/graphql/submit-rating`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        variables: {
          input: {
            dossierCode: unrated[3],
            token: link.searchParams.get('token'),
            level: 'SATISFIED',
            idempotencyKey: 'dvc-longtask-check-1',
          },
        },
      }),
    });
    expect(response.status).toBe(200);
    await expect.poll(() => badgeText(page), { timeout: 10_000 }).toContain(`${before + 1} đánh giá`);
    // The observer reports asynchronously: give it a frame or two.
    await page.waitForTimeout(300);
    const longTasksOf = (p: typeof page) =>
      p.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
    let measured = page;
    let tasks = await longTasksOf(page);
    // This machine is shared and `npm test` runs other files beside this one: a descheduled main
    // thread shows up as a long task that is not the widget's. A widget that blocks does so on every
    // load, so a load with a long task is measured again on a fresh page (at most twice).
    for (let attempt = 0; attempt < 2 && tasks.length > 0; attempt++) {
      measured = await context.newPage();
      await measured.goto(`${origin}/demo?ma-thu-tuc=${procedureCode}`);
      await expect.poll(() => eventsOf(measured)).toEqual(['dvc-loaded', 'dvc-loaded']);
      await measured.waitForTimeout(300);
      tasks = await longTasksOf(measured);
    }
    expect(tasks).toEqual([]);
    // The observer does see one: a page task keeping the main thread busy 80 ms is reported (so the empty
    // list means something).
    await measured.evaluate(() => {
      setTimeout(() => {
        const start = performance.now();
        while (performance.now() - start < 80) {}
      }, 0);
    });
    await expect.poll(async () => (await longTasksOf(measured)).length).toBe(1);
  });

  it('reported no CSP violation on any of the strict pages', () => {
    expect(violations).toEqual([]);
  });
});
