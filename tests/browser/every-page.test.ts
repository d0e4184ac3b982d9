// axe-core on every page of the admin UI, as the officials who see it: each link of the navigation
// (the menu lists what the official may use, so new pages are covered as they are added), at 1280
// and 390 px, with a screenshot of each. A page that answers with an error fails too.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyFor } from '../support/keys.ts';
import { chromiumForTests } from './support/chromium.ts';
import { checkPage, type Harness, type Official, signIn, startHarness } from './support/harness.ts';

const chromiumPath = chromiumForTests();

// The system admin sees every page with every form; a commune's admin its own forms on its subtree;
// a viewer the read-only pages. (The province's admin and an officer see the same pages with a
// different scope: their flows are in the other files.)
const OFFICIALS: Official[] = [
  { username: 'qtht.trang', role: 'SYSTEM_ADMIN', displayName: 'Lê Minh Quản' },
  { username: 'qt.xa.trang', role: 'UNIT_ADMIN', agencyCode: '22873', displayName: 'Võ Văn Xã' },
  { username: 'xem.trang', role: 'VIEWER', agencyCode: '22873', displayName: 'Huỳnh Văn Xem' },
];

/** The navigation's links, as the official sees them on a wide screen. */
async function navLinks(page: Page): Promise<{ href: string; label: string }[]> {
  const nav = page.getByRole('navigation', { name: 'Chức năng' });
  const links = await nav
    .locator('a')
    .evaluateAll((as) =>
      as.map((a) => ({ href: a.getAttribute('href') ?? '', label: (a.textContent ?? '').trim() })),
    );
  const seen = new Set<string>();
  return links.filter((l) => l.href.startsWith('/') && !seen.has(l.href) && seen.add(l.href));
}

const slug = (path: string) =>
  path
    .replace(/^\/$/, '/tong-quan')
    .slice(1)
    .replace(/[^a-z0-9]+/gi, '-')
    .replace(/-$/, '');

/** Visits each path and runs checkPage on it; returns what failed, one entry per page. */
async function checkAll(page: Page, paths: readonly { href: string; label: string }[], suffix: string) {
  const failures: string[] = [];
  for (const link of paths) {
    const response = await page.goto(link.href);
    if (!response || response.status() >= 400) {
      failures.push(`${link.label} (${link.href}): HTTP ${response?.status()}`);
      continue;
    }
    try {
      await checkPage(page, `${slug(link.href)}-${suffix}`);
    } catch (error) {
      failures.push(`${link.label} (${link.href}):\n${(error as Error).message}`);
    }
  }
  return failures;
}

/** The href of the first link in the main content that matches, on the page at `path`. */
async function firstLink(page: Page, path: string, pattern: RegExp): Promise<string> {
  await page.goto(path);
  const hrefs = await page
    .locator('main a[href]')
    .evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  const href = hrefs.find((h) => pattern.test(h));
  if (!href) throw new Error(`Không có liên kết ${pattern} trên ${path}`);
  return href;
}

describe.skipIf(!chromiumPath)('every page, for every role', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness(chromiumPath!, { officials: OFFICIALS });
  });
  afterAll(async () => {
    await h?.close();
  });

  for (const official of OFFICIALS) {
    it(`${official.role}${official.agencyCode ? ` of ${official.agencyCode}` : ''}: every page in the menu is axe-core clean at 1280 and 390 px`, async () => {
      const page = await h.newPage();
      await signIn(page, official.username);
      const links = await navLinks(page);
      expect(links.map((l) => l.href)).toContain('/');
      const failures = await checkAll(page, links, official.username.replace(/\./g, '-'));
      expect(failures, failures.join('\n\n')).toEqual([]);
    });
  }

  it('the pages reached from the lists (a procedure, an agency, an account, a questionnaire, a dossier) are axe-core clean', async () => {
    const page = await h.newPage();
    await signIn(page, OFFICIALS[0]!.username);
    const readKey = await keyFor(h.api, 'READ');
    const rated = await h.api.gql<{ ratingComments: { edges: { node: { dossierCode: string } }[] } }>(
      '{ ratingComments(first: 1) { edges { node { dossierCode } } } }',
      {},
      readKey,
    );
    const dossierCode = rated.data?.ratingComments.edges[0]?.node.dossierCode ?? '';
    const pages = [
      { label: 'Thủ tục', href: await firstLink(page, '/procedures', /^\/procedures\/\d/) },
      { label: 'Thêm thủ tục', href: '/procedures/new' },
      { label: 'Cơ quan, đơn vị', href: '/agencies/22873' },
      { label: 'Tài khoản', href: '/users/qt.xa.trang' },
      { label: 'Thêm tài khoản', href: '/users/new' },
      {
        label: 'Phiên bản phiếu',
        href: await firstLink(page, '/questionnaires', /^\/questionnaires\/[^/]+\/\d+$/),
      },
      { label: 'Xem trước phiếu', href: await firstLink(page, '/questionnaires', /\/preview$/) },
      { label: 'Phiếu mới', href: await firstLink(page, '/questionnaires', /\/new$/) },
      { label: 'Hồ sơ', href: `/dossiers?code=${encodeURIComponent(dossierCode)}` },
      { label: 'Số liệu thủ tục', href: '/stats/procedures/1.004873?don-vi=56' },
      { label: 'Bản in báo cáo định kỳ', href: '/reports/print' },
      { label: 'Đánh giá 9 tiêu chí', href: '/reports/evaluation?don-vi=22873' },
      {
        label: 'Nhiệm vụ cải cách hành chính',
        href: await firstLink(page, '/reform-tasks', /^\/reform-tasks\/\d+$/),
      },
      { label: 'Thêm nhiệm vụ cải cách hành chính', href: '/reform-tasks/new' },
      {
        label: 'Sửa nhiệm vụ cải cách hành chính',
        href: `${await firstLink(page, '/reform-tasks', /^\/reform-tasks\/\d+$/)}/edit`,
      },
    ];
    const failures = await checkAll(page, pages, 'qtht');
    expect(failures, failures.join('\n\n')).toEqual([]);
  });
});
