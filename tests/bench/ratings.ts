// `npm run bench -- ratings [--ratings 20000] [--clients 50]`: submitRating over HTTP to a separate
// API process (durable commits: each `ok: true` is answered after its COMMIT), with C concurrent
// clients, next to the raw PostgreSQL pattern docs/benchmarks.md "Machine baselines" measures for single submissions (one
// row + its rollup upsert, 4 round trips per transaction) at the same concurrency, in the same run.
//
// Preparation: N finished dossiers generated in SQL, each with a recorded rating link (RatingLink row,
// ratingLinkIssued = true, rollups rebuilt), and their tokens signed here with signRatingToken and
// the RATING_SECRET the API process is given — what ratingLink would return, without N calls.
// Workload: ~90% first ratings, ~10% re-ratings of an already rated dossier; ~20% with a comment to
// mask; every request with its own idempotency key and its own client address (X-Forwarded-For,
// TRUST_PROXY=true), as many citizens rating from many places; the default limits stay on.
import { readFileSync } from 'node:fs';
import net from 'node:net';
import { RATING_FAST_PATH, RatingService, SUBMIT_RATING_DOCUMENT, signRatingToken } from '@tthc/api';
import { rebuildRollups } from '@tthc/api/rollups';
import { seed } from '@tthc/api/seed';
import { openDatabase } from '@tthc/db';
import pg from 'pg';
import { startApiProcess } from './api-process.ts';
import { benchDatabase, describeMachine, fmt, option, percentile, rawWriteBaseline } from './support.ts';

const SECRET = 'bench-ratings-secret-'.padEnd(64, 'x');
const LEVELS = ['VERY_SATISFIED', 'SATISFIED', 'DISSATISFIED'] as const;
const TOKEN_DAYS = 90;
const SUBMIT = SUBMIT_RATING_DOCUMENT;

