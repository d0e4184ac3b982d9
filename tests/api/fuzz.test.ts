// Fuzzing the public API over real HTTP: 10,000 requests generated from the schema (valid,
// near-valid and hostile operations and variables, damaged documents, broken bodies, every mutation
// with the callers it is meant for and others), against a seeded API. The API is public, so no
// request — however malformed — may get HTTP 500, INTERNAL_SERVER_ERROR, an error without a code or
// an answer that is not JSON (docs/limits.md §6), nor slow the API down for everybody else: a side
// client asks a small query every 100 ms throughout and its p99 is bounded.
//
// Two API instances share one seeded database (as several instances do in production, each
// counting its own limits without Redis):
// - `main` has budgets too large to reach, so the fuzz traffic is judged on its content, not refused
//   for its volume (8,500 requests, 8 at a time);
// - `strict` has the default budgets, and gets 1,700 requests mostly anonymous from one address:
//   there 429 RATE_LIMITED is expected — and must itself follow the contract.
//
// Deterministic: the requests depend only on the seed, the schema and the seed data (the printed
// fingerprint). Replay a failure with FUZZ_SEED=<seed> FUZZ_ONLY=main:12,strict:3; add FUZZ_SHRINK=1
// to have fast-check shrink each failure class to a smaller request; LOG_LEVEL=error shows the
// server's log lines (stack traces of INTERNAL_SERVER_ERROR).
import { createHash } from 'node:crypto';
import { createApiKey, loadLimits, type RunningApi, schema, startApi } from '@tthc/api';
import type { ApiScope } from '@tthc/db';
import fc from 'fast-check';
import { printSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApi } from '../support/api.ts';
import { fuzzRequests } from '../support/fuzz-requests.ts';
import {
  type Answer,
  abbreviate,
  classOf,
  codesOf,
  describeAnswer,
  describeRequest,
  inPool,
  payloadOutcomes,
  percentile,
  send,
  tally,
  violations,
} from '../support/fuzz-run.ts';
import { type AuthKind, type FuzzRequest, type Hints, SchemaFuzz } from '../support/graphql-fuzz.ts';
import { startSeededApi } from '../support/seeded.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_127);
const MAIN_RUNS = Number(process.env.FUZZ_MAIN_RUNS ?? 8_500);
const STRICT_RUNS = Number(process.env.FUZZ_STRICT_RUNS ?? 1_700);
const CONCURRENCY = Number(process.env.FUZZ_CONCURRENCY ?? 8);
/** FUZZ_ONLY=main:12,strict:3 — send only these requests (replay). */
const ONLY = parseOnly(process.env.FUZZ_ONLY);
const SHRINK = process.env.FUZZ_SHRINK === '1';
/** Shrinking replays requests one at a time, up to a minute per failure class. */
const TIMEOUT_MS = SHRINK ? 1_800_000 : 240_000;

/**
 * The side client's p99 must stay under this. Measured on the 2-core machines this suite runs on,
 * shared with other jobs (load average 2–4 while measuring): with the API idle, the query takes
 * p50 10 ms, p99 30 ms; under the fuzz traffic (8 requests in flight, in the same process as the
 * API), p50 55–75 ms and p99 220–1,020 ms over nine runs. 2.5 s is 2.5× the worst p99 seen: it
 * absorbs a busier neighbour, yet one request that blocks the event loop (a catastrophic regular
 * expression, a synchronous walk of a huge input, validation gone exponential) holds every other
 * request for its whole duration and shows up here at once.
 */
const SIDE_P99_BOUND_MS = 2_500;
const SIDE_QUERY = '{ procedures(first: 5) { edges { node { code } } } }';

/** Larger than anything the fuzz can spend in a minute. */
const UNREACHABLE = 100_000_000;

let main: TestApi;
let strict: RunningApi;
let mainAuth: Record<AuthKind, Record<string, string>>;
let strictAuth: Record<AuthKind, Record<string, string>>;
let fuzz: SchemaFuzz;
let fingerprint: string;

