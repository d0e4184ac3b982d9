// Rebuilds the period rollups (DossierRollup, RatingRollup, SurveyRollup) from the raw rows, which
// stay the source of truth (docs/architecture.md "Data flow"). One transaction, set-based SQL:
// DELETE everything, then one INSERT … SELECT … GROUP BY per rollup table.
//
// Counting rules (days are Asia/Ho_Chi_Minh calendar days):
// • DossierRollup, per (agency, procedure, day, channel):
//   - received, supplementRequests, apologies: dossiers by the day they were received
//     (receivedAt; a dossier refused at reception was never received and is not counted here).
//   - finished: dossiers whose processing ended that day (endedAt) and that had been received:
//     resolved, returned, withdrawn and stopped ones. REFUSED dossiers are NOT finished: the clock
//     never started (domain.md §3); they are counted only in `refused`, on the day of the refusal.
//   - early / onTime / late: a partition of finished (api-contract ServiceStats). early = timeliness
//     EARLY, late = timeliness LATE, onTime = every other finished dossier — ON_TIME, and withdrawn or
//     stopped ("returned unprocessed") dossiers, which count as handled on time (domain.md §3).
//   - withdrawn, stopped: finished dossiers with that final status (so they are also inside finished
//     and, being on time by rule, inside onTime); refused: see above.
//   - processingMinutes, processingHistogram: over finished dossiers with processingMinutes (working
//     minutes, supplement time excluded); the histogram has one slot per PROCESSING_HISTOGRAM_BOUNDS
//     entry, slot i counting times t with bounds[i−1] < t ≤ bounds[i] (histogramBucket).
// • RatingRollup, per (agency, procedure, day the dossier finished): current ratings by level, and
//   linksIssued = finished dossiers that were issued at least one rating link (the "asked to rate"
//   step of the denominator chain, domain.md §4.3).
// • SurveyRollup, per (agency, question, day of the response, value): answers with a scale value;
//   for expectation questions (chosen options, no value) each chosen option counts once, with value =
//   its 1-based position in the question's `options`.
import type pg from 'pg';
import { PROCESSING_HISTOGRAM_BOUNDS } from '../domain/index.ts';

export interface RollupRebuild {
  dossierRollups: number;
  ratingRollups: number;
  surveyRollups: number;
  ms: number;
}

const LOCAL_DAY = (column: string) => `(${column} AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`;

const FINISHED = `d."endedAt" IS NOT NULL AND d."receivedAt" IS NOT NULL AND d.status <> 'REFUSED'`;

/** One count per histogram slot, in one pass over the ended dossiers of each key. */
function histogramColumns(slots: number): string {
  return Array.from({ length: slots }, (_, i) => `count(*) FILTER (WHERE slot = ${i + 1})::int`).join(', ');
}

const dossierRollupSql = (slots: number) => `
WITH by_received AS (
  SELECT d."agencyId", d."procedureId", ${LOCAL_DAY('d."receivedAt"')} AS day, d.channel,
         count(*)::int AS received,
         sum(d."supplementRequests")::int AS supplement_requests,
         sum(d.apologies)::int AS apologies
    FROM "Dossier" d
   WHERE d."receivedAt" IS NOT NULL
   GROUP BY 1, 2, 3, 4
),
ended AS MATERIALIZED (
  SELECT d."agencyId", d."procedureId", ${LOCAL_DAY('d."endedAt"')} AS day, d.channel,
         d.status, d.timeliness, d."processingMinutes",
         (${FINISHED}) AS finished,
         -- Slot i (1-based) holds bounds[i-1] < t <= bounds[i]: 1 + the number of bounds below t.
         CASE WHEN (${FINISHED}) AND d."processingMinutes" IS NOT NULL THEN
           1 + (SELECT count(*) FROM unnest($1::float8[]) AS b(bound) WHERE b.bound < d."processingMinutes")
         END::int AS slot
    FROM "Dossier" d
   WHERE d."endedAt" IS NOT NULL
),
by_ended AS (
  SELECT "agencyId", "procedureId", day, channel,
         count(*) FILTER (WHERE finished)::int AS finished,
         count(*) FILTER (WHERE finished AND timeliness = 'EARLY')::int AS early,
         count(*) FILTER (WHERE finished AND timeliness = 'LATE')::int AS late,
         count(*) FILTER (WHERE finished AND status = 'WITHDRAWN')::int AS withdrawn,
         count(*) FILTER (WHERE status = 'REFUSED')::int AS refused,
         count(*) FILTER (WHERE finished AND status = 'STOPPED')::int AS stopped,
         coalesce(sum("processingMinutes") FILTER (WHERE finished), 0)::bigint AS processing_minutes,
         ARRAY[${histogramColumns(slots)}] AS histogram
    FROM ended
   GROUP BY 1, 2, 3, 4
)
INSERT INTO "DossierRollup" ("agencyId", "procedureId", day, channel, received, finished, early, "onTime", late,
                             withdrawn, refused, stopped, "supplementRequests", apologies, "processingMinutes",
                             "processingHistogram")
SELECT "agencyId", "procedureId", day, channel,
       coalesce(r.received, 0), coalesce(e.finished, 0), coalesce(e.early, 0),
       coalesce(e.finished - e.early - e.late, 0), coalesce(e.late, 0),
       coalesce(e.withdrawn, 0), coalesce(e.refused, 0), coalesce(e.stopped, 0),
       coalesce(r.supplement_requests, 0), coalesce(r.apologies, 0), coalesce(e.processing_minutes, 0),
       coalesce(e.histogram, array_fill(0, ARRAY[${slots}]))
  FROM by_received r
  FULL JOIN by_ended e USING ("agencyId", "procedureId", day, channel)`;

