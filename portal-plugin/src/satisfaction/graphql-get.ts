// The display query as GET /graphql?query=…&variables=… (docs/api.md "Endpoint": cacheable by URL).
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
  const url = `${endpoint}?query=${encodeURIComponent(query)}&variables=${encodeURIComponent(JSON.stringify(variables))}`;
  const response = await fetch(url, { credentials: 'omit', signal: signal ?? null });
  return (await response.json()) as GraphQLAnswer<T>;
}

/** `api` attribute → the GraphQL endpoint: "https://x.vn", "https://x.vn/" and "https://x.vn/graphql" alike. */
export function graphqlEndpoint(api: string): string {
  const base = api.replace(/\/+$/, '');
  return base.endsWith('/graphql') ? base : `${base}/graphql`;
}
