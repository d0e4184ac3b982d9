// `npm run bench -- reads [--dossiers 2000000] [--iterations 200]`: province-wide `stats` and
// `index766` over a year with millions of dossiers loaded, through the real API, next to the cost of
// answering the same question by scanning the dossiers (what the rollups avoid).
import { rebuildRollups } from '@tthc/api/rollups';
import { seed } from '@tthc/api/seed';
import { openDatabase } from '@tthc/db';
import { startApiProcess } from './api-process.ts';
import { benchDatabase, describeMachine, fmt, option, percentile } from './support.ts';

export async function run(args: string[]): Promise<void> {
  const dossiers = option(args, 'dossiers', 2_000_000);
  const iterations = option(args, 'iterations', 200);
  const database = await benchDatabase();
  const db = await openDatabase({ url: database.url });
  console.log(`machine: ${await describeMachine(database.url)}`);
  await seed(db, { dossiers: 0 });
  let t0 = performance.now();
  await generateDossiers(db.pool, dossiers);
  console.log(`loaded ${fmt(dossiers)} dossiers in ${fmt((performance.now() - t0) / 1000, 1)} s`);
  t0 = performance.now();
  const rebuilt = await rebuildRollups(db.pool);
  console.log(
    `rebuilt rollups in ${fmt((performance.now() - t0) / 1000, 1)} s: ${fmt(rebuilt.dossierRollups)} counter rows, ${fmt(rebuilt.intervalRollups)} interval rows`,
  );
  await db.pool.query('VACUUM ANALYZE');

  const to = new Date().toISOString().slice(0, 10);
  const from = new Date(Date.now() - 364 * 86_400_000).toISOString().slice(0, 10);
  t0 = performance.now();
  const scan = await db.pool.query(
    `SELECT count(*) FILTER (WHERE "receivedAt" >= $1::date) AS received,
            count(*) FILTER (WHERE "endedAt" >= $1::date AND timeliness = 'LATE') AS late
       FROM "Dossier" WHERE "receivedAt" >= $1::date - 30`,
    [from],
  );
  const scanMs = performance.now() - t0;
  await db.close();

  const api = await startApiProcess(database.url);
  const queries = {
    stats: `{ stats(scope: { agencyCode: "56" }, period: { from: "${from}", to: "${to}" }) { received finished early onTime late onTimeRate averageProcessingWorkingDays medianProcessingWorkingDays p90ProcessingWorkingDays lateOpen byChannel { channel received } byMonth { month received } } }`,
    index766: `{ index766(agencyCode: "56", period: { from: "${from}", to: "${to}" }) { total indicators { id score numerator denominator } } }`,
  };
  for (const [name, query] of Object.entries(queries)) {
    const latencies: number[] = [];
    let sample = '';
    for (let i = 0; i < iterations; i++) {
      const t = performance.now();
      const res = await fetch(api.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query }),
      });
      sample = await res.text();
      latencies.push(performance.now() - t);
    }
    console.log(
      `${name.padEnd(9)} province, one year: p50 ${fmt(percentile(latencies, 50), 1)} ms, p95 ${fmt(percentile(latencies, 95), 1)} ms (${iterations} requests)`,
    );
    if (sample.includes('"errors"')) console.log(`  !! ${sample.slice(0, 300)}`);
  }
  console.log(
    `contrast  one scan over the dossiers for two counts: ${fmt(scanMs, 1)} ms (${JSON.stringify(scan.rows[0])})`,
  );
  await api.stop();
  await database.drop();
}

/**
 * Synthetic dossiers over the last year, in SQL (fast): spread over every current commune and
 * department and the procedures with a time limit; ~7% late, ~2% still open.
 */
export async function generateDossiers(pool: import('pg').Pool, count: number): Promise<void> {
  const chunk = 250_000;
  for (let start = 1; start <= count; start += chunk) {
    const end = Math.min(count, start + chunk - 1);
    await pool.query(
      `WITH agencies AS (SELECT array_agg(id ORDER BY id) AS ids FROM "Agency" WHERE "validTo" IS NULL AND level IN ('COMMUNE', 'DEPARTMENT')),
            procedures AS (SELECT array_agg(DISTINCT "procedureId") AS ids FROM "ProcedureTimeLimit"),
            base AS (
              SELECT g, a.ids[1 + g % cardinality(a.ids)] AS agency, p.ids[1 + (g / 7) % cardinality(p.ids)] AS procedure,
                     date_trunc('day', now() - ((g % 364) || ' days')::interval) + time '07:00' + ((g * 7) % 480) * interval '1 minute' AS received,
                     (g * 13) % 100 AS roll
                FROM generate_series($1::int, $2::int) AS g, agencies a, procedures p
            )
       INSERT INTO "Dossier" (code, "procedureId", "agencyId", channel, status, "receivedAt", "dueAt", "initialDueAt",
                              "timelinessDueAt", "resolvedAt", "returnedAt", "endedAt", "processingMinutes", timeliness,
                              "lastSequence", "updatedAt")
       SELECT 'BENCH-' || g, procedure, agency,
              (CASE WHEN roll < 40 THEN 'ONLINE' WHEN roll < 43 THEN 'POSTAL' ELSE 'IN_PERSON' END)::"Channel",
              (CASE WHEN roll < 2 THEN 'PROCESSING' ELSE 'RETURNED' END)::"DossierStatus",
              received, received + interval '3 days', received + interval '3 days', received + interval '3 days',
              CASE WHEN roll >= 2 THEN received + (CASE WHEN roll < 9 THEN 5 ELSE roll % 3 END) * interval '1 day' END,
              CASE WHEN roll >= 2 THEN received + (CASE WHEN roll < 9 THEN 5 ELSE roll % 3 END) * interval '1 day' + interval '2 hours' END,
              CASE WHEN roll >= 2 THEN received + (CASE WHEN roll < 9 THEN 5 ELSE roll % 3 END) * interval '1 day' END,
              CASE WHEN roll >= 2 THEN (CASE WHEN roll < 9 THEN 5 ELSE roll % 3 END) * 480 END,
              (CASE WHEN roll < 2 THEN 'IN_PROGRESS_ON_TIME' WHEN roll < 9 THEN 'LATE' WHEN roll % 3 < 2 THEN 'EARLY' ELSE 'ON_TIME' END)::"Timeliness",
              3, now()
         FROM base`,
      [start, end],
    );
  }
}
