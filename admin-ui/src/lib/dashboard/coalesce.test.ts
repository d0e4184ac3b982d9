import { describe, expect, it } from 'vitest';
import { coalesce, type Timers } from './coalesce';

/** A clock the test moves by hand. */
function fakeTimers() {
  let now = 0;
  let queue: { at: number; fn: () => void; id: number }[] = [];
  let ids = 0;
  const timers: Timers = {
    now: () => now,
    setTimeout: (fn, ms) => {
      const id = ++ids;
      queue.push({ at: now + ms, fn, id });
      return id;
    },
    clearTimeout: (id) => {
      queue = queue.filter((t) => t.id !== id);
    },
  };
  const advance = (ms: number) => {
    now += ms;
    for (const t of queue.filter((t) => t.at <= now)) {
      queue = queue.filter((q) => q !== t);
      t.fn();
    }
  };
  return { timers, advance };
}

describe('coalesce', () => {
  it('runs the first change at once and the burst after it once, at the end of the interval', () => {
    const { timers, advance } = fakeTimers();
    let runs = 0;
    const c = coalesce(() => runs++, 1000, timers);
    c.trigger(); // t = 0: at once
    expect(runs).toBe(1);
    advance(100);
    c.trigger(); // t = 100, 300, 900: one run at t = 1000
    advance(200);
    c.trigger();
    advance(600);
    c.trigger();
    expect(runs).toBe(1);
    advance(100);
    expect(runs).toBe(2);
    // Quiet for more than an interval: the next change runs at once again.
    advance(1500);
    c.trigger();
    expect(runs).toBe(3);
  });

  it('never runs more than once per interval under a steady stream', () => {
    const { timers, advance } = fakeTimers();
    let runs = 0;
    const c = coalesce(() => runs++, 1000, timers);
    // A change every 50 ms for 5 s: at most one run per second (t = 0, 1000, …, 5000).
    for (let t = 0; t < 5000; t += 50) {
      c.trigger();
      advance(50);
    }
    advance(1000);
    expect(runs).toBe(6);
  });

  it('forgets a pending run when cancelled', () => {
    const { timers, advance } = fakeTimers();
    let runs = 0;
    const c = coalesce(() => runs++, 1000, timers);
    c.trigger();
    c.trigger();
    c.cancel();
    advance(2000);
    expect(runs).toBe(1);
  });
});
