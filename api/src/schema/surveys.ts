import { QuestionnaireKind, QuestionnaireStatus, SurveyQuestionKind } from '@tthc/db';
import { badInput } from '../errors.ts';
import { assertAgencyInKeyScope, assertUnrestrictedKey } from '../services/access/agency-scope.ts';
import { actorOf } from '../services/access/principal.ts';
import { optionList, type PathError, publishQuestionnaire, scaleLevels } from '../services/questionnaires.ts';
import { MAX_ANSWERS } from '../services/survey-answers.ts';
import { recordPaperSurvey, type SurveyOutcome, submitSurvey } from '../services/surveys.ts';
import { builder } from './builder.ts';
import { InputErrorRef } from './dossier.ts';
import {
  indexedUserErrors,
  pathUserErrors,
  USE_USER_ERRORS,
  USER_ERRORS_DESCRIPTION,
  UserErrorRef,
} from './user-errors.ts';

// ─── Questionnaires (docs/domain.md §4.3: the instrument is data, versioned) ────────────────────

const QuestionnaireKindEnum = builder.enumType(QuestionnaireKind, { name: 'QuestionnaireKind' });
const QuestionnaireStatusEnum = builder.enumType(QuestionnaireStatus, {
  name: 'QuestionnaireStatus',
  description:
    'PUBLISHED: the version answered now; RETIRED: replaced by a newer version (its responses stay).',
});
const SurveyQuestionKindEnum = builder.enumType(SurveyQuestionKind, {
  name: 'SurveyQuestionKind',
  description:
    'ASSESSMENT: nhận định, was the criterion met; SATISFACTION: mức độ hài lòng on a scale; EXPECTATION: mong đợi, choose options; QUICK: 3-level quick rating.',
});

const ScaleLevelRef = builder.objectRef<{ value: number; label: string }>('ScaleLevel').implement({
  fields: (t) => ({ value: t.exposeInt('value'), label: t.exposeString('label') }),
});
const QuestionOptionRef = builder.objectRef<{ code: string; text: string }>('QuestionOption').implement({
  description: 'An option of an EXPECTATION question; rollups count option k (1-based) as value k.',
  fields: (t) => ({ code: t.exposeString('code'), text: t.exposeString('text') }),
});

builder.prismaObject('SurveyScale', {
  fields: (t) => ({
    code: t.exposeString('code'),
    name: t.exposeString('name'),
    levels: t.field({ type: [ScaleLevelRef], resolve: (s) => scaleLevels(s.levels) }),
    positiveFrom: t.exposeInt('positiveFrom', {
      nullable: true,
      description: 'Lowest value counted as satisfied / agreeing (4 on the 5-point SIPAS scale).',
    }),
  }),
});

builder.prismaObject('SurveyCriterion', {
  description: 'Tiêu chí: what a factor is judged on.',
  fields: (t) => ({
    code: t.exposeString('code'),
    text: t.exposeString('text'),
    position: t.exposeInt('position'),
  }),
});

builder.prismaObject('SurveyFactor', {
  description: 'Yếu tố: the SIPAS index is the mean of the factor indices.',
  fields: (t) => ({
    code: t.exposeString('code'),
    name: t.exposeString('name'),
    position: t.exposeInt('position'),
    criteria: t.relation('criteria', { query: { orderBy: { position: 'asc' } } }),
  }),
});

builder.prismaObject('SurveyQuestion', {
  fields: (t) => ({
    code: t.exposeString('code'),
    kind: t.expose('kind', { type: SurveyQuestionKindEnum }),
    text: t.exposeString('text'),
    position: t.exposeInt('position'),
    factor: t.relation('factor', { nullable: true }),
    criterion: t.relation('criterion', { nullable: true }),
    scale: t.relation('scale', { nullable: true, description: 'Null for EXPECTATION questions.' }),
    options: t.field({
      type: [QuestionOptionRef],
      description: 'The choices of an EXPECTATION question, in order; empty otherwise.',
      select: { options: true },
      resolve: (q) => optionList(q.options),
    }),
  }),
});

