// Server-level statements (CREATE / DROP DATABASE) run from the server's `postgres` database.
import type pg from 'pg';
import { poolConfig, withDatabase } from './connection-url.ts';
import { standaloneClient } from './standalone-client.ts';

/** Runs `work` on a connection to the `postgres` database of the server `url` points at. */
export async function withAdminClient<T>(url: string, work: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = standaloneClient(poolConfig(withDatabase(url, 'postgres')));
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}
