// Quick ratings of dossiers (docs/domain.md §4.1; docs/api.md "Ratings"): the one-stop
// system asks for a signed rating link when a dossier finishes; the applicant rates with its token;
// the rating is stored raw (comment masked), replaces the dossier's previous one in the statistics,
// and moves the rollups in the same transaction (docs/architecture.md "Data flow").
import { commentForStorage, commentLength, normalizeComment } from '../../domain/comment-mask.ts';
import { isFinished } from '../../domain/dossier-state.ts';
import type { RatingLevel } from '../../domain/rollup-contribution.ts';
import { AppError } from '../../errors.ts';
import type { AgencyReach } from '../access/audience.ts';
import type { Services } from '../context.ts';
import { inTransaction } from '../transaction.ts';
import { RatingRateLimits } from './rate-limit.ts';
import { resolveRatingSecret } from './secret.ts';
import { lockDossiers, recordRatingLink } from './store.ts';
import { signRatingToken, type TokenCheck, verifyRatingToken } from './token.ts';
import { type AcceptedRating, RatingWriter } from './writer.ts';

export const MAX_COMMENT_LENGTH = 1000;
export const MAX_IDEMPOTENCY_KEY_LENGTH = 100;
const DAY_MS = 86_400_000;

export interface SubmitRatingInput {
  dossierCode: string;
  token: string;
  level: RatingLevel;
  comment?: string | null;
  idempotencyKey?: string | null;
}

/** Why a rating was refused; nothing was stored. Codes are stable (docs/limits.md §7). */
export type RatingRejection =
  | 'UNKNOWN_DOSSIER'
  | 'NOT_FINISHED'
  | 'INVALID_TOKEN'
  | 'TOKEN_EXPIRED'
  | 'COMMENT_TOO_LONG'
  | 'INVALID_IDEMPOTENCY_KEY'
  | 'RATE_LIMITED';

export type SubmitRatingResult =
  | { ok: true; error: null; replaced: boolean }
  | { ok: false; error: { index: 0; code: RatingRejection; message: string } };

export interface RatingLink {
  token: string;
  url: string;
  expiresAt: Date;
}

/** What subscribers of `ratingSubmitted` see besides the event itself. */
export interface RatingEventDetails {
  agencyCode: string;
  procedureCode: string;
  comment: string | null;
}

/** The settings of the rating service (server/config.ts reads them from the environment). */
export interface RatingConfig {
  ratingSecret: string | undefined;
  ratingTokenDays: number;
  ratingPageUrl: string;
  redisUrl: string | undefined;
  ratingLimitPerIpPerMinute: number;
  ratingLimitPerDossierPerMinute: number;
}

const reject = (code: RatingRejection, message: string): SubmitRatingResult => ({
  ok: false,
  error: { index: 0, code, message },
});

/** Event details fetched once per rating for all subscribers of this instance. */
const DETAILS_CACHE_SIZE = 500;

export class RatingService {
  private readonly secret: string;
  private readonly limits: RatingRateLimits;
  private readonly writer: RatingWriter;
  private readonly details = new Map<string, Promise<RatingEventDetails | null>>();

  constructor(
    private readonly services: Pick<Services, 'db' | 'pubsub' | 'logger'>,
    private readonly config: RatingConfig,
  ) {
    this.secret = resolveRatingSecret(config.ratingSecret);
    this.limits = new RatingRateLimits({
      perIpPerMinute: config.ratingLimitPerIpPerMinute,
      perDossierPerMinute: config.ratingLimitPerDossierPerMinute,
      redisUrl: config.redisUrl,
      logger: services.logger,
    });
    this.writer = new RatingWriter(services.db.pool, (accepted) => this.published(accepted), services.logger);
  }

  /**
   * The per-client limit of public submissions, for survey forms: they count against the same
   * per-IP budget as ratings (RATE_LIMIT_RATINGS_PER_IP_PER_MINUTE), shared through Redis.
   */
  async admitClient(
    clientIp: string | null,
  ): Promise<{ ok: true } | { ok: false; retryAfterSeconds: number }> {
    const byIp = await this.limits.ip(clientIp);
    return byIp.allowed ? { ok: true } : { ok: false, retryAfterSeconds: byIp.retryAfterSeconds };
  }

  /** Checks a rating token with this service's secret (survey submissions follow the same rules). */
  verifyToken(token: string, dossierCode: string, now = new Date()): TokenCheck {
    return verifyRatingToken(this.secret, token, dossierCode, now);
  }

