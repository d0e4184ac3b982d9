// The event target behind the pubsub when REDIS_URL is set: every event is delivered to this
// instance's subscribers at once and relayed through Redis pub/sub to the other instances
// (docs/architecture.md "Live fan-out"). Redis is a fan-out aid, never a dependency of a request: a publish while
// Redis is unreachable is dropped for the other instances (local subscribers still get it), never
// queued, never awaited, never thrown; the outage is logged once, and ioredis reconnects on its own.
import { randomUUID } from 'node:crypto';
import { Redis, type RedisOptions } from 'ioredis';
import type { Logger } from '../logger.ts';
import type { Metrics } from '../metrics.ts';
import { createLocalEvents, type LocalEvents } from './local-events.ts';

/** 'connecting' until the first connection; 'down' from a fault until both connections are back. */
export type RelayState = 'connecting' | 'up' | 'down';

export interface RelayStatus {
  state: RelayState;
  /** Events not relayed to the other instances since the current outage began. */
  droppedSinceOutage: number;
}

export interface RedisRelay {
  /** The EventTarget shape createPubSub expects: local listeners, and dispatch = deliver + relay. */
  target: LocalEvents;
  status(): RelayStatus;
  close(): Promise<void>;
}

export interface RelayOptions {
  /** Channel prefix; the relay listens to `${prefix}*`. */
  prefix?: string;
  /** A publish or ping unanswered this long means the connection is dead: it is dropped and redialled. */
  commandTimeoutMs?: number;
  /** How often each connection is pinged (a silent network partition would otherwise go unnoticed). */
  healthCheckMs?: number;
  /** Publishes awaiting Redis's answer beyond this are dropped, so a stalled socket cannot grow memory. */
  maxInFlight?: number;
  /** Where the time from publish to receipt is observed (tthc_pubsub_lag_seconds). */
  metrics?: Pick<Metrics, 'pubsubLag'>;
}

/** Reconnect quickly (the target is usually one hop away) but not in a tight loop. */
const retryStrategy = (attempt: number) => Math.min(100 * attempt, 1000);

