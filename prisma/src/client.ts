// openDatabase(): the one way the API, the CLI, seeds and tests get a database. With no URL it
// runs the embedded PostgreSQL; it creates the database if needed and applies the migrations, then
// hands out a PrismaClient (Rust-free client over @prisma/adapter-pg) and, for set-based SQL that
// Prisma cannot express (rollup upserts, reports), the pg.Pool that client runs on.
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { withAdminClient } from './admin.ts';
import { databaseName, poolConfig, quoteIdentifier, redactUrl, withDatabase } from './connection-url.ts';
import { type EmbeddedPostgres, ensureEmbeddedPostgres } from './embedded.ts';
import { PrismaClient } from './generated/prisma/client.ts';
import { type Logger, silentLogger } from './logger.ts';
import { applyMigrations } from './migrate.ts';

/** The database `npm start` uses on the embedded server. */
export const embeddedDatabaseName = 'tthc';

export interface Database {
  url: string;
  prisma: PrismaClient;
  pool: pg.Pool;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** Defaults to DATABASE_URL, else the embedded server's `tthc` database. */
  url?: string;
  /** Apply pending migrations first (default true). */
  migrate?: boolean;
  logger?: Logger;
  /** Connections shared by Prisma and raw SQL (default 10). */
  poolSize?: number;
}

export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<Database> {
  const logger = options.logger ?? silentLogger;
  let embedded: EmbeddedPostgres | undefined;
  let url = options.url ?? process.env.DATABASE_URL;
  if (!url) {
    embedded = await ensureEmbeddedPostgres({ logger });
    url = withDatabase(embedded.url, embeddedDatabaseName);
  }
  try {
    await ensureDatabaseExists(url, logger);
    if (options.migrate ?? true) await applyMigrations(url, logger);
  } catch (error) {
    await embedded?.stop();
    throw error;
  }

  const pool = new pg.Pool({ ...poolConfig(url), max: options.poolSize ?? 10 });
  // An idle connection dropped by the server (restart, failover) must not crash the process.
  pool.on('error', (err) => logger.warn({ err }, 'idle PostgreSQL connection failed'));
  // One pool for both, so poolSize bounds the connections this process opens.
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  logger.info({ url: redactUrl(url) }, 'database ready');

  let closing: Promise<void> | undefined;
  return {
    url,
    prisma,
    pool,
    close: () => {
      closing ??= (async () => {
        await prisma.$disconnect();
        await pool.end();
        await embedded?.stop();
      })();
      return closing;
    },
  };
}

/**
 * Creates the URL's database when it does not exist yet. Connects to it first, so the common case
 * needs no access to the server's `postgres` database.
 */
export async function ensureDatabaseExists(url: string, logger: Logger = silentLogger): Promise<void> {
  const probe = new pg.Client(poolConfig(url));
  try {
    await probe.connect();
    return;
  } catch (error) {
    if ((error as { code?: string }).code !== '3D000') throw error; // 3D000: database does not exist
  } finally {
    await probe.end().catch(() => {});
  }
  const name = databaseName(url);
  await withAdminClient(url, async (admin) => {
    try {
      await admin.query(`CREATE DATABASE ${quoteIdentifier(name)}`);
      logger.info({ database: name }, 'created database');
    } catch (error) {
      // Another process created it in the meantime.
      if ((error as { code?: string }).code !== '42P04') throw error;
    }
  });
}
