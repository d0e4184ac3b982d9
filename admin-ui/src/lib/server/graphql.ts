// The UI's only way to the API: one POST per operation, from the UI's server, with the session's
// token as `Authorization: Bearer`. Plain module (no $app/$env imports) so that it is unit-tested.
import type { TypedDocumentString } from '../graphql/generated/graphql';
import type { ApiProblem } from '../labels';

export const DEFAULT_API_URL = 'http://localhost:4000/graphql';

/** Codes of top-level GraphQL errors that the UI tells apart (api/src/errors.ts). */
const PROBLEM_OF_CODE: Record<string, ApiProblem> = {
  UNAUTHENTICATED: 'unauthenticated',
  FORBIDDEN: 'forbidden',
  OUT_OF_SCOPE: 'forbidden',
  RATE_LIMITED: 'rate-limited',
  SERVICE_UNAVAILABLE: 'service-unavailable',
  QUERY_TIMEOUT: 'timeout',
  NOT_FOUND: 'not-found',
};

/** Why a request to the API gave no usable data; `problem` picks the message shown to officials. */
export class ApiRequestError extends Error {
  override name = 'ApiRequestError';
  /** The API's ErrorCode, when it sent one. */
  readonly code: string | null;
  /** The API's own message (Vietnamese, for officials) when it sent a coded error. */
  readonly apiMessage: string | null;
  constructor(
    readonly problem: ApiProblem,
    message: string,
    options?: ErrorOptions & { code?: string; apiMessage?: string },
  ) {
    super(message, options);
    this.code = options?.code ?? null;
    this.apiMessage = options?.apiMessage ?? null;
  }
}

export interface GraphQLRequest<TData, TVariables> {
  apiUrl: string;
  /** A document generated from a .graphql file (`npm run codegen`): its types are the schema's. */
  document: TypedDocumentString<TData, TVariables>;
  variables: TVariables;
  /** The session token; sent as `Authorization: Bearer <token>`. */
  token?: string | null;
  /**
   * The official's own address, sent as X-Forwarded-For: the API limits sign-in attempts and
   * requests per client address, and every request reaches it from this server. The API believes
   * the header only from a proxy it trusts (its TRUST_PROXY, e.g. `loopback`; docs/limits.md).
   */
  clientAddress?: string | null;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

interface GraphQLErrorBody {
  message: string;
  extensions?: { code?: unknown };
}

/** The first coded error decides the problem: an UNAUTHENTICATED anywhere means the session ended. */
function errorOf(errors: GraphQLErrorBody[]): ApiRequestError {
  const detail = errors.map((error) => error.message).join('; ');
  const coded = errors.find(
    (e) => typeof e.extensions?.code === 'string' && e.extensions.code in PROBLEM_OF_CODE,
  );
  if (coded) {
    const code = coded.extensions?.code as string;
    return new ApiRequestError(PROBLEM_OF_CODE[code] ?? 'graphql-error', detail, {
      code,
      apiMessage: coded.message,
    });
  }
  const code = errors.find((e) => typeof e.extensions?.code === 'string')?.extensions?.code;
  return new ApiRequestError('graphql-error', detail, typeof code === 'string' ? { code } : {});
}

/**
 * POSTs one operation and returns its `data`, or throws an ApiRequestError. The operation goes by its
 * persisted id (`documentId`, codegen.ts), which the API charges less and knows without parsing it; an
 * API that does not know the id gets the text.
 */
export async function graphqlRequest<TData, TVariables>(
  request: GraphQLRequest<TData, TVariables>,
): Promise<TData> {
  const documentId = request.document.__meta__?.hash as string | undefined;
  if (documentId) {
    try {
      return await send(request, { documentId, variables: request.variables });
    } catch (error) {
      // An API without the id, or older than persisted operations ("Unexpected parameter documentId").
      const unknownId =
        error instanceof ApiRequestError &&
        (error.code === 'PERSISTED_QUERY_NOT_FOUND' || error.code === 'BAD_REQUEST');
      if (!unknownId) throw error;
    }
  }
  return send(request, { query: request.document.toString(), variables: request.variables });
}

async function send<TData, TVariables>(
  request: GraphQLRequest<TData, TVariables>,
  payload: { documentId?: string; query?: string; variables: TVariables },
): Promise<TData> {
  const doFetch = request.fetch ?? fetch;
  let response: Response;
  try {
    response = await doFetch(request.apiUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        ...(request.token ? { authorization: `Bearer ${request.token}` } : {}),
        ...(request.clientAddress ? { 'x-forwarded-for': request.clientAddress } : {}),
      },
      body: JSON.stringify(payload),
      signal: AbortSignal.timeout(request.timeoutMs ?? 5000),
    });
  } catch (error) {
    const timedOut = error instanceof Error && error.name === 'TimeoutError';
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
    throw new ApiRequestError(
      timedOut ? 'timeout' : 'unreachable',
      `${request.apiUrl}: ${String(error)}${cause}`,
      { cause: error },
    );
  }

  let body: { data?: TData | null; errors?: GraphQLErrorBody[] };
  try {
    body = await response.json();
  } catch (error) {
    throw new ApiRequestError('invalid-response', `HTTP ${response.status}, body is not JSON`, {
      cause: error,
    });
  }
  if (Array.isArray(body.errors) && body.errors.length > 0) throw errorOf(body.errors);
  if (!response.ok || body.data == null) {
    throw new ApiRequestError(
      response.status === 503 ? 'service-unavailable' : 'invalid-response',
      `HTTP ${response.status} without data`,
    );
  }
  return body.data;
}

/** The API as one request sees it: the session's token bound in. */
export interface ApiClient {
  request<TData, TVariables>(
    document: TypedDocumentString<TData, TVariables>,
    variables: TVariables,
    options?: { timeoutMs?: number },
  ): Promise<TData>;
}

export function createApiClient(options: {
  apiUrl: string;
  token: string | null;
  clientAddress?: string | null;
  fetch?: typeof fetch;
}): ApiClient {
  return {
    request: (document, variables, extra) =>
      graphqlRequest({
        apiUrl: options.apiUrl,
        document,
        variables,
        token: options.token,
        clientAddress: options.clientAddress ?? null,
        ...(options.fetch ? { fetch: options.fetch } : {}),
        ...(extra?.timeoutMs ? { timeoutMs: extra.timeoutMs } : {}),
      }),
  };
}