export async function run(args: string[]): Promise<void> {
  const ratings = option(args, 'ratings', 20_000);
  const clients = option(args, 'clients', 50);
  const dossiers = Math.ceil(ratings * 0.9);
  const database = await benchDatabase();
  const db = await openDatabase({ url: database.url });
  console.log(`machine: ${await describeMachine(database.url)}`);
  await seed(db, { dossiers: 0 });
  await generateRatedDossiers(db.pool, dossiers, 'HTTP');
  await generateRatedDossiers(db.pool, dossiers, 'DIRECT');
  await generateRatedDossiers(db.pool, dossiers, 'FAST');
  await rebuildRollups(db.pool);
  await db.pool.query('VACUUM ANALYZE');
  const prepared = async (prefix: string) => {
    const { rows } = await db.pool.query<{ code: string; ended: Date }>(
      `SELECT code, "endedAt" AS ended FROM "Dossier" WHERE code LIKE $1 ORDER BY id`,
      [`${prefix}-%`],
    );
    return rows.map((d) => ({
      code: d.code,
      token: signRatingToken(SECRET, d.code, new Date(d.ended.getTime() + TOKEN_DAYS * 86_400_000)),
    }));
  };
  const overHttp = workload(ratings, await prepared('HTTP'));
  const direct = workload(ratings, await prepared('DIRECT'));
  const overFastPath = workload(ratings, await prepared('FAST'));
  await db.close();
  console.log(
    `${fmt(3 * dossiers)} finished dossiers with a rating link; ${fmt(ratings)} ratings per run (~10% re-ratings, 20% with a comment), ${clients} concurrent clients\n`,
  );

  const baseline = await rawBaseline(database.url, ratings, clients);
  console.log(
    `baseline  raw PostgreSQL, BEGIN + INSERT row + rollup upsert + COMMIT, pool 10: ${fmt(baseline.rate)} rows/s, p50 ${fmt(baseline.p50, 1)} ms, p99 ${fmt(baseline.p99, 1)} ms`,
  );

  const service = await serviceAlone(database.url, direct, clients);
  console.log(
    `service   RatingService.submit in process (no HTTP, no GraphQL):       ${fmt(service.rate)} ratings/s, p50 ${fmt(service.p50, 1)} ms, p99 ${fmt(service.p99, 1)} ms; CPU per rating: Node ${fmt(service.cpu.node)} µs, PostgreSQL ${fmt(service.cpu.postgres)} µs`,
  );

  const api = await startApiProcess(database.url, {
    RATING_SECRET: SECRET,
    RATING_TOKEN_DAYS: String(TOKEN_DAYS),
    TRUST_PROXY: 'true',
  });
  const meter = () => cpuMeter(database.url, api.child.pid!);
  const project = await load(
    api.url,
    overHttp.map(({ input, ip }) => ({ body: JSON.stringify({ query: SUBMIT, variables: { input } }), ip })),
    clients,
    '"ok":true',
    meter,
  );
  // The same document through the rating form's persisted-operation path (no Yoga pipeline).
  const fastPath = await load(
    api.url.replace('/graphql', RATING_FAST_PATH),
    overFastPath.map(({ input, ip }) => ({
      body: JSON.stringify({ query: SUBMIT, variables: { input } }),
      ip,
    })),
    clients,
    '"ok":true',
    meter,
  );
  // The floor of the HTTP + GraphQL layer on the same process: the smallest query there is.
  const floor = await load(
    api.url,
    overHttp.map(({ ip }) => ({ body: '{"query":"{ __typename }"}', ip })),
    clients,
    '"__typename"',
    meter,
  );
  await api.stop();
  const perRating = (seconds: number, n: number) => fmt((seconds * 1e6) / Math.max(1, n));
  console.log(
    `project   submitRating over HTTP to the API process (ok after COMMIT): ${fmt(project.rate)} ratings/s, p50 ${fmt(project.p50, 1)} ms, p99 ${fmt(project.p99, 1)} ms (${project.accepted} accepted, ${project.rejected} rejected, ${project.failed} failed)`,
  );
  if (project.sampleError) console.log(`  first rejection: ${project.sampleError}`);
  console.log(
    `          CPU per rating: API process ${perRating(project.cpu.api, project.accepted)} µs, PostgreSQL ${perRating(project.cpu.postgres, project.accepted)} µs, load generator ${perRating(project.cpu.client, project.accepted)} µs`,
  );
  console.log(
    `floor     { __typename } over HTTP to the same process:                ${fmt(floor.rate)} requests/s, p99 ${fmt(floor.p99, 1)} ms; API process ${perRating(floor.cpu.api, floor.accepted)} µs CPU per request`,
  );
  console.log(
    `fast path same rating form via ${RATING_FAST_PATH}:                ${fmt(fastPath.rate)} ratings/s, p50 ${fmt(fastPath.p50, 1)} ms, p99 ${fmt(fastPath.p99, 1)} ms (${fastPath.accepted} accepted, ${fastPath.rejected} rejected, ${fastPath.failed} failed); API process ${perRating(fastPath.cpu.api, fastPath.accepted)} µs CPU per rating`,
  );
  console.log(
    `ratio     project / baseline: ${(project.rate / baseline.rate).toFixed(2)}; fast path / baseline: ${(fastPath.rate / baseline.rate).toFixed(2)}`,
  );

  const check = await openDatabase({ url: database.url, migrate: false });
  const { rows } = await check.pool.query<{ ratings: number; current: number; rolled: number }>(
    `SELECT (SELECT count(*) FROM "Rating")::int AS ratings, (SELECT count(*) FROM "Rating" WHERE current)::int AS current,
            (SELECT sum("verySatisfied" + satisfied + dissatisfied) FROM "DossierRollup"
              WHERE grain = 'DAY' AND "procedureId" IN (SELECT id FROM "Procedure") AND "agencyId" <> 0)::int AS rolled`,
  );
  await check.close();
  const stored = rows[0]!;
  const consistent =
    stored.ratings === project.accepted + service.accepted + fastPath.accepted &&
    stored.current === stored.rolled;
  console.log(
    `check     ${fmt(stored.ratings)} rating rows (${fmt(stored.current)} current) = accepted; rollups count ${fmt(stored.rolled)} current ratings: ${consistent ? 'ok' : 'MISMATCH'}`,
  );
  await database.drop();
}

