// Every HTTP request, whatever path answers it, goes through observeRequests (app.ts): it gets its id
// (request-id.ts), echoed in `X-Request-Id` before any handler writes a header; it is counted and timed
// by operation and outcome (services/metrics.ts); and when it ends one access-log line says what it was
// (docs/operations.md "Logs"). The GraphQL plugin below tells it the operation's name and the error
// code of the result; paths outside Yoga are counted by route (route-label.ts) and HTTP status class.
//
// The response cache's hits call markCachedRead: such a request is counted (one counter increment),
// not timed, and logged at debug only — at tens of thousands a second an info line each would be the
// bottleneck.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ExecutionArgs } from 'graphql';
import { getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Logger } from '../services/logger.ts';
import type { Metrics } from '../services/metrics.ts';
import { sendJson } from './http-io.ts';
import { acceptedRequestId, nextRequestId } from './request-id.ts';
import { routeLabel } from './route-label.ts';

export { nextRequestId } from './request-id.ts';

interface RequestRecord {
  id: string;
  /** performance.now() when the request arrived. */
  start: number;
  /** The GraphQL operation's name, when there is one (checked: a GraphQL name of at most 64). */
  operation: string | null;
  /** The stable error code of the answer (extensions.code of its first coded error). */
  code: string | null;
  /** Answered from the response cache: counted only, logged at debug. */
  cached: boolean;
  /** An SSE stream: open for as long as the subscription, so counted but not timed. */
  stream: boolean;
  logger: Logger | null;
}

const RECORD = Symbol('tthc.request');
type Observed = IncomingMessage & { [RECORD]?: RequestRecord };

const recordOf = (req: unknown): RequestRecord | undefined =>
  req && typeof req === 'object' ? (req as Observed)[RECORD] : undefined;

const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const ERROR_CODE = /^[A-Z][A-Z0-9_]{0,47}$/;

/**
 * Wraps the server's request handler. A handler that throws is answered 500 (when nothing was sent
 * yet) and logged with the request's id.
 */
export function observeRequests(
  options: { metrics: Metrics; logger: Logger },
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
): (req: IncomingMessage, res: ServerResponse) => void {
  const { metrics, logger } = options;
  const done = (req: IncomingMessage, res: ServerResponse, record: RequestRecord) => {
    if (record.stream) metrics.subscriptions.dec({ transport: 'sse' });
    // Closed before the answer was complete: the client went away (nginx logs these as 499).
    const aborted = !res.writableFinished && !record.stream;
    const status = aborted && !res.headersSent ? 499 : res.statusCode;
    const outcome = aborted ? 'CLIENT_CLOSED_REQUEST' : outcomeOf(status, record.code);
    const route = routeLabel(req.method, req.url);
    const operation = record.operation === null ? route : metrics.operationLabel(record.operation);
    metrics.requests.inc({ operation, outcome });
    if (record.cached && !logger.isLevelEnabled('debug')) return;
    const ms = performance.now() - record.start;
    const line = accessLine(req, record, route, status, ms, outcome);
    if (record.cached) return logger.debug(line, 'request');
    if (!record.stream) metrics.requestDuration.observe({ operation }, ms / 1000);
    logger.info(line, 'request');
  };
  // One listener for every response (no closure per request); Node sets `res.req`.
  function onClose(this: ServerResponse) {
    const record = recordOf(this.req);
    if (record) done(this.req, this, record);
  }

  return (req, res) => {
    const record: RequestRecord = {
      id: acceptedRequestId(req.headers['x-request-id']) ?? nextRequestId(),
      start: performance.now(),
      operation: null,
      code: null,
      cached: false,
      stream: false,
      logger: null,
    };
    (req as Observed)[RECORD] = record;
    res.setHeader('x-request-id', record.id);
    if (req.headers.accept?.includes('text/event-stream') && req.url?.startsWith('/graphql')) {
      record.stream = true;
      metrics.subscriptions.inc({ transport: 'sse' });
    }
    res.on('close', onClose);
    handle(req, res).catch((err) => {
      requestLogger(req, logger).error({ err }, 'request failed');
      if (!res.headersSent) sendJson(res, 500, { error: 'Lỗi máy chủ' });
    });
  };
}

