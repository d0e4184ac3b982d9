// Issue "the API process exits when PostgreSQL drops a connection it holds". Under a stream of
// ingestion batches and ratings, (1) the API's connections are killed with pg_terminate_backend, some
// of them in the middle of a write transaction, and (2) a whole PostgreSQL server (a private embedded
// one: the shared server serves other test files) is stopped and started again. The API runs in this
// process, so an unhandled 'error' event on a pg client would end this very test run. It must stay
// up, answer SERVICE_UNAVAILABLE (503 with Retry-After, never a 500 or INTERNAL_SERVER_ERROR) while the
// database is gone, report it in /readyz, come back by itself, and hold every acknowledged batch once.
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import net, { type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createApiKey, RATING_FAST_PATH, type RunningApi, signRatingToken, startApi } from '@tthc/api';
import { rebuildRollups } from '@tthc/api/rollups';
import { seed } from '@tthc/api/seed';
import {
  createTestDatabase,
  type EmbeddedPostgres,
  ensureEmbeddedPostgres,
  type TestDatabase,
} from '@tthc/db';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TestApi } from '../support/api.ts';
import { type DossierEventInput, dossierEvents } from '../support/dossier-events.ts';
import { keyFor } from '../support/keys.ts';
import { rollupSnapshot } from '../support/rollup-snapshot.ts';
import { SEED_TODAY, startSeededApi } from '../support/seeded.ts';

const SECRET = 'database-faults-test-secret-'.padEnd(64, 'x');
const NINH_PHUOC = '22870';
const KHAI_SINH = '1.001193'; // same-day procedure
const UNAVAILABLE = 'Cơ sở dữ liệu tạm thời không truy cập được, vui lòng thử lại sau.';
const RECORD = `mutation($events: [DossierEventInput!]!) {
  recordDossierEvents(events: $events) { accepted duplicates errors { index code } } }`;
const SUBMIT = `mutation($input: SubmitRatingInput!) { submitRating(input: $input) { ok error { code } } }`;
const config = {
  ratingSecret: SECRET,
  ratingTokenDays: 3650,
  ratingLimitPerIpPerMinute: 100_000,
  ratingLimitPerDossierPerMinute: 100_000,
  // The API logs every lost connection and failed request; the assertions below say what matters.
  logLevel: process.env.LOG_LEVEL ?? 'silent',
};

// An unhandled 'error' event, or a rejection nobody awaits, would surface here (and end the worker).
const crashes: unknown[] = [];
const onCrash = (error: unknown) => crashes.push(error);
beforeEach(() => {
  process.on('uncaughtException', onCrash);
  process.on('unhandledRejection', onCrash);
});
afterEach(() => {
  process.off('uncaughtException', onCrash);
  process.off('unhandledRejection', onCrash);
});

/** A finished dossier: received and resolved the same morning. */
const finished = (code: string) =>
  dossierEvents(code, NINH_PHUOC, KHAI_SINH, 'IN_PERSON', [
    ['RECEIVED', '2026-10-06T08:00'],
    ['RESOLVED', '2026-10-06T10:00'],
  ]);
const batchOf = (prefix: string, n: number, size: number) =>
  Array.from({ length: size }, (_, i) => finished(`${prefix}${n}-${i}`)).flat();

interface Answer {
  status: number;
  retryAfter: string | null;
  body: {
    data?: Record<string, unknown> | null;
    errors?: { message: string; extensions?: { code?: string } }[];
    code?: string;
    message?: string;
  };
}

async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return {
    status: res.status,
    retryAfter: res.headers.get('retry-after'),
    body: (await res.json()) as never,
  };
}

/** What a client of the API sees: the answer when it was stored, or the failure it must retry. */
type Outcome = { ok: true; answer: Answer } | { ok: false; answer: Answer };

function outcomeOf(answer: Answer, field: string): Outcome {
  const ok = answer.status === 200 && !answer.body.errors && answer.body.data?.[field] != null;
  return { ok, answer };
}

/** Every failure is the retryable one, never a 500 or an unexpected error. */
function expectOnlyUnavailable(outcomes: Outcome[]) {
  const failures = outcomes.filter((o) => !o.ok).map((o) => o.answer);
  for (const answer of failures) {
    expect(answer).toMatchObject({
      status: 503,
      retryAfter: '5',
      body: { errors: [{ message: UNAVAILABLE, extensions: { code: 'SERVICE_UNAVAILABLE' } }] },
    });
  }
  return failures.length;
}

const readyz = async (graphqlUrl: string) => {
  const res = await fetch(graphqlUrl.replace('/graphql', '/readyz'));
  return { status: res.status, body: (await res.json()) as { status: string } };
};

