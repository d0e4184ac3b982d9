// Rollups rebuilt from raw rows (SQL) must equal the sum of every dossier's contribution computed by
// the domain rules that ingestion applies incrementally (TypeScript): rebuild == incremental.
import { createTestDatabase, type TestDatabase } from '@tthc/db';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayOf, judgementOn, type OpenJudgement, ROLLUP_COUNTERS, RollupDelta } from '../domain/index.ts';
import { seed } from '../seed/index.ts';
import { rebuildRollups } from './rollups.ts';
import { computeStats } from './stats.ts';

let database: TestDatabase | undefined;
try {
  database = await createTestDatabase();
} catch (error) {
  // Under CI a database is part of the run: a test that cannot reach it fails, it does not skip.
  if (process.env.CI) throw error;
  console.warn(`rollups.test.ts skipped: no PostgreSQL server reachable (${(error as Error).message})`);
}

type Counters = Record<string, number | number[] | string>;

function addTo(
  map: Map<string, Counters>,
  key: string,
  values: Record<string, number>,
  init: () => Counters,
) {
  const row = map.get(key) ?? init();
  for (const [k, v] of Object.entries(values)) row[k] = (row[k] as number) + v;
  map.set(key, row);
}

describe.skipIf(!database)('rebuildRollups', () => {
  let pool: pg.Pool;

  beforeAll(async () => {
    pool = new pg.Pool({ connectionString: database!.url, max: 3 });
    await seed({ pool }, { today: '2026-03-16', dossiers: 300, surveyResponses: 200 });
  });

  afterAll(async () => {
    await pool?.end();
    await database?.drop();
  });

  /** Every dossier's contribution by the domain rules (what ingestion applies incrementally), summed. */
  async function expectedFromContributions(): Promise<RollupDelta> {
    const { rows } = await pool.query(
      `SELECT d.*, r.level AS "currentRating",
              EXISTS (SELECT 1 FROM "RatingLink" l WHERE l."dossierId" = d.id) AS "linked",
              EXISTS (SELECT 1 FROM "Petition" p WHERE p."dossierId" = d.id) AS "petitioned"
         FROM "Dossier" d LEFT JOIN "Rating" r ON r."dossierId" = d.id AND r.current`,
    );
    const delta = new RollupDelta();
    for (const d of rows) {
      delta.add(
        {
          ...d,
          processingMinutes: d.processingMinutes,
          rating: d.currentRating,
          ratingLinkIssued: d.linked,
          hasPetition: d.petitioned,
        },
        1,
      );
    }
    return delta;
  }

  it('rebuilds DossierRollup and DossierIntervalRollup to the sum of every dossier’s contribution', async () => {
    const result = await rebuildRollups(pool);
    const expected = await expectedFromContributions();
    const counters = await pool.query(
      `SELECT grain::text, "agencyId", "procedureId", day::text AS day, channel::text, "processingHistogram",
              ${ROLLUP_COUNTERS.map((c) => `"${c}"::float8 AS "${c}"`).join(', ')} FROM "DossierRollup"`,
    );
    const actual = Object.fromEntries(
      counters.rows.map((r) => [
        `${r.grain}|${r.agencyId}|${r.procedureId}|${r.day}|${r.channel}`,
        {
          counters: ROLLUP_COUNTERS.map((c) => r[c]),
          histogram: r.processingHistogram.some((v: number) => v !== 0) ? r.processingHistogram : [],
        },
      ]),
    );
    const wanted = Object.fromEntries(
      expected
        .counterRows()
        .map((r) => [
          `${r.grain}|${r.agencyId}|${r.procedureId}|${r.day}|${r.channel}`,
          { counters: r.counters, histogram: r.histogram.some((v) => v !== 0) ? r.histogram : [] },
        ]),
    );
    expect(result.dossierRollups).toBe(Object.keys(wanted).length);
    expect(actual).toEqual(wanted);
    const intervals = await pool.query(
      `SELECT kind::text, "agencyId", "procedureId", "receivedDay"::text AS r, "fromDay"::text AS f, "toDay"::text AS t, dossiers
         FROM "DossierIntervalRollup"`,
    );
    expect(intervals.rows.length).toBeGreaterThan(0);
    expect(
      Object.fromEntries(
        intervals.rows.map((r) => [
          `${r.kind}|${r.agencyId}|${r.procedureId}|${r.r}|${r.f}|${r.t}`,
          r.dossiers,
        ]),
      ),
    ).toEqual(
      Object.fromEntries(
        expected
          .intervalRows()
          .map((r) => [
            `${r.kind}|${r.agencyId}|${r.procedureId}|${r.receivedDay}|${r.fromDay}|${r.toDay}`,
            r.dossiers,
          ]),
      ),
    );
  });

  it('gives 2.1 and lateOpen at a period end as a direct count of the judgements the fold stored', async () => {
    // docs/domain.md §3.9, counted here straight from the Dossier rows: a dossier received in the
    // period counts on time if it ended by the last day d with an on-time outcome, or if it was open on
    // d and not late on d; lateOpen = dossiers received by d, open on d and late on d.
    await rebuildRollups(pool);
    const { rows } = await pool.query<{
      receivedAt: Date;
      endedAt: Date | null;
      timeliness: string | null;
      openJudgements: OpenJudgement[];
    }>(
      `SELECT "receivedAt", "endedAt", timeliness, "openJudgements" FROM "Dossier" WHERE "receivedAt" IS NOT NULL`,
    );
    const periods = [
      ['2025-10-01', '2025-10-31'],
      ['2025-12-01', '2026-01-31'],
      ['2026-02-01', '2026-02-28'],
      ['2026-03-01', '2026-03-10'],
    ] as const;
    let judgedOpen = 0;
    for (const [from, to] of periods) {
      let onTime = 0;
      let lateOpen = 0;
      for (const d of rows) {
        const received = dayOf(d.receivedAt);
        if (received > to) continue;
        const openOnTo = !d.endedAt || dayOf(d.endedAt) > to;
        const late = openOnTo ? judgementOn(d.openJudgements, to)!.late : null;
        if (late) lateOpen++;
        if (received < from) continue;
        if (openOnTo) judgedOpen++;
        if (openOnTo ? !late : d.timeliness === 'EARLY' || d.timeliness === 'ON_TIME') onTime++;
      }
      const stats = await computeStats(
        pool,
        { agencyIds: null, procedureId: null },
        { from, to },
        '2026-03-16',
      );
      expect({ from, onTime: stats.receivedOnTimeAtPeriodEnd, lateOpen: stats.lateOpen }).toEqual({
        from,
        onTime,
        lateOpen,
      });
    }
    expect(judgedOpen).toBeGreaterThan(0);
  });

  it('keeps early + onTime + late a partition of finished, and totals equal to direct counts', async () => {
    await rebuildRollups(pool);
    const { rows } = await pool.query(`
      SELECT (SELECT count(*) FROM "DossierRollup" WHERE early + "onTime" + late <> finished)::int AS broken,
             (SELECT sum(received) FROM "DossierRollup" WHERE grain = 'DAY' AND "procedureId" <> 0 AND "agencyId" <> 0)::int AS received,
             (SELECT sum(received) FROM "DossierRollup" WHERE grain = 'MONTH' AND "procedureId" <> 0 AND "agencyId" <> 0)::int AS received_by_month,
             (SELECT sum(received) FROM "DossierRollup" WHERE grain = 'MONTH' AND "procedureId" = 0)::int AS received_all_procedures,
             (SELECT sum(received) FROM "DossierRollup" WHERE grain = 'MONTH' AND "agencyId" = 0)::int AS received_all_agencies,
             (SELECT count(*) FROM "DossierRollup" WHERE "agencyId" = 0 AND "procedureId" = 0)::int AS every_agency_and_procedure,
             (SELECT count(*) FROM "Dossier" WHERE "receivedAt" IS NOT NULL)::int AS dossiers_received,
             (SELECT sum(late) FROM "DossierRollup" WHERE grain = 'DAY' AND "procedureId" <> 0 AND "agencyId" <> 0)::int AS late,
             (SELECT count(*) FROM "Dossier" WHERE timeliness = 'LATE' AND "endedAt" IS NOT NULL)::int AS dossiers_late,
             (SELECT sum("processingMinutes") FROM "DossierRollup" WHERE grain = 'DAY' AND "procedureId" <> 0 AND "agencyId" <> 0)::bigint AS minutes,
             (SELECT sum("processingMinutes") FROM "Dossier" WHERE "endedAt" IS NOT NULL AND "receivedAt" IS NOT NULL)::bigint AS dossier_minutes,
             (SELECT sum(h) FROM "DossierRollup", unnest("processingHistogram") AS h WHERE grain = 'DAY' AND "procedureId" <> 0 AND "agencyId" <> 0)::int AS histogram_total,
             (SELECT sum(finished) FROM "DossierRollup" WHERE grain = 'DAY' AND "procedureId" <> 0 AND "agencyId" <> 0)::int AS finished,
             (SELECT sum("verySatisfied" + satisfied + dissatisfied) FROM "DossierRollup" WHERE grain = 'DAY' AND "procedureId" <> 0 AND "agencyId" <> 0)::int AS rated,
             (SELECT count(*) FROM "Rating" r JOIN "Dossier" d ON d.id = r."dossierId"
               WHERE r.current AND d."endedAt" IS NOT NULL AND d."receivedAt" IS NOT NULL)::int AS ratings`);
    const r = rows[0];
    expect(r.broken).toBe(0);
    expect(r.received).toBe(r.dossiers_received);
    expect(r.received_by_month).toBe(r.dossiers_received);
    expect(r.received_all_procedures).toBe(r.dossiers_received);
    expect(r.received_all_agencies).toBe(r.dossiers_received);
    expect(r.every_agency_and_procedure).toBe(0);
    expect(r.late).toBe(r.dossiers_late);
    expect(r.late).toBeGreaterThan(0);
    expect(r.minutes).toBe(r.dossier_minutes);
    expect(r.histogram_total).toBe(r.finished);
    expect(r.rated).toBe(r.ratings);
    expect(r.ratings).toBeGreaterThan(0);
  });

  it('rebuilds SurveyRollup per question, day and value (expectation options by position)', async () => {
    await rebuildRollups(pool);
    const { rows: answers } = await pool.query(
      `SELECT s."agencyId", a."questionId", s."submittedAt", a.value, a.options, q.options AS "questionOptions"
         FROM "SurveyAnswer" a JOIN "SurveyResponse" s ON s.id = a."responseId" JOIN "SurveyQuestion" q ON q.id = a."questionId"`,
    );
    const expected = new Map<string, Counters>();
    const init = (): Counters => ({ answers: 0 });
    for (const a of answers) {
      const prefix = `${a.agencyId}|${a.questionId}|${dayOf(a.submittedAt)}`;
      if (a.value !== null) {
        addTo(expected, `${prefix}|${a.value}`, { answers: 1 }, init);
        continue;
      }
      for (const code of a.options as string[]) {
        const position = (a.questionOptions as { code: string }[]).findIndex((o) => o.code === code) + 1;
        addTo(expected, `${prefix}|${position}`, { answers: 1 }, init);
      }
    }
    const { rows } = await pool.query(
      `SELECT "agencyId", "questionId", day::text AS day, value, answers FROM "SurveyRollup"`,
    );
    const actual = new Map(
      rows.map((r) => [`${r.agencyId}|${r.questionId}|${r.day}|${r.value}`, { answers: r.answers }]),
    );
    expect(expected.size).toBeGreaterThan(0);
    expect(Object.fromEntries(actual)).toEqual(Object.fromEntries(expected));
  });

  it('follows changes of the raw rows, and rolls back with the caller’s transaction', async () => {
    const lateTotal = async () =>
      (
        await pool.query<{ n: number }>(
          `SELECT coalesce(sum(late), 0)::int AS n FROM "DossierRollup" WHERE grain = 'DAY' AND "procedureId" <> 0 AND "agencyId" <> 0`,
        )
      ).rows[0]!.n;
    await rebuildRollups(pool);
    const before = await lateTotal();
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(
        `UPDATE "Dossier" SET timeliness = 'LATE'
          WHERE id = (SELECT id FROM "Dossier" WHERE timeliness = 'EARLY' AND "endedAt" IS NOT NULL ORDER BY id LIMIT 1)`,
      );
      await rebuildRollups(client); // joins the open transaction (savepoint)
      const { rows } = await client.query<{ n: number }>(
        `SELECT sum(late)::int AS n FROM "DossierRollup" WHERE grain = 'DAY' AND "procedureId" <> 0 AND "agencyId" <> 0`,
      );
      expect(rows[0]!.n).toBe(before + 1);
      await client.query('ROLLBACK');
    } finally {
      client.release();
    }
    expect(await lateTotal()).toBe(before);
    const again = await rebuildRollups(pool);
    expect(await lateTotal()).toBe(before);
    expect(again.dossierRollups).toBeGreaterThan(0);
  });
});
