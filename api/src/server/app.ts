import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { parse, print, visit } from 'graphql';
import { createYoga, type YogaInitialContext } from 'graphql-yoga';
import { schema } from '../schema/index.ts';
import type { Principal } from '../services/access/principal.ts';
import { authenticate } from '../services/api-keys.ts';
import type { Context, Services } from '../services/context.ts';
import { eventBusStatus } from '../services/live/pubsub.ts';
import { clientIpOf } from './client-ip.ts';
import type { Config } from './config.ts';
import { ConnectionCaps, tooManyConnections } from './connection-caps.ts';
import { answerCrossOrigin } from './cross-origin.ts';
import { maskError } from './database-errors.ts';
import { DEMO_PATH, handleDemoPage } from './demo-pages.ts';
import { useExecutionDeadline } from './execution-deadline.ts';
import {
  GRAPHIQL_ASSETS_PREFIX,
  handleGraphiQLAsset,
  handleGraphiQLPage,
  wantsGraphiQL,
} from './graphiql.ts';
import {
  useCodedHttpErrors,
  useInputErrorCodes,
  useNoSuggestions,
  useRequestParseErrors,
} from './graphql-errors.ts';
import { sendJson } from './http-io.ts';
import { useInputStringChecks } from './input-strings.ts';
import { handleMetrics, METRICS_PATH } from './metrics-endpoint.ts';
import { handleNationalSync, NATIONAL_SYNC_PATH } from './national-sync-endpoint.ts';
import { PersistedDocuments, usePersistedDocuments } from './persisted-documents.ts';
import { createDirectReads } from './persisted-executor.ts';
import { createPersistedReads, hasDocumentId } from './persisted-reads.ts';
import { EXPORTS_PREFIX, handleProcedureExport } from './procedure-exports.ts';
import { rememberRequestCount, useQueryBudget } from './query-budget.ts';
import { useQueryShapeLimits } from './query-shape.ts';
import { handleRatingFastPath, RATING_FAST_PATH, SUBMIT_RATING_DOCUMENT } from './rating-fast-path.ts';
import { handleRatingPage, RATING_PAGE_PATH } from './rating-page.ts';
import { handleReportExport, isReportExport } from './report-exports.ts';
import { payerOf, type RequestBudgets, rateLimited, rateLimitHeaders } from './request-budget.ts';
import { nextRequestId, observeRequests, requestLogger, useRequestObserver } from './request-observer.ts';
import { ResponseCache } from './response-cache.ts';
import { handleSchemaDownload, SCHEMA_DOWNLOAD_PATH } from './schema-download.ts';
import { serveWebSocket } from './websocket.ts';
import { handleWidgetAsset, loadWidgetAssets, WIDGET_PREFIX } from './widget-assets.ts';
import { handlePageStylesheet, PAGE_STYLESHEET_PATH } from './widget-page-shell.ts';

export const GRAPHQL_PATH = '/graphql';

/** Reads the API key from an HTTP request, or from a WebSocket's connection parameters. */
function authorizationOf(initial: Partial<YogaInitialContext> & Record<string, unknown>): string | null {
  if (initial.request) return initial.request.headers.get('authorization');
  const params = initial.connectionParams as Record<string, unknown> | undefined;
  const fromParams = params?.authorization ?? params?.Authorization;
  if (typeof fromParams === 'string') return fromParams;
  const req = initial.req as IncomingMessage | undefined;
  return req?.headers.authorization ?? null;
}

export interface App {
  server: Server;
  listen(port: number, host: string): Promise<number>;
  /** Stops accepting, lets in-flight requests finish (up to the grace period), closes subscriptions. */
  close(): Promise<void>;
}

