// GraphQL over WebSocket (graphql-ws) on the same server and path as Yoga, with the limits of
// docs/limits.md: a bad or revoked key is refused when the connection opens (4403), and an open
// connection whose key is revoked or session ended is closed (4403) at its next subscription or
// within a minute; open connections are capped per client IP (HTTP 429 before the upgrade), active
// subscriptions per connection, and a subscription's cost is charged like any other operation.
import type { IncomingMessage, Server } from 'node:http';
import { type ExecutionArgs, GraphQLError, getOperationAST, subscribe as graphqlSubscribe } from 'graphql';
import type { Context as WsContext } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import type { YogaServerInstance } from 'graphql-yoga';
import { type WebSocket, WebSocketServer } from 'ws';
import { authenticate } from '../services/api-keys.ts';
import type { Context, Services } from '../services/context.ts';
import { clientIpOf } from './client-ip.ts';
import type { Config } from './config.ts';
import type { ConnectionCaps } from './connection-caps.ts';
import { recheckCredential } from './credential-recheck.ts';
import { maskUnexpectedErrors, operationNotFound, settledSubscribeErrors } from './graphql-errors.ts';
import { inputStringError } from './input-strings.ts';
import { admitOperation, measureCost } from './query-budget.ts';
import { payerOf, type RequestBudgets } from './request-budget.ts';

export interface WebSocketEndpoint {
  /** Closes every connection (1001) and stops accepting new ones. */
  close(): void;
}

interface SocketExtra {
  socket: WebSocket;
  request: IncomingMessage;
  /** Ids of this connection's running subscriptions. */
  active?: Set<string>;
}

