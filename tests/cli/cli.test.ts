// The command-line tool, run as a user would, against the same database as a running API.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.ts';
import { rollupSnapshot } from '../support/rollup-snapshot.ts';
import { startSeededApi } from '../support/seeded.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const run = promisify(execFile);

let t: TestApi;
beforeAll(async () => {
  t = await startTestApi();
});
afterAll(async () => {
  await t?.close();
});

const cliOn = (databaseUrl: string, ...args: string[]) =>
  run(process.execPath, ['--import', 'tsx', path.join(root, 'api/src/cli/main.ts'), ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl },
  });
const cli = (...args: string[]) => cliOn(t.api.services.db.url, ...args);

describe('tthc cli', () => {
  it('--help lists the commands', async () => {
    const { stdout } = await cli('--help');
    for (const command of ['api-key', 'user', 'seed', 'rollups', 'migrate'])
      expect(stdout).toContain(command);
  });

  it('rollups rebuild also folds again the dossiers stored before the last change of the fold', async () => {
    // A seeded database whose dossiers look as if a migration had just cleared what the fold stores.
    const seeded = await startSeededApi(40);
    try {
      const pool = seeded.api.services.db.pool;
      const before = await rollupSnapshot(pool);
      const cleared = await pool.query(`UPDATE "Dossier" SET "openJudgements" = NULL, "counterDays" = NULL`);
      expect(cleared.rowCount).toBeGreaterThan(0);
      const { stderr } = await cliOn(seeded.api.services.db.url, 'rollups', 'rebuild');
      expect(stderr).toContain(`Đã tính lại trạng thái của ${cleared.rowCount} hồ sơ theo quy tắc mới.`);
      const stale = await pool.query(
        `SELECT count(*)::int AS n FROM "Dossier" WHERE "openJudgements" IS NULL OR "counterDays" IS NULL`,
      );
      expect(stale.rows[0].n).toBe(0);
      // Folding the same events again gives the same rollups as ingestion did.
      expect(await rollupSnapshot(pool)).toEqual(before);
    } finally {
      await seeded.close();
    }
  }, 120_000);

  it('api-key create prints the key alone on its line, and the running API accepts it at once', async () => {
    const { stdout } = await cli(
      'api-key',
      'create',
      '--name',
      'Hệ thống một cửa thử nghiệm',
      '--scopes',
      'read,ingest',
    );
    const lines = stdout.split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
    const key = lines[0]!;
    expect(key).toMatch(/^[A-Za-z0-9_-]+$/); // URL-safe
    const res = await t.gql('{ viewer { kind name scopes } }', {}, { authorization: `Bearer ${key}` });
    expect(res.data).toEqual({
      viewer: { kind: 'API_KEY', name: 'Hệ thống một cửa thử nghiệm', scopes: ['read', 'ingest'] },
    });
    // Only the hash is stored.
    const row = await t.api.services.prisma.apiKey.findFirstOrThrow({
      where: { name: 'Hệ thống một cửa thử nghiệm' },
    });
    // The secret is what follows the 12-character prefix; it may itself contain "_".
    const secret = /^tthc_[0-9a-f]{12}_(.+)$/.exec(key)![1]!;
    expect(secret).toHaveLength(43);
    expect(JSON.stringify(row)).not.toContain(secret);
  });

  it('rejects an unknown scope with a clear message and a failing exit code', async () => {
    await expect(cli('api-key', 'create', '--name', 'x', '--scopes', 'read,root')).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('root'),
    });
  });

  it('revoking a key takes effect at once', async () => {
    const { stdout } = await cli('api-key', 'create', '--name', 'tạm', '--scopes', 'read');
    const key = stdout.trim();
    const row = await t.api.services.prisma.apiKey.findFirstOrThrow({ where: { name: 'tạm' } });
    await cli('api-key', 'revoke', String(row.id));
    const res = await t.gql('{ viewer { kind } }', {}, { authorization: `Bearer ${key}` });
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('user create stores an argon2id hash, never the password', async () => {
    await cli(
      'user',
      'create',
      '--username',
      'nguyenvana',
      '--name',
      'Nguyễn Văn A',
      '--role',
      'system_admin',
      '--password',
      'mat-khau-du-dai-123',
    );
    const user = await t.api.services.prisma.user.findUniqueOrThrow({
      where: { username: 'nguyenvana' },
      include: { roles: true },
    });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(user.roles.map((r) => r.role)).toEqual(['SYSTEM_ADMIN']);
    await expect(
      cli(
        'user',
        'create',
        '--username',
        'cb',
        '--name',
        'Cán bộ',
        '--role',
        'officer',
        '--password',
        'mat-khau-du-dai-123',
      ),
    ).rejects.toMatchObject({ code: 1 });
  });
});
