// Writing rollup changes (docs/statistics.md): the one place that adds a RollupDelta — summed per
// key by the domain — to the counter and interval rollup tables, used by ingestion and by ratings
// in their own transactions.
import type pg from 'pg';
import type { RollupDelta } from '../domain/rollup-contribution.ts';

const COUNTER_COLUMNS = [
  'received',
  '"receivedOnTime"',
  'finished',
  'early',
  '"onTime"',
  'late',
  'withdrawn',
  'refused',
  'stopped',
  '"supplementRequests"',
  'apologies',
  '"processingMinutes"',
  '"verySatisfied"',
  'satisfied',
  'dissatisfied',
  '"ratingLinksIssued"',
  '"dislikedOrPetitioned"',
  '"earlyRatings"',
  '"earlySatisfied"',
  '"onTimeRatings"',
  '"onTimeSatisfied"',
  '"lateRatings"',
  '"lateSatisfied"',
];

/**
 * One upsert for all counter rows and one for all interval rows of the batch, each key once
 * (RollupDelta has summed the batch's changes per key); interval rows that drop to zero go away.
 */
export async function applyRollupDelta(client: pg.PoolClient, delta: RollupDelta): Promise<void> {
  const counters = delta.counterRows();
  if (counters.length > 0) {
    const columns = COUNTER_COLUMNS.map((_, i) => counters.map((r) => r.counters[i]));
    const params = COUNTER_COLUMNS.map(
      (c, i) => `$${i + 7}::${c === '"processingMinutes"' ? 'bigint' : 'int'}[]`,
    );
    await client.query(
      `INSERT INTO "DossierRollup" (grain, "agencyId", "procedureId", day, channel, "processingHistogram", ${COUNTER_COLUMNS.join(', ')})
       SELECT grain::"RollupGrain", "agencyId", "procedureId", day, channel::"Channel", histogram::int[], ${COUNTER_COLUMNS.join(', ')}
         FROM unnest($1::text[], $2::int[], $3::int[], $4::date[], $5::text[], $6::text[], ${params.join(', ')})
           AS u(grain, "agencyId", "procedureId", day, channel, histogram, ${COUNTER_COLUMNS.join(', ')})
       ON CONFLICT (grain, "agencyId", "procedureId", day, channel) DO UPDATE SET
         ${COUNTER_COLUMNS.map((c) => `${c} = "DossierRollup".${c} + EXCLUDED.${c}`).join(', ')},
         "processingHistogram" = CASE WHEN cardinality(EXCLUDED."processingHistogram") = 0
           THEN "DossierRollup"."processingHistogram"
           ELSE rollup_add_histograms("DossierRollup"."processingHistogram", EXCLUDED."processingHistogram") END`,
      [
        counters.map((r) => r.grain),
        counters.map((r) => r.agencyId),
        counters.map((r) => r.procedureId),
        counters.map((r) => r.day),
        counters.map((r) => r.channel),
        counters.map((r) => `{${r.histogram.join(',')}}`),
        ...columns,
      ],
    );
  }
  const intervals = delta.intervalRows();
  if (intervals.length === 0) return;
  const emptied = await client.query<{
    kind: string;
    a: number;
    p: number;
    r: string;
    f: string;
    t: string;
    dossiers: number;
  }>(
    `INSERT INTO "DossierIntervalRollup" (kind, "agencyId", "procedureId", "receivedDay", "fromDay", "toDay", dossiers)
     SELECT kind::"DossierIntervalKind", "agencyId", "procedureId", "receivedDay", "fromDay", "toDay", dossiers
       FROM unnest($1::text[], $2::int[], $3::int[], $4::date[], $5::date[], $6::date[], $7::int[])
         AS u(kind, "agencyId", "procedureId", "receivedDay", "fromDay", "toDay", dossiers)
     ON CONFLICT (kind, "agencyId", "procedureId", "receivedDay", "fromDay", "toDay")
     DO UPDATE SET dossiers = "DossierIntervalRollup".dossiers + EXCLUDED.dossiers
     RETURNING kind::text, "agencyId" AS a, "procedureId" AS p, "receivedDay"::text AS r, "fromDay"::text AS f,
               "toDay"::text AS t, dossiers`,
    [
      intervals.map((r) => r.kind),
      intervals.map((r) => r.agencyId),
      intervals.map((r) => r.procedureId),
      intervals.map((r) => r.receivedDay),
      intervals.map((r) => r.fromDay),
      intervals.map((r) => r.toDay),
      intervals.map((r) => r.dossiers),
    ],
  );
  const zero = emptied.rows.filter((r) => r.dossiers === 0);
  if (zero.length === 0) return;
  await client.query(
    `DELETE FROM "DossierIntervalRollup" r
      USING unnest($1::text[], $2::int[], $3::int[], $4::date[], $5::date[], $6::date[]) AS z(kind, a, p, rd, f, t)
      WHERE r.kind = z.kind::"DossierIntervalKind" AND r."agencyId" = z.a AND r."procedureId" = z.p
        AND r."receivedDay" = z.rd AND r."fromDay" = z.f AND r."toDay" = z.t AND r.dossiers = 0`,
    [
      zero.map((r) => r.kind),
      zero.map((r) => r.a),
      zero.map((r) => r.p),
      zero.map((r) => r.r),
      zero.map((r) => r.f),
      zero.map((r) => r.t),
    ],
  );
}
