import { readFileSync } from 'node:fs';
import { buildSchema, parse, validate } from 'graphql';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { outcomeOf } from '../outcome.ts';
import { commentLength, loadQuestionnaire, shortItems, submitRating } from './rating-api.ts';

const ENDPOINT = 'https://api.example.vn/graphql';
const input = {
  dossierCode: 'H56.14-260305-0001',
  token: 'tok',
  level: 'SATISFIED' as const,
  idempotencyKey: 'dvc-1234-5678',
};

afterEach(() => vi.unstubAllGlobals());

function answerWith(status: number, body: unknown) {
  const fetchMock = vi.fn(async () => new Response(JSON.stringify(body), { status }));
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

describe('submitRating (POST /graphql/submit-rating)', () => {
  it('sends only the variables, without cookies, to the fast path', async () => {
    const fetchMock = answerWith(200, { data: { submitRating: { ok: true, error: null } } });
    expect(await submitRating(ENDPOINT, input)).toEqual({
      kind: 'payload',
      ok: true,
      code: undefined,
      replaced: undefined,
    });
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('https://api.example.vn/graphql/submit-rating');
    expect(init.credentials).toBe('omit');
    expect(JSON.parse(init.body as string)).toEqual({ variables: { input } });
  });

  it('reads the refusal code of the payload', async () => {
    answerWith(200, {
      data: {
        submitRating: {
          ok: false,
          error: { index: -1, code: 'TOKEN_EXPIRED', message: 'Mã đánh giá đã hết hạn.' },
        },
      },
    });
    expect(outcomeOf(await submitRating(ENDPOINT, input))).toBe('expired');
  });

  it('turns a failed request into a network answer (queued) and a 503 into a retryable one', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    expect(outcomeOf(await submitRating(ENDPOINT, input))).toBe('queued');
    answerWith(503, { errors: [{ message: 'x', extensions: { code: 'SERVICE_UNAVAILABLE' } }] });
    expect(outcomeOf(await submitRating(ENDPOINT, input))).toBe('queued');
  });
});

describe('commentLength', () => {
  it('counts characters as the API does: code points after NFC, trimmed', () => {
    // "hài lòng" typed with a combining grave accent (a + U+0300) is still 8 characters after NFC.
    expect(commentLength('  ha\u0300i lo\u0300ng ')).toBe(8);
    expect(commentLength('😀')).toBe(1);
  });
});

describe('the questionnaire', () => {
  const questions = [
    {
      code: 'Q1',
      kind: 'QUICK',
      text: 'Cán bộ hướng dẫn có rõ ràng không?',
      scale: {
        levels: [
          { value: 1, label: 'Không' },
          { value: 2, label: 'Có' },
        ],
      },
    },
    { code: 'Q2', kind: 'EXPECTATION', text: 'Ông/bà mong muốn điều gì?', scale: null },
    {
      code: 'Q3',
      kind: 'SATISFACTION',
      text: 'Mức độ hài lòng chung',
      scale: { levels: [{ value: 1, label: 'Rất không hài lòng' }] },
    },
  ];

  it('shows the QUICK items when there are any, otherwise every item answered on a scale', () => {
    expect(shortItems(questions).map((question) => question.code)).toEqual(['Q1']);
    expect(
      shortItems(questions.filter((question) => question.kind !== 'QUICK')).map((question) => question.code),
    ).toEqual(['Q3']);
  });

  it('asks for the published quick-rating questionnaire, or the one the portal names; both documents are valid', async () => {
    const schema = buildSchema(
      readFileSync(new URL('../../../../api/schema.graphql', import.meta.url), 'utf8'),
    );
    const documents: string[] = [];
    const get = async <T>(_endpoint: string, query: string) => {
      documents.push(query);
      return {
        data: { questionnaires: [{ code: 'DG-NHANH', version: 2, questions }], questionnaire: null } as T,
      };
    };
    expect(await loadQuestionnaire(get, ENDPOINT, '')).toMatchObject({ code: 'DG-NHANH', version: 2 });
    await loadQuestionnaire(get, ENDPOINT, 'SIPAS-2026');
    expect(documents[0]).toContain('questionnaires(kind:QUICK_RATING,status:PUBLISHED)');
    expect(documents[1]).toContain('questionnaire(code:$c)');
    for (const document of documents) expect(validate(schema, parse(document))).toEqual([]);
    const survey =
      'mutation DvcSubmitSurvey($i:SubmitSurveyInput!){submitSurvey(input:$i){ok userErrors{code}}}';
    expect(validate(schema, parse(survey))).toEqual([]);
  });
});
