// Limits on public submissions (docs/architecture.md "Security model": public data has stricter
// limits): ratings and survey forms per client IP, ratings per dossier. The counters are the API's
// shared limiter store (services/limiter-store.ts): in Redis when REDIS_URL is set, with the
// in-memory fallback while Redis is away.

import { LimiterStore, type LimitWindow } from '../limiter-store.ts';
import type { Logger } from '../logger.ts';

export interface RatingLimitOptions {
  perIpPerMinute: number;
  perDossierPerMinute: number;
  redisUrl: string | undefined;
  logger: Logger;
}

/** The outcome of a check: allowed, or refused with the time until the next attempt can pass. */
export type LimitCheck = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export class RatingRateLimits {
  private readonly store: LimiterStore;
  private readonly perIp: LimitWindow;
  private readonly perDossier: LimitWindow;

  constructor(options: RatingLimitOptions) {
    this.store = new LimiterStore(options.redisUrl, options.logger, 'lượt đánh giá');
    this.perIp = { name: 'rating-ip', points: options.perIpPerMinute, durationSeconds: 60 };
    this.perDossier = { name: 'rating-dossier', points: options.perDossierPerMinute, durationSeconds: 60 };
  }

  /** Counts an attempt from this client IP (every attempt counts, whatever its outcome). */
  ip(ip: string | null): Promise<LimitCheck> {
    return this.check(this.perIp, ip ?? 'unknown');
  }

  /** Counts an attempt on this dossier (only attempts with a valid token are counted). */
  dossier(code: string): Promise<LimitCheck> {
    return this.check(this.perDossier, code);
  }

  whenConnected(): Promise<void> {
    return this.store.whenConnected();
  }

  close(): Promise<void> {
    return this.store.close();
  }

  private async check(window: LimitWindow, key: string): Promise<LimitCheck> {
    const outcome = await this.store.take(window, key);
    return outcome.allowed ? { allowed: true } : { allowed: false, retryAfterSeconds: outcome.resetSeconds };
  }
}