/**
 * Finished dossiers in SQL, ended over the last 60 days (their tokens are valid), spread over the
 * current communes and departments and the procedures with a time limit, each asked to rate once.
 */
async function generateRatedDossiers(pool: pg.Pool, count: number, prefix: string): Promise<void> {
  await pool.query(
    `WITH agencies AS (SELECT array_agg(id ORDER BY id) AS ids FROM "Agency" WHERE "validTo" IS NULL AND level IN ('COMMUNE', 'DEPARTMENT')),
          procedures AS (SELECT array_agg(DISTINCT "procedureId") AS ids FROM "ProcedureTimeLimit"),
          base AS (
            SELECT g, a.ids[1 + g % cardinality(a.ids)] AS agency, p.ids[1 + (g / 7) % cardinality(p.ids)] AS procedure,
                   date_trunc('day', now() - ((2 + g % 60) || ' days')::interval) + time '07:00' + ((g * 7) % 480) * interval '1 minute' AS ended
              FROM generate_series(1, $1::int) AS g, agencies a, procedures p
          ),
          inserted AS (
            INSERT INTO "Dossier" (code, "procedureId", "agencyId", channel, status, "receivedAt", "dueAt", "initialDueAt",
                                   "timelinessDueAt", "resolvedAt", "endedAt", "processingMinutes", timeliness,
                                   "ratingLinkIssued", "lastSequence", "updatedAt")
            SELECT $2 || '-' || g, procedure, agency, (CASE WHEN g % 3 = 0 THEN 'ONLINE' ELSE 'IN_PERSON' END)::"Channel",
                   'RESOLVED', ended - interval '2 days', ended + interval '1 day', ended + interval '1 day',
                   ended + interval '1 day', ended, ended, 960, 'EARLY', true, 2, now()
              FROM base
            RETURNING id, "endedAt"
          )
     INSERT INTO "RatingLink" ("dossierId", "issuedAt", "expiresAt")
     SELECT id, "endedAt", "endedAt" + interval '90 days' FROM inserted`,
    [count, prefix],
  );
}

const COMMENTS = [
  'Cán bộ hướng dẫn tận tình, trả kết quả sớm.',
  'Chờ lâu quá, gọi 0912 345 678 không ai nghe.',
  'Đề nghị gửi kết quả qua email nguoidan@example.com.',
  'Đúng hẹn, lệ phí 50.000 đồng như niêm yết.',
];

