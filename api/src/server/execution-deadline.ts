// Every query and mutation gets a deadline, and stops when its client goes away (docs/limits.md).
// The executor Yoga uses (@graphql-tools/executor) checks an AbortSignal between fields: once it
// fires, no further resolver starts and the operation answers at once. A resolver already waiting
// on PostgreSQL finishes its statement, but nothing is built on its result. Subscriptions are
// long-lived by design and are bounded by the connection and subscription caps instead.
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

export function useExecutionDeadline(timeoutMs: number): Plugin {
  return {
    onExecute({ args }) {
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(deadlineExceeded(timeoutMs)), timeoutMs);
      timer.unref();
      // The request's own signal fires when the HTTP client disconnects (whatwg-node's adapter).
      const request = (args.contextValue as { request?: Request }).request;
      const gone = () => controller.abort(clientGone());
      if (request?.signal.aborted) gone();
      else request?.signal.addEventListener('abort', gone, { once: true });
      (args as { signal?: AbortSignal }).signal = controller.signal;
      return {
        onExecuteDone: () => {
          clearTimeout(timer);
          request?.signal.removeEventListener('abort', gone);
        },
      };
    },
  };
}

function deadlineExceeded(timeoutMs: number): GraphQLError {
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
