// Which Chromium the browser tests drive: Debian's (Playwright's own download is unreachable on the
// machines this project is built on; the README says how). Plain Node, no test framework:
// scripts/test.ts asks the same question to say loudly, after `npm test`, that browser tests skipped.
import { execFileSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
const COMMANDS = ['chromium', 'chromium-browser', 'google-chrome'];

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** CHROMIUM_PATH, then /usr/bin/chromium, /usr/bin/chromium-browser, then whatever `which` finds. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.CHROMIUM_PATH) return executable(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : null;
  for (const path of CANDIDATES) if (executable(path)) return path;
  for (const command of COMMANDS) {
    try {
      const found = execFileSync('which', [command], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      });
      const path = found.trim();
      if (path && executable(path)) return path;
    } catch {
      // not on PATH: try the next name
    }
  }
  return null;
}

/** REQUIRE_BROWSER_TESTS=1 (set by .ci/run): a missing Chromium fails the run instead of skipping. */
export function browserTestsRequired(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.REQUIRE_BROWSER_TESTS === '1';
}

/**
 * What a missing Chromium means, in the test output and in the summary of `npm test`: a skip, or
 * — when browser tests are required — a failure.
 */
export function missingChromiumMessage(env: NodeJS.ProcessEnv = process.env): string {
  const where = env.CHROMIUM_PATH
    ? `CHROMIUM_PATH=${env.CHROMIUM_PATH} không chạy được`
    : `đã tìm CHROMIUM_PATH, ${CANDIDATES.join(', ')} và ${COMMANDS.join(', ')} trên PATH`;
  const verdict = browserTestsRequired(env)
    ? 'THẤT BẠI kiểm thử trình duyệt (REQUIRE_BROWSER_TESTS=1)'
    : 'BỎ QUA kiểm thử trình duyệt';
  return `${verdict}: không tìm thấy Chromium (${where}). Cài bằng \`apt-get install -y chromium\` hoặc đặt CHROMIUM_PATH.`;
}

/**
 * The Chromium for a browser test file: its path, or null to skip the file — unless browser tests
 * are required, when a missing Chromium throws (the file fails).
 */
export function chromiumForTests(env: NodeJS.ProcessEnv = process.env): string | null {
  const path = findChromium(env);
  if (path) return path;
  if (browserTestsRequired(env)) throw new Error(missingChromiumMessage(env));
  console.warn(missingChromiumMessage(env));
  return null;
}
