// The response cache's rules of freshness (response-cache.ts), on the in-memory event bus: an answer is
// dropped by a change of its scope and only of its scope; an answer whose computation a change
// overtook is not stored; the oldest answer goes first when the cache is full; the TTL ends an answer.
import { pino } from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createEventBus } from '../services/live/pubsub.ts';
import type { CacheConfig } from './cache-config.ts';
import { ResponseCache } from './response-cache.ts';

const logger = pino({ level: 'silent' });
const config: CacheConfig = {
  enabled: true,
  ttlSeconds: 60,
  maxEntries: 3,
  maxAgeSeconds: 15,
  staleSeconds: 15,
};
const caches: ResponseCache[] = [];

function setUp() {
  const bus = createEventBus(undefined, logger);
  const cache = new ResponseCache(config, bus.pubsub, logger);
  caches.push(cache);
  return { cache, publish: bus.pubsub.publish.bind(bus.pubsub) };
}

const answer = (
  text: string,
  scopes: { agencyIds: number[] | null; procedureId: number | null }[] | null,
) => ({
  body: Buffer.from(text),
  etag: `"${text}"`,
  startedAt: Date.now(),
  scopes,
});

/** The bus delivers on a later turn. */
const delivered = () => new Promise((resolve) => setTimeout(resolve, 10));

afterEach(async () => {
  vi.useRealTimers();
  await Promise.all(caches.splice(0).map((cache) => cache.close()));
});

describe('ResponseCache', () => {
  it('drops an answer when its scope changes, and only then', async () => {
    const { cache, publish } = setUp();
    // Procedure 7 everywhere; agency 3's subtree {3, 4}; unknown figures.
    cache.set('procedure', answer('p', [{ agencyIds: null, procedureId: 7 }]));
    cache.set('agency', answer('a', [{ agencyIds: [3, 4], procedureId: null }]));
    cache.set('other', answer('o', null));
    await delivered();

    publish('stats:changed', { agencyIds: [9], procedureIds: [8] });
    await delivered();
    expect(cache.get('procedure')).toBeDefined();
    expect(cache.get('agency')).toBeDefined();
    // Figures of unknown scope go with any change.
    expect(cache.get('other')).toBeUndefined();

    publish('stats:changed', { agencyIds: [4], procedureIds: [8] });
    await delivered();
    expect(cache.get('agency')).toBeUndefined();
    expect(cache.get('procedure')).toBeDefined();

    publish('calendar:changed', { dates: ['2026-12-31'] });
    await delivered();
    expect(cache.get('procedure')).toBeUndefined();
  });

  it('does not store an answer that a change of its scope overtook while it was computed', async () => {
    const { cache, publish } = setUp();
    const computing = answer('p', [{ agencyIds: null, procedureId: 7 }]);
    computing.startedAt -= 5;
    publish('stats:changed', { agencyIds: [1], procedureIds: [7] });
    await delivered();
    expect(cache.set('procedure', computing)).toBe(false);
    expect(cache.get('procedure')).toBeUndefined();
    // A change elsewhere does not stop it.
    const other = answer('q', [{ agencyIds: null, procedureId: 6 }]);
    other.startedAt -= 20;
    expect(cache.set('other', other)).toBe(true);
  });

  it('lets the oldest answer go when full, and ends answers after the TTL', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { cache } = setUp();
    for (const key of ['a', 'b', 'c', 'd']) cache.set(key, answer(key, []));
    expect(cache.get('a')).toBeUndefined();
    // Read, 'b' is now the most recent: 'c', the least recently read, goes for 'e'.
    expect(cache.get('b')).toBeDefined();
    cache.set('e', answer('e', []));
    expect(cache.get('c')).toBeUndefined();
    expect(cache.get('b')).toBeDefined();
    expect(cache.get('d')?.body.toString()).toBe('d');
    vi.advanceTimersByTime(60_001);
    expect(cache.get('d')).toBeUndefined();
  });
});
