// `npm run bench -- public-reads [--dossiers 200000] [--rounds 3] [--seconds 10] [--connections 50]`:
// the widget's public read through the real API, next to bare servers measured in the same run on
// the same machine, each server in a child process of its own so that its CPU is its own:
//  - floor: `node:http` answering a constant; baseline: fastify + mercurius `{ hello }`; bare
//    graphql-yoga `{ hello }` on `node:http` (tests/bench/baseline-servers.ts);
//  - the API: (a) the issue's widget-like read by POST, uncached; (b) the widget's persisted GET
//    (api/persisted-documents.json, its `query Dvc…Figures` entry on a procedure) on a cache hit;
//    (c) `{ __typename }` by POST, the floor of the API's GraphQL pipeline.
// PUBLIC_READS_DATABASE=<url>: a database prepared by an earlier run, kept (for profiling one change
// after another); API_NODE_ARGS as for every bench (api-process.ts), e.g. --cpu-prof.
// autocannon (in this process) with C connections, R rounds of S seconds interleaved (round 1 of
// every case, then round 2, …), medians over the rounds; per case the server's CPU per request
// (/proc/<pid>/stat) and, for the API, that of the PostgreSQL backends of the bench database.
//
// `--soak <minutes>`: the uncached read alone for that long, the API's RSS and JavaScript heap
// sampled every 10 s (RSS from /proc, the heap through tests/bench/memory-probe.mjs): does it level off?
import { existsSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { rebuildRollups } from '@tthc/api/rollups';
import { seed } from '@tthc/api/seed';
import { openDatabase } from '@tthc/db';
import autocannon from 'autocannon';
import pg from 'pg';
import { type ApiProcess, startApiProcess } from './api-process.ts';
import { type BaselineKind, startBaselineServer } from './baseline-servers.ts';
import { generateDossiers } from './reads.ts';
import { benchDatabase, describeMachine, fmt, option } from './support.ts';

const PROCEDURE = '1.001193'; // đăng ký khai sinh, the widget's most common page
const here = path.dirname(fileURLToPath(import.meta.url));
const MANIFEST = path.resolve(here, '../../api/persisted-documents.json');
const MEMORY_PROBE = path.join(here, 'memory-probe.mjs');
const SOAK_SAMPLE_SECONDS = 10;

/** One line of the table: where to send what, and which process answers it. */
interface Case {
  name: string;
  url: string;
  method: 'GET' | 'POST';
  body?: string;
  pid: number;
  /** The PostgreSQL backends of the bench database count toward this case's cost. */
  database: boolean;
}

interface Round {
  rate: number;
  p50: number;
  p99: number;
  serverMicros: number;
  postgresMicros: number;
  clientMicros: number;
  failures: number;
}

export async function run(args: string[]): Promise<void> {
  const dossiers = option(args, 'dossiers', 200_000);
  const rounds = option(args, 'rounds', 3);
  const seconds = option(args, 'seconds', 10);
  const connections = option(args, 'connections', 50);
  const soakMinutes = option(args, 'soak', 0);

  const database = await prepareDatabase(dossiers);
  const memoryFile = path.join(os.tmpdir(), `public-reads-memory-${process.pid}.json`);
  process.env.API_NODE_ARGS = `${process.env.API_NODE_ARGS ?? ''} --import ${MEMORY_PROBE}`;
  const api = await startApiProcess(database.url, { BENCH_MEMORY_FILE: memoryFile });
  const period = lastTwelveMonths();
  const uncached = JSON.stringify({
    query: `{ procedure(code: "${PROCEDURE}") { code name stats(period: { from: "${period.from}", to: "${period.to}" }) { received finished onTimeRate satisfactionRate ratings } } }`,
  });
  const sample = await answer(api.url, 'POST', uncached);
  console.log(`uncached read answers: ${sample.slice(0, 240)}`);
  const idle = memoryOf(api.child.pid!, memoryFile);

  const extraApis: ApiProcess[] = [];
  try {
    if (soakMinutes > 0) {
      await soak(api, uncached, soakMinutes, connections, memoryFile, idle);
      return;
    }
    const baselines = await Promise.all(
      (['floor', 'mercurius', 'yoga'] as BaselineKind[]).map((kind) => startBaselineServer(kind)),
    );
    const [floor, mercurius, yoga] = baselines as [
      (typeof baselines)[number],
      (typeof baselines)[number],
      (typeof baselines)[number],
    ];
    const hello = JSON.stringify({ query: '{ hello }' });
    const apiPid = api.child.pid!;
    const cases: Case[] = [
      {
        name: 'floor: node:http, constant JSON',
        url: floor.url,
        method: 'POST',
        body: hello,
        pid: floor.pid,
        database: false,
      },
      {
        name: 'baseline: fastify + mercurius { hello }',
        url: mercurius.url,
        method: 'POST',
        body: hello,
        pid: mercurius.pid,
        database: false,
      },
      {
        name: 'bare graphql-yoga { hello }',
        url: yoga.url,
        method: 'POST',
        body: hello,
        pid: yoga.pid,
        database: false,
      },
      {
        name: 'API: widget-like read, POST, uncached',
        url: api.url,
        method: 'POST',
        body: uncached,
        pid: apiPid,
        database: true,
      },
    ];
    const persisted = await persistedRead(api.url, period);
    // The same read on an instance without the response cache: every request is computed (docs/api.md
    // "Persisted reads and caching"; an anonymous persisted read runs without Yoga's pipeline).
    const uncachedApi = await startApiProcess(database.url, {
      RESPONSE_CACHE: 'off',
      BENCH_MEMORY_FILE: `${memoryFile}.uncached`,
    });
    extraApis.push(uncachedApi);
    const persistedUncached = await persistedRead(uncachedApi.url, period);
    if ('url' in persisted && 'url' in persistedUncached) {
      cases.push({
        name: 'API: widget persisted GET, cache hit',
        url: persisted.url,
        method: 'GET',
        pid: apiPid,
        database: true,
      });
      cases.push({
        name: UNCACHED_GET,
        url: persistedUncached.url,
        method: 'GET',
        pid: uncachedApi.child.pid!,
        database: true,
      });
    } else {
      const why =
        'missing' in persisted
          ? persisted.missing
          : 'missing' in persistedUncached
            ? persistedUncached.missing
            : '';
      console.log(`API: widget persisted GET — not available (${why})`);
    }
    cases.push({
      name: 'API: { __typename }, POST',
      url: api.url,
      method: 'POST',
      body: JSON.stringify({ query: '{ __typename }' }),
      pid: apiPid,
      database: true,
    });

    // Warm-up (JIT, connections, the database's caches), not counted.
    for (const c of cases) await measure(c, database.url, connections, 2);
    const results = new Map<string, Round[]>(cases.map((c) => [c.name, []]));
    const memory: string[] = [`idle ${mb(idle.rss)} MB (old generation ${mb(idle.oldSpace)} MB)`];
    for (let round = 1; round <= rounds; round++) {
      for (const c of cases) results.get(c.name)!.push(await measure(c, database.url, connections, seconds));
      const now = memoryOf(apiPid, memoryFile);
      memory.push(`after round ${round} ${mb(now.rss)} MB (old generation ${mb(now.oldSpace)} MB)`);
    }
    for (const server of baselines) await server.stop();

    console.log(
      `\n${connections} connections, ${rounds} rounds of ${seconds} s interleaved, medians; period ${period.from}…${period.to}\n`,
    );
    const medians = new Map([...results].map(([name, list]) => [name, medianRound(list)]));
    const rateOf = (name: string) => medians.get(name)!.rate;
    const mercuriusRate = rateOf(cases[1]!.name);
    const yogaRate = rateOf(cases[2]!.name);
    const header = [
      'case',
      'req/s',
      'p50 ms',
      'p99 ms',
      'server CPU µs/req',
      'PostgreSQL CPU µs/req',
      'load generator µs/req',
      '× mercurius',
      '× Yoga',
    ];
    const lines = cases.map((c) => {
      const m = medians.get(c.name)!;
      return [
        c.name,
        fmt(m.rate),
        fmt(m.p50, 1),
        fmt(m.p99, 1),
        fmt(m.serverMicros),
        c.database ? fmt(m.postgresMicros) : '—',
        fmt(m.clientMicros),
        (m.rate / mercuriusRate).toFixed(2),
        (m.rate / yogaRate).toFixed(2),
      ];
    });
    printTable(header, lines);
    for (const [name, list] of results) {
      const failures = list.reduce((sum, r) => sum + r.failures, 0);
      if (failures > 0) console.log(`!! ${name}: ${failures} errors or non-2xx answers`);
    }
    console.log(`\nAPI memory: ${memory.join(', ')}`);
    const postRate = rateOf(cases[3]!.name);
    console.log(`      uncached POST read (any client):   ${(postRate / yogaRate).toFixed(2)} × bare Yoga`);
    if ('url' in persisted) {
      const uncachedRate = rateOf(UNCACHED_GET);
      console.log(`goal  uncached read ≥ 0.5 × bare Yoga: ${(uncachedRate / yogaRate).toFixed(2)}`);
      const hitRate = rateOf('API: widget persisted GET, cache hit');
      console.log(`goal  cache hit ≥ 1.0 × mercurius:      ${(hitRate / mercuriusRate).toFixed(2)}`);
    }
  } finally {
    for (const extra of extraApis) await extra.stop();
    await api.stop();
    rmSync(memoryFile, { force: true });
    await database.drop();
  }
}

const UNCACHED_GET = 'API: widget persisted GET, uncached (RESPONSE_CACHE=off)';

/**
 * The bench database: seeded, `dossiers` generated over the last year (the reads bench's generator),
 * rollups rebuilt. PUBLIC_READS_DATABASE=<url>: a database prepared so before (by a run that
 * failed to drop it, or by hand), used as it is and kept — for profiling one change after another.
 */
async function prepareDatabase(dossiers: number): Promise<{ url: string; drop(): Promise<void> }> {
  const kept = process.env.PUBLIC_READS_DATABASE;
  const database = kept ? { url: kept, drop: async () => {} } : await benchDatabase();
  console.log(`machine: ${await describeMachine(database.url)}`);
  const db = await openDatabase({ url: database.url });
  const t0 = performance.now();
  if (!kept) {
    await seed(db, { dossiers: 0 });
    await generateDossiers(db.pool, dossiers);
    // The generator writes no events: mark its rows as folded, so that the API's start does not page
    // through them all looking for events to fold again (services/ingestion/refold.ts) and the idle
    // memory below is the API's own. Nothing else reads these columns of event-less rows.
    await db.pool.query(
      `UPDATE "Dossier" SET "openJudgements" = '[]', "counterDays" = '{"supplementRequests":[],"apologies":[]}'
        WHERE "openJudgements" IS NULL OR "counterDays" IS NULL`,
    );
    await rebuildRollups(db.pool);
    await db.pool.query('VACUUM ANALYZE');
  }
  const { rows } = await db.pool.query<{ dossiers: number; rollups: number; procedure: number }>(
    `SELECT (SELECT count(*)::int FROM "Dossier") AS dossiers, (SELECT count(*)::int FROM "DossierRollup") AS rollups,
            (SELECT count(*)::int FROM "DossierRollup" r JOIN "Procedure" p ON p.id = r."procedureId" WHERE p.code = $1) AS procedure`,
    [PROCEDURE],
  );
  await db.close();
  const { dossiers: n, rollups, procedure } = rows[0]!;
  console.log(
    `${fmt(n)} dossiers over the last year; ${fmt(rollups)} counter rollup rows, ${fmt(procedure)} of them for ${PROCEDURE}${kept ? ' (database kept from before)' : `; prepared in ${fmt((performance.now() - t0) / 1000, 1)} s`}`,
  );
  return database;
}

/** The widget's period (portal-plugin/src/satisfaction/period.ts): the last 12 months to today, Vietnam time. */
function lastTwelveMonths(now = new Date()): { from: string; to: string } {
  const today = new Date(now.getTime() + 7 * 3600 * 1000);
  const start = new Date(Date.UTC(today.getUTCFullYear() - 1, today.getUTCMonth(), today.getUTCDate() + 1));
  return { from: start.toISOString().slice(0, 10), to: today.toISOString().slice(0, 10) };
}

/**
 * The widget's persisted GET for the procedure page, once answered (so that the runs read the
 * cache), or why it cannot be measured yet.
 */
async function persistedRead(
  apiUrl: string,
  period: { from: string; to: string },
): Promise<{ url: string } | { missing: string }> {
  if (!existsSync(MANIFEST)) return { missing: `no ${path.relative(process.cwd(), MANIFEST)}` };
  const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as Record<string, string>;
  const entry = Object.entries(manifest).find(
    ([, text]) => /^query Dvc\w*Figures\b/.test(text) && text.includes('procedure('),
  );
  if (!entry) return { missing: 'no `query Dvc…Figures` entry on a procedure in the manifest' };
  const variables = { s: { procedureCode: PROCEDURE }, p: period, c: PROCEDURE };
  const url = `${apiUrl}?documentId=${encodeURIComponent(entry[0])}&variables=${encodeURIComponent(JSON.stringify(variables))}`;
  const text = await answer(url, 'GET');
  if (text.includes('"errors"') || !text.includes('"data"'))
    return { missing: `answered ${text.slice(0, 200)}` };
  return { url };
}

async function answer(url: string, method: 'GET' | 'POST', body?: string): Promise<string> {
  const response = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    ...(body ? { body } : {}),
  });
  const text = await response.text();
  if (!response.ok) return `HTTP ${response.status}: ${text}`;
  return text;
}