beforeAll(async () => {
  const defaults = loadLimits({});
  const generous = { requestsPerMinute: UNREACHABLE, costPerMinute: UNREACHABLE };
  main = await startSeededApi(200, {
    limits: {
      ...defaults,
      // The per-operation ceilings stay the defaults: QUERY_TOO_COMPLEX is part of what is fuzzed.
      anonymous: { ...defaults.anonymous, ...generous },
      apiKey: { ...defaults.apiKey, ...generous },
      session: { ...defaults.session, ...generous },
      // signIn is fuzzed too: its attempts per username and per IP would otherwise be spent.
      signInPerUsername: UNREACHABLE,
      signInPerIp: UNREACHABLE,
    },
    // Otherwise nearly every submitRating would stop at the per-IP limit (30/min) before its token
    // is even read.
    ratingLimitPerIpPerMinute: UNREACHABLE,
    ratingLimitPerDossierPerMinute: UNREACHABLE,
  });
  strict = await startApi({
    port: 0,
    host: '127.0.0.1',
    databaseUrl: main.api.services.db.url,
    redisUrl: undefined,
    seedOnEmpty: false,
    env: 'test',
    logLevel: process.env.LOG_LEVEL ?? 'warn',
  });
  mainAuth = await authHeaders(main, UNREACHABLE);
  strictAuth = await authHeaders(main, undefined); // a key's own limit: the default 600/min
  const hints = await loadHints(main, mainAuth.read);
  fuzz = new SchemaFuzz(schema, hints);
  fingerprint = createHash('sha256')
    .update(printSchema(schema))
    .update(JSON.stringify(hints))
    .digest('hex')
    .slice(0, 12);
});

afterAll(async () => {
  await strict?.stop();
  await main?.close();
});

describe('the oracle itself', () => {
  // The fuzz is only as good as its judge: it must reject each kind of bad answer.
  const answer = (status: number, body: unknown, extra: Partial<Answer> = {}): Answer => {
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {}
    return { status, contentType: 'application/json', retryAfter: null, text, json, ms: 1, ...extra };
  };
  const kinds = (a: Answer) => violations(a).map((v) => v.kind);

  it('accepts answers that follow the contract', () => {
    expect(kinds(answer(200, { data: { viewer: { kind: 'anonymous' } } }))).toEqual([]);
    expect(
      kinds(answer(400, { errors: [{ message: 'x', extensions: { code: 'QUERY_TOO_DEEP' } }] })),
    ).toEqual([]);
    expect(
      kinds(
        answer(
          429,
          { errors: [{ message: 'x', extensions: { code: 'RATE_LIMITED' } }] },
          { retryAfter: '3' },
        ),
      ),
    ).toEqual([]);
    expect(kinds(answer(503, { errors: [{ message: 'x', extensions: { code: 'QUERY_TIMEOUT' } }] }))).toEqual(
      [],
    );
  });

  it('rejects each kind of answer that breaks it', () => {
    const err = (code?: string) => ({
      errors: [{ message: 'x', ...(code ? { extensions: { code } } : {}) }],
    });
    expect(kinds(answer(500, err('INTERNAL_SERVER_ERROR')))).toEqual(['HTTP_500', 'INTERNAL_SERVER_ERROR']);
    expect(kinds(answer(200, { data: null, ...err() }))).toEqual(['ERROR_WITHOUT_CODE']);
    expect(kinds(answer(406, ''))).toEqual(['NOT_JSON']);
    expect(kinds(answer(502, err('BAD_GATEWAY')))).toEqual(['HTTP_5XX_UNDOCUMENTED']);
    expect(kinds(answer(429, err('RATE_LIMITED')))).toEqual([
      'HTTP_429_WITHOUT_RATE_LIMITED_AND_RETRY_AFTER',
    ]);
    expect(kinds(answer(400, {}))).toEqual(['ERROR_STATUS_WITHOUT_ERRORS']);
    expect(kinds(answer(200, err('X'), { text: 'Error: x\n    at f (/app/src/a.ts:1:2)' }))).toContain(
      'STACK_TRACE',
    );
    expect(kinds({ ...answer(0, ''), error: 'ECONNRESET' })).toEqual(['NO_ANSWER']);
  });
});

