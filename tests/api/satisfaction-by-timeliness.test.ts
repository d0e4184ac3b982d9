// Issue 10, "is a late dossier a dissatisfied one?": ServiceStats.satisfactionByTimeliness over real
// HTTP. A few dossiers with known timeliness are ingested and rated; the expected figures are counted
// by hand below (docs/domain.md §4.1 "Satisfaction by timeliness"): per class EARLY / ON_TIME / LATE
// of the dossiers finished in the period, their current ratings and the satisfied or very satisfied
// among them. Live through statsChanged, and equal after a rebuild of the rollups from raw rows.
import { rebuildRollups } from '@tthc/api/rollups';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { TestApi } from '../support/api.ts';
import { dossierEvents } from '../support/dossier-events.ts';
import { keyFor } from '../support/keys.ts';
import { startSeededApi } from '../support/seeded.ts';

const A = '22870'; // Xã Ninh Phước
const B = '22873'; // Xã Phước Hậu
const TTHN = '1.004873'; // xác nhận tình trạng hôn nhân: 3 working days

let t: TestApi;
let ingest: Record<string, string>;

// Received Mon 5/10/2026 08:00 → 3 working days (1,440 working minutes) → due Thu 8/10 08:00.
// Resolved Wed 7/10 → EARLY (a day before the due day); Thu 8/10 16:00 → ON_TIME (the due day
// itself, compared by day); Fri 9/10 → LATE. A withdrawal counts as handled on time (§3.8).
const finished = (code: string, agency: string, resolved: string, received = '2026-10-05T08:00') =>
  dossierEvents(code, agency, TTHN, 'IN_PERSON', [
    ['RECEIVED', received],
    ['RESOLVED', resolved],
  ]);
const FIXTURES = [
  ...finished('E1', A, '2026-10-07T10:00'), // EARLY, very satisfied
  ...finished('E2', A, '2026-10-07T11:00'), // EARLY, satisfied
  ...finished('E3', A, '2026-10-07T12:00'), // EARLY, not rated: not counted anywhere
  ...finished('O1', A, '2026-10-08T16:00'), // ON_TIME, satisfied
  ...finished('O2', A, '2026-10-08T16:30'), // ON_TIME, dissatisfied
  ...finished('L1', A, '2026-10-09T10:00'), // LATE, dissatisfied
  ...finished('L2', A, '2026-10-09T11:00'), // LATE, dissatisfied
  ...finished('L3', A, '2026-10-09T12:00'), // LATE, satisfied first, then re-rated dissatisfied
  ...finished('BO', B, '2026-10-08T10:00'), // agency B, ON_TIME, satisfied: outside scope A
  // Received Mon 26/10 → due Thu 29/10; resolved Mon 2/11 → LATE, finished in November.
  ...finished('NL', A, '2026-11-02T10:00', '2026-10-26T08:00'), // satisfied, outside October
];
const RATINGS: [string, string][] = [
  ['E1', 'VERY_SATISFIED'],
  ['E2', 'SATISFIED'],
  ['O1', 'SATISFIED'],
  ['O2', 'DISSATISFIED'],
  ['L1', 'DISSATISFIED'],
  ['L2', 'DISSATISFIED'],
  ['L3', 'SATISFIED'],
  ['BO', 'SATISFIED'],
  ['NL', 'SATISFIED'],
  ['L3', 'DISSATISFIED'], // replaces L3's "satisfied", which stays as history
];
const tokens: Record<string, string> = {};

beforeAll(async () => {
  t = await startSeededApi(0, {
    ratingSecret: 'timeliness-test-secret-'.padEnd(64, 'x'),
    ratingTokenDays: 3650,
    trustProxy: true,
  });
  ingest = await keyFor(t, 'INGEST');
  const res = await t.gql<{ recordDossierEvents: { accepted: number; errors: unknown[] } }>(
    `mutation($events: [DossierEventInput!]!) { recordDossierEvents(events: $events) { accepted errors { index code } } }`,
    { events: FIXTURES },
    ingest,
  );
  expect(res.data!.recordDossierEvents).toEqual({ accepted: FIXTURES.length, errors: [] });
  for (const [code, level] of RATINGS) await rate(code, level);
});
afterAll(async () => {
  await t?.close();
});

let ip = 0;
async function rate(code: string, level: string) {
  tokens[code] ??= (
    await t.gql<{ ratingLink: { token: string } }>(
      `mutation($code: String!) { ratingLink(dossierCode: $code) { token } }`,
      { code },
      ingest,
    )
  ).data!.ratingLink.token;
  const res = await t.gql<{ submitRating: { ok: boolean } }>(
    `mutation($input: SubmitRatingInput!) { submitRating(input: $input) { ok error { code } } }`,
    { input: { dossierCode: code, token: tokens[code], level } },
    { 'x-forwarded-for': `203.0.113.${++ip}` },
  );
  expect(res.data!.submitRating.ok).toBe(true);
}