/** One autocannon run against a case, with the CPU its server (and PostgreSQL) spent meanwhile. */
async function measure(c: Case, databaseUrl: string, connections: number, seconds: number): Promise<Round> {
  const backends = c.database ? await backendPids(databaseUrl) : [];
  const before = {
    server: cpuSeconds(c.pid),
    postgres: new Map(backends.map((pid) => [pid, cpuSeconds(pid)])),
    client: process.cpuUsage(),
  };
  const result = await autocannon({
    url: c.url,
    method: c.method,
    connections,
    duration: seconds,
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    ...(c.body ? { body: c.body } : {}),
  });
  const client = process.cpuUsage(before.client);
  const server = cpuSeconds(c.pid) - before.server;
  let postgres = 0;
  if (c.database) {
    for (const pid of await backendPids(databaseUrl))
      postgres += cpuSeconds(pid) - (before.postgres.get(pid) ?? 0);
  }
  const answered = Math.max(1, result['2xx']);
  return {
    rate: result['2xx'] / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    serverMicros: (server * 1e6) / answered,
    postgresMicros: (postgres * 1e6) / answered,
    clientMicros: (client.user + client.system) / answered,
    failures: result.errors + result.non2xx,
  };
}

/** The round with the median rate, its other figures medians too (each on its own). */
function medianRound(list: Round[]): Round {
  const median = (pick: (r: Round) => number) => {
    const sorted = list.map(pick).sort((a, b) => a - b);
    return sorted[Math.floor((sorted.length - 1) / 2)]!;
  };
  return {
    rate: median((r) => r.rate),
    p50: median((r) => r.p50),
    p99: median((r) => r.p99),
    serverMicros: median((r) => r.serverMicros),
    postgresMicros: median((r) => r.postgresMicros),
    clientMicros: median((r) => r.clientMicros),
    failures: list.reduce((sum, r) => sum + r.failures, 0),
  };
}

