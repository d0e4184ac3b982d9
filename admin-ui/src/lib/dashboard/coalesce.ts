// Live updates arrive as fast as dossiers are ingested; the dashboard redraws at most once per
// interval: the first change at once, the ones during the interval together at its end.
// Pure (the clock is passed in); unit-tested in coalesce.test.ts.

export interface Timers {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: Timers = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface Coalescer {
  /** A change happened: `run` now, or once at the end of the current interval. */
  trigger(): void;
  /** Forget a pending run (the page is going away). */
  cancel(): void;
}

export function coalesce(run: () => void, intervalMs: number, timers: Timers = realTimers): Coalescer {
  let last = Number.NEGATIVE_INFINITY;
  let pending: unknown = null;
  const fire = () => {
    pending = null;
    last = timers.now();
    run();
  };
  return {
    trigger() {
      if (pending !== null) return;
      const wait = last + intervalMs - timers.now();
      if (wait <= 0) fire();
      else pending = timers.setTimeout(fire, wait);
    },
    cancel() {
      if (pending !== null) timers.clearTimeout(pending);
      pending = null;
    },
  };
}
