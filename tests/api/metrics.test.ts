// GET /metrics scraped over HTTP and parsed, as Prometheus would (docs/operations.md "Metrics"): the
// figures move by what the test did — operations by name and outcome (ok, BAD_USER_INPUT,
// RATE_LIMITED), their timings, the cost charged and the refusals by tier and window, WebSocket and SSE
// subscriptions open while scraping, the pool; with Redis, a dossier event recorded on one instance
// shows in its group-commit figures and in the pub/sub lag of another. Every answer carries an
// X-Request-Id, and each request leaves one access-log line with that id.
//
// Instance A counts its budgets in memory, so its windows are its own; B and C share a Redis.
import { once } from 'node:events';
import net from 'node:net';
import { type Config, createApiKey, loadLimits, type RunningApi, startApi } from '@tthc/api';
import { seed } from '@tthc/api/seed';
import { createTestDatabase, type TestDatabase } from '@tthc/db';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createLogger } from '../../api/src/services/logger.ts';
import { startTestApi, type TestApi } from '../support/api.ts';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const GENERATED_ID = /^[A-Za-z0-9_-]{8}-[0-9a-z]+$/;

// ─── Prometheus text format ──────────────────────────────────────────────────────────────────────

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

interface Scrape {
  samples: Sample[];
  /** Metric families announced by `# TYPE`. */
  types: Map<string, string>;
}

const unescapeLabel = (text: string) => text.replace(/\\(["\\n])/g, (_, c: string) => (c === 'n' ? '\n' : c));

function parseExposition(text: string): Scrape {
  const samples: Sample[] = [];
  const types = new Map<string, string>();
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const type = /^# TYPE (\S+) (\S+)$/.exec(line);
    if (type) types.set(type[1]!, type[2]!);
    if (line.startsWith('#')) continue;
    const match = /^([A-Za-z_:][A-Za-z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match) throw new Error(`not a sample line: ${line}`);
    const labels: Record<string, string> = {};
    for (const [, name, value] of (match[2] ?? '').matchAll(
      /([A-Za-z_][A-Za-z0-9_]*)="((?:[^"\\]|\\.)*)"/g,
    )) {
      labels[name!] = unescapeLabel(value!);
    }
    samples.push({ name: match[1]!, labels, value: Number(match[3]) });
  }
  return { samples, types };
}

/** The sum of the samples of `name` whose labels include `labels` (0 when there is none yet). */
function sampleValue(scrape: Scrape, name: string, labels: Record<string, string> = {}): number {
  return scrape.samples
    .filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))
    .reduce((sum, s) => sum + s.value, 0);
}

async function scrape(api: RunningApi, headers: Record<string, string> = {}): Promise<Scrape> {
  const res = await fetch(api.url.replace('/graphql', '/metrics'), { headers });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  expect(res.headers.get('x-request-id')).toMatch(GENERATED_ID);
  return parseExposition(await res.text());
}

// ─── Instance A: requests, cost, refusals, subscriptions, request ids, access log ─────────────────

interface Answer {
  status: number;
  requestId: string | null;
  body: {
    data?: unknown;
    errors?: { extensions?: Record<string, unknown> }[];
    extensions?: { cost?: { requestedQueryCost: number } };
  };
}

let database: TestDatabase;
let a: RunningApi;
const logLines: Record<string, unknown>[] = [];

/** Anonymous callers may spend 100 points a minute; `Heavy` costs 101 (100 procedures and the list). */
const ANONYMOUS_COST_PER_MINUTE = 100;
const HEAVY = 'query Heavy { procedures(first: 100) { edges { node { code } } } }';
const CATALOGUE = 'query Catalogue { procedures(first: 2) { edges { node { code } } } }';
const BAD_INPUT = 'query BadInput($c: String!) { procedure(code: $c) { code } }';
const WHO = 'query Who { viewer { kind } }';
const PERIOD = '{ from: "2026-01-01", to: "2026-01-31" }';
const LIVE = `subscription Live { statsChanged(scope: {}, period: ${PERIOD}) { received } }`;

