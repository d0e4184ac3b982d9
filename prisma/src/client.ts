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
import { applyMigrations, type MigrationStatus } from './migrate.ts';
import { readMigrations } from './migration-files.ts';
import { standaloneClient } from './standalone-client.ts';

/** The database `npm start` uses on the embedded server. */
export const embeddedDatabaseName = 'tthc';

export interface Database {
  url: string;
  prisma: PrismaClient;
  pool: pg.Pool;
  /**
   * What migrationStatus(url) answers, read on a pooled connection: a readiness probe then opens no
   * client of its own, which the server could drop mid-query with nobody listening for the error.
   */
  migrationStatus(): Promise<MigrationStatus>;
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
  watchConnections(pool, logger);
  // One pool for both, so poolSize bounds the connections this process opens.
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  logger.info({ url: redactUrl(url) }, 'database ready');

  let closing: Promise<void> | undefined;
  return {
    url,
    prisma,
    pool,
    migrationStatus: () => pooledMigrationStatus(pool),
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
 * pg reports a connection the server dropped (restart, failover, pg_terminate_backend) as an 'error'
 * event on its client, and an 'error' event nobody listens to ends the process. The pool listens only
 * while a client sits idle in it; a client lent out (an ingestion or rating transaction, Prisma's
 * queries and transactions) has no listener of its own, so each one gets a permanent one here. There
 * is nothing else to do in it: the query in flight fails by itself (and the API answers
 * SERVICE_UNAVAILABLE), and pg-pool discards a client that is no longer queryable when it comes back,
 * so the next checkout opens a fresh connection.
 */
function watchConnections(pool: pg.Pool, logger: Logger): void {
  pool.on('connect', (client) => {
    client.on('error', (err) => logger.warn({ err: err.message }, 'PostgreSQL connection lost'));
  });
  // An idle client's error reaches the pool as well; the client's own listener has logged it.
  pool.on('error', () => {});
}

/** migrate.ts's migrationStatus(), on a connection of the pool. */
async function pooledMigrationStatus(pool: pg.Pool): Promise<MigrationStatus> {
  const files = await readMigrations();
  let applied: string[];
  try {
    const { rows } = await pool.query<{ name: string }>(
      `SELECT migration_name AS name FROM "_prisma_migrations"
        WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY started_at, migration_name`,
    );
    applied = rows.map((row) => row.name);
  } catch (error) {
    if ((error as { code?: string }).code !== '42P01') throw error; // 42P01: no migration ever ran
    applied = [];
  }
  const done = new Set(applied);
  return { applied, pending: files.filter((file) => !done.has(file.name)).map((file) => file.name) };
}

/**
 * Creates the URL's database when it does not exist yet. Connects to it first, so the common case
 * needs no access to the server's `postgres` database.
 */
export async function ensureDatabaseExists(url: string, logger: Logger = silentLogger): Promise<void> {
  const probe = standaloneClient(poolConfig(url));
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
