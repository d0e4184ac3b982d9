// The BUILT admin UI (admin-ui/build/index.js, adapter-node) as a child process on a free port,
// pointed at a test API: what `npm start` runs, not a dev server. turbo builds it before the tests
// (turbo.json: @tthc/tests#test depends on @tthc/admin-ui#build).
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

/** ADMIN_UI_BUILD overrides it (a build made elsewhere, e.g. of another checkout). */
const BUILD_DIR =
  process.env.ADMIN_UI_BUILD ?? fileURLToPath(new URL('../../../admin-ui/build/', import.meta.url));

export interface AdminUi {
  /** `http://localhost:<port>`; `localhost` so that cookies marked Secure work over plain HTTP. */
  url: string;
  /** What the server printed so far (stdout and stderr), for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilServing(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`Trang quản trị dừng khi khởi động (mã ${child.exitCode}):\n${output()}`);
    }
    try {
      await fetch(`${url}/`, { redirect: 'manual', signal: AbortSignal.timeout(2_000) });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`Trang quản trị không trả lời sau 30 giây:\n${output()}`);
}

export async function startAdminUi(apiUrl: string): Promise<AdminUi> {
  const entry = `${BUILD_DIR.replace(/\/$/, '')}/index.js`;
  if (!existsSync(entry)) {
    throw new Error(
      `Giao diện quản trị chưa được dựng (${entry} không có): chạy \`npm run build --workspace @tthc/admin-ui\` ` +
        '(`npm test` dựng nó qua turbo).',
    );
  }
  const port = await freePort();
  const url = `http://localhost:${port}`;
  const child = spawn(process.execPath, [entry], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', API_URL: apiUrl, ORIGIN: url },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  // What the UI server reports as a problem (an API it cannot read, an error in a page) goes to the
  // test output, where a failing test is diagnosed.
  child.stderr?.on('data', (chunk: Buffer) => {
    process.stderr.write(chunk.toString().replace(/^(?=.)/gm, '[trang quản trị] '));
  });
  const output = () => log;
  try {
    await waitUntilServing(url, child, output);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    url,
    output,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
