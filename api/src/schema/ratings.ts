import { RatingLevel } from '@tthc/db';
import { filter, map, pipe } from 'graphql-yoga';
import { type AgencyReach, commentReaders, reachOf } from '../services/access/audience.ts';
import {
  MAX_COMMENT_LENGTH,
  MAX_IDEMPOTENCY_KEY_LENGTH,
  type RatingRejection,
  type RatingService,
} from '../services/ratings/index.ts';
import { resolveScope, scopeTouchedBy } from '../services/stats.ts';
import { builder } from './builder.ts';
import { InputErrorRef } from './dossier.ts';
import { StatsScopeInput } from './stats.ts';
import {
  refusalsAsUserErrors,
  singleUserErrors,
  USE_USER_ERRORS,
  USER_ERRORS_DESCRIPTION,
  type UserError,
  UserErrorRef,
} from './user-errors.ts';

export const RatingLevelEnum = builder.enumType(RatingLevel, {
  name: 'RatingLevel',
  description: 'Quick rating of a finished dossier: rất hài lòng, hài lòng, không hài lòng.',
  values: {
    VERY_SATISFIED: { description: 'Very satisfied (rất hài lòng).' },
    SATISFIED: { description: 'Satisfied (hài lòng).' },
    DISSATISFIED: {
      description: 'Dissatisfied (không hài lòng); counts against Decision 766 indicator 5.4.',
    },
  },
});

const SubmitRatingInput = builder.inputType('SubmitRatingInput', {
  description:
    'A citizen’s quick rating of a finished dossier (đánh giá mức độ hài lòng), proven by its rating token.',
  fields: (t) => ({
    dossierCode: t.string({
      required: true,
      description: 'Dossier code (mã hồ sơ) the token was issued for.',
    }),
    token: t.string({ required: true, description: 'The rating token of the dossier’s rating link.' }),
    level: t.field({ type: RatingLevelEnum, required: true, description: 'The rating.' }),
    comment: t.string({
      description: `Up to ${MAX_COMMENT_LENGTH} characters. Stored as plain text with phone, identity numbers and e-mail addresses masked.`,
    }),
    idempotencyKey: t.string({
      description: `Up to ${MAX_IDEMPOTENCY_KEY_LENGTH} characters, chosen by the client: the same key again is answered ok without storing anything.`,
    }),
  }),
});

/** The input field each refusal of a rating is about (none: the client's rate, not the input). */
const RATING_REJECTION_FIELD: Record<RatingRejection, string | null> = {
  UNKNOWN_DOSSIER: 'dossierCode',
  NOT_FINISHED: 'dossierCode',
  INVALID_TOKEN: 'token',
  TOKEN_EXPIRED: 'token',
  COMMENT_TOO_LONG: 'comment',
  INVALID_IDEMPOTENCY_KEY: 'idempotencyKey',
  RATE_LIMITED: null,
};

// The parent is RatingService.submit's result as is: the rating fast path serialises its `error`
// itself (server/rating-fast-path.ts), so the field path is derived here rather than added to it.
const SubmitRatingPayload = builder
  .objectRef<{
    ok: boolean;
    replaced?: boolean;
    error: { index: number; code: RatingRejection; message: string } | null;
  }>('SubmitRatingPayload')
  .implement({
    description: 'Result of `submitRating`: stored, or why not.',
    fields: (t) => ({
      ok: t.exposeBoolean('ok', { description: 'True once the rating is durably stored.' }),
      replaced: t.boolean({
        description:
          'True when this rating took the place of an earlier one of the same dossier (the newer counts, the older is kept as history); false for a first rating, a replayed submission (same idempotency key) and a refusal.',
        resolve: (p) => p.replaced ?? false,
      }),
      error: t.field({
        type: InputErrorRef,
        nullable: true,
        description:
          'Why nothing was stored: UNKNOWN_DOSSIER, NOT_FINISHED, INVALID_TOKEN, TOKEN_EXPIRED, COMMENT_TOO_LONG, INVALID_IDEMPOTENCY_KEY, RATE_LIMITED.',
        deprecationReason: USE_USER_ERRORS,
        resolve: (p) => p.error,
      }),
      userErrors: t.field({
        type: [UserErrorRef],
        description: USER_ERRORS_DESCRIPTION,
        resolve: ({ error }) => {
          const field = error && RATING_REJECTION_FIELD[error.code];
          return singleUserErrors(error, field ? ['input', field] : null);
        },
      }),
    }),
  });

const RatingLinkRef = builder
  .objectRef<{ token: string; url: string; expiresAt: Date }>('RatingLink')
  .implement({
    description:
      'A link for the applicant of a finished dossier to rate it (đường dẫn đánh giá), to print on the receipt or send with the result.',
    fields: (t) => ({
      token: t.exposeString('token', {
        description:
          'The rating token: signed, naming the dossier and the expiry; reusable for re-rating until `expiresAt`.',
      }),
      url: t.exposeString('url', { description: 'The rating page with the dossier code and token.' }),
      expiresAt: t.expose('expiresAt', {
        type: 'DateTime',
        description:
          'When the token stops being accepted: RATING_TOKEN_DAYS (default 90) after the dossier finished.',
      }),
    }),
  });

const IssueRatingLinkInput = builder.inputType('IssueRatingLinkInput', {
  description: 'The finished dossier to issue a rating link for.',
  fields: (t) => ({ dossierCode: t.string({ required: true, description: 'Dossier code (mã hồ sơ).' }) }),
});

