import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { ApiScope, Prisma, PrismaClient } from '@tthc/db';
import { dayOf } from '../domain/time.ts';
import { AppError } from '../errors.ts';
import type { Principal } from './access/principal.ts';
import { type Admin, EVERYWHERE } from './access/reach.ts';
import { isSessionToken, type SessionService } from './access/sessions.ts';
import { findAgency } from './agencies.ts';
import { audit } from './audit.ts';
import { dayOfDateColumn } from './date-columns.ts';
import { Problems, refused } from './input-refusal.ts';

// Key format: tthc_<12 hex chars of public prefix>_<43 base64url chars of secret>. Only URL-safe
// characters (docs/api.md "Authentication"), and the prefix finds the row without scanning. The secret has 256
// bits of entropy, so a fast SHA-256 is enough: a slow password hash would add latency, not safety.
const KEY_PATTERN = /^tthc_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export const API_SCOPES: readonly ApiScope[] = ['READ', 'INGEST', 'ADMIN'];

export function parseScopes(list: string): ApiScope[] {
  const scopes = list
    .split(',')
    .map((s) => s.trim().toUpperCase())
    .filter(Boolean);
  if (scopes.length === 0)
    throw new AppError('BAD_USER_INPUT', 'Cần ít nhất một phạm vi: read, ingest, admin.');
  for (const s of scopes) {
    if (!API_SCOPES.includes(s as ApiScope)) {
      throw new AppError(
        'BAD_USER_INPUT',
        `Phạm vi không hợp lệ "${s.toLowerCase()}": chỉ có read, ingest, admin.`,
      );
    }
  }
  return [...new Set(scopes as ApiScope[])];
}

export interface NewApiKey {
  name: string;
  scopes: readonly ApiScope[];
  /** Limits the key to this agency's subtree; none: every agency (a system administrator's to give). */
  agencyCode?: string | null | undefined;
  rateLimitPerMinute?: number | null | undefined;
}

const MAX_NAME_LENGTH = 200;
const MAX_RATE_LIMIT = 100_000;

const withAgency = { agency: true } as const;
export type ApiKeyRow = Prisma.ApiKeyGetPayload<{ include: typeof withAgency }>;

/** What the audit log keeps of a key: never its hash. */
const snapshot = (key: ApiKeyRow) => ({
  name: key.name,
  prefix: key.prefix,
  scopes: key.scopes,
  agencyCode: key.agency?.code ?? null,
  rateLimitPerMinute: key.rateLimitPerMinute,
  revokedAt: key.revokedAt?.toISOString() ?? null,
});

/** The agency a new key is limited to, checked against the administrator's reach. */
async function keyAgency(prisma: PrismaClient, code: string | null, by: Admin, problems: Problems) {
  if (!code) {
    if (!by.reach.covers(null)) {
      problems.add(
        ['agencyCode'],
        'OUT_OF_SCOPE',
        'Chỉ quản trị hệ thống được tạo khóa API không giới hạn đơn vị: hãy chọn cơ quan, đơn vị của khóa.',
      );
    }
    return null;
  }
  const agency = await findAgency(prisma, code);
  if (!agency) problems.add(['agencyCode'], 'NOT_FOUND', `Không tìm thấy cơ quan, đơn vị "${code}".`);
  else if (agency.validTo && dayOfDateColumn(agency.validTo) < dayOf(new Date())) {
    problems.add(
      ['agencyCode'],
      'AGENCY_ENDED',
      `${agency.name} đã kết thúc hoạt động: hãy chọn đơn vị kế thừa.`,
    );
  } else if (!by.reach.covers(agency.id)) {
    problems.add(
      ['agencyCode'],
      'OUT_OF_SCOPE',
      `${agency.name} nằm ngoài phạm vi quản trị của bạn: khóa chỉ được giới hạn trong đơn vị được phân quyền và các đơn vị trực thuộc.`,
    );
  }
  return agency;
}

/**
 * A new key; its secret is returned here once and never stored (only its SHA-256). An administrator
 * limited to a subtree issues keys limited to agencies of that subtree (docs/api.md "Roles").
 */
