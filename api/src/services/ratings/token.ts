// Rating tokens (docs/domain.md §4.1): issued to the one-stop system for one finished dossier,
// printed on the receipt or sent with the result, and checked when the applicant rates. A token is
// `<payload>.<signature>`: the payload names the dossier and the expiry, the signature is an
// HMAC-SHA256 with the server's secret, so it cannot be forged or moved to another dossier without
// the secret, and nothing needs to be stored to check it (only the issue is recorded, for the
// response-rate chain).
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

interface Payload {
  /** Dossier code. */
  d: string;
  /** Expiry, seconds since the epoch. */
  e: number;
  /** Nonce, so two tokens for one dossier differ. */
  n: string;
}

export type TokenCheck =
  | { ok: true; expiresAt: Date }
  | { ok: false; code: 'INVALID_TOKEN' | 'TOKEN_EXPIRED'; message: string };

const sign = (secret: string, payload: string) =>
  createHmac('sha256', secret).update(payload).digest('base64url');

export function signRatingToken(secret: string, dossierCode: string, expiresAt: Date): string {
  const payload: Payload = {
    d: dossierCode,
    e: Math.floor(expiresAt.getTime() / 1000),
    n: randomBytes(6).toString('base64url'),
  };
  const encoded = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${encoded}.${sign(secret, encoded)}`;
}

export function verifyRatingToken(
  secret: string,
  token: string,
  dossierCode: string,
  now = new Date(),
): TokenCheck {
  const invalid = {
    ok: false,
    code: 'INVALID_TOKEN',
    message: 'Mã đánh giá không hợp lệ cho hồ sơ này.',
  } as const;
  if (typeof token !== 'string' || token.length > 512) return invalid;
  const [encoded, signature, extra] = token.split('.');
  if (!encoded || !signature || extra !== undefined) return invalid;
  const expected = Buffer.from(sign(secret, encoded));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return invalid;
  let payload: Payload;
  try {
    payload = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8')) as Payload;
  } catch {
    return invalid;
  }
  if (payload.d !== dossierCode || typeof payload.e !== 'number') return invalid;
  const expiresAt = new Date(payload.e * 1000);
  if (expiresAt.getTime() < now.getTime()) {
    return { ok: false, code: 'TOKEN_EXPIRED', message: 'Mã đánh giá đã hết hạn.' };
  }
  return { ok: true, expiresAt };
}