describe('fuzz over HTTP', () => {
  it(
    `${MAIN_RUNS} generated requests with unreachable budgets: no 500, every error coded, JSON always; a side client stays fast`,
    async () => {
      const arbitrary = fuzzRequests(fuzz);
      const generated = performance.now();
      const requests = fc.sample(arbitrary, { seed: SEED, numRuns: MAIN_RUNS });
      const generationMs = performance.now() - generated;

      const side = sideClient(main.url, mainAuth.read);
      const run = await runAll('main', main.url, requests, mainAuth);
      const sideResult = await side.stop();

      const sorted = [...sideResult.samples].sort((a, b) => a - b);
      const p50 = percentile(sorted, 50);
      const p99 = percentile(sorted, 99);
      console.log(
        `side client (${SIDE_QUERY}, every 100 ms): ${sorted.length} answers, p50 ${Math.round(p50)} ms, ` +
          `p99 ${Math.round(p99)} ms, max ${Math.round(sorted.at(-1) ?? 0)} ms (bound: p99 < ${SIDE_P99_BOUND_MS} ms)` +
          (sideResult.failures.length
            ? `; ${sideResult.failures.length} failed: ${sideResult.failures.slice(0, 3).join(' | ')}`
            : ''),
      );
      await report('main', run, generationMs, arbitrary, main.url, mainAuth);

      // Soft: every check is reported, not only the first that fails.
      expect.soft(classesOf(run), failureMessage('main', run)).toEqual([]);
      // The budgets were meant to be out of reach: a 429 here would mean the fuzz was refused unjudged.
      expect.soft(run.answers.filter((a) => a?.status === 429).length).toBe(0);
      expect.soft(sideResult.failures).toEqual([]);
      if (!ONLY) {
        expect.soft(sorted.length).toBeGreaterThan(50);
        expect.soft(p99).toBeLessThan(SIDE_P99_BOUND_MS);
      }
    },
    TIMEOUT_MS,
  );

  it(
    `${STRICT_RUNS} generated requests with the default budgets: 429 RATE_LIMITED comes, and follows the contract too`,
    async () => {
      // Mostly anonymous from one address (600 operations and 20,000 points a minute), some with a key
      // of the default limit; the rest keep the caller they were generated with.
      const arbitrary = fc
        .tuple(
          fuzzRequests(fuzz),
          fc.oneof(
            { arbitrary: fc.constant<AuthKind | undefined>('none'), weight: 80 },
            { arbitrary: fc.constant<AuthKind | undefined>('read'), weight: 10 },
            { arbitrary: fc.constant<AuthKind | undefined>(undefined), weight: 10 },
          ),
        )
        .map(([req, auth]): FuzzRequest => (auth && req.path === '/graphql' ? { ...req, auth } : req));
      const generated = performance.now();
      const requests = fc.sample(arbitrary, { seed: SEED + 1, numRuns: STRICT_RUNS });
      const generationMs = performance.now() - generated;

      const run = await runAll('strict', strict.url, requests, strictAuth);
      await report('strict', run, generationMs, arbitrary, strict.url, strictAuth, SEED + 1);

      expect.soft(classesOf(run), failureMessage('strict', run)).toEqual([]);
      if (!ONLY) {
        // More anonymous operations than two fixed minutes let through (the slice takes seconds, so
        // it spans at most two windows): some must be refused, even before the cost window (20,000
        // points a minute) refuses most of them.
        const anonymous = requests.filter((r) => r.auth === 'none' && r.path === '/graphql').length;
        expect(anonymous).toBeGreaterThan(2 * loadLimits({}).anonymous.requestsPerMinute);
        expect(run.ms).toBeLessThan(60_000);
        expect.soft(run.answers.filter((a) => a?.status === 429).length).toBeGreaterThan(0);
      }
    },
    TIMEOUT_MS,
  );

  it('both instances are still up and ready', async () => {
    for (const url of [main.url, strict.url]) {
      const origin = new URL(url).origin;
      expect((await fetch(`${origin}/healthz`)).status).toBe(200);
      expect((await fetch(`${origin}/readyz`)).status).toBe(200);
    }
  });
});

