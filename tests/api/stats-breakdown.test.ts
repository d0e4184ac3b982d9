// Query.statsBreakdown over real HTTP: the figures of a scope per unit, procedure and sector, counted
// by hand from the fixtures of tests/support/dashboard-fixtures.ts, and the rows adding up to the
// scope's `stats`. Also MonthStats.byChannel (the dashboard's volume chart).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApi } from '../support/api.ts';
import {
  A,
  B,
  loadDashboardFixtures,
  OCTOBER,
  P1,
  P2,
  PROVINCE,
  RATING_CONFIG,
} from '../support/dashboard-fixtures.ts';
import { keyFor } from '../support/keys.ts';
import { startSeededApi } from '../support/seeded.ts';

let t: TestApi;

beforeAll(async () => {
  t = await startSeededApi(0, RATING_CONFIG);
  await loadDashboardFixtures(t, await keyFor(t, 'INGEST'));
});
afterAll(async () => {
  await t?.close();
});

const ADDITIVE = [
  'received',
  'finished',
  'early',
  'onTime',
  'late',
  'lateOpen',
  'refused',
  'withdrawn',
  'stopped',
  'supplementRequests',
  'apologies',
  'ratings',
  'verySatisfied',
  'satisfied',
  'dissatisfied',
] as const;
const FIELDS = `key name own ${ADDITIVE.join(' ')} onTimeRate satisfactionRate medianProcessingWorkingDays p90ProcessingWorkingDays`;
type Row = Record<(typeof ADDITIVE)[number], number> & {
  key: string;
  name: string;
  own: boolean;
  onTimeRate: number | null;
  satisfactionRate: number | null;
};

async function breakdown(
  scope: Record<string, string>,
  by: string,
  period: { from: string; to: string } = OCTOBER,
  headers?: Record<string, string>,
): Promise<Row[]> {
  const res = await t.gql<{ statsBreakdown: Row[] }>(
    `query($scope: StatsScope!, $period: PeriodInput!, $by: StatsDimension!) {
       statsBreakdown(scope: $scope, period: $period, by: $by) { ${FIELDS} } }`,
    { scope, period, by },
    headers,
  );
  expect(res.errors).toBeUndefined();
  return res.data!.statsBreakdown;
}

async function stats(scope: Record<string, string>, period = OCTOBER) {
  const res = await t.gql<{ stats: Record<string, number> }>(
    `query($scope: StatsScope!, $period: PeriodInput!) { stats(scope: $scope, period: $period) { ${ADDITIVE.join(' ')} } }`,
    { scope, period },
  );
  expect(res.errors).toBeUndefined();
  return res.data!.stats;
}

const pick = (row: Row, ...keys: (keyof Row)[]) => Object.fromEntries(keys.map((k) => [k, row[k]]));
const FIGURES = [
  'received',
  'finished',
  'early',
  'onTime',
  'late',
  'lateOpen',
  'ratings',
  'satisfactionRate',
] as const;