/** ok, the answer's error code, or the HTTP status class of an error without one ("4xx", "5xx"). */
function outcomeOf(status: number, code: string | null): string {
  if (code) return code;
  return status < 400 ? 'ok' : `${Math.floor(status / 100)}xx`;
}

/** The payer tier the request claims; a key or session that does not check out is refused anyway. */
function tierOf(req: IncomingMessage): string {
  const authorization = req.headers.authorization;
  if (!authorization) return 'anonymous';
  return /^\s*Bearer\s+tthc_/i.test(authorization) ? 'apiKey' : 'session';
}

function accessLine(
  req: IncomingMessage,
  record: RequestRecord,
  route: string,
  status: number,
  ms: number,
  outcome: string,
) {
  return {
    reqId: record.id,
    method: req.method,
    route,
    ...(record.operation ? { operation: record.operation } : {}),
    status,
    outcome,
    ms: Math.round(ms * 10) / 10,
    tier: tierOf(req),
  };
}

/** The request's id (null for a request that did not come through observeRequests). */
export function requestIdOf(req: IncomingMessage): string | null {
  return recordOf(req)?.id ?? null;
}

/** A child of `base` that writes the request's id on every line; `base` itself outside a request. */
export function requestLogger(req: unknown, base: Logger): Logger {
  const record = recordOf(req);
  if (!record) return base;
  record.logger ??= base.child({ reqId: record.id });
  return record.logger;
}

/** The GraphQL operation this request runs (a name that is not a GraphQL name is counted as "other"). */
export function noteOperation(req: unknown, name: string | null | undefined): void {
  const record = recordOf(req);
  if (record && name) record.operation = OPERATION_NAME.test(name) ? name : 'other';
}

/** The stable error code of the answer, for an endpoint outside Yoga that knows it. */
export function noteOutcome(req: unknown, code: string): void {
  const record = recordOf(req);
  if (record) record.code = ERROR_CODE.test(code) ? code : 'error';
}

/** For the response cache: this request was answered from it (counted, not timed, logged at debug). */
export function markCachedRead(req: unknown, operation?: string | null): void {
  const record = recordOf(req);
  if (!record) return;
  record.cached = true;
  if (operation) noteOperation(req, operation);
}

/** `query Name`, `mutation Name` or `subscription Name` at the start of a document (comments allowed). */
const LEADING_OPERATION = /^\s*(?:#[^\n]*\n\s*)*(?:query|mutation|subscription)\s+([A-Za-z_][A-Za-z0-9_]*)/;

/**
 * Tells observeRequests the operation and the outcome of a GraphQL request. First in the plugin list,
 * so that even a request refused before its document is parsed (the anonymous request budget) is
 * counted under its operation's name when the client gave one.
 */
export function useRequestObserver(): Plugin<Record<string, unknown>, { req?: unknown }> {
  const noteDocument = (args: ExecutionArgs) => {
    const req = (args.contextValue as { req?: unknown } | undefined)?.req;
    const name = getOperationAST(args.document, args.operationName)?.name?.value;
    if (name) noteOperation(req, name);
  };
  return {
    onParams({ params, context }) {
      const record = recordOf(context.req);
      if (!record || record.operation) return;
      const name =
        params.operationName ??
        (typeof params.query === 'string' ? LEADING_OPERATION.exec(params.query)?.[1] : undefined);
      noteOperation(context.req, name);
    },
    onExecute({ args }) {
      noteDocument(args);
    },
    onSubscribe({ args }) {
      noteDocument(args);
    },
    onResultProcess({ result, serverContext }) {
      const record = recordOf(serverContext.req);
      if (!record) return;
      const code = errorCodeOf(result);
      if (code) noteOutcome(serverContext.req, code);
    },
  };
}

/** extensions.code of the first error that has one (of the first result in a batch); none for streams. */
function errorCodeOf(result: unknown): string | null {
  const first = Array.isArray(result) ? result[0] : result;
  const errors = (first as { errors?: readonly { extensions?: { code?: unknown } }[] } | null)?.errors;
  if (!errors || errors.length === 0) return null;
  for (const error of errors) {
    if (typeof error.extensions?.code === 'string') return error.extensions.code;
  }
  return 'error';
}
