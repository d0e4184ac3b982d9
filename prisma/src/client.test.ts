import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { withAdminClient } from './admin.ts';
import { openDatabase } from './client.ts';
import { quoteIdentifier, withDatabase } from './connection-url.ts';
import { AgencyLevel } from './index.ts';
import { migrationStatus } from './migrate.ts';
import { ensureTestServer } from './test-database.ts';

describe('openDatabase', () => {
  it('creates the database, migrates it, and serves Prisma and raw SQL from one pool', async () => {
    const server = await ensureTestServer();
    const name = `tthc_o_${randomBytes(6).toString('hex')}`;
    const database = await openDatabase({ url: withDatabase(server, name), poolSize: 3 });
    try {
      expect((await migrationStatus(database.url)).pending).toEqual([]);

      const agency = await database.prisma.agency.create({
        data: {
          code: '22870',
          name: 'Xã Ninh Phước',
          searchText: 'xa ninh phuoc',
          level: AgencyLevel.COMMUNE,
        },
      });
      const { rows } = await database.pool.query<{ name: string }>(
        'SELECT name FROM "Agency" WHERE id = $1',
        [agency.id],
      );
      expect(rows).toEqual([{ name: 'Xã Ninh Phước' }]);
    } finally {
      await database.close();
      await withAdminClient(server, (admin) =>
        admin.query(`DROP DATABASE ${quoteIdentifier(name)} WITH (FORCE)`),
      );
    }
  });
});
