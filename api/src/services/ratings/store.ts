// The SQL of ratings and rating links. A dossier's current rating and whether a link was issued
// are part of its rollup contribution (domain/rollup-contribution.ts), so every change here writes
// the row and the rollup difference in one transaction, under the dossier's lock.
import type pg from 'pg';
import type { DossierFacts, RatingLevel } from '../../domain/rollup-contribution.ts';
import { RollupDelta } from '../../domain/rollup-contribution.ts';
import { DOSSIER_FACTS_COLUMNS, LOCK_DOSSIER_CODES_SQL } from '../dossier-lock.ts';
import type { PhaseTimer } from '../phase-timer.ts';
import { applyRollupDelta } from '../rollup-writes.ts';

export interface LockedDossier {
  id: string;
  code: string;
  facts: DossierFacts;
}

/**
 * Locks dossiers for a change of their rollup contribution and reads their facts, in one statement
 * (one round trip: the hottest public write). The locks and the facts are those of every writer
 * (dossier-lock.ts), so a rating cannot slip in between ingestion's read and its write. FOR UPDATE then holds
 * the rows against any other writer and returns their latest committed version, even when the
 * advisory lock had to wait for a writer that changed them.
 *
 * Also returns which of `keys` stored ratings already carry. That part is read with the statement's
 * snapshot, which can predate a concurrent identical submission on another instance; its insert then
 * fails on the unique key, and the retry (a fresh statement) finds it.
 */
export async function lockDossiers(
  client: pg.PoolClient,
  codes: string[],
  keys: string[] = [],
): Promise<{ dossiers: Map<string, LockedDossier>; knownKeys: Set<string> }> {
  const { rows } = await client.query<
    DossierFacts & { id: string; code: string; knownKeys: string[] | null }
  >(
    `WITH locked AS MATERIALIZED (${LOCK_DOSSIER_CODES_SQL})
     SELECT d.id::text AS id, d.code, ${DOSSIER_FACTS_COLUMNS},
            (SELECT array_agg("idempotencyKey") FROM "Rating" WHERE "idempotencyKey" = ANY($2::text[])) AS "knownKeys"
       FROM "Dossier" d
      WHERE d.code = ANY($1::text[]) AND (SELECT n FROM locked) >= 0
      ORDER BY d.code FOR UPDATE OF d`,
    [codes, keys],
  );
  return {
    dossiers: new Map(rows.map(({ id, code, knownKeys: _, ...facts }) => [code, { id, code, facts }])),
    knownKeys: new Set(rows[0]?.knownKeys ?? []),
  };
}

export interface NewRating {
  dossier: LockedDossier;
  level: RatingLevel;
  comment: string | null;
  idempotencyKey: string | null;
}

export interface StoredRating {
  ratingId: string;
  dossierId: string;
  submittedAt: Date;
}

/**
 * Stores new current ratings (one per dossier) in one statement: the previous current rating of each
 * dossier becomes history (current = false, replacedAt), the new one is inserted, the dossier row
 * mirrors its level; then the rollups move by the difference of the contributions.
 */
export async function insertRatings(
  client: pg.PoolClient,
  ratings: NewRating[],
  timer?: PhaseTimer,
): Promise<StoredRating[]> {
  const ids = ratings.map((r) => r.dossier.id);
  const levels = ratings.map((r) => r.level);
  // The insert reads `replaced` so that the old current rows are updated before the new ones go in
  // (the partial unique index allows one current rating per dossier at any moment).
  const { rows } = await client.query<StoredRating>(
    `WITH replaced AS (
       UPDATE "Rating" SET current = false, "replacedAt" = now()
        WHERE "dossierId" = ANY($1::bigint[]) AND current
       RETURNING 1
     ), inserted AS (
       INSERT INTO "Rating" ("dossierId", level, comment, "idempotencyKey", current, "submittedAt")
       SELECT u.id, u.level::"RatingLevel", u.comment, u.key, true, now()
         FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[]) AS u(id, level, comment, key)
        WHERE (SELECT count(*) FROM replaced) >= 0
       RETURNING id::text AS "ratingId", "dossierId"::text AS "dossierId", "submittedAt"
     ), mirrored AS (
       UPDATE "Dossier" d SET rating = u.level::"RatingLevel", "updatedAt" = now()
         FROM unnest($1::bigint[], $2::text[]) AS u(id, level)
        WHERE d.id = u.id
       RETURNING 1
     )
     SELECT "ratingId", "dossierId", "submittedAt" FROM inserted`,
    [ids, levels, ratings.map((r) => r.comment), ratings.map((r) => r.idempotencyKey)],
  );
  timer?.mark('ratings');
  const delta = new RollupDelta();
  for (const { dossier, level } of ratings) {
    delta.add(dossier.facts, -1);
    delta.add({ ...dossier.facts, rating: level }, 1);
  }
  await applyRollupDelta(client, delta);
  timer?.mark('rollups');
  return rows;
}

/**
 * Records an issued rating link; the first one for a dossier also marks it as asked to rate
 * (ratingLinkIssued: the middle link of finished → asked → rated). Returns whether it was the first.
 */
export async function recordRatingLink(
  client: pg.PoolClient,
  dossier: LockedDossier,
  expiresAt: Date,
): Promise<boolean> {
  await client.query(
    `INSERT INTO "RatingLink" ("dossierId", "issuedAt", "expiresAt") VALUES ($1, now(), $2)`,
    [dossier.id, expiresAt],
  );
  if (dossier.facts.ratingLinkIssued) return false;
  await client.query(`UPDATE "Dossier" SET "ratingLinkIssued" = true, "updatedAt" = now() WHERE id = $1`, [
    dossier.id,
  ]);
  const delta = new RollupDelta();
  delta.add(dossier.facts, -1);
  delta.add({ ...dossier.facts, ratingLinkIssued: true }, 1);
  await applyRollupDelta(client, delta);
  return true;
}