const IssueRatingLinkPayload = builder
  .objectRef<{ link: { token: string; url: string; expiresAt: Date } | null; userErrors: UserError[] }>(
    'IssueRatingLinkPayload',
  )
  .implement({
    description: 'Result of `issueRatingLink`: the link, or why none was issued.',
    fields: (t) => ({
      link: t.field({
        type: RatingLinkRef,
        nullable: true,
        description:
          'The link; null when refused (UNKNOWN_DOSSIER, also for another unit’s dossier; NOT_FINISHED; RATING_CLOSED).',
        resolve: (p) => p.link,
      }),
      userErrors: t.field({
        type: [UserErrorRef],
        description: USER_ERRORS_DESCRIPTION,
        resolve: (p) => p.userErrors,
      }),
    }),
  });

builder.mutationFields((t) => ({
  submitRating: t.field({
    type: SubmitRatingPayload,
    description:
      'Rates a finished dossier with its rating token (public). A newer rating replaces the older one in the statistics; the older is kept as history.',
    args: {
      input: t.arg({ type: SubmitRatingInput, required: true, description: 'The rating and its proof.' }),
    },
    resolve: (_root, { input }, ctx) => ctx.ratings.submit(input, ctx.clientIp),
  }),
  issueRatingLink: t.field({
    type: IssueRatingLinkPayload,
    description:
      'Issues a rating link for a finished dossier (scope: ingest), valid RATING_TOKEN_DAYS days after it ended; a dossier that cannot be rated is a user error.',
    authScopes: { ingest: true },
    args: { input: t.arg({ type: IssueRatingLinkInput, required: true, description: 'The dossier.' }) },
    resolve: async (_root, { input }, ctx) => {
      const reach = await reachOf(ctx.prisma, ctx.principal, 'INGEST');
      const { result, userErrors } = await refusalsAsUserErrors(['input', 'dossierCode'], () =>
        ctx.ratings.issueLink(input.dossierCode, reach),
      );
      return { link: result, userErrors };
    },
  }),
  ratingLink: t.field({
    type: RatingLinkRef,
    deprecationReason: 'Use issueRatingLink.',
    description:
      'Issues a rating link for a finished dossier (scope: ingest), valid RATING_TOKEN_DAYS days after it ended.',
    authScopes: { ingest: true },
    args: { dossierCode: t.arg.string({ required: true, description: 'Dossier code (mã hồ sơ).' }) },
    resolve: async (_root, { dossierCode }, ctx) =>
      ctx.ratings.issueLink(dossierCode, await reachOf(ctx.prisma, ctx.principal, 'INGEST')),
  }),
}));

interface RatingEventPayload {
  ratingId: string;
  agencyId: number;
  level: string;
  submittedAt: string;
  readers: AgencyReach;
}

const RatingEventRef = builder.objectRef<RatingEventPayload>('RatingEvent').implement({
  description: 'A rating just accepted. No personal data; the comment only for officials who may read it.',
  fields: (t) => ({
    level: t.field({
      type: RatingLevelEnum,
      description: 'The rating.',
      resolve: (e) => e.level as RatingLevel,
    }),
    submittedAt: t.field({
      type: 'DateTime',
      description: 'When it was accepted.',
      resolve: (e) => new Date(e.submittedAt),
    }),
    agencyCode: t.string({
      description: 'Code of the unit that received the dossier.',
      resolve: async (e, _args, ctx) => (await details(ctx, e)).agencyCode,
    }),
    procedureCode: t.string({
      description: 'National code of the dossier’s procedure (mã TTHC).',
      resolve: async (e, _args, ctx) => (await details(ctx, e)).procedureCode,
    }),
    comment: t.string({
      nullable: true,
      description:
        'Plain text (escape it before display); null unless the subscriber may read comments of the dossier’s agency (a read key or an official with VIEWER and above, within its subtree), and null when a moderator hid it.',
      resolve: async (e, _args, ctx) => (e.readers(e.agencyId) ? (await details(ctx, e)).comment : null),
    }),
  }),
});

/** Codes and comment, read back once per rating for every subscriber of this instance. */
async function details(ctx: { ratings: RatingService }, e: RatingEventPayload) {
  const found = await ctx.ratings.eventDetails(e.ratingId);
  if (!found) throw new Error(`rating ${e.ratingId} not found`);
  return found;
}

builder.subscriptionField('ratingSubmitted', (t) =>
  t.field({
    type: RatingEventRef,
    description: 'Each rating accepted for a dossier in the scope (agency subtree and/or procedure).',
    args: {
      scope: t.arg({
        type: StatsScopeInput,
        required: true,
        description: 'Which dossiers’ ratings: an agency subtree and/or a procedure; `{}` for all.',
      }),
    },
    subscribe: async (_root, { scope: input }, ctx) => {
      const scope = await resolveScope(ctx.db, input);
      const readers = await commentReaders(ctx.prisma, ctx.principal);
      return pipe(
        ctx.pubsub.subscribe('rating:submitted'),
        filter((e) => scopeTouchedBy(scope, { agencyIds: [e.agencyId], procedureIds: [e.procedureId] })),
        map((e): RatingEventPayload => ({ ...e, readers })),
      );
    },
    resolve: (e) => e,
  }),
);
