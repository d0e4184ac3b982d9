// Issue "Satisfaction" (surveys): questionnaires as versioned data, survey responses checked against
// their version and stored raw with their rollups, and the SIPAS index (Decision 2640/QĐ-BNV,
// docs/domain.md §4.3) with the other published conventions, all computed by hand below.
//
// The seed without dossiers brings the catalogue and the SIPAS questionnaire "SIPAS-2640" v1
// (5 factors; ND-Fk.n assessment per criterion on 1 Không đồng ý / 2 Đồng ý; HL-Fk satisfaction per
// factor on 1–5, positive from 4; MD expectation with options E1–E8). Dossiers are ingested, their
// rating links issued (ratingLink), and applicants answer through submitSurvey over HTTP.
import { dayOf } from '@tthc/api/domain';
import { rebuildRollups } from '@tthc/api/rollups';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveRatingSecret } from '../../api/src/services/ratings/secret.ts';
import { signRatingToken } from '../../api/src/services/ratings/token.ts';
import type { TestApi } from '../support/api.ts';
import { keyFor } from '../support/keys.ts';
import { startSeededApi } from '../support/seeded.ts';

let t: TestApi;
let ingest: Record<string, string>;
let admin: Record<string, string>;
const tokens = new Map<string, string>();

const A = '22870'; // Xã Ninh Phước
const B = '22873'; // Xã Phước Hậu
const TTHN = '1.004873';
const DAY_MS = 86_400_000;
// Responses are stored with the time they arrive, so the period runs around today.
const now = Date.now();
const PERIOD = { from: dayOf(new Date(now - 30 * DAY_MS)), to: dayOf(new Date(now + DAY_MS)) };

const RECORD = `mutation($events: [DossierEventInput!]!) {
  recordDossierEvents(events: $events) { accepted errors { index code } } }`;
const LINK = `mutation($code: String!) { ratingLink(dossierCode: $code) { token } }`;
const RATE = `mutation($input: SubmitRatingInput!) { submitRating(input: $input) { ok error { code } } }`;
const SUBMIT = `mutation($input: SubmitSurveyInput!) {
  submitSurvey(input: $input) { ok duplicate responseId errors { index code message } } }`;
const PAPER = `mutation($input: PaperSurveyInput!) {
  recordSurveyResponse(input: $input) { ok duplicate errors { index code } } }`;
const PUBLISH = `mutation($input: PublishQuestionnaireInput!) {
  publishQuestionnaire(input: $input) {
    questionnaire { code version status factors { code criteria { code } } questions { code kind } }
    errors { path code } } }`;
const SIPAS = `query($code: String!, $period: PeriodInput!, $q: String) {
  sipas(agencyCode: $code, period: $period, questionnaireCode: $q) {
    index respondents questionnaireCode versions { code version respondents }
    factors { code name index respondents positive method
      criteria { code assessment assessmentAgreed assessmentAnswered satisfaction { positive answered share } }
      distribution { value label count }
      conventions { answered rescaledMean percentAgree jdma { good medium bad } } }
    satisfaction { answered scaleMin scaleMax positiveFrom rescaledMean percentAgree jdma { good medium bad } }
    expectations { code count share }
    responseChain { finished ratingLinksIssued ratings responseRate surveyRespondents } } }`;

interface Conventions {
  answered: number;
  scaleMin: number;
  scaleMax: number;
  positiveFrom: number;
  rescaledMean: number | null;
  percentAgree: number | null;
  jdma: { good: number; medium: number; bad: number } | null;
}
interface SipasResult {
  index: number | null;
  respondents: number;
  questionnaireCode: string | null;
  versions: { code: string; version: number; respondents: number }[];
  factors: {
    code: string;
    name: string;
    index: number | null;
    respondents: number;
    positive: number;
    method: string;
    criteria: {
      code: string;
      assessment: number | null;
      assessmentAgreed: number;
      assessmentAnswered: number;
      satisfaction: { positive: number; answered: number; share: number | null } | null;
    }[];
    distribution: { value: number; label: string; count: number }[];
    conventions: Conventions;
  }[];
  satisfaction: Conventions;
  expectations: { code: string; count: number; share: number | null }[];
  responseChain: Record<string, number | null>;
}
interface QuestionnaireResult {
  code: string;
  version: number;
  status: string;
  kind: string;
  factors: { code: string; criteria: { code: string }[] }[];
  scales: unknown[];
  questions: { code: string; kind: string; options: unknown[] }[];
}

