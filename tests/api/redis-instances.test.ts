// Live updates across API instances (docs/architecture.md "Live fan-out", production mode): two real API
// processes share one database and one Redis of the test's own, so the test can take Redis away and
// bring it back. An event recorded on B reaches A's subscribers through Redis; with Redis down, B keeps
// accepting events, answering queries and feeding its own subscribers, and says so once in its log;
// when Redis returns on the same port, events from B reach A again without restarting anything.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApiKey } from '@tthc/api';
import { seed } from '@tthc/api/seed';
import { createTestDatabase, openDatabase, type TestDatabase } from '@tthc/db';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { type RedisServer as Redis, startRedis } from '../support/redis-server.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const KHAI_SINH = '1.001193'; // đăng ký khai sinh
const COMMUNE = '22873'; // Xã Phước Hậu, which handles it
const OUTAGE_LOG = 'Redis không truy cập được';
const BACK_LOG = 'Redis đã trở lại';

/** The last 30 days (UTC dates are fine: events are a day old, well inside). */
const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
const PERIOD = `{ from: "${day(-30)}", to: "${day(0)}" }`;
const SUBSCRIPTION = `subscription { statsChanged(scope: { procedureCode: "${KHAI_SINH}" }, period: ${PERIOD}) { received } }`;
const STATS = `{ stats(scope: { procedureCode: "${KHAI_SINH}" }, period: ${PERIOD}) { received } }`;
const RECORD = `mutation($events: [DossierEventInput!]!) {
  recordDossierEvents(events: $events) { accepted duplicates errors { code message } }
}`;

interface Instance {
  url: string;
  output(): string;
  gql<T>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<{ status: number; data?: T; errors?: unknown }>;
  live(): Promise<{ mode: string; state?: string }>;
  stop(): Promise<void>;
}

let redis: Redis | undefined;
let database: TestDatabase | undefined;
let a: Instance | undefined;
let b: Instance | undefined;
let key = '';
let dossiers = 0;
const watchers: { dispose(): Promise<void> }[] = [];

beforeAll(async () => {
  redis = await startRedis();
  database = await createTestDatabase();
  const db = await openDatabase({ url: database.url });
  try {
    await seed(db, { dossiers: 0 });
    ({ key } = await createApiKey(db.prisma, { name: 'redis instances', scopes: ['INGEST'] }, 'TEST'));
  } finally {
    await db.close();
  }
  const env = { DATABASE_URL: database.url, REDIS_URL: `redis://127.0.0.1:${redis.port}` };
  [a, b] = await Promise.all([startInstance(env), startInstance(env)]);
});

afterAll(async () => {
  await Promise.allSettled(watchers.map((w) => w.dispose()));
  await Promise.allSettled([a?.stop(), b?.stop()]);
  await redis?.kill();
  await database?.drop();
});

describe('live updates across instances through Redis', () => {
  let onA: Watcher;

  it('an event recorded on B reaches a subscriber on A', async () => {
    await expect.poll(async () => (await a!.live()).state, { timeout: 15_000 }).toBe('up');
    await expect.poll(async () => (await b!.live()).state, { timeout: 15_000 }).toBe('up');
    onA = watch(a!);
    await expect.poll(() => onA.last(), { timeout: 15_000 }).toBe(0);
    await recordOn(b!);
    await expect.poll(() => onA.last(), { timeout: 10_000 }).toBe(1);
    expect(onA.errors).toEqual([]);
  });

  it('with Redis down, B accepts events, answers queries, feeds its own subscribers and logs the fault once', async () => {
    await redis!.kill();
    await expect.poll(async () => (await b!.live()).state, { timeout: 15_000 }).toBe('down');
    await expect.poll(async () => (await a!.live()).state, { timeout: 15_000 }).toBe('down');
    const onB = watch(b!);
    await expect.poll(() => onB.last(), { timeout: 15_000 }).toBe(1);
    for (const expected of [2, 3]) {
      await recordOn(b!);
      await expect.poll(() => onB.last(), { timeout: 10_000 }).toBe(expected);
    }
    const stats = await b!.gql<{ stats: { received: number } }>(STATS);
    expect(stats).toMatchObject({ status: 200, data: { stats: { received: 3 } } });
    // Nothing crossed over to A (there is no way across), and A still serves the same figures.
    expect(onA.last()).toBe(1);
    expect(await a!.gql(STATS)).toMatchObject({ status: 200, data: { stats: { received: 3 } } });
    // One line per outage, not one per event.
    expect(occurrences(b!.output(), OUTAGE_LOG)).toBe(1);
    expect(occurrences(a!.output(), OUTAGE_LOG)).toBe(1);
    expect(onB.errors).toEqual([]);
  });

  it('when Redis returns on the same port, events from B reach A again within seconds', async () => {
    await redis!.start();
    const restarted = Date.now();
    await expect.poll(async () => (await a!.live()).state, { timeout: 15_000 }).toBe('up');
    await expect.poll(async () => (await b!.live()).state, { timeout: 15_000 }).toBe('up');
    expect(Date.now() - restarted).toBeLessThan(10_000);
    await recordOn(b!);
    // A's subscriber gets the figures as they are now, outage events included.
    await expect.poll(() => onA.last(), { timeout: 10_000 }).toBe(4);
    expect(onA.errors).toEqual([]);
    expect(occurrences(a!.output(), BACK_LOG)).toBe(1);
    expect(occurrences(b!.output(), BACK_LOG)).toBe(1);
  });
});

