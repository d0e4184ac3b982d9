// The API's figures for Prometheus (docs/operations.md "Metrics"): one registry per API instance, so
// that several APIs in one process (the tests) never add to each other's counters. The services that
// produce a figure (ingestion's group commit, the Redis relay) are handed this object; the HTTP side
// (server/request-observer.ts, server/metrics-endpoint.ts) records requests and serves the text.
//
// Cost on the hot paths matters: a cached public read is served ~50,000 times a second, so what it
// records is one increment of a HotCounter (below). Figures that are a state (pool, queues, sockets)
// are read when Prometheus scrapes, never kept up to date per event.
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/** Payers of query cost (server/request-budget.ts); the CLI has no budget. */
export type PayerTier = 'anonymous' | 'apiKey' | 'session';

/** What the response cache answered (server/response-cache.ts). */
export type CacheLookup = 'hit' | 'shared' | 'miss' | 'revalidated';

/** The part of a pg.Pool read at scrape time. */
export interface PoolFigures {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
  options: { max?: number };
}

/** A GraphQL operation name usable as a label: what graphql-js accepts, not longer than 64. */
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
/** Distinct operation names kept as labels; later ones become "other" (each name is a time series). */
export const MAX_OPERATION_LABELS = 200;

/**
 * A counter for the hottest paths: an increment is a Map lookup and an addition (prom-client's own
 * `inc` hashes and validates the labels, ~1 µs); the sums reach prom-client's counter when
 * Prometheus scrapes.
 */
export class HotCounter<L extends string> {
  private readonly pending = new Map<string, { labels: Record<L, string>; value: number }>();

  constructor(
    registry: Registry,
    config: { name: string; help: string; labelNames: readonly L[] },
    private readonly labelNames = config.labelNames,
  ) {
    const pending = this.pending;
    new Counter<L>({
      ...config,
      registers: [registry],
      collect() {
        for (const entry of pending.values()) {
          if (entry.value === 0) continue;
          this.inc(entry.labels, entry.value);
          entry.value = 0;
        }
      },
    });
  }

  inc(labels: Record<L, string>, value = 1): void {
    let key = '';
    for (const name of this.labelNames) key += `${labels[name]}\u0000`;
    const entry = this.pending.get(key);
    if (entry) entry.value += value;
    else this.pending.set(key, { labels: { ...labels }, value });
  }
}

