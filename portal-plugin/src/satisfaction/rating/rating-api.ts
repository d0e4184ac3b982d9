// The rating form's calls. The rating goes to the fast path POST /graphql/submit-rating (docs/api.md
// "Endpoint"), whose document is fixed: the body carries only the variables. No cookies are ever sent.
import type { SubmitAnswer } from '../outcome.ts';

export type Level = 'DISSATISFIED' | 'SATISFIED' | 'VERY_SATISFIED';

export interface RatingInput {
  dossierCode: string;
  token: string;
  level: Level;
  comment?: string | undefined;
  idempotencyKey: string;
}

/** The API's limit on comments, counted as it counts them (code points after NFC). */
export const MAX_COMMENT_LENGTH = 1000;

export const commentLength = (text: string) => [...text.normalize('NFC').trim()].length;

type Body = {
  data?: { submitRating?: { ok: boolean; replaced?: boolean; error?: { code: string } | null } } | null;
  errors?: { extensions?: { code?: string } }[];
};

export async function submitRating(endpoint: string, input: RatingInput): Promise<SubmitAnswer> {
  let response: Response;
  try {
    response = await fetch(`${endpoint}/submit-rating`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      credentials: 'omit',
      body: JSON.stringify({ variables: { input } }),
    });
  } catch {
    return { kind: 'network' };
  }
  let body: Body = {};
  try {
    body = (await response.json()) as Body;
  } catch {
    // A proxy's HTML error page: the status says enough.
  }
  const payload = body.data?.submitRating;
  if (!response.ok || !payload) {
    return { kind: 'http', status: response.status, code: body.errors?.[0]?.extensions?.code };
  }
  return { kind: 'payload', ok: payload.ok, code: payload.error?.code, replaced: payload.replaced };
}

export interface ShortQuestion {
  code: string;
  text: string;
  levels: { value: number; label: string }[];
}

export interface ShortQuestionnaire {
  code: string;
  version: number;
  questions: ShortQuestion[];
}

type QuestionnaireAnswer = {
  code: string;
  version: number;
  questions: {
    code: string;
    kind: string;
    text: string;
    scale: { levels: ShortQuestion['levels'] } | null;
  }[];
};

const QUESTION_FIELDS = 'code version questions{code kind text scale{levels{value label}}}';

/**
 * The `questions` attribute: empty or "quick" → the published quick-rating questionnaire; anything else
 * → the published questionnaire with that code. Only items answered on a scale are shown, the QUICK
 * ones when there are any: a portal page is no place for the full SIPAS form.
 */
export async function loadQuestionnaire(
  get: <T>(
    endpoint: string,
    query: string,
    variables: Record<string, unknown>,
  ) => Promise<{ data?: T | null }>,
  endpoint: string,
  questions: string,
): Promise<ShortQuestionnaire | null> {
  const byCode = questions && questions !== 'quick';
  const answer = byCode
    ? await get<{ questionnaire: QuestionnaireAnswer | null }>(
        endpoint,
        `query DvcQuestionnaire($c:String!){questionnaire(code:$c){${QUESTION_FIELDS}}}`,
        { c: questions },
      )
    : await get<{ questionnaires: QuestionnaireAnswer[] }>(
        endpoint,
        `query DvcQuickQuestionnaire{questionnaires(kind:QUICK_RATING,status:PUBLISHED){${QUESTION_FIELDS}}}`,
        {},
      );
  const data = answer.data as {
    questionnaire?: QuestionnaireAnswer | null;
    questionnaires?: QuestionnaireAnswer[];
  };
  const found = data?.questionnaire ?? data?.questionnaires?.[0];
  if (!found) return null;
  return { code: found.code, version: found.version, questions: shortItems(found.questions) };
}

export function shortItems(questions: QuestionnaireAnswer['questions']): ShortQuestion[] {
  const scaled = questions.filter((question) => question.scale?.levels.length);
  const quick = scaled.filter((question) => question.kind === 'QUICK');
  return (quick.length ? quick : scaled).map(({ code, text, scale }) => ({
    code,
    text,
    levels: scale!.levels,
  }));
}

export async function submitSurvey(
  endpoint: string,
  input: {
    dossierCode: string;
    token: string;
    questionnaireCode: string;
    questionnaireVersion: number;
    idempotencyKey: string;
    answers: { questionCode: string; value: number }[];
  },
): Promise<boolean> {
  try {
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      credentials: 'omit',
      body: JSON.stringify({
        query: 'mutation DvcSubmitSurvey($i:SubmitSurveyInput!){submitSurvey(input:$i){ok userErrors{code}}}',
        variables: { i: input },
      }),
    });
    const body = (await response.json()) as { data?: { submitSurvey?: { ok: boolean } } };
    return body.data?.submitSurvey?.ok === true;
  } catch {
    return false;
  }
}
