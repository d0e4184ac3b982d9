// The demo accounts `npm start` prints (api/src/seed/demo-users.ts): created with the demo data, one
// per role, each signs in over HTTP with the demo password and holds the role it is printed with;
// never in production, and not in a seed that was not asked for them (the other tests' seeds).
import { loadConfig, setUserPassword } from '@tthc/api';
import { DEFAULT_DEMO_PASSWORD, DEMO_USERS, seed, usableDemoUsers } from '@tthc/api/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.ts';
import { SEED_TODAY } from '../support/seeded.ts';

const DEMO_PASSWORD = 'mật-khẩu-mẫu-thử-2026';
const SIGN_IN = `mutation($input: SignInInput!) {
  signIn(input: $input) {
    token
    viewer { username name roles { role agency { code name } } }
    userErrors { code }
  }
}`;

interface SignIn {
  signIn: {
    token: string | null;
    viewer: {
      username: string;
      name: string;
      roles: { role: string; agency: { code: string; name: string } | null }[];
    };
    userErrors: { code: string }[];
  };
}

describe('demo accounts', () => {
  let t: TestApi;
  let plain: TestApi;

  beforeAll(async () => {
    [t, plain] = await Promise.all([startTestApi(), startTestApi()]);
    await Promise.all([
      seed(t.api.services.db, { today: SEED_TODAY, dossiers: 20, demoPassword: DEMO_PASSWORD }),
      seed(plain.api.services.db, { today: SEED_TODAY, dossiers: 20 }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([t?.close(), plain?.close()]);
  });

  it('each signs in with the demo password and has the role and unit it is printed with', async () => {
    const seen: Record<string, string> = {};
    for (const user of DEMO_USERS) {
      const res = await t.gql<SignIn>(SIGN_IN, {
        input: { username: user.username, password: DEMO_PASSWORD },
      });
      expect(res.data?.signIn.userErrors).toEqual([]);
      expect(res.data?.signIn.token).toMatch(/^tthcs_/);
      const grant = res.data!.signIn.viewer.roles.map(
        (r) => `${r.role}@${r.agency?.name ?? 'toàn hệ thống'}`,
      );
      seen[user.username] = grant.join(', ');
    }
    // By hand from agencies.json: 56 is the province after 1/7/2025, 22873 the commune formed that day.
    expect(seen).toEqual({
      qtht: 'SYSTEM_ADMIN@toàn hệ thống',
      'qt.tinh': 'UNIT_ADMIN@Tỉnh Khánh Hòa',
      'qt.phuochau': 'UNIT_ADMIN@Xã Phước Hậu',
      'canbo.phuochau': 'OFFICER@Xã Phước Hậu',
      'xem.phuochau': 'VIEWER@Xã Phước Hậu',
      noivu: 'REFORM_MONITOR@Tỉnh Khánh Hòa',
    });
  });

  it('a wrong password is refused like any other', async () => {
    const res = await t.gql<SignIn>(SIGN_IN, {
      input: { username: 'qtht', password: DEFAULT_DEMO_PASSWORD },
    });
    expect(res.data?.signIn.token).toBeNull();
    expect(res.data?.signIn.userErrors.map((e) => e.code)).toEqual(['INVALID_CREDENTIALS']);
  });

  it('are audited as created by the system, under the unit they concern', async () => {
    const { rows } = await t.api.services.db.pool.query<{ username: string; agency: string | null }>(
      `SELECT l.data->>'username' AS username, a.code AS agency FROM "AuditLog" l
         LEFT JOIN "Agency" a ON a.id = l."agencyId"
        WHERE l.action = 'user.create' AND l.actor = 'SYSTEM' ORDER BY l.id`,
    );
    expect(rows).toEqual([
      { username: 'qtht', agency: null },
      { username: 'qt.tinh', agency: '56' },
      { username: 'qt.phuochau', agency: '22873' },
      { username: 'canbo.phuochau', agency: '22873' },
      { username: 'xem.phuochau', agency: '22873' },
      { username: 'noivu', agency: '56' },
    ]);
  });

  it('npm start prints only the accounts that still sign in with the demo password', async () => {
    const pool = t.api.services.db.pool;
    expect((await usableDemoUsers(pool, DEMO_PASSWORD)).map((u) => u.username)).toEqual(
      DEMO_USERS.map((u) => u.username),
    );
    await setUserPassword(t.api.services.prisma, 'xem.phuochau', 'một-mật-khẩu-khác-2026', 'TEST');
    expect((await usableDemoUsers(pool, DEMO_PASSWORD)).map((u) => u.username)).toEqual([
      'qtht',
      'qt.tinh',
      'qt.phuochau',
      'canbo.phuochau',
      'noivu',
    ]);
    expect(await usableDemoUsers(pool, 'không-phải-mật-khẩu-mẫu')).toEqual([]);
  });

  it('a seed not asked for them has none', async () => {
    const { rows } = await plain.api.services.db.pool.query('SELECT username FROM "User"');
    expect(rows).toEqual([]);
  });

  it('production has no demo password, whatever DEMO_PASSWORD says; development has the documented one', () => {
    const production = { NODE_ENV: 'production', RATING_SECRET: 'r'.repeat(32), DEMO_PASSWORD };
    expect(loadConfig(production).demoPassword).toBeUndefined();
    expect(loadConfig({ NODE_ENV: 'development' }).demoPassword).toBe('demo-tthc-2026');
    expect(loadConfig({ NODE_ENV: 'development', DEMO_PASSWORD }).demoPassword).toBe(DEMO_PASSWORD);
    expect(() => loadConfig({ DEMO_PASSWORD: 'ngắn' })).toThrow(/DEMO_PASSWORD/);
  });
});
