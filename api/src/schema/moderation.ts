// Citizens' comments for officials, and their moderation (services/moderation.ts): listed for those
// who may read comments, hidden and restored by administrators of the dossier's agency subtree.
import { reachWith } from '../services/access/reach.ts';
import {
  hiddenTextReaders,
  hideRatingComment,
  listRatingComments,
  MAX_HIDE_REASON_LENGTH,
  type RatingComment,
  restoreRatingComment,
} from '../services/moderation.ts';
import { ActorRef } from './actor.ts';
import { adminOf, userErrorsField, withUserErrors } from './admin-payload.ts';
import { AgencyRef } from './agency.ts';
import { builder } from './builder.ts';
import { bigKey, keysetConnection } from './keyset-connection.ts';
import { namedConnection } from './pagination.ts';
import { ProcedureRef } from './procedure.ts';
import { RatingLevelEnum } from './ratings.ts';
import { PeriodInput } from './stats.ts';
import type { UserError } from './user-errors.ts';

const RatingCommentRef = builder.objectRef<RatingComment>('RatingComment').implement({
  description:
    'A citizen’s rating with a comment, as an official sees it. The level counts in every figure, hidden or not.',
  fields: (t) => ({
    id: t.id({
      description: 'Id of the rating, as `hideRatingComment` and `restoreRatingComment` take it.',
      resolve: (r) => String(r.id),
    }),
    level: t.expose('level', { type: RatingLevelEnum, description: 'The rating.' }),
    comment: t.exposeString('comment', {
      nullable: true,
      description:
        'Plain text, masked before storage (escape it before display). Null when hidden, except for a signed-in official who may moderate it.',
    }),
    submittedAt: t.expose('submittedAt', { type: 'DateTime', description: 'When the rating was submitted.' }),
    current: t.exposeBoolean('current', {
      description: 'False when the applicant rated the dossier again later (this one is history).',
    }),
    dossierCode: t.string({
      description: 'Code of the rated dossier (mã hồ sơ).',
      resolve: (r) => r.dossier.code,
    }),
    agency: t.field({
      type: AgencyRef,
      description: 'The unit that received the dossier.',
      resolve: (r) => r.dossier.agency,
    }),
    procedure: t.field({
      type: ProcedureRef,
      description: 'The dossier’s procedure.',
      resolve: (r) => r.dossier.procedure,
    }),
    hidden: t.boolean({
      description: 'True when a moderator hid the comment (hideRatingComment).',
      resolve: (r) => r.hiddenAt !== null,
    }),
    hiddenAt: t.expose('hiddenAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When it was hidden; null when visible.',
    }),
    hiddenBy: t.field({
      type: ActorRef,
      nullable: true,
      description: 'Who hid it; null when visible.',
      resolve: (r) => r.hiddenBy,
    }),
    hiddenReason: t.exposeString('hiddenReason', {
      nullable: true,
      description: 'Why it was hidden; as the comment, only for those who may moderate it.',
    }),
  }),
});

const RatingCommentConnection = namedConnection(
  RatingCommentRef,
  'RatingComment',
  'rating comments (ý kiến đánh giá)',
);

const RatingCommentFilterInput = builder.inputType('RatingCommentFilter', {
  description: 'Filter of `ratingComments`: every criterion given must hold.',
  fields: (t) => ({
    agencyCode: t.string({
      description: 'Dossiers of this agency’s subtree (units merged into it included).',
    }),
    procedureCode: t.string({ description: 'Dossiers of this procedure (national code).' }),
    level: t.field({ type: RatingLevelEnum, description: 'Ratings of this level.' }),
    period: t.field({ type: PeriodInput, description: 'Submitted on these days.' }),
    hidden: t.boolean({ description: 'True: hidden comments only; false: visible ones only.' }),
  }),
});

