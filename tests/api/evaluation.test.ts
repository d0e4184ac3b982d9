// Issue "Satisfaction" (evaluation): the 9-indicator evaluation of procedure resolution per agency
// per quarter (Decree 61/2018/NĐ-CP, Circular 01/2018/TT-VPCP; docs/domain.md §4.2). Indicators 1 and 2
// are computed from ingested dossiers (hand-computed below); the others are entered by reviewers,
// self-scored and verified kept apart; total and band follow.
//
// Timings as in processing-times.test.ts: "xác nhận tình trạng hôn nhân" takes 3 working days
// (1,440 working minutes); working hours 07:00–11:30, 13:30–17:00; no holiday in March–April 2026.
import { createApiKey } from '@tthc/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApi } from '../support/api.ts';
import { dossierEvents } from '../support/dossier-events.ts';
import { keyFor } from '../support/keys.ts';
import { startSeededApi } from '../support/seeded.ts';

let t: TestApi;
let admin: Record<string, string>;

const A = '22870'; // Xã Ninh Phước
const B = '22873'; // Xã Phước Hậu
const C = '22891'; // Xã Phước Hữu
const TTHN = '1.004873';

const dossier = (code: string, agencyCode: string, steps: [string, string][]) =>
  dossierEvents(code, agencyCode, TTHN, 'IN_PERSON', steps);

const EVENTS = [
  // Agency A. Received Mon 2/3 08:00 → due Thu 5/3 08:00; resolved Wed 4/3: EARLY (shorter).
  ...dossier('DG-A1', A, [
    ['RECEIVED', '2026-03-02T08:00'],
    ['RESOLVED', '2026-03-04T10:00'],
  ]),
  // Received Mon 2/3 09:00 → due Thu 5/3 09:00; resolved on the due day: ON_TIME (equal).
  ...dossier('DG-A2', A, [
    ['RECEIVED', '2026-03-02T09:00'],
    ['RESOLVED', '2026-03-05T16:00'],
  ]),
  // Received Tue 3/3 08:00 → due Fri 6/3 08:00; resolved Mon 9/3: LATE (longer).
  ...dossier('DG-A3', A, [
    ['RECEIVED', '2026-03-03T08:00'],
    ['RESOLVED', '2026-03-09T11:00'],
  ]),
  // Withdrawn: ON_TIME by rule, but never processed to a result — left out of the comparison.
  ...dossier('DG-A4', A, [
    ['RECEIVED', '2026-03-05T08:00'],
    ['WITHDRAWN', '2026-03-06T09:00'],
  ]),
  // Received Mon 30/3 → due Thu 2/4; resolved Mon 6/4: LATE, in the second quarter.
  ...dossier('DG-A5', A, [
    ['RECEIVED', '2026-03-30T08:00'],
    ['RESOLVED', '2026-04-06T10:00'],
  ]),
  // Agency B: two dossiers, both EARLY.
  ...dossier('DG-B1', B, [
    ['RECEIVED', '2026-03-02T08:00'],
    ['RESOLVED', '2026-03-03T10:00'],
  ]),
  // Received Mon 9/3 08:00 → due Thu 12/3 08:00; resolved Tue 10/3.
  ...dossier('DG-B2', B, [
    ['RECEIVED', '2026-03-09T08:00'],
    ['RESOLVED', '2026-03-10T15:00'],
  ]),
  // Agency C: one EARLY, one ON_TIME, one still open (not judged).
  ...dossier('DG-C1', C, [
    ['RECEIVED', '2026-03-02T08:00'],
    ['RESOLVED', '2026-03-04T10:00'],
  ]),
  ...dossier('DG-C2', C, [
    ['RECEIVED', '2026-03-02T09:00'],
    ['RESOLVED', '2026-03-05T16:00'],
  ]),
  ...dossier('DG-C3', C, [['RECEIVED', '2026-03-16T08:00']]),
];

const EVALUATION = `query($code: String!, $year: Int!, $quarter: Int!) {
  oneStopEvaluation(agencyCode: $code, year: $year, quarter: $quarter) {
    agencyCode year quarter from to total scored maxScore band { code label }
    indicators { number name selfScore verifiedScore effectiveScore computed computedScore note detail
      timeComparison { judged shorter equal longer averagePoints } } } }`;