export function createApp(
  services: Services,
  budgets: RequestBudgets,
  config: Pick<
    Config,
    | 'env'
    | 'shutdownGraceMs'
    | 'trustProxy'
    | 'limits'
    | 'corsCredentialOrigins'
    | 'widgetDir'
    | 'demoPages'
    | 'graphiql'
    | 'cache'
    | 'redisUrl'
    | 'databaseUrl'
    | 'metricsToken'
  >,
): App {
  const caps = new ConnectionCaps(config.limits.wsConnectionsPerIp);
  // The portal widget, read once (server/widget-assets.ts); null when it is not built.
  const widget = loadWidgetAssets(config.widgetDir, services.logger);
  // The front ends' operations, known by id (persisted-documents.ts), and the cache of public reads.
  const documents = PersistedDocuments.load();
  const cache = config.cache.enabled
    ? new ResponseCache(
        config.cache,
        services.pubsub,
        services.logger,
        config.redisUrl ? { url: config.redisUrl, namespace: config.databaseUrl ?? 'embedded' } : undefined,
      )
    : null;

  /** Who is calling; keyed requests are counted here, once the key is known (docs/limits.md). */
  const contextOf = async (initial: YogaInitialContext & Record<string, unknown>): Promise<Context> => {
    const clientIp = clientIpOf(initial, config.trustProxy);
    const principal = await authenticate(services.prisma, authorizationOf(initial), services.sessions);
    const payer = payerOf(principal, clientIp, config.limits);
    if (payer.tier === 'apiKey' || payer.tier === 'session') {
      const outcome = await budgets.countRequest(payer);
      rememberRequestCount(initial.request, outcome);
      if (outcome && !outcome.allowed) throw rateLimited(payer, outcome, 'requests');
    }
    // Set for a read the response cache may keep (persisted-reads.ts): the scopes its figures come from.
    const figureScopes = initial.figureScopes as Context['figureScopes'];
    const logger = requestLogger(initial.req, services.logger); // carries the request id
    return { ...services, logger, principal, clientIp, ...(figureScopes ? { figureScopes } : {}) };
  };

  /**
   * A national sync request counts like a GraphQL operation of its key; a download of the catalogue
   * like any request of its caller (anonymous ones per client IP).
   */
  const admitSync = async (principal: Principal, clientIp: string | null = null) => {
    const payer = payerOf(principal, clientIp, config.limits);
    const outcome = await budgets.countRequest(payer);
    if (!outcome || outcome.allowed) return null;
    const error = rateLimited(payer, outcome, 'requests');
    return {
      status: 429,
      code: 'RATE_LIMITED',
      message: error.message,
      headers: rateLimitHeaders(outcome, 'requests'),
    };
  };

  const yoga = createYoga<Record<string, unknown>, Context>({
    schema,
    graphqlEndpoint: GRAPHQL_PATH,
    // GraphQL over HTTP's name for a persisted operation's id (persisted-documents.ts).
    extraParamNames: ['documentId'],
    // Served from the API's own files by server/graphiql.ts (Yoga's page loads a CDN).
    graphiql: false,
    landingPage: false,
    // Set by answerCrossOrigin (cross-origin.ts): Yoga's echoes every origin, with credentials.
    cors: false,
    // Unexpected errors become "Unexpected error." without a stack trace; AppErrors keep their code;
    // a lost database connection is SERVICE_UNAVAILABLE (503, Retry-After), to be retried.
    maskedErrors: { maskError },
    plugins: [
      useRequestObserver(),
      usePersistedDocuments(documents),
      useInputStringChecks(),
      useQueryShapeLimits(schema),
      useQueryBudget({ budgets, limits: config.limits, trustProxy: config.trustProxy, persisted: documents }),
      useExecutionDeadline(config.limits.executionTimeoutMs),
      useInputErrorCodes(),
      useRequestParseErrors(),
      useCodedHttpErrors(),
      // "Did you mean …?" maps the schema for whoever probes it; GraphiQL completes from introspection.
      ...(config.env === 'production' ? [useNoSuggestions()] : []),
    ],
    logging: services.logger,
    context: contextOf,
  });

  const handlePersisted = createPersistedReads({
    documents,
    cache,
    config: config.cache,
    run: (url, init, serverContext) => yoga.fetch(url, init, serverContext),
    metrics: services.metrics,
    direct: {
      run: createDirectReads({ schema, services, budgets, limits: config.limits }),
      trustProxy: config.trustProxy,
      logger: services.logger,
    },
    rating: {
      id: ratingDocumentId(documents),
      handle: (req, res) => handleRatingFastPath(services, config.trustProxy, req, res),
    },
  });

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/healthz') return sendJson(res, 200, { status: 'ok' });
    if (path === '/readyz') return readiness(services, res);
    if (path === METRICS_PATH) return handleMetrics(services.metrics, config, req, res);
    if (path === NATIONAL_SYNC_PATH) return handleNationalSync(services, req, res, admitSync);
    if (path && isReportExport(path)) {
      const clientIp = clientIpOf({ req }, config.trustProxy);
      return handleReportExport(services, req, res, (principal) => admitSync(principal, clientIp));
    }
    if (path?.startsWith(EXPORTS_PREFIX)) {
      const clientIp = clientIpOf({ req }, config.trustProxy);
      return handleProcedureExport(services, req, res, (principal) => admitSync(principal, clientIp));
    }
    if (path === RATING_FAST_PATH) return handleRatingFastPath(services, config.trustProxy, req, res);
    // The portal widget and the pages that hold it (docs/api.md "The portal widget").
    if (path?.startsWith(WIDGET_PREFIX)) return handleWidgetAsset(widget, req, res);
    if (path === RATING_PAGE_PATH) return handleRatingPage(services, req, res);
    if (path === PAGE_STYLESHEET_PATH) return handlePageStylesheet(req, res);
    if (config.demoPages && path?.startsWith(DEMO_PATH) && (await handleDemoPage(services, req, res))) return;
    if (path === '/' && req.method === 'GET') {
      res.writeHead(302, { location: GRAPHQL_PATH }).end();
      return;
    }
    if (path === SCHEMA_DOWNLOAD_PATH) return handleSchemaDownload(req, res);
    if (config.graphiql && path?.startsWith(GRAPHIQL_ASSETS_PREFIX)) return handleGraphiQLAsset(req, res);
    if (answerCrossOrigin(req, res, config.corsCredentialOrigins)) return;
    // Persisted operations named in the URL: cacheable GET reads, the rating form (persisted-reads.ts).
    if (path === GRAPHQL_PATH && hasDocumentId(req.url ?? '')) return handlePersisted(req, res);
    if (config.graphiql && path === GRAPHQL_PATH && wantsGraphiQL(req)) return handleGraphiQLPage(req, res);
    if (req.headers.accept?.includes('text/event-stream')) {
      // A subscription over SSE holds its connection like a WebSocket: same cap per IP.
      const release = caps.acquire(clientIpOf({ req }, config.trustProxy) ?? 'unknown');
      if (!release) {
        res.writeHead(429, { 'content-type': 'application/json; charset=utf-8', 'retry-after': '60' });
        res.end(JSON.stringify({ errors: [tooManyConnections(config.limits.wsConnectionsPerIp)] }));
        return;
      }
      res.once('close', release);
    }
    return yoga(req, res);
  };
  // Request id, metrics and the access log for every answer; a handler that throws is answered 500.
  const server = createServer(observeRequests(services, handle));
  server.on('clientError', answerClientError);

  const webSocket = serveWebSocket({
    server,
    path: GRAPHQL_PATH,
    yoga,
    services,
    budgets,
    config,
    authorizationOf,
    caps,
  });

  return {
    server,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          const address = server.address();
          resolve(typeof address === 'object' && address ? address.port : port);
        });
      }),
    close: async () => {
      webSocket.close();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const timer = setTimeout(() => server.closeAllConnections(), config.shutdownGraceMs);
      await closed;
      clearTimeout(timer);
      await yoga.dispose();
      await cache?.close();
    },
  };
}

