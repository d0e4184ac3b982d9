// The dossiers behind ServiceStats.lateOpen: those of a scope unfinished and past due on a day, for
// the dashboard's drill-down. The rule is the one the rollups keep as OVERDUE_* day ranges
// (domain/rollup-contribution.ts intervalRows, docs/domain.md §3.9), here as a filter over Dossier
// rows; tests/api/late-dossiers.test.ts checks that the list's count is the scope's lateOpen.
import type { Database } from '@tthc/db';
import { addDays, type Day, dayOf, startOfDay } from '../domain/time.ts';
import { AppError } from '../errors.ts';
import { outOfScopeMessage } from './access/agency-scope.ts';
import type { Principal } from './access/principal.ts';
import type { Reach } from './access/reach.ts';
import { dossierPage, type Page } from './paging.ts';
import { resolveScope, type ScopeInput } from './stats.ts';

const LOCAL_DAY = (column: string) => `(${column} AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`;

// Overdue on day D ($1 = start of D, $2 = start of D + 1): received by D, still open on D, and late on D
// by the judgement the fold stored for that day (Dossier.openJudgements, docs/domain.md §3.9: its due
// date then, paused while a supplement request waited, late from a second request) — the same facts
// the OVERDUE_* ranges are made of (a dossier that ended without an end kind has no ranges at all, as
// in intervalRows).
const OVERDUE_ON = `d."receivedAt" < $2
  AND (d."endedAt" IS NULL OR (d."endedAt" >= $2 AND (d."resolvedAt" IS NOT NULL OR d."returnedAt" IS NOT NULL
       OR d.status IN ('WITHDRAWN', 'STOPPED', 'REFUSED'))))
  AND EXISTS (SELECT 1 FROM jsonb_to_recordset(coalesce(d."openJudgements", '[]'::jsonb)) AS j("from" date, "to" date, late boolean)
       WHERE j.late AND j."from" <= ${LOCAL_DAY('$1::timestamptz')}
         AND coalesce(j."to", ${LOCAL_DAY('$1::timestamptz')}) >= ${LOCAL_DAY('$1::timestamptz')})`;

/**
 * The dossiers of `scope` overdue on `asOf` (default today; a later day is judged today, as
 * ServiceStats.asOf), oldest first, among those the caller may read (`readers`): an agency outside
 * the caller's reach is refused (FORBIDDEN), not answered with an empty list.
 */
export async function listLateDossiers(
  db: Pick<Database, 'pool' | 'prisma'>,
  principal: Principal,
  readers: Reach,
  input: { scope: ScopeInput; asOf?: Day | null },
  today: Day = dayOf(new Date()),
) {
  const asOf = input.asOf && input.asOf < today ? input.asOf : today;
  // The code resolved as stats resolves it for a period ending asOf (docs/domain.md §0).
  const scope = await resolveScope(db, input.scope, asOf);
  if (scope.agency && !readers.covers(scope.agency.id)) {
    throw new AppError('FORBIDDEN', outOfScopeMessage(principal));
  }
  const params: unknown[] = [startOfDay(asOf), startOfDay(addDays(asOf, 1))];
  const clauses = [OVERDUE_ON];
  const agencies = scope.agencyIds ?? (readers.everywhere ? null : readers.agencyIds);
  if (agencies) {
    params.push(agencies.filter((id) => readers.covers(id)));
    clauses.push(`d."agencyId" = ANY($${params.length}::int[])`);
  }
  if (scope.procedureId !== null) {
    params.push(scope.procedureId);
    clauses.push(`d."procedureId" = $${params.length}`);
  }
  const where = clauses.join(' AND ');
  return {
    asOf,
    page: (page: Page<bigint>) => dossierPage(db, where, params, page),
    count: async () =>
      (
        await db.pool.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM "Dossier" d WHERE ${where}`,
          params,
        )
      ).rows[0]!.n,
  };
}
