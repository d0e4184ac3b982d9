// Issue 8 ("Mutation convention", "Errors in four shapes"): every mutation with a payload reports its
// expected failures in `userErrors { field code message }`, and that list says what the older fields
// say (`errors` by index, `error`, questionnaire `errors` by path): same codes, same Vietnamese
// messages, a path into the input that names the same item. Over real HTTP, on a seed without
// dossiers (the catalogue and the SIPAS questionnaire "SIPAS-2640").
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApi } from '../support/api.ts';
import { at } from '../support/dossier-events.ts';
import { keyFor } from '../support/keys.ts';
import { startSeededApi } from '../support/seeded.ts';

let t: TestApi;
let ingest: Record<string, string>;
let admin: Record<string, string>;

const A = '22870'; // Xã Ninh Phước
const TTHN = '1.004873';
/** Vietnamese with its diacritics: not an English message nor a stripped one. */
const VIETNAMESE = /[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/i;

interface UserError {
  field: string[] | null;
  code: string;
  message: string;
}
interface IndexedError {
  index: number;
  code: string;
  message: string;
}

/** Both views of the same failures agree one to one, in the same order. */
function expectSameErrors(userErrors: UserError[], old: { code: string; message: string }[]): void {
  expect(userErrors.map(({ code, message }) => ({ code, message }))).toEqual(
    old.map(({ code, message }) => ({ code, message })),
  );
  for (const e of userErrors) expect(e.message).toMatch(VIETNAMESE);
}

beforeAll(async () => {
  t = await startSeededApi(0);
  ingest = await keyFor(t, 'INGEST');
  admin = await keyFor(t, 'ADMIN');
});

afterAll(async () => {
  await t?.close();
});

describe('recordDossierEvents', () => {
  const RECORD = `mutation($events: [DossierEventInput!]!) {
    recordDossierEvents(events: $events) {
      accepted errors { index code message } userErrors { field code message } } }`;
  const event = (dossierCode: string, extra: Record<string, unknown> = {}) => ({
    dossierCode,
    procedureCode: TTHN,
    agencyCode: A,
    channel: 'IN_PERSON',
    status: 'RECEIVED',
    occurredAt: at('2026-03-02T08:00'),
    sequence: 1,
    ...extra,
  });
  type Payload = { accepted: number; errors: IndexedError[]; userErrors: UserError[] };

  it('points at the event by position and at its field', async () => {
    const res = await t.gql<{ recordDossierEvents: Payload }>(
      RECORD,
      {
        events: [
          event('UE-1', { procedureCode: 'KHONG-CO' }),
          event('UE-2'),
          event('UE-3', { dueAt: at('2024-01-01T08:00') }),
        ],
      },
      ingest,
    );
    expect(res.errors).toBeUndefined();
    const payload = res.data!.recordDossierEvents;
    expect(payload.accepted).toBe(1);
    expect(payload.errors.map((e) => [e.index, e.code])).toEqual([
      [0, 'UNKNOWN_PROCEDURE'],
      [2, 'INVALID_DUE_DATE'],
    ]);
    expectSameErrors(payload.userErrors, payload.errors);
    expect(payload.userErrors.map((e) => e.field)).toEqual([
      ['events', '0', 'procedureCode'],
      ['events', '2', 'dueAt'],
    ]);
    expect(payload.userErrors[0]!.message).toBe('Không có thủ tục mã "KHONG-CO".');
  });

  it('points at the list itself when the batch is too large', async () => {
    const events = Array.from({ length: 1001 }, (_, i) => event(`UE-MANY-${i}`));
    const res = await t.gql<{ recordDossierEvents: Payload }>(RECORD, { events }, ingest);
    const payload = res.data!.recordDossierEvents;
    expect(payload.errors.map((e) => [e.index, e.code])).toEqual([[1000, 'BATCH_TOO_LARGE']]);
    expectSameErrors(payload.userErrors, payload.errors);
    expect(payload.userErrors[0]!.field).toEqual(['events']);
  });

  it('is empty when every event is stored', async () => {
    const res = await t.gql<{ recordDossierEvents: Payload }>(RECORD, { events: [event('UE-OK')] }, ingest);
    expect(res.data!.recordDossierEvents).toMatchObject({ accepted: 1, errors: [], userErrors: [] });
  });
});

describe('submitRating', () => {
  const RATE = `mutation($input: SubmitRatingInput!) {
    submitRating(input: $input) { ok error { index code message } userErrors { field code message } } }`;
  type Payload = { ok: boolean; error: IndexedError | null; userErrors: UserError[] };

  it.each([
    ['INVALID_TOKEN', { token: 'khong-phai-ma' }, ['input', 'token']],
    ['COMMENT_TOO_LONG', { comment: 'a'.repeat(1001) }, ['input', 'comment']],
  ])('%s: the single error, at its input field', async (code, extra, field) => {
    const input = { dossierCode: 'UE-OK', token: 'khong-phai-ma', level: 'SATISFIED', ...extra };
    const res = await t.gql<{ submitRating: Payload }>(RATE, { input });
    const payload = res.data!.submitRating;
    expect(payload.ok).toBe(false);
    expect(payload.error!.code).toBe(code);
    expectSameErrors(payload.userErrors, [payload.error!]);
    expect(payload.userErrors[0]!.field).toEqual(field);
  });
});

describe('setEvaluationScores', () => {
  const SET = `mutation($input: SetEvaluationScoresInput!) {
    setEvaluationScores(input: $input) {
      evaluation { total } errors { index code message } userErrors { field code message } } }`;
  type Payload = { evaluation: unknown; errors: IndexedError[]; userErrors: UserError[] };
  const base = { agencyCode: A, year: 2026, quarter: 1 };

  it('points at the score entry and its field, or at the list as a whole', async () => {
    const res = await t.gql<{ setEvaluationScores: Payload }>(
      SET,
      {
        input: {
          ...base,
          scores: [
            { indicator: 3, selfScore: 5 },
            { indicator: 12, selfScore: 1 },
          ],
        },
      },
      admin,
    );
    expect(res.errors).toBeUndefined();
    const payload = res.data!.setEvaluationScores;
    expect(payload.evaluation).toBeNull();
    expect(payload.errors.map((e) => [e.index, e.code])).toEqual([
      [0, 'INVALID_SCORE'],
      [1, 'INVALID_INDICATOR'],
    ]);
    expectSameErrors(payload.userErrors, payload.errors);
    expect(payload.userErrors.map((e) => e.field)).toEqual([
      ['input', 'scores', '0', 'selfScore'],
      ['input', 'scores', '1', 'indicator'],
    ]);

    const empty = await t.gql<{ setEvaluationScores: Payload }>(
      SET,
      { input: { ...base, scores: [] } },
      admin,
    );
    const none = empty.data!.setEvaluationScores;
    expect(none.errors.map((e) => [e.index, e.code])).toEqual([[-1, 'NO_SCORES']]);
    expectSameErrors(none.userErrors, none.errors);
    expect(none.userErrors[0]!.field).toEqual(['input', 'scores']);
  });
});

describe('publishQuestionnaire', () => {
  const PUBLISH = `mutation($input: PublishQuestionnaireInput!) {
    publishQuestionnaire(input: $input) {
      questionnaire { code } errors { path code message } userErrors { field code message } } }`;
  type Payload = {
    questionnaire: unknown;
    errors: { path: string; code: string; message: string }[];
    userErrors: UserError[];
  };

  it('turns each path of the input into steps', async () => {
    const input = {
      code: 'ma sai!',
      kind: 'OTHER',
      name: 'Phiếu thử',
      scales: [],
      factors: [],
      questions: [{ code: 'Q1', kind: 'EXPECTATION', text: 'Mong đợi', scaleCode: 'KHONG-CO', options: [] }],
    };
    const res = await t.gql<{ publishQuestionnaire: Payload }>(PUBLISH, { input }, admin);
    expect(res.errors).toBeUndefined();
    const payload = res.data!.publishQuestionnaire;
    expect(payload.questionnaire).toBeNull();
    expect(payload.errors.map((e) => [e.path, e.code])).toEqual([
      ['code', 'INVALID_CODE'],
      ['questions[0].scaleCode', 'UNKNOWN_SCALE'],
      ['questions[0].scaleCode', 'SCALE_NOT_ALLOWED'],
      ['questions[0].options', 'OPTIONS_REQUIRED'],
    ]);
    expectSameErrors(payload.userErrors, payload.errors);
    expect(payload.userErrors.map((e) => e.field)).toEqual([
      ['input', 'code'],
      ['input', 'questions', '0', 'scaleCode'],
      ['input', 'questions', '0', 'scaleCode'],
      ['input', 'questions', '0', 'options'],
    ]);
  });
});

describe('survey responses', () => {
  const SUBMIT = `mutation($input: SubmitSurveyInput!) {
    submitSurvey(input: $input) { ok errors { index code message } userErrors { field code message } } }`;
  const PAPER = `mutation($input: PaperSurveyInput!) {
    recordSurveyResponse(input: $input) { ok errors { index code message } userErrors { field code message } } }`;
  type Payload = { ok: boolean; errors: IndexedError[]; userErrors: UserError[] };

  it('submitSurvey: an error of the submission as a whole points at the input field it is about', async () => {
    const input = {
      questionnaireCode: 'SIPAS-2640',
      dossierCode: 'UE-OK',
      token: 'khong-phai-ma',
      answers: [{ questionCode: 'HL-F1', value: 4 }],
      idempotencyKey: 'ue-submit-0001',
    };
    const bad = await t.gql<{ submitSurvey: Payload }>(SUBMIT, { input });
    expect(bad.errors).toBeUndefined();
    const payload = bad.data!.submitSurvey;
    expect(payload.errors.map((e) => [e.index, e.code])).toEqual([[-1, 'INVALID_TOKEN']]);
    expectSameErrors(payload.userErrors, payload.errors);
    expect(payload.userErrors[0]!.field).toEqual(['input', 'token']);

    const key = await t.gql<{ submitSurvey: Payload }>(SUBMIT, { input: { ...input, idempotencyKey: 'x' } });
    const refused = key.data!.submitSurvey;
    expect(refused.errors.map((e) => [e.index, e.code])).toEqual([[-1, 'INVALID_IDEMPOTENCY_KEY']]);
    expectSameErrors(refused.userErrors, refused.errors);
    expect(refused.userErrors[0]!.field).toEqual(['input', 'idempotencyKey']);
  });

  it('recordSurveyResponse: an answer is pointed at by position and field', async () => {
    const input = {
      questionnaireCode: 'SIPAS-2640',
      agencyCode: A,
      submittedAt: new Date(Date.now() - 3_600_000).toISOString(),
      answers: [
        { questionCode: 'HL-F1', value: 4 },
        { questionCode: 'KHONG-CO', value: 1 },
        { questionCode: 'HL-F2', value: 9 },
        { questionCode: 'MD', value: 1 },
      ],
      idempotencyKey: 'ue-paper-0001',
    };
    const res = await t.gql<{ recordSurveyResponse: Payload }>(PAPER, { input }, ingest);
    expect(res.errors).toBeUndefined();
    const payload = res.data!.recordSurveyResponse;
    expect(payload.ok).toBe(false);
    expect(payload.errors.map((e) => [e.index, e.code])).toEqual([
      [1, 'UNKNOWN_QUESTION'],
      [2, 'VALUE_OUT_OF_SCALE'],
      [3, 'VALUE_NOT_ALLOWED'],
    ]);
    expectSameErrors(payload.userErrors, payload.errors);
    expect(payload.userErrors.map((e) => e.field)).toEqual([
      ['input', 'answers', '1', 'questionCode'],
      ['input', 'answers', '2', 'value'],
      ['input', 'answers', '3', 'value'],
    ]);

    const future = new Date(Date.now() + 86_400_000).toISOString();
    const later = await t.gql<{ recordSurveyResponse: Payload }>(
      PAPER,
      { input: { ...input, submittedAt: future, idempotencyKey: 'ue-paper-0002' } },
      ingest,
    );
    const refused = later.data!.recordSurveyResponse;
    expect(refused.errors.map((e) => [e.index, e.code])).toEqual([[-1, 'FUTURE_RESPONSE']]);
    expectSameErrors(refused.userErrors, refused.errors);
    expect(refused.userErrors[0]!.field).toEqual(['input', 'submittedAt']);
  });
});

describe('the mutations that replace a top-level refusal by a payload', () => {
  it('updateCalendarDays: a refused list is a user error at input.days, nothing stored; the old mutation is deprecated', async () => {
    const UPDATE = `mutation($input: UpdateCalendarDaysInput!) {
      updateCalendarDays(input: $input) { days { date working } userErrors { field code message } } }`;
    const dup = await t.gql<{ updateCalendarDays: { days: unknown; userErrors: UserError[] } }>(
      UPDATE,
      {
        input: {
          days: [
            { date: '2026-12-24', working: false },
            { date: '2026-12-24', working: true },
          ],
        },
      },
      admin,
    );
    expect(dup.errors).toBeUndefined();
    expect(dup.data!.updateCalendarDays.days).toBeNull();
    expect(dup.data!.updateCalendarDays.userErrors).toEqual([
      { field: ['input', 'days'], code: 'DUPLICATE_DATE', message: expect.stringMatching(VIETNAMESE) },
    ]);
    const ok = await t.gql<{ updateCalendarDays: { days: unknown; userErrors: UserError[] } }>(
      UPDATE,
      { input: { days: [{ date: '2026-12-24', working: false, note: 'Nghỉ thử nghiệm' }] } },
      admin,
    );
    expect(ok.data!.updateCalendarDays).toEqual({
      days: [{ date: '2026-12-24', working: false }],
      userErrors: [],
    });
    // Authorization stays a top-level error.
    const reader = await t.gql(UPDATE, { input: { days: [{ date: '2026-12-25', working: false }] } }, ingest);
    expect(reader.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('issueRatingLink: a dossier that cannot be rated is a user error at input.dossierCode', async () => {
    const ISSUE = `mutation($input: IssueRatingLinkInput!) {
      issueRatingLink(input: $input) { link { token } userErrors { field code message } } }`;
    const res = await t.gql<{ issueRatingLink: { link: unknown; userErrors: UserError[] } }>(
      ISSUE,
      { input: { dossierCode: 'KHONG-CO-HO-SO' } },
      ingest,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.issueRatingLink.link).toBeNull();
    expect(res.data!.issueRatingLink.userErrors).toEqual([
      {
        field: ['input', 'dossierCode'],
        code: 'UNKNOWN_DOSSIER',
        message: expect.stringMatching(VIETNAMESE),
      },
    ]);
    // The deprecated mutation still answers the same refusal as a top-level error.
    const old = await t.gql(`mutation { ratingLink(dossierCode: "KHONG-CO-HO-SO") { token } }`, {}, ingest);
    expect(old.errors?.[0]?.extensions?.code).toBe('UNKNOWN_DOSSIER');
  });
});

describe('the schema', () => {
  it('gives every mutation with a payload a userErrors list of UserError, and deprecates the older fields', async () => {
    const res = await t.gql<{
      __schema: {
        mutationType: { fields: { name: string; type: { ofType: { name: string } } }[] };
      };
    }>(`{ __schema { mutationType { fields { name type { ofType { name } } } } } }`);
    const payloads = res
      .data!.__schema.mutationType.fields.map((f) => f.type.ofType?.name)
      .filter((name): name is string => Boolean(name?.endsWith('Payload')));
    expect(payloads.length).toBeGreaterThanOrEqual(8);
    for (const name of payloads) {
      const type = await t.gql<{
        __type: { fields: { name: string; isDeprecated: boolean; type: unknown }[] };
      }>(
        `query($name: String!) { __type(name: $name) {
          fields(includeDeprecated: true) { name isDeprecated
            type { kind ofType { kind ofType { kind ofType { name } } } } } } }`,
        { name },
      );
      const fields = type.data!.__type.fields;
      const userErrors = fields.find((f) => f.name === 'userErrors');
      expect(userErrors, name).toMatchObject({
        isDeprecated: false,
        type: {
          kind: 'NON_NULL',
          ofType: { kind: 'LIST', ofType: { kind: 'NON_NULL', ofType: { name: 'UserError' } } },
        },
      });
      for (const old of fields.filter((f) => f.name === 'errors' || f.name === 'error')) {
        expect(old.isDeprecated, `${name}.${old.name}`).toBe(true);
      }
    }
  });
});