/** The uncached read alone for `minutes`, the API's memory every 10 s. */
async function soak(
  api: ApiProcess,
  body: string,
  minutes: number,
  connections: number,
  memoryFile: string,
  idle: Memory,
): Promise<void> {
  const pid = api.child.pid!;
  console.log(
    `\nsoak: the uncached read for ${minutes} min, ${connections} connections; API memory every ${SOAK_SAMPLE_SECONDS} s`,
  );
  console.log(
    '   t s   req/s   RSS MB   heapUsed MB   old generation MB   young generation MB   external MB',
  );
  const samples: { t: number; m: Memory }[] = [];
  const line = (t: number, rate: number, m: Memory) =>
    console.log(
      `${String(t).padStart(6)} ${fmt(rate).padStart(7)} ${mb(m.rss).padStart(8)} ${mb(m.heapUsed).padStart(13)} ${mb(m.oldSpace).padStart(19)} ${mb(m.newSpace).padStart(21)} ${mb(m.external).padStart(13)}`,
    );
  line(0, 0, idle);
  const instance = autocannon({
    url: api.url,
    method: 'POST',
    connections,
    duration: minutes * 60,
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body,
  });
  let completed = 0;
  instance.on('tick', ({ counter }) => {
    completed += counter;
  });
  const started = performance.now();
  let sampled = 0;
  const timer = setInterval(() => {
    const t = Math.round((performance.now() - started) / 1000);
    const m = memoryOf(pid, memoryFile);
    samples.push({ t, m });
    line(t, completed / SOAK_SAMPLE_SECONDS, m);
    completed = 0;
    sampled += 1;
  }, SOAK_SAMPLE_SECONDS * 1000);
  const result = await instance;
  clearInterval(timer);
  console.log(
    `soak done: ${fmt(result['2xx'])} answers in ${fmt(result.duration)} s (${fmt(result['2xx'] / result.duration)} req/s), ${result.errors + result.non2xx} errors, ${sampled} samples`,
  );
  // Memory after the load, once the process had time to collect.
  await new Promise((resolve) => setTimeout(resolve, 20_000));
  line(Math.round((performance.now() - started) / 1000), 0, memoryOf(pid, memoryFile));
  // Levelled off, or growing? The trend of the second half (past the warm-up and the first full
  // collections): a leak keeps the old generation and the RSS rising at a steady rate.
  const half = samples.slice(Math.floor(samples.length / 2));
  if (half.length >= 3) {
    const perMinute = (pick: (m: Memory) => number) =>
      (slope(half.map((s) => [s.t, pick(s.m)])) * 60) / 2 ** 20;
    const range = (pick: (m: Memory) => number) =>
      `${mb(Math.min(...half.map((s) => pick(s.m))))}–${mb(Math.max(...half.map((s) => pick(s.m))))} MB`;
    console.log(
      `second half (${half[0]!.t}–${half[half.length - 1]!.t} s): old generation ${range((m) => m.oldSpace)}, trend ${fmt(
        perMinute((m) => m.oldSpace),
        2,
      )} MB/min; RSS ${range((m) => m.rss)}, trend ${fmt(
        perMinute((m) => m.rss),
        2,
      )} MB/min`,
    );
  }
}

