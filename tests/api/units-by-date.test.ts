// Issue 12 rule 6 "Units by code and date" (docs/domain.md §0 "A code in figures"): code 22870 was
// thị trấn Phước Dân until 30/6/2025 and is xã Ninh Phước from 1/7/2025 (formed from Phước Dân, xã
// Phước Thuận 22882 and xã Phước Hải). Every figure query resolves a code the same way: on `activeOn`
// when given, else on the period's last day — so a period before the reform speaks of the former unit
// and a later one of the new unit, and `activeOn` asks for the other. Every outcome below is worked
// out by hand from the events.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApi } from '../support/api.ts';
import { ingestAll } from '../support/dashboard-fixtures.ts';
import { dossierEvents } from '../support/dossier-events.ts';
import { keyFor } from '../support/keys.ts';
import { addOfficial, sessionOf } from '../support/officials.ts';
import { startSeededApi } from '../support/seeded.ts';

let t: TestApi;
let admin: Record<string, string>;

const CODE = '22870'; // TT Phước Dân until 30/6/2025, xã Ninh Phước from 1/7/2025
const PHUOC_THUAN = '22882'; // merged into xã Ninh Phước on 1/7/2025; its code not reused
const P1 = '1.004873'; // 3 working days
const Q2 = { from: '2025-04-01', to: '2025-06-30' };
const Q3 = { from: '2025-07-01', to: '2025-09-30' };
const NEW_UNIT_DAY = '2025-07-01';
const FORMER_UNIT_DAY = '2025-06-30';

// Working hours Mon–Fri 07:00–11:30, 13:30–17:00: 3 working days from Mon 08:00 is Thu 08:00.
// Judged by day (docs/domain.md §3.8). Events name a code; ingestion resolves it on the event's day.
const EVENTS = [
  // At 22870 in June 2025 = TT Phước Dân. Due Thu 5/6, resolved Wed 4/6: EARLY.
  ...dossierEvents('UD-1', CODE, P1, 'IN_PERSON', [
    ['RECEIVED', '2025-06-02T08:00'],
    ['RESOLVED', '2025-06-04T10:00'],
  ]),
  // At Phước Thuận. Due Thu 5/6, resolved Mon 9/6: LATE.
  ...dossierEvents('UD-2', PHUOC_THUAN, P1, 'IN_PERSON', [
    ['RECEIVED', '2025-06-02T08:00'],
    ['RESOLVED', '2025-06-09T10:00'],
  ]),
  // At 22870 in July 2025 = xã Ninh Phước. Due Thu 10/7, resolved Tue 8/7: EARLY.
  ...dossierEvents('UD-3', CODE, P1, 'IN_PERSON', [
    ['RECEIVED', '2025-07-07T08:00'],
    ['RESOLVED', '2025-07-08T10:00'],
  ]),
  // TT Phước Dân, Mon 23/6, due Thu 26/6 08:00, never finished: late open from Fri 27/6 on.
  ...dossierEvents('UD-4', CODE, P1, 'IN_PERSON', [['RECEIVED', '2025-06-23T08:00']]),
  // Phước Thuận, the same days: late open from 27/6 on.
  ...dossierEvents('UD-5', PHUOC_THUAN, P1, 'IN_PERSON', [['RECEIVED', '2025-06-23T08:00']]),
];

// The figures of each reading, by hand:
// • Q2, TT Phước Dân (its own subtree: itself): received UD-1, UD-4 = 2; finished UD-1 (early) = 1;
//   late open on 30/6: UD-4 = 1; indicator 2.1 = UD-1 on time, UD-4 late at the period end → 1 / 2.
// • Q2, xã Ninh Phước (with the units merged into it): received UD-1, UD-2, UD-4, UD-5 = 4;
//   finished UD-1 (early), UD-2 (late) = 2; late open UD-4, UD-5 = 2; 2.1 = UD-1 only → 1 / 4.
// • Q3, xã Ninh Phước: received UD-3 = 1, finished 1 (early); late open on 30/9 UD-4, UD-5 = 2;
//   2.1 = 1 / 1.
// • Q3, TT Phước Dân: nothing received or finished; late open UD-4 = 1; 2.1 no data (0 received).
const FORMER_Q2 = { received: 2, finished: 1, early: 1, late: 0, lateOpen: 1 };
const NEW_Q2 = { received: 4, finished: 2, early: 1, late: 1, lateOpen: 2 };
const NEW_Q3 = { received: 1, finished: 1, early: 1, late: 0, lateOpen: 2 };
const FORMER_Q3 = { received: 0, finished: 0, early: 0, late: 0, lateOpen: 1 };

