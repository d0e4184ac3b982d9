// The rating form's calls. The rating is the persisted operation SubmitRating, POST
// /graphql?documentId=… (docs/api.md "Persisted reads and caching"): the body carries only the variables. No cookies are ever sent.
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

/** `documentId`: SubmitRating's id, handed over by the loader (WidgetKit) so that no chunk is shared. */
export async function submitRating(
  endpoint: string,
  documentId: string,
  input: RatingInput,
): Promise<SubmitAnswer> {
  const answer = await post(`${endpoint}?documentId=${documentId}`, input);
  // An API that does not know the id (older, or newer without it): the rating form's own address.
  const code = answer.kind === 'http' ? answer.code : undefined;
  if (code === 'PERSISTED_QUERY_NOT_FOUND' || code === 'BAD_REQUEST')
    return post(`${endpoint}/submit-rating`, input);
  return answer;
}

async function post(url: string, input: RatingInput): Promise<SubmitAnswer> {
  let response: Response;
  try {
    response = await fetch(url, {
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

/** An item answered with one level of its scale (radios). */
export interface ScaleQuestion {
  kind: 'scale';
  code: string;
  text: string;
  levels: { value: number; label: string }[];
}

/** An EXPECTATION item (mong đợi): several options may be chosen (checkboxes; docs/domain.md §4.3). */
export interface ChoiceQuestion {
  kind: 'choice';
  code: string;
  text: string;
  options: { code: string; text: string }[];
}

export type ShortQuestion = ScaleQuestion | ChoiceQuestion;

export interface ShortQuestionnaire {
  code: string;
  version: number;
  questions: ShortQuestion[];
}

/** One answer of SubmitSurveyInput: a scale value, or the chosen option codes (never both). */
export type SurveyAnswer =
  | { questionCode: string; value: number }
  | { questionCode: string; options: string[] };

type QuestionnaireAnswer = {
  code: string;
  version: number;
  questions: {
    code: string;
    kind: string;
    text: string;
    scale: { levels: ScaleQuestion['levels'] } | null;
    options?: ChoiceQuestion['options'] | null;
  }[];
};

const QUESTION_FIELDS =
  'code version questions{code kind text scale{levels{value label}} options{code text}}';

export async function loadQuestionnaire(
  get: <T>(
    endpoint: string,
    query: string,
    variables: Record<string, unknown>,
  ) => Promise<{ data?: T | null }>,
  endpoint: string,
  questions: string,
): Promise<ShortQuestionnaire | null> {
  // One questionnaire object either way: a list of every version would cost more than an anonymous
  // caller's per-operation budget (docs/limits.md).
  const byCode = questions && questions !== 'quick';
  const answer = await get<{ questionnaire: QuestionnaireAnswer | null }>(
    endpoint,
    byCode
      ? `query DvcQuestionnaire($c:String!){questionnaire(code:$c){${QUESTION_FIELDS}}}`
      : `query DvcQuickQuestionnaire{questionnaire(kind:QUICK_RATING){${QUESTION_FIELDS}}}`,
    byCode ? { c: questions } : {},
  );
  const found = (answer.data as { questionnaire?: QuestionnaireAnswer | null } | null | undefined)
    ?.questionnaire;
  if (!found) return null;
  return { code: found.code, version: found.version, questions: shortItems(found.questions) };
}

export function shortItems(questions: QuestionnaireAnswer['questions']): ShortQuestion[] {
  const scaled = (question: QuestionnaireAnswer['questions'][number]) =>
    Boolean(question.scale?.levels.length);
  const quickOnly = questions.some((question) => question.kind === 'QUICK' && scaled(question));
  const items: ShortQuestion[] = [];
  for (const { code, kind, text, scale, options } of questions) {
    if (kind === 'EXPECTATION') {
      if (options?.length) items.push({ kind: 'choice', code, text, options });
    } else if (scale?.levels.length && (!quickOnly || kind === 'QUICK')) {
      items.push({ kind: 'scale', code, text, levels: scale.levels });
    }
  }
  return items;
}

/**
 * The API's verdict on answers: stored (or stored before, same key), already answered for this
 * dossier (ALREADY_SUBMITTED: one survey per dossier, a new key cannot replace it), refused for good,
 * or to retry later.
 */
export type SurveyResult = 'sent' | 'already' | 'refused' | 'retry';

/** Statuses that mean "try again later", as for ratings (outcome.ts). */
const RETRY_STATUS = new Set([408, 502, 503, 504]);

export async function submitSurvey(
  endpoint: string,
  input: {
    dossierCode: string;
    token: string;
    questionnaireCode: string;
    questionnaireVersion: number;
    idempotencyKey: string;
    answers: SurveyAnswer[];
  },
): Promise<SurveyResult> {
  let response: Response;
  try {
    response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      credentials: 'omit',
      body: JSON.stringify({
        query: 'mutation DvcSubmitSurvey($i:SubmitSurveyInput!){submitSurvey(input:$i){ok userErrors{code}}}',
        variables: { i: input },
      }),
    });
  } catch {
    return 'retry';
  }
  if (RETRY_STATUS.has(response.status)) return 'retry';
  try {
    const body = (await response.json()) as {
      data?: { submitSurvey?: { ok: boolean; userErrors?: { code: string }[] } };
    };
    const payload = body.data?.submitSurvey;
    if (payload?.ok === true) return 'sent';
    return payload?.userErrors?.some((e) => e.code === 'ALREADY_SUBMITTED') ? 'already' : 'refused';
  } catch {
    return response.ok ? 'refused' : 'retry';
  }
}
