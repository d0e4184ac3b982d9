// Rebuilds the rollups (DossierRollup, DossierIntervalRollup, SurveyRollup) from the raw rows,
// which stay the source of truth (docs/architecture.md "Data flow"). One transaction, set-based SQL.
// This is an independent implementation of the rules that ingestion applies incrementally through
// domain/rollup-contribution.ts; a test proves the two agree (rebuild == incremental).
//
// Counting rules (days are Asia/Ho_Chi_Minh calendar days), each written to a DAY row and to the
// MONTH row (day = first of the month), for the dossier's agency and procedure, for its agency and
// ALL_PROCEDURES (0), and for ALL_AGENCIES (0) and its procedure:
// • By the day a dossier was received: received; receivedOnTime (its final outcome counts as handled
//   on time for Decision 766 indicator 2.1: finished EARLY or ON_TIME — withdrawn and stopped
//   dossiers are ON_TIME by rule, docs/domain.md §3.8).
// • supplementRequests by the day each request was made: the SUPPLEMENT_REQUESTED events of a received
//   dossier after its first RECEIVED and before its end, by sequence (the end: the first RESOLVED, else
//   the first RETURNED, else the first WITHDRAWN / STOPPED / REFUSED after the RECEIVED); apologies by
//   the day each was issued: its DueDateChange APOLOGY rows. So a later request or apology never
//   changes a closed period (docs/statistics.md).
// • By the day processing ended, for received dossiers not refused (docs/domain.md §3.4 end of processing): finished;
//   early / late by timeliness, onTime = the rest (a partition of finished); withdrawn / stopped by
//   the final kind (inside finished and onTime); processing minutes and histogram; the dossier's
//   current rating (Rating.current), whether a rating link was issued (RatingLink), and whether it
//   drew a dissatisfied rating or a petition (Petition) — Decision 766 indicator 5.4; and the current
//   rating once more by timeliness class (EARLY, LATE, ON_TIME = the rest): ratings, and satisfied
//   (satisfied or very satisfied) — docs/domain.md §4.1 "Satisfaction by timeliness".
// • Refused, at reception or after it: refused, on the day of the refusal — not finished, and a
//   refusal after reception is not on time (docs/domain.md §3.8).
// • DossierIntervalRollup: for received dossiers, from the judgement of each day of the open life the
//   fold stored (Dossier.openJudgements, docs/domain.md §3.9): the days on time while the final outcome
//   is not (IN_TIME_NOT_ON_TIME), and the days late (OVERDUE_ON_TIME / OVERDUE_LATE by the final
//   outcome) — see domain/rollup-contribution.ts intervalRows.
// • SurveyRollup, per (agency, question, day of the response, value): answers with a scale value;
//   for expectation questions (chosen options, no value) each chosen option counts once, with value =
//   its 1-based position in the question's `options`.
import type pg from 'pg';
import { PROCESSING_HISTOGRAM_BOUNDS } from '../domain/index.ts';
import { ALL_AGENCIES, ALL_PROCEDURES, OPEN_END_DAY } from '../domain/rollup-contribution.ts';

export interface RollupRebuild {
  dossierRollups: number;
  intervalRollups: number;
  surveyRollups: number;
  ms: number;
}

const LOCAL_DAY = (column: string) => `(${column} AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`;

/** Per dossier: the facts the rules above need, with its end kind (docs/domain.md §3.4 order). */
const FACTS = `
  SELECT d.id, d."agencyId", d."procedureId", d.channel, d.timeliness, d."processingMinutes",
         ${LOCAL_DAY('d."receivedAt"')} AS received_day,
         ${LOCAL_DAY('d."endedAt"')} AS end_day,
         d."openJudgements",
         d."receivedAt" IS NOT NULL AS received,
         d."receivedAt" IS NOT NULL AND d."endedAt" IS NOT NULL
           AND NOT (d."resolvedAt" IS NULL AND d."returnedAt" IS NULL AND d.status = 'REFUSED') AS finished,
         CASE WHEN d."endedAt" IS NULL THEN NULL
              WHEN d."resolvedAt" IS NOT NULL THEN 'RESOLVED'
              WHEN d."returnedAt" IS NOT NULL THEN 'RETURNED'
              WHEN d.status IN ('WITHDRAWN', 'STOPPED', 'REFUSED') THEN d.status::text
         END AS end_kind,
         -- A refusal after reception has no timeliness (NULL): not on time, and never a NULL here.
         d."receivedAt" IS NOT NULL AND d."endedAt" IS NOT NULL AND coalesce(d.timeliness IN ('EARLY', 'ON_TIME'), false) AS on_time
    FROM "Dossier" d`;