beforeAll(async () => {
  t = await startSeededApi(0);
  await ingestAll(t, await keyFor(t, 'INGEST'), EVENTS);
  await addOfficial(t, 'qtht-units', 'SYSTEM_ADMIN');
  admin = await sessionOf(t, 'qtht-units');
});
afterAll(async () => {
  await t?.close();
});

type Period = { from: string; to: string };

async function ok<T>(query: string, variables: Record<string, unknown>, headers = admin): Promise<T> {
  const res = await t.gql<T>(query, variables, headers);
  expect(res.errors).toBeUndefined();
  return res.data!;
}

async function stats(period: Period, activeOn?: string) {
  const data = await ok<{ stats: Record<string, number> }>(
    `query($scope: StatsScope!, $period: PeriodInput!) {
       stats(scope: $scope, period: $period) { received finished early late lateOpen } }`,
    { scope: { agencyCode: CODE, activeOn }, period },
  );
  return data.stats;
}

async function index21(period: Period, activeOn?: string) {
  const data = await ok<{
    index766: { indicators: { id: string; numerator: number; denominator: number }[] };
  }>(
    `query($code: String!, $period: PeriodInput!, $activeOn: Date) {
       index766(agencyCode: $code, period: $period, activeOn: $activeOn) { indicators { id numerator denominator } } }`,
    { code: CODE, period, activeOn },
  );
  const i = data.index766.indicators.find((x) => x.id === '2.1')!;
  return { numerator: i.numerator, denominator: i.denominator };
}

async function breakdown(period: Period, activeOn?: string) {
  const data = await ok<{
    statsBreakdown: { key: string; name: string; own: boolean; received: number }[];
  }>(
    `query($scope: StatsScope!, $period: PeriodInput!) {
       statsBreakdown(scope: $scope, period: $period, by: UNIT) { key name own received } }`,
    { scope: { agencyCode: CODE, activeOn }, period },
  );
  return data.statsBreakdown;
}

async function sipasFinished(period: Period, activeOn?: string) {
  const data = await ok<{ sipas: { responseChain: { finished: number } } }>(
    `query($code: String!, $period: PeriodInput!, $activeOn: Date) {
       sipas(agencyCode: $code, period: $period, activeOn: $activeOn) { responseChain { finished } } }`,
    { code: CODE, period, activeOn },
  );
  return data.sipas.responseChain.finished;
}

async function evaluation(year: number, quarter: number, activeOn?: string) {
  const data = await ok<{
    oneStopEvaluation: { indicators: { number: number; timeComparison: Record<string, number> | null }[] };
  }>(
    `query($code: String!, $year: Int!, $quarter: Int!, $activeOn: Date) {
       oneStopEvaluation(agencyCode: $code, year: $year, quarter: $quarter, activeOn: $activeOn) {
         indicators { number timeComparison { judged shorter equal longer } } } }`,
    { code: CODE, year, quarter, activeOn },
  );
  return data.oneStopEvaluation.indicators.find((i) => i.number === 1)!.timeComparison;
}

async function lateCodes(asOf: string, activeOn?: string) {
  const data = await ok<{ lateDossiers: { totalCount: number; edges: { node: { code: string } }[] } }>(
    `query($scope: StatsScope!, $asOf: Date) {
       lateDossiers(scope: $scope, asOf: $asOf) { totalCount edges { node { code } } } }`,
    { scope: { agencyCode: CODE, activeOn }, asOf },
  );
  return data.lateDossiers.edges.map((e) => e.node.code).sort();
}

async function report(period: Period, activeOn?: string) {
  const data = await ok<{
    agencyReport: {
      agencyName: string;
      tables: {
        id: string;
        columns: { key: string }[];
        rows: { total: boolean; cells: { number: number | null }[] }[];
      }[];
    };
  }>(
    `query($code: String!, $period: PeriodInput!, $activeOn: Date) {
       agencyReport(agencyCode: $code, period: $period, activeOn: $activeOn) {
         agencyName tables { id columns { key } rows { total cells { number } } } } }`,
    { code: CODE, period, activeOn },
  );
  const units = data.agencyReport.tables.find((x) => x.id === 'don-vi')!;
  const total = units.rows.find((r) => r.total)!;
  const received = total.cells[units.columns.findIndex((c) => c.key === 'received')]!.number;
  return { name: data.agencyReport.agencyName, received };
}