/** Each sent event is stored exactly once; nothing else with the prefix is. */
async function expectStoredOnce(pool: pg.Pool, prefix: string, sent: DossierEventInput[]) {
  const { rows } = await pool.query<{ code: string; sequence: number; n: number }>(
    `SELECT d.code, e.sequence, count(*)::int AS n FROM "DossierEvent" e JOIN "Dossier" d ON d.id = e."dossierId"
      WHERE d.code LIKE $1 GROUP BY d.code, e.sequence`,
    [`${prefix}%`],
  );
  const stored = new Map(rows.map((r) => [`${r.code}#${r.sequence}`, r.n]));
  expect(stored.size).toBe(sent.length);
  for (const e of sent) expect(stored.get(`${e.dossierCode}#${e.sequence}`), e.dossierCode).toBe(1);
}

/** Sends a batch again until it is acknowledged, as a one-stop system retries a 503. */
async function resend(url: string, key: Record<string, string>, events: DossierEventInput[]) {
  for (let attempt = 0; ; attempt++) {
    const answer = await post(url, { query: RECORD, variables: { events } }, key);
    const outcome = outcomeOf(answer, 'recordDossierEvents');
    if (outcome.ok) return answer.body.data!.recordDossierEvents as { accepted: number; duplicates: number };
    expectOnlyUnavailable([outcome]);
    if (attempt >= 20) throw new Error('the API did not recover');
    await sleep(250);
  }
}

