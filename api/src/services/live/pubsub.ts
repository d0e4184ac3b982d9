import { createPubSub } from 'graphql-yoga';
import type { Logger } from '../logger.ts';
import type { Metrics } from '../metrics.ts';
import { createLocalEvents, type LocalEvents } from './local-events.ts';
import { createRedisRelay, type RelayStatus } from './redis-relay.ts';

/** Topics and their payloads. Payloads carry ids and figures, never personal data. */
export type Topics = {
  'calendar:changed': [{ dates: string[] }];
  /** Dossier figures moved for these agencies and procedures (ingestion, ratings). */
  'stats:changed': [{ agencyIds: number[]; procedureIds: number[] }];
  /** A rating was accepted (payload without personal data; the comment is read back only for officials). */
  'rating:submitted': [
    { ratingId: string; agencyId: number; procedureId: number; level: string; submittedAt: string },
  ];
};

export type PubSub = ReturnType<typeof createPubSub<Topics>>;

/** How live events travel: in memory (one instance) or relayed through Redis, and its state. */
export type EventBusStatus = { mode: 'memory' } | ({ mode: 'redis' } & RelayStatus);

const statusOf = new WeakMap<PubSub, () => EventBusStatus>();

/** For /readyz (informational: an instance without Redis still serves, see redis-relay.ts). */
export function eventBusStatus(pubsub: PubSub): EventBusStatus {
  return statusOf.get(pubsub)?.() ?? { mode: 'memory' };
}

/**
 * In memory on one instance; with REDIS_URL, Redis pub/sub so every API instance behind a load
 * balancer fans out the same events (docs/architecture.md "Live fan-out"). Publishing never throws nor waits.
 */
export function createEventBus(
  redisUrl: string | undefined,
  logger: Logger,
  metrics?: Metrics,
): { pubsub: PubSub; close(): Promise<void> } {
  if (!redisUrl) {
    return {
      pubsub: createPubSub<Topics>({ eventTarget: asTarget(createLocalEvents(logger)) }),
      close: async () => {},
    };
  }
  const relay = createRedisRelay(redisUrl, logger, metrics ? { metrics } : {});
  metrics?.watchRelay(() => relay.status().state === 'up');
  const pubsub = createPubSub<Topics>({ eventTarget: asTarget(relay.target) });
  statusOf.set(pubsub, () => ({ mode: 'redis', ...relay.status() }));
  return { pubsub, close: relay.close };
}

/** Our targets implement the part of EventTarget that createPubSub uses. */
const asTarget = (target: LocalEvents) =>
  target as unknown as NonNullable<Parameters<typeof createPubSub<Topics>>[0]>['eventTarget'];
