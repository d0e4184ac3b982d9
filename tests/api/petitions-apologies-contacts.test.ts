// Issue 12, rules 5, 8, 9 and 10 through the API, with cases worked out by hand:
// - 5.2 judges a petition by what was known at the period end (docs/domain.md §5 "5.2");
// - an apology is timely when issued no later than one working day before the due date it moves, the
//   timing is on the dossier's timeline, and a report lists the late dossiers without a timely one
//   (docs/domain.md §3.7);
// - evaluation indicators 3 and 4 are computed from supplement requests (docs/domain.md §4.2);
// - 5.4 with nothing finished scores 0 per the indicator table, and every indicator says noData (§5).
//
// Timings: "xác nhận tình trạng hôn nhân" (1.004873) takes 3 working days (1,440 working minutes);
// working hours 07:00–11:30 and 13:30–17:00 (480 minutes a day); no holiday in March 2026, Sat 7/3,
// Sun 8/3, Sat 14/3, Sun 15/3, … are days off.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApi } from '../support/api.ts';
import { at, dossierEvents } from '../support/dossier-events.ts';
import { keyFor } from '../support/keys.ts';
import { addOfficial, sessionOf } from '../support/officials.ts';
import { startSeededApi } from '../support/seeded.ts';

let t: TestApi;
let reader: Record<string, string>;

const PROVINCE = '56'; // Tỉnh Khánh Hòa
const A = '22870'; // Xã Ninh Phước: petitions, and the dossiers of indicators 3 and 4
const B = '22873'; // Xã Phước Hậu: nothing at all
const C = '22891'; // Xã Phước Hữu: the apology cases
const TTHN = '1.004873';

const dossier = (code: string, agencyCode: string, steps: Parameters<typeof dossierEvents>[4]) =>
  dossierEvents(code, agencyCode, TTHN, 'IN_PERSON', steps);
const apology = (dueAt: string, ref: string) => ({ dueAt: at(dueAt), apologyRef: ref });