const SECONDS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export class Metrics {
  readonly registry = new Registry();

  /** Every HTTP request: GraphQL by operation name, other paths by route (request-observer.ts). */
  readonly requests = new HotCounter(this.registry, {
    name: 'tthc_requests_total',
    help: 'HTTP requests by GraphQL operation (or route) and outcome: ok, an error code, or the HTTP status class',
    labelNames: ['operation', 'outcome'] as const,
  });

  /**
   * Time to answer, by operation only: the outcome would multiply the series by ~10 for little; the
   * counter above says which outcomes occur. Cached reads and SSE streams are not timed.
   */
  readonly requestDuration = new Histogram({
    name: 'tthc_request_duration_seconds',
    help: 'Time from the request to the end of the answer, by GraphQL operation (or route)',
    labelNames: ['operation'] as const,
    buckets: SECONDS,
    registers: [this.registry],
  });

  readonly costSpent = new Counter({
    name: 'tthc_query_cost_points_total',
    help: 'Query cost points charged to budgets, by payer tier',
    labelNames: ['tier'] as const,
    registers: [this.registry],
  });

  readonly rateLimitRefusals = new Counter({
    name: 'tthc_rate_limit_refusals_total',
    help: 'Operations refused because a budget window was spent, by payer tier and window (requests, cost)',
    labelNames: ['tier', 'window'] as const,
    registers: [this.registry],
  });

  /** For the response cache: one increment per lookup, nothing else on that path. */
  readonly cacheLookups = new HotCounter<'result'>(this.registry, {
    name: 'tthc_response_cache_lookups_total',
    help: 'Response cache lookups by result: hit (this instance), shared (from Redis), miss, revalidated (304)',
    labelNames: ['result'],
  });

  readonly pubsubLag = new Histogram({
    name: 'tthc_pubsub_lag_seconds',
    help: 'Time from publishing a live event on another instance to its receipt here through Redis (includes clock skew)',
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  readonly groupSize = new Histogram({
    name: 'tthc_group_commit_group_size',
    help: 'Jobs written together in one transaction by a group-commit queue (ingest: batches of events)',
    labelNames: ['queue'] as const,
    buckets: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000],
    registers: [this.registry],
  });

  /** SSE streams are counted as they open and close; WebSocket subscriptions are read at scrape time. */
  readonly subscriptions = new Gauge({
    name: 'tthc_subscriptions_active',
    help: 'Open subscriptions by transport: ws (graphql-ws operations) and sse (open event streams)',
    labelNames: ['transport'] as const,
    registers: [this.registry],
    collect: () => {
      if (this.webSockets) this.subscriptions.set({ transport: 'ws' }, this.webSockets().subscriptions);
    },
  });

  private webSockets: (() => { connections: number; subscriptions: number }) | null = null;
  private readonly queues = new Map<string, () => number>();
  private pool: PoolFigures | null = null;
  private readonly operations = new Set<string>();

  constructor() {
    this.subscriptions.set({ transport: 'sse' }, 0);
    const gauge = (name: string, help: string, read: () => number | null) =>
      new Gauge({
        name,
        help,
        registers: [this.registry],
        collect() {
          const value = read();
          if (value !== null) this.set(value);
        },
      });
    gauge(
      'tthc_websocket_connections',
      'Open WebSocket connections',
      () => this.webSockets?.().connections ?? 0,
    );
    const queues = this.queues;
    new Gauge({
      name: 'tthc_group_commit_waiting_jobs',
      help: 'Jobs waiting for a writer in a group-commit queue (ingest: batches of dossier events)',
      labelNames: ['queue'],
      registers: [this.registry],
      collect() {
        for (const [queue, depth] of queues) this.set({ queue }, depth());
      },
    });
    gauge(
      'tthc_db_pool_connections',
      'Open connections of the PostgreSQL pool',
      () => this.pool?.totalCount ?? null,
    );
    gauge(
      'tthc_db_pool_idle_connections',
      'Idle connections of the PostgreSQL pool',
      () => this.pool?.idleCount ?? null,
    );
    gauge(
      'tthc_db_pool_waiting_queries',
      'Queries waiting for a connection of the PostgreSQL pool',
      () => this.pool?.waitingCount ?? null,
    );
    gauge(
      'tthc_db_pool_max_connections',
      'Most connections the PostgreSQL pool opens',
      () => this.pool?.options.max ?? null,
    );
  }

  /** The pool the requests use, read at scrape time. */
  watchPool(pool: PoolFigures): void {
    this.pool = pool;
  }

  /** A group-commit queue's backlog, read at scrape time. */
  watchQueue(name: string, depth: () => number): void {
    this.queues.set(name, depth);
  }

  /** The Redis relay's state (services/live/redis-relay.ts), read at scrape time; no figure without Redis. */
  watchRelay(up: () => boolean): void {
    new Gauge({
      name: 'tthc_pubsub_relay_up',
      help: 'Whether the Redis relay of live events is up (1) or not (0); absent without Redis',
      registers: [this.registry],
      collect() {
        this.set(up() ? 1 : 0);
      },
    });
  }

  /** The WebSocket endpoint's open connections and subscriptions, read at scrape time. */
  watchWebSockets(read: () => { connections: number; subscriptions: number }): void {
    this.webSockets = read;
  }

  /**
   * The label of a GraphQL operation name: the name itself for the first {@link MAX_OPERATION_LABELS}
   * distinct well-formed names (and the reserved ones), else "other" — names are the client's choice,
   * and every distinct label is a time series kept forever.
   */
  operationLabel(name: string): string {
    if (this.operations.has(name)) return name;
    if (this.operations.size >= MAX_OPERATION_LABELS || !OPERATION_NAME.test(name)) return 'other';
    this.operations.add(name);
    return name;
  }

  /** Names that keep their label whatever else came first (the persisted operations). */
  reserveOperations(names: Iterable<string>): void {
    for (const name of names) if (OPERATION_NAME.test(name)) this.operations.add(name);
  }

  /** The text Prometheus scrapes: this instance's figures, then the process's. */
  async scrape(): Promise<{ contentType: string; body: string }> {
    const [own, shared] = await Promise.all([this.registry.metrics(), processRegistry().metrics()]);
    return { contentType: this.registry.contentType, body: `${own}\n${shared}` };
  }
}

let processMetrics: Registry | null = null;

/**
 * CPU, memory, event-loop lag, GC and handles belong to the process, not to an API instance: they are
 * collected once per process (prom-client's collectors install observers that are never removed, so
 * one set per started API would pile up in the tests) and appended to every instance's scrape.
 */
function processRegistry(): Registry {
  if (!processMetrics) {
    processMetrics = new Registry();
    collectDefaultMetrics({ register: processMetrics, prefix: 'tthc_' });
  }
  return processMetrics;
}