/** Each value equals its hand-computed counterpart to 10 decimals. */
function expectClose(actual: (number | null)[], expected: number[]) {
  expect(actual).toHaveLength(expected.length);
  for (const [i, value] of expected.entries()) expect(actual[i]).toBeCloseTo(value, 10);
}

interface Payload {
  ok: boolean;
  duplicate: boolean;
  responseId: string | null;
  errors: { index: number; code: string; message: string }[];
}
type Answer = { questionCode: string; value?: number; options?: string[] };

const iso = (ms: number) => new Date(ms).toISOString();
function finishedDossier(code: string, agencyCode: string) {
  return [
    { status: 'RECEIVED', occurredAt: iso(now - 5 * DAY_MS), sequence: 1 },
    { status: 'RESOLVED', occurredAt: iso(now - 4 * DAY_MS), sequence: 2 },
  ].map((e) => ({ ...e, dossierCode: code, procedureCode: TTHN, agencyCode, channel: 'IN_PERSON' }));
}

async function submit(dossierCode: string, answers: Answer[], extra: Record<string, unknown> = {}) {
  const res = await t.gql<{ submitSurvey: Payload }>(SUBMIT, {
    input: {
      questionnaireCode: 'SIPAS-2640',
      dossierCode,
      token: tokens.get(dossierCode) ?? 'no-token',
      answers,
      idempotencyKey: `ks-${dossierCode}-1`,
      ...extra,
    },
  });
  expect(res.errors).toBeUndefined();
  return res.data!.submitSurvey;
}

async function sipas(code: string, questionnaireCode?: string) {
  const res = await t.gql<{ sipas: SipasResult }>(SIPAS, {
    code,
    period: PERIOD,
    q: questionnaireCode,
  });
  expect(res.errors).toBeUndefined();
  return res.data!.sipas;
}

const count = async (table: string) =>
  (await t.api.services.db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}"`)).rows[0]!.n;

/** HL-F1…HL-F5 (null = left blank), assessments and expectations of one respondent. */
function answersOf(
  satisfaction: (number | null)[],
  assessments: Record<string, number>,
  expectations: string[],
) {
  const answers: Answer[] = [];
  satisfaction.forEach((value, i) => {
    if (value !== null) answers.push({ questionCode: `HL-F${i + 1}`, value });
  });
  for (const [criterion, value] of Object.entries(assessments))
    answers.push({ questionCode: `ND-${criterion}`, value });
  if (expectations.length > 0) answers.push({ questionCode: 'MD', options: expectations });
  return answers;
}

// Six respondents of agency A (2 = Đồng ý on the assessment scale):
//          HL-F1 F2 F3 F4 F5   ND-F1.1 F1.2 F1.3 F1.4 F4.1   MD
const RESPONSES: [string, (number | null)[], Record<string, number>, string[]][] = [
  ['KS-D1', [5, 4, 5, 4, 3], { 'F1.1': 2, 'F1.2': 2, 'F1.3': 2, 'F1.4': 1, 'F4.1': 2 }, ['E2', 'E3']],
  ['KS-D2', [4, 4, 3, 5, 2], { 'F1.1': 2, 'F1.2': 1, 'F1.3': 2, 'F4.1': 2 }, ['E3']],
  ['KS-D3', [3, 5, 4, 4, 4], { 'F1.1': 1, 'F1.2': 1, 'F4.1': 2 }, ['E1', 'E3', 'E5']],
  ['KS-D4', [2, 3, 5, 4, 1], { 'F1.1': 2, 'F1.2': 1, 'F4.1': 2 }, ['E5', 'E8']],
  ['KS-D5', [5, 4, 4, 3, null], { 'F1.1': 2, 'F1.2': 2, 'F4.1': 2 }, []],
  ['KS-D6', [4, 2, 5, 5, 4], { 'F1.1': 2, 'F1.2': 2, 'F4.1': 2 }, ['E3', 'E8']],
];

beforeAll(async () => {
  t = await startSeededApi(0);
  ingest = await keyFor(t, 'INGEST');
  admin = await keyFor(t, 'ADMIN');
  const events = [
    ...['KS-D1', 'KS-D2', 'KS-D3', 'KS-D4', 'KS-D5', 'KS-D6', 'KS-D7'].flatMap((c) => finishedDossier(c, A)),
    ...finishedDossier('KS-B1', B),
    finishedDossier('KS-D8', A)[0]!, // received, not finished
  ];
  const res = await t.gql<{ recordDossierEvents: { accepted: number } }>(RECORD, { events }, ingest);
  expect(res.data!.recordDossierEvents.accepted).toBe(events.length);
  for (const code of ['KS-D1', 'KS-D2', 'KS-D3', 'KS-D4', 'KS-D5', 'KS-D6', 'KS-D7', 'KS-B1']) {
    const link = await t.gql<{ ratingLink: { token: string } }>(LINK, { code }, ingest);
    expect(link.errors).toBeUndefined();
    tokens.set(code, link.data!.ratingLink.token);
  }
});
afterAll(async () => {
  await t?.close();
});

