// The rating form's one operation as a persisted operation with a path of its own. A citizen rating
// a dossier is the hottest public write, and Yoga's request pipeline costs more CPU per request
// than the rating itself (docs/benchmarks.md "Machine baselines": ~100–200 µs per request in its Fetch adapter). This path
// runs the same operation — same document, same variable coercion (graphql-js), same
// RatingService.submit, same JSON answer — without that pipeline. Anything else goes to /graphql.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { getVariableValues, type OperationDefinitionNode, parse } from 'graphql';
import { schema } from '../schema/index.ts';
import type { Services } from '../services/context.ts';
import { clientIpOf, type TrustProxy } from './client-ip.ts';
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable, UNAVAILABLE_HTTP } from './database-errors.ts';
import { withoutSuggestions } from './graphql-errors.ts';
import { errorBody, readBody, sendJson } from './http-io.ts';
import { inputStringError } from './input-strings.ts';

export const RATING_FAST_PATH = '/graphql/submit-rating';

/** The document the widget sends; the body may repeat it as `query`, or give `variables` only. */
export const SUBMIT_RATING_DOCUMENT =
  'mutation SubmitRating($input: SubmitRatingInput!) { submitRating(input: $input) { ok replaced error { index code message } } }';

const document = parse(SUBMIT_RATING_DOCUMENT);
const operation = document.definitions[0] as OperationDefinitionNode;
const MAX_BODY_BYTES = 16 * 1024;

const CORS = {
  // Public and without cookies: any portal page may embed the rating form.
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'POST, OPTIONS',
  'access-control-allow-headers': 'content-type',
  'access-control-max-age': '86400',
};

const answer = (res: ServerResponse, status: number, body: unknown) => sendJson(res, status, body, CORS);

export async function handleRatingFastPath(
  services: Pick<Services, 'ratings'>,
  trustProxy: TrustProxy,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  if (req.method === 'OPTIONS') {
    res.writeHead(204, CORS).end();
    return;
  }
  if (req.method !== 'POST') {
    return answer(res, 405, errorBody('METHOD_NOT_ALLOWED', 'Chỉ chấp nhận phương thức POST.'));
  }
  const read = await readBody(req, MAX_BODY_BYTES);
  if ('tooLarge' in read) {
    if (read.closing) res.setHeader('connection', 'close');
    return answer(res, 413, errorBody('PAYLOAD_TOO_LARGE', 'Nội dung gửi lên quá lớn.'));
  }
  const text = read.body.toString('utf8');
  let body: { query?: unknown; variables?: unknown };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    return answer(res, 400, errorBody('BAD_JSON', 'Nội dung gửi lên không phải JSON hợp lệ.'));
  }
  if (body === null || typeof body !== 'object') {
    return answer(res, 400, errorBody('BAD_USER_INPUT', 'Cần một đối tượng JSON có "variables".'));
  }
  if (body.query !== undefined && body.query !== SUBMIT_RATING_DOCUMENT) {
    return answer(
      res,
      400,
      errorBody(
        'PERSISTED_QUERY_MISMATCH',
        'Đường dẫn này chỉ nhận thao tác đánh giá; các thao tác khác gửi tới /graphql.',
      ),
    );
  }
  const coerced = getVariableValues(
    schema,
    operation.variableDefinitions ?? [],
    (body.variables ?? {}) as Record<string, unknown>,
    { maxErrors: 10 },
  );
  if (coerced.errors) {
    // What /graphql answers for the same variables, with the code of the scalar if it set one; never
    // a suggestion ("Did you mean …?"), as in production: this path serves the widget only.
    return answer(res, 200, {
      errors: coerced.errors.map((e) => ({
        message: withoutSuggestions(e).message,
        extensions: { code: (e.originalError as { code?: string } | undefined)?.code ?? 'BAD_USER_INPUT' },
      })),
    });
  }
  // The strings are checked as /graphql checks them (server/input-strings.ts), with the same answer.
  const badString = inputStringError(schema, document, null, body.variables as Record<string, unknown>);
  if (badString) {
    const { http: _status, ...extensions } = badString.extensions;
    return answer(res, 400, { errors: [{ message: badString.message, extensions }] });
  }
  const input = coerced.coerced.input as Parameters<Services['ratings']['submit']>[0];
  let result: Awaited<ReturnType<Services['ratings']['submit']>>;
  try {
    result = await services.ratings.submit(input, clientIpOf({ req }, trustProxy));
  } catch (error) {
    // As /graphql answers it (database-errors.ts); anything else stays a 500.
    if (!isDatabaseUnavailable(error)) throw error;
    for (const [name, value] of Object.entries(UNAVAILABLE_HTTP.headers)) res.setHeader(name, value);
    return answer(
      res,
      UNAVAILABLE_HTTP.status,
      errorBody('SERVICE_UNAVAILABLE', DATABASE_UNAVAILABLE_MESSAGE),
    );
  }
  const replaced = result.ok ? result.replaced : false;
  return answer(res, 200, { data: { submitRating: { ok: result.ok, replaced, error: result.error } } });
}
