// A lock between processes on one machine, as a file holding the owner's pid: used so that two
// processes starting at once (parallel test workers, `npm start` + `npm test`) do not initialise or
// start the same embedded cluster together. A lock whose owner died is taken over.
import { link, readFile, rm, writeFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { isAlive } from './postmaster.ts';

export async function withFileLock<T>(
  lockPath: string,
  work: () => Promise<T>,
  timeoutMs = 120_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  // Written aside then hard-linked into place: the lock file never exists without its pid.
  const candidate = `${lockPath}.${process.pid}.${Math.random().toString(36).slice(2)}`;
  await writeFile(candidate, `${process.pid}\n`);
  try {
    for (;;) {
      try {
        await link(candidate, lockPath);
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const holder = Number.parseInt(await readFile(lockPath, 'utf8').catch(() => ''), 10);
      if (Number.isInteger(holder) && !isAlive(holder)) {
        await rm(lockPath, { force: true });
        continue;
      }
      if (Date.now() > deadline)
        throw new Error(`Timed out waiting for ${lockPath} (held by process ${holder})`);
      await sleep(100);
    }
  } finally {
    await rm(candidate, { force: true });
  }
  try {
    return await work();
  } finally {
    await rm(lockPath, { force: true });
  }
}
