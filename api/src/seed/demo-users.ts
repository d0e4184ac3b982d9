// Demo accounts, one per role, so that whoever runs `npm start` can sign in to the admin UI at once
// (README, first screen). They exist only with the demo data and never in production: the config
// gives no demo password when NODE_ENV=production (server/config.ts), and without one nothing here runs.
import { hash, verify } from '@node-rs/argon2';
import type { Role } from '@tthc/db';
import type { Queryable } from './bulk-insert.ts';

/**
 * The documented development password of every demo account (DEMO_PASSWORD overrides it). It is
 * public on purpose: demo data only, on a developer's machine.
 */
export const DEFAULT_DEMO_PASSWORD = 'demo-tthc-2026';

/**
 * The demo accounts' password for this environment: DEMO_PASSWORD, else the documented default; none
 * in production, whatever DEMO_PASSWORD says (no demo accounts there).
 */
export function demoPasswordFor(env: NodeJS.ProcessEnv): string | undefined {
  if ((env.NODE_ENV ?? 'development') === 'production') return undefined;
  const password = env.DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD;
  if (password.length < 12) throw new Error('DEMO_PASSWORD must be at least 12 characters');
  return password;
}

export interface DemoUser {
  username: string;
  displayName: string;
  role: Role;
  /** The agency whose subtree the role covers (its current holder of the code); null: everywhere. */
  agencyCode: string | null;
  /** What the account is for, shown by `npm start`. */
  purpose: string;
}

/**
 * Province 56 = Khánh Hòa after the 1/7/2025 reform (provincial level: it edits the catalogue);
 * 22873 = xã Phước Hậu formed on 1/7/2025 (the code was reused, docs/domain.md §0).
 */
export const DEMO_USERS: readonly DemoUser[] = [
  {
    username: 'qtht',
    displayName: 'Quản trị hệ thống (tài khoản mẫu)',
    role: 'SYSTEM_ADMIN',
    agencyCode: null,
    purpose: 'toàn hệ thống: lịch làm việc, bộ câu hỏi khảo sát, mọi cơ quan và tài khoản',
  },
  {
    username: 'qt.tinh',
    displayName: 'Quản trị tỉnh Khánh Hòa (tài khoản mẫu)',
    role: 'UNIT_ADMIN',
    agencyCode: '56',
    purpose: 'tỉnh Khánh Hòa: danh mục thủ tục của tỉnh, cơ quan và tài khoản trong tỉnh',
  },
  {
    username: 'qt.phuochau',
    displayName: 'Quản trị xã Phước Hậu (tài khoản mẫu)',
    role: 'UNIT_ADMIN',
    agencyCode: '22873',
    purpose: 'xã Phước Hậu: thông tin đơn vị, thủ tục thực hiện, tài khoản, ẩn bình luận',
  },
  {
    username: 'canbo.phuochau',
    displayName: 'Cán bộ xã Phước Hậu (tài khoản mẫu)',
    role: 'OFFICER',
    agencyCode: '22873',
    purpose: 'xã Phước Hậu: nhập phiếu khảo sát giấy, điểm tự chấm',
  },
  {
    username: 'xem.phuochau',
    displayName: 'Người xem xã Phước Hậu (tài khoản mẫu)',
    role: 'VIEWER',
    agencyCode: '22873',
    purpose: 'xã Phước Hậu: xem số liệu và bình luận',
  },
  {
    username: 'noivu',
    displayName: 'Sở Nội vụ tỉnh Khánh Hòa',
    role: 'REFORM_MONITOR',
    agencyCode: '56',
    purpose: 'tỉnh Khánh Hòa: theo dõi cải cách hành chính, nhập nhiệm vụ, đôn đốc, điểm thẩm định, báo cáo',
  },
];

/**
 * Creates the demo accounts that do not exist yet (an existing account, even changed or deactivated
 * by an admin, is left alone) and returns the usernames created. An account whose agency is not in
 * the database (not the demo data) is not created.
 */
export async function seedDemoUsers(db: Queryable, password: string): Promise<string[]> {
  // argon2id with the library's recommended cost, as services/users.ts createUser; in parallel (5 hashes).
  const hashes = await Promise.all(DEMO_USERS.map(() => hash(password)));
  const created: string[] = [];
  for (const [i, user] of DEMO_USERS.entries()) {
    let agencyId: number | null = null;
    if (user.agencyCode !== null) {
      // The code's current holder (still valid), as findAgency resolves a code without a day.
      const { rows } = await db.query<{ id: number }>(
        `SELECT id FROM "Agency" WHERE code = $1
          ORDER BY "validTo" DESC NULLS FIRST, "validFrom" DESC NULLS LAST LIMIT 1`,
        [user.agencyCode],
      );
      if (!rows[0]) continue;
      agencyId = rows[0].id;
    }
    const inserted = await db.query<{ id: number }>(
      `INSERT INTO "User" (username, "displayName", "passwordHash", "updatedAt")
       VALUES ($1, $2, $3, now()) ON CONFLICT (username) DO NOTHING RETURNING id`,
      [user.username, user.displayName, hashes[i]],
    );
    const userId = inserted.rows[0]?.id;
    if (userId === undefined) continue;
    await db.query(`INSERT INTO "UserRole" ("userId", role, "agencyId") VALUES ($1, $2::"Role", $3)`, [
      userId,
      user.role,
      agencyId,
    ]);
    // As createUser does: the account's creation is in the audit log, under the unit it concerns.
    await db.query(
      `INSERT INTO "AuditLog" (actor, action, entity, "entityId", "agencyId", data)
       VALUES ('SYSTEM', 'user.create', 'User', $1, $2, $3::jsonb)`,
      [String(userId), agencyId, JSON.stringify({ username: user.username, role: user.role, demo: true })],
    );
    created.push(user.username);
  }
  return created;
}

/**
 * The demo accounts one can sign in to with `password` right now: present, active, the password not
 * changed since. `npm start` prints these, so what it prints works.
 */
export async function usableDemoUsers(db: Queryable, password: string): Promise<DemoUser[]> {
  const { rows } = await db.query<{ username: string; passwordHash: string }>(
    `SELECT username, "passwordHash" FROM "User" WHERE active AND username = ANY($1::text[])`,
    [DEMO_USERS.map((u) => u.username)],
  );
  const matches = await Promise.all(
    rows.map(async (r) => ((await verify(r.passwordHash, password).catch(() => false)) ? r.username : null)),
  );
  return DEMO_USERS.filter((u) => matches.includes(u.username));
}
