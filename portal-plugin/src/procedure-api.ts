// The query is procedure.graphql; its document and types are generated from it (`npm run codegen`).
import {
  WidgetProcedureDocument,
  type WidgetProcedureQuery,
  type WidgetProcedureQueryVariables,
} from './graphql/generated/graphql.ts';

export type WidgetProcedure = NonNullable<WidgetProcedureQuery['procedure']>;

/** The API could not be reached or answered something other than the procedure. */
export class WidgetApiError extends Error {
  override name = 'WidgetApiError';
}

interface GraphQLResponse {
  // Partial: a proxy or an older API may answer without the field.
  data?: Partial<WidgetProcedureQuery> | null;
  errors?: { message: string }[];
}

export interface FetchProcedureOptions {
  apiUrl: string;
  code: string;
  signal?: AbortSignal;
  fetch?: typeof fetch;
}

/** The procedure with that code, or null when the API knows no such procedure. */
export async function fetchProcedure(options: FetchProcedureOptions): Promise<WidgetProcedure | null> {
  const doFetch = options.fetch ?? fetch;
  let response: Response;
  try {
    response = await doFetch(options.apiUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
      },
      // Citizens are anonymous: never send the portal's cookies to the API.
      credentials: 'omit',
      body: JSON.stringify({
        query: WidgetProcedureDocument.toString(),
        variables: { code: options.code } satisfies WidgetProcedureQueryVariables,
      }),
      signal: options.signal ?? null,
    });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new WidgetApiError('network error', { cause: error });
  }

  let body: GraphQLResponse;
  try {
    body = (await response.json()) as GraphQLResponse;
  } catch (error) {
    throw new WidgetApiError(`HTTP ${response.status}: not a GraphQL response`, { cause: error });
  }
  if (!response.ok || body.errors?.length) {
    const message = body.errors?.map((error) => error.message).join('; ') ?? '';
    throw new WidgetApiError(`HTTP ${response.status} ${message}`.trim());
  }
  const procedure = body.data?.procedure;
  if (procedure === undefined) throw new WidgetApiError('response without data.procedure');
  return procedure;
}
