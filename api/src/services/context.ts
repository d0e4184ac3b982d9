import type { Database, PrismaClient } from '@tthc/db';
import type { Principal } from './access/principal.ts';
import type { SessionService } from './access/sessions.ts';
import type { CalendarService } from './calendar.ts';
import type { PubSub } from './live/pubsub.ts';
import type { Logger } from './logger.ts';
import type { Metrics } from './metrics.ts';
import type { RatingService } from './ratings/index.ts';
import type { Scope } from './stats.ts';

/** Long-lived services shared by every request. */
export interface Services {
  db: Database;
  prisma: PrismaClient;
  calendars: CalendarService;
  pubsub: PubSub;
  logger: Logger;
  ratings: RatingService;
  sessions: SessionService;
  /** This instance's figures for Prometheus (GET /metrics). */
  metrics: Metrics;
  /** Concurrent ingestion transactions per process (INGEST_WRITERS, server/config.ts); default 2. */
  ingestWriters?: number;
}

/** What a resolver sees: the services plus who is calling. */
export interface Context extends Services {
  principal: Principal;
  /** The caller's IP address (server/client-ip.ts), for per-client limits. */
  clientIp: string | null;
  /**
   * Set when the answer may be kept in the response cache (server/response-cache.ts): the scopes whose
   * figures the operation read, so that a change to one of them drops the cached answer.
   */
  figureScopes?: Scope[];
}
