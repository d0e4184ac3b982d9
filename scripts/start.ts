// `npm start`: the whole system on one machine, nothing to configure. Builds the two front ends
// (turbo caches them), then starts the API (embedded PostgreSQL and demo data when DATABASE_URL is
// unset; it serves the portal widget, the rating page and the /demo portal pages), the admin UI and
// the older procedure-information widget's demo page, and prints their URLs and — outside production —
// the demo accounts to sign in with (api/src/seed/demo-users.ts). Ctrl-C stops everything.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig, startApi } from '@tthc/api';
import { type DemoUser, usableDemoUsers } from '@tthc/api/seed';
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

// The admin UI's server calls the API from this machine and passes each official's address on in
// X-Forwarded-For; the API believes it from loopback only, so per-client limits (sign-in attempts
// included) count officials, not the UI server (docs/limits.md).
process.env.TRUST_PROXY ??= 'loopback';
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
    // Without it adapter-node assumes https://, and SvelteKit's CSRF check refuses every form
    // posted over plain http (the sign-in included).
    ORIGIN: process.env.ADMIN_ORIGIN ?? `http://localhost:${adminPort}`,
    // Catalogue imports upload files of up to 10 MB (adapter-node's default is 512 KB).
    BODY_SIZE_LIMIT: process.env.BODY_SIZE_LIMIT ?? '12M',
  },
});
const demo = await startDemoServer({ port: widgetPort, apiUrl });

const ROLE_LABELS: Record<DemoUser['role'], string> = {
  SYSTEM_ADMIN: 'Quản trị hệ thống',
  UNIT_ADMIN: 'Quản trị đơn vị',
  OFFICER: 'Cán bộ xử lý',
  VIEWER: 'Người xem',
  REFORM_MONITOR: 'Theo dõi CCHC',
};

/** How to sign in to the demo: only accounts that work now, with their password; nothing in production. */
async function signInHelp(): Promise<string> {
  if (config.env === 'production' || !config.demoPassword) return '';
  const users = await usableDemoUsers(api.services.db.pool, config.demoPassword);
  if (users.length === 0) {
    return `
  Chưa có tài khoản mẫu nào đăng nhập được (dữ liệu nạp trước khi có tài khoản mẫu, hoặc mật khẩu
  đã đổi). Nạp lại dữ liệu mẫu kèm tài khoản mẫu (XÓA dữ liệu hiện có): npm run cli -- seed --reset
`;
  }
  const width = Math.max(...users.map((u) => u.username.length));
  const lines = users.map(
    (u) => `    ${u.username.padEnd(width)}  ${ROLE_LABELS[u.role].padEnd(17)}  ${u.purpose}`,
  );
  return `
  Đăng nhập trang quản trị http://localhost:${adminPort}/login bằng một tài khoản mẫu,
  mật khẩu: ${config.demoPassword}   (tài khoản mẫu chỉ có khi phát triển, không có ở production)
${lines.join('\n')}
`;
}

const apiOrigin = `http://localhost:${api.port}`;
const portalDemo = config.demoPages
  ? `
  Cổng DVC minh họa (widget hài lòng):   ${apiOrigin}/demo
  Tra cứu hồ sơ và đánh giá (minh họa):  ${apiOrigin}/demo/tra-cuu`
  : '';

console.log(`
  API GraphQL (GraphiQL khi phát triển): ${api.url}
  Trang quản trị:                        http://localhost:${adminPort}${portalDemo}
  Widget nhúng vào cổng:                 ${apiOrigin}/widget/v1.js
  Trang đánh giá của người dân:          ${config.ratingPageUrl}
  Widget thông tin thủ tục (trang cũ):   ${demo.url}
${await signInHelp()}
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
