// The response cache of public reads (docs/api.md "Persisted reads and caching"): the answers of
// anonymous persisted queries, by URL, kept until the figures they show change or their TTL ends.
//
// Two tiers. Each instance keeps answers in memory (a Map read synchronously on the hot path: a hit
// costs about what `node:http` answering a constant does, docs/benchmarks.md "Public reads"). With
// REDIS_URL, answers are also stored in Redis, so that an instance that has not computed an answer
// takes another's instead of asking PostgreSQL again.
//
// Invalidation rides on the events that drive `statsChanged` ('stats:changed', relayed between
// instances through Redis pub/sub): an answer records the scopes of the figures it read
// (Context.figureScopes, schema/stats.ts); a change that touches one drops it. An answer with figures
// from elsewhere (persisted-documents.ts `scopedFigures`) is dropped by any change. A shared answer is
// checked against the changes this instance has heard of since it was computed — the reason every
// answer is stamped with the time its computation STARTED: a change during the computation may or may
// not be in it, so it counts as after. The TTL bounds what no event reports (catalogue edits, a lost
// event while Redis was unreachable).
import { createHash } from 'node:crypto';
import { Redis } from 'ioredis';
import type { PubSub } from '../services/live/pubsub.ts';
import type { Logger } from '../services/logger.ts';
import { type Scope, scopeTouchedBy } from '../services/stats.ts';
import type { CacheConfig } from './cache-config.ts';

type Change = { agencyIds: number[]; procedureIds: number[] };

/** A stored answer: the body and what it depends on. */
export interface CachedAnswer {
  body: Buffer;
  etag: string;
  /** When its computation started (ms). */
  startedAt: number;
  /** The scopes of the figures it read; null: any change of figures drops it. */
  scopes: Scope[] | null;
}

interface Entry extends CachedAnswer {
  expiresAt: number;
}

/** Instances' clocks differ a little: a shared answer is checked against changes this much earlier too. */
const CLOCK_SKEW_MS = 2000;
const REDIS_PREFIX = 'tthc:rc:';

const sha1 = (text: string | Buffer) => createHash('sha1').update(text).digest('base64url');

export const etagOf = (body: Buffer) => `"${sha1(body)}"`;

const touches = (scopes: Scope[] | null, change: Change) =>
  scopes === null || scopes.some((scope) => scopeTouchedBy(scope, change));

export class ResponseCache {
  private readonly local = new Map<string, Entry>();
  /** The changes heard of in the last TTL, oldest first, to check shared answers against. */
  private readonly changes: { at: number; change: Change | null }[] = [];
  private readonly listeningSince = Date.now();
  private readonly ttlMs: number;
  private readonly redis: Redis | null;
  private redisDown = false;
  private readonly stopListening: () => void;
  /** Keys in Redis: per database (two deployments on one Redis never share answers), short whatever the URL. */
  private readonly redisKey: (key: string) => string;

  constructor(
    private readonly config: CacheConfig,
    pubsub: PubSub,
    private readonly logger: Logger,
    redis?: { url: string; namespace: string },
  ) {
    this.ttlMs = config.ttlSeconds * 1000;
    const namespace = `${REDIS_PREFIX}${sha1(redis?.namespace ?? '').slice(0, 12)}:`;
    this.redisKey = (key) => namespace + sha1(key);
    const redisUrl = redis?.url;
    this.redis = redisUrl
      ? new Redis(redisUrl, {
          enableOfflineQueue: false,
          maxRetriesPerRequest: 1,
          connectionName: 'tthc-cache',
        })
      : null;
    this.redis?.on('error', (err: Error) => this.redisFault(err));
    this.redis?.on('ready', () => {
      this.redisDown = false;
    });
    const stats = pubsub.subscribe('stats:changed')[Symbol.asyncIterator]();
    const calendar = pubsub.subscribe('calendar:changed')[Symbol.asyncIterator]();
    void this.follow(stats, (change) => this.heard(change));
    // Working days moved: due dates and every on-time figure may follow; nothing cached stands.
    void this.follow(calendar, () => this.heard(null));
    this.stopListening = () => {
      void stats.return?.();
      void calendar.return?.();
    };
  }

