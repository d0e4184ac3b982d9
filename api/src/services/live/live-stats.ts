// statsChanged fan-out: ONE watch per (scope, period) that anyone subscribes to, not one per subscriber.
// The watch listens to 'stats:changed', coalesces the changes that touch its scope (at most one tick
// per interval, the first at once), computes the figures once per tick and hands the same result to
// every subscriber. Per-subscriber pubsub listeners, timers and queries would cost 10,000 identical
// queries per change at 10,000 subscribers (docs/benchmarks.md "Machine baselines", graphql-ws fan-out), and the memory and
// promise hops of two Repeaters per subscription.
//
// A new subscriber gets the watch's latest figures if they were computed in the last second (or
// are being computed): the watch has been listening since before they were computed, so any later
// change of the scope it heard of is already scheduled for every subscriber, the new one included.
import type pg from 'pg';
import { computeStats, type Period, type Scope, type ServiceStats, scopeTouchedBy } from '../stats.ts';
import type { PubSub } from './pubsub.ts';

/** What subscribers are pushed: one object per computation, shared by all of them. */
export type StatsTick = { figures: ServiceStats } | { error: Error };

/** Figures this recent are good enough as a new subscriber's first ones. */
const REUSE_FOR_NEW_SUBSCRIBERS_MS = 1000;
/** Subscribers handed a tick per turn of the event loop (see deliverInSlices). */
const DELIVERY_SLICE = 500;

interface Computation {
  seq: number;
  startedAt: number;
  tick: Promise<StatsTick>;
}

interface Subscriber {
  deliver(seq: number, tick: StatsTick): void;
}

/** Watches by event bus (tests run several APIs in one process), then by scope and period. */
const watches = new WeakMap<PubSub, Map<string, StatsWatch>>();

/**
 * The figures of `scope` over `period` now, then after every change that touches the scope, at most
 * every `minIntervalMs`. A subscriber that falls behind skips to the latest figures.
 */
export function watchStats(
  services: { db: { pool: pg.Pool }; pubsub: PubSub },
  scope: Scope,
  period: Period,
  minIntervalMs: number,
): AsyncIterableIterator<StatsTick> {
  const byKey = watches.get(services.pubsub) ?? new Map<string, StatsWatch>();
  watches.set(services.pubsub, byKey);
  const key = JSON.stringify([scope.agencyIds, scope.procedureId, period.from, period.to]);
  let watch = byKey.get(key);
  if (!watch) {
    // The pool and bus only: the watch outlives the subscription (and context) that created it.
    const { pool } = services.db;
    watch = new StatsWatch(pool, services.pubsub, scope, period, minIntervalMs, () => byKey.delete(key));
    byKey.set(key, watch);
  }
  return subscribe(watch);
}

/** The resolver's side of a tick. */
export function figuresOf(tick: StatsTick): ServiceStats {
  if ('error' in tick) throw tick.error;
  return tick.figures;
}