export function createRedisRelay(redisUrl: string, logger: Logger, options: RelayOptions = {}): RedisRelay {
  const prefix = options.prefix ?? 'tthc:live:';
  const commandTimeoutMs = options.commandTimeoutMs ?? 2000;
  const maxInFlight = options.maxInFlight ?? 10_000;
  const instance = randomUUID();
  const log = logger.child({ component: 'redis-relay' });

  const clientOptions: RedisOptions = {
    lazyConnect: false,
    // No offline queue and no retries: a command issued while disconnected fails at once instead
    // of waiting (unboundedly) for a reconnect, and nothing stale is replayed after one.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    autoResendUnfulfilledCommands: false,
    // The pattern subscription is re-established by the 'ready' handler below, the only place.
    autoResubscribe: false,
    connectTimeout: commandTimeoutMs,
    commandTimeout: commandTimeoutMs,
    retryStrategy,
  };
  const publisher = new Redis(redisUrl, { ...clientOptions, connectionName: `tthc-pub-${instance}` });
  const subscriber = new Redis(redisUrl, { ...clientOptions, connectionName: `tthc-sub-${instance}` });

  let state: RelayState = 'connecting';
  let outageStarted = 0;
  let dropped = 0;
  let subscribed = false;
  let inFlight = 0;
  let closing = false;

  const fault = (reason: string) => {
    if (closing || state === 'down') return;
    state = 'down';
    outageStarted = Date.now();
    dropped = 0;
    log.error(
      { reason },
      'Redis không truy cập được: sự kiện trực tiếp chỉ đến người theo dõi trên máy chủ này cho tới khi Redis trở lại (đang thử kết nối lại)',
    );
  };
  const maybeUp = () => {
    if (closing || state === 'up' || publisher.status !== 'ready' || !subscribed) return;
    if (state === 'down') {
      log.warn(
        { outageMs: Date.now() - outageStarted, notRelayed: dropped },
        'Redis đã trở lại: sự kiện trực tiếp lại được chuyển giữa các máy chủ',
      );
    }
    state = 'up';
  };
  /** A dead connection that still looks open: drop it (once) so ioredis redials and we resubscribe. */
  const redialing = new Set<Redis>();
  const redial = (client: Redis, reason: string) => {
    fault(reason);
    if (closing || client.status !== 'ready' || redialing.has(client)) return;
    redialing.add(client);
    client.disconnect(true);
  };

  for (const [name, client] of [
    ['publisher', publisher],
    ['subscriber', subscriber],
  ] as const) {
    client.on('error', (err: Error) => fault(`${name}: ${err.message}`));
    client.on('close', () => {
      redialing.delete(client);
      if (client === subscriber) subscribed = false;
      fault(`${name}: connection closed`);
    });
  }
  publisher.on('ready', maybeUp);
  subscriber.on('ready', () => {
    subscriber.psubscribe(`${prefix}*`).then(
      () => {
        subscribed = true;
        maybeUp();
      },
      (err: Error) => redial(subscriber, `subscribe: ${err.message}`),
    );
  });

  const local = createLocalEvents(log);

  subscriber.on('pmessage', (_pattern: string, channel: string, message: string) => {
    let envelope: { from?: unknown; detail?: unknown; at?: unknown } | null = null;
    try {
      envelope = JSON.parse(message);
    } catch {}
    if (typeof envelope !== 'object' || envelope === null) {
      log.warn({ channel }, 'ignored a malformed live event from Redis');
      return;
    }
    // Our own events were delivered locally when published.
    if (envelope.from === instance) return;
    // `at` (the publisher's clock, ms) came with the lag metric; a message from an older instance has none.
    if (typeof envelope.at === 'number')
      options.metrics?.pubsubLag.observe(Math.max(0, Date.now() - envelope.at) / 1000);
    local.dispatchEvent({ type: channel.slice(prefix.length), detail: envelope.detail });
  });

  const drop = (reason: string) => {
    fault(reason);
    dropped += 1;
  };
  const relay = (type: string, detail: unknown) => {
    if (publisher.status !== 'ready') return drop(`publisher ${publisher.status}`);
    if (inFlight >= maxInFlight) return drop('publishes not acknowledged');
    let message: string;
    try {
      message = JSON.stringify({ from: instance, at: Date.now(), detail: detail ?? null });
    } catch (err) {
      log.error({ err: (err as Error).message, type }, 'live event not serialisable; not relayed');
      return;
    }
    inFlight += 1;
    publisher.publish(`${prefix}${type}`, message).then(
      () => {
        inFlight -= 1;
      },
      (err: Error) => {
        inFlight -= 1;
        drop(`publish: ${err.message}`);
        if (/timed out/i.test(err.message)) redial(publisher, 'publish timed out');
      },
    );
  };

  const healthCheck = setInterval(() => {
    for (const client of [publisher, subscriber]) {
      if (client.status !== 'ready') continue;
      client.ping().catch((err: Error) => redial(client, `ping: ${err.message}`));
    }
  }, options.healthCheckMs ?? 5000);
  healthCheck.unref();

  return {
    target: {
      addEventListener: local.addEventListener,
      removeEventListener: local.removeEventListener,
      dispatchEvent(event) {
        local.dispatchEvent(event);
        try {
          relay(event.type, event.detail);
        } catch (err) {
          drop(`publish: ${(err as Error).message}`); // never into the request that published
        }
        return true;
      },
    },
    status: () => ({ state, droppedSinceOutage: state === 'down' ? dropped : 0 }),
    close: async () => {
      closing = true;
      clearInterval(healthCheck);
      publisher.disconnect();
      subscriber.disconnect();
    },
  };
}
