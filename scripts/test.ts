// `npm test`: every test of every workspace (unit, integration against a real PostgreSQL, browser).
// With DATABASE_URL unset, an embedded PostgreSQL in .data/postgres-test serves the run; each
// integration test file creates its own database on that server, so files run in parallel.
// Browser tests need a Chromium: without one they skip, and the summary says so loudly at the end;
// with REQUIRE_BROWSER_TESTS=1 (.ci/run) a missing Chromium fails the run.
import { spawn } from 'node:child_process';
import { ensureTestServer } from '@tthc/db';
import {
  browserTestsRequired,
  findChromium,
  missingChromiumMessage,
} from '../tests/browser/support/chromium.ts';

const serverUrl = await ensureTestServer().catch((err: Error) => {
  // A test server that cannot start says why in one message, without a stack trace.
  console.error(`Không khởi động được PostgreSQL cho kiểm thử: ${err.message}`);
  process.exit(1);
});
const args = ['turbo', 'run', 'test', '--concurrency=2', ...process.argv.slice(2)];
const child = spawn('npx', args, {
  stdio: 'inherit',
  env: { ...process.env, DATABASE_URL: serverUrl, TURBO_TELEMETRY_DISABLED: '1' },
});
const code: number = await new Promise((resolve) => child.on('exit', (c) => resolve(c ?? 1)));

// After the run, where the eye falls: a skip buried in the middle of the log goes unseen.
if (!findChromium()) {
  const text = missingChromiumMessage();
  const rule = '!'.repeat(100);
  console.error(`\n${rule}\n${text}\n${rule}\n`);
  if (browserTestsRequired()) process.exit(code || 1);
}
// The embedded server (if any) is left running for the next run: starting it costs more than it saves.
process.exit(code);