const QuestionnaireRef = builder.prismaObject('Questionnaire', {
  description:
    'A version of a survey instrument. A published version is never edited: publishing creates the next version, and each response keeps pointing at the version it answered.',
  fields: (t) => ({
    code: t.exposeString('code'),
    version: t.exposeInt('version'),
    kind: t.expose('kind', { type: QuestionnaireKindEnum }),
    name: t.exposeString('name'),
    basis: t.exposeString('basis', { nullable: true, description: 'Legal basis.' }),
    status: t.expose('status', { type: QuestionnaireStatusEnum }),
    publishedAt: t.expose('publishedAt', { type: 'DateTime', nullable: true }),
    factors: t.relation('factors', { query: { orderBy: { position: 'asc' } } }),
    scales: t.relation('scales', { query: { orderBy: { id: 'asc' } } }),
    questions: t.relation('questions', { query: { orderBy: { position: 'asc' } } }),
  }),
});

builder.queryFields((t) => ({
  questionnaires: t.prismaField({
    type: [QuestionnaireRef],
    description: 'Questionnaire versions, newest first (filter by code, kind, status).',
    args: {
      code: t.arg.string(),
      kind: t.arg({ type: QuestionnaireKindEnum }),
      status: t.arg({ type: QuestionnaireStatusEnum }),
    },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.questionnaire.findMany({
        ...query,
        where: {
          ...(args.code ? { code: args.code } : {}),
          ...(args.kind ? { kind: args.kind } : {}),
          ...(args.status ? { status: args.status } : {}),
        },
        orderBy: [{ code: 'asc' }, { version: 'desc' }],
        take: 200,
      }),
  }),
  questionnaire: t.prismaField({
    type: QuestionnaireRef,
    nullable: true,
    description:
      'One version of the questionnaire `code`; without `version`, the one published now (else the newest). With `kind` instead of `code`: the questionnaire of that kind published last (what the portal widget asks its short items from; one object, so it fits an anonymous caller’s cost budget). Neither: BAD_USER_INPUT.',
    args: {
      code: t.arg.string(),
      kind: t.arg({ type: QuestionnaireKindEnum }),
      version: t.arg.int(),
    },
    resolve: async (query, _root, { code, kind, version }, ctx) => {
      if (!code) {
        if (!kind) throw badInput('Cần mã bộ câu hỏi (code) hoặc loại bộ câu hỏi (kind).');
        return ctx.prisma.questionnaire.findFirst({
          ...query,
          where: { kind, status: 'PUBLISHED' },
          orderBy: [{ publishedAt: { sort: 'desc', nulls: 'last' } }, { id: 'desc' }],
        });
      }
      if (version != null)
        return ctx.prisma.questionnaire.findUnique({ ...query, where: { code_version: { code, version } } });
      const published = await ctx.prisma.questionnaire.findFirst({
        ...query,
        where: { code, status: 'PUBLISHED' },
        orderBy: { version: 'desc' },
      });
      return (
        published ??
        ctx.prisma.questionnaire.findFirst({ ...query, where: { code }, orderBy: { version: 'desc' } })
      );
    },
  }),
}));

