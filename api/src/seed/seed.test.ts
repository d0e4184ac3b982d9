// The demo seed: deterministic, real reference data in place, dossiers consistent with their events,
// and fast enough to run at every first start (the default 20,000 dossiers in a few seconds).
import { createTestDatabase, type TestDatabase } from '@tthc/db';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  atLocalMinute,
  type DossierEventFact,
  type DossierState,
  foldDossierEvents,
  recordedDueDateChanges,
  type TimeUnit,
  WorkingCalendar,
} from '../domain/index.ts';
import { loadConfig } from '../server/config.ts';
import { isDatabaseEmpty, type SeedSummary, seed, seedAnchorDay } from './index.ts';

const ANCHOR = '2026-11-27';

const databases: TestDatabase[] = [];
try {
  databases.push(await createTestDatabase(), await createTestDatabase());
} catch (error) {
  // Under CI a database is part of the run: a test that cannot reach it fails, it does not skip.
  if (process.env.CI) throw error;
  console.warn(`seed.test.ts skipped: no PostgreSQL server reachable (${(error as Error).message})`);
}

/** A digest of the seeded content (not only the counts): codes, states, instants, ratings, answers. */
const FINGERPRINT_SQL = `
SELECT
  (SELECT md5(string_agg(concat_ws('|', code, status, "receivedAt", "dueAt", "endedAt", timeliness, "lastSequence",
                                   "timelinessDueAt", "supplementPendingSince", "processingMinutes", rating,
                                   "ratingLinkIssued", "hasPetition"), ',' ORDER BY code)) FROM "Dossier") AS dossiers,
  (SELECT md5(string_agg(concat_ws('|', d.code, e.sequence, e.status, e."occurredAt", e."apologyRef"), ',' ORDER BY d.code, e.sequence))
     FROM "DossierEvent" e JOIN "Dossier" d ON d.id = e."dossierId") AS events,
  (SELECT md5(string_agg(concat_ws('|', d.code, r.level, r."submittedAt", r.current), ',' ORDER BY d.code, r."submittedAt"))
     FROM "Rating" r JOIN "Dossier" d ON d.id = r."dossierId") AS ratings,
  (SELECT md5(string_agg(concat_ws('|', s."idempotencyKey", a."questionId", a.value, a.options::text), ',' ORDER BY s."idempotencyKey", a."questionId"))
     FROM "SurveyAnswer" a JOIN "SurveyResponse" s ON s.id = a."responseId") AS answers`;

