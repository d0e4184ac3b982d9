import { openDatabase } from '@tthc/db';
import { isDatabaseEmpty, seed } from '../seed/index.ts';
import { SessionService } from '../services/access/sessions.ts';
import { CalendarService } from '../services/calendar.ts';
import type { Services } from '../services/context.ts';
import { refoldStaleDossiers } from '../services/ingestion/refold.ts';
import { createEventBus } from '../services/live/pubsub.ts';
import { createLogger, type Logger } from '../services/logger.ts';
import { Metrics } from '../services/metrics.ts';
import { RatingService } from '../services/ratings/index.ts';
import { rebuildRollups } from '../services/rollups.ts';
import { createApp, GRAPHQL_PATH } from './app.ts';
import { type Config, loadConfig } from './config.ts';
import { RequestBudgets } from './request-budget.ts';

export interface RunningApi {
  url: string;
  port: number;
  services: Services;
  /** The request and query-cost counters (docs/limits.md). */
  budgets: RequestBudgets;
  stop(): Promise<void>;
}

/**
 * Opens the database (embedded PostgreSQL when DATABASE_URL is unset), applies migrations, seeds
 * the demo when the database is empty, and serves GraphQL over HTTP, SSE and WebSocket.
 */
export async function startApi(overrides: Partial<Config> = {}, logger?: Logger): Promise<RunningApi> {
  const config = { ...loadConfig(), ...overrides };
  const log = logger ?? createLogger(config.logLevel);
  const db = await openDatabase({
    ...(config.databaseUrl ? { url: config.databaseUrl } : {}),
    poolSize: config.databasePoolSize,
    logger: log,
  });
  const metrics = new Metrics();
  metrics.watchPool(db.pool);
  const bus = createEventBus(config.redisUrl, log, metrics);
  try {
    if (config.seedOnEmpty && (await isDatabaseEmpty(db))) {
      log.info('Cơ sở dữ liệu trống: đang nạp dữ liệu mẫu…');
      const summary = await seed(db, {
        logger: log,
        ...(config.seedToday ? { today: config.seedToday } : {}),
        demoPassword: config.env === 'production' ? undefined : config.demoPassword,
      });
      log.info({ summary }, 'Đã nạp dữ liệu mẫu');
    } else if (await rollupsMissing(db.pool)) {
      // A migration that changes the rollup layout empties the (derived) rollup tables.
      log.info('Bảng tổng hợp trống: đang tính lại từ dữ liệu gốc…');
      log.info({ rebuilt: await rebuildRollups(db.pool) }, 'Đã tính lại bảng tổng hợp');
    }
    const services: Services = {
      db,
      prisma: db.prisma,
      calendars: new CalendarService(db.prisma, bus.pubsub),
      pubsub: bus.pubsub,
      logger: log,
      metrics,
      ratings: new RatingService({ db, pubsub: bus.pubsub, logger: log }, config),
      ingestWriters: config.ingestWriters,
      sessions: new SessionService(
        db.prisma,
        {
          idleMinutes: config.sessionIdleMinutes,
          maxHours: config.sessionMaxHours,
          attemptsPerUsername: config.limits.signInPerUsername,
          attemptsPerIp: config.limits.signInPerIp,
          redisUrl: config.redisUrl,
        },
        log,
      ),
    };
    // Rows folded before the last change of what the fold stores are folded again (their rollups move
    // by the difference, so this may follow the rebuild above).
    await refoldStaleDossiers(services);
    const budgets = new RequestBudgets(config.redisUrl, log, metrics);
    const app = createApp(services, budgets, config);
    const port = await app.listen(config.port, config.host);
    const url = `http://localhost:${port}${GRAPHQL_PATH}`;
    let stopping: Promise<void> | null = null;
    return {
      url,
      port,
      services,
      budgets,
      stop: () => {
        stopping ??= (async () => {
          await app.close();
          await services.ratings.close();
          await services.sessions.close();
          await budgets.close();
          await bus.close();
          await db.close();
        })();
        return stopping;
      },
    };
  } catch (err) {
    await bus.close();
    await db.close();
    throw err;
  }
}

async function rollupsMissing(pool: import('pg').Pool): Promise<boolean> {
  const { rows } = await pool.query<{ missing: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM "Dossier") AND NOT EXISTS (SELECT 1 FROM "DossierRollup") AS missing`,
  );
  return rows[0]?.missing ?? false;
}
