// Settings of the public read cache (docs/api.md "Persisted reads and caching", README "Configuration").
import { boolVar, intVar } from './env-vars.ts';

export interface CacheConfig {
  /** RESPONSE_CACHE: keep anonymous persisted reads in the response cache (on by default). */
  enabled: boolean;
  /** RESPONSE_CACHE_TTL_SECONDS: the most a cached answer lives; changes of figures drop it sooner. */
  ttlSeconds: number;
  /** RESPONSE_CACHE_ENTRIES: answers kept in memory per instance (the oldest go first). */
  maxEntries: number;
  /** PUBLIC_MAX_AGE_SECONDS: `Cache-Control: max-age` of a public read, for browsers and CDNs. */
  maxAgeSeconds: number;
  /** PUBLIC_STALE_SECONDS: `stale-while-revalidate`: a CDN may serve the old answer this long while it asks again. */
  staleSeconds: number;
}

export function loadCacheConfig(env: NodeJS.ProcessEnv): CacheConfig {
  return {
    enabled: boolVar(env, 'RESPONSE_CACHE', true),
    ttlSeconds: intVar(env, 'RESPONSE_CACHE_TTL_SECONDS', 60, 1, 3600),
    maxEntries: intVar(env, 'RESPONSE_CACHE_ENTRIES', 10_000, 10, 10_000_000),
    maxAgeSeconds: intVar(env, 'PUBLIC_MAX_AGE_SECONDS', 15, 0, 3600),
    staleSeconds: intVar(env, 'PUBLIC_STALE_SECONDS', 15, 0, 3600),
  };
}
