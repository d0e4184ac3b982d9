// Applies the committed migrations at start-up, bookkept in `_prisma_migrations` exactly as
// `prisma migrate deploy` does (same table, same checksum, one step per migration), so a machine
// with Prisma's native engine can still run `prisma migrate status` / `deploy` on the same
// database. Prisma's CLI cannot apply migrations here (docs/toolchain.md).
//
// Each migration runs in its own transaction together with its bookkeeping row: it is applied
// completely or not at all, and a failure leaves nothing to resolve by hand. (So a migration cannot
// use statements that refuse to run in a transaction, such as CREATE INDEX CONCURRENTLY.)
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { poolConfig } from './connection-url.ts';
import { type Logger, silentLogger } from './logger.ts';
import { checksumOf, type MigrationFile, readMigrations } from './migration-files.ts';
import { standaloneClient } from './standalone-client.ts';

/**
 * The advisory lock key Prisma Migrate itself takes, so that this runner, `prisma migrate deploy`
 * and any number of API instances starting together apply migrations one at a time.
 */
const migrateLockKey = 72707369;

// Prisma's own DDL for the table (as its schema engine creates it on PostgreSQL).
const createMigrationsTable = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

interface MigrationRecord {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

export interface MigrationStatus {
  applied: string[];
  pending: string[];
}

export class MigrationError extends Error {
  override name = 'MigrationError';
}

/** Applies the pending migrations; returns the names of those this call applied. */
export async function applyMigrations(
  connectionString: string,
  logger: Logger = silentLogger,
): Promise<string[]> {
  const files = await readMigrations();
  const client = standaloneClient(poolConfig(connectionString));
  await client.connect();
  try {
    // Session-level lock: a second instance waits here, then finds nothing left to do.
    await client.query('SELECT pg_advisory_lock($1)', [migrateLockKey]);
    await client.query(createMigrationsTable);
    const records = await readRecords(client);
    checkHistory(files, records, logger);
    const pending = pendingMigrations(files, records);
    const applied: string[] = [];
    for (const migration of pending) {
      const began = Date.now();
      await applyOne(client, migration);
      applied.push(migration.name);
      logger.info({ migration: migration.name, ms: Date.now() - began }, 'applied migration');
    }
    return applied;
  } finally {
    // Ending the session releases the lock even if the unlock cannot be sent.
    await client.query('SELECT pg_advisory_unlock($1)', [migrateLockKey]).catch(() => {});
    await client.end();
  }
}

/** Which committed migrations the database has, and which it lacks (for readiness checks). */
export async function migrationStatus(connectionString: string): Promise<MigrationStatus> {
  const files = await readMigrations();
  const client = standaloneClient(poolConfig(connectionString));
  await client.connect();
  try {
    const { rows } = await client.query<{ exists: boolean }>(
      `SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS "exists"`,
    );
    const records = rows[0]?.exists ? await readRecords(client) : [];
    const applied = records.filter(isApplied).map((record) => record.migration_name);
    return { applied, pending: pendingMigrations(files, records).map((migration) => migration.name) };
  } finally {
    await client.end();
  }
}

async function readRecords(client: pg.Client): Promise<MigrationRecord[]> {
  const { rows } = await client.query<MigrationRecord>(
    `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at, migration_name`,
  );
  return rows;
}

function isApplied(record: MigrationRecord): boolean {
  return record.finished_at !== null && record.rolled_back_at === null;
}

function pendingMigrations(files: MigrationFile[], records: MigrationRecord[]): MigrationFile[] {
  const applied = new Set(records.filter(isApplied).map((record) => record.migration_name));
  return files.filter((file) => !applied.has(file.name));
}

/** Refuses a history Prisma would refuse: a failed migration, or an applied one edited since. */
function checkHistory(files: MigrationFile[], records: MigrationRecord[], logger: Logger): void {
  const failed = records.filter((record) => record.finished_at === null && record.rolled_back_at === null);
  if (failed.length > 0) {
    const names = failed.map((record) => record.migration_name).join(', ');
    throw new MigrationError(
      `Migration ${names} is recorded as failed in _prisma_migrations: the database may be half-migrated. ` +
        'Repair it by hand, then mark it with `prisma migrate resolve --rolled-back <name>` (or delete its row) before starting.',
    );
  }
  const byName = new Map(files.map((file) => [file.name, file]));
  for (const record of records.filter(isApplied)) {
    const file = byName.get(record.migration_name);
    if (!file) {
      logger.warn(
        { migration: record.migration_name },
        'a migration applied to the database is missing from prisma/migrations',
      );
    } else if (!matchesChecksum(file, record.checksum)) {
      throw new MigrationError(
        `Migration ${record.migration_name} was modified after it was applied: the checksum of ` +
          `prisma/migrations/${record.migration_name}/migration.sql (${file.checksum}) differs from the one recorded ` +
          `in _prisma_migrations (${record.checksum}). Restore the file; put new changes in a new migration.`,
      );
    }
  }
}

/** Like Prisma, accept a file whose only change is its line endings (a Windows checkout). */
function matchesChecksum(file: MigrationFile, checksum: string): boolean {
  return (
    file.checksum === checksum ||
    checksumOf(file.sql.replaceAll('\r\n', '\n')) === checksum ||
    checksumOf(file.sql.replaceAll(/\r?\n/g, '\r\n')) === checksum
  );
}

async function applyOne(client: pg.Client, migration: MigrationFile): Promise<void> {
  await client.query('BEGIN');
  try {
    const id = randomUUID();
    await client.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count)
       VALUES ($1, $2, $3, clock_timestamp(), 0)`,
      [id, migration.checksum, migration.name],
    );
    // No parameters: the simple query protocol runs the whole multi-statement script, as Prisma does.
    await client.query(migration.sql);
    await client.query(
      `UPDATE "_prisma_migrations" SET finished_at = clock_timestamp(), applied_steps_count = 1 WHERE id = $1`,
      [id],
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw new MigrationError(
      `Migration ${migration.name} failed and was rolled back: ${error instanceof Error ? error.message : error}`,
      { cause: error },
    );
  }
}
