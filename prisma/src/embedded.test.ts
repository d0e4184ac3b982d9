// The embedded server across process lifetimes: a `kill -9`'d owner, and a live owner.
import { type ChildProcess, spawn } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import net, { type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { poolConfig } from './connection-url.ts';
import { ensureEmbeddedPostgres } from './embedded.ts';
import { isAlive, runningPostmaster } from './postmaster.ts';

const embeddedModule = fileURLToPath(new URL('./embedded.ts', import.meta.url));
let parentDir: string;
let dataDir: string;
let port: number;

beforeAll(async () => {
  parentDir = await mkdtemp(path.join(tmpdir(), 'tthc-embedded-'));
  // As root, the server runs as the postgres user, which must be able to reach the data directory.
  await chmod(parentDir, 0o755);
  dataDir = path.join(parentDir, 'data');
  port = await freePort();
});

afterAll(async () => {
  const postmaster = await runningPostmaster(dataDir);
  if (postmaster !== undefined) process.kill(postmaster.pid, 'SIGINT');
  await rm(parentDir, { recursive: true, force: true });
});

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A separate Node process (no tsx wrapper process, so a signal reaches Node itself) running the server. */
async function serverInChildProcess(): Promise<ChildProcess> {
  const code = `
    import { ensureEmbeddedPostgres } from ${JSON.stringify(embeddedModule)};
    const server = await ensureEmbeddedPostgres({ dataDir: ${JSON.stringify(dataDir)}, port: ${port} });
    // The owner of the process handles shutdown, as the API does.
    process.on('SIGTERM', () => server.stop().then(() => process.exit(0)));
    console.log('ready');
    setInterval(() => {}, 60_000);`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) resolve();
    });
    child.on('exit', (code) => reject(new Error(`child exited with ${code} before the server was ready`)));
  });
  return child;
}

async function selectOne(url: string): Promise<number> {
  const client = new pg.Client(poolConfig(url));
  await client.connect();
  try {
    return (await client.query<{ one: number }>('SELECT 1 AS one')).rows[0]!.one;
  } finally {
    await client.end();
  }
}

async function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise((resolve) => child.once('exit', resolve));
}

describe('ensureEmbeddedPostgres', () => {
  it('recovers after the Node process that started the server was killed with SIGKILL', async () => {
    const child = await serverInChildProcess();
    const orphan = (await runningPostmaster(dataDir))?.pid;
    expect(orphan).toBeDefined();

    child.kill('SIGKILL');
    await exited(child);
    expect(isAlive(orphan!)).toBe(true); // the postmaster outlived its owner

    const server = await ensureEmbeddedPostgres({ dataDir, port });
    try {
      expect(server.startedHere).toBe(true);
      expect(await selectOne(server.url)).toBe(1);
      expect(isAlive(orphan!)).toBe(false); // the orphan was shut down, not left beside the new one
    } finally {
      await server.stop();
    }
    expect(await runningPostmaster(dataDir)).toBeUndefined();
  }, 30_000);

  it('reuses a server another live process runs, and leaves it running', async () => {
    const child = await serverInChildProcess();
    try {
      const server = await ensureEmbeddedPostgres({ dataDir, port });
      expect(server.startedHere).toBe(false);
      expect(await selectOne(server.url)).toBe(1);
      await server.stop();
      expect(await selectOne(server.url)).toBe(1);
    } finally {
      child.kill('SIGTERM'); // its handler stops the server it started
      await exited(child);
    }
    for (let i = 0; i < 100 && (await runningPostmaster(dataDir)) !== undefined; i++) await sleep(50);
    expect(await runningPostmaster(dataDir)).toBeUndefined();
  }, 30_000);
});