describe('questionnaires', () => {
  it('gives anyone the quick-rating questionnaire published last, by kind, within the anonymous budget', async () => {
    // What the portal widget asks before showing its short items; no key, so the per-operation cost
    // ceiling of an anonymous caller (1,000) applies: the list of every version would exceed it.
    const res = await t.gql<{ questionnaire: { code: string; status: string; questions: unknown[] } }>(`{
      questionnaire(kind: QUICK_RATING) { code status version questions { code kind text scale { levels { value label } } options { code text } } } }`);
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    expect(res.data!.questionnaire).toMatchObject({ code: 'DANH-GIA-NHANH', status: 'PUBLISHED' });
    const neither = await t.gql('{ questionnaire { code } }');
    expect(neither.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('the seed without dossiers still brings the SIPAS questionnaire, as data', async () => {
    const res = await t.gql<{ questionnaire: QuestionnaireResult }>(`{
      questionnaire(code: "SIPAS-2640") { code version status kind
        factors { code criteria { code } }
        scales { code positiveFrom levels { value label } }
        questions { code kind factor { code } criterion { code } scale { code } options { code } } } }`);
    const q = res.data!.questionnaire;
    expect(q).toMatchObject({ code: 'SIPAS-2640', version: 1, status: 'PUBLISHED', kind: 'SIPAS' });
    expect(q.factors.map((f) => f.criteria.length)).toEqual([4, 5, 6, 3, 4]);
    expect(q.scales).toContainEqual({
      code: 'HAI-LONG-5',
      positiveFrom: 4,
      levels: [
        { value: 1, label: 'Rất không hài lòng' },
        { value: 2, label: 'Không hài lòng' },
        { value: 3, label: 'Bình thường' },
        { value: 4, label: 'Hài lòng' },
        { value: 5, label: 'Rất hài lòng' },
      ],
    });
    expect(q.questions).toContainEqual({
      code: 'HL-F3',
      kind: 'SATISFACTION',
      factor: { code: 'F3' },
      criterion: null,
      scale: { code: 'HAI-LONG-5' },
      options: [],
    });
    expect(q.questions.find((x) => x.code === 'MD')?.options).toHaveLength(8);
    expect(q.questions.filter((x) => x.kind === 'ASSESSMENT')).toHaveLength(22);
    expect(await count('SurveyResponse')).toBe(0);
  });
});

describe('submitSurvey', () => {
  it('rejects a submission with bad answers by index with stable codes, storing nothing', async () => {
    const payload = await submit('KS-D1', [
      { questionCode: 'HL-F1', value: 4 },
      { questionCode: 'XX-9', value: 1 }, // 1 unknown question
      { questionCode: 'HL-F2', value: 6 }, // 2 outside 1–5
      { questionCode: 'ND-F1.1', value: 2, options: ['E1'] }, // 3 options on a scaled question
      { questionCode: 'MD', options: ['E1', 'E9'] }, // 4 no option E9
      { questionCode: 'HL-F1', value: 5 }, // 5 answered twice
      { questionCode: 'HL-F3' }, // 6 no value
      { questionCode: 'MD', value: 3 }, // 7 MD answered twice (already at 4)
    ]);
    expect(payload).toMatchObject({ ok: false, duplicate: false, responseId: null });
    expect(payload.errors.map((e) => [e.index, e.code])).toEqual([
      [1, 'UNKNOWN_QUESTION'],
      [2, 'VALUE_OUT_OF_SCALE'],
      [3, 'OPTIONS_NOT_ALLOWED'],
      [4, 'UNKNOWN_OPTION'],
      [5, 'DUPLICATE_QUESTION'],
      [6, 'VALUE_REQUIRED'],
      [7, 'DUPLICATE_QUESTION'],
    ]);
    expect((await submit('KS-D1', [{ questionCode: 'MD', value: 3 }])).errors[0]).toMatchObject({
      index: 0,
      code: 'VALUE_NOT_ALLOWED',
    });
    expect((await submit('KS-D1', [{ questionCode: 'MD', options: ['E1', 'E1'] }])).errors[0]!.code).toBe(
      'DUPLICATE_OPTION',
    );
    expect((await submit('KS-D1', [])).errors).toMatchObject([{ index: -1, code: 'NO_ANSWERS' }]);
    expect(await count('SurveyResponse')).toBe(0);
    expect(await count('SurveyAnswer')).toBe(0);
    expect(await count('SurveyRollup')).toBe(0);
  });

  it('checks the dossier and its rating token as submitRating does', async () => {
    const answers = [{ questionCode: 'HL-F1', value: 5 }];
    const code = async (dossierCode: string, extra: Record<string, unknown> = {}) =>
      (await submit(dossierCode, answers, extra)).errors.map((e) => [e.index, e.code]);
    // The token is checked first: without a valid one, nobody learns whether a dossier exists.
    expect(await code('KS-KHONG-CO')).toEqual([[-1, 'INVALID_TOKEN']]);
    const secret = resolveRatingSecret(process.env.RATING_SECRET || undefined);
    tokens.set('KS-KHONG-CO', signRatingToken(secret, 'KS-KHONG-CO', new Date(now + 30 * DAY_MS)));
    expect(await code('KS-KHONG-CO')).toEqual([[-1, 'UNKNOWN_DOSSIER']]);
    tokens.set('KS-D8', signRatingToken(secret, 'KS-D8', new Date(now + 30 * DAY_MS)));
    expect(await code('KS-D8')).toEqual([[-1, 'NOT_FINISHED']]);
    expect(await code('KS-D7', { token: tokens.get('KS-D1') })).toEqual([[-1, 'INVALID_TOKEN']]);
    expect(await code('KS-D7', { token: signRatingToken(secret, 'KS-D7', new Date(now - 1000)) })).toEqual([
      [-1, 'TOKEN_EXPIRED'],
    ]);
    expect(await code('KS-D7', { questionnaireCode: 'KHONG-CO' })).toEqual([[-1, 'UNKNOWN_QUESTIONNAIRE']]);
    expect(await code('KS-D7', { idempotencyKey: 'short' })).toEqual([[-1, 'INVALID_IDEMPOTENCY_KEY']]);
    expect(await count('SurveyResponse')).toBe(0);
  });

  it('stores six responses of agency A and the paper form of agency B', async () => {
    for (const [dossier, satisfaction, assessments, expectations] of RESPONSES) {
      const payload = await submit(dossier, answersOf(satisfaction, assessments, expectations));
      expect(payload).toMatchObject({ ok: true, duplicate: false, errors: [] });
      expect(payload.responseId).toMatch(/^\d+$/);
    }
    // A paper form for agency B, entered by an official: everything "Rất hài lòng".
    const paper = {
      questionnaireCode: 'SIPAS-2640',
      agencyCode: B,
      submittedAt: iso(now - 60_000),
      answers: answersOf([5, 5, 5, 5, 5], {}, ['E4']),
      idempotencyKey: 'giay-B-0001',
    };
    expect((await t.gql(PAPER, { input: paper })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(
      (await t.gql(PAPER, { input: paper }, await keyFor(t, 'READ'))).errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');
    const res = await t.gql<{ recordSurveyResponse: Payload }>(PAPER, { input: paper }, ingest);
    expect(res.data!.recordSurveyResponse).toEqual({ ok: true, duplicate: false, errors: [] });
    expect(await count('SurveyResponse')).toBe(7);
  });

  it('is idempotent by key, and takes one response per dossier', async () => {
    const [dossier, satisfaction, assessments, expectations] = RESPONSES[0]!;
    const answers = answersOf(satisfaction, assessments, expectations);
    const rollupBefore = await t.api.services.db.pool.query(
      'SELECT sum(answers)::int AS n FROM "SurveyRollup"',
    );
    const again = await submit(dossier, answers);
    expect(again).toMatchObject({ ok: true, duplicate: true, errors: [] });
    expect((await submit(dossier, answers, { idempotencyKey: 'ks-KS-D1-2' })).errors).toMatchObject([
      { index: -1, code: 'ALREADY_SUBMITTED' },
    ]);
    // The key of D1's response cannot be reused for another dossier.
    expect((await submit('KS-D7', answers, { idempotencyKey: 'ks-KS-D1-1' })).errors).toMatchObject([
      { index: -1, code: 'IDEMPOTENCY_KEY_REUSED' },
    ]);
    expect(await count('SurveyResponse')).toBe(7);
    const rollupAfter = await t.api.services.db.pool.query(
      'SELECT sum(answers)::int AS n FROM "SurveyRollup"',
    );
    expect(rollupAfter.rows).toEqual(rollupBefore.rows);
  });
});

describe('sipas', () => {
  it('agency A: factor indices, SIPAS and respondents by hand', async () => {
    // Two quick ratings of A's dossiers, for the response-rate chain.
    for (const dossierCode of ['KS-D1', 'KS-D2']) {
      const rated = await t.gql<{ submitRating: { ok: boolean } }>(RATE, {
        input: { dossierCode, token: tokens.get(dossierCode), level: 'SATISFIED' },
      });
      expect(rated.data!.submitRating.ok).toBe(true);
    }
    const s = await sipas(A);
    // Factor index = answers 4–5 / answers to HL-Fk:
    //   F1: 5 4 3 2 5 4 → 4/6;  F2: 4 4 5 3 4 2 → 4/6;  F3: 5 3 4 5 4 5 → 5/6;
    //   F4: 4 5 4 4 3 5 → 5/6;  F5: 3 2 4 1 – 4 → 2/5 (D5 left it blank).
    // SIPAS = (4/6 + 4/6 + 5/6 + 5/6 + 2/5) / 5 = (3 + 0.4) / 5 = 0.68.
    expect(s.index).toBeCloseTo(0.68, 10);
    expect(s.respondents).toBe(6);
    expect(s.questionnaireCode).toBe('SIPAS-2640');
    expect(s.versions).toEqual([{ code: 'SIPAS-2640', version: 1, respondents: 6 }]);
    expect(s.factors.map((f) => [f.code, f.respondents, f.positive, f.method])).toEqual([
      ['F1', 6, 4, 'FACTOR_QUESTION'],
      ['F2', 6, 4, 'FACTOR_QUESTION'],
      ['F3', 6, 5, 'FACTOR_QUESTION'],
      ['F4', 6, 5, 'FACTOR_QUESTION'],
      ['F5', 5, 2, 'FACTOR_QUESTION'],
    ]);
    const indices = s.factors.map((f) => f.index);
    expectClose(indices, [4 / 6, 4 / 6, 5 / 6, 5 / 6, 2 / 5]);
    expect(s.factors[0]!.name).toBe('Tiếp cận dịch vụ hành chính công');
  });

  it('agency A: assessment shares per criterion and expectation shares', async () => {
    const s = await sipas(A);
    const f1 = s.factors[0]!.criteria;
    // ND-F1.1: 2 2 1 2 2 2 → 5/6; F1.2: 2 1 1 1 2 2 → 3/6; F1.3: 2 2 → 2/2; F1.4: 1 → 0/1.
    expect(f1.map((c) => [c.code, c.assessmentAgreed, c.assessmentAnswered])).toEqual([
      ['F1.1', 5, 6],
      ['F1.2', 3, 6],
      ['F1.3', 2, 2],
      ['F1.4', 0, 1],
    ]);
    expect(f1[0]!.assessment).toBeCloseTo(5 / 6, 10);
    expect(f1.map((c) => c.assessment).slice(1)).toEqual([0.5, 1, 0]);
    expect(f1[0]!.satisfaction).toBeNull(); // satisfaction is asked per factor on this form
    expect(s.factors[3]!.criteria[0]).toMatchObject({ code: 'F4.1', assessment: 1, assessmentAnswered: 6 });
    expect(s.factors[1]!.criteria[0]).toMatchObject({
      code: 'F2.1',
      assessment: null,
      assessmentAnswered: 0,
    });
    // MD: E2 E3 | E3 | E1 E3 E5 | E5 E8 | – | E3 E8 → E1 1, E2 1, E3 4, E5 2, E8 2 of 6 respondents.
    expect(s.expectations.map((e) => [e.code, e.count])).toEqual([
      ['E1', 1],
      ['E2', 1],
      ['E3', 4],
      ['E4', 0],
      ['E5', 2],
      ['E6', 0],
      ['E7', 0],
      ['E8', 2],
    ]);
    const shares = s.expectations.map((e) => e.share);
    expectClose(shares, [1 / 6, 1 / 6, 4 / 6, 0, 2 / 6, 0, 0, 2 / 6]);
  });

  it('agency A: the same answers as GOV.UK rescaled mean, OMB A-11 percent agree and JDMA shares', async () => {
    const s = await sipas(A);
    const f1 = s.factors[0]!;
    expect(f1.distribution).toEqual([
      { value: 1, label: 'Rất không hài lòng', count: 0 },
      { value: 2, label: 'Không hài lòng', count: 1 },
      { value: 3, label: 'Bình thường', count: 1 },
      { value: 4, label: 'Hài lòng', count: 2 },
      { value: 5, label: 'Rất hài lòng', count: 2 },
    ]);
    // F1 mean = 23/6; rescaled (23/6 − 1) / 4 = 17/24; agree 4/6; JDMA good 4/6, medium (3) 1/6, bad (≤ 2) 1/6.
    expect(f1.conventions.answered).toBe(6);
    expect(f1.conventions.rescaledMean).toBeCloseTo(17 / 24, 10);
    expect(f1.conventions.percentAgree).toBeCloseTo(4 / 6, 10);
    expect(f1.conventions.jdma!.good).toBeCloseTo(4 / 6, 10);
    expect(f1.conventions.jdma!.medium).toBeCloseTo(1 / 6, 10);
    expect(f1.conventions.jdma!.bad).toBeCloseTo(1 / 6, 10);
    // All 29 satisfaction answers: sums 23 + 22 + 26 + 25 + 14 = 110 → mean 110/29, rescaled 81/116;
    // answers 4–5: 4 + 4 + 5 + 5 + 2 = 20 → 20/29; answers ≤ 2: F1 one, F2 one, F5 two → 4/29; 3s: 5/29.
    const all = s.satisfaction;
    expect(all).toMatchObject({ answered: 29, scaleMin: 1, scaleMax: 5, positiveFrom: 4 });
    expect(all.rescaledMean).toBeCloseTo(81 / 116, 10);
    expect(all.percentAgree).toBeCloseTo(20 / 29, 10);
    expect(all.jdma!.good).toBeCloseTo(20 / 29, 10);
    expect(all.jdma!.medium).toBeCloseTo(5 / 29, 10);
    expect(all.jdma!.bad).toBeCloseTo(4 / 29, 10);
  });

  it('agency A: the response-rate chain from the dossier rollups', async () => {
    // Finished in the period: D1–D7 (D8 is open); links issued for D1–D7; rated: D1, D2.
    expect((await sipas(A)).responseChain).toEqual({
      finished: 7,
      ratingLinksIssued: 7,
      ratings: 2,
      responseRate: 2 / 7,
      surveyRespondents: 6,
    });
  });

  it('the province covers both communes; a commune only its own responses', async () => {
    // Agency B: one respondent, all 5s → every factor 1, SIPAS 1.
    const b = await sipas(B);
    expect(b).toMatchObject({ index: 1, respondents: 1 });
    expect(b.expectations.find((e) => e.code === 'E4')).toEqual({
      code: 'E4',
      count: 1,
      share: 1,
    });
    // Province: F1 = (4 + 1) / 7, F5 = (2 + 1) / 6; 7 respondents.
    const province = await sipas('56');
    expect(province.respondents).toBe(7);
    expect(province.factors[0]!.index).toBeCloseTo(5 / 7, 10);
    expect(province.factors[4]!.index).toBeCloseTo(3 / 6, 10);
  });

  it('has no index, and says so, where nobody answered', async () => {
    const s = await sipas('22891'); // Xã Phước Hữu: no responses
    expect(s).toMatchObject({ index: null, respondents: 0, versions: [] });
    expect(s.factors.map((f) => f.index)).toEqual([null, null, null, null, null]);
    expect(s.expectations.every((e) => e.share === null)).toBe(true);
    const bad = await t.gql(SIPAS, { code: A, period: { from: PERIOD.to, to: PERIOD.from } });
    expect(bad.errors?.[0]?.extensions?.code).toBe('INVALID_PERIOD');
  });
});

// A small SIPAS-kind questionnaire whose factor X2 asks satisfaction per criterion.
const TRIAL = {
  code: 'SIPAS-THU',
  kind: 'SIPAS',
  name: 'Phiếu thử nghiệm hỏi mức độ hài lòng theo từng tiêu chí',
  scales: [
    {
      code: 'HL5',
      name: 'Mức độ hài lòng (5 mức)',
      positiveFrom: 4,
      levels: ['Rất không hài lòng', 'Không hài lòng', 'Bình thường', 'Hài lòng', 'Rất hài lòng'].map(
        (label, i) => ({ value: i + 1, label }),
      ),
    },
    {
      code: 'ND',
      name: 'Nhận định',
      positiveFrom: 2,
      levels: [
        { value: 1, label: 'Không đồng ý' },
        { value: 2, label: 'Đồng ý' },
      ],
    },
  ],
  factors: [
    { code: 'X1', name: 'Tiếp cận dịch vụ', criteria: [{ code: 'X1.1', text: 'Nơi ngồi chờ đủ chỗ' }] },
    {
      code: 'X2',
      name: 'Công chức',
      criteria: [
        { code: 'X2.1', text: 'Công chức lịch sự' },
        { code: 'X2.2', text: 'Công chức hướng dẫn dễ hiểu' },
      ],
    },
  ],
  questions: [
    {
      code: 'ND-X1.1',
      kind: 'ASSESSMENT',
      text: 'Nơi ngồi chờ có đủ chỗ?',
      criterionCode: 'X1.1',
      scaleCode: 'ND',
    },
    {
      code: 'HL-X1',
      kind: 'SATISFACTION',
      text: 'Hài lòng về tiếp cận?',
      factorCode: 'X1',
      scaleCode: 'HL5',
    },
    {
      code: 'HL-X2.1',
      kind: 'SATISFACTION',
      text: 'Hài lòng về sự lịch sự?',
      criterionCode: 'X2.1',
      scaleCode: 'HL5',
    },
    {
      code: 'HL-X2.2',
      kind: 'SATISFACTION',
      text: 'Hài lòng về hướng dẫn?',
      criterionCode: 'X2.2',
      scaleCode: 'HL5',
    },
    {
      code: 'MD',
      kind: 'EXPECTATION',
      text: 'Cần cải thiện điều gì?',
      options: [
        { code: 'A', text: 'Thêm chỗ ngồi' },
        { code: 'B', text: 'Rút ngắn thời gian' },
      ],
    },
  ],
};

describe('publishQuestionnaire', () => {
  it('needs an admin key', async () => {
    expect((await t.gql(PUBLISH, { input: TRIAL })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await t.gql(PUBLISH, { input: TRIAL }, ingest)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('rejects a bad definition with paths and stable codes, storing nothing', async () => {
    const bad = {
      ...TRIAL,
      scales: [{ ...TRIAL.scales[0]!, positiveFrom: 9 }, TRIAL.scales[1]!],
      factors: [...TRIAL.factors, { code: 'X3', name: 'Không có câu hỏi hài lòng', criteria: [] }],
      questions: [
        ...TRIAL.questions,
        { code: 'HL-X2', kind: 'SATISFACTION', text: 'Cả yếu tố X2?', factorCode: 'X2', scaleCode: 'HL5' },
        { code: 'MD', kind: 'EXPECTATION', text: 'Lặp mã', options: [] },
        {
          code: 'Q9',
          kind: 'ASSESSMENT',
          text: 'Thang đo không có',
          criterionCode: 'X1.1',
          scaleCode: 'KHONG',
        },
      ],
    };
    const res = await t.gql<{ publishQuestionnaire: { questionnaire: unknown; errors: unknown[] } }>(
      PUBLISH,
      { input: bad },
      admin,
    );
    expect(res.data!.publishQuestionnaire.questionnaire).toBeNull();
    expect(res.data!.publishQuestionnaire.errors).toEqual([
      { path: 'scales[0].positiveFrom', code: 'INVALID_SCALE' },
      { path: 'questions[5]', code: 'DUPLICATE_SATISFACTION' },
      { path: 'questions[6].code', code: 'DUPLICATE_CODE' },
      { path: 'questions[6].options', code: 'OPTIONS_REQUIRED' },
      { path: 'questions[7].scaleCode', code: 'UNKNOWN_SCALE' },
      { path: 'factors[2]', code: 'FACTOR_WITHOUT_SATISFACTION' },
    ]);
    const kindChanged = await t.gql<{ publishQuestionnaire: { errors: unknown[] } }>(
      PUBLISH,
      { input: { ...TRIAL, code: 'SIPAS-2640', kind: 'OTHER' } },
      admin,
    );
    expect(kindChanged.data!.publishQuestionnaire.errors).toEqual([{ path: 'kind', code: 'KIND_CHANGED' }]);
    expect(await count('Questionnaire')).toBe(2);
  });

  it('publishes version 1, then version 2, retiring version 1 without editing it', async () => {
    const v1 = await t.gql<{ publishQuestionnaire: { questionnaire: Record<string, unknown> } }>(
      PUBLISH,
      { input: TRIAL },
      admin,
    );
    expect(v1.data!.publishQuestionnaire.questionnaire).toMatchObject({
      code: 'SIPAS-THU',
      version: 1,
      status: 'PUBLISHED',
    });
    const v2 = await t.gql<{
      publishQuestionnaire: { questionnaire: Record<string, unknown>; errors: unknown[] };
    }>(PUBLISH, { input: { ...TRIAL, name: 'Phiếu thử nghiệm (sửa đổi)' } }, admin);
    expect(v2.data!.publishQuestionnaire).toMatchObject({
      questionnaire: { code: 'SIPAS-THU', version: 2, status: 'PUBLISHED' },
      errors: [],
    });
    const list = await t.gql<{ questionnaires: Record<string, unknown>[] }>(
      `{ questionnaires(code: "SIPAS-THU") { version status name } }`,
    );
    expect(list.data!.questionnaires).toEqual([
      { version: 2, status: 'PUBLISHED', name: 'Phiếu thử nghiệm (sửa đổi)' },
      { version: 1, status: 'RETIRED', name: 'Phiếu thử nghiệm hỏi mức độ hài lòng theo từng tiêu chí' },
    ]);
    const audit = await t.api.services.db.pool.query(
      `SELECT count(*)::int AS n FROM "AuditLog" WHERE action = 'questionnaire.publish'`,
    );
    expect(audit.rows[0].n).toBe(2);
  });

  it('per-criterion satisfaction: the factor index is the mean of the criteria shares; versions pool', async () => {
    const paper = async (answers: Answer[], key: string, version?: number) => {
      const res = await t.gql<{ recordSurveyResponse: Payload }>(
        PAPER,
        {
          input: {
            questionnaireCode: 'SIPAS-THU',
            questionnaireVersion: version,
            agencyCode: A,
            submittedAt: iso(now - 120_000),
            answers,
            idempotencyKey: key,
          },
        },
        ingest,
      );
      expect(res.data!.recordSurveyResponse).toMatchObject({ ok: true });
    };
    const hl = (x1: number, x21: number | null, x22: number | null): Answer[] =>
      [
        { questionCode: 'HL-X1', value: x1 },
        x21 === null ? null : { questionCode: 'HL-X2.1', value: x21 },
        x22 === null ? null : { questionCode: 'HL-X2.2', value: x22 },
      ].filter((a) => a !== null);
    await paper(hl(5, 4, 2), 'giay-thu-0001');
    await paper(hl(3, 5, null), 'giay-thu-0002');
    await paper(hl(4, 2, 5), 'giay-thu-0003');
    // X1: 5 3 4 → 2/3. X2.1: 4 5 2 → 2/3; X2.2: 2 5 → 1/2; X2 = (2/3 + 1/2) / 2 = 7/12.
    // SIPAS = (2/3 + 7/12) / 2 = 15/24.
    let s = await sipas(A, 'SIPAS-THU');
    expect(s.index).toBeCloseTo(15 / 24, 10);
    expect(s.factors[1]!).toMatchObject({ code: 'X2', method: 'MEAN_OF_CRITERIA', respondents: 3 });
    expect(s.factors[1]!.index).toBeCloseTo(7 / 12, 10);
    expect(s.factors[1]!.criteria.map((c) => c.satisfaction)).toEqual([
      { positive: 2, answered: 3, share: 2 / 3 },
      { positive: 1, answered: 2, share: 0.5 },
    ]);
    // A paper form of the retired version 1 still counts, pooled by factor code: X1 3/4.
    await paper([{ questionCode: 'HL-X1', value: 4 }], 'giay-thu-0004', 1);
    s = await sipas(A, 'SIPAS-THU');
    expect(s.versions).toEqual([
      { code: 'SIPAS-THU', version: 1, respondents: 1 },
      { code: 'SIPAS-THU', version: 2, respondents: 3 },
    ]);
    expect(s.respondents).toBe(4);
    expect(s.factors[0]!.index).toBeCloseTo(3 / 4, 10);
    expect(s.index).toBeCloseTo((3 / 4 + 7 / 12) / 2, 10);
    // The default questionnaire of sipas() is the SIPAS one published last: now SIPAS-THU.
    expect((await sipas(A)).questionnaireCode).toBe('SIPAS-THU');
    expect((await sipas(A, 'SIPAS-2640')).index).toBeCloseTo(0.68, 10);
  });
});

describe('rollups', () => {
  it('a rebuild from the raw answers gives exactly the incremental SurveyRollup', async () => {
    const pool = t.api.services.db.pool;
    const snapshot = async () =>
      (await pool.query(`SELECT * FROM "SurveyRollup" ORDER BY "agencyId", "questionId", day, value`)).rows;
    const incremental = await snapshot();
    // 6 + 1 SIPAS-2640 responses and 4 SIPAS-THU ones: every answer is in a rollup row.
    const answers = await pool.query<{ n: number }>(
      `SELECT (SELECT count(*) FROM "SurveyAnswer" WHERE value IS NOT NULL)
            + (SELECT coalesce(sum(cardinality(options)), 0) FROM "SurveyAnswer" WHERE value IS NULL) AS n`,
    );
    const counted = incremental.reduce((sum, row) => sum + row.answers, 0);
    expect(counted).toBe(Number(answers.rows[0]!.n));
    await rebuildRollups(pool);
    expect(await snapshot()).toEqual(incremental);
  });
});
