// The HTTP server itself: health and readiness, errors without stack traces, graceful shutdown.
import { spawn } from 'node:child_process';
import { request } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestDatabase } from '@tthc/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

let t: TestApi;
beforeAll(async () => {
  t = await startTestApi();
});
afterAll(async () => {
  await t?.close();
});

const base = () => t.url.replace('/graphql', '');

describe('health', () => {
  it('/healthz says the process is up and /readyz that the database is migrated', async () => {
    const health = await fetch(`${base()}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${base()}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready' });
  });
});

describe('bad requests never produce a 500 or a stack trace', () => {
  const cases: [string, RequestInit][] = [
    [
      'malformed JSON',
      { method: 'POST', body: '{"query": ', headers: { 'content-type': 'application/json' } },
    ],
    [
      'syntax error',
      {
        method: 'POST',
        body: JSON.stringify({ query: '{ procedures(' }),
        headers: { 'content-type': 'application/json' },
      },
    ],
    [
      'unknown field',
      {
        method: 'POST',
        body: JSON.stringify({ query: '{ nope }' }),
        headers: { 'content-type': 'application/json' },
      },
    ],
    [
      'wrong variable type',
      {
        method: 'POST',
        body: JSON.stringify({
          query: 'query($c: String!) { procedure(code: $c) { code } }',
          variables: { c: 12 },
        }),
        headers: { 'content-type': 'application/json' },
      },
    ],
    [
      'bad API key',
      {
        method: 'POST',
        body: JSON.stringify({ query: '{ viewer { kind } }' }),
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer tthc_000000000000_${'A'.repeat(43)}`,
        },
      },
    ],
  ];
  for (const [name, init] of cases) {
    it(name, async () => {
      const res = await fetch(t.url, init);
      expect(res.status).toBeLessThan(500);
      const text = await res.text();
      expect(text).not.toMatch(/\bat .*\.ts:\d+/); // no stack frames
      expect(JSON.parse(text).errors.length).toBeGreaterThan(0);
    });
  }

  it('variables that do not fit their types carry BAD_USER_INPUT', async () => {
    const res = await t.gql('query($c: String!) { procedure(code: $c) { code } }', { c: 12 });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const missing = await t.gql('query($c: String!) { procedure(code: $c) { code } }', {});
    expect(missing.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('an unknown key is UNAUTHENTICATED, not silently anonymous', async () => {
    const res = await t.gql(
      '{ viewer { kind } }',
      {},
      { authorization: `Bearer tthc_000000000000_${'A'.repeat(43)}` },
    );
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('graceful shutdown', () => {
  it('finishes in-flight requests, then exits 0 on SIGTERM', async () => {
    const db = await createTestDatabase();
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'api/src/main.ts')], {
      cwd: root,
      env: {
        ...process.env,
        DATABASE_URL: db.url,
        PORT: '0',
        SEED_ON_EMPTY: 'false',
        LOG_LEVEL: 'info',
        NODE_ENV: 'production',
        RATING_SECRET: 'test-rating-secret-'.padEnd(48, 'x'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`API did not start:\n${output}`)), 60_000);
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /"url":"(http:\/\/localhost:\d+\/graphql)"/.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      });
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    });
    // A request that is in flight when the signal arrives still gets its answer: send the headers
    // and half the body, signal, then finish the body.
    const body = JSON.stringify({ query: '{ procedures(first: 5) { totalCount } }' });
    const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = request(
        url,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          let text = '';
          res.on('data', (c: Buffer) => (text += c.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        },
      );
      req.on('error', reject);
      req.write(body.slice(0, 10));
      req.flushHeaders();
      setTimeout(() => {
        child.kill('SIGTERM');
        setTimeout(() => req.end(body.slice(10)), 300);
      }, 300);
    });
    const res = await answer;
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toMatchObject({ data: { procedures: { totalCount: 0 } } });
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(0);
    expect(output).toContain('Đang dừng');
    await expect(fetch(url)).rejects.toThrow(); // no longer listening
    await db.drop();
  });
});
