import { Repeater } from 'graphql-yoga';

/**
 * Turns a stream of change events into ticks (`tick()`) at most once per `minIntervalMs`, the first
 * one at once when `initial`: a burst of changes yields one tick with the latest figures instead of one per change
 * (architecture.md "Live": coalesced per topic; performance.md: ~40 µs per delivered message).
 * Ends, and releases the source, as soon as the consumer stops.
 */
export function coalesce<T, V>(
  source: AsyncIterable<T>,
  accept: (event: T) => boolean,
  minIntervalMs: number,
  tick: () => V,
  options: { initial?: boolean } = {},
): Repeater<V> {
  return new Repeater<V>(async (push, stop) => {
    const iterator = source[Symbol.asyncIterator]();
    let timer: NodeJS.Timeout | null = null;
    let lastPush = Number.NEGATIVE_INFINITY;
    const flush = () => {
      timer = null;
      lastPush = Date.now();
      push(tick());
    };
    const schedule = () => {
      if (timer) return; // a tick is already due and will carry this change too
      timer = setTimeout(flush, Math.max(0, lastPush + minIntervalMs - Date.now()));
    };
    if (options.initial) flush();
    const stopped = stop.then(() => ({ done: true as const, value: undefined }));
    (async () => {
      for (;;) {
        const next = await Promise.race([iterator.next(), stopped]);
        if (next.done) break;
        if (accept(next.value as T)) schedule();
      }
      stop();
    })().catch(stop);
    await stop;
    if (timer) clearTimeout(timer);
    await iterator.return?.();
  });
}