const dossierRollupSql = (slots: number) => `
WITH facts AS MATERIALIZED (${FACTS}),
ratings AS (
  SELECT r."dossierId", r.level FROM "Rating" r WHERE r.current
),
-- The supplement requests that count (the rule above), one row each with its day.
requests AS (
  SELECT e."dossierId", ${LOCAL_DAY('e."occurredAt"')} AS day
    FROM "DossierEvent" e
   CROSS JOIN LATERAL (
     SELECT min(x.sequence) FILTER (WHERE x.status = 'RECEIVED') AS received,
            coalesce(min(x.sequence) FILTER (WHERE x.status = 'RESOLVED'),
                     min(x.sequence) FILTER (WHERE x.status = 'RETURNED')) AS resolved_or_returned
       FROM "DossierEvent" x WHERE x."dossierId" = e."dossierId") s
   WHERE e.status = 'SUPPLEMENT_REQUESTED' AND e.sequence > s.received
     AND e.sequence < coalesce(
           s.resolved_or_returned,
           (SELECT min(y.sequence) FROM "DossierEvent" y
             WHERE y."dossierId" = e."dossierId" AND y.status IN ('WITHDRAWN', 'STOPPED', 'REFUSED')
               AND y.sequence > s.received),
           e.sequence + 1)
),
contributions AS (
  SELECT f."agencyId", f."procedureId", f.received_day AS day, f.channel,
         1 AS received, f.on_time::int AS received_on_time, 0 AS finished, 0 AS early, 0 AS on_time, 0 AS late,
         0 AS withdrawn, 0 AS refused, 0 AS stopped, 0 AS supplement_requests,
         0 AS apologies, 0::bigint AS processing_minutes, NULL::int AS slot,
         0 AS very_satisfied, 0 AS satisfied, 0 AS dissatisfied, 0 AS links, 0 AS disliked,
         0 AS early_ratings, 0 AS early_satisfied, 0 AS on_time_ratings, 0 AS on_time_satisfied,
         0 AS late_ratings, 0 AS late_satisfied
    FROM facts f WHERE f.received
  UNION ALL
  SELECT f."agencyId", f."procedureId", f.end_day, f.channel,
         0, 0, 1, (f.timeliness = 'EARLY')::int, (f.timeliness IS DISTINCT FROM 'EARLY' AND f.timeliness IS DISTINCT FROM 'LATE')::int,
         (f.timeliness = 'LATE')::int, (f.end_kind = 'WITHDRAWN')::int, 0, (f.end_kind = 'STOPPED')::int, 0, 0,
         coalesce(f."processingMinutes", 0)::bigint,
         -- Slot i (1-based) holds bounds[i-1] < t <= bounds[i]: 1 + the number of bounds below t.
         CASE WHEN f."processingMinutes" IS NOT NULL THEN
           1 + (SELECT count(*) FROM unnest($1::float8[]) AS b(bound) WHERE b.bound < f."processingMinutes")
         END::int,
         -- No current rating: level is NULL, and NULL = 'X' must count as 0, not poison the sums.
         coalesce(r.level = 'VERY_SATISFIED', false)::int, coalesce(r.level = 'SATISFIED', false)::int,
         coalesce(r.level = 'DISSATISFIED', false)::int,
         EXISTS (SELECT 1 FROM "RatingLink" l WHERE l."dossierId" = f.id)::int,
         (coalesce(r.level = 'DISSATISFIED', false) OR EXISTS (SELECT 1 FROM "Petition" p WHERE p."dossierId" = f.id))::int,
         coalesce(r.level IS NOT NULL AND f.timeliness = 'EARLY', false)::int,
         coalesce(r.level IN ('SATISFIED', 'VERY_SATISFIED') AND f.timeliness = 'EARLY', false)::int,
         coalesce(r.level IS NOT NULL AND f.timeliness IS DISTINCT FROM 'EARLY' AND f.timeliness IS DISTINCT FROM 'LATE', false)::int,
         coalesce(r.level IN ('SATISFIED', 'VERY_SATISFIED') AND f.timeliness IS DISTINCT FROM 'EARLY' AND f.timeliness IS DISTINCT FROM 'LATE', false)::int,
         coalesce(r.level IS NOT NULL AND f.timeliness = 'LATE', false)::int,
         coalesce(r.level IN ('SATISFIED', 'VERY_SATISFIED') AND f.timeliness = 'LATE', false)::int
    FROM facts f LEFT JOIN ratings r ON r."dossierId" = f.id
   WHERE f.finished
  UNION ALL
  SELECT f."agencyId", f."procedureId", f.end_day, f.channel,
         0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0::bigint, NULL, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
    FROM facts f WHERE f.end_kind = 'REFUSED'
  UNION ALL
  SELECT f."agencyId", f."procedureId", r.day, f.channel,
         0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0::bigint, NULL, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
    FROM facts f JOIN requests r ON r."dossierId" = f.id WHERE f.received
  UNION ALL
  SELECT f."agencyId", f."procedureId", ${LOCAL_DAY('c."changedAt"')}, f.channel,
         0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0::bigint, NULL, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
    FROM facts f JOIN "DueDateChange" c ON c."dossierId" = f.id AND c.reason = 'APOLOGY' WHERE f.received
)
INSERT INTO "DossierRollup" (grain, "agencyId", "procedureId", day, channel, received, "receivedOnTime", finished,
                             early, "onTime", late, withdrawn, refused, stopped, "supplementRequests", apologies,
                             "processingMinutes", "processingHistogram", "verySatisfied", satisfied, dissatisfied,
                             "ratingLinksIssued", "dislikedOrPetitioned", "earlyRatings", "earlySatisfied",
                             "onTimeRatings", "onTimeSatisfied", "lateRatings", "lateSatisfied")
SELECT g.grain::"RollupGrain", CASE WHEN k.every_agency THEN ${ALL_AGENCIES} ELSE c."agencyId" END,
       CASE WHEN k.every_procedure THEN ${ALL_PROCEDURES} ELSE c."procedureId" END,
       CASE WHEN g.grain = 'MONTH' THEN date_trunc('month', c.day)::date ELSE c.day END, c.channel,
       sum(received), sum(received_on_time), sum(finished), sum(early), sum(on_time), sum(late), sum(withdrawn),
       sum(refused), sum(stopped), sum(supplement_requests), sum(apologies), sum(processing_minutes),
       CASE WHEN count(slot) = 0 THEN '{}'::int[]
            ELSE ARRAY[${Array.from({ length: slots }, (_, i) => `count(*) FILTER (WHERE slot = ${i + 1})::int`).join(', ')}]
       END,
       sum(very_satisfied), sum(satisfied), sum(dissatisfied), sum(links), sum(disliked),
       sum(early_ratings), sum(early_satisfied), sum(on_time_ratings), sum(on_time_satisfied),
       sum(late_ratings), sum(late_satisfied)
  FROM contributions c CROSS JOIN (VALUES ('DAY'), ('MONTH')) AS g(grain)
 CROSS JOIN (VALUES (false, false), (false, true), (true, false)) AS k(every_agency, every_procedure)
 GROUP BY 1, 2, 3, 4, 5`;