export async function issueApiKey(
  prisma: PrismaClient,
  input: NewApiKey,
  by: Admin,
): Promise<{ apiKey: ApiKeyRow; key: string }> {
  const problems = new Problems();
  const name = input.name.trim();
  if (!name) problems.add(['name'], 'BAD_USER_INPUT', 'Tên khóa API không được để trống.');
  else if (name.length > MAX_NAME_LENGTH) {
    problems.add(['name'], 'BAD_USER_INPUT', `Tên khóa API dài tối đa ${MAX_NAME_LENGTH} ký tự.`);
  }
  const scopes = [...new Set(input.scopes)];
  if (scopes.length === 0)
    problems.add(['scopes'], 'BAD_USER_INPUT', 'Cần ít nhất một phạm vi: read, ingest, admin.');
  const limit = input.rateLimitPerMinute ?? null;
  if (limit !== null && (!Number.isInteger(limit) || limit < 1 || limit > MAX_RATE_LIMIT)) {
    problems.add(
      ['rateLimitPerMinute'],
      'BAD_USER_INPUT',
      `Số yêu cầu mỗi phút là số nguyên từ 1 đến ${MAX_RATE_LIMIT.toLocaleString('vi-VN')}.`,
    );
  }
  const agency = await keyAgency(prisma, input.agencyCode?.trim() || null, by, problems);
  problems.throwIfAny();
  const prefix = randomBytes(6).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  const apiKey = await prisma.$transaction(async (tx) => {
    const row = await tx.apiKey.create({
      data: {
        name,
        prefix,
        hash: sha256(secret),
        scopes,
        agencyId: agency?.id ?? null,
        ...(limit ? { rateLimitPerMinute: limit } : {}),
      },
      include: withAgency,
    });
    await audit(
      tx,
      by.actor,
      'api-key.create',
      'ApiKey',
      String(row.id),
      { after: snapshot(row) },
      {
        agencyId: row.agencyId,
      },
    );
    return row;
  });
  return { apiKey, key: `tthc_${prefix}_${secret}` };
}

/** Revokes a key at once; an administrator limited to a subtree revokes the keys of that subtree. */
export async function revokeKey(prisma: PrismaClient, given: number | string, by: Admin): Promise<ApiKeyRow> {
  const id = /^[1-9][0-9]{0,9}$/.test(String(given)) ? Number(given) : 0;
  const key =
    id > 0 && id <= 2_147_483_647
      ? await prisma.apiKey.findUnique({ where: { id }, include: withAgency })
      : null;
  if (!key) throw refused(['id'], 'NOT_FOUND', `Không có khóa API mã ${given}.`);
  if (!by.reach.covers(key.agencyId)) {
    throw refused(['id'], 'OUT_OF_SCOPE', 'Khóa API này nằm ngoài phạm vi quản trị của bạn.');
  }
  if (key.revokedAt) throw refused(['id'], 'NOTHING_TO_CHANGE', `Khóa API mã ${id} đã bị thu hồi.`);
  return prisma.$transaction(async (tx) => {
    const after = await tx.apiKey.update({
      where: { id },
      data: { revokedAt: new Date() },
      include: withAgency,
    });
    await audit(
      tx,
      by.actor,
      'api-key.revoke',
      'ApiKey',
      String(id),
      { before: snapshot(key), after: snapshot(after) },
      {
        agencyId: key.agencyId,
      },
    );
    return after;
  });
}

// ─── The command line (cli/main.ts) and test helpers: the same rules, from everywhere ────────────

export interface CreatedApiKey {
  id: number;
  name: string;
  scopes: ApiScope[];
  /** Shown once; never stored. */
  key: string;
}

export async function createApiKey(
  prisma: PrismaClient,
  input: { name: string; scopes: ApiScope[]; agencyCode?: string; rateLimitPerMinute?: number },
  actor: string,
): Promise<CreatedApiKey> {
  const { apiKey, key } = await issueApiKey(prisma, input, { actor, reach: EVERYWHERE });
  return { id: apiKey.id, name: apiKey.name, scopes: apiKey.scopes, key };
}

export async function revokeApiKey(prisma: PrismaClient, id: number, actor: string): Promise<void> {
  await revokeKey(prisma, id, { actor, reach: EVERYWHERE });
}

/**
 * Resolves an `Authorization` header. No header → anonymous; a malformed, unknown or revoked key is
 * an error rather than a silent downgrade to anonymous, so a misconfigured client notices at once.
 * Keys are looked up on every request (one indexed query), so a new key works without a restart and
 * a revoked one stops at once.
 */
export async function authenticate(
  prisma: PrismaClient,
  header: string | null | undefined,
  /** Signed-in officials' sessions; without it only API keys are accepted (the national sync). */
  sessions?: Pick<SessionService, 'authenticate'>,
): Promise<Principal> {
  if (!header) return { kind: 'anonymous' };
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (match && sessions && isSessionToken(match[1]!)) return sessions.authenticate(match[1]!);
  const parts = match ? KEY_PATTERN.exec(match[1]!) : null;
  if (!parts) {
    throw new AppError('UNAUTHENTICATED', 'Tiêu đề Authorization phải có dạng "Bearer <khóa API>".');
  }
  const [, prefix, secret] = parts as unknown as [string, string, string];
  const row = await prisma.apiKey.findUnique({ where: { prefix } });
  const expected = Buffer.from(row?.hash ?? sha256(''), 'hex');
  const given = Buffer.from(sha256(secret), 'hex');
  if (!row || row.revokedAt || !timingSafeEqual(expected, given)) {
    throw new AppError('UNAUTHENTICATED', 'Khóa API không hợp lệ hoặc đã bị thu hồi.');
  }
  // Best effort, throttled to once a minute so busy keys do not write on every request.
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    prisma.apiKey.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } }).catch(() => {});
  }
  return {
    kind: 'apiKey',
    keyId: row.id,
    name: row.name,
    scopes: row.scopes,
    agencyId: row.agencyId,
    rateLimitPerMinute: row.rateLimitPerMinute,
  };
}
