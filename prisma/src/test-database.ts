// Databases for tests. Every integration test file takes a fresh database of its own, so files run
// in parallel without seeing each other's rows. Copying a migrated template (CREATE DATABASE …
// TEMPLATE) takes a fraction of the time replaying the migrations would.
import { createHash, randomBytes } from 'node:crypto';
import path from 'node:path';
import type pg from 'pg';
import { withAdminClient } from './admin.ts';
import { quoteIdentifier, withDatabase } from './connection-url.ts';
import { ensureEmbeddedPostgres, repoRoot } from './embedded.ts';
import { applyMigrations } from './migrate.ts';
import { readMigrations } from './migration-files.ts';

/** Serialises template creation across processes (parallel test workers) on one server. */
const templateLockKey = 72707370;

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * The server tests run against: DATABASE_URL when set, else an embedded server of their own
 * (.data/postgres-test, port EMBEDDED_PG_TEST_PORT or 54339). That server is started detached and
 * left running, so test processes can come and go and the next run finds it warm.
 */
export async function ensureTestServer(): Promise<string> {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  const server = await ensureEmbeddedPostgres({
    dataDir: path.join(repoRoot, '.data', 'postgres-test'),
    port: Number(process.env.EMBEDDED_PG_TEST_PORT ?? 54339),
    durable: false,
    keepRunning: true,
  });
  return server.url;
}

/** A new, migrated, uniquely named database on the server; drop() removes it. */
export async function createTestDatabase(serverUrl?: string): Promise<TestDatabase> {
  const server = serverUrl ?? (await ensureTestServer());
  const template = await ensureTemplate(server);
  const name = `tthc_t_${randomBytes(6).toString('hex')}`;
  await withAdminClient(server, (admin) =>
    admin.query(`CREATE DATABASE ${quoteIdentifier(name)} TEMPLATE ${quoteIdentifier(template)}`),
  );
  const url = withDatabase(server, name);
  let dropping: Promise<void> | undefined;
  return {
    url,
    drop: () => {
      dropping ??= withAdminClient(server, async (admin) => {
        // Pools that were just closed may still be saying goodbye: give their connections a moment
        // to go, because a forced drop kills them and each killed client reports an error event
        // that nobody listens to any more. Force only what is still there after that.
        for (let attempt = 0; attempt < 20; attempt++) {
          const { rows } = await admin.query<{ n: number }>(
            'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1',
            [name],
          );
          if (rows[0]!.n === 0) break;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        await admin.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`);
      });
      return dropping;
    },
  };
}

/**
 * The template database for the current migrations, named after their checksums so a changed
 * migration set gets a new one. It is marked IS_TEMPLATE only once fully migrated: a template left
 * unmarked by an interrupted run is rebuilt.
 */
async function ensureTemplate(serverUrl: string): Promise<string> {
  const migrations = await readMigrations();
  const hash = createHash('sha256')
    .update(migrations.map((migration) => `${migration.name}:${migration.checksum}`).join('\n'))
    .digest('hex')
    .slice(0, 16);
  const template = `tthc_template_${hash}`;
  await withAdminClient(serverUrl, async (admin) => {
    if (await isReadyTemplate(admin, template)) return;
    await admin.query('SELECT pg_advisory_lock($1)', [templateLockKey]);
    try {
      if (await isReadyTemplate(admin, template)) return; // built by another worker while we waited
      await admin.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(template)} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${quoteIdentifier(template)}`);
      await applyMigrations(withDatabase(serverUrl, template));
      await admin.query(`ALTER DATABASE ${quoteIdentifier(template)} WITH IS_TEMPLATE true`);
    } finally {
      await admin.query('SELECT pg_advisory_unlock($1)', [templateLockKey]);
    }
  });
  return template;
}

async function isReadyTemplate(admin: pg.Client, name: string): Promise<boolean> {
  const { rows } = await admin.query<{ ready: boolean }>(
    'SELECT datistemplate AS ready FROM pg_database WHERE datname = $1',
    [name],
  );
  return rows[0]?.ready === true;
}
