// A developer's two entry points, over real HTTP: the schema file at GET /graphql/schema.graphql (the
// printed schema, cacheable, revalidated by ETag) and GraphiQL at GET /graphql from a browser — a small
// page under a strict policy whose parts the API serves itself — switched off by GRAPHIQL=off.
import { get } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { schema } from '@tthc/api';
import { buildSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.ts';

let t: TestApi;
let origin: string;

beforeAll(async () => {
  t = await startTestApi();
  origin = new URL(t.url).origin;
});
afterAll(async () => {
  await t?.close();
});

const SCHEMA_URL = () => `${origin}/graphql/schema.graphql`;

/** A GET as sent, its body as received: fetch would undo the gzip under test. */
function rawGet(url: string, headers: Record<string, string>) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>(
    (resolve, reject) => {
      get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      }).on('error', reject);
    },
  );
}

describe('GET /graphql/schema.graphql', () => {
  it('is the printed schema of api/schema.graphql, as a text file to save', async () => {
    const res = await fetch(SCHEMA_URL());
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="tthc-api-schema.graphql"');
    expect(res.headers.get('cache-control')).toBe('public, max-age=300');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const text = await res.text();
    // What api/scripts/print-schema.ts writes (schema-file.test.ts holds the committed file to it).
    expect(text).toBe(`${printSchema(lexicographicSortSchema(schema))}\n`);
    expect(buildSchema(text).getQueryType()?.getFields()).toHaveProperty('procedures');
  });

  it('answers 304 to its ETag, weak or strong, alone or in a list, and 200 to another', async () => {
    const etag = (await fetch(SCHEMA_URL())).headers.get('etag')!;
    expect(etag).toMatch(/^W\/"[A-Za-z0-9_-]{27}"$/);
    for (const tag of [etag, etag.slice(2), `"other", ${etag}`, '*']) {
      const res = await fetch(SCHEMA_URL(), { headers: { 'if-none-match': tag } });
      expect(res.status, tag).toBe(304);
      expect(res.headers.get('etag')).toBe(etag);
      expect(await res.text()).toBe('');
    }
    const changed = await fetch(SCHEMA_URL(), { headers: { 'if-none-match': 'W/"an-older-schema"' } });
    expect(changed.status).toBe(200);
  });

  it('is gzipped when accepted, answers HEAD without a body, refuses other methods', async () => {
    const gzipped = await rawGet(SCHEMA_URL(), { 'accept-encoding': 'gzip' });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    const text = gunzipSync(gzipped.body).toString('utf8');
    expect(text).toBe(`${printSchema(lexicographicSortSchema(schema))}\n`);

    const head = await fetch(SCHEMA_URL(), { method: 'HEAD', headers: { 'accept-encoding': 'identity' } });
    expect(head.status).toBe(200);
    expect(Number(head.headers.get('content-length'))).toBe(Buffer.byteLength(text));

    const post = await fetch(SCHEMA_URL(), { method: 'POST', body: '{}' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
    expect(((await post.json()) as { code: string }).code).toBe('METHOD_NOT_ALLOWED');
  });
});

describe('GraphiQL over HTTP', () => {
  const page = () => fetch(`${origin}/graphql`, { headers: { accept: 'text/html,*/*;q=0.8' } });

  it('is a small page whose scripts are the API’s own files, under a policy without inline script', async () => {
    const res = await page();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self';");
    const html = await res.text();
    expect(html.length).toBeLessThan(20_000);
    expect(html).toContain('href="/graphql/schema.graphql"');
    const sources = [...html.matchAll(/<script src="([^"]+)"/g)].map((m) => m[1]!);
    expect(sources).toHaveLength(2);
    for (const src of sources) expect(src).toMatch(/^\/graphql\/graphiql\/[a-z]+\.[A-Za-z0-9_-]{12}\.js$/);
    // No <script> with code in it: only the JSON block of the options, which never runs.
    const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)].map((m) => m[1]);
    expect(inline).toEqual([' type="application/json" id="graphiql-setup"']);
  });

  it('serves each part for a year, gzipped, and 404 for a name it does not have', async () => {
    const html = await (await page()).text();
    const setup = JSON.parse(/id="graphiql-setup">([^<]*)</.exec(html)![1]!) as {
      workers: Record<string, string>;
    };
    const parts = [
      ...[...html.matchAll(/(?:src|href)="(\/graphql\/graphiql\/[^"]+)"/g)].map((m) => m[1]!),
      ...Object.values(setup.workers),
    ];
    // The bootstrap, the bundle, its stylesheet, the favicon and Monaco's three workers.
    expect(new Set(parts).size).toBe(7);
    for (const part of new Set(parts)) {
      const res = await rawGet(`${origin}${part}`, { 'accept-encoding': 'gzip' });
      expect(res.status, part).toBe(200);
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(res.headers['content-encoding']).toBe('gzip');
      expect(gunzipSync(res.body).length).toBeGreaterThan(res.body.length);
      const again = await fetch(`${origin}${part}`, {
        headers: { 'if-none-match': String(res.headers.etag) },
      });
      expect(again.status).toBe(304);
    }
    const missing = await fetch(`${origin}/graphql/graphiql/script.000000000000.js`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { code: string }).code).toBe('NOT_FOUND');
  });

  it('leaves GraphQL requests to GraphQL: a JSON GET runs its query', async () => {
    const res = await fetch(`${origin}/graphql?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { accept: 'application/json' },
    });
    expect(await res.json()).toEqual(expect.objectContaining({ data: { __typename: 'Query' } }));
  });

  it('is off with GRAPHIQL=off: no page, no parts; the schema file stays', async () => {
    const off = await startTestApi({ config: { graphiql: false } });
    try {
      const offOrigin = new URL(off.url).origin;
      const res = await fetch(`${offOrigin}/graphql`, { headers: { accept: 'text/html' } });
      expect(res.headers.get('content-type') ?? '').not.toMatch(/text\/html/);
      expect(await res.text()).not.toContain('graphiql-setup');
      const html = await (await page()).text();
      const part = /<script src="([^"]+)"/.exec(html)![1]!;
      expect((await fetch(`${offOrigin}${part}`)).status).toBe(404);
      expect((await fetch(`${offOrigin}/graphql/schema.graphql`)).status).toBe(200);
    } finally {
      await off.close();
    }
  });
});
