// Small helpers over postgres:// URLs. Everything that connects gets discrete fields rather than a
// `connectionString`: pg lets `connectionString` override an explicit `database`, which once made a
// "shadow" database silently become the main one (docs/toolchain.md).
import type pg from 'pg';

export function databaseName(url: string): string {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
  return name || 'postgres';
}

/** The same server and credentials, another database. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

export function poolConfig(url: string): pg.PoolConfig {
  const parsed = new URL(url);
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new Error(`Not a PostgreSQL URL: ${parsed.protocol}//…`);
  }
  const params = parsed.searchParams;
  const sslmode = params.get('sslmode');
  return {
    // `?host=/var/run/postgresql` selects a Unix socket directory, as in libpq.
    host: params.get('host') ?? (decodeURIComponent(parsed.hostname.replace(/^\[|\]$/g, '')) || 'localhost'),
    port: parsed.port ? Number(parsed.port) : 5432,
    user: decodeURIComponent(parsed.username) || 'postgres',
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    database: databaseName(url),
    ssl:
      // libpq's `require` encrypts without verifying the certificate; pg cannot fall back from
      // SSL to plain text, so `prefer`/`allow` connect without SSL.
      sslmode === 'require'
        ? { rejectUnauthorized: false }
        : sslmode === 'verify-ca' || sslmode === 'verify-full'
          ? true
          : undefined,
    application_name: params.get('application_name') ?? undefined,
  };
}

export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** The URL without its password, for logs. */
export function redactUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}
