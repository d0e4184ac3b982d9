import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { migrationStatus } from '@tthc/db';
import { subscribe as graphqlSubscribe } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { createYoga, type YogaInitialContext } from 'graphql-yoga';
import { WebSocketServer } from 'ws';
import { schema } from '../schema/index.ts';
import { authenticate } from '../services/api-keys.ts';
import { handleNationalSync, NATIONAL_SYNC_PATH } from '../services/national-sync/index.ts';
import { clientIpOf } from '../services/ratings/client-ip.ts';
import type { Config } from './config.ts';
import type { Context, Services } from './context.ts';
import { maskUnexpectedErrors, useInputErrorCodes } from './graphql-errors.ts';
import { eventBusStatus } from './pubsub.ts';
import { handleRatingFastPath, RATING_FAST_PATH } from './rating-fast-path.ts';

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
  config: Pick<Config, 'env' | 'shutdownGraceMs' | 'trustProxy'>,
): App {
  const yoga = createYoga<Record<string, unknown>, Context>({
    schema,
    graphqlEndpoint: GRAPHQL_PATH,
    graphiql: config.env === 'development' ? { subscriptionsProtocol: 'WS', title: 'TTHC API' } : false,
    landingPage: false,
    // Unexpected errors become "Unexpected error." without a stack trace; AppErrors keep their code.
    maskedErrors: true,
    plugins: [useInputErrorCodes()],
    logging: services.logger,
    context: async (initial) => ({
      ...services,
      principal: await authenticate(services.prisma, authorizationOf(initial)),
      clientIp: clientIpOf(initial, config.trustProxy),
    }),
  });

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/healthz') return json(res, 200, { status: 'ok' });
    if (path === '/readyz') return readiness(services, res);
    if (path === NATIONAL_SYNC_PATH) return handleNationalSync(services, req, res);
    if (path === RATING_FAST_PATH) return handleRatingFastPath(services, config.trustProxy, req, res);
    if (path === '/' && req.method === 'GET') {
      res.writeHead(302, { location: GRAPHQL_PATH }).end();
      return;
    }
    return yoga(req, res);
  };
  const server = createServer((req, res) => {
    handle(req, res).catch((err) => {
      services.logger.error({ err }, 'request failed');
      if (!res.headersSent) json(res, 500, { error: 'Lỗi máy chủ' });
    });
  });

  const wsServer = new WebSocketServer({ server, path: GRAPHQL_PATH });
  useServer(
    {
      execute: (args) => (args.rootValue as { execute: typeof import('graphql').execute }).execute(args),
      // Subscriptions over WebSocket run on graphql-js directly: Yoga's per-event wrappers cost
      // ~9 µs and ~7 KB per subscriber and keep promise chains alive between events, which at
      // 10,000 subscribers doubled the p99 delivery time (docs/benchmarks.md "Fan-out"). Parsing,
      // validation and the context still go through Yoga (onSubscribe); errors are masked in onNext.
      subscribe: (args) => graphqlSubscribe(args),
      onNext: (_ctx, _id, _payload, _args, result) => maskUnexpectedErrors(result, services.logger),
      onSubscribe: async (ctx, _id, payload) => {
        const { schema, execute, subscribe, contextFactory, parse, validate } = yoga.getEnveloped({
          ...ctx,
          req: ctx.extra.request,
          socket: ctx.extra.socket,
          params: payload,
          connectionParams: ctx.connectionParams,
        });
        const document = parse(payload.query);
        const errors = validate(schema, document);
        if (errors.length > 0) return errors;
        return {
          schema,
          document,
          operationName: payload.operationName ?? null,
          variableValues: payload.variables ?? null,
          contextValue: await contextFactory(),
          rootValue: { execute, subscribe },
        };
      },
    },
    wsServer,
  );

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
      for (const client of wsServer.clients) client.close(1001, 'Máy chủ đang dừng');
      wsServer.close();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const timer = setTimeout(() => server.closeAllConnections(), config.shutdownGraceMs);
      await closed;
      clearTimeout(timer);
      await yoga.dispose();
    },
  };
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

/**
 * Ready = the database answers and every committed migration is applied. `live` (memory, or Redis
 * and its state) is informational: without Redis an instance still serves everything but cross-instance
 * live updates.
 */
async function readiness(services: Services, res: ServerResponse): Promise<void> {
  try {
    await services.db.pool.query('SELECT 1');
    const status = await migrationStatus(services.db.url);
    if (status.pending.length > 0) {
      return json(res, 503, { status: 'migrations pending', pending: status.pending });
    }
    return json(res, 200, {
      status: 'ready',
      migrations: status.applied.length,
      live: eventBusStatus(services.pubsub),
    });
  } catch (err) {
    services.logger.warn({ err: (err as Error).message }, 'readiness check failed');
    return json(res, 503, { status: 'database unreachable' });
  }
}