  /**
   * Checks and stores a rating. Cheap checks come first and touch no table: the client's rate, the
   * input, the token (which also keeps anyone without one from probing which dossiers exist), the
   * dossier's rate; then the dossier itself, inside the writing transaction.
   */
  async submit(input: SubmitRatingInput, clientIp: string | null): Promise<SubmitRatingResult> {
    const byIp = await this.limits.ip(clientIp);
    if (!byIp.allowed) return rateLimited(byIp.retryAfterSeconds);
    const key = input.idempotencyKey?.trim() || null;
    if (key && key.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
      return reject(
        'INVALID_IDEMPOTENCY_KEY',
        `Khóa chống gửi trùng dài tối đa ${MAX_IDEMPOTENCY_KEY_LENGTH} ký tự.`,
      );
    }
    if (input.comment && commentLength(normalizeComment(input.comment)) > MAX_COMMENT_LENGTH) {
      return reject('COMMENT_TOO_LONG', `Ý kiến góp ý dài tối đa ${MAX_COMMENT_LENGTH} ký tự.`);
    }
    const token = verifyRatingToken(this.secret, input.token, input.dossierCode);
    if (!token.ok) return reject(token.code, token.message);
    const byDossier = await this.limits.dossier(input.dossierCode);
    if (!byDossier.allowed) return rateLimited(byDossier.retryAfterSeconds);

    const outcome = await this.writer.write({
      dossierCode: input.dossierCode,
      level: input.level,
      comment: commentForStorage(input.comment),
      idempotencyKey: key,
    });
    return outcome.ok
      ? { ok: true, error: null, replaced: outcome.replaced }
      : reject(outcome.code, outcome.message);
  }

  /**
   * Issues a rating link for a finished dossier, valid until RATING_TOKEN_DAYS days after it ended
   * (at least 30), and records it; the first link marks the dossier as asked to rate.
   */
  async issueLink(dossierCode: string, reach: AgencyReach = () => true): Promise<RatingLink> {
    const { expiresAt, first, change } = await inTransaction(this.services.db.pool, async (client) => {
      const dossier = (await lockDossiers(client, [dossierCode])).dossiers.get(dossierCode);
      // A key limited to an agency does not learn whether other agencies' dossiers exist.
      if (!dossier || !reach(dossier.facts.agencyId))
        throw new AppError('UNKNOWN_DOSSIER', `Không tìm thấy hồ sơ "${dossierCode}".`);
      const { facts } = dossier;
      if (!isFinished(facts)) {
        throw new AppError(
          'NOT_FINISHED',
          `Hồ sơ "${dossierCode}" chưa giải quyết xong nên chưa thể đánh giá.`,
        );
      }
      // Whole seconds, as in the token.
      const until = new Date(
        Math.floor((facts.endedAt!.getTime() + this.config.ratingTokenDays * DAY_MS) / 1000) * 1000,
      );
      if (until.getTime() <= Date.now()) {
        throw new AppError(
          'RATING_CLOSED',
          `Đã hết thời hạn đánh giá hồ sơ "${dossierCode}" (${this.config.ratingTokenDays} ngày sau khi kết thúc xử lý).`,
        );
      }
      const first = await recordRatingLink(client, dossier, until);
      return {
        expiresAt: until,
        first,
        change: { agencyIds: [facts.agencyId], procedureIds: [facts.procedureId] },
      };
    });
    if (first) this.services.pubsub.publish('stats:changed', change);
    const token = signRatingToken(this.secret, dossierCode, expiresAt);
    const url = new URL(this.config.ratingPageUrl);
    url.searchParams.set('ma-ho-so', dossierCode);
    url.searchParams.set('token', token);
    return { token, url: url.toString(), expiresAt };
  }

  /** Codes and comment of a rating, for live subscribers (read back by id: events carry no comment). */
  eventDetails(ratingId: string): Promise<RatingEventDetails | null> {
    let details = this.details.get(ratingId);
    if (!details) {
      details = this.services.db.pool
        .query<RatingEventDetails>(
          // A comment hidden by a moderator goes to nobody (services/moderation.ts).
          `SELECT a.code AS "agencyCode", p.code AS "procedureCode",
                  CASE WHEN r."commentHiddenAt" IS NULL THEN r.comment END AS comment
             FROM "Rating" r JOIN "Dossier" d ON d.id = r."dossierId"
             JOIN "Agency" a ON a.id = d."agencyId" JOIN "Procedure" p ON p.id = d."procedureId"
            WHERE r.id = $1::bigint`,
          [ratingId],
        )
        .then((res) => res.rows[0] ?? null);
      details.catch(() => this.details.delete(ratingId));
      this.details.set(ratingId, details);
      if (this.details.size > DETAILS_CACHE_SIZE) this.details.delete(this.details.keys().next().value!);
    }
    return details;
  }

  async close(): Promise<void> {
    await this.limits.close();
  }

  /** After COMMIT: the figures of these agencies and procedures moved, and the events themselves. */
  private published(accepted: AcceptedRating[]): void {
    const { pubsub } = this.services;
    pubsub.publish('stats:changed', {
      agencyIds: [...new Set(accepted.map((a) => a.agencyId))],
      procedureIds: [...new Set(accepted.map((a) => a.procedureId))],
    });
    for (const a of accepted) {
      pubsub.publish('rating:submitted', {
        ratingId: a.ratingId,
        agencyId: a.agencyId,
        procedureId: a.procedureId,
        level: a.level,
        submittedAt: a.submittedAt.toISOString(),
      });
    }
  }
}

function rateLimited(retryAfterSeconds: number): SubmitRatingResult {
  return reject('RATE_LIMITED', `Quá nhiều lượt đánh giá, vui lòng thử lại sau ${retryAfterSeconds} giây.`);
}
