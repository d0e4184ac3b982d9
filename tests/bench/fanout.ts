// `npm run bench -- fanout [--subscribers 10000] [--rounds 20] [--batch 500]`: N WebSocket clients
// subscribe to statsChanged of one procedure over a month on one API process (with variables, as the
// widget's generated documents do); each round records one dossier of that procedure through HTTP and
// measures the time from the mutation's response until the LAST subscriber has the new figures, the
// server's CPU per delivered message (/proc/<pid>/stat), and its memory per connection (VmRSS before
// and after connecting, over N). The baseline, in the same run and measured the same way: a bare
// graphql-ws server (graphql-ws/use/ws, a three-field subscription fed by in-memory listeners,
// published by an HTTP POST) in a child process of its own. Node flags: API_NODE_ARGS for the API
// (api-process.ts), BASELINE_NODE_ARGS for the baseline. With 20 rounds, p99 is the slowest round.
//
// The clients speak graphql-transport-ws directly over `ws` rather than through graphql-ws's client:
// the bench process handles N messages per round on one core, and a lean client keeps that cost
// (which both sides pay alike) small next to the server's.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import { seed } from '@tthc/api/seed';
import { openDatabase } from '@tthc/db';
import WebSocket from 'ws';
import { PRODUCTION_NODE_ARGS, startApiProcess } from './api-process.ts';
import { benchDatabase, describeMachine, fmt, option, percentile } from './support.ts';

const FIELDS = 'received finished onTimeRate';
const PROCEDURE = '1.001193'; // đăng ký khai sinh
const COMMUNE = '22873'; // Xã Phước Hậu
const WARMUP_ROUNDS = 2;
/** Rounds start at least this far apart, so the API's per-topic coalescing (250 ms) never merges two. */
const ROUND_SPACING_MS = 1000;

/** A server under test: where clients subscribe, and how to make it publish the next figures. */
interface Target {
  name: string;
  wsUrl: string;
  pid: number;
  /** The subscribe message's payload: the document and its variables. */
  subscription: { query: string; variables?: Record<string, unknown> };
  /** Makes the server publish; resolves when the HTTP response is complete. */
  trigger(): Promise<void>;
  /** The `received` figure every subscriber must reach after the latest trigger. */
  expected(): number;
  stop(): Promise<void>;
}

interface Result {
  subscribers: number;
  latencies: number[];
  p50: number;
  p99: number;
  bytesPerConnection: number;
  connectSeconds: number;
  /** Server CPU (user + system) per delivered message, from trigger to last delivery. */
  cpuMicrosPerMessage: number;
}

export async function run(args: string[]): Promise<void> {
  const subscribers = option(args, 'subscribers', 10_000);
  const rounds = option(args, 'rounds', 20);
  const batch = option(args, 'batch', 500);
  const database = await benchDatabase();
  const db = await openDatabase({ url: database.url });
  await seed(db, { dossiers: 0 });
  const { createApiKey } = await import('@tthc/api');
  const { key } = await createApiKey(
    db.prisma,
    { name: 'bench fanout', scopes: ['INGEST'], rateLimitPerMinute: 100_000 },
    'BENCH',
  );
  await db.close();
  console.log(`machine: ${await describeMachine(database.url)}`);
  const pubsub = process.env.REDIS_URL ? 'through Redis (REDIS_URL)' : 'in memory';
  const flags = ['API_NODE_ARGS', 'BASELINE_NODE_ARGS'].map((name) =>
    process.env[name] ? `; ${name}=${process.env[name]}` : '',
  );
  console.log(
    `${fmt(subscribers)} subscribers (batches of ${batch}), ${rounds} rounds ≥ ${ROUND_SPACING_MS} ms apart; latency = mutation/publish HTTP response → last subscriber; API pubsub ${pubsub}${flags.join('')}\n`,
  );

  const baseline = await measure(await startBaseline(), subscribers, rounds, batch);
  report('baseline  bare graphql-ws', baseline);
  const project = await measure(await startProject(database.url, key), subscribers, rounds, batch);
  report('project   API statsChanged', project);

  const ratio = (f: (r: Result) => number) => (f(project) / f(baseline)).toFixed(2);
  console.log(
    '\n| server | subscribers | last delivery p50 | p99 | memory / connection | server CPU / message |',
  );
  console.log('|---|---|---|---|---|---|');
  for (const [name, r] of [
    ['bare graphql-ws (baseline)', baseline],
    ['API statsChanged', project],
  ] as const) {
    console.log(
      `| ${name} | ${fmt(r.subscribers)} | ${fmt(r.p50)} ms | ${fmt(r.p99)} ms | ${fmt(r.bytesPerConnection / 1024, 1)} KB | ${fmt(r.cpuMicrosPerMessage)} µs |`,
    );
  }
  console.log(
    `| ratio project / baseline | | ${ratio((r) => r.p50)} | ${ratio((r) => r.p99)} | ${ratio((r) => r.bytesPerConnection)} | ${ratio((r) => r.cpuMicrosPerMessage)} |`,
  );
  console.log(
    `\ntargets: p99 ≤ 1.3 × baseline (${(project.p99 / baseline.p99).toFixed(2)}) and < 500 ms (${fmt(project.p99)}), memory ≤ 1.5 × baseline (${(project.bytesPerConnection / baseline.bytesPerConnection).toFixed(2)})`,
  );
  await database.drop();
}

