// The API as a separate process, as in production, so the load generator does not share its event loop.
import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A larger young generation: with thousands of WebSocket subscribers, per-event garbage otherwise
 * gets promoted and collected in full every few rounds (docs/benchmarks.md "Fan-out").
 */
export const PRODUCTION_NODE_ARGS = ['--max-semi-space-size=64'];

/** Budgets far above what a benchmark sends (API keys get theirs from `rateLimitPerMinute`). */
export const UNLIMITED: Record<string, string> = {
  LIMIT_ANONYMOUS_REQUESTS_PER_MINUTE: '100000000',
  LIMIT_ANONYMOUS_COST_PER_MINUTE: '100000000',
  LIMIT_KEY_COST_PER_MINUTE: '100000000',
  WS_MAX_CONNECTIONS_PER_IP: '100000',
  WS_MAX_SUBSCRIPTIONS_PER_CONNECTION: '100000',
};

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface ApiProcess {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

export async function startApiProcess(
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<ApiProcess> {
  // The production Node settings (README "Running in production"), then API_NODE_ARGS: extra flags,
  // e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
  const nodeArgs = [...PRODUCTION_NODE_ARGS, ...(process.env.API_NODE_ARGS ?? '').split(' ').filter(Boolean)];
  const child = spawn(
    process.execPath,
    [...nodeArgs, '--import', 'tsx', path.join(root, 'api/src/main.ts')],
    {
      cwd: root,
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        PORT: '0',
        HOST: '127.0.0.1',
        SEED_ON_EMPTY: 'false',
        LOG_LEVEL: process.env.API_LOG_LEVEL ?? 'info',
        NODE_ENV: 'production',
        RATING_SECRET: process.env.RATING_SECRET ?? 'bench-rating-secret-'.padEnd(48, 'x'),
        // Throughput benchmarks load one API from one address far beyond any caller's budget
        // (docs/limits.md); `bench limits` measures the limits themselves with the defaults.
        ...UNLIMITED,
        ...env,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`API did not start:\n${output}`)), 60_000);
    // Removed once the URL is known: kept, it would copy the whole log so far at every chunk of the
    // API's access log (O(n²) CPU in the load generator).
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /"url":"(http:\/\/localhost:\d+\/graphql)"/.exec(output);
      if (match) {
        clearTimeout(timer);
        child.stdout!.off('data', onData);
        resolve(match[1]!.replace('localhost', '127.0.0.1'));
      }
    };
    child.stdout!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`API exited with ${code}:\n${output}`)));
  });
  // API_LOG_FILE: keep the API's log (e.g. with API_LOG_LEVEL=debug for per-batch phase timings).
  if (process.env.API_LOG_FILE) child.stdout!.pipe(createWriteStream(process.env.API_LOG_FILE));
  else child.stdout!.resume();
  return {
    url,
    child,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
