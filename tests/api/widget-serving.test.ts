// Issue 10, the API side of embedding: /widget/v1.js and the content-hashed files from a built
// widget's manifest (a fixture directory here, so the test does not wait for the real build), the
// citizen's rating page at /danh-gia reached from a real ratingLink, the pages' stylesheet, and /demo
// only where it is switched on. Everything over real HTTP.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApi } from '../support/api.ts';
import { dossierEvents } from '../support/dossier-events.ts';
import { keyFor } from '../support/keys.ts';
import { startSeededApi } from '../support/seeded.ts';

const ENTRY = 'dvc-satisfaction.3f9a1c2b.js';
const CHUNK = 'rating-form.77aa01de.js';
const ENTRY_JS = `import('./${CHUNK}');customElements.define('dvc-satisfaction',class extends HTMLElement{});\n`;
const CHUNK_JS = 'export const form = 1;\n';
const sri = (text: string) => `sha384-${createHash('sha384').update(text).digest('base64')}`;

let dir: string;
let t: TestApi;
let origin: string;
let ingest: Record<string, string>;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'widget-fixture-'));
  writeFileSync(path.join(dir, ENTRY), ENTRY_JS);
  writeFileSync(path.join(dir, CHUNK), CHUNK_JS);
  // A file on disk that the manifest does not list must not be served.
  writeFileSync(path.join(dir, 'secret.js'), 'nope');
  const file = (text: string) => ({ bytes: text.length, gzipBytes: 0, integrity: sri(text) });
  writeFileSync(
    path.join(dir, 'manifest.json'),
    JSON.stringify({ entry: ENTRY, files: { [ENTRY]: file(ENTRY_JS), [CHUNK]: file(CHUNK_JS) } }),
  );
  t = await startSeededApi(0, {
    widgetDir: dir,
    demoPages: false,
    ratingSecret: 'widget-test-secret-'.padEnd(64, 'x'),
    ratingTokenDays: 3650,
  });
  origin = new URL(t.url).origin;
  ingest = await keyFor(t, 'INGEST');
});
afterAll(async () => {
  await t?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('GET /widget/…', () => {
  it('serves the current entry behind the stable name with a short cache and an ETag', async () => {
    const res = await fetch(`${origin}/widget/v1.js`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(ENTRY_JS);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('public, max-age=300');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    const etag = res.headers.get('etag');
    expect(etag).toBeTruthy();
    // Revalidation after the five minutes: 304 while the entry is the same.
    const again = await fetch(`${origin}/widget/v1.js`, { headers: { 'if-none-match': etag! } });
    expect(again.status).toBe(304);
  });

  it('serves the hashed files for a year, immutable, gzip when asked', async () => {
    for (const [name, text] of [
      [ENTRY, ENTRY_JS],
      [CHUNK, CHUNK_JS],
    ]) {
      const res = await fetch(`${origin}/widget/${name}`);
      expect(res.status).toBe(200);
      expect(await res.text()).toBe(text);
      expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(res.headers.get('access-control-allow-origin')).toBe('*');
    }
    // Node's fetch decodes gzip itself; a raw request shows the encoding.
    const { request } = await import('node:http');
    const raw = await new Promise<{ encoding?: string; body: Buffer }>((resolve, reject) => {
      request(`${origin}/widget/${ENTRY}`, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () =>
          resolve({ encoding: res.headers['content-encoding'], body: Buffer.concat(chunks) }),
        );
      })
        .on('error', reject)
        .end();
    });
    expect(raw.encoding).toBe('gzip');
    expect(gunzipSync(raw.body).toString()).toBe(ENTRY_JS);
  });

  it('answers 404 for anything the manifest does not list, path traversal included', async () => {
    for (const p of [
      'secret.js',
      'manifest.json',
      'v2.js',
      '..%2F..%2Fpackage.json',
      '../../package.json',
      '%2e%2e/manifest.json',
      '',
    ]) {
      const res = await fetch(`${origin}/widget/${p}`);
      expect(res.status, p).toBe(404);
    }
    const post = await fetch(`${origin}/widget/v1.js`, { method: 'POST' });
    expect(post.status).toBe(405);
  });
});

describe('the rating page', () => {
  // E1: received Mon 5/10/2026, resolved Wed 7/10: finished, so a rating link can be issued.
  beforeAll(async () => {
    const res = await t.gql<{ recordDossierEvents: { accepted: number } }>(
      `mutation($events: [DossierEventInput!]!) { recordDossierEvents(events: $events) { accepted } }`,
      {
        events: dossierEvents('H56.14-261005-0001', '22870', '1.004873', 'IN_PERSON', [
          ['RECEIVED', '2026-10-05T08:00'],
          ['RESOLVED', '2026-10-07T10:00'],
        ]),
      },
      ingest,
    );
    expect(res.data!.recordDossierEvents.accepted).toBe(2);
  });

  const pageOf = async (url: string) => {
    const res = await fetch(url);
    return { res, html: await res.text(), csp: res.headers.get('content-security-policy') ?? '' };
  };

  it('is where ratingLink points, and shows the dossier, its procedure and the element', async () => {
    const link = await t.gql<{ ratingLink: { url: string; token: string } }>(
      `mutation { ratingLink(dossierCode: "H56.14-261005-0001") { url token } }`,
      undefined,
      ingest,
    );
    const url = new URL(link.data!.ratingLink.url);
    // RATING_PAGE_URL defaults to PUBLIC_URL + /danh-gia (the port of a test server is chosen late).
    expect(url.pathname).toBe('/danh-gia');
    const { res, html, csp } = await pageOf(`${origin}${url.pathname}${url.search}`);
    expect(res.status).toBe(200);
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('H56.14-261005-0001');
    expect(html).toContain('Thủ tục cấp Giấy xác nhận tình trạng hôn nhân');
    expect(html).toContain(
      `<dvc-satisfaction dossier-code="H56.14-261005-0001" token="${link.data!.ratingLink.token}"`,
    );
    expect(html).toContain('<script type="module" src="/widget/v1.js"></script>');
    // No inline script or style: every <script> has a src, no style attribute or element.
    expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
    expect(html).not.toMatch(/<style|\sstyle=/);
    for (const directive of [
      "default-src 'none'",
      "script-src 'self'",
      "style-src 'self'",
      "img-src 'self'",
      "base-uri 'none'",
      "form-action 'none'",
      "frame-ancestors 'none'",
    ]) {
      expect(csp).toContain(directive);
    }
    // The widget's live updates: the WebSocket of this very host.
    expect(csp).toContain(`connect-src 'self' ws://${new URL(origin).host} wss://${new URL(origin).host}`);
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('says so when the link is incomplete, forged or for another dossier, without naming the dossier', async () => {
    expect((await pageOf(`${origin}/danh-gia`)).res.status).toBe(400);
    const forged = await pageOf(`${origin}/danh-gia?ma-ho-so=H56.14-261005-0001&token=abc.def`);
    expect(forged.res.status).toBe(400);
    expect(forged.html).toContain('không hợp lệ');
    expect(forged.html).not.toContain('tình trạng hôn nhân');
    expect(forged.html).not.toContain('<dvc-satisfaction');
    // HTML in the query comes back escaped, never as markup.
    const injected = await pageOf(`${origin}/danh-gia?ma-ho-so=%3Cimg%20src%3Dx%3E&token=x`);
    expect(injected.html).not.toContain('<img');
  });

  it('has its stylesheet served by the API', async () => {
    const res = await fetch(`${origin}/trang.css`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('has no /demo when demo pages are off (production, or DEMO_PAGES=false)', async () => {
    expect((await fetch(`${origin}/demo`)).status).toBe(404);
  });
});