function report(label: string, r: Result): void {
  console.log(
    `${label}: connected in ${fmt(r.connectSeconds, 1)} s; last delivery p50 ${fmt(r.p50)} ms, p99 ${fmt(r.p99)} ms; ${fmt(r.bytesPerConnection / 1024, 1)} KB per connection; server CPU ${fmt(r.cpuMicrosPerMessage)} µs per message`,
  );
  console.log(`          rounds (ms): ${r.latencies.map((ms) => fmt(ms)).join(' ')}`);
}

async function measure(target: Target, n: number, rounds: number, batch: number): Promise<Result> {
  try {
    // One connection first, so what every server allocates once (schema caches, pools, JIT) is not
    // counted as per-connection memory.
    const warm = await connectAll(target, 1, 1);
    await settle();
    const before = rss(target.pid);
    const t0 = performance.now();
    const clients = await connectAll(target, n, batch);
    const connectSeconds = (performance.now() - t0) / 1000;
    await settle();
    const bytesPerConnection = (rss(target.pid) - before) / n;

    const latencies: number[] = [];
    let cpuMs = 0;
    for (let round = 0; round < WARMUP_ROUNDS + rounds; round++) {
      const started = performance.now();
      for (const client of clients) client.arrivedAt = undefined;
      const cpuBefore = cpuTime(target.pid);
      await target.trigger();
      const responded = performance.now();
      const expected = target.expected();
      const last = await lastDelivery(clients, expected, 60_000);
      if (round >= WARMUP_ROUNDS) {
        latencies.push(last - responded);
        cpuMs += cpuTime(target.pid) - cpuBefore;
      }
      const wait = started + ROUND_SPACING_MS - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    }
    for (const client of [...warm, ...clients]) client.socket.terminate();
    return {
      subscribers: n,
      latencies,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      bytesPerConnection,
      connectSeconds,
      cpuMicrosPerMessage: (cpuMs * 1000) / (rounds * n),
    };
  } finally {
    await target.stop();
  }
}

interface Client {
  socket: WebSocket;
  value: number;
  /** When the figure of the current round arrived (performance.now()). */
  arrivedAt: number | undefined;
  expected: number;
}

/** Opens `n` subscriptions, `batch` at a time; each is ready when its first figures arrived. */
async function connectAll(target: Target, n: number, batch: number): Promise<Client[]> {
  const clients: Client[] = [];
  for (let start = 0; start < n; start += batch) {
    const size = Math.min(batch, n - start);
    clients.push(...(await Promise.all(Array.from({ length: size }, () => subscribe(target)))));
  }
  return clients;
}

