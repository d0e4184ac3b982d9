// An empty database (no migrations) on the test server, for the migration runner's tests.
import { randomBytes } from 'node:crypto';
import { withAdminClient } from './admin.ts';
import { quoteIdentifier, withDatabase } from './connection-url.ts';
import { ensureTestServer } from './test-database.ts';

/** An empty database (no migrations) on the test server. */
export async function createEmptyDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const server = await ensureTestServer();
  const name = `tthc_e_${randomBytes(6).toString('hex')}`;
  await withAdminClient(server, (admin) => admin.query(`CREATE DATABASE ${quoteIdentifier(name)}`));
  return {
    url: withDatabase(server, name),
    drop: async () => {
      await withAdminClient(server, (admin) =>
        admin.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`),
      );
    },
  };
}
