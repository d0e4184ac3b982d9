// The one way services run a transaction on a pooled connection (the rollup rebuild, which may run
// inside a caller's transaction, uses a savepoint of its own in rollups.ts).
import type pg from 'pg';
import type { PhaseTimer } from './phase-timer.ts';

/**
 * Runs `work` in a transaction on a pooled connection: COMMIT when it returns, ROLLBACK when it
 * throws; a connection that cannot even roll back is not handed back to the pool.
 */
export async function inTransaction<T>(
  pool: pg.Pool,
  work: (client: pg.PoolClient) => Promise<T>,
  timer?: PhaseTimer,
): Promise<T> {
  const client = await pool.connect();
  timer?.mark('connect');
  let broken = false;
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    timer?.mark('commit');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {
      broken = true; // the connection is gone: do not hand it back to the pool
    });
    throw error;
  } finally {
    client.release(broken);
  }
}