const EVENTS = [
  // ── Indicators 3 and 4 (agency A, Q1 2026) ──
  // E1: no supplement request; resolved.
  ...dossier('CT-E1', A, [
    ['RECEIVED', '2026-03-02T08:00'],
    ['RESOLVED', '2026-03-04T10:00'],
  ]),
  // E2: one request, answered the next day; resolved.
  ...dossier('CT-E2', A, [
    ['RECEIVED', '2026-03-02T09:00'],
    ['SUPPLEMENT_REQUESTED', '2026-03-03T09:00'],
    ['PROCESSING', '2026-03-04T09:00'],
    ['RESOLVED', '2026-03-05T16:00'],
  ]),
  // E3: two requests; resolved Thu 12/3 10:00. Received Mon 9/3 08:00 → due Thu 12/3 08:00, moved by
  // the pauses Mon 10:00 → Tue 08:00 (90 + 210 + 60 = 360 min) and Tue 10:00 → Wed 08:00 (360 min)
  // to Mon 16/3 08:00: late by the second-request rule (§3.6), but never past its due date.
  ...dossier('CT-E3', A, [
    ['RECEIVED', '2026-03-09T08:00'],
    ['SUPPLEMENT_REQUESTED', '2026-03-09T10:00'],
    ['PROCESSING', '2026-03-10T08:00'],
    ['SUPPLEMENT_REQUESTED', '2026-03-10T10:00'],
    ['PROCESSING', '2026-03-11T08:00'],
    ['RESOLVED', '2026-03-12T10:00'],
  ]),
  // E4: withdrawn while waiting for a supplement: not processed to a result, left out.
  ...dossier('CT-E4', A, [
    ['RECEIVED', '2026-03-16T08:00'],
    ['SUPPLEMENT_REQUESTED', '2026-03-16T10:00'],
    ['WITHDRAWN', '2026-03-17T09:00'],
  ]),

  // ── Apologies (agency C, March 2026) ──
  // AP1: received Mon 2/3 08:00 → due Thu 5/3 08:00. Apology Wed 4/3 16:00 (the working day before:
  // timely) moving it to Mon 9/3 17:00; resolved Mon 9/3: late (9/3 > 5/3), with a timely apology.
  ...dossier('XL-AP1', C, [
    ['RECEIVED', '2026-03-02T08:00'],
    ['PROCESSING', '2026-03-04T16:00', apology('2026-03-09T17:00', 'PXL-01')],
    ['RESOLVED', '2026-03-09T10:00'],
  ]),
  // AP2: received Wed 4/3 08:00 → Wed 420 + Thu 480 + Fri 480 = 1,380 min, + 60 → due Mon 9/3 08:00.
  // Apology Sat 7/3 09:00: the last day was Fri 6/3 → late apology; resolved Tue 10/3: late.
  ...dossier('XL-AP2', C, [
    ['RECEIVED', '2026-03-04T08:00'],
    ['PROCESSING', '2026-03-07T09:00', apology('2026-03-11T17:00', 'PXL-02')],
    ['RESOLVED', '2026-03-10T10:00'],
  ]),
  // AP3: received Wed 4/3 09:00 → due Mon 9/3 09:00. Apology Fri 6/3 16:00: exactly one working day
  // before across the weekend → timely; resolved Tue 10/3: late, with a timely apology.
  ...dossier('XL-AP3', C, [
    ['RECEIVED', '2026-03-04T09:00'],
    ['PROCESSING', '2026-03-06T16:00', apology('2026-03-11T17:00', 'PXL-03')],
    ['RESOLVED', '2026-03-10T11:00'],
  ]),
  // AP4: received Mon 9/3 08:00 → due Thu 12/3 08:00; no apology; resolved Fri 13/3: late.
  ...dossier('XL-AP4', C, [
    ['RECEIVED', '2026-03-09T08:00'],
    ['RESOLVED', '2026-03-13T10:00'],
  ]),
  // AP5: received Mon 9/3 09:00 → due Thu 12/3 09:00; apology on the due day itself (Thu 12/3 07:30,
  // the last day was Wed 11/3) → late apology; still open: overdue since 13/3.
  ...dossier('XL-AP5', C, [
    ['RECEIVED', '2026-03-09T09:00'],
    ['PROCESSING', '2026-03-12T07:30', apology('2026-03-20T17:00', 'PXL-05')],
  ]),
  // AP6: received Mon 16/3 08:00 → due Thu 19/3 08:00; resolved on the due day: on time, owes nothing.
  ...dossier('XL-AP6', C, [
    ['RECEIVED', '2026-03-16T08:00'],
    ['RESOLVED', '2026-03-19T16:00'],
  ]),
  // AP7: received Mon 23/3 08:00 → due Thu 26/3 08:00; resolved Mon 30/3: late, no apology.
  ...dossier('XL-AP7', C, [
    ['RECEIVED', '2026-03-23T08:00'],
    ['RESOLVED', '2026-03-30T10:00'],
  ]),
  // AP8: received Mon 30/3 08:00 → due Thu 2/4 08:00; resolved Fri 3/4: late in April, not March.
  ...dossier('XL-AP8', C, [
    ['RECEIVED', '2026-03-30T08:00'],
    ['RESOLVED', '2026-04-03T10:00'],
  ]),
];

const MARCH = { from: '2026-03-01', to: '2026-03-31' };
const APRIL = { from: '2026-04-01', to: '2026-04-30' };
const JANUARY = { from: '2026-01-01', to: '2026-01-31' };

// Petitions of agency A (K = khiếu nại/kiến nghị), as [code, received, due, answered or null].
const PETITIONS: [string, string, string, string | null][] = [
  ['PAKN-K1', '2026-03-02T08:00', '2026-03-16T08:00', '2026-03-16T15:00'], // March: on time (due day)
  ['PAKN-K2', '2026-03-03T08:00', '2026-03-17T08:00', '2026-03-18T09:00'], // March: late
  ['PAKN-K3', '2026-03-10T08:00', '2026-03-24T08:00', null], // open, overdue on 31/3 and 30/4: late in both
  ['PAKN-K4', '2026-03-17T08:00', '2026-03-31T10:00', '2026-04-01T09:00'], // due on 31/3: April, late
  ['PAKN-K5', '2026-03-20T08:00', '2026-04-03T08:00', '2026-04-02T09:00'], // not due on 31/3: April, on time
  ['PAKN-K6', '2026-03-25T08:00', '2026-04-08T08:00', '2026-03-30T09:00'], // March: on time
];

type Indicator = {
  id: string;
  score: number | null;
  numerator: number | null;
  denominator: number | null;
  noData: boolean;
};

async function index766(agencyCode: string, period: { from: string; to: string }) {
  const res = await t.gql<{ index766: { total: number | null; indicators: Indicator[] } }>(
    `query($code: String!, $period: PeriodInput!) {
      index766(agencyCode: $code, period: $period) { total indicators { id score numerator denominator noData } } }`,
    { code: agencyCode, period },
  );
  expect(res.errors).toBeUndefined();
  return Object.fromEntries(res.data!.index766.indicators.map((i) => [i.id, i]));
}

