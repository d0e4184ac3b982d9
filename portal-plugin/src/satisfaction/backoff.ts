// Reconnection delays of the live figures. Thousands of portal pages reconnect at once after an API
// restart; full jitter over an exponential window spreads them out (docs/performance.md: one instance
// handles ~10,000 subscribers, so a thundering herd is what to avoid).

export const BACKOFF_BASE_MS = 1000;
export const BACKOFF_MAX_MS = 60_000;

/**
 * Delay before reconnection attempt `attempt` (0 = the first retry): a random point in the upper half
 * of min(max, base·2^attempt), so it never drops to 0 yet bursts spread out.
 */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempt));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}
