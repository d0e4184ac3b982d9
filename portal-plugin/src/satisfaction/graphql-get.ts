// The display query as GET /graphql?documentId=…&variables=… (docs/api.md "Persisted reads and caching"),
// or as GET /graphql?query=… for an API that does not know the id.
// A GET without custom headers is a "simple" cross-origin request: no CORS preflight, no cookies.

export interface GraphQLAnswer<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export async function graphqlGet<T>(
  endpoint: string,
  query: string,
  variables: Record<string, unknown>,
  signal?: AbortSignal,
): Promise<GraphQLAnswer<T>> {
  return getJson(`${endpoint}?query=${encodeURIComponent(query)}`, variables, signal);
}

/**
 * A persisted operation by id (docs/api.md "Persisted reads and caching"): a short URL that the API,
 * a proxy or a CDN answers from its cache, with 304 when the browser's copy is still good.
 */
export function persistedGet<T>(
  endpoint: string,
  documentId: string,
  variables: Record<string, unknown>,
  signal?: AbortSignal,
): Promise<GraphQLAnswer<T>> {
  return getJson(`${endpoint}?documentId=${documentId}`, variables, signal);
}

async function getJson<T>(
  url: string,
  variables: Record<string, unknown>,
  signal?: AbortSignal,
): Promise<GraphQLAnswer<T>> {
  const response = await fetch(`${url}&variables=${encodeURIComponent(JSON.stringify(variables))}`, {
    credentials: 'omit',
    signal: signal ?? null,
  });
  return (await response.json()) as GraphQLAnswer<T>;
}

/** `api` attribute → the GraphQL endpoint: "https://x.vn", "https://x.vn/" and "https://x.vn/graphql" alike. */
export function graphqlEndpoint(api: string): string {
  const base = api.replace(/\/+$/, '');
  return base.endsWith('/graphql') ? base : `${base}/graphql`;
}