const INTERVAL_ROLLUP_SQL = `
WITH facts AS (${FACTS}),
intervals AS (
  SELECT CASE WHEN j.late AND f.on_time THEN 'OVERDUE_ON_TIME'
              WHEN j.late THEN 'OVERDUE_LATE'
              WHEN NOT f.on_time THEN 'IN_TIME_NOT_ON_TIME'
         END AS kind,
         f."agencyId", f."procedureId", f.received_day, j."from" AS from_day,
         coalesce(j."to", DATE '${OPEN_END_DAY}') AS to_day
    FROM facts f
   CROSS JOIN LATERAL jsonb_to_recordset(coalesce(f."openJudgements", '[]'::jsonb)) AS j("from" date, "to" date, late boolean)
   WHERE f.received AND (f.end_day IS NULL OR f.end_kind IS NOT NULL)
)
INSERT INTO "DossierIntervalRollup" (kind, "agencyId", "procedureId", "receivedDay", "fromDay", "toDay", dossiers)
SELECT kind::"DossierIntervalKind", "agencyId", "procedureId", received_day, from_day, to_day, count(*)::int
  FROM intervals
 WHERE kind IS NOT NULL
 GROUP BY 1, 2, 3, 4, 5, 6`;

/**
 * The SurveyRollup counting rule as one statement: for every response (the rebuild), or for one
 * response given as $1 and added to the existing counters (a survey submission, services/surveys.ts).
 */
