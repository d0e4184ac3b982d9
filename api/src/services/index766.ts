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
import { judgedOn } from '../domain/petition-judgement.ts';
import { addDays, dayOf, startOfDay } from '../domain/time.ts';
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
 * Petitions (PAKN) judged in the period (domain/petition-judgement.ts, docs/domain.md §5 "5.2"), by what
 * was known on its last day (or today, if earlier): those answered in the period, on time when by
 * their due day (Asia/Ho_Chi_Minh), and those still open then and already past due, late; those open
 * and not yet due are not judged in it.
 */
async function petitionCounts(db: Database, agencyIds: number[] | null, period: Period) {
  const end = judgedOn(period, dayOf(new Date()));
  const { rows } = await db.pool.query<{ any: boolean; judged: number; on_time: number }>(
    `WITH judged AS (
       SELECT "resolvedAt" >= $2 AND "resolvedAt" < $3 AS answered, "dueAt", "resolvedAt"
         FROM "Petition"
        WHERE ($1::int[] IS NULL OR "agencyId" = ANY($1::int[])) AND $3 > $2 AND "receivedAt" < $3
          AND (("resolvedAt" >= $2 AND "resolvedAt" < $3)
               OR (("resolvedAt" IS NULL OR "resolvedAt" >= $3) AND "dueAt" < $4)))
     SELECT EXISTS (SELECT 1 FROM "Petition" WHERE $1::int[] IS NULL OR "agencyId" = ANY($1::int[])) AS any,
            (SELECT count(*) FROM judged)::int AS judged,
            (SELECT count(*) FROM judged WHERE answered AND ("dueAt" IS NULL OR
              ("resolvedAt" AT TIME ZONE 'Asia/Ho_Chi_Minh')::date <= ("dueAt" AT TIME ZONE 'Asia/Ho_Chi_Minh')::date))::int AS on_time`,
    // $2, $3: the period's first day and the day after its judged end; $4: the judged end day, before
    // which a due date makes an open petition overdue.
    [agencyIds, startOfDay(period.from), startOfDay(addDays(end, 1)), startOfDay(end)],
  );
  const row = rows[0]!;
  return row.any
    ? ({ hasPetitionData: true, petitions: row.judged, onTime: row.on_time } as const)
    : ({ hasPetitionData: false } as const);
}
