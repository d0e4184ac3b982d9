// Live figures: a subscription over graphql-ws's `graphql-transport-ws` protocol, written out by hand
// (the protocol needs five message types; the graphql-ws client would cost ~3 KB gzip of the badge's
// 4 KB, docs/performance.md), with Server-Sent Events as the fallback where WebSockets are blocked.
// Reconnects with backoff.ts, pauses while the tab is hidden, stops for good on stop().
import { backoffDelay } from './backoff.ts';

export interface LiveOptions {
  /** The GraphQL endpoint over HTTP(S), e.g. https://api.example.vn/graphql. */
  url: string;
  query: string;
  variables: Record<string, unknown>;
  onData: (data: Record<string, unknown>) => void;
}

type Stop = () => void;

export function subscribeLive({ url, query, variables, onData }: LiveOptions): Stop {
  let stopped = false;
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let close: Stop | undefined;
  // Start with WebSocket; a transport that never delivered hands over to the other one.
  let sse = typeof WebSocket === 'undefined';

  const retry = (failedBeforeData: boolean) => {
    close = undefined;
    if (failedBeforeData && typeof EventSource !== 'undefined' && typeof WebSocket !== 'undefined')
      sse = !sse;
    if (!stopped && !document.hidden) timer = setTimeout(connect, backoffDelay(attempt++));
  };

  const deliver = (text: string) => {
    const message = JSON.parse(text) as { data?: Record<string, unknown> };
    if (message.data) onData(message.data);
  };

  function connect(): void {
    clearTimeout(timer);
    if (stopped || close || document.hidden) return;
    let delivered = false;
    if (sse) {
      const source = new EventSource(
        `${url}?query=${encodeURIComponent(query)}&variables=${encodeURIComponent(JSON.stringify(variables))}`,
      );
      const next = (event: MessageEvent<string>) => {
        delivered = true;
        attempt = 0;
        deliver(event.data);
      };
      source.addEventListener('next', next);
      source.onmessage = next;
      // EventSource would reconnect at once by itself: close it and follow the backoff instead.
      const fail = () => {
        source.close();
        if (close === stopSource) retry(!delivered);
      };
      source.onerror = fail;
      source.addEventListener('complete', fail);
      const stopSource = () => source.close();
      close = stopSource;
      return;
    }
    let created: WebSocket | undefined;
    try {
      created = new WebSocket(url.replace(/^http/, 'ws'), 'graphql-transport-ws');
    } catch {
      // Older browsers throw here when the host page's CSP refuses the ws: URL.
    }
    // Where the host page's CSP (connect-src) leaves out the ws: origin, Chromium hands back a socket
    // already CLOSED and never fires close (tests/browser/widget-behaviour.test.ts): hand over to
    // SSE, which the same CSP allows over http(s).
    if (!created || created.readyState === WebSocket.CLOSED) {
      retry(true);
      return;
    }
    const socket = created;
    const send = (message: object) => socket.send(JSON.stringify(message));
    socket.onopen = () => send({ type: 'connection_init' });
    socket.onmessage = (event: MessageEvent<string>) => {
      const message = JSON.parse(event.data) as { type: string; payload?: unknown };
      if (message.type === 'connection_ack')
        send({ id: '1', type: 'subscribe', payload: { query, variables } });
      else if (message.type === 'ping') send({ type: 'pong' });
      else if (message.type === 'next') {
        delivered = true;
        attempt = 0;
        deliver(JSON.stringify(message.payload));
      } else if (message.type === 'error' || message.type === 'complete') socket.close(1000);
    };
    const stopSocket = () => {
      socket.onclose = null;
      socket.close(1000);
    };
    socket.onclose = () => {
      if (close === stopSocket) retry(!delivered);
    };
    close = stopSocket;
  }

  const onVisibility = () => {
    if (document.hidden) {
      clearTimeout(timer);
      close?.();
      close = undefined;
    } else {
      // Back on the tab: the subscription's first message brings the figures up to date at once.
      attempt = 0;
      connect();
    }
  };
  document.addEventListener('visibilitychange', onVisibility);
  connect();

  return () => {
    stopped = true;
    clearTimeout(timer);
    document.removeEventListener('visibilitychange', onVisibility);
    close?.();
    close = undefined;
  };
}
