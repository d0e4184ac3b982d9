// The dashboard "Tổng quan" in the browser: the seeded figures of a commune (its viewer) and of the
// province (a system administrator), compared tile by tile with what the API answers for the same
// scope and period; an event and a rating submitted through the API show on an open dashboard
// without a reload; a commune's official is refused another commune; axe-core and screenshots of
// the dashboard and of a procedure's page at 1280 and 390 px.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyFor } from '../support/keys.ts';
import { chromiumForTests } from './support/chromium.ts';
import { checkPage, type Harness, signIn, startHarness } from './support/harness.ts';

const chromiumPath = chromiumForTests();

const VIEWER = {
  username: 'xem.tq.phuochau',
  role: 'VIEWER',
  agencyCode: '22873',
  displayName: 'Trần Thị Xem',
} as const;
const ADMIN = { username: 'qtht.tq', role: 'SYSTEM_ADMIN', displayName: 'Lê Văn Tổng' } as const;
const COMMUNE = '22873'; // Xã Phước Hậu
const OTHER_COMMUNE = '22870'; // Xã Ninh Phước
const PROVINCE = '56';
const P1 = '1.004873';
/** November 2026: the seed's anchor month (tests/support/seeded.ts SEED_TODAY = 2026-11-27). */
const NOVEMBER = { from: '2026-11-01', to: '2026-11-30' };
const NOVEMBER_PARAMS = 'ky=thang&nam=2026&so=11';

interface Figures {
  received: number;
  finished: number;
  lateOpen: number;
  ratings: number;
  onTimeRate: number | null;
  satisfactionRate: number | null;
}

// The page writes figures the Vietnamese way: 1.234 and 66,7%; "Không có số liệu" for null.
const count = (n: number) => new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 }).format(n);
const rate = (r: number | null) =>
  r === null
    ? 'Không có số liệu'
    : `${new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format(r * 100)}%`;

