// Who pays for a request, and how much is left (docs/limits.md "Budgets"). Every caller has two
// windows of a minute: operations (a count) and query cost (points of schema/field-cost.ts), plus a
// ceiling on the cost of one operation. Anonymous callers are counted per client IP, API keys per
// key. The counters are the shared limiter store: atomic in Redis across instances when REDIS_URL
// is set, in memory otherwise.
import { GraphQLError } from 'graphql';
import type { Principal } from '../services/access/principal.ts';
import { LimiterStore, type LimitOutcome, type LimitWindow } from '../services/limiter-store.ts';
import type { Logger } from '../services/logger.ts';
import type { Metrics } from '../services/metrics.ts';
import type { LimitsConfig, TierBudget } from './limits-config.ts';

export type Tier = 'anonymous' | 'apiKey' | 'session' | 'cli';

/** The payer of a request: its tier, the counter key, and its budget (none for the CLI). */
export interface Payer {
  tier: Tier;
  key: string;
  budget: TierBudget | null;
}

export function payerOf(principal: Principal, clientIp: string | null, limits: LimitsConfig): Payer {
  switch (principal.kind) {
    case 'apiKey':
      return {
        tier: 'apiKey',
        key: `key:${principal.keyId}`,
        budget: { ...limits.apiKey, requestsPerMinute: principal.rateLimitPerMinute },
      };
    case 'session':
      return { tier: 'session', key: `user:${principal.userId}`, budget: limits.session };
    case 'cli':
      return { tier: 'cli', key: 'cli', budget: null };
    default:
      return anonymousPayer(clientIp, limits);
  }
}

export const anonymousPayer = (clientIp: string | null, limits: LimitsConfig): Payer => ({
  tier: 'anonymous',
  key: `ip:${clientIp ?? 'unknown'}`,
  budget: limits.anonymous,
});

const TIER_NAMES: Record<Tier, string> = {
  anonymous: 'khách không dùng khóa API (tính theo địa chỉ IP)',
  apiKey: 'khóa API',
  session: 'phiên đăng nhập của cán bộ',
  cli: 'dòng lệnh',
};

export class RequestBudgets {
  private readonly store: LimiterStore;

  constructor(
    redisUrl: string | undefined,
    logger: Logger,
    /** Where refusals and the cost spent are counted (every path that charges a budget comes here). */
    private readonly metrics?: Metrics,
  ) {
    this.store = new LimiterStore(redisUrl, logger, 'truy vấn');
  }

  /** Counts one operation; null when the payer has no budget. */
  async countRequest(payer: Payer): Promise<LimitOutcome | null> {
    if (!payer.budget) return null;
    const outcome = await this.store.take(requestWindow(payer.budget), payer.key);
    if (!outcome.allowed) this.metrics?.rateLimitRefusals.inc({ tier: payer.tier, window: 'requests' });
    return outcome;
  }

  /** Charges the cost of an operation to the payer's window; null when the payer has no budget. */
  async chargeCost(payer: Payer, cost: number): Promise<LimitOutcome | null> {
    if (!payer.budget) return null;
    const outcome = await this.store.take(costWindow(payer.budget), payer.key, cost);
    if (outcome.allowed) this.metrics?.costSpent.inc({ tier: payer.tier }, cost);
    else this.metrics?.rateLimitRefusals.inc({ tier: payer.tier, window: 'cost' });
    return outcome;
  }

  /** Resolves once the Redis connection is up (at once without Redis); until then memory counts. */
  whenConnected(): Promise<void> {
    return this.store.whenConnected();
  }

  close(): Promise<void> {
    return this.store.close();
  }
}

const requestWindow = (budget: TierBudget): LimitWindow => ({
  name: 'requests',
  points: budget.requestsPerMinute,
  durationSeconds: 60,
});

const costWindow = (budget: TierBudget): LimitWindow => ({
  name: 'cost',
  points: budget.costPerMinute,
  durationSeconds: 60,
});

/**
 * The IETF RateLimit headers (draft-ietf-httpapi-ratelimit-headers) of a window, plus Retry-After
 * when the request was refused.
 */
export function rateLimitHeaders(outcome: LimitOutcome, policy: 'requests' | 'cost'): Record<string, string> {
  return {
    'RateLimit-Limit': String(outcome.limit),
    'RateLimit-Remaining': String(outcome.remaining),
    'RateLimit-Reset': String(outcome.resetSeconds),
    'RateLimit-Policy': `${outcome.limit};w=60;comment="${policy}"`,
    ...(outcome.allowed ? {} : { 'Retry-After': String(outcome.resetSeconds) }),
  };
}

/** HTTP 429 with the headers that say when to come back. */
export function rateLimited(payer: Payer, outcome: LimitOutcome, policy: 'requests' | 'cost'): GraphQLError {
  const what =
    policy === 'requests'
      ? `${outcome.limit} thao tác mỗi phút`
      : `${outcome.limit} điểm chi phí truy vấn mỗi phút`;
  return new GraphQLError(
    `Đã vượt giới hạn ${what} dành cho ${TIER_NAMES[payer.tier]}. Vui lòng thử lại sau ${outcome.resetSeconds} giây.`,
    {
      extensions: {
        code: 'RATE_LIMITED',
        policy,
        limit: outcome.limit,
        retryAfterSeconds: outcome.resetSeconds,
        http: { status: 429, headers: rateLimitHeaders(outcome, policy) },
      },
    },
  );
}

/** HTTP 400: one operation costs more than the payer's ceiling; says what to change. */
export function queryTooComplex(payer: Payer, cost: number, max: number): GraphQLError {
  return new GraphQLError(
    `Truy vấn có chi phí ${cost} điểm, vượt mức tối đa ${max} điểm cho mỗi thao tác của ${TIER_NAMES[payer.tier]}. ` +
      'Hãy giảm "first", bớt các danh sách lồng nhau (children, subtree, procedures…) hoặc tách thành nhiều truy vấn' +
      (payer.tier === 'anonymous' ? '; khóa API có mức cao hơn.' : '.'),
    { extensions: { code: 'QUERY_TOO_COMPLEX', cost, maxCost: max, http: { status: 400 } } },
  );
}
