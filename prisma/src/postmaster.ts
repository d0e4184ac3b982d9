// What is left of a PostgreSQL server in its data directory: postmaster.pid names the running
// postmaster (first line: pid). After a `kill -9` of the Node process that spawned it, the
// postmaster lives on as an orphan holding the data directory, and the next start fails (another
// postmaster owns it); these helpers find such a process and shut it down.
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it exists but belongs to someone else (e.g. the postgres user while we are not root).
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  return !isZombie(pid);
}

/** An exited orphan whose new parent has not reaped it yet still answers kill(pid, 0). */
function isZombie(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    return false; // no /proc (macOS): assume it is not
  }
}

export interface Postmaster {
  pid: number;
  port: number;
}

/** The live postmaster serving `dataDir`, if any. */
export async function runningPostmaster(dataDir: string): Promise<Postmaster | undefined> {
  // Line 1: pid; line 4: port.
  const lines = (await readFile(path.join(dataDir, 'postmaster.pid'), 'utf8').catch(() => '')).split('\n');
  const pid = Number.parseInt(lines[0] ?? '', 10);
  const port = Number.parseInt(lines[3] ?? '', 10);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return undefined;
  // A stale pid file's pid may have been reused by an unrelated process: never signal one of those.
  const commandLine = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => undefined);
  if (commandLine !== undefined && !commandLine.split('\0').includes(path.resolve(dataDir))) return undefined;
  return { pid, port };
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid)) {
    if (Date.now() > deadline) return false;
    await sleep(50);
  }
  return true;
}

/** Fast shutdown (SIGINT), then immediate shutdown (SIGQUIT) if it does not exit in time. */
export async function stopPostmaster(pid: number): Promise<void> {
  process.kill(pid, 'SIGINT');
  if (await waitForExit(pid, 10_000)) return;
  process.kill(pid, 'SIGQUIT');
  if (await waitForExit(pid, 5_000)) return;
  throw new Error(`PostgreSQL postmaster ${pid} did not stop`);
}
