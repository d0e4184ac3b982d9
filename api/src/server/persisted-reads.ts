// Persisted operations named in the URL: `GET /graphql?documentId=sha256:…&variables=…` and
// `POST /graphql?documentId=…` (docs/api.md "Persisted reads and caching").
//
// A GET is a read a browser, a reverse proxy or a CDN may keep: anonymous answers carry
// `Cache-Control: public, max-age, stale-while-revalidate` and an `ETag`, are answered 304 to a
// matching `If-None-Match`, and are served from the response cache (response-cache.ts) without
// running anything — the widget's reads on every procedure page of the national portal. A miss runs
// the operation through Yoga like any request (budgets, limits, masking) with the operation's text in
// place of its id, once for all the requests that arrive while it runs.
//
// A POST of the rating form's operation goes to its own handler (rating-fast-path.ts): the hottest
// public write skips Yoga's pipeline. Any other POST runs through Yoga with the text in place of the id.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { GraphQLError } from 'graphql';
import type { Logger } from '../services/logger.ts';
import type { Metrics } from '../services/metrics.ts';
import type { Scope } from '../services/stats.ts';
import type { CacheConfig } from './cache-config.ts';
import { clientIpOf, type TrustProxy } from './client-ip.ts';
import { errorBody, readBody, sendJson } from './http-io.ts';
import {
  type PersistedDocuments,
  type PersistedOperation,
  persistedMismatch,
  persistedNotFound,
} from './persisted-documents.ts';
import type { DirectResult } from './persisted-executor.ts';
import { markCachedRead, noteOperation, requestLogger } from './request-observer.ts';
import { type CachedAnswer, etagOf, type ResponseCache } from './response-cache.ts';

/** Yoga's `fetch`, with the Node request as server context (client IP, deadline) and the cache's recorder. */
export type RunOperation = (
  url: string,
  init: RequestInit,
  serverContext: { req: IncomingMessage; res: ServerResponse; figureScopes?: Scope[] },
) => Promise<Response> | Response;

/** An operation's answer as Yoga gave it. */
interface Answer {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** Yoga's headers worth passing on (the RateLimit family, Retry-After, the content type). */
const PASSED_HEADERS = /^(content-type|ratelimit-.*|retry-after|allow)$/i;
/** A persisted POST's variables; the rating form's own path takes 16 KB. */
const MAX_POST_BYTES = 1024 * 1024;

/** What Yoga needs of the client's request: who calls (key, proxies) and where from. */
function forwardedHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = { accept: 'application/json' };
  for (const name of ['authorization', 'x-forwarded-for', 'user-agent', 'origin']) {
    const value = req.headers[name];
    if (typeof value === 'string') headers[name] = value;
  }
  return headers;
}

function passedHeaders(response: Response): Record<string, string> {
  const passed: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    if (PASSED_HEADERS.test(name)) passed[name] = value;
  });
  return passed;
}

const CACHE_RESULT = { hit: 'hit', 'hit-shared': 'shared', miss: 'miss' } as const;

export const hasDocumentId = (url: string) => /[?&]documentId=/.test(url);

/** The parameters of a persisted GET; any other would only make a new cache entry of the same answer. */
const GET_PARAMETERS = new Set(['documentId', 'variables', 'operationName', 'extensions']);

