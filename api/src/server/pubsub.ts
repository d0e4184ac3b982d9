import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { createPubSub } from 'graphql-yoga';
import { Redis } from 'ioredis';
import type { Logger } from './logger.ts';

/** Topics and their payloads. Payloads carry ids and figures, never personal data. */
export type Topics = {
  'calendar:changed': [{ dates: string[] }];
  /** Dossier figures moved for these agencies and procedures (ingestion, ratings). */
  'stats:changed': [{ agencyIds: number[]; procedureIds: number[] }];
  /** A rating was accepted (payload without personal data; the comment is read back only for officials). */
  'rating:submitted': [{ ratingId: string; agencyId: number; procedureId: number; level: string; submittedAt: string }];
};

export type PubSub = ReturnType<typeof createPubSub<Topics>>;

/**
 * In memory on one instance; with REDIS_URL, Redis pub/sub so every API instance behind a load
 * balancer fans out the same events (architecture.md "Live").
 */
export function createEventBus(
  redisUrl: string | undefined,
  logger: Logger,
): { pubsub: PubSub; close(): Promise<void> } {
  if (!redisUrl) return { pubsub: createPubSub<Topics>(), close: async () => {} };
  const options = { lazyConnect: false, maxRetriesPerRequest: null, enableOfflineQueue: true };
  const publishClient = new Redis(redisUrl, options);
  const subscribeClient = new Redis(redisUrl, options);
  for (const client of [publishClient, subscribeClient]) {
    client.on('error', (err) => logger.warn({ err: err.message }, 'Redis pub/sub unavailable; retrying'));
  }
  const eventTarget = createRedisEventTarget({ publishClient, subscribeClient });
  return {
    pubsub: createPubSub<Topics>({ eventTarget }),
    close: async () => {
      publishClient.disconnect();
      subscribeClient.disconnect();
    },
  };
}
