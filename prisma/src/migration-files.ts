// Reads the committed migrations the way Prisma Migrate sees them: one directory per migration
// under prisma/migrations, applied in lexicographic order of the directory names (they start with
// a UTC timestamp), each holding a migration.sql whose SHA-256 is the checksum recorded in
// `_prisma_migrations`.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const migrationsDir = fileURLToPath(new URL('../migrations/', import.meta.url));
export const migrationFileName = 'migration.sql';
export const lockFileName = 'migration_lock.toml';

export interface MigrationFile {
  /** Directory name, e.g. 20250101000000_init: what Prisma stores as migration_name. */
  name: string;
  sql: string;
  /** Hex SHA-256 of the file's bytes, as Prisma computes it. */
  checksum: string;
}

export function checksumOf(sql: string): string {
  return createHash('sha256').update(sql, 'utf8').digest('hex');
}

export async function readMigrations(dir: string = migrationsDir): Promise<MigrationFile[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const migrations: MigrationFile[] = [];
  for (const name of names) {
    const sql = await readFile(path.join(dir, name, migrationFileName), 'utf8').catch(
      (error: NodeJS.ErrnoException) => {
        // A directory without migration.sql is not a migration (Prisma skips it too).
        if (error.code === 'ENOENT') return undefined;
        throw error;
      },
    );
    if (sql !== undefined) migrations.push({ name, sql, checksum: checksumOf(sql) });
  }
  return migrations;
}
