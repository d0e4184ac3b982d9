import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { poolConfig } from './connection-url.ts';
import { createEmptyDatabase } from './empty-database.ts';
import { applyMigrations, migrationStatus } from './migrate.ts';
import { checksumOf, readMigrations } from './migration-files.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

async function freshDatabase(): Promise<string> {
  const database = await createEmptyDatabase();
  cleanups.push(database.drop);
  return database.url;
}

async function query<R extends pg.QueryResultRow>(url: string, sql: string): Promise<R[]> {
  const client = new pg.Client(poolConfig(url));
  await client.connect();
  try {
    return (await client.query<R>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('applyMigrations', () => {
  it('applies every committed migration and records it as Prisma Migrate does', async () => {
    const url = await freshDatabase();
    const files = await readMigrations();
    expect(files.length).toBeGreaterThan(0);

    expect(await applyMigrations(url)).toEqual(files.map((file) => file.name));

    // Prisma's table, column for column.
    const columns = await query(
      url,
      `SELECT column_name, data_type, character_maximum_length AS length, is_nullable, column_default
         FROM information_schema.columns WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position`,
    );
    expect(columns).toEqual([
      {
        column_name: 'id',
        data_type: 'character varying',
        length: 36,
        is_nullable: 'NO',
        column_default: null,
      },
      {
        column_name: 'checksum',
        data_type: 'character varying',
        length: 64,
        is_nullable: 'NO',
        column_default: null,
      },
      {
        column_name: 'finished_at',
        data_type: 'timestamp with time zone',
        length: null,
        is_nullable: 'YES',
        column_default: null,
      },
      {
        column_name: 'migration_name',
        data_type: 'character varying',
        length: 255,
        is_nullable: 'NO',
        column_default: null,
      },
      { column_name: 'logs', data_type: 'text', length: null, is_nullable: 'YES', column_default: null },
      {
        column_name: 'rolled_back_at',
        data_type: 'timestamp with time zone',
        length: null,
        is_nullable: 'YES',
        column_default: null,
      },
      {
        column_name: 'started_at',
        data_type: 'timestamp with time zone',
        length: null,
        is_nullable: 'NO',
        column_default: 'now()',
      },
      {
        column_name: 'applied_steps_count',
        data_type: 'integer',
        length: null,
        is_nullable: 'NO',
        column_default: '0',
      },
    ]);

    const rows = await query<{
      id: string;
      checksum: string;
      migration_name: string;
      started_at: Date;
      finished_at: Date | null;
      logs: string | null;
      rolled_back_at: Date | null;
      applied_steps_count: number;
    }>(url, 'SELECT * FROM "_prisma_migrations" ORDER BY migration_name');
    expect(rows).toHaveLength(files.length);
    rows.forEach((row, i) => {
      const file = files[i]!;
      expect(row.migration_name).toBe(file.name);
      expect(row.checksum).toBe(checksumOf(file.sql));
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(row.finished_at).not.toBeNull();
      expect(row.finished_at!.getTime()).toBeGreaterThanOrEqual(row.started_at.getTime());
      expect(row.logs).toBeNull();
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    });

    // The schema is there, hand-written parts of the init migration included.
    const [index] = await query<{ indexdef: string }>(
      url,
      `SELECT indexdef FROM pg_indexes WHERE indexname = 'Rating_one_current_per_dossier'`,
    );
    expect(index?.indexdef).toMatch(/^CREATE UNIQUE INDEX .* WHERE current$/);
    expect(await query(url, `SELECT 1 FROM pg_extension WHERE extname = 'unaccent'`)).toHaveLength(1);

    expect(await migrationStatus(url)).toEqual({ applied: files.map((file) => file.name), pending: [] });
    expect(await applyMigrations(url)).toEqual([]);
  });

  it('applies each migration exactly once when two instances start together', async () => {
    const url = await freshDatabase();
    const files = await readMigrations();

    const [first, second] = await Promise.all([applyMigrations(url), applyMigrations(url)]);

    // One of them did everything; the other waited for the lock and found nothing to do.
    expect([...first, ...second].sort()).toEqual(files.map((file) => file.name));
    expect([first.length, second.length].sort()).toEqual([0, files.length]);
    const counts = await query<{ migration_name: string; n: string }>(
      url,
      'SELECT migration_name, count(*) AS n FROM "_prisma_migrations" GROUP BY migration_name',
    );
    expect(counts).toHaveLength(files.length);
    expect(counts.every((row) => row.n === '1')).toBe(true);
  });

  it('refuses to start when an applied migration was edited afterwards', async () => {
    const url = await freshDatabase();
    const [first] = await readMigrations();
    await applyMigrations(url);
    await query(
      url,
      `UPDATE "_prisma_migrations" SET checksum = repeat('0', 64) WHERE migration_name = '${first!.name}'`,
    );

    await expect(applyMigrations(url)).rejects.toThrow(
      new RegExp(`Migration ${first!.name} was modified after it was applied`),
    );
  });

  it('refuses to start when a migration is recorded as failed', async () => {
    const url = await freshDatabase();
    const [first] = await readMigrations();
    await applyMigrations(url);
    await query(
      url,
      `UPDATE "_prisma_migrations" SET finished_at = NULL, logs = 'boom' WHERE migration_name = '${first!.name}'`,
    );

    await expect(applyMigrations(url)).rejects.toThrow(
      new RegExp(`Migration ${first!.name} is recorded as failed`),
    );
  });

  it('reports every migration as pending on an empty database', async () => {
    const url = await freshDatabase();
    const files = await readMigrations();
    expect(await migrationStatus(url)).toEqual({ applied: [], pending: files.map((file) => file.name) });
  });
});