const ScaleLevelInput = builder.inputType('ScaleLevelInput', {
  fields: (t) => ({ value: t.int({ required: true }), label: t.string({ required: true }) }),
});
const ScaleInput = builder.inputType('SurveyScaleInput', {
  fields: (t) => ({
    code: t.string({ required: true }),
    name: t.string({ required: true }),
    levels: t.field({ type: [ScaleLevelInput], required: true }),
    positiveFrom: t.int({ description: 'Required on scales of ASSESSMENT and SATISFACTION questions.' }),
  }),
});
const OptionInput = builder.inputType('QuestionOptionInput', {
  fields: (t) => ({ code: t.string({ required: true }), text: t.string({ required: true }) }),
});
const CriterionInput = builder.inputType('SurveyCriterionInput', {
  fields: (t) => ({ code: t.string({ required: true }), text: t.string({ required: true }) }),
});
const FactorInput = builder.inputType('SurveyFactorInput', {
  fields: (t) => ({
    code: t.string({ required: true }),
    name: t.string({ required: true }),
    criteria: t.field({ type: [CriterionInput], required: true }),
  }),
});
const QuestionInput = builder.inputType('SurveyQuestionInput', {
  fields: (t) => ({
    code: t.string({ required: true }),
    kind: t.field({ type: SurveyQuestionKindEnum, required: true }),
    text: t.string({ required: true }),
    factorCode: t.string({ description: 'SATISFACTION per factor: the factor.' }),
    criterionCode: t.string({
      description:
        'ASSESSMENT, or SATISFACTION per criterion: the criterion (codes are unique in a questionnaire).',
    }),
    scaleCode: t.string({ description: 'ASSESSMENT, SATISFACTION and QUICK questions.' }),
    options: t.field({ type: [OptionInput], description: 'EXPECTATION questions.' }),
  }),
});
const PublishQuestionnaireInput = builder.inputType('PublishQuestionnaireInput', {
  description: 'The whole content of the new version; the previous published version is retired, not edited.',
  fields: (t) => ({
    code: t.string({ required: true }),
    kind: t.field({ type: QuestionnaireKindEnum, required: true }),
    name: t.string({ required: true }),
    basis: t.string(),
    scales: t.field({ type: [ScaleInput], required: true }),
    factors: t.field({ type: [FactorInput], required: true }),
    questions: t.field({ type: [QuestionInput], required: true }),
  }),
});

const QuestionnaireErrorRef = builder.objectRef<PathError>('QuestionnaireInputError').implement({
  fields: (t) => ({
    path: t.exposeString('path', { description: 'Where in the input, e.g. questions[3].scaleCode.' }),
    code: t.exposeString('code'),
    message: t.exposeString('message'),
  }),
});

const PublishPayload = builder
  .objectRef<{ questionnaireId: number | null; errors: PathError[] }>('PublishQuestionnairePayload')
  .implement({
    fields: (t) => ({
      questionnaire: t.prismaField({
        type: QuestionnaireRef,
        nullable: true,
        description: 'The new version; null when the input was rejected (nothing was stored).',
        resolve: (query, p, _args, ctx) =>
          p.questionnaireId === null
            ? null
            : ctx.prisma.questionnaire.findUnique({ ...query, where: { id: p.questionnaireId } }),
      }),
      errors: t.field({
        type: [QuestionnaireErrorRef],
        deprecationReason: USE_USER_ERRORS,
        resolve: (p) => p.errors,
      }),
      userErrors: t.field({
        type: [UserErrorRef],
        description: USER_ERRORS_DESCRIPTION,
        resolve: (p) => pathUserErrors(p.errors, ['input']),
      }),
    }),
  });

