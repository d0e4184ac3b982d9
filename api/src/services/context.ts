import type { Database, PrismaClient } from '@tthc/db';
import type { Principal } from './access/principal.ts';
import type { SessionService } from './access/sessions.ts';
import type { CalendarService } from './calendar.ts';
import type { PubSub } from './live/pubsub.ts';
import type { Logger } from './logger.ts';
import type { RatingService } from './ratings/index.ts';

/** Long-lived services shared by every request. */
export interface Services {
  db: Database;
  prisma: PrismaClient;
  calendars: CalendarService;
  pubsub: PubSub;
  logger: Logger;
  ratings: RatingService;
  sessions: SessionService;
  /** Concurrent ingestion transactions per process (INGEST_WRITERS, server/config.ts); default 2. */
  ingestWriters?: number;
}

/** What a resolver sees: the services plus who is calling. */
export interface Context extends Services {
  principal: Principal;
  /** The caller's IP address (server/client-ip.ts), for per-client limits. */
  clientIp: string | null;
}