export function surveyRollupSql(scope: 'all' | 'one response'): string {
  const only = scope === 'one response' ? 's.id = $1 AND ' : '';
  return `
WITH answers AS (
  SELECT s."agencyId", a."questionId", ${LOCAL_DAY('s."submittedAt"')} AS day, a.value
    FROM "SurveyAnswer" a JOIN "SurveyResponse" s ON s.id = a."responseId"
   WHERE ${only}a.value IS NOT NULL
  UNION ALL
  SELECT s."agencyId", a."questionId", ${LOCAL_DAY('s."submittedAt"')} AS day, o.position::int AS value
    FROM "SurveyAnswer" a
    JOIN "SurveyResponse" s ON s.id = a."responseId"
    JOIN "SurveyQuestion" q ON q.id = a."questionId"
   CROSS JOIN LATERAL unnest(a.options) AS chosen(code)
    JOIN LATERAL jsonb_array_elements(coalesce(q.options, '[]'::jsonb)) WITH ORDINALITY AS o(item, position)
      ON o.item ->> 'code' = chosen.code
   WHERE ${only}a.value IS NULL
)
INSERT INTO "SurveyRollup" ("agencyId", "questionId", day, value, answers)
SELECT "agencyId", "questionId", day, value, count(*)::int
  FROM answers
 GROUP BY 1, 2, 3, 4${
   scope === 'one response'
     ? `
 ORDER BY 1, 2, 3, 4
ON CONFLICT ("agencyId", "questionId", day, value)
DO UPDATE SET answers = "SurveyRollup".answers + EXCLUDED.answers`
     : ''
 }`;
}

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

/**
 * Deletes and recomputes every rollup row from Dossier, DossierEvent, DueDateChange, Rating,
 * RatingLink, Petition and SurveyAnswer rows.
 */
export async function rebuildRollups(db: pg.Pool | pg.PoolClient): Promise<RollupRebuild> {
  const started = performance.now();
  const client = isPool(db) ? await db.connect() : db;
  try {
    return await atomically(client, async () => {
      // Writers that update rollups incrementally wait until the rebuilt rows are committed, so no
      // increment is lost or counted twice; readers keep reading the old rows meanwhile.
      await client.query(
        'LOCK TABLE "DossierRollup", "DossierIntervalRollup", "SurveyRollup" IN EXCLUSIVE MODE',
      );
      await client.query('DELETE FROM "DossierRollup"');
      await client.query('DELETE FROM "DossierIntervalRollup"');
      await client.query('DELETE FROM "SurveyRollup"');
      const bounds = PROCESSING_HISTOGRAM_BOUNDS.filter(Number.isFinite);
      const dossier = await client.query(dossierRollupSql(bounds.length + 1), [bounds]);
      const intervals = await client.query(INTERVAL_ROLLUP_SQL);
      const survey = await client.query(surveyRollupSql('all'));
      return {
        dossierRollups: dossier.rowCount ?? 0,
        intervalRollups: intervals.rowCount ?? 0,
        surveyRollups: survey.rowCount ?? 0,
        ms: Math.round(performance.now() - started),
      };
    });
  } finally {
    if (client !== db) client.release();
  }
}