class StatsWatch {
  private readonly subscribers = new Set<Subscriber>();
  private readonly changes: AsyncIterator<{ agencyIds: number[]; procedureIds: number[] }>;
  private latest: Computation | null = null;
  private seq = 0;
  private timer: NodeJS.Timeout | null = null;
  private lastTick = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly pool: pg.Pool,
    pubsub: PubSub,
    private readonly scope: Scope,
    private readonly period: Period,
    private readonly minIntervalMs: number,
    private readonly onIdle: () => void,
  ) {
    this.changes = pubsub.subscribe('stats:changed')[Symbol.asyncIterator]();
    // The first next() registers the listener synchronously, before any figures are computed.
    void this.listen();
  }

  private async listen(): Promise<void> {
    for (;;) {
      const next = await this.changes.next();
      if (next.done) return;
      if (touches(this.scope, next.value)) this.schedule();
    }
  }

  add(subscriber: Subscriber): void {
    this.subscribers.add(subscriber);
    const latest = this.latest;
    const reusable = latest && latest.startedAt >= Date.now() - REUSE_FOR_NEW_SUBSCRIBERS_MS;
    const computation = reusable ? latest : this.compute();
    computation.tick.then((tick) => subscriber.deliver(computation.seq, tick));
  }

  remove(subscriber: Subscriber): void {
    this.subscribers.delete(subscriber);
    if (this.subscribers.size > 0) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.onIdle();
    void this.changes.return?.();
  }

  private schedule(): void {
    if (this.timer || this.subscribers.size === 0) return; // a tick is due and will carry this change too
    this.timer = setTimeout(() => this.tick(), Math.max(0, this.lastTick + this.minIntervalMs - Date.now()));
  }

  private tick(): void {
    this.timer = null;
    this.lastTick = Date.now();
    const computation = this.compute();
    computation.tick.then((tick) => deliverInSlices([...this.subscribers], computation.seq, tick));
  }

  /** Starts computing now, hence after every change heard of so far (they are published after commit). */
  private compute(): Computation {
    this.seq += 1;
    const computation: Computation = {
      seq: this.seq,
      startedAt: Date.now(),
      tick: computeStats(this.pool, this.scope, this.period).then(
        (figures) => ({ figures }),
        (error: Error) => {
          if (this.latest === computation) this.latest = null; // never hand an error to newcomers
          return { error };
        },
      ),
    };
    this.latest = computation;
    return computation;
  }
}

/**
 * Hands a tick to the subscribers a slice at a time, yielding to the event loop in between: a fan-out
 * to 10,000 subscribers is ~0.4 s of CPU, and queries and mutations on this instance should not wait
 * for all of it. (Measured: the time to the last subscriber is the same with or without slices.)
 */
function deliverInSlices(subscribers: Subscriber[], seq: number, tick: StatsTick, from = 0): void {
  const to = Math.min(subscribers.length, from + DELIVERY_SLICE);
  for (let i = from; i < to; i++) subscribers[i]!.deliver(seq, tick);
  if (to < subscribers.length) setImmediate(deliverInSlices, subscribers, seq, tick, to);
}

/** A malformed change (from another instance, through Redis) counts as touching: recomputing is safe. */
function touches(scope: Scope, change: { agencyIds: number[]; procedureIds: number[] }): boolean {
  try {
    return scopeTouchedBy(scope, change);
  } catch {
    return true;
  }
}

/** One subscriber's stream: at most one tick pending (the latest), delivered in computation order. */
function subscribe(watch: StatsWatch): AsyncIterableIterator<StatsTick> {
  let pending: StatsTick | null = null;
  let lastSeq = 0;
  let wake: ((result: IteratorResult<StatsTick>) => void) | null = null;
  let done = false;
  const subscriber: Subscriber = {
    deliver(seq, tick) {
      if (done || seq <= lastSeq) return;
      lastSeq = seq;
      if (!wake) {
        pending = tick;
        return;
      }
      const resume = wake;
      wake = null;
      resume({ value: tick, done: false });
    },
  };
  const finish = (): Promise<IteratorResult<StatsTick>> => {
    if (!done) {
      done = true;
      pending = null;
      watch.remove(subscriber);
      wake?.({ value: undefined, done: true });
      wake = null;
    }
    return Promise.resolve({ value: undefined, done: true });
  };
  const iterator: AsyncIterableIterator<StatsTick> = {
    next: () => {
      if (pending) {
        const value = pending;
        pending = null;
        return Promise.resolve({ value, done: false });
      }
      if (done) return Promise.resolve({ value: undefined, done: true });
      return new Promise((resolve) => (wake = resolve));
    },
    return: finish,
    throw: (error: unknown) => finish().then(() => Promise.reject(error)),
    [Symbol.asyncIterator]: () => iterator,
  };
  watch.add(subscriber);
  return iterator;
}
