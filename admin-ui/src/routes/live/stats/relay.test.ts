import { describe, expect, it } from 'vitest';
import { relayStream } from './relay';

/** An upstream the test writes to, as the API's SSE response body would arrive. */
function upstream() {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const stream = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
    },
  });
  const encoder = new TextEncoder();
  return {
    stream,
    write: (text: string) => controller.enqueue(encoder.encode(text)),
    end: () => controller.close(),
  };
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

describe('relayStream', () => {
  it('says ready, skips the first figures, and turns each later one into a change', async () => {
    const up = upstream();
    let cancelled = 0;
    const relayed = relayStream(up.stream, () => cancelled++);
    const text = readAll(relayed);
    up.write(':\n\nevent: next\ndata: {"data":{"statsChanged":{"received":1}}}\n\n');
    up.write('event: next\ndata: {"data":{"statsChanged":{"received":2}}}\n\nevent: ne');
    up.write('xt\ndata: {"data":{"statsChanged":{"received":3}}}\n\nevent: complete\ndata:\n\n');
    up.end();
    // Two changes: the second and third figures; the first is what the page already shows.
    expect(await text).toBe(
      'retry: 2000\n\nevent: ready\ndata: {}\n\nevent: change\ndata: {}\n\nevent: change\ndata: {}\n\n',
    );
    // The upstream is closed once it completes.
    expect(cancelled).toBe(1);
  });

  it('closes the upstream when the browser goes away', async () => {
    const up = upstream();
    let cancelled = 0;
    const relayed = relayStream(up.stream, () => cancelled++);
    const reader = relayed.getReader();
    await reader.read(); // ready
    await reader.cancel();
    expect(cancelled).toBe(1);
  });
});