export function createPersistedReads(options: {
  documents: PersistedDocuments;
  cache: ResponseCache | null;
  config: CacheConfig;
  run: RunOperation;
  metrics: Metrics;
  /** Anonymous reads without Yoga's pipeline (persisted-executor.ts); Yoga when it hands them back. */
  direct?: {
    run(
      operation: PersistedOperation,
      variables: string | null,
      clientIp: string | null,
      extra: { logger: Logger; figureScopes: Scope[] },
    ): Promise<DirectResult>;
    trustProxy: TrustProxy;
    logger: Logger;
  };
  /** The rating form's handler and the id of its operation. */
  rating: { id: string | undefined; handle(req: IncomingMessage, res: ServerResponse): Promise<void> };
}) {
  const { documents, cache, config, run, rating, metrics, direct } = options;
  const publicControl = `public, max-age=${config.maxAgeSeconds}, stale-while-revalidate=${config.staleSeconds}`;
  /** Answers being computed, by URL: requests that arrive meanwhile wait for the same one. */
  const pending = new Map<string, Promise<CachedAnswer | null>>();

  const refuse = (
    res: ServerResponse,
    status: number,
    error: GraphQLError,
    headers: Record<string, string> = {},
  ) =>
    sendJson(
      res,
      status,
      { errors: [{ message: error.message, extensions: { code: error.extensions.code } }] },
      headers,
    );

  /** Runs the operation through Yoga: `query` is the operation's text, the rest as the client sent it. */
  async function execute(
    req: IncomingMessage,
    res: ServerResponse,
    operation: PersistedOperation,
    params: URLSearchParams,
    figureScopes?: Scope[],
  ): Promise<Answer> {
    const query = new URLSearchParams(params);
    query.delete('documentId');
    query.set('query', operation.text);
    const response = await run(
      `http://api.internal/graphql?${query}`,
      { method: 'GET', headers: forwardedHeaders(req) },
      { req, res, ...(figureScopes ? { figureScopes } : {}) },
    );
    return {
      status: response.status,
      headers: passedHeaders(response),
      body: Buffer.from(await response.arrayBuffer()),
    };
  }

  /**
   * The body everyone may be given: of a 200 without errors, without `extensions` (the cost report is
   * the budget of whoever asked first).
   */
  const shareableBody = (answer: Answer): Buffer | null => {
    if (answer.status !== 200) return null;
    try {
      const {
        errors,
        extensions: _cost,
        ...rest
      } = JSON.parse(answer.body.toString('utf8')) as Record<string, unknown>;
      return errors === undefined ? Buffer.from(JSON.stringify(rest)) : null;
    } catch {
      return null;
    }
  };

  function serveCached(
    req: IncomingMessage,
    res: ServerResponse,
    answer: CachedAnswer,
    how: 'hit' | 'hit-shared' | 'miss',
  ): void {
    const match = req.headers['if-none-match'];
    const revalidated = match?.includes(answer.etag) ?? false;
    metrics.cacheLookups.inc({ result: revalidated ? 'revalidated' : CACHE_RESULT[how] });
    if (revalidated) {
      res.writeHead(304, { etag: answer.etag, 'cache-control': publicControl, 'x-cache': how });
      res.end();
      return;
    }
    res.writeHead(200, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': answer.body.length,
      etag: answer.etag,
      'cache-control': publicControl,
      // A keyed request to the same URL is answered privately: a shared cache must not mix the two.
      vary: 'authorization',
      'x-cache': how,
    });
    res.end(answer.body);
  }

  function serveAnswer(res: ServerResponse, answer: Answer, cacheControl: string, how: string): void {
    res.writeHead(answer.status, {
      'content-type': 'application/json; charset=utf-8',
      ...answer.headers,
      'cache-control': cacheControl,
      'x-cache': how,
      ...(answer.status === 200 ? { etag: etagOf(answer.body) } : {}),
    });
    res.end(answer.body);
  }

  /**
   * An anonymous read: run directly (persisted-executor.ts), or through Yoga when that hands it back.
   * Null when a refusal (a budget) was answered already.
   */
  async function compute(
    req: IncomingMessage,
    res: ServerResponse,
    operation: PersistedOperation,
    params: URLSearchParams,
    figureScopes: Scope[],
  ): Promise<Answer | null> {
    if (direct) {
      noteOperation(req, operation.name);
      const clientIp = clientIpOf({ req }, direct.trustProxy);
      const logger = requestLogger(req, direct.logger);
      const ran = await direct.run(operation, params.get('variables'), clientIp, { logger, figureScopes });
      if ('body' in ran) return { status: 200, headers: {}, body: ran.body };
      if ('refusal' in ran) {
        const { http: _http, ...extensions } = ran.refusal.extensions;
        sendJson(res, ran.status, { errors: [{ message: ran.refusal.message, extensions }] }, ran.headers);
        return null;
      }
      figureScopes.length = 0;
    }
    return execute(req, res, operation, params, figureScopes);
  }

  /** Computes an anonymous read once, stores it if everyone may have it, and answers this request. */
  async function fill(
    req: IncomingMessage,
    res: ServerResponse,
    operation: PersistedOperation,
    params: URLSearchParams,
    key: string,
  ): Promise<void> {
    const waiting = pending.get(key);
    if (waiting) {
      const answer = await waiting;
      if (answer) return serveCached(req, res, answer, 'hit');
    }
    let settle!: (answer: CachedAnswer | null) => void;
    const own = new Promise<CachedAnswer | null>((resolve) => (settle = resolve));
    pending.set(key, own);
    let stored: CachedAnswer | null = null;
    try {
      const shared = await cache!.getShared(key);
      if (shared) {
        stored = shared;
        return serveCached(req, res, shared, 'hit-shared');
      }
      const startedAt = Date.now();
      const figureScopes: Scope[] = [];
      const answer = await compute(req, res, operation, params, figureScopes);
      if (!answer) return;
      const body = shareableBody(answer);
      if (!body) {
        metrics.cacheLookups.inc({ result: 'miss' });
        return serveAnswer(res, answer, 'no-store', 'miss');
      }
      const candidate = {
        body,
        etag: etagOf(body),
        startedAt,
        scopes: operation.scopedFigures ? figureScopes : null,
      };
      if (cache!.set(key, candidate)) stored = candidate;
      serveCached(req, res, candidate, 'miss');
    } finally {
      if (pending.get(key) === own) pending.delete(key);
      settle(stored);
    }
  }

  return async function handlePersisted(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = req.url ?? '';
    const params = new URLSearchParams(url.slice(url.indexOf('?') + 1));
    const id = params.get('documentId') ?? '';
    const operation = documents.get(id);
    if (!operation) return refuse(res, 400, persistedNotFound(id));
    if (params.has('query') && params.get('query') !== operation.text)
      return refuse(res, 400, persistedMismatch());
    for (const name of params.keys()) {
      if (name !== 'query' && !GET_PARAMETERS.has(name)) {
        const message = `Tham số "${name.slice(0, 40)}" không dùng được với thao tác lưu sẵn; chỉ nhận documentId, variables, operationName, extensions.`;
        return sendJson(res, 400, errorBody('BAD_REQUEST', message));
      }
    }

    if (req.method === 'POST') {
      if (id === rating.id) return rating.handle(req, res);
      return postThroughYoga(req, res, operation);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      const refusal = errorBody('METHOD_NOT_ALLOWED', 'Chỉ nhận GET, HEAD hoặc POST.');
      return sendJson(res, 405, refusal, { allow: 'GET, HEAD, POST' });
    }
    if (operation.type !== 'query') {
      const refusal = errorBody('METHOD_NOT_ALLOWED', 'Thao tác thay đổi dữ liệu chỉ gửi bằng POST.');
      return sendJson(res, 405, refusal, { allow: 'POST' });
    }
    // A keyed or signed-in read is the caller's own: no shared cache may keep it.
    if (req.headers.authorization) {
      return serveAnswer(res, await execute(req, res, operation, params), 'private, no-store', 'bypass');
    }
    if (!cache) {
      const answer = await compute(req, res, operation, params, []);
      if (!answer) return;
      const body = shareableBody(answer);
      if (!body) return serveAnswer(res, answer, 'no-store', 'bypass');
      // Public and cacheable: without the first caller's budget (RateLimit headers, like `extensions`).
      const headers = { 'content-type': 'application/json; charset=utf-8', vary: 'authorization' };
      return serveAnswer(res, { status: 200, headers, body }, publicControl, 'bypass');
    }
    const hit = cache.get(url);
    // Counted, not timed, logged at debug only (request-observer.ts): this is the path at 50,000/s.
    if (hit) {
      markCachedRead(req, operation.name);
      return serveCached(req, res, hit, 'hit');
    }
    return fill(req, res, operation, params, url);
  };

  /** `POST /graphql?documentId=…` with `{ "variables": … }`: Yoga runs the operation's text. */
  async function postThroughYoga(
    req: IncomingMessage,
    res: ServerResponse,
    operation: PersistedOperation,
  ): Promise<void> {
    const read = await readBody(req, MAX_POST_BYTES);
    if ('tooLarge' in read) {
      if (read.closing) res.setHeader('connection', 'close');
      return sendJson(res, 413, errorBody('PAYLOAD_TOO_LARGE', 'Nội dung gửi lên quá lớn.'));
    }
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(read.body.toString('utf8') || '{}') as Record<string, unknown>;
      if (body === null || typeof body !== 'object') throw new Error('not an object');
    } catch {
      return sendJson(res, 400, errorBody('BAD_JSON', 'Nội dung gửi lên không phải JSON hợp lệ.'));
    }
    if (body.query != null && body.query !== operation.text) return refuse(res, 400, persistedMismatch());
    const { documentId: _id, ...rest } = body;
    const response = await run(
      'http://api.internal/graphql',
      {
        method: 'POST',
        headers: { ...forwardedHeaders(req), 'content-type': 'application/json' },
        body: JSON.stringify({ ...rest, query: operation.text }),
      },
      { req, res },
    );
    res.writeHead(response.status, { ...passedHeaders(response), 'cache-control': 'no-store' });
    res.end(Buffer.from(await response.arrayBuffer()));
  }
}