export function serveWebSocket(options: {
  server: Server;
  path: string;
  yoga: YogaServerInstance<Record<string, unknown>, Context>;
  services: Services;
  budgets: RequestBudgets;
  config: Pick<Config, 'env' | 'limits' | 'trustProxy'>;
  authorizationOf: (initial: Record<string, unknown>) => string | null;
  caps: ConnectionCaps;
}): WebSocketEndpoint {
  const { yoga, services, budgets, config } = options;
  const { wsSubscriptionsPerConnection } = config.limits;
  const ipOf = (req: IncomingMessage) => clientIpOf({ req }, config.trustProxy) ?? 'unknown';

  const wsServer = new WebSocketServer({
    server: options.server,
    path: options.path,
    // Counted per IP with the SSE streams (connection-caps.ts); refused before the upgrade.
    verifyClient: (info, accept) => {
      const release = options.caps.acquire(ipOf(info.req));
      if (!release) {
        accept(false, 429, 'Too Many Connections', { 'Retry-After': '60' });
        return;
      }
      // The TCP socket closes with the WebSocket, or with a handshake that failed.
      info.req.socket.once('close', release);
      accept(true);
    },
  });

  // Connections with subscriptions, whose open ones are summed when Prometheus scrapes (services/metrics.ts).
  const subscribed = new Set<SocketExtra>();
  services.metrics.watchWebSockets(() => {
    let subscriptions = 0;
    for (const extra of subscribed) subscriptions += extra.active?.size ?? 0;
    return { connections: wsServer.clients.size, subscriptions };
  });

  useServer(
    {
      // A key that is malformed, unknown or revoked closes the connection with 4403 Forbidden.
      onConnect: async (ctx: WsContext<Record<string, unknown> | undefined, SocketExtra>) => {
        // `{ authorization: 42 }` is a client's mistake to show, not a silent anonymous connection.
        const given = ctx.connectionParams?.authorization ?? ctx.connectionParams?.Authorization;
        if (given !== undefined && given !== null && typeof given !== 'string') return false;
        const header = options.authorizationOf({
          connectionParams: ctx.connectionParams,
          req: ctx.extra.request,
        });
        const check = () => authenticate(services.prisma, header, services.sessions);
        try {
          const principal = await check();
          if (principal.kind !== 'anonymous') {
            const { socket } = ctx.extra;
            const stop = recheckCredential(check, () => socket.close(4403, 'Forbidden'));
            socket.once('close', stop);
          }
          return true;
        } catch (err) {
          if (err instanceof GraphQLError) return false;
          throw err;
        }
      },
      execute: (args) =>
        (args.rootValue as { execute: (a: ExecutionArgs) => unknown }).execute(args) as never,
      // Subscriptions over WebSocket run on graphql-js directly: Yoga's per-event wrappers cost
      // ~9 µs and ~7 KB per subscriber and keep promise chains alive between events, which at
      // 10,000 subscribers doubled the p99 delivery time (docs/benchmarks.md "Fan-out"). Parsing,
      // validation and the context still go through Yoga (onSubscribe); errors are masked in onNext.
      subscribe: async (args) => {
        const result = await graphqlSubscribe(args);
        // Variables that do not fit their types: an answer, not a stream, coded as for a query.
        return Symbol.asyncIterator in result
          ? result
          : settledSubscribeErrors(result, config.env === 'production');
      },
      onNext: (_ctx, _id, _payload, _args, result) => maskUnexpectedErrors(result, services.logger),
      onSubscribe: async (ctx: WsContext<Record<string, unknown> | undefined, SocketExtra>, id, payload) => {
        if (!ctx.extra.active) subscribed.add(ctx.extra);
        ctx.extra.active ??= new Set();
        if (ctx.extra.active.size >= wsSubscriptionsPerConnection) {
          return [tooManySubscriptions(wsSubscriptionsPerConnection)];
        }
        const enveloped = yoga.getEnveloped({
          ...ctx,
          req: ctx.extra.request,
          params: payload,
          connectionParams: ctx.connectionParams,
        });
        let document: ReturnType<typeof enveloped.parse>;
        try {
          document = enveloped.parse(payload.query);
        } catch (err) {
          if (err instanceof GraphQLError) return [err];
          throw err;
        }
        const errors = enveloped.validate(enveloped.schema, document);
        if (errors.length > 0) return errors;
        const operation = getOperationAST(document, payload.operationName);
        if (!operation) return [operationNotFound()];
        // Subscriptions bypass Yoga's execute hooks, where the strings are checked for the rest.
        const badString = inputStringError(
          enveloped.schema,
          document,
          payload.operationName,
          payload.variables,
        );
        if (badString) return [badString];
        let contextValue: Context;
        try {
          contextValue = (await enveloped.contextFactory()) as unknown as Context;
        } catch (err) {
          if (!(err instanceof GraphQLError)) throw err;
          // A key revoked or a session ended while the connection is open: the connection's other
          // subscriptions run on the same credential, so it closes as it would have opened (4403).
          if (err.extensions?.code === 'UNAUTHENTICATED') ctx.extra.socket.close(4403, 'Forbidden');
          return [err];
        }
        // Queries and mutations are charged by Yoga's onExecute; subscriptions bypass it.
        if (operation.operation === 'subscription') {
          const cost =
            measureCost(enveloped.schema, document, payload.operationName, payload.variables, contextValue) ??
            0;
          const admission = await admitOperation(
            budgets,
            payerOf(contextValue.principal, contextValue.clientIp, config.limits),
            cost,
          );
          if ('refusal' in admission) return [admission.refusal];
        }
        ctx.extra.active.add(id);
        return {
          schema: enveloped.schema,
          document,
          operationName: payload.operationName ?? null,
          variableValues: payload.variables ?? null,
          contextValue,
          rootValue: { execute: enveloped.execute, subscribe: enveloped.subscribe },
        };
      },
      onComplete: (ctx: WsContext<Record<string, unknown> | undefined, SocketExtra>, id) => {
        ctx.extra.active?.delete(id);
      },
      onClose: (ctx: WsContext<Record<string, unknown> | undefined, SocketExtra>) => {
        subscribed.delete(ctx.extra);
      },
    },
    wsServer,
  );

  return {
    close: () => {
      for (const client of wsServer.clients) client.close(1001, 'Máy chủ đang dừng');
      wsServer.close();
    },
  };
}

function tooManySubscriptions(max: number): GraphQLError {
  return new GraphQLError(
    `Mỗi kết nối WebSocket được mở tối đa ${max} đăng ký (subscription) cùng lúc. Hãy kết thúc bớt đăng ký cũ, hoặc mở kết nối khác.`,
    { extensions: { code: 'TOO_MANY_SUBSCRIPTIONS', max } },
  );
}