function subscribe(target: Target): Promise<Client> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(target.wsUrl, 'graphql-transport-ws', { perMessageDeflate: false });
    const client: Client = { socket, value: Number.NaN, arrivedAt: undefined, expected: Number.NaN };
    const timer = setTimeout(
      () => reject(new Error(`${target.name}: subscription not ready in 60 s`)),
      60_000,
    );
    socket.on('open', () => socket.send('{"type":"connection_init"}'));
    socket.on('error', (err) => reject(err));
    socket.on('message', (data) => {
      const message = JSON.parse(data.toString()) as {
        type: string;
        payload?: { data?: { statsChanged: { received: number } }; errors?: unknown };
      };
      if (message.type === 'next') {
        const received = message.payload?.data?.statsChanged.received;
        if (received === undefined) {
          reject(new Error(`${target.name}: ${JSON.stringify(message.payload)}`));
          return;
        }
        client.value = received;
        if (received === client.expected) client.arrivedAt = performance.now();
        clearTimeout(timer);
        resolve(client);
      } else if (message.type === 'connection_ack') {
        socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: target.subscription }));
      } else if (message.type === 'ping') {
        socket.send('{"type":"pong"}');
      } else if (message.type === 'error') {
        reject(new Error(`${target.name}: ${JSON.stringify(message.payload)}`));
      }
    });
  });
}

/** Resolves with the time the last client got `expected`; polls (the clients share this event loop). */
async function lastDelivery(clients: Client[], expected: number, timeoutMs: number): Promise<number> {
  for (const client of clients) {
    client.expected = expected;
    if (client.value === expected) client.arrivedAt = performance.now();
  }
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    let last = 0;
    let missing = 0;
    for (const client of clients) {
      if (client.arrivedAt === undefined) missing += 1;
      else last = Math.max(last, client.arrivedAt);
    }
    if (missing === 0) return last;
    if (performance.now() > deadline) throw new Error(`${missing} subscribers never got ${expected}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Lets the server finish allocating for what just happened before its memory is read. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 2000));

/** CPU time (user + system) a process has used so far, in ms (/proc/<pid>/stat, 100 Hz ticks). */
function cpuTime(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

function rss(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /VmRSS:\s+(\d+) kB/.exec(status);
  if (!kb) throw new Error(`no VmRSS for ${pid}`);
  return Number(kb[1]) * 1024;
}

function post(url: string, body: string, headers: Record<string, string> = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
    });
    req.on('error', reject);
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () =>
        res.statusCode === 200 ? resolve(text) : reject(new Error(`${res.statusCode}: ${text}`)),
      );
    });
    req.end(body);
  });
}

/** Last month: always past, whatever today is. */
function lastMonth(): { from: string; to: string; mid: Date } {
  const now = new Date();
  const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  const last = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 0));
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  return { from: iso(first), to: iso(last), mid: new Date(`${iso(first).slice(0, 8)}15T09:00:00+07:00`) };
}

async function startProject(databaseUrl: string, key: string): Promise<Target> {
  const api = await startApiProcess(databaseUrl);
  const { from, to, mid } = lastMonth();
  const record = `mutation($events: [DossierEventInput!]!) { recordDossierEvents(events: $events) { accepted errors { code message } } }`;
  let recorded = 0;
  return {
    name: 'API',
    wsUrl: api.url.replace('http', 'ws'),
    pid: api.child.pid!,
    // With variables, as the widget's generated documents send it.
    subscription: {
      query: `subscription ($scope: StatsScope!, $period: PeriodInput!) { statsChanged(scope: $scope, period: $period) { ${FIELDS} } }`,
      variables: { scope: { procedureCode: PROCEDURE }, period: { from, to } },
    },
    trigger: async () => {
      recorded += 1;
      const events = [
        {
          dossierCode: `FANOUT-${process.pid}-${recorded}`,
          procedureCode: PROCEDURE,
          agencyCode: COMMUNE,
          channel: 'IN_PERSON',
          status: 'RECEIVED',
          occurredAt: new Date(mid.getTime() + recorded * 60_000).toISOString(),
          sequence: 1,
        },
      ];
      const text = await post(api.url, JSON.stringify({ query: record, variables: { events } }), {
        authorization: `Bearer ${key}`,
      });
      if (!text.includes('"accepted":1')) throw new Error(`not accepted: ${text}`);
    },
    expected: () => recorded,
    stop: api.stop,
  };
}

async function startBaseline(): Promise<Target> {
  // BASELINE_NODE_ARGS: Node flags for the baseline server, as API_NODE_ARGS for the API (api-process.ts).
  // The same production settings as the API process, so both servers run alike.
  const nodeArgs = [
    ...PRODUCTION_NODE_ARGS,
    ...(process.env.BASELINE_NODE_ARGS ?? '').split(' ').filter(Boolean),
  ];
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', fileURLToPath(import.meta.url)], {
    env: { ...process.env, FANOUT_ROLE: 'baseline-server' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /"port":(\d+)/.exec(output);
      if (match) resolve(Number(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`baseline server exited with ${code}: ${output}`)));
  });
  child.stdout!.resume();
  let published = 0;
  return {
    name: 'baseline',
    wsUrl: `ws://127.0.0.1:${port}/graphql`,
    pid: child.pid!,
    subscription: { query: `subscription { statsChanged { ${FIELDS} } }` },
    trigger: async () => {
      published += 1;
      await post(`http://127.0.0.1:${port}/publish`, JSON.stringify({ received: published }));
    },
    expected: () => published,
    stop: () => stopChild(child),
  };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  await exited;
}