const RATING_ROLLUP_SQL = `
WITH finished AS (
  SELECT d.id, d."agencyId", d."procedureId", ${LOCAL_DAY('d."endedAt"')} AS day
    FROM "Dossier" d
   WHERE ${FINISHED}
),
ratings AS (
  SELECT f."agencyId", f."procedureId", f.day,
         count(*) FILTER (WHERE r.level = 'VERY_SATISFIED')::int AS very_satisfied,
         count(*) FILTER (WHERE r.level = 'SATISFIED')::int AS satisfied,
         count(*) FILTER (WHERE r.level = 'DISSATISFIED')::int AS dissatisfied
    FROM "Rating" r JOIN finished f ON f.id = r."dossierId"
   WHERE r.current
   GROUP BY 1, 2, 3
),
links AS (
  SELECT f."agencyId", f."procedureId", f.day, count(*)::int AS links_issued
    FROM finished f
   WHERE EXISTS (SELECT 1 FROM "RatingLink" l WHERE l."dossierId" = f.id)
   GROUP BY 1, 2, 3
)
INSERT INTO "RatingRollup" ("agencyId", "procedureId", day, "verySatisfied", satisfied, dissatisfied, "linksIssued")
SELECT "agencyId", "procedureId", day, coalesce(r.very_satisfied, 0), coalesce(r.satisfied, 0),
       coalesce(r.dissatisfied, 0), coalesce(l.links_issued, 0)
  FROM ratings r
  FULL JOIN links l USING ("agencyId", "procedureId", day)`;

const SURVEY_ROLLUP_SQL = `
WITH answers AS (
  SELECT s."agencyId", a."questionId", ${LOCAL_DAY('s."submittedAt"')} AS day, a.value
    FROM "SurveyAnswer" a JOIN "SurveyResponse" s ON s.id = a."responseId"
   WHERE a.value IS NOT NULL
  UNION ALL
  SELECT s."agencyId", a."questionId", ${LOCAL_DAY('s."submittedAt"')} AS day, o.position::int AS value
    FROM "SurveyAnswer" a
    JOIN "SurveyResponse" s ON s.id = a."responseId"
    JOIN "SurveyQuestion" q ON q.id = a."questionId"
   CROSS JOIN LATERAL unnest(a.options) AS chosen(code)
    JOIN LATERAL jsonb_array_elements(coalesce(q.options, '[]'::jsonb)) WITH ORDINALITY AS o(item, position)
      ON o.item ->> 'code' = chosen.code
   WHERE a.value IS NULL
)
INSERT INTO "SurveyRollup" ("agencyId", "questionId", day, value, answers)
SELECT "agencyId", "questionId", day, value, count(*)::int
  FROM answers
 GROUP BY 1, 2, 3, 4`;

function isPool(db: pg.Pool | pg.PoolClient): db is pg.Pool {
  return typeof (db as pg.Pool).connect === 'function' && !('release' in db);
}

/**
 * Runs `work` atomically on `client`: in a savepoint when the caller already has a transaction open
 * (e.g. the seed, so data and rollups commit together), else in a transaction of its own.
 */
async function atomically<T>(client: pg.PoolClient, work: () => Promise<T>): Promise<T> {
  let nested = true;
  try {
    await client.query('SAVEPOINT rebuild_rollups');
  } catch (error) {
    // 25P01 no_active_sql_transaction: SAVEPOINT outside a transaction block.
    if ((error as { code?: string }).code !== '25P01') throw error;
    nested = false;
    await client.query('BEGIN');
  }
  try {
    const result = await work();
    await client.query(nested ? 'RELEASE SAVEPOINT rebuild_rollups' : 'COMMIT');
    return result;
  } catch (error) {
    await client.query(nested ? 'ROLLBACK TO SAVEPOINT rebuild_rollups' : 'ROLLBACK');
    throw error;
  }
}

/** Deletes and recomputes every rollup row from Dossier, Rating, RatingLink and SurveyAnswer rows. */
export async function rebuildRollups(db: pg.Pool | pg.PoolClient): Promise<RollupRebuild> {
  const started = performance.now();
  const client = isPool(db) ? await db.connect() : db;
  try {
    return await atomically(client, async () => {
      // Writers that update rollups incrementally wait until the rebuilt rows are committed, so no
      // increment is lost or counted twice; readers keep reading the old rows meanwhile.
      await client.query('LOCK TABLE "DossierRollup", "RatingRollup", "SurveyRollup" IN EXCLUSIVE MODE');
      await client.query('DELETE FROM "DossierRollup"');
      await client.query('DELETE FROM "RatingRollup"');
      await client.query('DELETE FROM "SurveyRollup"');
      const bounds = [...PROCESSING_HISTOGRAM_BOUNDS];
      const dossier = await client.query(dossierRollupSql(bounds.length), [bounds]);
      const rating = await client.query(RATING_ROLLUP_SQL);
      const survey = await client.query(SURVEY_ROLLUP_SQL);
      return {
        dossierRollups: dossier.rowCount ?? 0,
        ratingRollups: rating.rowCount ?? 0,
        surveyRollups: survey.rowCount ?? 0,
        ms: Math.round(performance.now() - started),
      };
    });
  } finally {
    if (client !== db) client.release();
  }
}