describe.skipIf(databases.length < 2)('seed', () => {
  const pools: pg.Pool[] = [];
  const summaries: SeedSummary[] = [];
  let pool: pg.Pool;

  beforeAll(async () => {
    for (const database of databases) pools.push(new pg.Pool({ connectionString: database.url, max: 3 }));
    pool = pools[0]!;
    expect(await isDatabaseEmpty({ pool })).toBe(true);
    for (const p of pools) {
      const summary = await seed({ pool: p }, { today: ANCHOR });
      console.log(`seed of ${summary.counts.Dossier} dossiers (anchor ${ANCHOR}): ${summary.ms} ms`);
      summaries.push(summary);
    }
  }, 180_000);

  afterAll(async () => {
    await Promise.all(pools.map((p) => p.end()));
    await Promise.all(databases.map((d) => d.drop()));
  });

  it('is deterministic: the same anchor gives the same summary and the same content', async () => {
    const [a, b] = summaries.map(({ ms: _ms, ...rest }) => rest);
    expect(b).toEqual(a);
    const [fa, fb] = await Promise.all(pools.map(async (p) => (await p.query(FINGERPRINT_SQL)).rows[0]));
    expect(fb).toEqual(fa);
  });

  it('seeds the default 20,000 dossiers in a few seconds, and refuses a database that is not empty', async () => {
    expect(summaries[0]!.counts.Dossier).toBe(20_000);
    expect(summaries[0]!.ms).toBeLessThan(30_000);
    expect(await isDatabaseEmpty({ pool })).toBe(false);
    await expect(seed({ pool }, { today: ANCHOR, dossiers: 10 })).rejects.toThrow(/đã có dữ liệu/);
  });

  it('has procedure 1.001193 with its three time limits and the 15:00 same-day cut-off', async () => {
    const { rows } = await pool.query(
      `SELECT v."sameDayCutoffMinute", p."onlineLevel", p."searchText", v."decisionNumber",
              t.channel, t.value::float8 AS value, t.unit
         FROM "Procedure" p
         JOIN "ProcedureVersion" v ON v.id = p."currentVersionId"
         JOIN "ProcedureTimeLimit" t ON t."versionId" = v.id
        WHERE p.code = '1.001193' ORDER BY t.channel`,
    );
    expect(rows.map((r) => [r.channel, r.value, r.unit])).toEqual([
      ['IN_PERSON', 1, 'WORKING_DAYS'],
      ['ONLINE', 1, 'WORKING_DAYS'],
      ['POSTAL', 1, 'WORKING_DAYS'],
    ]);
    expect(rows[0]).toMatchObject({
      sameDayCutoffMinute: 900,
      onlineLevel: 'FULL',
      decisionNumber: '163/QĐ-BTP',
      searchText: 'thu tuc dang ky khai sinh',
    });
  });

  it('parses publication decisions with a suffix, and keeps unsure time limits flagged', async () => {
    const { rows } = await pool.query(
      `SELECT p.code, v."decisionNumber", p."onlineLevel", v."sameDayCutoffMinute",
              bool_or(t.unverified) AS unverified, count(t.id)::int AS limits
         FROM "Procedure" p JOIN "ProcedureVersion" v ON v.id = p."currentVersionId"
         LEFT JOIN "ProcedureTimeLimit" t ON t."versionId" = v.id
        WHERE p.code IN ('1.004222', '1.004884', '2.001035') GROUP BY 1, 2, 3, 4 ORDER BY 1`,
    );
    expect(rows).toEqual([
      {
        code: '1.004222',
        decisionNumber: '1523/QĐ-BCA-C06',
        onlineLevel: 'PARTIAL',
        sameDayCutoffMinute: null,
        unverified: false,
        limits: 2,
      },
      {
        code: '1.004884',
        decisionNumber: '163/QĐ-BTP',
        onlineLevel: 'PARTIAL',
        sameDayCutoffMinute: null,
        unverified: true,
        limits: 3,
      },
      {
        code: '2.001035',
        decisionNumber: '858/QĐ-BTP',
        onlineLevel: 'INFO_ONLY',
        sameDayCutoffMinute: null,
        unverified: null,
        limits: 0,
      },
    ]);
  });

  it('keys units by code and validity: 22870 is TT Phước Dân until 30/6/2025, then xã Ninh Phước', async () => {
    const { rows } = await pool.query(
      `SELECT a.id, a.name, a.level, a."validFrom"::text AS "validFrom", a."validTo"::text AS "validTo",
              a."successorId", p.code AS "parentCode", gp.code AS "grandparentCode"
         FROM "Agency" a LEFT JOIN "Agency" p ON p.id = a."parentId" LEFT JOIN "Agency" gp ON gp.id = p."parentId"
        WHERE a.code = '22870' ORDER BY a."validTo" NULLS LAST`,
    );
    expect(rows).toHaveLength(2);
    const [old, current] = rows;
    expect(old).toMatchObject({
      name: 'Thị trấn Phước Dân',
      validTo: '2025-06-30',
      parentCode: '587',
      grandparentCode: '58',
    });
    expect(current).toMatchObject({
      name: 'Xã Ninh Phước',
      validFrom: '2025-07-01',
      validTo: null,
      parentCode: '56',
    });
    expect(old.successorId).toBe(current.id);
    // "Xã Phước Hậu" names both a former and a new commune: the successor is the one valid on 1/7/2025.
    const { rows: phuocSon } = await pool.query(
      `SELECT s.code, s."validFrom"::text AS "validFrom" FROM "Agency" a JOIN "Agency" s ON s.id = a."successorId" WHERE a.name = 'Xã Phước Sơn'`,
    );
    expect(phuocSon).toEqual([{ code: '22873', validFrom: '2025-07-01' }]);
    const { rows: departments } = await pool.query(
      `SELECT count(*)::int AS n FROM "Agency" WHERE code LIKE '56.%'`,
    );
    expect(departments[0].n).toBe(14);
  });

  it('gives every dossier events numbered 1..lastSequence that agree with the dossier row', async () => {
    const { rows } = await pool.query(`
      WITH ev AS (
        SELECT "dossierId", max(sequence) AS max_seq, count(*) AS n, min(sequence) AS min_seq,
               bool_and(status <> 'RECEIVED') AS never_received,
               max("occurredAt") FILTER (WHERE status = 'RECEIVED') AS received_at,
               max("occurredAt") FILTER (WHERE status = 'RESOLVED') AS resolved_at,
               count(*) FILTER (WHERE status = 'SUPPLEMENT_REQUESTED') AS supplements,
               count(*) FILTER (WHERE "apologyRef" IS NOT NULL) AS apologies
          FROM "DossierEvent" GROUP BY 1)
      SELECT count(*) FILTER (WHERE ev."dossierId" IS NULL) AS without_events,
             count(*) FILTER (WHERE ev.max_seq <> d."lastSequence" OR ev.n <> d."lastSequence" OR ev.min_seq <> 1) AS bad_sequence,
             count(*) FILTER (WHERE last.status <> d.status) AS bad_status,
             count(*) FILTER (WHERE ev.received_at IS DISTINCT FROM d."receivedAt" OR ev.resolved_at IS DISTINCT FROM d."resolvedAt") AS bad_times,
             count(*) FILTER (WHERE ev.supplements <> d."supplementRequests" OR ev.apologies <> d.apologies) AS bad_counts,
             count(*) FILTER (WHERE d."endedAt" IS NOT NULL AND d."receivedAt" IS NOT NULL AND d."processingMinutes" IS NULL) AS missing_minutes,
             count(*) FILTER (WHERE d."endedAt" IS NULL AND d.timeliness IN ('EARLY', 'LATE') AND d.status <> 'SUPPLEMENT_REQUESTED') AS bad_open,
             count(*) FILTER (WHERE (d."dueAt" IS NULL) <> (d."timelinessDueAt" IS NULL) OR d."timelinessDueAt" > d."dueAt"
                                 OR (d.apologies = 0 AND d."timelinessDueAt" IS DISTINCT FROM d."dueAt")) AS bad_due,
             count(*) FILTER (WHERE d."supplementPendingSince" IS NOT NULL AND (d."endedAt" IS NOT NULL OR d.status <> 'SUPPLEMENT_REQUESTED')) AS bad_pending
        FROM "Dossier" d
        LEFT JOIN ev ON ev."dossierId" = d.id
        LEFT JOIN "DossierEvent" last ON last."dossierId" = d.id AND last.sequence = d."lastSequence"`);
    expect(rows[0]).toEqual({
      without_events: '0',
      bad_sequence: '0',
      bad_status: '0',
      bad_times: '0',
      bad_counts: '0',
      missing_minutes: '0',
      bad_open: '0',
      bad_due: '0',
      bad_pending: '0',
    });
    const { rows: codes } = await pool.query(
      `SELECT count(*)::int AS n FROM "Dossier" WHERE code !~ '^[0-9A-Z.]+-[0-9]{6}-[0-9]{4}$'`,
    );
    expect(codes[0].n).toBe(0);
  });

  it('has a plausible outcome mix: 5–10% late, a few withdrawn and refused, ~3% open, supplements ~8%', async () => {
    const { rows } = await pool.query(`
      SELECT count(*)::int AS total,
             count(*) FILTER (WHERE "endedAt" IS NOT NULL AND status <> 'REFUSED')::int AS finished,
             count(*) FILTER (WHERE "endedAt" IS NOT NULL AND timeliness = 'LATE')::int AS late,
             count(*) FILTER (WHERE status = 'WITHDRAWN')::int AS withdrawn,
             count(*) FILTER (WHERE status = 'REFUSED')::int AS refused,
             count(*) FILTER (WHERE "endedAt" IS NULL)::int AS open,
             count(*) FILTER (WHERE "supplementRequests" = 1)::int AS one_supplement,
             count(*) FILTER (WHERE "supplementRequests" >= 2)::int AS two_supplements,
             count(*) FILTER (WHERE channel = 'ONLINE')::int AS online
        FROM "Dossier"`);
    const r = rows[0];
    expect(r.late / r.finished).toBeGreaterThan(0.05);
    expect(r.late / r.finished).toBeLessThan(0.1);
    expect(r.withdrawn / r.total).toBeGreaterThan(0.005);
    expect(r.refused / r.total).toBeGreaterThan(0.003);
    expect(r.open / r.total).toBeGreaterThan(0.015);
    expect(r.open / r.total).toBeLessThan(0.05);
    expect(r.one_supplement / r.total).toBeGreaterThan(0.06);
    expect(r.one_supplement / r.total).toBeLessThan(0.11);
    expect(r.two_supplements / r.total).toBeGreaterThan(0.005);
    expect(r.online / r.total).toBeGreaterThan(0.3);
    expect(r.online / r.total).toBeLessThan(0.5);
  });

  it('issues every apology at least one day before the deadline it moves, and every late dossier has one', async () => {
    const { rows } = await pool.query(`
      SELECT (SELECT count(*) FROM "DueDateChange" WHERE reason = 'APOLOGY')::int AS apologies,
             (SELECT count(*) FROM "DueDateChange" WHERE reason = 'APOLOGY'
                 AND ("changedAt" > "previousDueAt" - interval '1 day' OR "apologyRef" NOT LIKE 'PXL-%'
                      -- and timely on the working calendar (docs/domain.md §3.7 "Apology timing")
                      OR "apologyTimely" IS NOT TRUE))::int AS bad,
             (SELECT count(*) FROM "Dossier" WHERE timeliness = 'LATE' AND "supplementRequests" < 2 AND apologies = 0)::int AS unapologised`);
    expect(rows[0].apologies).toBeGreaterThan(0);
    expect(rows[0].bad).toBe(0);
    expect(rows[0].unapologised).toBe(0);
  });

  it('dates dossiers before 1/7/2025 only at units that existed then', async () => {
    const { rows } = await pool.query(`
      SELECT count(*)::int AS n FROM "Dossier" d JOIN "Agency" a ON a.id = d."agencyId"
       WHERE (a."validFrom" IS NOT NULL AND (d."receivedAt" AT TIME ZONE 'Asia/Ho_Chi_Minh')::date < a."validFrom")
          OR (a."validTo" IS NOT NULL AND (d."receivedAt" AT TIME ZONE 'Asia/Ho_Chi_Minh')::date > a."validTo")`);
    expect(rows[0].n).toBe(0);
  });

  it('stores each dossier as foldDossierEvents of its stored events, due-date history included (a sample)', async () => {
    const { rows: days } = await pool.query<{ date: string; working: boolean }>(
      `SELECT date::text AS date, working FROM "CalendarDay"`,
    );
    const calendar = new WorkingCalendar(days);
    const asOf = atLocalMinute(ANCHOR, 24 * 60 - 1);
    // A fixed sample (by md5 of the code) plus the rarer cases, so that each kind of history is folded.
    const { rows: dossiers } = await pool.query(`
      WITH sample AS (
        (SELECT id FROM "Dossier" ORDER BY md5(code) LIMIT 250)
        UNION (SELECT id FROM "Dossier" WHERE apologies > 0 ORDER BY md5(code) LIMIT 40)
        UNION (SELECT id FROM "Dossier" WHERE "supplementRequests" >= 2 ORDER BY md5(code) LIMIT 40)
        UNION (SELECT id FROM "Dossier" WHERE "supplementPendingSince" IS NOT NULL ORDER BY md5(code) LIMIT 40)
        UNION (SELECT id FROM "Dossier" WHERE status IN ('REFUSED', 'STOPPED', 'WITHDRAWN') ORDER BY md5(code) LIMIT 60)
        UNION (SELECT id FROM "Dossier" WHERE "endedAt" IS NULL ORDER BY md5(code) LIMIT 40))
      SELECT d.*, v."sameDayCutoffMinute" AS cutoff, t.value::float8 AS limit_value, t.unit AS limit_unit
        FROM "Dossier" d
        JOIN sample USING (id)
        JOIN "Procedure" p ON p.id = d."procedureId"
        JOIN "ProcedureVersion" v ON v.id = p."currentVersionId"
        LEFT JOIN "ProcedureTimeLimit" t ON t."versionId" = p."currentVersionId" AND t.channel = d.channel
       ORDER BY d.code`);
    const ids = dossiers.map((d) => d.id);
    const { rows: eventRows } = await pool.query(
      `SELECT "dossierId", sequence, status, "occurredAt", "dueAt", "apologyRef"
         FROM "DossierEvent" WHERE "dossierId" = ANY($1::bigint[]) ORDER BY "dossierId", sequence`,
      [ids],
    );
    const { rows: changeRows } = await pool.query(
      `SELECT "dossierId", reason, "previousDueAt", "newDueAt", "apologyRef", "changedAt"
         FROM "DueDateChange" WHERE "dossierId" = ANY($1::bigint[]) ORDER BY "dossierId", id`,
      [ids],
    );
    const group = <R extends { dossierId: string }>(list: R[]) => {
      const map = new Map<string, Omit<R, 'dossierId'>[]>();
      for (const { dossierId, ...rest } of list) map.set(dossierId, [...(map.get(dossierId) ?? []), rest]);
      return map;
    };
    const eventsOf = group(eventRows);
    const changesOf = group(changeRows);

    const stored: unknown[] = [];
    const folded: unknown[] = [];
    for (const d of dossiers) {
      // Folded in reverse order: the fold takes events by sequence, however they come.
      const events = [...(eventsOf.get(d.id) ?? [])].reverse() as DossierEventFact[];
      const state: DossierState = foldDossierEvents(events, {
        calendar,
        limit: d.limit_unit ? { value: d.limit_value, unit: d.limit_unit as TimeUnit } : null,
        sameDayCutoffMinute: d.cutoff,
        asOf,
      });
      const { unansweredSupplementSince: _u, endKind: _k, dueDateChanges: _c, ...columns } = state;
      const dueDateChanges = recordedDueDateChanges(state);
      stored.push({
        code: d.code,
        ...Object.fromEntries(Object.keys(columns).map((k) => [k, d[k]])),
        dueDateChanges: changesOf.get(d.id) ?? [],
      });
      folded.push({ code: d.code, ...columns, dueDateChanges });
    }
    expect(dossiers.length).toBeGreaterThan(300);
    expect(stored).toEqual(folded);
    // The sample covers the histories the fold treats differently.
    const count = (f: (d: (typeof dossiers)[number]) => boolean) => dossiers.filter(f).length;
    expect(count((d) => d.apologies > 0)).toBeGreaterThan(10);
    expect(count((d) => d.supplementRequests >= 2)).toBeGreaterThan(10);
    expect(count((d) => d.supplementPendingSince !== null)).toBeGreaterThan(5);
    expect(count((d) => d.status === 'REFUSED')).toBeGreaterThan(5);
    expect(count((d) => d.status === 'STOPPED')).toBeGreaterThan(5);
    expect(count((d) => d.endedAt === null)).toBeGreaterThan(10);
  });

  it('mirrors on each dossier its current rating, whether a rating link was issued, and whether a petition names it', async () => {
    const { rows } = await pool.query(`
      SELECT count(*) FILTER (WHERE d.rating IS DISTINCT FROM r.level)::int AS bad_rating,
             count(*) FILTER (WHERE d."ratingLinkIssued" <> EXISTS (SELECT 1 FROM "RatingLink" l WHERE l."dossierId" = d.id))::int AS bad_link,
             count(*) FILTER (WHERE d."hasPetition" <> EXISTS (SELECT 1 FROM "Petition" p WHERE p."dossierId" = d.id))::int AS bad_petition,
             count(*) FILTER (WHERE (d.rating IS NOT NULL OR d."ratingLinkIssued") AND (d."endedAt" IS NULL OR d."receivedAt" IS NULL))::int AS rated_unfinished,
             count(*) FILTER (WHERE d.rating IS NOT NULL)::int AS rated,
             count(*) FILTER (WHERE d."ratingLinkIssued")::int AS linked,
             count(*) FILTER (WHERE d."hasPetition")::int AS petitioned
        FROM "Dossier" d LEFT JOIN "Rating" r ON r."dossierId" = d.id AND r.current`);
    expect(rows[0]).toMatchObject({ bad_rating: 0, bad_link: 0, bad_petition: 0, rated_unfinished: 0 });
    expect(rows[0].rated).toBeGreaterThan(1000);
    expect(rows[0].linked).toBeGreaterThan(rows[0].rated);
    expect(rows[0].petitioned).toBeGreaterThan(10);
  });

  it('seeds the SIPAS questionnaire (5 factors, 22 criteria) and the quick rating form', async () => {
    const { rows } = await pool.query(`
      SELECT q.code, q.kind, q.status,
             (SELECT count(*) FROM "SurveyFactor" f WHERE f."questionnaireId" = q.id)::int AS factors,
             (SELECT count(*) FROM "SurveyCriterion" c JOIN "SurveyFactor" f ON f.id = c."factorId" WHERE f."questionnaireId" = q.id)::int AS criteria,
             (SELECT count(*) FROM "SurveyResponse" r WHERE r."questionnaireId" = q.id)::int AS responses
        FROM "Questionnaire" q ORDER BY q.code`);
    expect(rows).toEqual([
      {
        code: 'DANH-GIA-NHANH',
        kind: 'QUICK_RATING',
        status: 'PUBLISHED',
        factors: 0,
        criteria: 0,
        responses: 0,
      },
      { code: 'SIPAS-2640', kind: 'SIPAS', status: 'PUBLISHED', factors: 5, criteria: 22, responses: 1500 },
    ]);
  });

  it('takes the anchor it is given, refuses a malformed one, and SEED_TODAY is read by the config', () => {
    expect(seedAnchorDay('2025-12-31')).toBe('2025-12-31');
    expect(() => seedAnchorDay('15/01/2026')).toThrow(RangeError);
    expect(loadConfig({ SEED_TODAY: '2026-01-15' }).seedToday).toBe('2026-01-15');
    expect(loadConfig({}).seedToday).toBeUndefined();
    expect(() => loadConfig({ SEED_TODAY: '15/01/2026' })).toThrow(/SEED_TODAY/);
  });
});