describe('connections killed under load (pg_terminate_backend)', () => {
  let t: TestApi;
  let ingest: Record<string, string>;
  let admin: pg.Client;
  let locker: pg.Client;
  let lockerPid: number;
  let database: string;
  const RATED = Array.from({ length: 40 }, (_, i) => `RT${i}`);

  beforeAll(async () => {
    t = await startSeededApi(0, config);
    ingest = await keyFor(t, 'INGEST');
    expect(await resend(t.url, ingest, RATED.flatMap(finished))).toMatchObject({
      accepted: RATED.length * 2,
    });
    const url = new URL(t.api.services.db.url);
    database = decodeURIComponent(url.pathname.slice(1));
    const session = (name: string) =>
      new pg.Client({
        host: url.hostname,
        port: Number(url.port || 5432),
        user: decodeURIComponent(url.username) || 'postgres',
        password: decodeURIComponent(url.password) || undefined,
        database: name,
      });
    admin = session('postgres');
    locker = session(database);
    for (const client of [admin, locker]) {
      client.on('error', () => {});
      await client.connect();
    }
    lockerPid = (await locker.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
  });
  afterAll(async () => {
    await admin?.end();
    await locker?.end();
    await t?.close();
  });

  /** Kills every connection of the API (not the locker's, nor this session's). */
  const terminate = async () => {
    const { rows } = await admin.query<{ n: number }>(
      `SELECT count(*) FILTER (WHERE pg_terminate_backend(pid))::int AS n FROM pg_stat_activity
        WHERE datname = $1 AND pid <> pg_backend_pid() AND pid <> $2`,
      [database, lockerPid],
    );
    return rows[0]!.n;
  };

  /**
   * Holds the rollup table against writes, so ingestion and rating transactions pile up in the middle
   * of their work (rows written, not committed), then kills them — twice, because the ingestion queue
   * retries a failed group batch by batch and those retries block again.
   */
  const killInFlight = async () => {
    await locker.query('BEGIN');
    await locker.query('LOCK TABLE "DossierRollup" IN SHARE ROW EXCLUSIVE MODE');
    await sleep(250);
    let killed = await terminate();
    await sleep(250);
    killed += await terminate();
    await locker.query('ROLLBACK');
    return killed;
  };

  it('stays up, answers SERVICE_UNAVAILABLE, recovers, and stores each acknowledged batch once', async () => {
    const fast = t.url.replace('/graphql', RATING_FAST_PATH);
    const batches: DossierEventInput[][] = [];
    const ingestOutcomes: Outcome[] = [];
    const acknowledged = new Set<number>();
    const ratingOutcomes: { code: string; key: string; outcome: Outcome }[] = [];
    const readiness: number[] = [];
    let faultsDone = false;

    const ingestWorker = async () => {
      while (!faultsDone) {
        const n = batches.length;
        const events = batchOf('FB', n, 10);
        batches.push(events);
        const outcome = outcomeOf(
          await post(t.url, { query: RECORD, variables: { events } }, ingest),
          'recordDossierEvents',
        );
        ingestOutcomes.push(outcome);
        if (outcome.ok) {
          expect(outcome.answer.body.data!.recordDossierEvents).toEqual({
            accepted: 20,
            duplicates: 0,
            errors: [],
          });
          acknowledged.add(n);
        }
      }
    };
    const ratingWorker = async () => {
      for (let i = 0; !faultsDone; i++) {
        const code = RATED[i % RATED.length]!;
        const key = `rt-${i}`;
        const input = {
          dossierCode: code,
          token: signRatingToken(SECRET, code, new Date('2030-01-01')),
          level: i % 3 === 0 ? 'DISSATISFIED' : 'VERY_SATISFIED',
          idempotencyKey: key,
        };
        // Both doors: Yoga's pipeline, and the fast path that bypasses it.
        const answer =
          i % 2 === 0
            ? await post(t.url, { query: SUBMIT, variables: { input } })
            : await post(fast, { variables: { input } });
        ratingOutcomes.push({ code, key, outcome: outcomeOf(answer, 'submitRating') });
      }
    };
    const faults = async () => {
      let killed = 0;
      for (let round = 0; round < 3; round++) {
        await sleep(300);
        killed += await killInFlight();
        readiness.push((await readyz(t.url)).status);
      }
      await sleep(200);
      killed += await terminate(); // idle and busy connections alike, without a lock
      readiness.push((await readyz(t.url)).status);
      faultsDone = true;
      return killed;
    };

    const [killed] = await Promise.all([
      faults(),
      ingestWorker(),
      ingestWorker(),
      ingestWorker(),
      ratingWorker(),
    ]);
    expect(crashes).toEqual([]);
    expect(killed).toBeGreaterThan(0);

    // Failures were the retryable kind, and there were some: transactions really were cut.
    const ingestFailures = expectOnlyUnavailable(ingestOutcomes);
    const ratingFailures = expectOnlyUnavailable(ratingOutcomes.map((r) => r.outcome));
    expect(ingestFailures + ratingFailures).toBeGreaterThan(0);
    expect(acknowledged.size).toBeGreaterThan(0);
    for (const status of readiness) expect([200, 503]).toContain(status);

    // No restart: the same API is ready and takes writes again.
    expect(await readyz(t.url)).toMatchObject({ status: 200, body: { status: 'ready' } });
    const pool = t.api.services.db.pool;
    // No dead connection went back into the pool: as many queries at once as it holds all succeed.
    await Promise.all(Array.from({ length: 10 }, () => pool.query('SELECT pg_sleep(0.05)')));
    const acked = [...acknowledged].flatMap((n) => batches[n]!);
    // What was acknowledged is stored, and only once, before any retry.
    const { rows } = await pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "DossierEvent" e JOIN "Dossier" d ON d.id = e."dossierId" WHERE d.code = ANY($1)`,
      [[...new Set(acked.map((e) => e.dossierCode))]],
    );
    expect(rows[0]!.n).toBe(acked.length);

    // A client retrying what failed ends with every event stored once: a cut transaction left nothing
    // behind, or (cut after its COMMIT) is found again as duplicates.
    for (const [n, events] of batches.entries()) {
      if (acknowledged.has(n)) continue;
      const result = await resend(t.url, ingest, events);
      expect(result.accepted + result.duplicates).toBe(events.length);
    }
    await expectStoredOnce(pool, 'FB', batches.flat());

    // Ratings: every dossier rated has exactly one current rating, and each key at most one row.
    const ratingRows = await pool.query<{ code: string; current: number; total: number }>(
      `SELECT d.code, count(*) FILTER (WHERE r.current)::int AS current, count(*)::int AS total
         FROM "Rating" r JOIN "Dossier" d ON d.id = r."dossierId" GROUP BY d.code`,
    );
    const acceptedRatings = ratingOutcomes.filter((r) => r.outcome.ok);
    expect(acceptedRatings.length).toBeGreaterThan(0);
    const byKey = await pool.query<{ key: string }>(`SELECT "idempotencyKey" AS key FROM "Rating"`);
    const storedKeys = new Set(byKey.rows.map((r) => r.key));
    for (const r of acceptedRatings) expect(storedKeys.has(r.key), r.key).toBe(true);
    for (const row of ratingRows.rows) expect(row.current, row.code).toBe(1);

    // Cut transactions left no half-applied rollups: a rebuild from the raw rows gives the same ones.
    const incremental = await rollupSnapshot(pool);
    await rebuildRollups(pool);
    expect(await rollupSnapshot(pool)).toEqual(incremental);
    expect(crashes).toEqual([]);
  });
});

describe('the PostgreSQL server stopped and started again', () => {
  let parentDir: string;
  let dataDir: string;
  let port: number;
  let server: EmbeddedPostgres | undefined;
  let database: TestDatabase;
  let api: RunningApi;

  const start = () => ensureEmbeddedPostgres({ dataDir, port, durable: false });

  beforeAll(async () => {
    parentDir = await mkdtemp(path.join(tmpdir(), 'tthc-db-faults-'));
    // As root, the server runs as the postgres user, which must be able to reach the data directory.
    await chmod(parentDir, 0o755);
    dataDir = path.join(parentDir, 'data');
    port = await freePort();
    server = await start();
    database = await createTestDatabase(server.url);
    api = await startApi({
      ...config,
      port: 0,
      host: '127.0.0.1',
      databaseUrl: database.url,
      redisUrl: undefined,
      seedOnEmpty: false,
      env: 'test',
    });
    await seed(api.services.db, { today: SEED_TODAY, dossiers: 0 });
  });
  afterAll(async () => {
    await api?.stop();
    await server?.stop();
    if (parentDir) await rm(parentDir, { recursive: true, force: true });
  });

  it('answers 503 while it is down and recovers by itself when it is back', async () => {
    const { key } = await createApiKey(api.services.prisma, { name: 'faults', scopes: ['INGEST'] }, 'TEST');
    const ingest = { authorization: `Bearer ${key}` };
    expect(await resend(api.url, ingest, finished('SR-RATED'))).toMatchObject({ accepted: 2 });
    const base = api.url.replace('/graphql', '');
    const rating = (idempotencyKey: string) => ({
      dossierCode: 'SR-RATED',
      token: signRatingToken(SECRET, 'SR-RATED', new Date('2030-01-01')),
      level: 'SATISFIED',
      idempotencyKey,
    });

    // A stream of batches that goes on while the server stops and starts.
    const batches: DossierEventInput[][] = [];
    const outcomes: Outcome[] = [];
    const acknowledged = new Set<number>();
    let streaming = true;
    const stream = (async () => {
      while (streaming) {
        const n = batches.length;
        const events = batchOf('SB', n, 5);
        batches.push(events);
        const outcome = outcomeOf(
          await post(api.url, { query: RECORD, variables: { events } }, ingest),
          'recordDossierEvents',
        );
        outcomes.push(outcome);
        if (outcome.ok) acknowledged.add(n);
        await sleep(20);
      }
    })();

    await sleep(300);
    await server!.stop();
    server = undefined;

    // Down: not ready, and every door answers the retryable error.
    expect(await readyz(api.url)).toEqual({ status: 503, body: { status: 'database unreachable' } });
    const down = [
      outcomeOf(
        await post(api.url, { query: RECORD, variables: { events: finished('SR-DOWN') } }, ingest),
        'recordDossierEvents',
      ),
      outcomeOf(
        await post(api.url, { query: SUBMIT, variables: { input: rating('down-1') } }),
        'submitRating',
      ),
      outcomeOf(
        await post(`${base}${RATING_FAST_PATH}`, { variables: { input: rating('down-2') } }),
        'submitRating',
      ),
      outcomeOf(await post(api.url, { query: '{ procedures(first: 1) { totalCount } }' }), 'procedures'),
    ];
    expect(down.every((o) => !o.ok)).toBe(true);
    expectOnlyUnavailable(down);
    const sync = await post(`${base}/api/dvcqg/dong-bo-ho-so`, [], ingest);
    expect(sync).toEqual({
      status: 503,
      retryAfter: '5',
      body: { code: 'SERVICE_UNAVAILABLE', message: UNAVAILABLE },
    });
    await sleep(200); // the stream keeps failing meanwhile, and the process keeps running

    server = await start();
    // Back: the same API process becomes ready again and takes writes, without a restart.
    const deadline = Date.now() + 15_000;
    while ((await readyz(api.url)).status !== 200) {
      if (Date.now() > deadline) throw new Error('/readyz did not come back');
      await sleep(100);
    }
    expect(await readyz(api.url)).toMatchObject({ status: 200, body: { status: 'ready' } });
    const ok = await post(`${base}${RATING_FAST_PATH}`, { variables: { input: rating('up-1') } });
    expect(ok).toMatchObject({ status: 200, body: { data: { submitRating: { ok: true, error: null } } } });
    await sleep(200);
    streaming = false;
    await stream;

    expect(crashes).toEqual([]);
    expect(expectOnlyUnavailable(outcomes)).toBeGreaterThan(0); // the stream did see the outage
    expect(outcomes.at(-1)!.ok).toBe(true); // and writes after it
    for (const [n, events] of batches.entries())
      if (!acknowledged.has(n)) await resend(api.url, ingest, events);
    await expectStoredOnce(api.services.db.pool, 'SB', batches.flat());
  });
});

async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}
