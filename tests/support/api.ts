// Starts a real API (HTTP + WebSocket on a random port) on a fresh database of its own, so test
// files isolate themselves and can run in parallel. Talks to it over real HTTP.
import { type Config, type RunningApi, startApi } from '@tthc/api';
import { createTestDatabase } from '@tthc/db';

export interface TestApi {
  api: RunningApi;
  url: string;
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
}

export interface GraphQLResponse<T> {
  status: number;
  data: T | null | undefined;
  errors?: { message: string; extensions?: { code?: string } & Record<string, unknown>; path?: unknown[] }[];
}

export async function startTestApi(
  options: { seed?: boolean; config?: Partial<Config> } = {},
): Promise<TestApi> {
  const database = await createTestDatabase();
  const api = await startApi({
    port: 0,
    host: '127.0.0.1',
    databaseUrl: database.url,
    redisUrl: undefined,
    seedOnEmpty: options.seed ?? false,
    env: 'test',
    logLevel: process.env.LOG_LEVEL ?? 'warn',
    ...options.config,
  });
  return {
    api,
    url: api.url,
    gql: async (query, variables, headers) => {
      const res = await fetch(api.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as GraphQLResponse<never>;
      return { ...body, status: res.status };
    },
    close: async () => {
      await api.stop();
      await database.drop();
    },
  };
}
