// The periodic report of an agency subtree (docs/api.md "Reports"): processing by unit and sector,
// satisfaction and SIPAS, the Decision 766 indicators, the 9-indicator evaluation of each unit per
// quarter, the reform programme's tasks and the PAR INDEX inputs — each part from the service that
// computes it live, nothing stored. Private to the officials (and read keys) of the subtree: the
// report carries the reform tasks' notes and the unit-by-unit comparison, which are not public.
import type { Database, PrismaClient } from '@tthc/db';
import { type Day, dayOf } from '../../domain/time.ts';
import { AppError } from '../../errors.ts';
import { outOfScopeMessage } from '../access/agency-scope.ts';
import type { Principal } from '../access/principal.ts';
import { reachWith } from '../access/reach.ts';
import { resolveAgencyForPeriod, subtreeIds } from '../agencies.ts';
import { computeEvaluationOf, type EvaluationReport } from '../evaluation.ts';
import { computeIndex766 } from '../index766.ts';
import { reformTasksForReport } from '../reform-tasks/report-rows.ts';
import { computeSipas } from '../sipas.ts';
import { computeStats, type Period, type Scope } from '../stats.ts';
import { statsBreakdown } from '../stats-breakdown.ts';
import { evaluationScoresTable, evaluationTotalsTable } from './evaluation-tables.ts';
import { index766Table } from './index766-table.ts';
import { parIndexInputs, parIndexTable } from './par-index.ts';
import { sectorTable, unitTable } from './processing-tables.ts';
import { reformTaskTable } from './reform-task-table.ts';
import { type ReportPeriod, reportPeriod } from './report-period.ts';
import type { ReportTable } from './report-table.ts';
import { satisfactionTable } from './satisfaction-table.ts';

export interface AgencyReport {
  agency: { code: string; name: string };
  period: ReportPeriod;
  generatedAt: Date;
  /** The day unfinished dossiers and the reform tasks are judged on. */
  asOf: Day;
  tables: ReportTable[];
}

/** Evaluations computed at once: each reads the rollups of one unit and quarter. */
const EVALUATION_BATCH = 4;

/**
 * Refuses, before any figure is read: UNAUTHENTICATED for an anonymous caller, FORBIDDEN when the
 * agency lies outside the subtrees where the caller may read (the same rule as the private reads).
 */
async function assertMayRead(prisma: PrismaClient, principal: Principal, agencyId: number): Promise<void> {
  if (principal.kind === 'anonymous') {
    throw new AppError(
      'UNAUTHENTICATED',
      'Báo cáo định kỳ chỉ dành cho cán bộ đã đăng nhập hoặc khóa API có quyền đọc.',
    );
  }
  const reach = await reachWith(prisma, principal, 'READ');
  if (!reach.covers(agencyId)) throw new AppError('FORBIDDEN', outOfScopeMessage(principal));
}

export async function agencyReport(
  db: Database,
  prisma: PrismaClient,
  principal: Principal,
  agencyCode: string,
  requested: Period,
  now: Date = new Date(),
  activeOn?: Day | null,
): Promise<AgencyReport> {
  const period = reportPeriod(requested);
  // The unit the code names on activeOn, else on the period's last day (docs/domain.md §0).
  const agency = await resolveAgencyForPeriod(prisma, agencyCode, period.to, activeOn);
  await assertMayRead(prisma, principal, agency.id);
  const today = dayOf(now);
  const agencyIds = await subtreeIds(prisma, agency.id);
  const scope: Scope = { agencyIds, procedureId: null };
  const window = { from: period.from, to: period.to };

  const [stats, byUnit, bySector, sipas, index766, tasks] = await Promise.all([
    computeStats(db.pool, scope, window, today),
    statsBreakdown(db, { scope: { agencyCode: agency.code, activeOn }, period: window, by: 'UNIT' }, today),
    statsBreakdown(db, { scope: { agencyCode: agency.code, activeOn }, period: window, by: 'SECTOR' }, today),
    computeSipas(db, prisma, scope, window),
    computeIndex766(db, scope, window),
    reformTasksForReport(prisma, agencyIds, window, today),
  ]);

  // The agency itself and each unit of the breakdown, for every quarter of the period: by the unit,
  // not its code, which may name another unit at a quarter's end (docs/domain.md §0).
  const units = [agency, ...byUnit.filter((r) => r.id !== agency.id).map((r) => ({ ...r, code: r.key }))];
  const jobs = units.flatMap((unit) => period.quarters.map((q) => [unit, q] as const));
  const evaluations: EvaluationReport[] = [];
  for (let i = 0; i < jobs.length; i += EVALUATION_BATCH) {
    evaluations.push(
      ...(await Promise.all(
        jobs
          .slice(i, i + EVALUATION_BATCH)
          .map(([unit, q]) => computeEvaluationOf(db, prisma, unit, period.year, q)),
      )),
    );
  }

  return {
    agency: { code: agency.code, name: agency.name },
    period,
    generatedAt: now,
    asOf: stats.asOf,
    tables: [
      unitTable(byUnit, stats),
      sectorTable(bySector, stats),
      satisfactionTable(sipas, stats),
      index766Table(index766),
      evaluationTotalsTable(evaluations),
      evaluationScoresTable(evaluations),
      reformTaskTable(tasks),
      parIndexTable(parIndexInputs(stats, index766, sipas)),
    ],
  };
}
