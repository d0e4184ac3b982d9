import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

/**
 * The secret that signs rating tokens: RATING_SECRET (required in production, the same on every
 * instance), else one generated once for this checkout and kept in .data/rating-secret, so tokens
 * survive restarts and API processes started from the same folder agree.
 */
export function resolveRatingSecret(configured: string | undefined): string {
  if (configured) return configured;
  const file = path.join(repoRoot, '.data', 'rating-secret');
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    mkdirSync(path.dirname(file), { recursive: true });
    const secret = randomBytes(32).toString('hex');
    try {
      writeFileSync(file, secret, { flag: 'wx', mode: 0o600 });
      return secret;
    } catch {
      return readFileSync(file, 'utf8').trim(); // another process created it first
    }
  }
}