/**
 * The id of the rating form's operation, which its own handler answers (rating-fast-path.ts). Its
 * document must be the one that handler runs, field for field: a start-up error, not a slow path.
 */
function ratingDocumentId(documents: PersistedDocuments): string {
  const id = documents.idOfName('SubmitRating');
  const text = id ? documents.get(id)!.text : '';
  // codegen sorts the fields of the text it lists; the order of a selection does not change its answer.
  const sorted = (source: string) =>
    print(
      visit(parse(source), {
        SelectionSet: (set) => ({
          ...set,
          selections: [...set.selections].sort((a, b) => print(a).localeCompare(print(b))),
        }),
      }),
    );
  if (!id || sorted(text) !== sorted(SUBMIT_RATING_DOCUMENT)) {
    throw new Error(
      'api/persisted-documents.json: SubmitRating must be the document of rating-fast-path.ts (run npm run codegen)',
    );
  }
  return id;
}

/**
 * A request Node's parser refuses before the app sees it (a head over 16 KB, a malformed request
 * line) gets the API's JSON error shape instead of Node's bare answer.
 */
function answerClientError(err: NodeJS.ErrnoException, socket: Duplex): void {
  if (!socket.writable || err.code === 'ECONNRESET') {
    socket.destroy();
    return;
  }
  const [status, reason, code, message] =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? [
          431,
          'Request Header Fields Too Large',
          'HEADERS_TOO_LARGE',
          'Phần đầu yêu cầu (URL và các tiêu đề) vượt quá 16 KB; hãy gửi truy vấn dài bằng POST.',
        ]
      : [400, 'Bad Request', 'BAD_REQUEST', 'Yêu cầu HTTP không hợp lệ.'];
  const body = JSON.stringify({ errors: [{ message, extensions: { code } }] });
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\ncontent-type: application/json; charset=utf-8\r\n` +
      `content-length: ${Buffer.byteLength(body)}\r\nx-request-id: ${nextRequestId()}\r\n` +
      `connection: close\r\n\r\n${body}`,
  );
}

/**
 * Ready = the database answers and every committed migration is applied. `live` (memory, or Redis
 * and its state) is informational: without Redis an instance still serves everything but cross-instance
 * live updates. The check runs on the pool the requests use, so during a database outage it says 503
 * and after it 200 again, as soon as the pool can connect.
 */
async function readiness(services: Services, res: ServerResponse): Promise<void> {
  try {
    const status = await services.db.migrationStatus();
    if (status.pending.length > 0) {
      return sendJson(res, 503, { status: 'migrations pending', pending: status.pending });
    }
    return sendJson(res, 200, {
      status: 'ready',
      migrations: status.applied.length,
      live: eventBusStatus(services.pubsub),
    });
  } catch (err) {
    services.logger.warn({ err: (err as Error).message }, 'readiness check failed');
    return sendJson(res, 503, { status: 'database unreachable' });
  }
}
