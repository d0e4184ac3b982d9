/**
 * Configuration from the environment, read once at start. Every variable is documented in the
 * README ("Configuration"); an invalid value stops the process with a clear message.
 */

import { demoPasswordFor } from '../seed/demo-users.ts';
import { type CacheConfig, loadCacheConfig } from './cache-config.ts';
import { parseTrustProxy, type TrustProxy } from './client-ip.ts';
import { parseCredentialOrigins } from './cross-origin.ts';
import { boolVar, dayVar, intVar, secretVar } from './env-vars.ts';
import { type LimitsConfig, loadLimits } from './limits-config.ts';
import { RATING_PAGE_PATH } from './rating-page.ts';
import { DEFAULT_WIDGET_DIR } from './widget-assets.ts';

export interface Config {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  /** PostgreSQL; unset → the embedded server in .data/postgres. */
  databaseUrl: string | undefined;
  /** Connections this process opens to PostgreSQL at most (DATABASE_POOL_SIZE), Prisma and SQL together. */
  databasePoolSize: number;
  /** Redis for cross-instance pub/sub; unset → in-memory. */
  redisUrl: string | undefined;
  logLevel: string;
  /** Seed demo data when the database is empty. */
  seedOnEmpty: boolean;
  /** Public URL of this API, used in links it prints. */
  publicUrl: string;
  /** Time allowed for in-flight requests at shutdown. */
  shutdownGraceMs: number;
  /**
   * Secret that signs rating tokens (HMAC-SHA256). Must be the same on every instance; required in
   * production. Unset elsewhere: a per-database secret is generated (see services/ratings/secret.ts).
   */
  ratingSecret: string | undefined;
  /** Days a rating token stays valid after the dossier finished (the contract says at least 30). */
  ratingTokenDays: number;
  /**
   * Public page where applicants rate; rating links point there. Default: the page this API serves
   * itself (server/rating-page.ts) at PUBLIC_URL + /danh-gia.
   */
  ratingPageUrl: string;
  /** The built portal widget (manifest.json and hashed files) served under /widget/ (WIDGET_DIR). */
  widgetDir: string;
  /**
   * Serve the demo portal pages at /demo (DEMO_PAGES): on in development and in the default embedded
   * mode (no DATABASE_URL), never in production.
   */
  demoPages: boolean;
  /**
   * Which peers are our own proxies (TRUST_PROXY): the client IP is the right-most address of
   * X-Forwarded-For + the socket's peer that none of them added (see server/client-ip.ts).
   */
  trustProxy: TrustProxy;
  /**
   * Browser origins allowed to call /graphql with credentials (CORS_CREDENTIAL_ORIGINS); every other
   * origin gets `Access-Control-Allow-Origin: *` without them (server/cross-origin.ts).
   */
  corsCredentialOrigins: string[];
  /** submitRating attempts allowed per client IP per minute (shared through Redis when REDIS_URL is set). */
  ratingLimitPerIpPerMinute: number;
  /** submitRating attempts allowed per dossier per minute. */
  ratingLimitPerDossierPerMinute: number;
  /** Officials' sessions end after this many idle minutes… */
  sessionIdleMinutes: number;
  /** …and this many hours after sign-in in any case. */
  sessionMaxHours: number;
  /** Anchor day (YYYY-MM-DD) of the generated demo dossiers; unset: today. */
  seedToday: string | undefined;
  /** Password of the demo accounts seeded with the demo data (seed/demo-users.ts); never in production. */
  demoPassword: string | undefined;
  /** Concurrent ingestion transactions per API process. */
  ingestWriters: number;
  /**
   * Opens GET /metrics to callers outside loopback and the private ranges that send it as a bearer
   * token (METRICS_TOKEN); unset, only those addresses may scrape (server/metrics-endpoint.ts).
   */
  metricsToken: string | undefined;
  /**
   * GraphiQL on GET /graphql from a browser (GRAPHIQL, default on in every environment): third parties
   * explore the public schema without a key, within the anonymous budget (server/graphiql.ts).
   */
  graphiql: boolean;
  /** Query cost, request and connection budgets per kind of caller (server/limits-config.ts). */
  limits: LimitsConfig;
  /** The cache of public reads and its HTTP caching headers (server/cache-config.ts). */
  cache: CacheConfig;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const nodeEnv = env.NODE_ENV ?? 'development';
  if (nodeEnv !== 'development' && nodeEnv !== 'production' && nodeEnv !== 'test') {
    throw new Error(`NODE_ENV must be development, production or test, got "${nodeEnv}"`);
  }
  const port = intVar(env, 'PORT', 4000, 0, 65535);
  const host = env.HOST || '0.0.0.0';
  const publicUrl = (env.PUBLIC_URL || `http://localhost:${port}`).replace(/\/+$/, '');
  return {
    env: nodeEnv,
    host,
    port,
    databaseUrl: env.DATABASE_URL || undefined,
    databasePoolSize: intVar(env, 'DATABASE_POOL_SIZE', 10, 2, 1000),
    redisUrl: env.REDIS_URL || undefined,
    logLevel: env.LOG_LEVEL || (nodeEnv === 'test' ? 'warn' : 'info'),
    seedOnEmpty: boolVar(env, 'SEED_ON_EMPTY', true),
    publicUrl,
    shutdownGraceMs: intVar(env, 'SHUTDOWN_GRACE_MS', 10_000, 0, 600_000),
    ratingSecret: ratingSecret(env, nodeEnv),
    ratingTokenDays: intVar(env, 'RATING_TOKEN_DAYS', 90, 30, 3650),
    ratingPageUrl: env.RATING_PAGE_URL || `${publicUrl}${RATING_PAGE_PATH}`,
    widgetDir: env.WIDGET_DIR || DEFAULT_WIDGET_DIR,
    demoPages:
      nodeEnv !== 'production' && boolVar(env, 'DEMO_PAGES', nodeEnv === 'development' || !env.DATABASE_URL),
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    // The admin UI of `npm start` outside production; production lists its own origins, or none.
    corsCredentialOrigins: parseCredentialOrigins(
      env.CORS_CREDENTIAL_ORIGINS,
      nodeEnv === 'production' ? [] : [`http://localhost:${env.ADMIN_PORT || 3000}`],
    ),
    ratingLimitPerIpPerMinute: intVar(env, 'RATE_LIMIT_RATINGS_PER_IP_PER_MINUTE', 30, 1, 10_000_000),
    ratingLimitPerDossierPerMinute: intVar(
      env,
      'RATE_LIMIT_RATINGS_PER_DOSSIER_PER_MINUTE',
      5,
      1,
      10_000_000,
    ),
    sessionIdleMinutes: intVar(env, 'SESSION_IDLE_MINUTES', 30, 1, 24 * 60),
    sessionMaxHours: intVar(env, 'SESSION_MAX_HOURS', 12, 1, 24 * 30),
    seedToday: dayVar(env, 'SEED_TODAY'),
    demoPassword: demoPasswordFor(env),
    ingestWriters: intVar(env, 'INGEST_WRITERS', 2, 1, 32),
    metricsToken: secretVar(env, 'METRICS_TOKEN', 32),
    graphiql: boolVar(env, 'GRAPHIQL', true),
    limits: loadLimits(env),
    cache: loadCacheConfig(env),
  };
}

function ratingSecret(env: NodeJS.ProcessEnv, nodeEnv: string): string | undefined {
  const secret = env.RATING_SECRET || undefined;
  if (secret && secret.length < 32) throw new Error('RATING_SECRET must be at least 32 characters');
  if (!secret && nodeEnv === 'production') {
    throw new Error('RATING_SECRET is required in production (the same value on every API instance)');
  }
  return secret;
}
