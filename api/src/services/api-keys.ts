import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { ApiScope, PrismaClient } from '@tthc/db';
import { AppError } from '../errors.ts';
import type { Principal } from './access/principal.ts';
import { isSessionToken, type SessionService } from './access/sessions.ts';
import { resolveAgency } from './agencies.ts';
import { audit } from './audit.ts';

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
  const name = input.name.trim();
  if (!name) throw new AppError('BAD_USER_INPUT', 'Tên khóa API không được để trống.');
  const agency = input.agencyCode ? await resolveAgency(prisma, input.agencyCode) : null;
  const prefix = randomBytes(6).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  const row = await prisma.apiKey.create({
    data: {
      name,
      prefix,
      hash: sha256(secret),
      scopes: input.scopes,
      agencyId: agency?.id ?? null,
      ...(input.rateLimitPerMinute ? { rateLimitPerMinute: input.rateLimitPerMinute } : {}),
    },
  });
  await audit(prisma, actor, 'api-key.create', 'ApiKey', String(row.id), { name, scopes: input.scopes });
  return { id: row.id, name, scopes: input.scopes, key: `tthc_${prefix}_${secret}` };
}

export async function revokeApiKey(prisma: PrismaClient, id: number, actor: string): Promise<void> {
  const { count } = await prisma.apiKey.updateMany({
    where: { id, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (count === 0) throw new AppError('NOT_FOUND', `Không có khóa API đang hoạt động với mã ${id}.`);
  await audit(prisma, actor, 'api-key.revoke', 'ApiKey', String(id));
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
