// Every query and mutation gets a deadline, and stops when its client goes away (docs/limits.md).
// The executor Yoga uses (@graphql-tools/executor) checks an AbortSignal between fields: once it
// fires, no further resolver starts and the operation answers at once. A resolver already waiting
// on PostgreSQL finishes its statement, but nothing is built on its result. Subscriptions are
// long-lived by design and are bounded by the connection and subscription caps instead.
import type { ServerResponse } from 'node:http';
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

export function useExecutionDeadline(timeoutMs: number): Plugin {
  return {
    onExecute({ args }) {
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(deadlineExceeded(timeoutMs)), timeoutMs);
      timer.unref();
      // The HTTP response closing before it is finished means the client went away. Watching the
      // Node response is much cheaper than the Fetch request's own AbortSignal, which whatwg-node
      // only builds when asked for (requests over WebSocket have neither).
      const res = (args.contextValue as { res?: ServerResponse }).res;
      const gone = () => {
        if (!res?.writableFinished) controller.abort(clientGone());
      };
      res?.once('close', gone);
      (args as { signal?: AbortSignal }).signal = controller.signal;
      return {
        onExecuteDone: () => {
          clearTimeout(timer);
          res?.off('close', gone);
        },
      };
    },
  };
}

export function deadlineExceeded(timeoutMs: number): GraphQLError {
  return new GraphQLError(
    `Thao tác chạy quá ${timeoutMs / 1000} giây nên đã bị dừng. Hãy thu hẹp truy vấn (ít bản ghi hơn, ít trường lồng nhau hơn) hoặc tách thành nhiều truy vấn.`,
    { extensions: { code: 'QUERY_TIMEOUT', timeoutMs, http: { status: 503 } } },
  );
}

function clientGone(): GraphQLError {
  return new GraphQLError('Máy khách đã ngắt kết nối; thao tác đã dừng.', {
    extensions: { code: 'CLIENT_CLOSED_REQUEST' },
  });
}
