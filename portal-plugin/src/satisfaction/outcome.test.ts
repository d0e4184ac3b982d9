import { describe, expect, it } from 'vitest';
import { isSettled, outcomeOf } from './outcome.ts';

describe('outcomeOf', () => {
  it('thanks for a stored rating, and says it replaced the earlier one when there was one', () => {
    expect(outcomeOf({ kind: 'payload', ok: true })).toBe('thanks');
    expect(outcomeOf({ kind: 'payload', ok: true }, true)).toBe('replaced');
    expect(outcomeOf({ kind: 'payload', ok: true, replaced: true })).toBe('replaced');
  });

  it.each([
    ['TOKEN_EXPIRED', 'expired'],
    ['RATING_CLOSED', 'expired'],
    ['INVALID_TOKEN', 'invalid-link'],
    ['UNKNOWN_DOSSIER', 'invalid-link'],
    ['NOT_FINISHED', 'not-finished'],
    ['COMMENT_TOO_LONG', 'comment-too-long'],
    ['RATE_LIMITED', 'rate-limited'],
    ['INVALID_IDEMPOTENCY_KEY', 'error'],
    ['SOMETHING_NEW', 'error'],
  ])('maps the API code %s to %s', (code, outcome) => {
    expect(outcomeOf({ kind: 'payload', ok: false, code })).toBe(outcome);
  });

  it('queues the rating when the network or the server is down, not when the request is refused', () => {
    expect(outcomeOf({ kind: 'network' })).toBe('queued');
    expect(outcomeOf({ kind: 'http', status: 503, code: 'SERVICE_UNAVAILABLE' })).toBe('queued');
    expect(outcomeOf({ kind: 'http', status: 502 })).toBe('queued');
    expect(outcomeOf({ kind: 'http', status: 400, code: 'BAD_USER_INPUT' })).toBe('error');
    expect(outcomeOf({ kind: 'http', status: 413, code: 'PAYLOAD_TOO_LARGE' })).toBe('error');
    expect(outcomeOf({ kind: 'http', status: 429, code: 'RATE_LIMITED' })).toBe('rate-limited');
  });
});

describe('isSettled', () => {
  it('keeps queued and rate-limited ratings for another try, settles the rest', () => {
    expect(isSettled('queued')).toBe(false);
    expect(isSettled('rate-limited')).toBe(false);
    for (const outcome of [
      'thanks',
      'replaced',
      'expired',
      'invalid-link',
      'not-finished',
      'error',
    ] as const) {
      expect(isSettled(outcome), outcome).toBe(true);
    }
  });
});