// ---------------------------------------------------------------------------------------------

interface Failure {
  index: number;
  cls: string;
}

interface Run {
  requests: FuzzRequest[];
  /** Sparse when FUZZ_ONLY selects some requests. */
  answers: (Answer | undefined)[];
  failures: Failure[];
  ms: number;
  sent: number;
}

async function runAll(
  slice: string,
  url: string,
  requests: FuzzRequest[],
  auth: Record<AuthKind, Record<string, string>>,
): Promise<Run> {
  const indices = ONLY ? (ONLY.get(slice) ?? []) : requests.map((_, i) => i);
  const answers: (Answer | undefined)[] = new Array(requests.length);
  const started = performance.now();
  await inPool(indices, CONCURRENCY, async (i) => {
    const req = requests[i]!;
    answers[i] = await send(url, req, auth[req.auth]);
  });
  const failures: Failure[] = [];
  for (const i of indices) {
    const classes = new Set(violations(answers[i]!).map((v) => classOf(v, answers[i]!, requests[i]!)));
    for (const cls of classes) failures.push({ index: i, cls });
  }
  return { requests, answers, failures, ms: performance.now() - started, sent: indices.length };
}

async function report(
  slice: string,
  run: Run,
  generationMs: number,
  arbitrary: fc.Arbitrary<FuzzRequest>,
  url: string,
  auth: Record<AuthKind, Record<string, string>>,
  seed = SEED,
): Promise<void> {
  const answered = run.answers.filter((a): a is Answer => a !== undefined);
  const lines = [
    `fuzz ${slice}: ${run.sent} requests in ${(run.ms / 1000).toFixed(1)} s = ${Math.round(run.sent / (run.ms / 1000))}/s ` +
      `(${CONCURRENCY} at a time; generated in ${Math.round(generationMs)} ms; seed ${seed}, fingerprint ${fingerprint})`,
    `  by status: ${tally(answered.map((a) => (a.error ? 'no answer' : String(a.status))))
      .map(([k, n]) => `${k} × ${n}`)
      .join(', ')}`,
    `  by code: ${tally(answered.flatMap((a) => [...new Set(codesOf(a))]))
      .map(([k, n]) => `${k} × ${n}`)
      .join(', ')}`,
    `  by generator: ${tally(ONLY ? [] : run.requests.map((r) => r.label.split('/').slice(0, 2).join('/')))
      .map(([k, n]) => `${k} × ${n}`)
      .join(', ')}`,
    `  mutation payloads: ${tally(answered.flatMap(payloadOutcomes))
      .map(([k, n]) => `${k} × ${n}`)
      .join(', ')}`,
    `  slowest: ${run.answers
      .flatMap((a, i) => (a ? [[a.ms, i] as const] : []))
      .sort((x, y) => y[0] - x[0])
      .slice(0, 3)
      .map(([ms, i]) => `${Math.round(ms)} ms (${run.requests[i]?.label})`)
      .join(', ')}`,
    `  failures: ${run.failures.length} in ${new Set(run.failures.map((f) => f.cls)).size} classes`,
  ];
  console.log(lines.join('\n'));
  if (SHRINK && run.failures.length) await shrinkAll(slice, run, arbitrary, url, auth, seed);
}

/** The failure classes of a run, each once. */
const classesOf = (run: Run) => [...new Set(run.failures.map((f) => f.cls))];

