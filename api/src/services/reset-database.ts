import type { Database } from '@tthc/db';

/** Empties every table but the migration history (demo and tests only: `cli seed --reset`). */
export async function resetDatabase(db: Pick<Database, 'pool'>): Promise<void> {
  const { rows } = await db.pool.query<{ name: string }>(
    `SELECT quote_ident(tablename) AS name FROM pg_tables
      WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations'`,
  );
  if (rows.length === 0) return;
  await db.pool.query(`TRUNCATE ${rows.map((r) => r.name).join(', ')} RESTART IDENTITY CASCADE`);
}
