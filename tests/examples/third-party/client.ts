// A typed client for the TTHC API as a third party would write it (docs/api.md "Quick start"): plain
// fetch for queries, graphql-ws for subscriptions, and the documents of operations.graphql typed by
// GraphQL Code Generator (codegen.ts → generated/graphql.ts). No other library. Copy the folder as a
// starting point; tests/api/third-party-example.test.ts runs it against a real API.
import { type Client, createClient } from 'graphql-ws';
import type { TypedDocumentString } from './generated/graphql.ts';

/** An error of the API as it answers it: a stable `code` to branch on (docs/limits.md §7). */
export class TthcApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly errors: { message: string; extensions?: Record<string, unknown> }[],
    /** Seconds to wait before retrying, on a 429 or 503. */
    readonly retryAfter: number | null,
  ) {
    super(errors[0]?.message ?? `HTTP ${status}`);
  }
}

export interface TthcClientOptions {
  /** The GraphQL endpoint, e.g. http://localhost:4000/graphql. */
  url: string;
  /** An API key `tthc_<prefix>_<secret>`; none for public reads. */
  key?: string;
  /** Node 20 has no global WebSocket: pass `ws`'s (`import WebSocket from 'ws'`). */
  webSocketImpl?: unknown;
}

export function tthcClient({ url, key, webSocketImpl }: TthcClientOptions) {
  const authorization: Record<string, string> = key ? { authorization: `Bearer ${key}` } : {};

  /** Runs a query or mutation over HTTP; its answer's `data`, typed, or a TthcApiError. */
  async function request<Result, Variables>(
    document: TypedDocumentString<Result, Variables>,
    variables: Variables,
  ): Promise<Result> {
    const res = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json',
        ...authorization,
      },
      body: JSON.stringify({ query: document.toString(), variables }),
    });
    const body = (await res.json()) as { data?: Result | null; errors?: TthcApiError['errors'] };
    if (body.errors?.length || body.data == null) {
      const errors = body.errors ?? [];
      const retryAfter = res.headers.get('retry-after');
      throw new TthcApiError(
        res.status,
        String(errors[0]?.extensions?.code ?? 'UNKNOWN'),
        errors,
        retryAfter ? Number(retryAfter) : null,
      );
    }
    return body.data;
  }

  // One WebSocket for every subscription, opened with the first and closed with the last (graphql-ws
  // is lazy); the key travels in the connection parameters. Made on first use: a client that only
  // queries needs no WebSocket implementation.
  let socket: Client | null = null;
  const webSocket = () => {
    socket ??= createClient({
      url: url.replace(/^http/, 'ws'),
      connectionParams: authorization,
      ...(webSocketImpl ? { webSocketImpl } : {}),
    });
    return socket;
  };

  /** Starts a subscription: `onData` with each result; returns the function that stops it. */
  function subscribe<Result, Variables>(
    document: TypedDocumentString<Result, Variables>,
    variables: Variables,
    onData: (data: Result) => void,
    onError: (error: unknown) => void = console.error,
  ): () => void {
    return webSocket().subscribe<Result>(
      { query: document.toString(), variables: variables as Record<string, unknown> },
      {
        next: (result) => {
          if (result.errors?.length) onError(result.errors);
          else if (result.data) onData(result.data);
        },
        error: onError,
        complete: () => {},
      },
    );
  }

  return { request, subscribe, close: async () => socket?.dispose() };
}
