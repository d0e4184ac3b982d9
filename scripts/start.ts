// `npm start`: the whole system on one machine, nothing to configure. Builds the two front ends
// (turbo caches them), then starts the API (embedded PostgreSQL and demo data when DATABASE_URL is
// unset), the admin UI and the widget demo page, and prints their URLs. Ctrl-C stops everything.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig, startApi } from '@tthc/api';
// @ts-expect-error plain ESM module without types
import { startDemoServer } from '../portal-plugin/scripts/serve-demo.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const adminPort = Number(process.env.ADMIN_PORT ?? 3000);
const widgetPort = Number(process.env.WIDGET_PORT ?? 5173);

console.log('Đang dựng giao diện quản trị và widget…');
const build = spawnSync(
  'npx',
  [
    'turbo',
    'run',
    'build',
    '--filter=@tthc/admin-ui',
    '--filter=@tthc/portal-plugin',
    '--output-logs=errors-only',
  ],
  { cwd: root, stdio: 'inherit', env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' } },
);
if (build.status !== 0) {
  console.error('Dựng giao diện thất bại.');
  process.exit(1);
}

/** A start that cannot succeed (bad setting, no database) says why in one message, without a stack trace. */
async function orExit<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    console.error(`Không khởi động được: ${(err as Error).message}`);
    process.exit(1);
  }
}

const config = await orExit(async () => loadConfig());
const api = await orExit(() => startApi(config));
const apiUrl = process.env.API_URL ?? api.url;

const admin: ChildProcess = spawn(process.execPath, [path.join(root, 'admin-ui/build/index.js')], {
  stdio: 'inherit',
  env: {
    ...process.env,
    PORT: String(adminPort),
    HOST: process.env.ADMIN_HOST ?? '0.0.0.0',
    API_URL: apiUrl,
  },
});
const demo = await startDemoServer({ port: widgetPort, apiUrl });

console.log(`
  API GraphQL (GraphiQL khi phát triển): ${api.url}
  Trang quản trị:                        http://localhost:${adminPort}
  Trang minh họa widget cổng DVC:        ${demo.url}
  Nhấn Ctrl-C để dừng.
`);

let stopping = false;
async function stop(code: number) {
  if (stopping) process.exit(1);
  stopping = true;
  admin.kill('SIGTERM');
  await Promise.allSettled([demo.close(), api.stop()]);
  process.exit(code);
}
admin.on('exit', (code) => {
  if (!stopping) {
    console.error(`Trang quản trị dừng bất ngờ (mã ${code}).`);
    void stop(1);
  }
});
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