const FIELDS = `satisfactionByTimeliness { timeliness ratings satisfied satisfactionRate }`;
const QUERY = `query($scope: StatsScope!, $period: PeriodInput!) { stats(scope: $scope, period: $period) { ${FIELDS} } }`;
const OCTOBER = { from: '2026-10-01', to: '2026-10-31' };

async function byTimeliness(scope: Record<string, string>, period = OCTOBER) {
  const res = await t.gql<{ stats: { satisfactionByTimeliness: unknown[] } }>(QUERY, { scope, period });
  expect(res.errors).toBeUndefined();
  return res.data!.stats.satisfactionByTimeliness;
}

const row = (timeliness: string, ratings: number, satisfied: number, satisfactionRate: number | null) => ({
  timeliness,
  ratings,
  satisfied,
  satisfactionRate,
});

describe('ServiceStats.satisfactionByTimeliness', () => {
  it('counts current ratings per timeliness class of the dossiers finished in the period', async () => {
    // Agency A, October: EARLY E1 (very satisfied) + E2 (satisfied) = 2 ratings, 2 satisfied; E3 unrated.
    // ON_TIME O1 satisfied + O2 dissatisfied = 2, 1 → 0.5. LATE L1, L2 dissatisfied and L3 re-rated
    // dissatisfied (its earlier "satisfied" is history) = 3, 0 → 0. NL finished in November, BO is in B.
    expect(await byTimeliness({ agencyCode: A, procedureCode: TTHN })).toEqual([
      row('EARLY', 2, 2, 1),
      row('ON_TIME', 2, 1, 0.5),
      row('LATE', 3, 0, 0),
    ]);
  });

  it('follows the scope and the period like the other figures', async () => {
    // Every agency: BO (agency B, ON_TIME, satisfied) joins → ON_TIME 3 ratings, 2 satisfied.
    expect(await byTimeliness({ procedureCode: TTHN })).toEqual([
      row('EARLY', 2, 2, 1),
      row('ON_TIME', 3, 2, 2 / 3),
      row('LATE', 3, 0, 0),
    ]);
    // Agency B alone: only BO.
    expect(await byTimeliness({ agencyCode: B, procedureCode: TTHN })).toEqual([
      row('EARLY', 0, 0, null),
      row('ON_TIME', 1, 1, 1),
      row('LATE', 0, 0, null),
    ]);
    // November, agency A: NL, late and satisfied. No class without ratings gets a rate (null, not 0).
    expect(await byTimeliness({ agencyCode: A }, { from: '2026-11-01', to: '2026-11-30' })).toEqual([
      row('EARLY', 0, 0, null),
      row('ON_TIME', 0, 0, null),
      row('LATE', 1, 1, 1),
    ]);
  });

  it('sums to the period’s ratings and satisfied counts', async () => {
    const res = await t.gql<{ stats: { ratings: number; verySatisfied: number; satisfied: number } }>(
      `query { stats(scope: { agencyCode: "${A}" }, period: { from: "2026-10-01", to: "2026-10-31" }) { ratings verySatisfied satisfied } }`,
    );
    // 2 + 2 + 3 = 7 ratings; satisfied or very satisfied 2 + 1 + 0 = 3 (E1 very, E2 and O1 satisfied).
    expect(res.data!.stats).toEqual({ ratings: 7, verySatisfied: 1, satisfied: 2 });
  });

  it('is pushed live by statsChanged when a rating changes a class', async () => {
    const client = createClient({ url: t.url.replace('http', 'ws'), webSocketImpl: WebSocket });
    const pushes: { timeliness: string; ratings: number; satisfied: number }[][] = [];
    const dispose = client.subscribe<{ statsChanged: { satisfactionByTimeliness: never[] } }>(
      {
        query: `subscription($scope: StatsScope!, $period: PeriodInput!) { statsChanged(scope: $scope, period: $period) { ${FIELDS} } }`,
        variables: { scope: { agencyCode: A, procedureCode: TTHN }, period: OCTOBER },
      },
      {
        next: (m) => pushes.push(m.data!.statsChanged.satisfactionByTimeliness),
        error: () => {},
        complete: () => {},
      },
    );
    try {
      await expect.poll(() => pushes.length, { timeout: 5000 }).toBe(1);
      // L2 changes its mind: dissatisfied → very satisfied. LATE: 3 ratings, 0 → 1 satisfied.
      await rate('L2', 'VERY_SATISFIED');
      await expect
        .poll(() => pushes.at(-1)?.find((r) => r.timeliness === 'LATE'), { timeout: 5000 })
        .toMatchObject({ ratings: 3, satisfied: 1 });
    } finally {
      dispose();
      await client.dispose();
    }
  });

  it('equals what a rebuild of the rollups from the raw rows gives', async () => {
    const before = await byTimeliness({ agencyCode: A, procedureCode: TTHN });
    await rebuildRollups(t.api.services.db.pool);
    expect(await byTimeliness({ agencyCode: A, procedureCode: TTHN })).toEqual(before);
    // After the live test: LATE 3 ratings, 1 satisfied (L2 very satisfied).
    expect(before[2]).toEqual(row('LATE', 3, 1, 1 / 3));
  });
});