/** Each failure class once, with its first request and answer, and how to replay them all. */
function failureMessage(slice: string, run: Run, seed = slice === 'main' ? SEED : SEED + 1): string {
  const classes = new Map<string, Failure[]>();
  for (const f of run.failures) classes.set(f.cls, [...(classes.get(f.cls) ?? []), f]);
  const parts = [...classes].map(([cls, fs]) => {
    const first = fs[0]!;
    return [
      `● ${cls}  × ${fs.length}  (${slice}:${fs
        .slice(0, 8)
        .map((f) => f.index)
        .join(',')}${fs.length > 8 ? ',…' : ''})`,
      `  ${describeRequest(run.requests[first.index]!)}`,
      `  → ${describeAnswer(run.answers[first.index]!)}`,
    ].join('\n');
  });
  const firsts = [...classes.values()].map((fs) => `${slice}:${fs[0]!.index}`).join(',');
  return [
    `${slice}: ${run.failures.length} contract violations in ${classes.size} classes`,
    ...parts,
    `replay: FUZZ_SEED=${slice === 'main' ? seed : seed - 1} FUZZ_ONLY=${firsts} LOG_LEVEL=error npx vitest run api/fuzz.test.ts` +
      ` (same schema and seed data: fingerprint ${fingerprint}); add FUZZ_SHRINK=1 to shrink`,
  ].join('\n');
}

/** fast-check replays each class's first request (seed + path) and shrinks it, as long as it still fails alike. */
async function shrinkAll(
  slice: string,
  run: Run,
  arbitrary: fc.Arbitrary<FuzzRequest>,
  url: string,
  auth: Record<AuthKind, Record<string, string>>,
  seed: number,
): Promise<void> {
  const seen = new Set<string>();
  for (const f of run.failures) {
    if (seen.has(f.cls)) continue;
    seen.add(f.cls);
    const result = await fc.check(
      fc.asyncProperty(arbitrary, async (req) => {
        const a = await send(url, req, auth[req.auth]);
        return !violations(a).some((v) => classOf(v, a, req) === f.cls);
      }),
      { seed, path: String(f.index), numRuns: 1, interruptAfterTimeLimit: 60_000 },
    );
    const smallest = result.counterexample?.[0];
    console.log(
      `shrunk ${slice}:${f.index} [${f.cls}] in ${result.numShrinks} steps:\n  ${
        smallest ? describeRequest(smallest) : '(did not fail again)'
      }\n  → ${smallest ? describeAnswer(await send(url, smallest, auth[smallest.auth])) : ''}`,
    );
  }
}

/** Asks SIDE_QUERY every 100 ms until stopped; the latency of each answer, and what went wrong. */
function sideClient(url: string, headers: Record<string, string>) {
  const samples: number[] = [];
  const failures: string[] = [];
  const pending = new Set<Promise<void>>();
  const ask = async () => {
    const started = performance.now();
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
        body: JSON.stringify({ query: SIDE_QUERY }),
      });
      const body = (await res.json()) as { data?: { procedures?: { edges?: unknown[] } }; errors?: unknown };
      samples.push(performance.now() - started);
      if (res.status !== 200 || body.errors || body.data?.procedures?.edges?.length !== 5) {
        failures.push(`HTTP ${res.status} ${JSON.stringify(abbreviate(body))}`);
      }
    } catch (err) {
      failures.push(String(err));
    }
  };
  const timer = setInterval(() => {
    const p = ask().finally(() => pending.delete(p));
    pending.add(p);
  }, 100);
  return {
    async stop() {
      clearInterval(timer);
      await Promise.all(pending);
      return { samples, failures };
    },
  };
}

