import type { Database, PrismaClient } from '@tthc/db';
import type { CalendarService } from '../services/calendar.ts';
import type { RatingService } from '../services/ratings/index.ts';
import type { Principal } from './auth.ts';
import type { Logger } from './logger.ts';
import type { PubSub } from './pubsub.ts';
import type { RequestBudgets } from './request-budget.ts';

/** Long-lived services shared by every request. */
export interface Services {
  db: Database;
  prisma: PrismaClient;
  calendars: CalendarService;
  pubsub: PubSub;
  logger: Logger;
  ratings: RatingService;
  /** Request and query-cost counters per caller (docs/limits.md). */
  budgets: RequestBudgets;
}

/** What a resolver sees: the services plus who is calling. */
export interface Context extends Services {
  principal: Principal;
  /** The caller's IP address (services/ratings/client-ip.ts), for per-client limits. */
  clientIp: string | null;
}
