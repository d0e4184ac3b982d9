import os from 'node:os';
import { createTestDatabase, type TestDatabase } from '@tthc/db';
import pg from 'pg';

/**
 * Benchmarks need durable commits, as in production: they run on DATABASE_URL's server (the
 * machine's PostgreSQL by default), never on the test server, which runs with fsync off.
 */
export const BENCH_SERVER = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export async function benchDatabase(): Promise<TestDatabase> {
  return createTestDatabase(BENCH_SERVER);
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export async function describeMachine(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const settings = await client.query<{ name: string; setting: string }>(
    `SELECT name, setting FROM pg_settings WHERE name IN ('server_version', 'fsync', 'synchronous_commit', 'shared_buffers')`,
  );
  await client.end();
  const pgInfo = settings.rows.map((r) => `${r.name}=${r.setting}`).join(' ');
  return `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, PostgreSQL ${pgInfo}`;
}

export function option(args: string[], name: string, fallback: number): number {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
}

export const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits });

/**
 * The raw PostgreSQL baselines of docs/benchmarks.md "Machine baselines", measured in the same run as the project: scratch
 * tables `bench_rows` and `bench_rollup (k, n)`, `transactions` transactions each doing `write` between
 * BEGIN and COMMIT, `writers` at a time on a pool of `poolSize`. Returns the latency of each.
 */
export async function rawWriteBaseline(
  url: string,
  options: { transactions: number; writers: number; poolSize: number },
  write: (client: pg.PoolClient, i: number) => Promise<void>,
): Promise<{ seconds: number; latencies: number[] }> {
  const pool = new pg.Pool({ connectionString: url, max: options.poolSize });
  await pool.query(`CREATE TABLE bench_rows (id bigserial PRIMARY KEY, k int, v int, at timestamptz);
                    CREATE TABLE bench_rollup (k int PRIMARY KEY, n int NOT NULL)`);
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: options.writers }, async () => {
      while (next < options.transactions) {
        const i = next++;
        const t0 = performance.now();
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          await write(client, i);
          await client.query('COMMIT');
        } finally {
          client.release();
        }
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  await pool.query('DROP TABLE bench_rows, bench_rollup');
  await pool.end();
  return { seconds, latencies };
}