  private async follow<T>(events: AsyncIterator<T>, handle: (event: T) => void): Promise<void> {
    for (;;) {
      const next = await events.next();
      if (next.done) return;
      handle(next.value);
    }
  }

  /** A change of figures (null: of everything): drop what it touches here, remember it for shared answers. */
  private heard(change: Change | null): void {
    const now = Date.now();
    this.changes.push({ at: now, change });
    while (this.changes.length > 0 && this.changes[0]!.at < now - this.ttlMs - CLOCK_SKEW_MS)
      this.changes.shift();
    for (const [key, entry] of this.local) {
      if (change === null || touches(entry.scopes, change)) this.local.delete(key);
    }
  }

  /** Whether a change heard of since `since` touches these scopes. */
  private changedSince(since: number, scopes: Scope[] | null): boolean {
    for (let i = this.changes.length - 1; i >= 0; i--) {
      const { at, change } = this.changes[i]!;
      if (at < since) break;
      if (change === null || touches(scopes, change)) return true;
    }
    return false;
  }

  /** The hot path: this instance's answer, if it is still good. */
  get(key: string): CachedAnswer | undefined {
    const entry = this.local.get(key);
    if (entry === undefined) return undefined;
    this.local.delete(key);
    if (entry.expiresAt <= Date.now()) return undefined;
    // To the back: the oldest-first eviction (keep) then lets go of the least recently read, and a
    // flood of one-off URLs does not push out the widget's hot answers.
    this.local.set(key, entry);
    return entry;
  }

  /** Another instance's answer (Redis), when it is younger than the TTL and no change touched it since. */
  async getShared(key: string): Promise<CachedAnswer | undefined> {
    if (!this.redis || this.redisDown) return undefined;
    let raw: string | null;
    try {
      raw = await this.redis.get(this.redisKey(key));
    } catch (err) {
      this.redisFault(err as Error);
      return undefined;
    }
    if (raw === null) return undefined;
    const stored = JSON.parse(raw) as { body: string; startedAt: number; scopes: Scope[] | null };
    const since = stored.startedAt - CLOCK_SKEW_MS;
    // Changes before this instance listened are unknown to it: such an answer cannot be vouched for.
    if (since < this.listeningSince || this.changedSince(since, stored.scopes)) return undefined;
    const body = Buffer.from(stored.body, 'utf8');
    const answer = { body, etag: etagOf(body), startedAt: stored.startedAt, scopes: stored.scopes };
    this.keep(key, answer);
    return answer;
  }

  /** Stores an answer, unless a change it may have missed came while it was computed. */
  set(key: string, answer: CachedAnswer): boolean {
    if (this.changedSince(answer.startedAt, answer.scopes)) return false;
    this.keep(key, answer);
    if (this.redis && !this.redisDown) {
      const value = JSON.stringify({
        body: answer.body.toString('utf8'),
        startedAt: answer.startedAt,
        scopes: answer.scopes,
      });
      this.redis
        .set(this.redisKey(key), value, 'PX', Math.max(1, answer.startedAt + this.ttlMs - Date.now()))
        .catch((err: Error) => this.redisFault(err));
    }
    return true;
  }

  private keep(key: string, answer: CachedAnswer): void {
    // The least recently read answer goes first when the cache is full (a Map keeps insertion order,
    // and get() moves what it reads to the back).
    if (this.local.size >= this.config.maxEntries && !this.local.has(key)) {
      const oldest = this.local.keys().next();
      if (!oldest.done) this.local.delete(oldest.value);
    }
    this.local.set(key, { ...answer, expiresAt: answer.startedAt + this.ttlMs });
  }

  private redisFault(err: Error): void {
    if (!this.redisDown)
      this.logger.warn({ err: err.message }, 'response cache: Redis unreachable, memory only');
    this.redisDown = true;
  }

  async close(): Promise<void> {
    this.stopListening();
    this.local.clear();
    if (this.redis) await this.redis.quit().catch(() => this.redis?.disconnect());
  }
}