const REPORT = `query($code: String!, $period: PeriodInput!, $first: Int, $after: String) {
  lateDossiersWithoutTimelyApology(agencyCode: $code, period: $period) {
    agencyCode from to late withTimelyApology withLateApologyOnly withoutTimelyApology
    units { agency { code name } late withTimelyApology withLateApologyOnly withoutTimelyApology }
    dossiers(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { code } } } } }`;

type Report = {
  late: number;
  withTimelyApology: number;
  withLateApologyOnly: number;
  withoutTimelyApology: number;
  units: { agency: { code: string } }[];
  dossiers: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: { code: string } }[];
  };
} & Record<string, unknown>;

async function report(
  code: string,
  period: { from: string; to: string },
  headers = reader,
  page: { first?: number; after?: string } = {},
) {
  return t.gql<{ lateDossiersWithoutTimelyApology: Report }>(REPORT, { code, period, ...page }, headers);
}

beforeAll(async () => {
  t = await startSeededApi(0);
  reader = await keyFor(t, 'READ');
  const res = await t.gql<{ recordDossierEvents: { accepted: number; userErrors: unknown[] } }>(
    `mutation($events: [DossierEventInput!]!) { recordDossierEvents(events: $events) { accepted userErrors { code message } } }`,
    { events: EVENTS },
    await keyFor(t, 'INGEST'),
  );
  expect(res.data!.recordDossierEvents.userErrors).toEqual([]);
  expect(res.data!.recordDossierEvents.accepted).toBe(EVENTS.length);
  // Petitions come from the petition system; there is no API to record them, so they are set by hand.
  const pool = t.api.services.db.pool;
  const { rows } = await pool.query<{ id: number }>(
    `SELECT id FROM "Agency" WHERE code = $1 AND "validTo" IS NULL`,
    [A],
  );
  for (const [code, received, due, answered] of PETITIONS) {
    await pool.query(
      `INSERT INTO "Petition" (code, "agencyId", "receivedAt", "dueAt", "resolvedAt") VALUES ($1, $2, $3, $4, $5)`,
      [code, rows[0]!.id, at(received), at(due), answered ? at(answered) : null],
    );
  }
});
afterAll(async () => {
  await t?.close();
});

describe('5.2: a petition is judged by what was known at the period end', () => {
  it('March: K1 on time, K2 late, K3 open and overdue, K6 on time; K4 (due 31/3) and K5 not judged → 6 × 2/4 = 3', async () => {
    const march = await index766(A, MARCH);
    expect(march['5.2']).toMatchObject({ score: 3, numerator: 2, denominator: 4, noData: false });
  });

  it('April: K3 still open and overdue, K4 answered 1/4 after its due day 31/3, K5 on time → 6 × 1/3 = 2', async () => {
    const april = await index766(A, APRIL);
    expect(april['5.2']).toMatchObject({ numerator: 1, denominator: 3, noData: false });
    expect(april['5.2']!.score).toBeCloseTo(2, 4);
  });

  it('answering K3 in May changes neither March nor April: it was open and past due at both ends', async () => {
    await t.api.services.db.pool.query(`UPDATE "Petition" SET "resolvedAt" = $1 WHERE code = 'PAKN-K3'`, [
      at('2026-05-05T09:00'),
    ]);
    expect((await index766(A, MARCH))['5.2']).toMatchObject({ numerator: 2, denominator: 4 });
    expect((await index766(A, APRIL))['5.2']).toMatchObject({ numerator: 1, denominator: 3 });
    // … and it is judged again in May, where its (late) answer came: 0 of 1.
    expect((await index766(A, { from: '2026-05-01', to: '2026-05-31' }))['5.2']).toMatchObject({
      score: 0,
      numerator: 0,
      denominator: 1,
      noData: false,
    });
  });

  it('no petition judged in January → 6 per the table, flagged noData; no petition data at all (B) → null', async () => {
    expect((await index766(A, JANUARY))['5.2']).toMatchObject({ score: 6, denominator: 0, noData: true });
    expect((await index766(B, MARCH))['5.2']).toMatchObject({ score: null, denominator: null, noData: true });
  });
});

