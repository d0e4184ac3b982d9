// The minute check of an open WebSocket connection's credential (credential-recheck.ts), on a fake
// clock: the WebSocket test (tests/api/websocket-auth.test.ts) shows the connection closing when it
// subscribes again; this shows it closing without doing anything, which takes a minute for real.
import { GraphQLError } from 'graphql';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../errors.ts';
import { RECHECK_EVERY_MS, recheckCredential } from './credential-recheck.ts';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

const revoked = () => new AppError('UNAUTHENTICATED', 'Khóa API không hợp lệ hoặc đã bị thu hồi.');

describe('recheckCredential', () => {
  it('checks every minute, and closes once when the credential is refused', async () => {
    let valid = true;
    const check = vi.fn(async () => {
      if (!valid) throw revoked();
    });
    const refused = vi.fn();
    recheckCredential(check, refused);
    await vi.advanceTimersByTimeAsync(RECHECK_EVERY_MS - 1);
    expect(check).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(check).toHaveBeenCalledTimes(1);
    expect(refused).not.toHaveBeenCalled();
    valid = false;
    await vi.advanceTimersByTimeAsync(RECHECK_EVERY_MS);
    expect(refused).toHaveBeenCalledTimes(1);
    // Refused once is enough: no more checks for a connection being closed.
    await vi.advanceTimersByTimeAsync(5 * RECHECK_EVERY_MS);
    expect(check).toHaveBeenCalledTimes(2);
    expect(refused).toHaveBeenCalledTimes(1);
  });

  it('keeps the connection when the check fails for another reason (the database away)', async () => {
    const failures = [new Error('Connection terminated unexpectedly'), new GraphQLError('x', {})];
    const check = vi.fn(async () => {
      const next = failures.shift();
      if (next) throw next;
    });
    const refused = vi.fn();
    recheckCredential(check, refused);
    await vi.advanceTimersByTimeAsync(3 * RECHECK_EVERY_MS);
    expect(check).toHaveBeenCalledTimes(3);
    expect(refused).not.toHaveBeenCalled();
  });

  it('stops checking when the connection closes', async () => {
    const check = vi.fn(async () => {});
    const stop = recheckCredential(check, vi.fn());
    await vi.advanceTimersByTimeAsync(RECHECK_EVERY_MS);
    stop();
    await vi.advanceTimersByTimeAsync(3 * RECHECK_EVERY_MS);
    expect(check).toHaveBeenCalledTimes(1);
  });

  it('does not start a check while the previous one is still waiting', async () => {
    let release: () => void = () => {};
    const check = vi.fn(
      () =>
        new Promise<void>((resolve) => {
          release = resolve;
        }),
    );
    recheckCredential(check, vi.fn());
    await vi.advanceTimersByTimeAsync(3 * RECHECK_EVERY_MS);
    expect(check).toHaveBeenCalledTimes(1);
    release();
    await vi.advanceTimersByTimeAsync(RECHECK_EVERY_MS);
    expect(check).toHaveBeenCalledTimes(2);
  });
});
