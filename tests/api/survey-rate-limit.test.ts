// Survey forms are public too: they count against the per-client budget of public submissions.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { TestApi } from '../support/api.ts';
import { startSeededApi } from '../support/seeded.ts';

let t: TestApi;
beforeAll(async () => {
  t = await startSeededApi(0, { ratingLimitPerIpPerMinute: 2 });
});
afterAll(async () => {
  await t?.close();
});

const SUBMIT = `mutation($input: SubmitSurveyInput!) {
  submitSurvey(input: $input) { ok errors { index code } } }`;

it('the third submission from one client within a minute is RATE_LIMITED, before any other check', async () => {
  const input = {
    questionnaireCode: 'SIPAS-2640',
    dossierCode: 'NO-SUCH',
    token: 'x.y',
    answers: [],
    idempotencyKey: 'rate-limit-test',
  };
  const codes: string[] = [];
  for (let i = 0; i < 3; i++) {
    const res = await t.gql<{ submitSurvey: { ok: boolean; errors: { code: string }[] } }>(SUBMIT, { input });
    expect(res.data!.submitSurvey.ok).toBe(false);
    codes.push(res.data!.submitSurvey.errors[0]!.code);
  }
  expect(codes[0]).not.toBe('RATE_LIMITED');
  expect(codes[1]).not.toBe('RATE_LIMITED');
  expect(codes[2]).toBe('RATE_LIMITED');
  const { rows } = await t.api.services.db.pool.query('SELECT count(*)::int AS n FROM "SurveyResponse"');
  expect(rows[0].n).toBe(0);
});
