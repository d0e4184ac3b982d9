// Counters for every rate limit of the API (submissions per IP and per dossier, requests and query
// cost per client), written once. With REDIS_URL the counters live in Redis, atomic and shared by
// every instance; when Redis is unreachable each instance falls back to counting in memory (the
// insurance limiter), so the service keeps answering, and says so once in the log until Redis is
// back. Without REDIS_URL the counters are in memory.
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { Logger } from './logger.ts';

/** How long a Redis command may take before the in-memory counters answer instead. */
const REDIS_COMMAND_TIMEOUT_MS = 250;

type Limiter = RateLimiterMemory | RateLimiterRedis;

/** The outcome of taking points from a window: allowed or not, and the state of the window. */
export interface LimitOutcome {
  allowed: boolean;
  /** Points of the window. */
  limit: number;
  /** Points left in the window after this one (0 when refused). */
  remaining: number;
  /** Seconds until the window starts again (at least 1). */
  resetSeconds: number;
}

export interface LimitWindow {
  /** Redis key prefix, unique per kind of limit. */
  name: string;
  points: number;
  durationSeconds: number;
}

export class LimiterStore {
  private readonly redis: Redis | null;
  private readonly limiters = new Map<string, Limiter>();
  private redisHealthy = true;

  constructor(
    redisUrl: string | undefined,
    private readonly logger: Logger,
    /** What the counters limit, for the log ("lượt đánh giá", "truy vấn"). */
    private readonly subject: string,
  ) {
    if (!redisUrl) {
      this.redis = null;
      return;
    }
    // No offline queue: while Redis is away a command fails at once and the memory limiter answers.
    this.redis = new Redis(redisUrl, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      commandTimeout: REDIS_COMMAND_TIMEOUT_MS,
    });
    this.redis.on('error', (err: Error) => this.redisFault(err));
    this.redis.on('ready', () => {
      if (this.redisHealthy) return;
      this.redisHealthy = true;
      this.logger.info(`Redis đã kết nối lại: giới hạn ${this.subject} lại dùng chung giữa các máy chủ.`);
    });
  }

  /**
   * Takes `points` from `key`'s current window. Points above what is left are refused and not
   * taken, so a refused expensive request does not also empty the window.
   */
  async take(window: LimitWindow, key: string, points = 1): Promise<LimitOutcome> {
    const limiter = this.limiter(window);
    const outcome = (res: RateLimiterRes, allowed: boolean): LimitOutcome => ({
      allowed,
      limit: window.points,
      remaining: allowed ? Math.max(0, res.remainingPoints) : 0,
      resetSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)),
    });
    if (points > window.points) {
      const state = await this.peek(limiter, key);
      return {
        allowed: false,
        limit: window.points,
        remaining: state?.remaining ?? window.points,
        resetSeconds: state?.resetSeconds ?? window.durationSeconds,
      };
    }
    try {
      return outcome(await limiter.consume(key, points), true);
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) {
        // consume() counted the refused points; give them back so only what ran is charged.
        await limiter.reward(key, points).catch(() => {});
        return outcome(rejection, false);
      }
      // Neither Redis nor the memory limiter answered: serving beats refusing everyone.
      this.redisFault(rejection as Error);
      return {
        allowed: true,
        limit: window.points,
        remaining: window.points,
        resetSeconds: window.durationSeconds,
      };
    }
  }

  /** Gives `points` back to `key`'s current window (an attempt that turned out not to count). */
  async refund(window: LimitWindow, key: string, points = 1): Promise<void> {
    await this.limiter(window)
      .reward(key, points)
      .catch((error: Error) => this.redisFault(error));
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

  private async peek(
    limiter: Limiter,
    key: string,
  ): Promise<{ remaining: number; resetSeconds: number } | null> {
    try {
      const res = await limiter.get(key);
      if (!res) return null;
      return {
        remaining: Math.max(0, limiter.points - res.consumedPoints),
        resetSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)),
      };
    } catch {
      return null;
    }
  }

  /** One limiter per window (a key's own request limit is a window of its own size). */
  private limiter(window: LimitWindow): Limiter {
    const id = `${window.name}:${window.points}:${window.durationSeconds}`;
    let limiter = this.limiters.get(id);
    if (!limiter) {
      const options = {
        keyPrefix: `tthc:rl:${window.name}:${window.points}`,
        points: window.points,
        duration: window.durationSeconds,
      };
      limiter = this.redis
        ? new RateLimiterRedis({
            ...options,
            storeClient: this.redis,
            rejectIfRedisNotReady: true,
            insuranceLimiter: new RateLimiterMemory(options),
          })
        : new RateLimiterMemory(options);
      this.limiters.set(id, limiter);
    }
    return limiter;
  }

  private redisFault(err: Error): void {
    if (!this.redisHealthy) return;
    this.redisHealthy = false;
    this.logger.warn(
      { err: err.message },
      `Redis không phản hồi: giới hạn ${this.subject} tạm đếm trong bộ nhớ của từng máy chủ.`,
    );
  }
}
