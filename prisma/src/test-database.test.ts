import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { withAdminClient } from './admin.ts';
import { databaseName, poolConfig } from './connection-url.ts';
import { migrationStatus } from './migrate.ts';
import { createTestDatabase, ensureTestServer } from './test-database.ts';

async function sectorCodes(url: string): Promise<string[]> {
  const client = new pg.Client(poolConfig(url));
  await client.connect();
  try {
    return (await client.query<{ code: string }>('SELECT code FROM "Sector" ORDER BY code')).rows.map(
      (r) => r.code,
    );
  } finally {
    await client.end();
  }
}

describe('createTestDatabase', () => {
  it('gives each caller its own migrated database', async () => {
    const [a, b] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    try {
      expect(a.url).not.toBe(b.url);
      expect((await migrationStatus(a.url)).pending).toEqual([]);
      expect((await migrationStatus(b.url)).pending).toEqual([]);

      const client = new pg.Client(poolConfig(a.url));
      await client.connect();
      await client.query(`INSERT INTO "Sector" (code, name) VALUES ('TP', 'Tư pháp')`);
      await client.end();

      expect(await sectorCodes(a.url)).toEqual(['TP']);
      expect(await sectorCodes(b.url)).toEqual([]);
    } finally {
      await Promise.all([a.drop(), b.drop()]);
    }
    const server = await ensureTestServer();
    const remaining = await withAdminClient(server, async (admin) => {
      const { rows } = await admin.query('SELECT 1 FROM pg_database WHERE datname = ANY($1)', [
        [databaseName(a.url), databaseName(b.url)],
      ]);
      return rows.length;
    });
    expect(remaining).toBe(0);
  });
});