async function post(
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<Answer> {
  const res = await fetch(a.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return {
    status: res.status,
    requestId: res.headers.get('x-request-id'),
    body: (await res.json()) as never,
  };
}

beforeAll(async () => {
  database = await createTestDatabase();
  // The access log, as JSON lines, through the logger the API is started with.
  const logger = createLogger('info', {
    write: (line: string) => logLines.push(JSON.parse(line) as Record<string, unknown>),
  });
  const config: Partial<Config> = {
    port: 0,
    host: '127.0.0.1',
    databaseUrl: database.url,
    redisUrl: undefined,
    seedOnEmpty: false,
    env: 'test',
    limits: loadLimits({ LIMIT_ANONYMOUS_COST_PER_MINUTE: String(ANONYMOUS_COST_PER_MINUTE) }),
  };
  a = await startApi(config, logger);
});

afterAll(async () => {
  await a?.stop();
  await database?.drop();
});

describe('/metrics on one instance', () => {
  it('counts operations by name and outcome, their cost and the refusals, with subscriptions open', async () => {
    const { key: tinyKey } = await createApiKey(
      a.services.prisma,
      { name: 'two requests a minute', scopes: ['READ'], rateLimitPerMinute: 2 },
      'TEST',
    );
    const keyed = { authorization: `Bearer ${tinyKey}` };
    const before = await scrape(a);

    const catalogue = [await post(CATALOGUE), await post(CATALOGUE)];
    for (const answer of catalogue) expect(answer.status).toBe(200);
    const bad = await post(BAD_INPUT, { c: 12 });
    expect(bad.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const heavy = await post(HEAVY);
    expect(heavy.status).toBe(429);
    expect(heavy.body.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', policy: 'cost' });
    const who = [await post(WHO, {}, keyed), await post(WHO, {}, keyed), await post(WHO, {}, keyed)];
    expect(who.map((w) => w.status)).toEqual([200, 200, 429]);
    expect(who[2]!.body.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', policy: 'requests' });

    // A subscription over WebSocket and one over SSE, open while scraping (keyed: own budget).
    const { key: liveKey } = await createApiKey(
      a.services.prisma,
      { name: 'live', scopes: ['READ'] },
      'TEST',
    );
    const live = { authorization: `Bearer ${liveKey}` };
    const ws = createClient({
      url: a.url.replace('http', 'ws'),
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: live,
    });
    const wsFirst = new Promise<unknown>((resolve, reject) => {
      ws.subscribe({ query: LIVE }, { next: resolve, error: reject, complete: () => {} });
    });
    expect(await wsFirst).toMatchObject({ data: { statsChanged: { received: 0 } } });
    const sse = new AbortController();
    const stream = await fetch(a.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...live },
      body: JSON.stringify({ query: LIVE }),
      signal: sse.signal,
    });
    expect(stream.status).toBe(200);
    const reader = stream.body!.getReader();
    let received = '';
    while (!received.includes('event: next'))
      received += new TextDecoder().decode((await reader.read()).value);

    const after = await scrape(a);
    const moved = (name: string, labels: Record<string, string> = {}) =>
      sampleValue(after, name, labels) - sampleValue(before, name, labels);

    expect(moved('tthc_requests_total', { operation: 'Catalogue', outcome: 'ok' })).toBe(2);
    expect(moved('tthc_requests_total', { operation: 'BadInput', outcome: 'BAD_USER_INPUT' })).toBe(1);
    expect(moved('tthc_requests_total', { operation: 'Heavy', outcome: 'RATE_LIMITED' })).toBe(1);
    expect(moved('tthc_requests_total', { operation: 'Who', outcome: 'ok' })).toBe(2);
    expect(moved('tthc_requests_total', { operation: 'Who', outcome: 'RATE_LIMITED' })).toBe(1);
    // The first scrape itself, counted by route once it was answered.
    expect(moved('tthc_requests_total', { operation: 'GET /metrics', outcome: 'ok' })).toBe(1);
    expect(moved('tthc_request_duration_seconds_count', { operation: 'Catalogue' })).toBe(2);
    expect(moved('tthc_request_duration_seconds_bucket', { operation: 'Catalogue', le: '+Inf' })).toBe(2);
    expect(moved('tthc_request_duration_seconds_sum', { operation: 'Catalogue' })).toBeGreaterThan(0);

    // Cost: what the answers reported, nothing for the refused one.
    const charged = [...catalogue, bad].reduce(
      (sum, x) => sum + (x.body.extensions?.cost?.requestedQueryCost ?? 0),
      0,
    );
    expect(charged).toBeGreaterThan(0);
    expect(moved('tthc_query_cost_points_total', { tier: 'anonymous' })).toBe(charged);
    expect(moved('tthc_rate_limit_refusals_total', { tier: 'anonymous', window: 'cost' })).toBe(1);
    expect(moved('tthc_rate_limit_refusals_total', { tier: 'apiKey', window: 'requests' })).toBe(1);
    expect(moved('tthc_rate_limit_refusals_total')).toBe(2);
    expect(moved('tthc_query_cost_points_total', { tier: 'apiKey' })).toBeGreaterThan(0);

    expect(sampleValue(after, 'tthc_websocket_connections')).toBe(1);
    expect(sampleValue(after, 'tthc_subscriptions_active', { transport: 'ws' })).toBe(1);
    expect(sampleValue(after, 'tthc_subscriptions_active', { transport: 'sse' })).toBe(1);
    expect(sampleValue(after, 'tthc_db_pool_max_connections')).toBe(10);
    expect(sampleValue(after, 'tthc_db_pool_connections')).toBeGreaterThanOrEqual(1);
    expect(sampleValue(after, 'tthc_db_pool_idle_connections')).toBeLessThanOrEqual(
      sampleValue(after, 'tthc_db_pool_connections'),
    );
    expect(after.types.get('tthc_db_pool_waiting_queries')).toBe('gauge');
    // Without Redis there is no relay to report on.
    expect(after.samples.filter((x) => x.name === 'tthc_pubsub_relay_up')).toEqual([]);
    expect(after.types.get('tthc_process_cpu_seconds_total')).toBe('counter');
    expect([...after.types.keys()].filter((name) => !name.startsWith('tthc_'))).toEqual([]);

    // Closed: the gauges come back to zero (the server learns of the close asynchronously).
    sse.abort();
    await ws.dispose();
    await expect
      .poll(async () => {
        const now = await scrape(a);
        return [
          sampleValue(now, 'tthc_websocket_connections'),
          sampleValue(now, 'tthc_subscriptions_active', { transport: 'ws' }),
          sampleValue(now, 'tthc_subscriptions_active', { transport: 'sse' }),
        ];
      })
      .toEqual([0, 0, 0]);
  });

  it('counts paths outside GraphQL by route, never by raw URL', async () => {
    const base = a.url.replace('/graphql', '');
    const before = await scrape(a);
    for (const path of ['/exports/procedures-1.csv', '/exports/x-2.csv', '/wp-login.php?id=3', '/healthz']) {
      const res = await fetch(base + path);
      expect(res.headers.get('x-request-id')).toMatch(GENERATED_ID);
      await res.arrayBuffer();
    }
    const after = await scrape(a);
    const operations = new Set(
      after.samples.filter((s) => s.name === 'tthc_requests_total').map((s) => s.labels.operation),
    );
    expect(operations).toContain('GET /exports/…');
    expect(operations).toContain('GET other');
    expect([...operations].filter((op) => /\d|wp-login|\.csv/.test(op!))).toEqual([]);
    expect(
      sampleValue(after, 'tthc_requests_total', { operation: 'GET /healthz', outcome: 'ok' }) -
        sampleValue(before, 'tthc_requests_total', { operation: 'GET /healthz', outcome: 'ok' }),
    ).toBe(1);
  });

  it('documents every metric of the instance in docs/operations.md', async () => {
    const { readFile } = await import('node:fs/promises');
    const doc = await readFile(new URL('../../docs/operations.md', import.meta.url), 'utf8');
    const names = a.services.metrics.registry.getMetricsAsArray().map((m) => m.name);
    expect(names.length).toBeGreaterThan(10);
    expect(names.filter((name) => !doc.includes(`\`${name}\``))).toEqual([]);
  });
});

describe('request ids and the access log', () => {
  it('echoes a well-formed X-Request-Id, replaces a bad one, and logs one line per request with it', async () => {
    const kept = await post(CATALOGUE, {}, { 'x-request-id': 'lb-7f3a.2_x' });
    expect(kept.requestId).toBe('lb-7f3a.2_x');
    const replaced = await post(CATALOGUE, {}, { 'x-request-id': 'has spaces and "quotes"' });
    expect(replaced.requestId).toMatch(GENERATED_ID);
    const tooLong = await post(CATALOGUE, {}, { 'x-request-id': 'a'.repeat(65) });
    expect(tooLong.requestId).toMatch(GENERATED_ID);
    const first = Number.parseInt(replaced.requestId!.split('-').at(-1)!, 36);
    expect(Number.parseInt(tooLong.requestId!.split('-').at(-1)!, 36)).toBeGreaterThan(first);

    const lines = logLines.filter((line) => line.reqId === 'lb-7f3a.2_x');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 30,
      msg: 'request',
      service: 'tthc-api',
      method: 'POST',
      route: 'POST /graphql',
      operation: 'Catalogue',
      status: 200,
      outcome: 'ok',
      tier: 'anonymous',
    });
    expect(typeof lines[0]!.ms).toBe('number');
    // Even the answer Node's parser gives before the app sees the request (a head over 16 KB).
    const raw = await rawAnswer(`GET /graphql HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    expect(raw).toMatch(/^HTTP\/1\.1 431 /);
    expect(raw).toMatch(/\r\nx-request-id: [A-Za-z0-9_-]{8}-[0-9a-z]+\r\n/);
    // A refused request is logged with its code and the tier it claimed.
    const key = `Bearer tthc_000000000000_${'A'.repeat(43)}`;
    const refused = await post(WHO, {}, { authorization: key, 'x-request-id': 'refused-1' });
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(logLines.filter((line) => line.reqId === 'refused-1')).toEqual([
      expect.objectContaining({
        status: refused.status,
        outcome: 'UNAUTHENTICATED',
        tier: 'apiKey',
        operation: 'Who',
      }),
    ]);
  });
});

/** What the API sends back on a raw TCP connection for `request`. */
async function rawAnswer(request: string): Promise<string> {
  const { port } = new URL(a.url);
  const socket = net.connect(Number(port), '127.0.0.1');
  let answer = '';
  socket.on('data', (chunk: Buffer) => {
    answer += chunk.toString();
  });
  socket.on('error', () => {}); // the server may reset once it has answered
  socket.write(request);
  await once(socket, 'close');
  return answer;
}

// ─── B and C through Redis: group commit on C, pub/sub lag on B ───────────────────────────────────

describe('with Redis between two instances', () => {
  let b: TestApi;
  let c: TestApi;
  beforeAll(async () => {
    [b, c] = await Promise.all([
      startTestApi({ config: { redisUrl: REDIS_URL } }),
      startTestApi({ config: { redisUrl: REDIS_URL } }),
    ]);
    await seed(c.api.services.db, { dossiers: 0 });
  });
  afterAll(async () => {
    await Promise.all([b?.close(), c?.close()]);
  });

  const relayState = async (t: TestApi) =>
    ((await (await fetch(t.url.replace('/graphql', '/readyz'))).json()) as { live: { state?: string } }).live
      .state;

  it('a batch of events shows in the ingest queue figures of C and in the pub/sub lag of B', async () => {
    await expect.poll(() => relayState(b), { timeout: 15_000 }).toBe('up');
    await expect.poll(() => relayState(c), { timeout: 15_000 }).toBe('up');
    const { key } = await createApiKey(c.api.services.prisma, { name: 'ingest', scopes: ['INGEST'] }, 'TEST');
    const beforeB = await scrape(b.api);
    expect(sampleValue(beforeB, 'tthc_pubsub_relay_up')).toBe(1);
    const beforeC = await scrape(c.api);
    const recorded = await c.gql(
      `mutation Record($events: [DossierEventInput!]!) { recordDossierEvents(events: $events) { accepted errors { code } } }`,
      {
        events: [
          {
            dossierCode: `METRICS-${process.pid}-${Date.now()}`,
            procedureCode: '1.001193',
            agencyCode: '22873',
            channel: 'IN_PERSON',
            status: 'RECEIVED',
            occurredAt: new Date(Date.now() - 86_400_000).toISOString(),
            sequence: 1,
          },
        ],
      },
      { authorization: `Bearer ${key}` },
    );
    expect(recorded.data).toEqual({ recordDossierEvents: { accepted: 1, errors: [] } });

    const afterC = await scrape(c.api);
    const groups = (s: Scrape) => sampleValue(s, 'tthc_group_commit_group_size_count', { queue: 'ingest' });
    expect(groups(afterC) - groups(beforeC)).toBe(1);
    expect(
      sampleValue(afterC, 'tthc_group_commit_group_size_sum', { queue: 'ingest' }),
    ).toBeGreaterThanOrEqual(1);
    expect(afterC.samples).toContainEqual({
      name: 'tthc_group_commit_waiting_jobs',
      labels: { queue: 'ingest' },
      value: 0,
    });
    // B received C's stats:changed through Redis (other test files' events may add to it).
    const lagCount = (s: Scrape) => sampleValue(s, 'tthc_pubsub_lag_seconds_count');
    await expect
      .poll(async () => lagCount(await scrape(b.api)) - lagCount(beforeB))
      .toBeGreaterThanOrEqual(1);
  });
});
