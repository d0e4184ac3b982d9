// Moderation of citizens' rating comments (Rating.commentHidden*): an administrator of the dossier's
// agency subtree hides an abusive comment or restores it; the comment is kept, both are audited.
// A hidden comment reaches nobody but the officials who may moderate it, flagged as hidden: not the
// public, the widget, third parties' keys or the live events (ratings/index.ts `eventDetails`). The
// rating's level still counts in every figure: rollups never look at comments.
import type { Prisma, PrismaClient, RatingLevel } from '@tthc/db';
import { addDays, type Day, startOfDay } from '../domain/time.ts';
import type { AgencyReach } from './access/audience.ts';
import type { Principal } from './access/principal.ts';
import type { Admin, Reach } from './access/reach.ts';
import { findAgency, subtreeIds } from './agencies.ts';
import { audit } from './audit.ts';
import { type ActorDescription, describeActors } from './audit-log.ts';
import { Problems, refused } from './input-refusal.ts';
import type { Page } from './paging.ts';
import { checkPeriod } from './stats.ts';

export const MAX_HIDE_REASON_LENGTH = 500;

export interface CommentFilter {
  /** Dossiers of this agency's subtree (with history). */
  agencyCode?: string | null;
  procedureCode?: string | null;
  level?: RatingLevel | null;
  /** Submitted on these days (Asia/Ho_Chi_Minh, both included). */
  period?: { from: Day; to: Day } | null;
  /** True: hidden comments only; false: visible ones only. */
  hidden?: boolean | null;
}

const include = {
  dossier: { select: { code: true, agencyId: true, agency: true, procedure: true } },
} as const;
type RatingRow = Prisma.RatingGetPayload<{ include: typeof include }>;

/** A rating with a comment as an official sees it: hidden text and reason only for its moderators. */
export interface RatingComment {
  id: bigint;
  level: RatingLevel;
  comment: string | null;
  submittedAt: Date;
  current: boolean;
  dossier: RatingRow['dossier'];
  hiddenAt: Date | null;
  hiddenBy: ActorDescription | null;
  hiddenReason: string | null;
}

const NOTHING: Prisma.RatingWhereInput = { id: { lt: 0 } };

async function commentWhere(
  prisma: PrismaClient,
  readers: Reach,
  filter: CommentFilter | null | undefined,
): Promise<Prisma.RatingWhereInput> {
  const and: Prisma.RatingWhereInput[] = [{ comment: { not: null } }];
  if (!readers.everywhere) and.push({ dossier: { agencyId: { in: [...readers.agencyIds] } } });
  if (filter?.agencyCode) {
    const agency = await findAgency(prisma, filter.agencyCode.trim());
    and.push(agency ? { dossier: { agencyId: { in: await subtreeIds(prisma, agency.id) } } } : NOTHING);
  }
  if (filter?.procedureCode) and.push({ dossier: { procedure: { code: filter.procedureCode.trim() } } });
  if (filter?.level) and.push({ level: filter.level });
  if (filter?.period) {
    checkPeriod(filter.period);
    and.push({
      submittedAt: { gte: startOfDay(filter.period.from), lt: startOfDay(addDays(filter.period.to, 1)) },
    });
  }
  if (filter?.hidden != null) and.push({ commentHiddenAt: filter.hidden ? { not: null } : null });
  return { AND: and };
}

/**
 * Ratings with a comment that the caller may read (`readers`, docs/api.md "Roles": VIEWER and
 * above, read keys), newest first; a hidden comment's text and reason only where `moderates`.
 */
export async function listRatingComments(
  prisma: PrismaClient,
  readers: Reach,
  moderates: AgencyReach,
  filter: CommentFilter | null | undefined,
) {
  const where = await commentWhere(prisma, readers, filter);
  return {
    page: async ({ after, before, limit, inverted }: Page<bigint>) => {
      const rows = await prisma.rating.findMany({
        where: {
          AND: [
            where,
            after !== undefined ? { id: { lt: after } } : {},
            before !== undefined ? { id: { gt: before } } : {},
          ],
        },
        include,
        orderBy: { id: inverted ? 'asc' : 'desc' },
        take: limit,
      });
      const actors = await describeActors(
        prisma,
        rows.flatMap((r) => (r.commentHiddenBy ? [r.commentHiddenBy] : [])),
      );
      return rows.map((r) => asSeenBy(r, moderates, actors));
    },
    count: () => prisma.rating.count({ where }),
  };
}

