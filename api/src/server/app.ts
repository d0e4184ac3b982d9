import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { blockFieldSuggestionsPlugin } from '@escape.tech/graphql-armor-block-field-suggestions';
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
import { useCodedHttpErrors, useInputErrorCodes, useRequestParseErrors } from './graphql-errors.ts';
import { sendJson } from './http-io.ts';
import { useInputStringChecks } from './input-strings.ts';
import { handleNationalSync, NATIONAL_SYNC_PATH } from './national-sync-endpoint.ts';
import { EXPORTS_PREFIX, handleProcedureExport } from './procedure-exports.ts';
import { rememberRequestCount, useQueryBudget } from './query-budget.ts';
import { useQueryShapeLimits } from './query-shape.ts';
import { handleRatingFastPath, RATING_FAST_PATH } from './rating-fast-path.ts';
import { handleRatingPage, RATING_PAGE_PATH } from './rating-page.ts';
import { handleReportExport, isReportExport } from './report-exports.ts';
import { payerOf, type RequestBudgets, rateLimited, rateLimitHeaders } from './request-budget.ts';
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
    'env' | 'shutdownGraceMs' | 'trustProxy' | 'limits' | 'corsCredentialOrigins' | 'widgetDir' | 'demoPages'
  >,
): App {
  const caps = new ConnectionCaps(config.limits.wsConnectionsPerIp);
  // The portal widget, read once (server/widget-assets.ts); null when it is not built.
  const widget = loadWidgetAssets(config.widgetDir, services.logger);

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
    return { ...services, principal, clientIp };
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
    graphiql: config.env === 'development' ? { subscriptionsProtocol: 'WS', title: 'TTHC API' } : false,
    landingPage: false,
    // Set by answerCrossOrigin (cross-origin.ts): Yoga's echoes every origin, with credentials.
    cors: false,
    // Unexpected errors become "Unexpected error." without a stack trace; AppErrors keep their code;
    // a lost database connection is SERVICE_UNAVAILABLE (503, Retry-After), to be retried.
    maskedErrors: { maskError },
    plugins: [
      useInputStringChecks(),
      useQueryShapeLimits(schema),
      useQueryBudget({ budgets, limits: config.limits, trustProxy: config.trustProxy }),
      useExecutionDeadline(config.limits.executionTimeoutMs),
      useInputErrorCodes(),
      useRequestParseErrors(),
      useCodedHttpErrors(),
      // "Did you mean …?" maps the schema for whoever probes it; GraphiQL explains in development.
      ...(config.env === 'production' ? [blockFieldSuggestionsPlugin()] : []),
    ],
    logging: services.logger,
    context: contextOf,
  });

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/healthz') return sendJson(res, 200, { status: 'ok' });
    if (path === '/readyz') return readiness(services, res);
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
    if (answerCrossOrigin(req, res, config.corsCredentialOrigins)) return;
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
  const server = createServer((req, res) => {
    handle(req, res).catch((err) => {
      services.logger.error({ err }, 'request failed');
      if (!res.headersSent) sendJson(res, 500, { error: 'Lỗi máy chủ' });
    });
  });
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
    },
  };
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
      `content-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
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
