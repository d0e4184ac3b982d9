// The inputs of evaluation indicators 3 and 4 (domain/evaluation-contacts.ts, docs/domain.md §4.2): the
// dossiers of an agency subtree processed to a result in a quarter, by their count of supplement
// requests. The rollups keep only the sum of requests, not the count per dossier, so this reads the
// Dossier rows of the subtree through their (agencyId, receivedAt) index: one quarterly query.
import type { Database } from '@tthc/db';
import type { SupplementCounts } from '../domain/evaluation-contacts.ts';
import { addDays, startOfDay } from '../domain/time.ts';
import type { Period } from './stats.ts';

/**
 * Dossiers received, then resolved or returned (the same ones indicator 1 judges: withdrawn, stopped
 * and refused ones were not processed to a result) with their end in `period`.
 */
export async function supplementCounts(
  db: Pick<Database, 'pool'>,
  agencyIds: number[],
  period: Period,
): Promise<SupplementCounts> {
  const from = startOfDay(period.from);
  const until = startOfDay(addDays(period.to, 1));
  const { rows } = await db.pool.query<SupplementCounts>(
    `SELECT count(*) FILTER (WHERE "supplementRequests" = 0)::int AS none,
            count(*) FILTER (WHERE "supplementRequests" = 1)::int AS once,
            count(*) FILTER (WHERE "supplementRequests" >= 2)::int AS several
       FROM "Dossier"
      WHERE "agencyId" = ANY($1::int[]) AND "receivedAt" < $3 AND "endedAt" >= $2 AND "endedAt" < $3
        AND ("resolvedAt" IS NOT NULL OR "returnedAt" IS NOT NULL)`,
    [agencyIds, from, until],
  );
  return rows[0]!;
}
