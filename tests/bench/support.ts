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
