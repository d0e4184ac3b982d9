// Rollups rebuilt from raw rows must equal aggregates computed here, independently, from the same
// raw rows (in TypeScript, with the domain's day and histogram functions).
import { createTestDatabase, type TestDatabase } from '@tthc/db';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayOf, histogramBucket, PROCESSING_HISTOGRAM_BOUNDS } from '../domain/index.ts';
import { seed } from '../seed/index.ts';
import { rebuildRollups } from './rollups.ts';

let database: TestDatabase | undefined;
try {
  database = await createTestDatabase();
} catch (error) {
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

  async function expectedDossierRollups(): Promise<Map<string, Counters>> {
    const { rows } = await pool.query(
      `SELECT "agencyId", "procedureId", channel, status, timeliness, "receivedAt", "endedAt",
              "supplementRequests", apologies, "processingMinutes" FROM "Dossier"`,
    );
    const expected = new Map<string, Counters>();
    const init = (): Counters => ({
      received: 0,
      finished: 0,
      early: 0,
      onTime: 0,
      late: 0,
      withdrawn: 0,
      refused: 0,
      stopped: 0,
      supplementRequests: 0,
      apologies: 0,
      processingMinutes: 0,
      processingHistogram: PROCESSING_HISTOGRAM_BOUNDS.map(() => 0),
    });
    for (const d of rows) {
      const key = (at: Date) => `${d.agencyId}|${d.procedureId}|${dayOf(at)}|${d.channel}`;
      if (d.receivedAt) {
        addTo(
          expected,
          key(d.receivedAt),
          { received: 1, supplementRequests: d.supplementRequests, apologies: d.apologies },
          init,
        );
      }
      if (!d.endedAt) continue;
      if (d.status === 'REFUSED') {
        addTo(expected, key(d.endedAt), { refused: 1 }, init);
        continue;
      }
      if (!d.receivedAt) continue;
      addTo(
        expected,
        key(d.endedAt),
        {
          finished: 1,
          early: d.timeliness === 'EARLY' ? 1 : 0,
          late: d.timeliness === 'LATE' ? 1 : 0,
          onTime: d.timeliness !== 'EARLY' && d.timeliness !== 'LATE' ? 1 : 0,
          withdrawn: d.status === 'WITHDRAWN' ? 1 : 0,
          stopped: d.status === 'STOPPED' ? 1 : 0,
          processingMinutes: d.processingMinutes ?? 0,
        },
        init,
      );
      if (d.processingMinutes !== null) {
        (expected.get(key(d.endedAt))!.processingHistogram as number[])[
          histogramBucket(d.processingMinutes)
        ]! += 1;
      }
    }
    return expected;
  }

  async function actualDossierRollups(): Promise<Map<string, Counters>> {
    const { rows } = await pool.query(
      `SELECT "agencyId", "procedureId", day::text AS day, channel, received, finished, early, "onTime", late,
              withdrawn, refused, stopped, "supplementRequests", apologies, "processingMinutes"::int AS "processingMinutes",
              "processingHistogram" FROM "DossierRollup"`,
    );
    return new Map(
      rows.map(({ agencyId, procedureId, day, channel, ...counters }) => [
        `${agencyId}|${procedureId}|${day}|${channel}`,
        counters,
      ]),
    );
  }

  it('rebuilds DossierRollup to the per-day aggregates of the raw dossiers', async () => {
    const result = await rebuildRollups(pool);
    const expected = await expectedDossierRollups();
    const actual = await actualDossierRollups();
    expect(result.dossierRollups).toBe(expected.size);
    expect(Object.fromEntries(actual)).toEqual(Object.fromEntries(expected));
  });

  it('keeps early + onTime + late a partition of finished, and totals equal to direct counts', async () => {
    await rebuildRollups(pool);
    const { rows } = await pool.query(`
      SELECT (SELECT count(*) FROM "DossierRollup" WHERE early + "onTime" + late <> finished)::int AS broken,
             (SELECT sum(received) FROM "DossierRollup")::int AS received,
             (SELECT count(*) FROM "Dossier" WHERE "receivedAt" IS NOT NULL)::int AS dossiers_received,
             (SELECT sum(late) FROM "DossierRollup")::int AS late,
             (SELECT count(*) FROM "Dossier" WHERE timeliness = 'LATE' AND "endedAt" IS NOT NULL)::int AS dossiers_late,
             (SELECT sum("processingMinutes") FROM "DossierRollup")::bigint AS minutes,
             (SELECT sum("processingMinutes") FROM "Dossier" WHERE "endedAt" IS NOT NULL AND status <> 'REFUSED')::bigint AS dossier_minutes,
             (SELECT sum(h) FROM "DossierRollup", unnest("processingHistogram") AS h)::int AS histogram_total,
             (SELECT sum(finished) FROM "DossierRollup")::int AS finished`);
    const r = rows[0];
    expect(r.broken).toBe(0);
    expect(r.received).toBe(r.dossiers_received);
    expect(r.late).toBe(r.dossiers_late);
    expect(r.late).toBeGreaterThan(0);
    expect(r.minutes).toBe(r.dossier_minutes);
    expect(r.histogram_total).toBe(r.finished);
  });

  it('rebuilds RatingRollup from current ratings and issued links, by the day the dossier finished', async () => {
    await rebuildRollups(pool);
    const { rows: dossiers } = await pool.query(
      `SELECT d.id, d."agencyId", d."procedureId", d."endedAt",
              EXISTS (SELECT 1 FROM "RatingLink" l WHERE l."dossierId" = d.id) AS linked
         FROM "Dossier" d WHERE d."endedAt" IS NOT NULL AND d."receivedAt" IS NOT NULL AND d.status <> 'REFUSED'`,
    );
    const { rows: ratings } = await pool.query(`SELECT "dossierId", level FROM "Rating" WHERE current`);
    const byId = new Map(dossiers.map((d) => [d.id, d]));
    const expected = new Map<string, Counters>();
    const init = (): Counters => ({ verySatisfied: 0, satisfied: 0, dissatisfied: 0, linksIssued: 0 });
    const key = (d: { agencyId: number; procedureId: number; endedAt: Date }) =>
      `${d.agencyId}|${d.procedureId}|${dayOf(d.endedAt)}`;
    for (const d of dossiers) if (d.linked) addTo(expected, key(d), { linksIssued: 1 }, init);
    for (const r of ratings) {
      const d = byId.get(r.dossierId)!;
      const field =
        r.level === 'VERY_SATISFIED'
          ? 'verySatisfied'
          : r.level === 'SATISFIED'
            ? 'satisfied'
            : 'dissatisfied';
      addTo(expected, key(d), { [field]: 1 }, init);
    }
    const { rows } = await pool.query(
      `SELECT "agencyId", "procedureId", day::text AS day, "verySatisfied", satisfied, dissatisfied, "linksIssued" FROM "RatingRollup"`,
    );
    const actual = new Map(
      rows.map(({ agencyId, procedureId, day, ...c }) => [`${agencyId}|${procedureId}|${day}`, c]),
    );
    expect(ratings.length).toBeGreaterThan(0);
    expect(Object.fromEntries(actual)).toEqual(Object.fromEntries(expected));
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
      (await pool.query<{ n: number }>('SELECT coalesce(sum(late), 0)::int AS n FROM "DossierRollup"'))
        .rows[0]!.n;
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
      const { rows } = await client.query<{ n: number }>('SELECT sum(late)::int AS n FROM "DossierRollup"');
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