const SET = `mutation($input: SetEvaluationScoresInput!) {
  setEvaluationScores(input: $input) {
    evaluation { total scored band { code label } indicators { number selfScore verifiedScore effectiveScore note } }
    errors { index code } } }`;

type Indicator = {
  number: number;
  name: string;
  selfScore: number | null;
  verifiedScore: number | null;
  effectiveScore: number | null;
  computed: boolean;
  computedScore: number | null;
  note: string | null;
  detail: string | null;
  timeComparison: Record<string, number | null> | null;
};
type Evaluation = {
  total: number | null;
  scored: number;
  band: { code: string; label: string } | null;
  indicators: Indicator[];
} & Record<string, unknown>;

async function evaluation(code: string, year: number, quarter: number): Promise<Evaluation> {
  const res = await t.gql<{ oneStopEvaluation: Evaluation }>(EVALUATION, { code, year, quarter });
  expect(res.errors).toBeUndefined();
  return res.data!.oneStopEvaluation;
}

async function setScores(
  input: Record<string, unknown>,
  headers: Record<string, string> = admin,
): Promise<{ evaluation: Evaluation | null; errors: { index: number; code: string }[] }> {
  const res = await t.gql<{ setEvaluationScores: never }>(SET, { input }, headers);
  expect(res.errors).toBeUndefined();
  return res.data!.setEvaluationScores;
}

beforeAll(async () => {
  t = await startSeededApi(0);
  admin = await keyFor(t, 'ADMIN');
  const res = await t.gql<{ recordDossierEvents: { accepted: number } }>(
    `mutation($events: [DossierEventInput!]!) { recordDossierEvents(events: $events) { accepted } }`,
    { events: EVENTS },
    await keyFor(t, 'INGEST'),
  );
  expect(res.data!.recordDossierEvents.accepted).toBe(EVENTS.length);
});
afterAll(async () => {
  await t?.close();
});

describe('indicators 1 and 2, computed from the dossiers', () => {
  it('agency A, Q1 2026: one dossier longer than the limit → 0', async () => {
    const e = await evaluation(A, 2026, 1);
    expect(e).toMatchObject({ agencyCode: A, year: 2026, quarter: 1, from: '2026-01-01', to: '2026-03-31' });
    const [first, second] = e.indicators;
    // Judged: A1 shorter, A2 equal, A3 longer (A4 withdrawn, A5 ends in April) → any longer: 0.
    // Mean of per-dossier points (2 + 1 + 0) / 3 = 1, for reference.
    expect(first).toMatchObject({
      number: 1,
      name: 'Tổng thời gian giải quyết thủ tục hành chính so với thời gian quy định',
      computed: true,
      computedScore: 0,
      effectiveScore: 0,
      selfScore: null,
      verifiedScore: null,
      timeComparison: { judged: 3, shorter: 1, equal: 1, longer: 1, averagePoints: 1 },
    });
    // One agency per dossier: indicator 2 reads the same data.
    expect(second).toMatchObject({
      number: 2,
      computed: true,
      effectiveScore: 0,
      timeComparison: first!.timeComparison,
    });
    expect(second!.detail).toContain('cùng số liệu với tiêu chí 1');
    // Indicators 3 and 4 from supplement requests (docs/domain.md §4.2): A1–A3 needed none → 2 and 2.
    expect(e.indicators[2]).toMatchObject({ computed: true, computedScore: 2, effectiveScore: 2 });
    expect(e.indicators[3]).toMatchObject({ computed: true, computedScore: 2, effectiveScore: 2 });
    expect(e.indicators.slice(4).every((i) => !i.computed && i.effectiveScore === null)).toBe(true);
    // 0 + 0 + 2 + 2 = 4, 4 of 9 scored: not classified.
    expect(e).toMatchObject({ total: 4, scored: 4, maxScore: 18, band: null });
  });

  it('agency B: every dossier shorter → 2; agency C: shorter and equal → 1', async () => {
    const b = (await evaluation(B, 2026, 1)).indicators[0]!;
    expect(b).toMatchObject({
      computedScore: 2,
      timeComparison: { judged: 2, shorter: 2, equal: 0, longer: 0, averagePoints: 2 },
    });
    const c = (await evaluation(C, 2026, 1)).indicators[0]!;
    // C3 is still open: not judged. (2 + 1) / 2 = 1.5 points on average.
    expect(c).toMatchObject({
      computedScore: 1,
      timeComparison: { judged: 2, shorter: 1, equal: 1, longer: 0, averagePoints: 1.5 },
    });
  });

  it('the province covers its communes; another quarter reads its own dossiers', async () => {
    // Province: shorter A1, B1, B2, C1 = 4; equal A2, C2 = 2; longer A3 = 1 → 0.
    expect((await evaluation('56', 2026, 1)).indicators[0]!.timeComparison).toEqual({
      judged: 7,
      shorter: 4,
      equal: 2,
      longer: 1,
      averagePoints: (2 * 4 + 2) / 7,
    });
    // Q2: only A5 (late) → 0.
    expect((await evaluation(A, 2026, 2)).indicators[0]).toMatchObject({
      computedScore: 0,
      timeComparison: { judged: 1, longer: 1 },
    });
  });
});

