// Decision 766/QĐ-TTg indicators for an agency subtree and a period (docs/domain.md §5): the inputs come
// from rollups (dossiers), the catalogue (procedures) and petitions; the formulas from domain/.
import type { Database } from '@tthc/db';
import {
  type Indicator766,
  index766Total,
  indicator1_3,
  indicator2_1,
  indicator3_1,
  indicator3_3,
  indicator5_2,
  indicator5_4,
} from '../domain/index766.ts';
import { addDays, atLocalMinute, dayOf } from '../domain/time.ts';
import { computeStats, type Period, type Scope } from './stats.ts';

export interface Index766Result {
  total: number | null;
  indicators: Indicator766[];
}

// Decree 63/2010 Art. 8(2): name, steps, channels, dossier components, time limit, applicants,
// implementing agency, result. A procedure is "published with all mandatory components" when its
// version in force carries every one of them.
const COMPLETE_VERSION = `v.name <> '' AND v.steps IS NOT NULL AND coalesce(v."channelsText", '') <> ''
  AND v."dossierComponents" IS NOT NULL AND cardinality(v.applicants) > 0
  AND coalesce(v."implementingText", '') <> '' AND cardinality(v.results) > 0
  AND EXISTS (SELECT 1 FROM "ProcedureTimeLimit" l WHERE l."versionId" = v.id)`;

export async function computeIndex766(db: Database, scope: Scope, period: Period): Promise<Index766Result> {
  const stats = await computeStats(db.pool, scope, period);
  const agencyIds = scope.agencyIds;
  const catalogue = await db.pool.query<{ total: number; published: number; online: number }>(
    `SELECT count(*)::int AS total,
            count(*) FILTER (WHERE ${COMPLETE_VERSION})::int AS published,
            count(*) FILTER (WHERE p."onlineLevel" IN ('PARTIAL', 'FULL'))::int AS online
       FROM "Procedure" p
       -- The version in force at the end of the period (docs/domain.md §2.4, domain/version-in-force.ts):
       -- the latest appliesFrom not after it, null meaning since always; a later save wins a tie.
       LEFT JOIN LATERAL (
         SELECT * FROM "ProcedureVersion" pv
          WHERE pv."procedureId" = p.id
            AND (pv."appliesFrom" IS NULL OR pv."appliesFrom" < ($2::date + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')
          ORDER BY pv."appliesFrom" DESC NULLS LAST, pv.version DESC LIMIT 1) v ON true
      WHERE p.active AND ($1::int[] IS NULL OR EXISTS (
        SELECT 1 FROM "ProcedureAgency" pa WHERE pa."procedureId" = p.id AND pa."agencyId" = ANY($1::int[])))`,
    [agencyIds, period.to],
  );
  const petitions = await petitionCounts(db, agencyIds, period);
  const { total, published, online } = catalogue.rows[0]!;
  const onlineReceived = stats.byChannel.find((c) => c.channel === 'ONLINE')?.received ?? 0;
  const indicators = [
    indicator1_3({ published, total }),
    indicator2_1({ onTime: stats.receivedOnTimeAtPeriodEnd, received: stats.received }),
    indicator3_1({ online, total }),
    indicator3_3({ online: onlineReceived, total: stats.received }),
    indicator5_2(petitions),
    indicator5_4({
      finished: stats.finished,
      late: stats.late,
      dislikedOrPetitioned: stats.dislikedOrPetitioned,
    }),
  ];
  return { total: index766Total(indicators), indicators };
}

/**
 * Petitions (PAKN) received in the period: handled on time when resolved by their due day
 * (Asia/Ho_Chi_Minh), late when resolved after it or still unresolved past it at the period's end;
 * those still open and not yet due are not judged yet.
 */
async function petitionCounts(db: Database, agencyIds: number[] | null, period: Period) {
  const from = atLocalMinute(period.from, 0);
  const until = atLocalMinute(addDays(period.to, 1), 0);
  const asOf = period.to < dayOf(new Date()) ? until : new Date();
  const { rows } = await db.pool.query<{ any: boolean; judged: number; on_time: number }>(
    `SELECT EXISTS (SELECT 1 FROM "Petition" WHERE $1::int[] IS NULL OR "agencyId" = ANY($1::int[])) AS any,
            count(*) FILTER (WHERE "resolvedAt" IS NOT NULL OR "dueAt" < $4)::int AS judged,
            count(*) FILTER (WHERE "resolvedAt" IS NOT NULL AND ("dueAt" IS NULL OR
              ("resolvedAt" AT TIME ZONE 'Asia/Ho_Chi_Minh')::date <= ("dueAt" AT TIME ZONE 'Asia/Ho_Chi_Minh')::date))::int AS on_time
       FROM "Petition"
      WHERE ($1::int[] IS NULL OR "agencyId" = ANY($1::int[])) AND "receivedAt" >= $2 AND "receivedAt" < $3`,
    [agencyIds, from, until, asOf],
  );
  const row = rows[0]!;
  return row.any
    ? ({ hasPetitionData: true, petitions: row.judged, onTime: row.on_time } as const)
    : ({ hasPetitionData: false } as const);
}