describe('a reused code in figures', () => {
  it('a period before 1/7/2025 reads the former unit; after, the new one', async () => {
    expect(await stats(Q2)).toEqual(FORMER_Q2);
    expect(await stats(Q3)).toEqual(NEW_Q3);
  });

  it('activeOn asks for the other unit of the code', async () => {
    expect(await stats(Q2, NEW_UNIT_DAY)).toEqual(NEW_Q2);
    expect(await stats(Q3, FORMER_UNIT_DAY)).toEqual(FORMER_Q3);
    // The default is the unit on the period's last day: the same as asking for that day.
    expect(await stats(Q2, Q2.to)).toEqual(FORMER_Q2);
  });

  it('a day on which no unit held the code is NOT_FOUND', async () => {
    // Phước Thuận ended on 30/6/2025 and its code was not given to another unit.
    const res = await t.gql(
      `query($period: PeriodInput!) { stats(scope: { agencyCode: "${PHUOC_THUAN}", activeOn: "${NEW_UNIT_DAY}" }, period: $period) { received } }`,
      { period: Q3 },
    );
    expect(res.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('index766 2.1 counts the same dossiers as stats', async () => {
    expect(await index21(Q2)).toEqual({ numerator: 1, denominator: 2 });
    expect(await index21(Q2, NEW_UNIT_DAY)).toEqual({ numerator: 1, denominator: 4 });
    expect(await index21(Q3)).toEqual({ numerator: 1, denominator: 1 });
  });

  it('statsBreakdown: the row of the unit the code names, with its name', async () => {
    // Phước Dân has no child; Ninh Phước's merged units count in its own row (docs/api.md).
    expect(await breakdown(Q2)).toEqual([{ key: CODE, name: 'Thị trấn Phước Dân', own: true, received: 2 }]);
    expect(await breakdown(Q2, NEW_UNIT_DAY)).toEqual([
      { key: CODE, name: 'Xã Ninh Phước', own: true, received: 4 },
    ]);
  });

  it('sipas counts the finished dossiers of the same unit', async () => {
    expect(await sipasFinished(Q2)).toBe(FORMER_Q2.finished);
    expect(await sipasFinished(Q2, NEW_UNIT_DAY)).toBe(NEW_Q2.finished);
    expect(await sipasFinished(Q3)).toBe(NEW_Q3.finished);
  });

  it('oneStopEvaluation judges the same finished dossiers', async () => {
    // Q2 Phước Dân: UD-1 shorter. Ninh Phước: UD-1 shorter, UD-2 longer. Q3: UD-3 shorter.
    expect(await evaluation(2025, 2)).toEqual({ judged: 1, shorter: 1, equal: 0, longer: 0 });
    expect(await evaluation(2025, 2, NEW_UNIT_DAY)).toEqual({ judged: 2, shorter: 1, equal: 0, longer: 1 });
    expect(await evaluation(2025, 3)).toEqual({ judged: 1, shorter: 1, equal: 0, longer: 0 });
  });

  it('lateDossiers lists what lateOpen counts, for the unit on asOf', async () => {
    expect(await lateCodes(Q2.to)).toEqual(['UD-4']);
    expect(await lateCodes(Q2.to, NEW_UNIT_DAY)).toEqual(['UD-4', 'UD-5']);
    expect(await lateCodes(Q3.to)).toEqual(['UD-4', 'UD-5']);
  });

  it('agencyReport: the unit and figures of the same reading', async () => {
    expect(await report(Q2)).toEqual({ name: 'Thị trấn Phước Dân', received: FORMER_Q2.received });
    expect(await report(Q2, NEW_UNIT_DAY)).toEqual({ name: 'Xã Ninh Phước', received: NEW_Q2.received });
  });

  it('Agency.stats of a former unit is its own, not that of the code’s holder today', async () => {
    const data = await ok<{ agency: { name: string; stats: { received: number } } }>(
      `query($period: PeriodInput!) { agency(code: "${CODE}", activeOn: "2025-06-01") { name stats(period: $period) { received } } }`,
      { period: Q2 },
    );
    expect(data.agency).toEqual({ name: 'Thị trấn Phước Dân', stats: { received: FORMER_Q2.received } });
  });
});
