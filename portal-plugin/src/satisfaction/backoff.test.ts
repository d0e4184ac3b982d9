import { describe, expect, it } from 'vitest';
import { BACKOFF_MAX_MS, backoffDelay } from './backoff.ts';

describe('backoffDelay', () => {
  it('doubles the window each attempt: 1 s, 2 s, 4 s, … with the delay in its upper half', () => {
    // random() = 0 gives the lower bound (half the window), random() → 1 the window itself.
    expect([0, 1, 2, 3, 4].map((attempt) => backoffDelay(attempt, () => 0))).toEqual([
      500, 1000, 2000, 4000, 8000,
    ]);
    expect([0, 1, 2, 3, 4].map((attempt) => backoffDelay(attempt, () => 1))).toEqual([
      1000, 2000, 4000, 8000, 16000,
    ]);
  });

  it('stops growing at one minute', () => {
    // 2^6 s = 64 s > 60 s: capped from attempt 6 on, also far beyond.
    expect(backoffDelay(6, () => 1)).toBe(BACKOFF_MAX_MS);
    expect(backoffDelay(50, () => 1)).toBe(60_000);
    expect(backoffDelay(50, () => 0)).toBe(30_000);
  });

  it('spreads clients out: two random draws give different delays', () => {
    expect(backoffDelay(3, () => 0.1)).toBe(4400);
    expect(backoffDelay(3, () => 0.9)).toBe(7600);
  });
});
