// computeStats reads each scope from the fewest rollup rows (scopeFilter) and computes only the parts
// a caller asks for (StatsDetail): whatever it reads and leaves out, the figures it gives are those of
// a plain sum over every agency's own rows.
import { createTestDatabase, type TestDatabase } from '@tthc/db';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seed } from '../seed/index.ts';
import { ALL_DETAIL, computeStats, type Period, type Scope, type StatsDetail } from './stats.ts';

let database: TestDatabase | undefined;
try {
  database = await createTestDatabase();
} catch (error) {
  // Under CI a database is part of the run: a test that cannot reach it fails, it does not skip.
  if (process.env.CI) throw error;
  console.warn(`stats.test.ts skipped: no PostgreSQL server reachable (${(error as Error).message})`);
}

const TODAY = '2026-03-16';
// Not month-aligned: DAY rows at both ends, MONTH rows between.
const PERIOD: Period = { from: '2025-10-12', to: '2026-03-10' };

describe.skipIf(!database)('computeStats', () => {
  let pool: pg.Pool;
  let scopes: [string, Scope][];

  beforeAll(async () => {
    pool = new pg.Pool({ connectionString: database!.url, max: 3 });
    await seed({ pool }, { today: TODAY, dossiers: 300, surveyResponses: 0 });
    const { rows } = await pool.query<{ agencyId: number; procedureId: number }>(
      `SELECT "agencyId", "procedureId" FROM "Dossier" GROUP BY 1, 2 ORDER BY count(*) DESC LIMIT 1`,
    );
    const { agencyId, procedureId } = rows[0]!;
    scopes = [
      ['a procedure in every agency', { agencyIds: null, procedureId }],
      ['an agency, every procedure', { agencyIds: [agencyId], procedureId: null }],
      ['an agency and a procedure', { agencyIds: [agencyId], procedureId }],
      ['every agency, every procedure', { agencyIds: null, procedureId: null }],
    ];
  });

  afterAll(async () => {
    await pool?.end();
    await database?.drop();
  });

  /** The counters of a scope summed over the rows of each agency and procedure, nothing else. */
  async function plainSums(scope: Scope) {
    const { rows } = await pool.query<{ received: number; finished: number; late: number; rated: number }>(
      `SELECT coalesce(sum(received), 0)::int AS received, coalesce(sum(finished), 0)::int AS finished,
              coalesce(sum(late), 0)::int AS late, coalesce(sum("verySatisfied" + satisfied + dissatisfied), 0)::int AS rated
         FROM "DossierRollup"
        WHERE grain = 'DAY' AND day BETWEEN $1 AND $2 AND "agencyId" <> 0 AND "procedureId" <> 0
          AND ($3::int[] IS NULL OR "agencyId" = ANY($3)) AND ($4::int IS NULL OR "procedureId" = $4)`,
      [PERIOD.from, PERIOD.to, scope.agencyIds, scope.procedureId],
    );
    return rows[0]!;
  }

  it('gives every scope the sums of its agencies’ own rows', async () => {
    for (const [name, scope] of scopes) {
      const stats = await computeStats(pool, scope, PERIOD, TODAY);
      const sums = await plainSums(scope);
      expect({ name, received: stats.received, finished: stats.finished, late: stats.late }).toEqual({
        name,
        received: sums.received,
        finished: sums.finished,
        late: sums.late,
      });
      expect(sums.received).toBeGreaterThan(0);
    }
  });

  it('computes the same figures with less detail, leaving out only what was not asked for', async () => {
    const totalsOnly: StatsDetail = { byChannel: false, byMonth: false, periodEnd: false, histogram: false };
    let periodEndCorrections = 0;
    for (const [name, scope] of scopes) {
      const full = await computeStats(pool, scope, PERIOD, TODAY, ALL_DETAIL);
      expect(full.byMonth.length).toBeGreaterThan(1);
      expect(full.histogram.some((n) => n > 0)).toBe(true);
      const { byChannel, byMonth, lateOpen, receivedOnTimeAtPeriodEnd, histogram, ...totals } = full;
      periodEndCorrections += lateOpen + Math.abs(receivedOnTimeAtPeriodEnd - totals.receivedOnTime);

      const bare = await computeStats(pool, scope, PERIOD, TODAY, totalsOnly);
      expect({ name, ...bare, histogram: [] }).toEqual({
        name,
        ...totals,
        histogram: [],
        byChannel: [],
        byMonth: [],
        lateOpen: 0,
        receivedOnTimeAtPeriodEnd: totals.receivedOnTime,
      });

      const withChannels = await computeStats(pool, scope, PERIOD, TODAY, {
        ...totalsOnly,
        byChannel: true,
        histogram: true,
      });
      expect({ name, byChannel: withChannels.byChannel, byMonth: withChannels.byMonth }).toEqual({
        name,
        byChannel,
        byMonth: [],
      });
      const withMonths = await computeStats(pool, scope, PERIOD, TODAY, {
        ...totalsOnly,
        byMonth: true,
        histogram: true,
      });
      expect({ name, byChannel: withMonths.byChannel, byMonth: withMonths.byMonth }).toEqual({
        name,
        byChannel,
        byMonth,
      });
      const withEnd = await computeStats(pool, scope, PERIOD, TODAY, { ...totalsOnly, periodEnd: true });
      expect({ name, lateOpen: withEnd.lateOpen, onTime: withEnd.receivedOnTimeAtPeriodEnd }).toEqual({
        name,
        lateOpen,
        onTime: receivedOnTimeAtPeriodEnd,
      });
      const withHistogram = await computeStats(pool, scope, PERIOD, TODAY, {
        ...totalsOnly,
        histogram: true,
      });
      expect({ name, histogram: withHistogram.histogram }).toEqual({ name, histogram });
    }
    // The period-end figures above were more than the final outcomes for some scope.
    expect(periodEndCorrections).toBeGreaterThan(0);
  });

  it('answers zeros for a scope without dossiers', async () => {
    const stats = await computeStats(pool, { agencyIds: [-1], procedureId: null }, PERIOD, TODAY, {
      byChannel: false,
      byMonth: false,
      periodEnd: false,
      histogram: false,
    });
    expect({ received: stats.received, finished: stats.finished, histogram: stats.histogram }).toEqual({
      received: 0,
      finished: 0,
      histogram: [],
    });
  });
});