describe('setEvaluationScores', () => {
  const base = { agencyCode: A, year: 2026, quarter: 1 };

  it('takes self-scored points from officers (ingest) and verified points from admins, within their agency', async () => {
    const input = { ...base, scores: [{ indicator: 3, selfScore: 2 }] };
    const anonymous = await t.gql(SET, { input });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const reader = await t.gql(SET, { input }, await keyFor(t, 'READ'));
    expect(reader.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // An ingest key (what an officer may do) cannot record the evaluators' verified points …
    const ingest = await keyFor(t, 'INGEST');
    const verified = await t.gql(
      SET,
      { input: { ...base, scores: [{ indicator: 3, verifiedScore: 1 }] } },
      ingest,
    );
    expect(verified.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const { key } = await createApiKey(
      t.api.services.prisma,
      { name: 'quản trị xã Phước Hậu', scopes: ['ADMIN'], agencyCode: B },
      'TEST',
    );
    const elsewhere = await t.gql(SET, { input }, { authorization: `Bearer ${key}` });
    expect(elsewhere.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await evaluation(A, 2026, 1)).indicators[2]!.selfScore).toBeNull();
    expect((await evaluation(A, 2026, 1)).indicators[2]!.verifiedScore).toBeNull();
    // … but the unit's own self-scored points (in a quarter no other test of this file uses).
    const own = await t.gql(SET, { input: { ...input, quarter: 3 } }, ingest);
    expect(own.errors).toBeUndefined();
    expect((await evaluation(A, 2026, 3)).indicators[2]!.selfScore).toBe(2);
  });

  it('validates indicators and scores with stable codes, storing nothing', async () => {
    const res = await setScores({
      ...base,
      scores: [
        { indicator: 3, selfScore: 2 }, // fine, but not stored: the batch is all or nothing
        { indicator: 10, selfScore: 1 },
        { indicator: 4, selfScore: 3 },
        { indicator: 5, verifiedScore: -1 },
        { indicator: 3, verifiedScore: 1 },
        { indicator: 6 },
      ],
    });
    expect(res.evaluation).toBeNull();
    expect(res.errors.map((e) => [e.index, e.code])).toEqual([
      [1, 'INVALID_INDICATOR'],
      [2, 'INVALID_SCORE'],
      [3, 'INVALID_SCORE'],
      [4, 'DUPLICATE_INDICATOR'],
      [5, 'EMPTY_SCORE'],
    ]);
    expect((await setScores({ ...base, scores: [] })).errors).toEqual([{ index: -1, code: 'NO_SCORES' }]);
    const badQuarter = await t.gql(
      SET,
      { input: { ...base, quarter: 5, scores: [{ indicator: 3, selfScore: 1 }] } },
      admin,
    );
    expect(badQuarter.errors?.[0]?.extensions?.code).toBe('INVALID_PERIOD');
    const unknown = await t.gql(EVALUATION, { code: '99999', year: 2026, quarter: 1 });
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await t.gql(EVALUATION, { code: A, year: 2017, quarter: 1 })).errors?.[0]?.extensions?.code).toBe(
      'INVALID_PERIOD',
    );
    expect((await evaluation(A, 2026, 1)).indicators[2]!.selfScore).toBeNull();
  });

  it('keeps self-scored and verified points apart; the verified one counts; total and band', async () => {
    const res = await setScores({
      ...base,
      scores: [
        { indicator: 1, selfScore: 2, note: 'Tự chấm theo sổ theo dõi' }, // computed data wins: stays 0
        { indicator: 3, selfScore: 2, verifiedScore: 1 },
        { indicator: 4, selfScore: 1 },
        { indicator: 5, selfScore: 2, verifiedScore: 2 },
        { indicator: 6, selfScore: 2, verifiedScore: 1, note: 'Niêm yết chưa đầy đủ trên cổng' },
        { indicator: 7, selfScore: 2 },
        { indicator: 8, selfScore: 1, verifiedScore: 2 },
        { indicator: 9, selfScore: 0 },
      ],
    });
    expect(res.errors).toEqual([]);
    // Effective: 1 → 0 (computed), 2 → 0 (computed), 3 → 2 (computed), 4 → 2 (computed), 5 → 2, 6 → 1,
    // 7 → 2, 8 → 2, 9 → 0. Total 11 of 18, all 9 scored → 11 is in [9, 12): Khá.
    const e = res.evaluation!;
    expect(e.indicators.map((i) => [i.number, i.selfScore, i.verifiedScore, i.effectiveScore])).toEqual([
      [1, 2, null, 0],
      [2, null, null, 0],
      [3, 2, 1, 2],
      [4, 1, null, 2],
      [5, 2, 2, 2],
      [6, 2, 1, 1],
      [7, 2, null, 2],
      [8, 1, 2, 2],
      [9, 0, null, 0],
    ]);
    expect(e).toMatchObject({ total: 11, scored: 9, band: { code: 'FAIR', label: 'Khá' } });
    expect(e.indicators[5]!.note).toBe('Niêm yết chưa đầy đủ trên cổng');
  });

  it('changes only the fields given; verification lifts the total into the next band; audited', async () => {
    const res = await setScores({
      ...base,
      scores: [
        { indicator: 4, verifiedScore: 2 }, // self-score 1 stays
        { indicator: 9, verifiedScore: 2 }, // self-score 0 stays
        { indicator: 6, note: null }, // clears the note only
      ],
    });
    const e = res.evaluation!;
    expect(e.indicators[3]).toMatchObject({ selfScore: 1, verifiedScore: 2, effectiveScore: 2 });
    expect(e.indicators[8]).toMatchObject({ selfScore: 0, verifiedScore: 2, effectiveScore: 2 });
    expect(e.indicators[5]).toMatchObject({ selfScore: 2, verifiedScore: 1, note: null });
    // 11 + 2 (indicator 9: 0 → 2) = 13 → [12, 15]: Tốt. Indicator 4 stays at its computed 2.
    expect(e).toMatchObject({ total: 13, scored: 9, band: { code: 'GOOD', label: 'Tốt' } });
    const audit = await t.api.services.db.pool.query(
      `SELECT "entityId", data FROM "AuditLog" WHERE action = 'evaluation.set-scores' AND "entityId" = $1 ORDER BY id`,
      [`${A}/2026-Q1`],
    );
    expect(audit.rows).toHaveLength(2);
    expect(audit.rows[1].entityId).toBe(`${A}/2026-Q1`);
    expect(audit.rows[1].data.changes).toContainEqual({
      indicator: 9,
      before: { selfScore: 0, verifiedScore: null, note: null },
      after: { selfScore: 0, verifiedScore: 2, note: null },
    });
  });

  it('without finished dossiers, indicators 1 and 2 fall back to the entered points', async () => {
    // Agency B, Q2 2026: nothing finished.
    const res = await setScores({
      agencyCode: B,
      year: 2026,
      quarter: 2,
      scores: [{ indicator: 1, selfScore: 1 }],
    });
    const [first, second] = res.evaluation!.indicators;
    expect(first).toMatchObject({ selfScore: 1, effectiveScore: 1 });
    expect(second).toMatchObject({ selfScore: null, effectiveScore: null });
    const e = await evaluation(B, 2026, 2);
    expect(e.indicators[0]).toMatchObject({
      computed: false,
      computedScore: null,
      timeComparison: { judged: 0, averagePoints: null },
    });
    expect(e).toMatchObject({ total: 1, scored: 1, band: null });
    // Quarters are kept apart: B's first quarter is untouched.
    expect((await evaluation(B, 2026, 1)).indicators[0]).toMatchObject({
      selfScore: null,
      effectiveScore: 2,
    });
  });
});
