// Late dossiers without a timely apology, per unit, for a period (docs/domain.md §3.7 "Apology report").
//
// A dossier went late in the period when its due date (the one timeliness is judged against, which
// apologies do not move) falls in the period and it was not finished by that day: resolved or
// returned on a later day, or still open after it (not paused by a supplement request made on or
// before the due day, as in late-dossiers.ts). Withdrawn, stopped and refused dossiers count as handled
// on time (§3.8) and owe no apology. The apology is timely when issued no later than one working day
// before the due date it moves (DueDateChange.apologyTimely, written by ingestion from
// domain/apology-timing.ts). The figures are the dossiers as they stand now.
import type { Database, Dossier } from '@tthc/db';
import type { Day } from '../domain/time.ts';
import { addDays, dayOf, startOfDay } from '../domain/time.ts';
import { AppError } from '../errors.ts';
import { outOfScopeMessage } from './access/agency-scope.ts';
import type { Principal } from './access/principal.ts';
import type { Reach } from './access/reach.ts';
import { dossierPage, type Page } from './paging.ts';
import { checkPeriod, type Period, resolveScope } from './stats.ts';

const LOCAL_DAY = (column: string) => `(${column} AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`;

// $1 agencies, $2 start of the period, $3 start of the day after it, $4 start of today.
const WENT_LATE = `d."agencyId" = ANY($1::int[]) AND d."receivedAt" < $3
  AND d."timelinessDueAt" >= $2 AND d."timelinessDueAt" < $3
  AND (((d."resolvedAt" IS NOT NULL OR d."returnedAt" IS NOT NULL) AND d."endedAt" IS NOT NULL
        AND ${LOCAL_DAY('d."endedAt"')} > ${LOCAL_DAY('d."timelinessDueAt"')})
    OR (d."endedAt" IS NULL AND d."timelinessDueAt" < $4
        AND NOT (d."supplementPendingSince" IS NOT NULL
                 AND ${LOCAL_DAY('d."supplementPendingSince"')} <= ${LOCAL_DAY('d."timelinessDueAt"')})))`;

const TIMELY_APOLOGY = `EXISTS (SELECT 1 FROM "DueDateChange" c
  WHERE c."dossierId" = d.id AND c.reason = 'APOLOGY' AND c."apologyTimely")`;

export interface ApologyCounts {
  /** Dossiers that went late in the period. */
  late: number;
  /** Of those, with an apology issued in time. */
  withTimelyApology: number;
  /** With apologies, none of them in time. */
  withLateApologyOnly: number;
  /** late − withTimelyApology: no apology, or only late ones. */
  withoutTimelyApology: number;
}

export interface ApologyUnitRow extends ApologyCounts {
  agencyId: number;
}

export interface ApologyReport extends ApologyCounts {
  agencyCode: string;
  period: Period;
  /** Per unit of the subtree with at least one late dossier, the most dossiers without a timely apology first. */
  units: ApologyUnitRow[];
  /** The dossiers without a timely apology, by id (keyset pages). */
  page: (page: Page<bigint>) => Promise<Dossier[]>;
  count: () => Promise<number>;
}

/**
 * The apology report of an agency subtree for a period, for callers who may read it (`readers`): an
 * agency outside their reach is refused (FORBIDDEN).
 */
export async function apologyReport(
  db: Pick<Database, 'pool' | 'prisma'>,
  principal: Principal,
  readers: Reach,
  input: { agencyCode: string; period: Period; activeOn?: Day | null },
  today: Day = dayOf(new Date()),
): Promise<ApologyReport> {
  checkPeriod(input.period);
  const scope = await resolveScope(
    db,
    { agencyCode: input.agencyCode, activeOn: input.activeOn ?? null },
    input.period.to,
  );
  const agency = scope.agency!;
  if (!readers.covers(agency.id)) throw new AppError('FORBIDDEN', outOfScopeMessage(principal));
  const params: unknown[] = [
    scope.agencyIds,
    startOfDay(input.period.from),
    startOfDay(addDays(input.period.to, 1)),
    startOfDay(today),
  ];
  const { rows } = await db.pool.query<ApologyUnitRow>(
    `SELECT d."agencyId", count(*)::int AS late,
            count(*) FILTER (WHERE ${TIMELY_APOLOGY})::int AS "withTimelyApology",
            count(*) FILTER (WHERE d.apologies > 0 AND NOT ${TIMELY_APOLOGY})::int AS "withLateApologyOnly",
            count(*) FILTER (WHERE NOT ${TIMELY_APOLOGY})::int AS "withoutTimelyApology"
       FROM "Dossier" d WHERE ${WENT_LATE}
      GROUP BY d."agencyId" ORDER BY "withoutTimelyApology" DESC, d."agencyId"`,
    params,
  );
  const sum = (key: keyof ApologyCounts) => rows.reduce((n, r) => n + r[key], 0);
  const where = `${WENT_LATE} AND NOT ${TIMELY_APOLOGY}`;
  return {
    agencyCode: agency.code,
    period: input.period,
    late: sum('late'),
    withTimelyApology: sum('withTimelyApology'),
    withLateApologyOnly: sum('withLateApologyOnly'),
    withoutTimelyApology: sum('withoutTimelyApology'),
    units: rows,
    page: (page: Page<bigint>) => dossierPage(db, where, params, page),
    count: async () => sum('withoutTimelyApology'),
  };
}
