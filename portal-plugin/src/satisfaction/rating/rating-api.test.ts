import { readFileSync } from 'node:fs';
import { buildSchema, parse, validate } from 'graphql';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SubmitRating } from '../generated/persisted-ids.ts';
import { outcomeOf } from '../outcome.ts';
import { commentLength, loadQuestionnaire, shortItems, submitRating, submitSurvey } from './rating-api.ts';

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

describe('submitRating (POST /graphql?documentId=…)', () => {
  it('sends only the variables, without cookies, to the persisted operation', async () => {
    const fetchMock = answerWith(200, { data: { submitRating: { ok: true, error: null } } });
    expect(await submitRating(ENDPOINT, SubmitRating, input)).toEqual({
      kind: 'payload',
      ok: true,
      code: undefined,
      replaced: undefined,
    });
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe(`https://api.example.vn/graphql?documentId=${SubmitRating}`);
    expect(init.credentials).toBe('omit');
    expect(JSON.parse(init.body as string)).toEqual({ variables: { input } });
  });

  it('rates through the older address when the API does not know the id', async () => {
    const urls: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => {
        urls.push(url);
        return urls.length === 1
          ? new Response(
              JSON.stringify({ errors: [{ extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }] }),
              {
                status: 400,
              },
            )
          : new Response(JSON.stringify({ data: { submitRating: { ok: true, error: null } } }), {
              status: 200,
            });
      }),
    );
    expect(await submitRating(ENDPOINT, SubmitRating, input)).toMatchObject({ kind: 'payload', ok: true });
    expect(urls).toEqual([
      `https://api.example.vn/graphql?documentId=${SubmitRating}`,
      'https://api.example.vn/graphql/submit-rating',
    ]);
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
    expect(outcomeOf(await submitRating(ENDPOINT, SubmitRating, input))).toBe('expired');
  });

  it('turns a failed request into a network answer (queued) and a 503 into a retryable one', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    expect(outcomeOf(await submitRating(ENDPOINT, SubmitRating, input))).toBe('queued');
    answerWith(503, { errors: [{ message: 'x', extensions: { code: 'SERVICE_UNAVAILABLE' } }] });
    expect(outcomeOf(await submitRating(ENDPOINT, SubmitRating, input))).toBe('queued');
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
    {
      code: 'Q2',
      kind: 'EXPECTATION',
      text: 'Ông/bà mong muốn cơ quan cải thiện điều gì?',
      scale: null,
      options: [
        { code: 'MD1', text: 'Rút ngắn thời gian giải quyết' },
        { code: 'MD2', text: 'Cải thiện thái độ phục vụ của công chức' },
      ],
    },
    {
      code: 'Q3',
      kind: 'SATISFACTION',
      text: 'Mức độ hài lòng chung',
      scale: { levels: [{ value: 1, label: 'Rất không hài lòng' }] },
    },
  ];

  it('shows the QUICK items when there are any, otherwise every item answered on a scale; and the EXPECTATION items', () => {
    // Q1 is QUICK, so Q3 (SATISFACTION) is left out; Q2 (EXPECTATION) is answered by choosing options.
    expect(shortItems(questions).map((question) => [question.code, question.kind])).toEqual([
      ['Q1', 'scale'],
      ['Q2', 'choice'],
    ]);
    expect(
      shortItems(questions.filter((question) => question.kind !== 'QUICK')).map((question) => question.code),
    ).toEqual(['Q2', 'Q3']);
    expect(shortItems(questions)[1]).toEqual({
      kind: 'choice',
      code: 'Q2',
      text: 'Ông/bà mong muốn cơ quan cải thiện điều gì?',
      options: [
        { code: 'MD1', text: 'Rút ngắn thời gian giải quyết' },
        { code: 'MD2', text: 'Cải thiện thái độ phục vụ của công chức' },
      ],
    });
    // An EXPECTATION item without options has nothing to choose: not shown.
    expect(shortItems([{ ...questions[1]!, options: [] }])).toEqual([]);
  });

  it('asks for the published quick-rating questionnaire, or the one the portal names; both documents are valid', async () => {
    const schema = buildSchema(
      readFileSync(new URL('../../../../api/schema.graphql', import.meta.url), 'utf8'),
    );
    const documents: string[] = [];
    const get = async <T>(_endpoint: string, query: string) => {
      documents.push(query);
      return {
        data: { questionnaire: { code: 'DG-NHANH', version: 2, questions } } as T,
      };
    };
    expect(await loadQuestionnaire(get, ENDPOINT, '')).toMatchObject({ code: 'DG-NHANH', version: 2 });
    await loadQuestionnaire(get, ENDPOINT, 'SIPAS-2026');
    expect(documents[0]).toContain('questionnaire(kind:QUICK_RATING)');
    expect(documents[1]).toContain('questionnaire(code:$c)');
    for (const document of documents) expect(validate(schema, parse(document))).toEqual([]);
    const survey =
      'mutation DvcSubmitSurvey($i:SubmitSurveyInput!){submitSurvey(input:$i){ok userErrors{code}}}';
    expect(validate(schema, parse(survey))).toEqual([]);
  });
});

describe('submitSurvey', () => {
  const survey = {
    dossierCode: 'H56.14-260305-0001',
    token: 'tok',
    questionnaireCode: 'SIPAS-2640',
    questionnaireVersion: 1,
    idempotencyKey: 'dvc-survey-key-1',
    answers: [
      { questionCode: 'HL-F1', value: 4 },
      { questionCode: 'MD', options: ['MD1', 'MD3'] },
    ],
  };

  it('sends scale values and chosen options as SubmitSurveyInput, without cookies', async () => {
    const fetchMock = vi.fn(async () =>
      Response.json({ data: { submitSurvey: { ok: true, userErrors: [] } } }),
    );
    vi.stubGlobal('fetch', fetchMock);
    expect(await submitSurvey(ENDPOINT, survey)).toBe('sent');
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe(ENDPOINT);
    expect(init.credentials).toBe('omit');
    expect(JSON.parse(init.body as string).variables.i).toEqual(survey);
  });

  it('asks to retry after a network failure or a 503, and not after a refusal', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(await submitSurvey(ENDPOINT, survey)).toBe('retry');
    vi.stubGlobal('fetch', async () => new Response('<html>Service Unavailable</html>', { status: 503 }));
    expect(await submitSurvey(ENDPOINT, survey)).toBe('retry');
    vi.stubGlobal('fetch', async () =>
      Response.json({ data: { submitSurvey: { ok: false, userErrors: [{ code: 'INVALID_TOKEN' }] } } }),
    );
    expect(await submitSurvey(ENDPOINT, survey)).toBe('refused');
  });

  it('tells an already answered survey (ALREADY_SUBMITTED) apart from other refusals', async () => {
    vi.stubGlobal('fetch', async () =>
      Response.json({ data: { submitSurvey: { ok: false, userErrors: [{ code: 'ALREADY_SUBMITTED' }] } } }),
    );
    expect(await submitSurvey(ENDPOINT, survey)).toBe('already');
    vi.stubGlobal('fetch', async () =>
      Response.json({ data: { submitSurvey: { ok: false, userErrors: [{ code: 'TOKEN_EXPIRED' }] } } }),
    );
    expect(await submitSurvey(ENDPOINT, survey)).toBe('refused');
  });
});