builder.queryField('ratingComments', (t) =>
  t.connection(
    {
      type: RatingCommentRef,
      authScopes: { read: true },
      description:
        'Ratings with a comment, newest first, of the dossiers the caller may read comments of (VIEWER and above, or a read key, within the subtree).',
      args: {
        filter: t.arg({
          type: RatingCommentFilterInput,
          description: 'Which comments; omitted: all the caller may read.',
        }),
      },
      resolve: async (_root, args, ctx) => {
        const [readers, admins] = await Promise.all([
          reachWith(ctx.prisma, ctx.principal, 'READ'),
          reachWith(ctx.prisma, ctx.principal, 'ADMIN'),
        ]);
        const moderates = hiddenTextReaders(ctx.principal, admins);
        const list = await listRatingComments(ctx.prisma, readers, moderates, args.filter);
        return keysetConnection(args, { type: 'RatingComment', keyOf: (r) => r.id, parse: bigKey, ...list });
      },
    },
    RatingCommentConnection,
  ),
);

const HideRatingCommentInput = builder.inputType('HideRatingCommentInput', {
  description: 'The comment to hide, and why.',
  fields: (t) => ({
    ratingId: t.id({ required: true, description: 'Id of the rating (`RatingComment.id`).' }),
    reason: t.string({
      required: true,
      description: `Why, for the audit log: up to ${MAX_HIDE_REASON_LENGTH} characters.`,
    }),
  }),
});

const RestoreRatingCommentInput = builder.inputType('RestoreRatingCommentInput', {
  description: 'The hidden comment to show again.',
  fields: (t) => ({
    ratingId: t.id({ required: true, description: 'Id of the rating (`RatingComment.id`).' }),
  }),
});

function ratingPayload(name: string, description: string) {
  return builder.objectRef<{ rating: RatingComment | null; userErrors: UserError[] }>(name).implement({
    description,
    fields: (t) => ({
      rating: t.field({
        type: RatingCommentRef,
        nullable: true,
        description: 'The rating and its comment as now; null when refused.',
        resolve: (p) => p.rating,
      }),
      userErrors: userErrorsField(t),
    }),
  });
}

const RULE = 'Scope: admin, within the subtree of the dossier’s agency. Audited.';

builder.mutationFields((t) => ({
  hideRatingComment: t.field({
    type: ratingPayload(
      'HideRatingCommentPayload',
      'Result of `hideRatingComment`: the comment, hidden, or why not.',
    ),
    description: `Hides an abusive comment: kept, reversible, never shown to the public, the widget, third parties or live events. The rating still counts. ${RULE}`,
    authScopes: { admin: true },
    args: {
      input: t.arg({
        type: HideRatingCommentInput,
        required: true,
        description: 'The comment and the reason.',
      }),
    },
    resolve: async (_root, { input }, ctx) => {
      const by = await adminOf(ctx);
      const moderates = hiddenTextReaders(ctx.principal, by.reach);
      const { result, userErrors } = await withUserErrors(() =>
        hideRatingComment(
          ctx.prisma,
          { ratingId: String(input.ratingId), reason: input.reason },
          by,
          moderates,
        ),
      );
      return { rating: result, userErrors };
    },
  }),
  restoreRatingComment: t.field({
    type: ratingPayload(
      'RestoreRatingCommentPayload',
      'Result of `restoreRatingComment`: the comment, visible again, or why not.',
    ),
    description: `Shows a hidden comment again. ${RULE}`,
    authScopes: { admin: true },
    args: { input: t.arg({ type: RestoreRatingCommentInput, required: true, description: 'The comment.' }) },
    resolve: async (_root, { input }, ctx) => {
      const by = await adminOf(ctx);
      const moderates = hiddenTextReaders(ctx.principal, by.reach);
      const { result, userErrors } = await withUserErrors(() =>
        restoreRatingComment(ctx.prisma, { ratingId: String(input.ratingId) }, by, moderates),
      );
      return { rating: result, userErrors };
    },
  }),
}));