/** Least-squares slope of y over x. */
function slope(points: [number, number][]): number {
  const n = points.length;
  const mx = points.reduce((sum, [x]) => sum + x, 0) / n;
  const my = points.reduce((sum, [, y]) => sum + y, 0) / n;
  const sxy = points.reduce((sum, [x, y]) => sum + (x - mx) * (y - my), 0);
  const sxx = points.reduce((sum, [x]) => sum + (x - mx) ** 2, 0);
  return sxx === 0 ? 0 : sxy / sxx;
}

interface Memory {
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  /** V8's old generation (with large objects and code), used bytes: what a leak grows. */
  oldSpace: number;
  /** V8's young generation, used bytes: recent garbage not yet collected. */
  newSpace: number;
}

/** RSS from /proc (now), the heap from the API's memory probe (at most a second old). */
function memoryOf(pid: number, memoryFile: string): Memory {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const rss = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
  try {
    const probe = JSON.parse(readFileSync(memoryFile, 'utf8')) as Memory;
    return { ...probe, rss };
  } catch {
    const unknown = Number.NaN;
    return {
      rss,
      heapUsed: unknown,
      heapTotal: unknown,
      external: unknown,
      oldSpace: unknown,
      newSpace: unknown,
    };
  }
}

const mb = (bytes: number) => fmt(bytes / 2 ** 20);

/** The backends serving the bench database, other than the one asking. */
async function backendPids(url: string): Promise<number[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ pid: number }>(
    `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
  );
  await client.end();
  return rows.map((r) => r.pid);
}

/** CPU seconds (user + system) of a process so far, from /proc (Linux); 0 once it is gone. */
function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

function printTable(header: string[], lines: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const row = (cells: string[]) =>
    `| ${cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join(' | ')} |`;
  console.log(row(header));
  console.log(`| ${widths.map((w, i) => (i === 0 ? '-'.repeat(w) : `${'-'.repeat(w - 1)}:`)).join(' | ')} |`);
  for (const l of lines) console.log(row(l));
}
