// The budgets of each kind of caller (docs/limits.md), from the environment. Anonymous callers
// (portal pages, people exploring the API) are counted per client IP; API keys per key, with the
// key's own request limit (ApiKey.rateLimitPerMinute, set by `cli api-key create`); signed-in
// officials per session once sign-in exists.
import { intVar } from './env-vars.ts';

export interface TierBudget {
  /** Operations per minute. */
  requestsPerMinute: number;
  /** The most one operation may cost (points of the query cost model, schema/field-cost.ts). */
  maxQueryCost: number;
  /** Points of query cost per minute. */
  costPerMinute: number;
}

export interface LimitsConfig {
  anonymous: TierBudget;
  /** An API key's operations per minute are the key's own (ApiKey.rateLimitPerMinute). */
  apiKey: Omit<TierBudget, 'requestsPerMinute'>;
  session: TierBudget;
  /** A query or mutation still running after this is stopped (QUERY_TIMEOUT). */
  executionTimeoutMs: number;
  /** Open WebSocket connections per client IP. */
  wsConnectionsPerIp: number;
  /** Active subscriptions per WebSocket connection. */
  wsSubscriptionsPerConnection: number;
  /** Sign-in attempts per username per 15 minutes (a password guessed slowly from many places). */
  signInPerUsername: number;
  /** Sign-in attempts per client IP per 15 minutes (many usernames tried from one place). */
  signInPerIp: number;
}

const MAX = 100_000_000;

export function loadLimits(env: NodeJS.ProcessEnv): LimitsConfig {
  const tier = (name: string, requests: number, maxCost: number, perMinute: number): TierBudget => ({
    requestsPerMinute: intVar(env, `LIMIT_${name}_REQUESTS_PER_MINUTE`, requests, 1, MAX),
    maxQueryCost: intVar(env, `LIMIT_${name}_QUERY_COST`, maxCost, 1, MAX),
    costPerMinute: intVar(env, `LIMIT_${name}_COST_PER_MINUTE`, perMinute, 1, MAX),
  });
  return {
    anonymous: tier('ANONYMOUS', 600, 1_000, 20_000),
    apiKey: {
      maxQueryCost: intVar(env, 'LIMIT_KEY_QUERY_COST', 5_000, 1, MAX),
      costPerMinute: intVar(env, 'LIMIT_KEY_COST_PER_MINUTE', 100_000, 1, MAX),
    },
    session: tier('SESSION', 1_200, 5_000, 100_000),
    executionTimeoutMs: intVar(env, 'EXECUTION_TIMEOUT_MS', 10_000, 100, 600_000),
    wsConnectionsPerIp: intVar(env, 'WS_MAX_CONNECTIONS_PER_IP', 50, 1, MAX),
    wsSubscriptionsPerConnection: intVar(env, 'WS_MAX_SUBSCRIPTIONS_PER_CONNECTION', 25, 1, MAX),
    signInPerUsername: intVar(env, 'LIMIT_SIGN_IN_PER_USERNAME', 10, 1, MAX),
    signInPerIp: intVar(env, 'LIMIT_SIGN_IN_PER_IP', 50, 1, MAX),
  };
}