describe('statsBreakdown by UNIT', () => {
  it('gives each child commune of the province its figures, and the province’s own desk a row', async () => {
    const rows = await breakdown({ agencyCode: PROVINCE }, 'UNIT');
    // Units without any dossier (the other communes, the departments) have no row.
    expect(rows.map((r) => [r.key, r.own])).toEqual([
      [PROVINCE, true],
      [A, false],
      [B, false],
    ]);
    const [own, a, b] = rows as [Row, Row, Row];
    // The province's desk: S1, received and finished early in October.
    expect(pick(own, ...FIGURES)).toEqual({
      received: 1,
      finished: 1,
      early: 1,
      onTime: 0,
      late: 0,
      lateOpen: 0,
      ratings: 0,
      satisfactionRate: null,
    });
    // A: A1–A5 received; finished A1 early, A3 on time, A2 and A5 late; A4 open, due 22/10: late on
    // 31/10. Ratings: A1 very satisfied, A2 dissatisfied → 1 of 2 satisfied.
    expect(pick(a, ...FIGURES, 'onTimeRate')).toEqual({
      received: 5,
      finished: 4,
      early: 1,
      onTime: 1,
      late: 2,
      lateOpen: 1,
      ratings: 2,
      satisfactionRate: 0.5,
      onTimeRate: 0.5, // (1 + 1) / 4
    });
    // B: B1–B4 received; only B1 finished, on time, rated satisfied; B2 (due 29/10) and B3 (due
    // 30/10) late open on 31/10, B4 (due 3/11) not.
    expect(pick(b, ...FIGURES, 'onTimeRate')).toEqual({
      received: 4,
      finished: 1,
      early: 0,
      onTime: 1,
      late: 0,
      lateOpen: 2,
      ratings: 1,
      satisfactionRate: 1,
      onTimeRate: 1,
    });
    expect(b.name).toBe('Xã Phước Hậu');
  });

  it('counts a unit merged on 1/7/2025 under its successor', async () => {
    // From June 2025: F1 (former xã Phước Hậu 22879, early in June 2025) joins B's row: received
    // 4 + 1, finished 1 + 1, early 0 + 1. The former unit has no row of its own.
    const period = { from: '2025-06-01', to: '2026-10-31' };
    const rows = await breakdown({ agencyCode: PROVINCE }, 'UNIT', period);
    expect(rows.map((r) => r.key)).toEqual([PROVINCE, A, B]);
    expect(pick(rows[2]!, 'received', 'finished', 'early', 'onTime')).toEqual({
      received: 5,
      finished: 2,
      early: 1,
      onTime: 1,
    });
    // The same as B's own stats (its subtree with history).
    expect(pick(rows[2]!, 'received', 'finished', 'early', 'onTime', 'lateOpen')).toEqual(
      pick(
        (await stats({ agencyCode: B }, period)) as never,
        'received',
        'finished',
        'early',
        'onTime',
        'lateOpen',
      ),
    );
  });

  it('puts a commune without child units in one row of its own, and follows a procedure in the scope', async () => {
    const own = await breakdown({ agencyCode: A }, 'UNIT');
    expect(own.map((r) => [r.key, r.own, r.received])).toEqual([[A, true, 5]]);
    // P1 only: A1, A2, A5 in A (received 3, lateOpen 0); B1, B2 in B (received 2, B2 late open).
    const p1 = await breakdown({ agencyCode: PROVINCE, procedureCode: P1 }, 'UNIT');
    expect(p1.map((r) => [r.key, r.received, r.lateOpen])).toEqual([
      [A, 3, 0],
      [B, 2, 1],
    ]);
  });
});

describe('statsBreakdown by PROCEDURE and SECTOR', () => {
  it('gives each procedure with activity its figures', async () => {
    const rows = await breakdown({ agencyCode: PROVINCE }, 'PROCEDURE');
    // Ordered by code: 1.004194 (P2) before 1.004873 (P1).
    expect(rows.map((r) => r.key)).toEqual([P2, P1]);
    // P1: A1, A2, A5, B1, B2 received; A1 early, B1 on time, A2 and A5 late; B2 late open.
    expect(pick(rows[1]!, ...FIGURES)).toEqual({
      received: 5,
      finished: 4,
      early: 1,
      onTime: 1,
      late: 2,
      lateOpen: 1,
      ratings: 3, // A1, A2, B1
      satisfactionRate: 2 / 3, // A1 very satisfied, B1 satisfied
    });
    // P2: A3, A4, B3, B4, S1 received; S1 early, A3 on time; A4 and B3 late open.
    expect(pick(rows[0]!, ...FIGURES)).toEqual({
      received: 5,
      finished: 2,
      early: 1,
      onTime: 1,
      late: 0,
      lateOpen: 2,
      ratings: 0,
      satisfactionRate: null,
    });
  });

  it('groups procedures by their sector', async () => {
    const sectors = await t.gql<{ p1: { sector: { code: string } }; p2: { sector: { code: string } } }>(
      `query { p1: procedure(code: "${P1}") { sector { code } } p2: procedure(code: "${P2}") { sector { code } } }`,
    );
    const rows = await breakdown({ agencyCode: B }, 'SECTOR');
    // B: Hộ tịch = P1 (B1, B2), cư trú = P2 (B3, B4).
    const bySector = Object.fromEntries(
      rows.map((r) => [r.key, [r.name, r.received, r.finished, r.lateOpen]]),
    );
    expect(bySector).toEqual({
      [sectors.data!.p1.sector.code]: ['Hộ tịch', 2, 1, 1],
      [sectors.data!.p2.sector.code]: ['Đăng ký, quản lý cư trú', 2, 0, 1],
    });
  });
});