describe('5.4 and noData', () => {
  it('nothing finished (B, March) → 5.4 scores 0 per the table, noData; 2.1 and 3.3 null, noData', async () => {
    const b = await index766(B, MARCH);
    expect(b['5.4']).toMatchObject({ score: 0, numerator: 0, denominator: 0, noData: true });
    expect(b['2.1']).toMatchObject({ score: null, noData: true });
    expect(b['3.3']).toMatchObject({ score: null, noData: true });
    // The catalogue is there: 1.3 is measured.
    expect(b['1.3']!.noData).toBe(false);
  });

  it('a measured indicator is not noData (C, March: 8 dossiers finished or open)', async () => {
    const c = await index766(C, MARCH);
    // Finished in March: AP1, AP2, AP3, AP4, AP6, AP7 = 6, of which late AP1, AP2, AP3, AP4, AP7 = 5:
    // 1 − 5/6 = 1/6 → 6 × (1/6) / 0.9 = 1.1111.
    expect(c['5.4']).toMatchObject({ numerator: 1, denominator: 6, noData: false });
    expect(c['5.4']!.score).toBeCloseTo(6 / 6 / 0.9, 4);
  });
});

describe('apologies: issued no later than one working day before the due date', () => {
  const TIMELINE = `query($code: String!) { dossier(code: $code) {
    timeliness dueDateChanges { reason previousDueAt newDueAt apologyRef apologyTimely apologyDeadline } } }`;
  type Change = {
    reason: string;
    apologyRef: string | null;
    apologyTimely: boolean | null;
    apologyDeadline: string | null;
  };
  async function timeline(code: string) {
    const res = await t.gql<{ dossier: { timeliness: string; dueDateChanges: Change[] } }>(
      TIMELINE,
      { code },
      reader,
    );
    expect(res.errors).toBeUndefined();
    return res.data!.dossier;
  }

  it('the Wednesday before a Thursday due date is timely; the dossier stays late', async () => {
    const d = await timeline('XL-AP1');
    expect(d.timeliness).toBe('LATE');
    expect(d.dueDateChanges).toEqual([
      expect.objectContaining({ reason: 'INITIAL', apologyTimely: null, apologyDeadline: null }),
      expect.objectContaining({
        reason: 'APOLOGY',
        apologyRef: 'PXL-01',
        apologyTimely: true,
        apologyDeadline: '2026-03-04',
      }),
    ]);
  });

  it('across a weekend: due Monday, the Friday is timely and the Saturday late', async () => {
    const friday = (await timeline('XL-AP3')).dueDateChanges.find((c) => c.reason === 'APOLOGY');
    expect(friday).toMatchObject({ apologyTimely: true, apologyDeadline: '2026-03-06' });
    const saturday = await timeline('XL-AP2');
    expect(saturday.timeliness).toBe('LATE');
    expect(saturday.dueDateChanges.find((c) => c.reason === 'APOLOGY')).toMatchObject({
      apologyTimely: false,
      apologyDeadline: '2026-03-06',
    });
  });

  it('on the due day itself → late', async () => {
    const d = await timeline('XL-AP5');
    expect(d.dueDateChanges.find((c) => c.reason === 'APOLOGY')).toMatchObject({
      apologyTimely: false,
      apologyDeadline: '2026-03-11',
    });
  });
});

