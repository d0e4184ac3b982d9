// `npm run bench -- ingest [--batches 60] [--clients 4]`: dossier events ingested through the real
// API (HTTP GraphQL, 1,000-event batches, durable commits) next to the raw PostgreSQL pattern it is
// built on (1,000 rows through unnest() + one aggregated rollup upsert per transaction).
import { seed } from '@tthc/api/seed';
import { openDatabase } from '@tthc/db';
import { startApiProcess } from './api-process.ts';
import { benchDatabase, describeMachine, fmt, option, percentile, rawWriteBaseline } from './support.ts';

const BATCH = 1000;

export async function run(args: string[]): Promise<void> {
  const batches = option(args, 'batches', 60);
  const clients = option(args, 'clients', 4);
  const database = await benchDatabase();
  const db = await openDatabase({ url: database.url });
  await seed(db, { dossiers: 0 });
  const { rows: agencies } = await db.pool.query<{ code: string }>(
    `SELECT code FROM "Agency" WHERE level = 'COMMUNE' AND "validTo" IS NULL ORDER BY code`,
  );
  const { rows: procedures } = await db.pool.query<{ code: string }>(
    `SELECT DISTINCT p.code FROM "Procedure" p JOIN "ProcedureTimeLimit" l ON l."procedureId" = p.id
      JOIN "ProcedureAgency" pa ON pa."procedureId" = p.id JOIN "Agency" a ON a.id = pa."agencyId"
     WHERE l.channel = 'IN_PERSON' AND a.level = 'COMMUNE' ORDER BY p.code`,
  );
  await db.close();
  console.log(`machine: ${await describeMachine(database.url)}`);
  console.log(`${batches} batches of ${BATCH} events, ${clients} concurrent clients\n`);

  const baseline = await rawBaseline(database.url, batches, clients);
  console.log(
    `baseline  raw PostgreSQL (unnest insert + aggregated rollup upsert): ${fmt(baseline.rate)} rows/s, p99 ${fmt(baseline.p99, 1)} ms per transaction`,
  );

  const api = await startApiProcess(database.url);
  const key = await createKey(database.url);
  const project = await apiLoad(
    api.url,
    key,
    batches,
    clients,
    agencies.map((a) => a.code),
    procedures.map((p) => p.code),
  );
  await api.stop();
  console.log(
    `project   recordDossierEvents over HTTP:                          ${fmt(project.rate)} events/s, p99 ${fmt(project.p99, 1)} ms per batch (${project.errors} errors)`,
  );
  console.log(`ratio     project / baseline: ${(project.rate / baseline.rate).toFixed(2)}`);
  await database.drop();
}

async function createKey(url: string): Promise<string> {
  const { createApiKey } = await import('@tthc/api');
  const db = await openDatabase({ url, migrate: false });
  const { key } = await createApiKey(
    db.prisma,
    { name: 'bench', scopes: ['INGEST'], rateLimitPerMinute: 100_000 },
    'BENCH',
  );
  await db.close();
  return key;
}

/** The set-based write pattern of docs/benchmarks.md "Machine baselines", on scratch tables, with the same concurrency. */
async function rawBaseline(url: string, batches: number, clients: number) {
  const { seconds, latencies } = await rawWriteBaseline(
    url,
    { transactions: batches, writers: clients, poolSize: clients },
    async (client) => {
      const k = Array.from({ length: BATCH }, (_, i) => i % 100);
      await client.query(
        `INSERT INTO bench_rows (k, v, at) SELECT * FROM unnest($1::int[], $2::int[], $3::timestamptz[])`,
        [k, k, k.map(() => new Date())],
      );
      await client.query(
        `INSERT INTO bench_rollup (k, n) SELECT k, count(*) FROM unnest($1::int[]) AS k GROUP BY k
         ON CONFLICT (k) DO UPDATE SET n = bench_rollup.n + EXCLUDED.n`,
        [k],
      );
    },
  );
  return { rate: (latencies.length * BATCH) / seconds, p99: percentile(latencies, 99) };
}

/**
 * Batches as a province's one-stop systems send them: new dossiers, three events each (received,
 * resolved, returned; the three arrive in reverse order to exercise the fold), received over the
 * last two weeks, spread over every commune and skewed toward the common procedures (the first
 * procedures of the list get most dossiers, as birth and marriage registration do in real data).
 */
function makeBatch(batch: number, agencies: string[], procedures: string[]) {
  const events = [];
  const now = Date.now();
  for (let i = 0; i < Math.floor(BATCH / 3); i++) {
    const n = batch * 1000 + i;
    const received = new Date(now - (3 + (n % 14)) * 86_400_000 + ((n * 7) % 480) * 60_000);
    const code = `BENCH-${process.pid}-${n}`;
    const skewed = Math.floor(procedures.length * ((n * 0.618034) % 1) ** 2); // more weight on the first
    const base = {
      dossierCode: code,
      procedureCode: procedures[skewed]!,
      agencyCode: agencies[n % agencies.length]!,
      channel: n % 3 === 0 ? 'ONLINE' : 'IN_PERSON',
    };
    events.push(
      {
        ...base,
        status: 'RETURNED',
        sequence: 3,
        occurredAt: new Date(received.getTime() + (2 + (n % 2)) * 86_400_000).toISOString(),
      },
      { ...base, status: 'RECEIVED', sequence: 1, occurredAt: received.toISOString() },
      {
        ...base,
        status: 'RESOLVED',
        sequence: 2,
        occurredAt: new Date(received.getTime() + (1 + (n % 2)) * 86_400_000).toISOString(),
      },
    );
  }
  return events;
}

async function apiLoad(
  url: string,
  key: string,
  batches: number,
  clients: number,
  agencies: string[],
  procedures: string[],
) {
  const query = `mutation($events: [DossierEventInput!]!) { recordDossierEvents(events: $events) { accepted duplicates errors { code } } }`;
  const bodies = Array.from({ length: batches }, (_, b) =>
    JSON.stringify({ query, variables: { events: makeBatch(b, agencies, procedures) } }),
  );
  const latencies: number[] = [];
  let accepted = 0;
  let errors = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < batches) {
        const body = bodies[next++]!;
        const t0 = performance.now();
        const res = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
          body,
        });
        const json = (await res.json()) as {
          data?: { recordDossierEvents: { accepted: number; errors: unknown[] } };
          errors?: unknown[];
        };
        latencies.push(performance.now() - t0);
        if (!json.data) {
          errors += 1;
          console.error(JSON.stringify(json.errors).slice(0, 500));
          continue;
        }
        accepted += json.data.recordDossierEvents.accepted;
        errors += json.data.recordDossierEvents.errors.length;
        if (json.data.recordDossierEvents.errors.length > 0 && errors <= 3) {
          console.error(JSON.stringify(json.data.recordDossierEvents.errors.slice(0, 3)));
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { rate: accepted / seconds, p99: percentile(latencies, 99), errors };
}
