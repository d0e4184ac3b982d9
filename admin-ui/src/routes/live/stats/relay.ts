// The browser's live stream from the API's: the API sends `next` events with the figures (the first
// at once, on subscribing), `complete` at the end, and comments to keep the line open. The browser
// only needs to know that the figures changed, so each later `next` becomes a `change` event; the
// figures themselves are loaded again by the page. Unit-tested in relay.test.ts.
import { sseEvent, sseParser } from '../../../lib/dashboard/sse';

/** How long the browser waits before reconnecting after the stream ends (EventSource `retry`). */
export const RETRY_MS = 2000;

/**
 * A stream of `change` events from the API's subscription stream; cancelling it (the browser went
 * away) calls `onCancel`, which closes the upstream request.
 */
export function relayStream(
  upstream: ReadableStream<Uint8Array>,
  onCancel: () => void,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const reader = upstream.getReader();
  let closed = false;
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (text: string) => {
        if (!closed) controller.enqueue(encoder.encode(text));
      };
      // `ready` tells the page the relay is connected (its "Trực tiếp" status).
      send(`retry: ${RETRY_MS}\n\n${sseEvent('ready', '{}')}`);
      let first = true;
      let ended = false;
      const decoder = new TextDecoder();
      const parse = sseParser(({ event, data }) => {
        if (event === 'next') {
          // The first figures are those the page already shows.
          if (!first) send(sseEvent('change', '{}'));
          first = false;
          // An error inside a `next` (e.g. the session expired mid-stream) ends the relay.
          if (data.includes('"errors"')) ended = true;
        } else if (event === 'complete') ended = true;
      });
      try {
        while (!closed && !ended) {
          const { done, value } = await reader.read();
          if (done) break;
          parse(decoder.decode(value, { stream: true }));
        }
      } catch {
        // The upstream failed or was aborted: the browser reconnects after RETRY_MS.
      }
      if (!closed) {
        closed = true;
        controller.close();
        onCancel();
      }
    },
    cancel() {
      closed = true;
      onCancel();
      reader.cancel().catch(() => {});
    },
  });
}