describe.skipIf(!chromiumPath)('the dashboard', () => {
  let h: Harness;
  let ingest: Record<string, string>;

  beforeAll(async () => {
    h = await startHarness(chromiumPath!, { dossiers: 600, officials: [VIEWER, ADMIN] });
    ingest = await keyFor(h.api, 'INGEST');
  });
  afterAll(async () => {
    await h?.close();
  });

  async function stats(scope: Record<string, string>, period = NOVEMBER): Promise<Figures> {
    const res = await h.api.gql<{ stats: Figures }>(
      `query($scope: StatsScope!, $period: PeriodInput!) {
         stats(scope: $scope, period: $period) { received finished lateOpen ratings onTimeRate satisfactionRate } }`,
      { scope, period },
    );
    expect(res.errors).toBeUndefined();
    return res.data!.stats;
  }

  const tile = (page: Page, name: string) => page.getByTestId(`tile-${name}`).first();

  async function expectTiles(page: Page, figures: Figures) {
    await expect(tile(page, 'received').textContent()).resolves.toBe(count(figures.received));
    await expect(tile(page, 'finished').textContent()).resolves.toBe(count(figures.finished));
    await expect(tile(page, 'late-open').textContent()).resolves.toBe(count(figures.lateOpen));
    await expect(tile(page, 'ratings').textContent()).resolves.toBe(count(figures.ratings));
    await expect(tile(page, 'on-time-rate').textContent()).resolves.toBe(rate(figures.onTimeRate));
    await expect(tile(page, 'satisfaction-rate').textContent()).resolves.toBe(rate(figures.satisfactionRate));
  }

  it('shows a commune viewer the seeded figures of the commune', async () => {
    const page = await h.newPage();
    await signIn(page, VIEWER.username);
    // The viewer's own commune by default; the period from the address.
    await page.goto(`/?${NOVEMBER_PARAMS}`);
    await expect(page.getByTestId('dashboard-unit').textContent()).resolves.toContain('Xã Phước Hậu');
    const figures = await stats({ agencyCode: COMMUNE });
    expect(figures.received, 'the seed has dossiers in the commune in November').toBeGreaterThan(0);
    await expectTiles(page, figures);
  });

  it('compares a period over with the whole previous one, a running one with as many of its days', async () => {
    const page = await h.newPage();
    await signIn(page, VIEWER.username);
    // A custom range of 10 days from 2 days ago to 7 days ahead is in its 3rd day today; the range
    // before it is the 10 days ending the day before it starts (today − 12 … today − 3), and its
    // first 3 days (today − 12 … today − 10) are what today's 3 days are compared with.
    const day = (offset: number) => {
      const d = new Date(Date.now() + 7 * 3_600_000 + offset * 86_400_000);
      return d.toISOString().slice(0, 10);
    };
    const dmy = (iso: string) => iso.split('-').reverse().join('/');
    const line = page.getByTestId('dashboard-comparison');
    // November 2026, over once the UI's today (the real day) is past it: all of October.
    if (day(0) > NOVEMBER.to) {
      await page.goto(`/?${NOVEMBER_PARAMS}`);
      await expect(line.textContent().then((x) => x?.replace(/\s+/g, ' ').trim())).resolves.toBe(
        'So sánh với kỳ trước: 01/10/2026 – 31/10/2026.',
      );
    }
    await page.goto(`/?ky=tuy-chon&tu=${day(-2)}&den=${day(7)}`);
    const [from, to] = [dmy(day(-12)), dmy(day(-10))];
    // One year written once ("01/11–03/11/2026"); both in full across a year's end.
    const range = from.slice(6) === to.slice(6) ? `${from.slice(0, 5)}–${to}` : `${from}–${to}`;
    await expect(line.textContent().then((x) => x?.replace(/\s+/g, ' ').trim())).resolves.toBe(
      `So với cùng số ngày của kỳ trước: ${range}.`,
    );
  });

  it('names a quarter as officials write it, and keeps row names readable on a phone', async () => {
    const page = await h.newPage();
    await signIn(page, VIEWER.username);
    await page.goto('/?ky=quy&nam=2026&so=4');
    // "Quý IV năm 2026" inside a sentence: its first letter lowered, the Roman numeral kept (not "iv").
    await expect(page.getByTestId('dashboard-unit').textContent()).resolves.toBe(
      'Xã Phước Hậu: quý IV năm 2026',
    );
    // The one-stop evaluation is "9 tiêu chí", as Decree 61/2018 and the report call it.
    const main = (await page.locator('main').textContent()) ?? '';
    expect(main).toContain('Đánh giá 9 tiêu chí');
    expect(main).not.toContain('9 chỉ tiêu');
    // A merged unit in the picker's history (xã Phước Vinh, 22912, ended 30/06/2025) opens on the
    // last quarter it existed in, not on this quarter where it has no figures.
    expect(
      await page.locator('main details a', { hasText: 'Xã Phước Vinh' }).first().getAttribute('href'),
    ).toBe('/?don-vi=22912&ky=quy&nam=2025&so=2');
    // At 390 px the indicators' names keep 9rem (144 px at the 16 px root size) and the table
    // scrolls in its box, rather than one word a line.
    await page.setViewportSize({ width: 390, height: 844 });
    const widths = await page
      .getByTestId('index766')
      .locator('tbody th[scope=row]')
      .evaluateAll((cells) => cells.map((c) => c.getBoundingClientRect().width));
    expect(widths.length).toBeGreaterThan(0);
    for (const width of widths) expect(width).toBeGreaterThanOrEqual(144);

    // The former xã Phước Hậu (22879, ended 30/06/2025) gave its name to the commune it merged
    // into: its page names it with the day its successor began, not as a second "Xã Phước Hậu".
    await page.goto('/?don-vi=22879&ky=quy&nam=2025&so=2');
    await expect(page.getByTestId('dashboard-unit').textContent()).resolves.toBe(
      'Xã Phước Hậu (trước ngày 01/07/2025): quý II năm 2025',
    );
  });

  it('shows a system administrator the province, and its procedure pages', async () => {
    const page = await h.newPage();
    await signIn(page, ADMIN.username);
    await page.goto(`/?${NOVEMBER_PARAMS}`);
    await expect(page.getByTestId('dashboard-unit').textContent()).resolves.toContain('Tỉnh Khánh Hòa');
    await expectTiles(page, await stats({ agencyCode: PROVINCE }));
    // The communes are offered below the province.
    await expect(page.getByTestId('unit-children').textContent()).resolves.toContain('Xã Phước Hậu');

    await page.goto(`/stats/procedures/${P1}?don-vi=${PROVINCE}&${NOVEMBER_PARAMS}`);
    await expectTiles(page, await stats({ agencyCode: PROVINCE, procedureCode: P1 }));
  });

  it('updates an open dashboard without a reload when a dossier is ingested and rated', async () => {
    const page = await h.newPage();
    await signIn(page, VIEWER.username);
    await page.goto(`/?don-vi=${COMMUNE}&${NOVEMBER_PARAMS}`);
    await page.getByTestId('live-status').getByText('Trực tiếp').waitFor();
    // A mark on the window: gone if the page were loaded again.
    await page.evaluate(() => {
      (window as unknown as { notReloaded: boolean }).notReloaded = true;
    });
    const before = await stats({ agencyCode: COMMUNE });

    // Received Mon 9/11/2026 08:00, resolved Tue 10/11 10:00: received +1, finished +1.
    const code = `TQ-LIVE-${Date.now()}`;
    const events = [
      ['RECEIVED', '2026-11-09T08:00:00+07:00', 1],
      ['RESOLVED', '2026-11-10T10:00:00+07:00', 2],
    ].map(([status, occurredAt, sequence]) => ({
      dossierCode: code,
      procedureCode: P1,
      agencyCode: COMMUNE,
      channel: 'IN_PERSON',
      status,
      occurredAt,
      sequence,
    }));
    const recorded = await h.api.gql<{ recordDossierEvents: { accepted: number } }>(
      'mutation($events: [DossierEventInput!]!) { recordDossierEvents(events: $events) { accepted } }',
      { events },
      ingest,
    );
    expect(recorded.data?.recordDossierEvents.accepted).toBe(2);
    await expect
      .poll(() => tile(page, 'received').textContent(), { timeout: 5_000 })
      .toBe(count(before.received + 1));
    await expect(tile(page, 'finished').textContent()).resolves.toBe(count(before.finished + 1));

    // The applicant rates it: ratings +1.
    const link = await h.api.gql<{ ratingLink: { token: string } }>(
      'mutation($code: String!) { ratingLink(dossierCode: $code) { token } }',
      { code },
      ingest,
    );
    const rated = await h.api.gql<{ submitRating: { ok: boolean } }>(
      'mutation($input: SubmitRatingInput!) { submitRating(input: $input) { ok } }',
      { input: { dossierCode: code, token: link.data!.ratingLink.token, level: 'VERY_SATISFIED' } },
    );
    expect(rated.data?.submitRating.ok).toBe(true);
    await expect
      .poll(() => tile(page, 'ratings').textContent(), { timeout: 5_000 })
      .toBe(count(before.ratings + 1));
    await expect(
      page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded),
    ).resolves.toBe(true);
  });

  it('is complete without JavaScript: the figures, and the charts as open tables', async () => {
    const page = await h.newPage({ javaScript: false });
    await signIn(page, VIEWER.username);
    await page.goto(`/?${NOVEMBER_PARAMS}`);
    await expectTiles(page, await stats({ agencyCode: COMMUNE }));
    // The three charts (on-time rate, satisfaction, volume by channel) stand as tables.
    await expect(page.locator('figure details[open] table').count()).resolves.toBe(3);
    await expect(page.getByTestId('live-status').isVisible()).resolves.toBe(false);
  });

  it('refuses a commune official another commune, politely, and does not offer it', async () => {
    const page = await h.newPage();
    await signIn(page, VIEWER.username);
    await page.goto(`/?${NOVEMBER_PARAMS}`);
    const links = await page
      .locator('main a[href]')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect(links.some((href) => href.includes(`don-vi=${OTHER_COMMUNE}`))).toBe(false);
    expect(links.some((href) => href.includes(`don-vi=${PROVINCE}&`))).toBe(false);

    for (const code of [OTHER_COMMUNE, PROVINCE]) {
      const response = await page.goto(`/?don-vi=${code}&${NOVEMBER_PARAMS}`);
      expect(response?.status()).toBe(200);
      await expect(page.getByTestId('dashboard-refusal').textContent()).resolves.toContain(
        'chỉ được xem số liệu của đơn vị được phân quyền',
      );
      await expect(page.getByTestId('tile-received').count()).resolves.toBe(0);
    }
    await page.goto(`/stats/procedures/${P1}?don-vi=${OTHER_COMMUNE}&${NOVEMBER_PARAMS}`);
    await page.getByTestId('dashboard-refusal').waitFor();
  });

  it('is axe-core clean at 1280 and 390 px, with and without data', async () => {
    const page = await h.newPage();
    await signIn(page, ADMIN.username);
    await page.goto(`/?${NOVEMBER_PARAMS}`);
    // Open every data table, so that axe checks them too.
    await page.locator('details').evaluateAll((ds) => {
      for (const d of ds) (d as HTMLDetailsElement).open = true;
    });
    await checkPage(page, 'tong-quan-tinh');
    await page.goto(`/?don-vi=${COMMUNE}&${NOVEMBER_PARAMS}`);
    await checkPage(page, 'tong-quan-xa');
    await page.goto(`/stats/procedures/${P1}?don-vi=${PROVINCE}&${NOVEMBER_PARAMS}`);
    await checkPage(page, 'so-lieu-thu-tuc');
    // A month without any dossier: "không có số liệu", never 0 %.
    await page.goto(`/?don-vi=${COMMUNE}&ky=thang&nam=2020&so=1`);
    await expect(tile(page, 'on-time-rate').textContent()).resolves.toBe('Không có số liệu');
    await checkPage(page, 'tong-quan-khong-so-lieu');
  });
});
