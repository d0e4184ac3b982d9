// `npm run bench -- limits [--tries 50] [--seconds 10] [--attackers 8]`: what the query limits cost
// and what they protect (docs/limits.md). With the production defaults, through the real API as a
// separate process:
//  1. the time to refuse each hostile document of the security review, next to the time to answer
//     `{ __typename }` (the floor of the request pipeline) in the same run;
//  2. a side client timing a small real query every 100 ms, quiet, then while `attackers`
//     concurrent clients send the hostile documents as fast as they can.
// Each request comes from its own address (X-Forwarded-For behind a trusted loopback proxy), as a
// crowd of clients would, so the per-IP budgets do not turn the attack into cheap 429s.
import { seed } from '@tthc/api/seed';
import { openDatabase } from '@tthc/db';
import { startApiProcess } from './api-process.ts';
import { benchDatabase, describeMachine, fmt, option, percentile } from './support.ts';

function nestedChildren(levels: number): string {
  let selection = 'name';
  for (let i = 0; i < levels; i++) selection = `children { parent { ${selection} } }`;
  return `{ agency(code: "56") { ${selection} } }`;
}

function fragmentExpansion(levels: number): string {
  let fragments = 'fragment F0 on Agency { name code }\n';
  for (let i = 1; i <= levels; i++) {
    fragments += `fragment F${i} on Agency { parent { ...F${i - 1} } successor { ...F${i - 1} } predecessors { ...F${i - 1} } }\n`;
  }
  return `{ agency(code: "56") { ...F${levels} } }\n${fragments}`;
}

const HOSTILE: Record<string, string> = {
  'children × parent, 5 levels (was: heap out of memory)': nestedChildren(5),
  'fragment expansion, 3^10 copies (was: frozen 9 min)': fragmentExpansion(10),
  '10,000 aliases (was: 5 s)': `{ ${Array.from({ length: 10_000 }, (_, i) => `a${i}: __typename`).join(' ')} }`,
  '50 aliases × 100 children each': `{ ${Array.from({ length: 50 }, (_, i) => `a${i}: agency(code: "56") { children { name } }`).join(' ')} }`,
  'depth 10,000 (was: HTTP 500)': `${'{a'.repeat(10_000)}${'}'.repeat(10_000)}`,
};

const SIDE_QUERY = '{ procedures(first: 5) { edges { node { code name } } } }';

let address = 0;
const nextAddress = () => {
  address += 1;
  return `10.${(address >> 16) & 255}.${(address >> 8) & 255}.${address & 255}`;
};

async function post(url: string, query: string): Promise<{ ms: number; status: number; code?: string }> {
  const started = performance.now();
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': nextAddress() },
    body: JSON.stringify({ query }),
  });
  const body = (await res.json()) as { errors?: { extensions?: { code?: string } }[] };
  return { ms: performance.now() - started, status: res.status, code: body.errors?.[0]?.extensions?.code };
}

async function sideClient(url: string, seconds: number): Promise<number[]> {
  const latencies: number[] = [];
  const end = Date.now() + seconds * 1000;
  while (Date.now() < end) {
    const tick = Date.now();
    latencies.push((await post(url, SIDE_QUERY)).ms);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, 100 - (Date.now() - tick))));
  }
  return latencies;
}

export async function run(args: string[]): Promise<void> {
  const tries = option(args, 'tries', 50);
  const seconds = option(args, 'seconds', 10);
  const attackers = option(args, 'attackers', 8);
  const database = await benchDatabase();
  const db = await openDatabase({ url: database.url });
  await seed(db, { dossiers: 2000 });
  await db.close();
  console.log(`machine: ${await describeMachine(database.url)}\n`);

  // The production defaults (no UNLIMITED), behind a proxy on loopback.
  const api = await startApiProcess(database.url, {
    TRUST_PROXY: 'loopback',
    LIMIT_ANONYMOUS_REQUESTS_PER_MINUTE: '',
    LIMIT_ANONYMOUS_COST_PER_MINUTE: '',
    LIMIT_KEY_COST_PER_MINUTE: '',
    WS_MAX_CONNECTIONS_PER_IP: '',
    WS_MAX_SUBSCRIPTIONS_PER_CONNECTION: '',
  });
  try {
    const measure = async (query: string) => {
      const runs = [];
      for (let i = 0; i < tries; i++) runs.push(await post(api.url, query));
      const ms = runs.map((r) => r.ms);
      return {
        p50: percentile(ms, 50),
        p99: percentile(ms, 99),
        status: runs[0]?.status,
        code: runs[0]?.code,
      };
    };
    await measure('{ __typename }'); // warm-up
    const floor = await measure('{ __typename }');
    console.log('1. Refusal time (sequential, one client)\n');
    console.log('| document | answer | p50 | p99 |');
    console.log('|---|---|---|---|');
    console.log(
      `| baseline: \`{ __typename }\` | ${floor.status} | ${fmt(floor.p50, 1)} ms | ${fmt(floor.p99, 1)} ms |`,
    );
    for (const [name, query] of Object.entries(HOSTILE)) {
      const m = await measure(query);
      console.log(
        `| ${name} (${fmt(Buffer.byteLength(query))} bytes) | ${m.status} ${m.code ?? ''} | ${fmt(m.p50, 1)} ms | ${fmt(m.p99, 1)} ms |`,
      );
    }

    const quiet = await sideClient(api.url, seconds);
    let attacking = true;
    const documents = Object.values(HOSTILE);
    let sent = 0;
    const attacker = async () => {
      while (attacking) {
        await post(api.url, documents[sent % documents.length]!);
        sent += 1;
      }
    };
    const attacks = Array.from({ length: attackers }, attacker);
    const underAttack = await sideClient(api.url, seconds);
    attacking = false;
    await Promise.all(attacks);
    const health = await fetch(api.url.replace('/graphql', '/healthz'));
    console.log(`\n2. Side client (${SIDE_QUERY}) every 100 ms for ${seconds} s\n`);
    console.log('| | p50 | p99 | max |');
    console.log('|---|---|---|---|');
    for (const [name, ms] of [
      ['quiet', quiet],
      [
        `while ${attackers} attackers send hostile documents (${fmt(sent / seconds)} refusals/s)`,
        underAttack,
      ],
    ] as const) {
      console.log(
        `| ${name} | ${fmt(percentile(ms, 50), 1)} ms | ${fmt(percentile(ms, 99), 1)} ms | ${fmt(Math.max(...ms), 1)} ms |`,
      );
    }
    console.log(`\nAPI still up after the attack: /healthz ${health.status}`);
  } finally {
    await api.stop();
    await database.drop();
  }
}
