// Limits on submitRating (architecture.md "Security model": public data has stricter limits), per
// client IP and per dossier. With REDIS_URL the counters live in Redis, shared by every instance;
// when Redis is unreachable each instance falls back to counting in memory (the insurance limiter),
// so ratings are still accepted, and says so once in the log until Redis is back.
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { Logger } from '../../server/logger.ts';

export interface RatingLimitOptions {
  perIpPerMinute: number;
  perDossierPerMinute: number;
  redisUrl: string | undefined;
  logger: Logger;
}

type Limiter = RateLimiterMemory | RateLimiterRedis;

/** How long a Redis command may take before the in-memory counters answer instead. */
const REDIS_COMMAND_TIMEOUT_MS = 250;

/** The outcome of a check: allowed, or refused with the time until the next attempt can pass. */
export type LimitCheck = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export class RatingRateLimits {
  private readonly perIp: Limiter;
  private readonly perDossier: Limiter;
  private readonly redis: Redis | null;
  private readonly logger: Logger;
  private redisHealthy = true;

  constructor(options: RatingLimitOptions) {
    this.logger = options.logger;
    const limits = {
      ip: { keyPrefix: 'tthc:rl:rating-ip', points: options.perIpPerMinute, duration: 60 },
      dossier: { keyPrefix: 'tthc:rl:rating-dossier', points: options.perDossierPerMinute, duration: 60 },
    };
    if (!options.redisUrl) {
      this.redis = null;
      this.perIp = new RateLimiterMemory(limits.ip);
      this.perDossier = new RateLimiterMemory(limits.dossier);
      return;
    }
    // No offline queue: while Redis is away a command fails at once and the memory limiter answers.
    this.redis = new Redis(options.redisUrl, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      commandTimeout: REDIS_COMMAND_TIMEOUT_MS,
    });
    this.redis.on('error', (err: Error) => this.redisFault(err));
    this.redis.on('ready', () => {
      if (this.redisHealthy) return;
      this.redisHealthy = true;
      this.logger.info('Redis đã kết nối lại: giới hạn lượt đánh giá lại dùng chung giữa các máy chủ.');
    });
    const store = (opts: typeof limits.ip) =>
      new RateLimiterRedis({
        ...opts,
        storeClient: this.redis,
        rejectIfRedisNotReady: true,
        insuranceLimiter: new RateLimiterMemory(opts),
      });
    this.perIp = store(limits.ip);
    this.perDossier = store(limits.dossier);
  }

  /** Counts an attempt from this client IP (every attempt counts, whatever its outcome). */
  ip(ip: string | null): Promise<LimitCheck> {
    return this.consume(this.perIp, ip ?? 'unknown');
  }

  /** Counts an attempt on this dossier (only attempts with a valid token are counted). */
  dossier(code: string): Promise<LimitCheck> {
    return this.consume(this.perDossier, code);
  }

  /** Resolves once the Redis connection is up (at once without Redis); until then memory counts. */
  whenConnected(): Promise<void> {
    const redis = this.redis;
    if (!redis || redis.status === 'ready') return Promise.resolve();
    return new Promise((resolve) => redis.once('ready', () => resolve()));
  }

  async close(): Promise<void> {
    this.redis?.disconnect();
  }

  private async consume(limiter: Limiter, key: string): Promise<LimitCheck> {
    try {
      await limiter.consume(key);
      return { allowed: true };
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) {
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
      }
      // Neither Redis nor the memory limiter answered: accepting beats refusing every rating.
      this.redisFault(rejection as Error);
      return { allowed: true };
    }
  }

  private redisFault(err: Error): void {
    if (!this.redisHealthy) return;
    this.redisHealthy = false;
    this.logger.warn(
      { err: err.message },
      'Redis không phản hồi: giới hạn lượt đánh giá tạm đếm trong bộ nhớ của từng máy chủ.',
    );
  }
}