function asSeenBy(
  r: RatingRow,
  moderates: AgencyReach,
  actors: Map<string, ActorDescription>,
): RatingComment {
  const hidden = r.commentHiddenAt !== null;
  const full = !hidden || moderates(r.dossier.agencyId);
  return {
    id: r.id,
    level: r.level,
    comment: full ? r.comment : null,
    submittedAt: r.submittedAt,
    current: r.current,
    dossier: r.dossier,
    hiddenAt: r.commentHiddenAt,
    hiddenBy: r.commentHiddenBy ? (actors.get(r.commentHiddenBy) ?? null) : null,
    hiddenReason: full ? r.commentHiddenReason : null,
  };
}

/**
 * Who sees a hidden comment's text and reason: officials signed in with a role that moderates the
 * dossier's agency. A key, even an admin key that may hide comments, is a system of a third party.
 */
export function hiddenTextReaders(principal: Principal, adminReach: Reach): AgencyReach {
  return principal.kind === 'session' ? (agencyId) => adminReach.covers(agencyId) : () => false;
}

/** The rating with this id, with a comment, in the moderator's reach. */
async function moderatedRating(prisma: PrismaClient, ratingId: string, by: Admin): Promise<RatingRow> {
  const rating = /^[1-9][0-9]{0,17}$/.test(ratingId)
    ? await prisma.rating.findUnique({ where: { id: BigInt(ratingId) }, include })
    : null;
  if (!rating) throw refused(['ratingId'], 'NOT_FOUND', `Không có đánh giá mã ${ratingId}.`);
  if (!by.reach.covers(rating.dossier.agencyId)) {
    throw refused(
      ['ratingId'],
      'OUT_OF_SCOPE',
      'Đánh giá này thuộc hồ sơ của đơn vị ngoài phạm vi quản trị của bạn.',
    );
  }
  if (rating.comment === null)
    throw refused(['ratingId'], 'BAD_USER_INPUT', 'Đánh giá này không có bình luận.');
  return rating;
}

async function setHidden(
  prisma: PrismaClient,
  rating: RatingRow,
  hidden: { at: Date; by: string; reason: string } | null,
  by: Admin,
  moderates: AgencyReach,
): Promise<RatingComment> {
  const state = (r: { commentHiddenAt: Date | null; commentHiddenReason: string | null }) => ({
    hidden: r.commentHiddenAt !== null,
    reason: r.commentHiddenReason,
  });
  const updated = await prisma.$transaction(async (tx) => {
    const after = await tx.rating.update({
      where: { id: rating.id },
      data: {
        commentHiddenAt: hidden?.at ?? null,
        commentHiddenBy: hidden?.by ?? null,
        commentHiddenReason: hidden?.reason ?? null,
      },
      include,
    });
    // The comment itself stays out of the log: it is personal text, and the rating id finds it.
    await audit(
      tx,
      by.actor,
      hidden ? 'rating.hide-comment' : 'rating.restore-comment',
      'Rating',
      String(rating.id),
      { before: state(rating), after: state(after), dossierCode: rating.dossier.code },
      { agencyId: rating.dossier.agencyId },
    );
    return after;
  });
  const actors = await describeActors(prisma, updated.commentHiddenBy ? [updated.commentHiddenBy] : []);
  return asSeenBy(updated, moderates, actors);
}

export async function hideRatingComment(
  prisma: PrismaClient,
  input: { ratingId: string; reason: string },
  by: Admin,
  moderates: AgencyReach,
): Promise<RatingComment> {
  const rating = await moderatedRating(prisma, input.ratingId, by);
  const problems = new Problems();
  const reason = input.reason.trim();
  if (!reason) problems.add(['reason'], 'BAD_USER_INPUT', 'Cần ghi lý do ẩn bình luận.');
  else if (reason.length > MAX_HIDE_REASON_LENGTH) {
    problems.add(['reason'], 'BAD_USER_INPUT', `Lý do dài tối đa ${MAX_HIDE_REASON_LENGTH} ký tự.`);
  }
  problems.throwIfAny();
  if (rating.commentHiddenAt) throw refused(['ratingId'], 'NOTHING_TO_CHANGE', 'Bình luận này đã được ẩn.');
  return setHidden(prisma, rating, { at: new Date(), by: by.actor, reason }, by, moderates);
}

export async function restoreRatingComment(
  prisma: PrismaClient,
  input: { ratingId: string },
  by: Admin,
  moderates: AgencyReach,
): Promise<RatingComment> {
  const rating = await moderatedRating(prisma, input.ratingId, by);
  if (!rating.commentHiddenAt)
    throw refused(['ratingId'], 'NOTHING_TO_CHANGE', 'Bình luận này đang hiển thị.');
  return setHidden(prisma, rating, null, by, moderates);
}