builder.mutationField('publishQuestionnaire', (t) =>
  t.field({
    type: PublishPayload,
    description:
      'Publishes version n + 1 of a questionnaire (1 for a new code) and retires version n (scope: admin, key not limited to an agency).',
    authScopes: { admin: true },
    args: { input: t.arg({ type: PublishQuestionnaireInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      assertUnrestrictedKey(ctx.principal);
      const outcome = await publishQuestionnaire(ctx.prisma, input, actorOf(ctx.principal));
      return outcome.ok
        ? { questionnaireId: outcome.questionnaireId, errors: [] }
        : { questionnaireId: null, errors: outcome.errors };
    },
  }),
);

// ─── Survey responses ───────────────────────────────────────────────────────────────────────────

const AnswerInput = builder.inputType('SurveyAnswerInput', {
  fields: (t) => ({
    questionCode: t.string({ required: true }),
    value: t.int({ description: 'A level of the question’s scale (ASSESSMENT, SATISFACTION, QUICK).' }),
    options: t.stringList({ description: 'Chosen option codes (EXPECTATION).' }),
  }),
});

const SubmitSurveyInput = builder.inputType('SubmitSurveyInput', {
  fields: (t) => ({
    questionnaireCode: t.string({ required: true }),
    questionnaireVersion: t.int({ description: 'Default: the version published now.' }),
    dossierCode: t.string({ required: true }),
    token: t.string({
      required: true,
      description: 'The rating token of the dossier (as for submitRating).',
    }),
    answers: t.field({ type: [AnswerInput], required: true, description: `At most ${MAX_ANSWERS}.` }),
    idempotencyKey: t.string({
      required: true,
      description:
        'Chosen by the client (8–100 of A–Z a–z 0–9 . _ : -); a retry with the same key stores nothing more.',
    }),
  }),
});

const PaperSurveyInput = builder.inputType('PaperSurveyInput', {
  description: 'A paper form entered by an official: tied to an agency, not to a dossier.',
  fields: (t) => ({
    questionnaireCode: t.string({ required: true }),
    questionnaireVersion: t.int({
      description: 'The printed form’s version; default: the version published now.',
    }),
    agencyCode: t.string({
      required: true,
      description: 'The agency surveyed (the code on the form’s day).',
    }),
    submittedAt: t.field({ type: 'DateTime', required: true, description: 'When the form was filled in.' }),
    answers: t.field({ type: [AnswerInput], required: true }),
    idempotencyKey: t.string({ required: true }),
  }),
});

const SubmitSurveyPayload = builder.objectRef<SurveyOutcome>('SubmitSurveyPayload').implement({
  description:
    'Either stored (ok) or rejected with every problem found; nothing is stored when any answer is invalid.',
  fields: (t) => ({
    ok: t.exposeBoolean('ok'),
    duplicate: t.exposeBoolean('duplicate', {
      description: 'This idempotency key was already stored: ok, and nothing new was stored.',
    }),
    responseId: t.exposeID('responseId', { nullable: true }),
    errors: t.field({
      type: [InputErrorRef],
      description:
        'index −1: the submission as a whole (UNKNOWN_QUESTIONNAIRE, UNKNOWN_DOSSIER, NOT_FINISHED, INVALID_TOKEN, TOKEN_EXPIRED, ALREADY_SUBMITTED, IDEMPOTENCY_KEY_REUSED, …); otherwise the position in `answers` (UNKNOWN_QUESTION, DUPLICATE_QUESTION, VALUE_OUT_OF_SCALE, UNKNOWN_OPTION, …).',
      deprecationReason: USE_USER_ERRORS,
      resolve: (p) => p.errors,
    }),
    userErrors: t.field({
      type: [UserErrorRef],
      description: USER_ERRORS_DESCRIPTION,
      resolve: (p) => indexedUserErrors(p.errors, { input: ['input'], list: 'answers' }),
    }),
  }),
});

builder.mutationFields((t) => ({
  submitSurvey: t.field({
    type: SubmitSurveyPayload,
    description:
      'A survey response from the applicant of a finished dossier, proven by the dossier’s rating token (public). One response per dossier and questionnaire.',
    args: { input: t.arg({ type: SubmitSurveyInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const admitted = await ctx.ratings.admitClient(ctx.clientIp);
      if (!admitted.ok) {
        const message = `Quá nhiều lượt gửi, vui lòng thử lại sau ${admitted.retryAfterSeconds} giây.`;
        return {
          ok: false,
          duplicate: false,
          responseId: null,
          errors: [{ index: -1, code: 'RATE_LIMITED', message }],
        } satisfies SurveyOutcome;
      }
      return submitSurvey(ctx, (token, code, now) => ctx.ratings.verifyToken(token, code, now), input);
    },
  }),
  recordSurveyResponse: t.field({
    type: SubmitSurveyPayload,
    description:
      'A paper survey form entered by an official (scope: ingest; a key limited to an agency, for its subtree).',
    authScopes: { ingest: true },
    args: { input: t.arg({ type: PaperSurveyInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      recordPaperSurvey(ctx, input, (agencyId) =>
        assertAgencyInKeyScope(ctx.prisma, ctx.principal, agencyId, 'INGEST'),
      ),
  }),
}));