/** Submissions and client addresses, in order. */
function workload(count: number, prepared: { code: string; token: string }[]) {
  return Array.from({ length: count }, (_, i) => {
    // The first 90% rate each dossier once; the rest rate again dossiers rated early in the run.
    const d = prepared[i < prepared.length ? i : (i * 7919) % Math.floor(prepared.length / 2)]!;
    const input = {
      dossierCode: d.code,
      token: d.token,
      level: LEVELS[(i * 31) % 10 < 6 ? 0 : (i * 31) % 10 < 9 ? 1 : 2]!,
      ...(i % 5 === 0 ? { comment: COMMENTS[i % COMMENTS.length] } : {}),
      idempotencyKey: `bench-${process.pid}-${d.code}-${i}`,
    };
    const ip = `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
    return { input, ip };
  });
}

/**
 * The rating path without HTTP and GraphQL: RatingService.submit called in this process with the
 * same inputs (limits, token check, masking, group commit), to show what the layers above it cost.
 */
async function serviceAlone(url: string, submissions: ReturnType<typeof workload>, clients: number) {
  const db = await openDatabase({ url, migrate: false });
  const quiet = () => {};
  const logger = { debug: quiet, info: quiet, warn: console.warn, error: console.error };
  const service = new RatingService(
    { db, pubsub: { publish: quiet } as never, logger: logger as never },
    {
      ratingSecret: SECRET,
      ratingTokenDays: TOKEN_DAYS,
      ratingPageUrl: 'http://localhost/danh-gia',
      redisUrl: undefined,
      ratingLimitPerIpPerMinute: 30,
      ratingLimitPerDossierPerMinute: 5,
    },
  );
  await Promise.all(Array.from({ length: 10 }, () => db.pool.query('SELECT pg_sleep(0.02)'))); // open the pool
  const stop = await cpuMeter(url, process.pid);
  const latencies: number[] = [];
  let accepted = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < submissions.length) {
        const { input, ip } = submissions[next++]!;
        const t0 = performance.now();
        const result = await service.submit(input, ip);
        latencies.push(performance.now() - t0);
        if (result.ok) accepted += 1;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const cpu = await stop();
  await service.close();
  await db.close();
  return {
    rate: accepted / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    accepted,
    cpu: { node: (cpu.api * 1e6) / accepted, postgres: (cpu.postgres * 1e6) / accepted },
  };
}

/**
 * A minimal HTTP/1.1 keep-alive connection (what autocannon does): requests are prebuilt buffers,
 * responses are framed by Content-Length or chunked encoding and not parsed beyond that, so the load
 * generator takes as little as possible of the two cores it shares with the API and PostgreSQL.
 */
class Connection {
  private readonly socket: net.Socket;
  private buffer: Buffer = Buffer.alloc(0);
  private waiting: { resolve(body: string): void; reject(err: Error): void } | null = null;

  private constructor(socket: net.Socket) {
    this.socket = socket;
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => {
      this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
      this.deliver();
    });
    socket.on('error', (err) => this.waiting?.reject(err));
  }

  static open(port: number): Promise<Connection> {
    return new Promise((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1', () => resolve(new Connection(socket)));
      socket.once('error', reject);
    });
  }

  send(request: Buffer): Promise<string> {
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
      this.socket.write(request);
    });
  }

  close(): void {
    this.socket.destroy();
  }

  private deliver(): void {
    const headerEnd = this.buffer.indexOf('\r\n\r\n');
    if (headerEnd < 0 || !this.waiting) return;
    const head = this.buffer.subarray(0, headerEnd).toString('latin1').toLowerCase();
    const start = headerEnd + 4;
    let body: string;
    let rest: Buffer;
    const length = /\r\ncontent-length: *(\d+)/.exec(head);
    if (length) {
      const end = start + Number(length[1]);
      if (this.buffer.length < end) return;
      body = this.buffer.toString('utf8', start, end);
      rest = this.buffer.subarray(end);
    } else {
      // chunked: <hex size>\r\n<data>\r\n … 0\r\n\r\n
      const parts: Buffer[] = [];
      let at = start;
      for (;;) {
        const lineEnd = this.buffer.indexOf('\r\n', at);
        if (lineEnd < 0) return;
        const size = Number.parseInt(this.buffer.toString('latin1', at, lineEnd), 16);
        if (this.buffer.length < lineEnd + 2 + size + 2) return;
        if (size === 0) {
          at = lineEnd + 4;
          break;
        }
        parts.push(this.buffer.subarray(lineEnd + 2, lineEnd + 2 + size));
        at = lineEnd + 2 + size + 2;
      }
      body = Buffer.concat(parts).toString('utf8');
      rest = this.buffer.subarray(at);
    }
    this.buffer = rest;
    const waiting = this.waiting;
    this.waiting = null;
    waiting.resolve(body);
  }
}

/** C clients, each on its own keep-alive connection. */
async function load(
  url: string,
  bodies: { body: string; ip: string }[],
  clients: number,
  okMarker: string,
  meter: () => Promise<() => Promise<{ api: number; postgres: number; client: number }>>,
) {
  const target = new URL(url);
  const request = (body: string, ip: string) =>
    Buffer.from(
      `POST ${target.pathname} HTTP/1.1\r\nHost: ${target.host}\r\nContent-Type: application/json\r\n` +
        `Accept: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nX-Forwarded-For: ${ip}\r\n\r\n${body}`,
    );
  const requests = bodies.map(({ body, ip }) => request(body, ip));
  const connections = await Promise.all(
    Array.from({ length: clients }, () => Connection.open(Number(target.port))),
  );
  // Warm-up (JIT, connections), not counted: rejected submissions that touch no table.
  const warm = JSON.stringify({
    query: SUBMIT,
    variables: { input: { dossierCode: 'WARM', token: 'x', level: 'SATISFIED' } },
  });
  await Promise.all(
    connections.map(async (c, i) => {
      for (let j = 0; j < 20; j++) await c.send(request(warm, `192.0.2.${(i * 20 + j) % 250}`));
    }),
  );
  const latencies: number[] = [];
  let accepted = 0;
  let rejected = 0;
  let failed = 0;
  let sampleError = '';
  let next = 0;
  const stopMeter = await meter();
  const started = performance.now();
  await Promise.all(
    connections.map(async (connection) => {
      while (next < requests.length) {
        const request = requests[next++]!;
        const t0 = performance.now();
        const text = await connection.send(request).catch((err: Error) => `{"transport":"${err.message}"}`);
        latencies.push(performance.now() - t0);
        if (text.includes(okMarker)) accepted += 1;
        else if (text.includes('"ok":false')) {
          rejected += 1;
          sampleError ||= text.slice(0, 300);
        } else {
          failed += 1;
          sampleError ||= text.slice(0, 300);
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const cpu = await stopMeter();
  for (const c of connections) c.close();
  return {
    cpu,
    rate: accepted / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    accepted,
    rejected,
    failed,
    sampleError,
  };
}

/** docs/benchmarks.md "Machine baselines": "one row + its rollup upsert, 4 round trips", on scratch tables, C writers on a pool of 10. */
async function rawBaseline(url: string, count: number, clients: number) {
  const { seconds, latencies } = await rawWriteBaseline(
    url,
    { transactions: count, writers: clients, poolSize: 10 },
    async (client, i) => {
      await client.query(`INSERT INTO bench_rows (k, v, at) VALUES ($1, $2, now())`, [i % 1000, i]);
      await client.query(
        `INSERT INTO bench_rollup (k, n) VALUES ($1, 1) ON CONFLICT (k) DO UPDATE SET n = bench_rollup.n + 1`,
        [i % 1000],
      );
    },
  );
  return { rate: count / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

/** CPU seconds (user + system) of a process, from /proc (Linux). */
function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0; // gone
  }
}

/**
 * CPU used from now until the returned function is called by the API process, the PostgreSQL
 * backends serving this database (the machine may run other work: this is what the figures cost)
 * and this process (the load generator).
 */
async function cpuMeter(url: string, apiPid: number) {
  const backends = async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
    );
    await client.end();
    return rows.map((r) => r.pid);
  };
  const pids = await backends();
  const before = {
    api: cpuSeconds(apiPid),
    pg: new Map(pids.map((p) => [p, cpuSeconds(p)])),
    client: process.cpuUsage(),
  };
  return async () => {
    const after = await backends();
    let postgres = 0;
    for (const pid of after) postgres += cpuSeconds(pid) - (before.pg.get(pid) ?? 0);
    const client = process.cpuUsage(before.client);
    return {
      api: cpuSeconds(apiPid) - before.api,
      postgres,
      client: (client.user + client.system) / 1e6,
    };
  };
}
