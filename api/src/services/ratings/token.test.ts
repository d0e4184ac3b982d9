import { describe, expect, it } from 'vitest';
import { signRatingToken, verifyRatingToken } from './token.ts';

const SECRET = 'a'.repeat(64);
const later = new Date('2026-12-31T00:00:00Z');

describe('rating tokens', () => {
  it('verify for their dossier until they expire', () => {
    const token = signRatingToken(SECRET, 'H56.14-261008-0975', later);
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/); // URL-safe
    expect(verifyRatingToken(SECRET, token, 'H56.14-261008-0975', new Date('2026-12-01'))).toEqual({
      ok: true,
      expiresAt: later,
    });
    expect(verifyRatingToken(SECRET, token, 'H56.14-261008-0975', new Date('2027-01-01'))).toMatchObject({
      ok: false,
      code: 'TOKEN_EXPIRED',
    });
  });

  it('cannot be moved to another dossier, forged without the secret, or tampered with', () => {
    const token = signRatingToken(SECRET, 'A-1', later);
    const now = new Date('2026-12-01');
    expect(verifyRatingToken(SECRET, token, 'A-2', now)).toMatchObject({ ok: false, code: 'INVALID_TOKEN' });
    expect(verifyRatingToken('b'.repeat(64), token, 'A-1', now)).toMatchObject({
      ok: false,
      code: 'INVALID_TOKEN',
    });
    const [payload, signature] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ d: 'A-2', e: 2e9, n: 'x' })).toString('base64url');
    expect(verifyRatingToken(SECRET, `${forged}.${signature}`, 'A-2', now)).toMatchObject({ ok: false });
    expect(verifyRatingToken(SECRET, `${payload}.${signature}x`, 'A-1', now)).toMatchObject({ ok: false });
    expect(verifyRatingToken(SECRET, 'garbage', 'A-1', now)).toMatchObject({
      ok: false,
      code: 'INVALID_TOKEN',
    });
  });

  it('differ for each issue', () => {
    expect(signRatingToken(SECRET, 'A-1', later)).not.toBe(signRatingToken(SECRET, 'A-1', later));
  });
});
