// Vitest global setup: builds the widget once into a temporary folder, with the same command as
// `npm run build`, so the bundle tests check that output without depending on task order.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    widgetDistDir: string;
    /** The hosted <dvc-satisfaction> build (vite.widget.config.ts): hashed files and manifest.json. */
    satisfactionDistDir: string;
  }
}

const packageDir = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const viteCli = path.join(
  path.dirname(createRequire(import.meta.url).resolve('vite/package.json')),
  'bin/vite.js',
);

export default async function setup(project: TestProject) {
  const outDir = await mkdtemp(path.join(tmpdir(), 'tthc-widget-'));
  // The CLI in a child process, as `npm run build` runs it. It inherits NODE_ENV=test from Vitest:
  // vite.config.ts must still produce the production build (the size budget test fails otherwise).
  await promisify(execFile)(
    process.execPath,
    [viteCli, 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'],
    { cwd: packageDir },
  );
  const satisfactionDir = await mkdtemp(path.join(tmpdir(), 'dvc-widget-'));
  await promisify(execFile)(
    process.execPath,
    [
      viteCli,
      'build',
      '-c',
      'vite.widget.config.ts',
      '--outDir',
      satisfactionDir,
      '--emptyOutDir',
      '--logLevel',
      'warn',
    ],
    { cwd: packageDir },
  );
  project.provide('widgetDistDir', outDir);
  project.provide('satisfactionDistDir', satisfactionDir);
  return async () => {
    await rm(outDir, { recursive: true, force: true });
    await rm(satisfactionDir, { recursive: true, force: true });
  };
}