interface Watcher {
  errors: unknown[];
  last(): number | undefined;
  dispose(): Promise<void>;
}

/** A statsChanged subscriber over graphql-ws that keeps the `received` figures it is pushed. */
function watch(instance: Instance): Watcher {
  const client = createClient({
    url: instance.url.replace('http', 'ws'),
    webSocketImpl: WebSocket,
    retryAttempts: 0,
  });
  const seen: number[] = [];
  const errors: unknown[] = [];
  client.subscribe<{ statsChanged: { received: number } }>(
    { query: SUBSCRIPTION },
    {
      next: (message) => {
        if (message.data) seen.push(message.data.statsChanged.received);
        else errors.push(message.errors);
      },
      error: (err) => errors.push(err),
      complete: () => {},
    },
  );
  const watcher = { errors, last: () => seen.at(-1), dispose: () => client.dispose() as Promise<void> };
  watchers.push(watcher);
  return watcher;
}

/** One new dossier of the procedure, received a day ago, recorded through `instance`. */
async function recordOn(instance: Instance): Promise<void> {
  dossiers += 1;
  const events = [
    {
      dossierCode: `REDIS-${process.pid}-${dossiers}`,
      procedureCode: KHAI_SINH,
      agencyCode: COMMUNE,
      channel: 'IN_PERSON',
      status: 'RECEIVED',
      occurredAt: new Date(Date.now() - 86_400_000).toISOString(),
      sequence: 1,
    },
  ];
  const result = await instance.gql(RECORD, { events });
  expect(result).toMatchObject({
    status: 200,
    data: { recordDossierEvents: { accepted: 1, duplicates: 0, errors: [] } },
  });
}

/** Lines of the relay's log (pino JSON) that say `needle`. */
function occurrences(log: string, needle: string): number {
  return log.split('\n').filter((line) => line.includes('"component":"redis-relay"') && line.includes(needle))
    .length;
}

async function startInstance(env: Record<string, string>): Promise<Instance> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'api/src/main.ts')], {
    cwd: root,
    env: {
      ...process.env,
      ...env,
      PORT: '0',
      HOST: '127.0.0.1',
      SEED_ON_EMPTY: 'false',
      LOG_LEVEL: 'info',
      NODE_ENV: 'production',
      RATING_SECRET: 'redis-instances-rating-secret-'.padEnd(48, 'x'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`API did not start:\n${output}`)), 120_000);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /"url":"(http:\/\/localhost:\d+\/graphql)"/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!.replace('localhost', '127.0.0.1'));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`API exited with ${code}:\n${output}`));
    });
  });
  const base = url.replace('/graphql', '');
  return {
    url,
    output: () => output,
    gql: async (query, variables) => {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
        body: JSON.stringify({ query, variables }),
      });
      return { status: res.status, ...((await res.json()) as object) };
    },
    live: async () => ((await (await fetch(`${base}/readyz`)).json()) as { live: { mode: string } }).live,
    stop: () => stopProcess(child),
  };
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}
