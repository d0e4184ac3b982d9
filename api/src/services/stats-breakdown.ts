// The figures of a scope and period split by one dimension — the scope agency's direct child units,
// the procedures, or their sectors (lĩnh vực) — for the dashboard's rankings and the reports' tables.
// Summed from the same rollup rows as stats.ts, with its helpers, so the rows add up to the scope's
// `stats` (tests/api/stats-breakdown.test.ts).
import type { Database } from '@tthc/db';
import { type Day, dayOf } from '../domain/time.ts';
import {
  addCounts,
  asOfDay,
  COUNTER_SQL,
  type Counts,
  checkPeriod,
  INTERVAL_SQL,
  type IntervalSums,
  normalise,
  type Period,
  periodEndFigures,
  periodSlices,
  resolveScope,
  type Scope,
  type ScopeInput,
  scopeFilter,
  ZERO,
} from './stats.ts';

export type BreakdownDimension = 'UNIT' | 'PROCEDURE' | 'SECTOR';

export interface BreakdownRow {
  /** The agency's, procedure's or sector's code. */
  key: string;
  name: string;
  /** The Agency, Procedure or Sector id of the row. */
  id: number;
  counts: Counts;
  /** Dossiers unfinished and past due on the period's `asOf` (as ServiceStats.lateOpen). */
  lateOpen: number;
  /** Indicator 2.1's numerator (as ServiceStats.receivedOnTimeAtPeriodEnd). */
  receivedOnTimeAtPeriodEnd: number;
  /** UNIT: the row of the scope agency's own dossiers (recorded at it, or at a unit merged into it). */
  own: boolean;
}

interface Unit {
  id: number;
  code: string;
  name: string;
  parentId: number | null;
  successorId: number | null;
}

/**
 * Which row of a UNIT breakdown of `rootId` (null: every agency) each unit of the subtree counts in:
 * a direct child of the root with everything under it; a unit merged into another counts where its
 * successor counts (a former commune under the new commune, not under its abolished district), and
 * a unit merged into the root itself in the root's own row.
 */
export function unitRows(rootId: number | null, units: readonly Unit[]): Map<number, number> {
  const byId = new Map(units.map((u) => [u.id, u]));
  const rowOf = new Map<number, number>();
  const resolve = (id: number, depth: number): number => {
    const known = rowOf.get(id);
    if (known !== undefined) return known;
    const unit = byId.get(id)!;
    let row: number;
    if (id === rootId || depth > 50) row = id;
    else if (unit.successorId !== null && byId.has(unit.successorId))
      row = resolve(unit.successorId, depth + 1);
    else if (unit.parentId === rootId || unit.parentId === null || !byId.has(unit.parentId)) row = id;
    else row = resolve(unit.parentId, depth + 1);
    rowOf.set(id, row);
    return row;
  };
  for (const unit of units) resolve(unit.id, 0);
  return rowOf;
}

/** The figures of `scope` over `period` per unit, procedure or sector; rows without any activity left out. */
export async function statsBreakdown(
  db: Pick<Database, 'pool' | 'prisma'>,
  input: { scope: ScopeInput; period: Period; by: BreakdownDimension },
  today: Day = dayOf(new Date()),
): Promise<BreakdownRow[]> {
  checkPeriod(input.period);
  // The code resolved as stats resolves it (on activeOn, else the period's end: docs/domain.md §0).
  const scope = await resolveScope(db, input.scope, input.period.to);
  const byUnit = input.by === 'UNIT';
  const sums = await sumsBy(db, scope, input.period, byUnit ? 'agencyId' : 'procedureId', today);
  const labels = byUnit
    ? await unitLabels(db, scope, scope.agency)
    : await procedureLabels(db, [...sums.keys()], input.by === 'SECTOR');
  const rows = new Map<number, BreakdownRow>();
  for (const [id, s] of sums) {
    const label = labels.get(id);
    if (!label) continue;
    const row = rows.get(label.id) ?? { ...label, counts: ZERO, lateOpen: 0, receivedOnTimeAtPeriodEnd: 0 };
    row.counts = addCounts(row.counts, s.counts);
    row.lateOpen += s.lateOpen;
    row.receivedOnTimeAtPeriodEnd += s.receivedOnTimeAtPeriodEnd;
    rows.set(label.id, row);
  }
  return [...rows.values()]
    .filter((r) => r.lateOpen > 0 || Object.values(r.counts).some((v) => typeof v === 'number' && v !== 0))
    .sort((a, b) => Number(b.own) - Number(a.own) || a.key.localeCompare(b.key));
}

type Label = Pick<BreakdownRow, 'key' | 'name' | 'id' | 'own'>;

/** Counters and period-end figures per agency or per procedure, as computeStats reads them. */
async function sumsBy(
  db: Pick<Database, 'pool'>,
  scope: Scope,
  period: Period,
  column: 'agencyId' | 'procedureId',
  today: Day,
) {
  const params: unknown[] = [];
  const slices = periodSlices(period, params);
  const filter = scopeFilter(scope, params, column === 'agencyId' ? 'per agency' : 'per procedure');
  const counts = await db.pool.query<Counts & { id: number }>(
    `SELECT "${column}" AS id, ${COUNTER_SQL} FROM "DossierRollup" WHERE (${slices}) ${filter} GROUP BY 1`,
    params,
  );
  const intervalParams: unknown[] = [asOfDay(period, today), period.from];
  const intervals = await db.pool.query<IntervalSums & { id: number }>(
    `SELECT "${column}" AS id, kind::text, ${INTERVAL_SQL} FROM "DossierIntervalRollup"
      WHERE daterange("fromDay", "toDay", '[]') @> $1::date ${scopeFilter(scope, intervalParams, 'intervals')}
      GROUP BY 1, 2`,
    intervalParams,
  );
  const ids = new Set([...counts.rows.map((r) => r.id), ...intervals.rows.map((r) => r.id)]);
  const sums = new Map<number, { counts: Counts } & ReturnType<typeof periodEndFigures>>();
  for (const id of ids) {
    const row = counts.rows.find((r) => r.id === id);
    const c = row ? normalise(row) : ZERO;
    const figures = periodEndFigures(
      c,
      intervals.rows.filter((r) => r.id === id),
    );
    sums.set(id, { counts: c, ...figures });
  }
  return sums;
}

async function unitLabels(
  db: Pick<Database, 'prisma'>,
  scope: Scope,
  root: { id: number } | null,
): Promise<Map<number, Label>> {
  const units = await db.prisma.agency.findMany({
    where: scope.agencyIds ? { id: { in: scope.agencyIds } } : {},
    select: { id: true, code: true, name: true, parentId: true, successorId: true },
  });
  const rootId = root?.id ?? null;
  const rows = unitRows(rootId, units);
  const byId = new Map(units.map((u) => [u.id, u]));
  const labels = new Map<number, Label>();
  for (const [id, rowId] of rows) {
    const unit = byId.get(rowId)!;
    labels.set(id, { key: unit.code, name: unit.name, id: unit.id, own: rowId === rootId });
  }
  return labels;
}

async function procedureLabels(
  db: Pick<Database, 'prisma'>,
  procedureIds: number[],
  bySector: boolean,
): Promise<Map<number, Label>> {
  const procedures = await db.prisma.procedure.findMany({
    where: { id: { in: procedureIds } },
    select: { id: true, code: true, name: true, sector: { select: { id: true, code: true, name: true } } },
  });
  return new Map(
    procedures.map((p) => {
      const of = bySector ? p.sector : p;
      return [p.id, { key: of.code, name: of.name, id: of.id, own: false }];
    }),
  );
}