describe('Query.lateDossiersWithoutTimelyApology', () => {
  it('C, March: late AP1–AP5 and AP7; timely AP1, AP3; late apology only AP2, AP5 → 4 without', async () => {
    const res = await report(C, MARCH);
    expect(res.errors).toBeUndefined();
    const r = res.data!.lateDossiersWithoutTimelyApology;
    // AP6 finished on its due day (not late); AP8 is due in April.
    expect(r).toMatchObject({
      agencyCode: C,
      from: MARCH.from,
      to: MARCH.to,
      late: 6,
      withTimelyApology: 2,
      withLateApologyOnly: 2,
      withoutTimelyApology: 4,
    });
    expect(r.dossiers.totalCount).toBe(4);
    expect(r.dossiers.edges.map((e) => e.node.code).sort()).toEqual(['XL-AP2', 'XL-AP4', 'XL-AP5', 'XL-AP7']);
  });

  it('per unit: the province lists C only (E3 of A is late by the second-request rule, never past due)', async () => {
    const r = (await report(PROVINCE, MARCH)).data!.lateDossiersWithoutTimelyApology;
    expect(r.units).toEqual([
      {
        agency: { code: C, name: 'Xã Phước Hữu' },
        late: 6,
        withTimelyApology: 2,
        withLateApologyOnly: 2,
        withoutTimelyApology: 4,
      },
    ]);
    expect(r.withoutTimelyApology).toBe(4);
  });

  it('April: AP8 (due Thu 2/4, resolved Fri 3/4, no apology)', async () => {
    const r = (await report(C, APRIL)).data!.lateDossiersWithoutTimelyApology;
    expect(r).toMatchObject({ late: 1, withTimelyApology: 0, withoutTimelyApology: 1 });
    expect(r.dossiers.edges.map((e) => e.node.code)).toEqual(['XL-AP8']);
  });

  it('pages the dossiers: 3 then 1', async () => {
    const first = (await report(C, MARCH, reader, { first: 3 })).data!.lateDossiersWithoutTimelyApology
      .dossiers;
    expect(first.edges).toHaveLength(3);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const rest = (await report(C, MARCH, reader, { first: 3, after: first.pageInfo.endCursor! })).data!
      .lateDossiersWithoutTimelyApology.dossiers;
    expect(rest.edges).toHaveLength(1);
    expect(rest.pageInfo.hasNextPage).toBe(false);
    const codes = [...first.edges, ...rest.edges].map((e) => e.node.code).sort();
    expect(codes).toEqual(['XL-AP2', 'XL-AP4', 'XL-AP5', 'XL-AP7']);
  });

  it('refuses outside the reader’s subtree, anonymous callers, unknown codes and bad periods', async () => {
    await addOfficial(t, 'xem-a-xl', 'VIEWER', A);
    const viewerA = await sessionOf(t, 'xem-a-xl');
    expect((await report(C, MARCH, viewerA)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await report(A, MARCH, viewerA)).data!.lateDossiersWithoutTimelyApology.late).toBe(0);
    expect((await report(C, MARCH, {})).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await report('99999', MARCH)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const bad = await report(C, { from: '2026-03-31', to: '2026-03-01' });
    expect(bad.errors?.[0]?.extensions?.code).toBe('INVALID_PERIOD');
    expect(bad.status).toBe(200);
  });
});

describe('evaluation indicators 3 and 4 from supplement requests', () => {
  const EVALUATION = `query($code: String!) { oneStopEvaluation(agencyCode: $code, year: 2026, quarter: 1) {
    indicators { number effectiveScore computed computedScore noData detail
      supplementComparison { judged none once several averagePoints } } } }`;
  type EvalIndicator = {
    number: number;
    effectiveScore: number | null;
    computed: boolean;
    computedScore: number | null;
    noData: boolean;
    detail: string | null;
    supplementComparison: Record<string, number | null> | null;
  };
  async function indicators(code: string) {
    const res = await t.gql<{ oneStopEvaluation: { indicators: EvalIndicator[] } }>(EVALUATION, { code });
    expect(res.errors).toBeUndefined();
    return res.data!.oneStopEvaluation.indicators;
  }

  it('A, Q1 2026: E1 none, E2 one, E3 two (E4 withdrawn, left out) → 3: 0, 4: 1', async () => {
    const [, , third, fourth] = await indicators(A);
    // Indicator 3: worst of (2, 1, 0) = 0; mean (2 + 1 + 0) / 3 = 1.
    expect(third).toMatchObject({
      number: 3,
      computed: true,
      computedScore: 0,
      effectiveScore: 0,
      noData: false,
      supplementComparison: { judged: 3, none: 1, once: 1, several: 1, averagePoints: 1 },
    });
    // Indicator 4: worst of (2, 1, 1) = 1 (only the one-stop desk); mean (2 + 1 + 1) / 3 = 4/3.
    expect(fourth).toMatchObject({
      number: 4,
      computed: true,
      computedScore: 1,
      effectiveScore: 1,
      noData: false,
    });
    expect(fourth!.supplementComparison!.averagePoints).toBeCloseTo(4 / 3, 10);
  });

  it('a computed score stands over the reviewers’ (precedence unchanged); without dossiers theirs counts', async () => {
    const admin = await keyFor(t, 'ADMIN');
    const SET = `mutation($input: SetEvaluationScoresInput!) { setEvaluationScores(input: $input) { userErrors { code } } }`;
    for (const code of [A, B]) {
      const res = await t.gql<{ setEvaluationScores: { userErrors: unknown[] } }>(
        SET,
        { input: { agencyCode: code, year: 2026, quarter: 1, scores: [{ indicator: 3, verifiedScore: 2 }] } },
        admin,
      );
      expect(res.data!.setEvaluationScores.userErrors).toEqual([]);
    }
    expect((await indicators(A))[2]).toMatchObject({ computedScore: 0, effectiveScore: 0, computed: true });
    // B finished nothing: not computed, noData, the verified 2 counts; indicator 4 is not scored at all.
    const [, , third, fourth] = await indicators(B);
    expect(third).toMatchObject({ computed: false, computedScore: null, noData: true, effectiveScore: 2 });
    expect(fourth).toMatchObject({
      computed: false,
      computedScore: null,
      noData: true,
      effectiveScore: null,
    });
  });
});
