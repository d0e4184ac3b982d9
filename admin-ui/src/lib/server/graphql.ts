import type { TypedDocumentString } from '../graphql/generated/graphql';
import type { ApiProblem } from '../labels';

export const DEFAULT_API_URL = 'http://localhost:4000/graphql';

/** Why a request to the API gave no usable data; `problem` picks the message shown to officials. */
export class ApiRequestError extends Error {
  override name = 'ApiRequestError';
  constructor(
    readonly problem: ApiProblem,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

export interface GraphQLRequest<TData, TVariables> {
  apiUrl: string;
  /** A document generated from a .graphql file (`npm run codegen`): its types are the schema's. */
  document: TypedDocumentString<TData, TVariables>;
  variables: TVariables;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

/** POSTs one operation and returns its `data`, or throws an ApiRequestError. */
export async function graphqlRequest<TData, TVariables>(
  request: GraphQLRequest<TData, TVariables>,
): Promise<TData> {
  const doFetch = request.fetch ?? fetch;
  let response: Response;
  try {
    response = await doFetch(request.apiUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
      },
      body: JSON.stringify({ query: request.document.toString(), variables: request.variables }),
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

  let body: { data?: TData | null; errors?: { message: string }[] };
  try {
    body = await response.json();
  } catch (error) {
    throw new ApiRequestError('invalid-response', `HTTP ${response.status}, body is not JSON`, {
      cause: error,
    });
  }
  if (body.errors?.length) {
    throw new ApiRequestError('graphql-error', body.errors.map((error) => error.message).join('; '));
  }
  if (!response.ok || body.data == null) {
    throw new ApiRequestError('invalid-response', `HTTP ${response.status} without data`);
  }
  return body.data;
}