/**
 * The baseline server (run in its own process): graphql-ws over `ws`, a schema of one subscription
 * field fed by an EventEmitter, the current figures first (as statsChanged does), and
 * POST /publish to publish new ones.
 */
async function serveBaseline(): Promise<void> {
  const graphql = await import('graphql');
  const { useServer } = await import('graphql-ws/use/ws');
  const { WebSocketServer } = await import('ws');
  type Stats = { received: number; finished: number; onTimeRate: number | null };
  const listeners = new Set<(stats: Stats) => void>();
  let current: Stats = { received: 0, finished: 0, onTimeRate: null };
  /** The current figures, then every published one: the leanest async iterator that will do. */
  const feed = (): AsyncIterableIterator<Stats> => {
    const queue: Stats[] = [current];
    let wake: ((result: IteratorResult<Stats>) => void) | null = null;
    const listener = (stats: Stats) => {
      if (!wake) return void queue.push(stats);
      const resume = wake;
      wake = null;
      resume({ value: stats, done: false });
    };
    listeners.add(listener);
    const iterator: AsyncIterableIterator<Stats> = {
      next: () =>
        queue.length > 0
          ? Promise.resolve({ value: queue.shift()!, done: false })
          : new Promise((resolve) => (wake = resolve)),
      return: () => {
        listeners.delete(listener);
        wake?.({ value: undefined, done: true });
        return Promise.resolve({ value: undefined, done: true });
      },
      [Symbol.asyncIterator]: () => iterator,
    };
    return iterator;
  };
  const StatsType = new graphql.GraphQLObjectType({
    name: 'Stats',
    fields: {
      received: { type: graphql.GraphQLInt },
      finished: { type: graphql.GraphQLInt },
      onTimeRate: { type: graphql.GraphQLFloat },
    },
  });
  const schema = new graphql.GraphQLSchema({
    query: new graphql.GraphQLObjectType({
      name: 'Query',
      fields: { ok: { type: graphql.GraphQLBoolean, resolve: () => true } },
    }),
    subscription: new graphql.GraphQLObjectType({
      name: 'Subscription',
      fields: { statsChanged: { type: StatsType, subscribe: feed, resolve: (stats: Stats) => stats } },
    }),
  });
  const server = http.createServer((req, res) => {
    if (req.method !== 'POST' || req.url !== '/publish') return void res.writeHead(404).end();
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      current = { ...current, ...(JSON.parse(body) as Partial<Stats>) };
      for (const listener of listeners) listener(current);
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    });
  });
  useServer({ schema }, new WebSocketServer({ server, path: '/graphql' }));
  server.listen(0, '127.0.0.1', () => {
    console.log(JSON.stringify({ port: (server.address() as { port: number }).port }));
  });
  process.on('SIGTERM', () => process.exit(0));
}

if (process.env.FANOUT_ROLE === 'baseline-server') await serveBaseline();