/** The Authorization header of each kind of caller; keys with `rateLimitPerMinute` (undefined: the default). */
async function authHeaders(
  t: TestApi,
  rateLimitPerMinute: number | undefined,
): Promise<Record<AuthKind, Record<string, string>>> {
  const scoped = (
    await t.api.services.db.pool.query<{ code: string }>(
      `SELECT code FROM "Agency" WHERE "parentId" = (SELECT id FROM "Agency" WHERE code = '56' ORDER BY id LIMIT 1) ORDER BY code LIMIT 1`,
    )
  ).rows[0]?.code;
  const key = async (scopes: ApiScope[], agencyCode?: string) => {
    const created = await createApiKey(
      t.api.services.prisma,
      {
        name: `fuzz ${scopes.join('+')}${agencyCode ? ` ${agencyCode}` : ''}`,
        scopes,
        ...(agencyCode ? { agencyCode } : {}),
      },
      'TEST',
    );
    // Above what createApiKey accepts from an administrator (100,000/min): set behind its back.
    if (rateLimitPerMinute) {
      await t.api.services.db.pool.query('UPDATE "ApiKey" SET "rateLimitPerMinute" = $1 WHERE id = $2', [
        rateLimitPerMinute,
        created.id,
      ]);
    }
    return { authorization: `Bearer ${created.key}` };
  };
  return {
    none: {},
    read: await key(['READ']),
    ingest: await key(['INGEST']),
    admin: await key(['ADMIN']),
    all: await key(['READ', 'INGEST', 'ADMIN']),
    scoped: await key(['READ', 'INGEST', 'ADMIN'], scoped ?? '56'),
    badMalformed: { authorization: 'Bearer not-a-key' },
    badUnknown: { authorization: `Bearer tthc_000000000000_${'A'.repeat(43)}` },
    badBasic: { authorization: 'Basic dXNlcjpwYXNzd29yZA==' },
    badHuge: { authorization: `Bearer tthc_${'x'.repeat(8_000)}` },
    badEmpty: { authorization: '' },
  };
}

/** Codes, IDs and cursors of the seeded database, in a fixed order (so generation is reproducible). */
async function loadHints(t: TestApi, read: Record<string, string>): Promise<Hints> {
  const codes = async (sql: string) =>
    (await t.api.services.db.pool.query<{ code: string }>(sql)).rows.map((r) => r.code);
  const agencies = await codes(`SELECT DISTINCT code FROM "Agency" ORDER BY code LIMIT 40`);
  const page = await t.gql<{
    agencies: { edges: { cursor: string; node: { id: string } }[] };
    procedures: { edges: { cursor: string; node: { id: string } }[] };
  }>(
    '{ agencies(first: 4) { edges { cursor node { id } } } procedures(first: 4) { edges { cursor node { id } } } }',
    {},
    read,
  );
  const edges = [...(page.data?.agencies.edges ?? []), ...(page.data?.procedures.edges ?? [])];
  return {
    // Khánh Hòa first: the hostile documents nest under the first agency.
    agency: ['56', ...agencies.filter((c) => c !== '56')],
    procedure: await codes(`SELECT code FROM "Procedure" ORDER BY code LIMIT 40`),
    dossier: await codes(`SELECT code FROM "Dossier" ORDER BY code LIMIT 40`),
    sector: await codes(`SELECT code FROM "Sector" ORDER BY code LIMIT 20`),
    questionnaire: await codes(`SELECT DISTINCT code FROM "Questionnaire" ORDER BY code`),
    question: await codes(`SELECT DISTINCT code FROM "SurveyQuestion" ORDER BY code LIMIT 40`),
    nodeId: edges.map((e) => e.node.id),
    cursor: edges.map((e) => e.cursor),
  };
}

function parseOnly(raw: string | undefined): Map<string, number[]> | undefined {
  if (!raw) return undefined;
  const only = new Map<string, number[]>();
  for (const item of raw.split(',')) {
    const [slice, index] = item.split(':');
    if (!slice || index === undefined) throw new Error(`FUZZ_ONLY: "${item}" is not slice:index`);
    only.set(slice, [...(only.get(slice) ?? []), Number(index)]);
  }
  return only;
}