describe('statsBreakdown rows add up to stats', () => {
  for (const [scope, label] of [
    [{ agencyCode: PROVINCE }, 'the province'],
    [{ agencyCode: B }, 'a commune'],
    [{ agencyCode: PROVINCE, procedureCode: P2 }, 'a procedure in the province'],
    [{}, 'every agency'],
  ] as const) {
    for (const by of ['UNIT', 'PROCEDURE', 'SECTOR']) {
      it(`${label} by ${by}`, async () => {
        for (const period of [OCTOBER, { from: '2025-06-01', to: '2026-10-15' }]) {
          const rows = await breakdown(scope, by, period);
          const total = await stats(scope, period);
          const sums = Object.fromEntries(ADDITIVE.map((k) => [k, rows.reduce((s, r) => s + r[k], 0)]));
          expect(sums).toEqual(total);
        }
      });
    }
  }
});

describe('statsBreakdown refusals and access', () => {
  it('is public like stats: anonymous callers and officials get the same rows', async () => {
    const anonymous = await breakdown({ agencyCode: PROVINCE }, 'UNIT');
    const key = await breakdown({ agencyCode: PROVINCE }, 'UNIT', OCTOBER, await keyFor(t, 'READ'));
    expect(key).toEqual(anonymous);
  });

  it('refuses a bad period or an unknown agency with the codes of stats', async () => {
    const query = `query($scope: StatsScope!, $period: PeriodInput!) { statsBreakdown(scope: $scope, period: $period, by: UNIT) { key } }`;
    const reversed = await t.gql(query, {
      scope: { agencyCode: A },
      period: { from: '2026-10-31', to: '2026-10-01' },
    });
    expect(reversed.errors?.[0]?.extensions?.code).toBe('INVALID_PERIOD');
    const unknown = await t.gql(query, { scope: { agencyCode: '99999' }, period: OCTOBER });
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const bad = await t.gql(
      `query { statsBreakdown(scope: {}, period: { from: "2026-10-01", to: "2026-10-31" }, by: REGION) { key } }`,
    );
    expect(bad.data).toBeUndefined();
    expect(bad.errors?.[0]?.message).toContain('REGION');
  });
});

describe('MonthStats.byChannel', () => {
  it('splits a month’s volume by channel', async () => {
    const res = await t.gql<{
      stats: {
        byMonth: { month: string; received: number; byChannel: { channel: string; received: number }[] }[];
      };
    }>(
      `query { stats(scope: { agencyCode: "${PROVINCE}" }, period: { from: "2026-09-01", to: "2026-10-31" }) {
         byMonth { month received byChannel { channel received } } } }`,
    );
    expect(res.errors).toBeUndefined();
    // October: online A2 and B3; by post none; in person the other eight of the ten received.
    expect(res.data!.stats.byMonth).toEqual([
      {
        month: '2026-10-01',
        received: 10,
        byChannel: [
          { channel: 'IN_PERSON', received: 8 },
          { channel: 'ONLINE', received: 2 },
          { channel: 'POSTAL', received: 0 },
        ],
      },
    ]);
  });
});
