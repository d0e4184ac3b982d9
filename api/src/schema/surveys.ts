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

const QuestionnaireKindEnum = builder.enumType(QuestionnaireKind, {
  name: 'QuestionnaireKind',
  description: 'What a questionnaire (bộ câu hỏi khảo sát) is for.',
  values: {
    QUICK_RATING: {
      description:
        'The short items the portal widget asks beside the quick 3-level rating of a dossier (đánh giá nhanh).',
    },
    SIPAS: {
      description:
        'The SIPAS survey of satisfaction with public administrative services (Decision 2640/QĐ-BNV): factors, criteria, scales; `sipas` computes its index.',
    },
    OTHER: { description: 'Any other survey.' },
  },
});
const QuestionnaireStatusEnum = builder.enumType(QuestionnaireStatus, {
  name: 'QuestionnaireStatus',
  description:
    'PUBLISHED: the version answered now; RETIRED: replaced by a newer version (its responses stay).',
  values: {
    DRAFT: { description: 'Being prepared: not answered, not counted.' },
    PUBLISHED: { description: 'The version answered now (one per code).' },
    RETIRED: {
      description: 'Replaced by a newer version; its responses stay and still count for their period.',
    },
  },
});
const SurveyQuestionKindEnum = builder.enumType(SurveyQuestionKind, {
  name: 'SurveyQuestionKind',
  description:
    'ASSESSMENT: nhận định, was the criterion met; SATISFACTION: mức độ hài lòng on a scale; EXPECTATION: mong đợi, choose options; QUICK: 3-level quick rating.',
  values: {
    ASSESSMENT: {
      description: 'Assessment (nhận định): was the criterion met? Answered on an agree / disagree scale.',
    },
    SATISFACTION: {
      description: 'Satisfaction (mức độ hài lòng) on a scale (1–5 for SIPAS), per factor or per criterion.',
    },
    EXPECTATION: {
      description:
        'Expectation (mong đợi): choose, among `options`, what should improve; several may be chosen.',
    },
    QUICK: { description: 'A quick 3-level rating item (rất hài lòng, hài lòng, không hài lòng).' },
  },
});

const ScaleLevelRef = builder.objectRef<{ value: number; label: string }>('ScaleLevel').implement({
  description: 'One level of an answer scale, e.g. 5 “Rất hài lòng”.',
  fields: (t) => ({
    value: t.exposeInt('value', { description: 'The value an answer gives (e.g. 1..5).' }),
    label: t.exposeString('label', { description: 'Its wording on the form, in Vietnamese.' }),
  }),
});
const QuestionOptionRef = builder.objectRef<{ code: string; text: string }>('QuestionOption').implement({
  description: 'An option of an EXPECTATION question; rollups count option k (1-based) as value k.',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'Code of the option, as an answer’s `options` names it.' }),
    text: t.exposeString('text', { description: 'Its wording on the form, in Vietnamese.' }),
  }),
});

builder.prismaObject('SurveyScale', {
  description: 'An answer scale of a questionnaire (thang đo), e.g. the 5-point SIPAS satisfaction scale.',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'Code of the scale, unique in its questionnaire.' }),
    name: t.exposeString('name', { description: 'Name of the scale, in Vietnamese.' }),
    levels: t.field({
      type: [ScaleLevelRef],
      description: 'Its levels, lowest value first.',
      resolve: (s) => scaleLevels(s.levels),
    }),
    positiveFrom: t.exposeInt('positiveFrom', {
      nullable: true,
      description: 'Lowest value counted as satisfied / agreeing (4 on the 5-point SIPAS scale).',
    }),
  }),
});

builder.prismaObject('SurveyCriterion', {
  description: 'Criterion (tiêu chí) of a survey: what a factor is judged on.',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'Code of the criterion, unique in its questionnaire.' }),
    text: t.exposeString('text', { description: 'Its wording on the form, in Vietnamese.' }),
    position: t.exposeInt('position', { description: 'Order within its factor, from 1.' }),
  }),
});

builder.prismaObject('SurveyFactor', {
  description:
    'Factor (yếu tố) of a survey, grouping criteria: the SIPAS index is the mean of the factor indices.',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'Code of the factor, unique in its questionnaire.' }),
    name: t.exposeString('name', { description: 'Name of the factor, e.g. “Tiếp cận dịch vụ”.' }),
    position: t.exposeInt('position', { description: 'Order in the questionnaire, from 1.' }),
    criteria: t.relation('criteria', {
      description: 'Its criteria (tiêu chí), in order.',
      query: { orderBy: { position: 'asc' } },
    }),
  }),
});

builder.prismaObject('SurveyQuestion', {
  description: 'A question of a questionnaire: what it asks, of which factor or criterion, on which scale.',
  fields: (t) => ({
    code: t.exposeString('code', {
      description: 'Code of the question, as an answer’s `questionCode` names it.',
    }),
    kind: t.expose('kind', { type: SurveyQuestionKindEnum, description: 'What kind of answer it takes.' }),
    text: t.exposeString('text', { description: 'Its wording on the form, in Vietnamese.' }),
    position: t.exposeInt('position', { description: 'Order in the questionnaire, from 1.' }),
    factor: t.relation('factor', {
      nullable: true,
      description: 'SATISFACTION per factor: the factor it measures; null otherwise.',
    }),
    criterion: t.relation('criterion', {
      nullable: true,
      description: 'ASSESSMENT, or SATISFACTION per criterion: the criterion it measures; null otherwise.',
    }),
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
    code: t.exposeString('code', {
      description: 'Code of the questionnaire, shared by its versions, e.g. SIPAS-2640.',
    }),
    version: t.exposeInt('version', { description: 'Version number, from 1.' }),
    kind: t.expose('kind', { type: QuestionnaireKindEnum, description: 'What the questionnaire is for.' }),
    name: t.exposeString('name', { description: 'Name of the questionnaire, in Vietnamese.' }),
    basis: t.exposeString('basis', {
      nullable: true,
      description: 'Legal basis, e.g. Quyết định 2640/QĐ-BNV ngày 10/10/2017; null when none.',
    }),
    status: t.expose('status', {
      type: QuestionnaireStatusEnum,
      description: 'Whether this version is answered now.',
    }),
    publishedAt: t.expose('publishedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When this version was published; null for a draft.',
    }),
    factors: t.relation('factors', {
      description: 'Its factors (yếu tố), in order; empty for a questionnaire without factors.',
      query: { orderBy: { position: 'asc' } },
    }),
    scales: t.relation('scales', { description: 'Its answer scales.', query: { orderBy: { id: 'asc' } } }),
    questions: t.relation('questions', {
      description: 'Its questions, in the form’s order.',
      query: { orderBy: { position: 'asc' } },
    }),
  }),
});

builder.queryFields((t) => ({
  questionnaires: t.prismaField({
    type: [QuestionnaireRef],
    description:
      'Questionnaire versions (bộ câu hỏi khảo sát), by code and then newest first, at most 200; public. Every argument given must hold.',
    args: {
      code: t.arg.string({ description: 'Only the versions of this questionnaire code.' }),
      kind: t.arg({ type: QuestionnaireKindEnum, description: 'Only questionnaires of this kind.' }),
      status: t.arg({ type: QuestionnaireStatusEnum, description: 'Only versions in this status.' }),
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
      code: t.arg.string({ description: 'Code of the questionnaire.' }),
      kind: t.arg({
        type: QuestionnaireKindEnum,
        description: 'Without `code`: the questionnaire of this kind published last.',
      }),
      version: t.arg.int({
        description: 'With `code`: this version; omitted: the one published now (else the newest).',
      }),
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
  description: 'One level of an answer scale.',
  fields: (t) => ({
    value: t.int({ required: true, description: 'The value an answer gives; distinct within the scale.' }),
    label: t.string({ required: true, description: 'Its wording on the form, e.g. “Rất hài lòng”.' }),
  }),
});
const ScaleInput = builder.inputType('SurveyScaleInput', {
  description: 'An answer scale of the new version (thang đo).',
  fields: (t) => ({
    code: t.string({
      required: true,
      description: 'Code of the scale, unique in the questionnaire; questions name it in `scaleCode`.',
    }),
    name: t.string({ required: true, description: 'Name of the scale, in Vietnamese.' }),
    levels: t.field({ type: [ScaleLevelInput], required: true, description: 'Its levels.' }),
    positiveFrom: t.int({ description: 'Required on scales of ASSESSMENT and SATISFACTION questions.' }),
  }),
});
const OptionInput = builder.inputType('QuestionOptionInput', {
  description: 'An option of an EXPECTATION question.',
  fields: (t) => ({
    code: t.string({ required: true, description: 'Code of the option, unique in its question.' }),
    text: t.string({ required: true, description: 'Its wording on the form.' }),
  }),
});
const CriterionInput = builder.inputType('SurveyCriterionInput', {
  description: 'A criterion (tiêu chí) of a factor.',
  fields: (t) => ({
    code: t.string({ required: true, description: 'Code of the criterion, unique in the questionnaire.' }),
    text: t.string({ required: true, description: 'Its wording on the form.' }),
  }),
});
const FactorInput = builder.inputType('SurveyFactorInput', {
  description: 'A factor (yếu tố) of the new version and its criteria, in order.',
  fields: (t) => ({
    code: t.string({ required: true, description: 'Code of the factor, unique in the questionnaire.' }),
    name: t.string({ required: true, description: 'Name of the factor, in Vietnamese.' }),
    criteria: t.field({ type: [CriterionInput], required: true, description: 'Its criteria, in order.' }),
  }),
});
const QuestionInput = builder.inputType('SurveyQuestionInput', {
  description: 'A question of the new version, in the form’s order.',
  fields: (t) => ({
    code: t.string({ required: true, description: 'Code of the question, unique in the questionnaire.' }),
    kind: t.field({
      type: SurveyQuestionKindEnum,
      required: true,
      description: 'What kind of answer it takes.',
    }),
    text: t.string({ required: true, description: 'Its wording on the form.' }),
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
    code: t.string({
      required: true,
      description: 'Code of the questionnaire: a new code starts at version 1.',
    }),
    kind: t.field({
      type: QuestionnaireKindEnum,
      required: true,
      description: 'What the questionnaire is for.',
    }),
    name: t.string({ required: true, description: 'Name of the questionnaire, in Vietnamese.' }),
    basis: t.string({ description: 'Legal basis, e.g. Quyết định 2640/QĐ-BNV ngày 10/10/2017; optional.' }),
    scales: t.field({ type: [ScaleInput], required: true, description: 'The answer scales.' }),
    factors: t.field({
      type: [FactorInput],
      required: true,
      description: 'The factors (yếu tố) and their criteria, in order.',
    }),
    questions: t.field({
      type: [QuestionInput],
      required: true,
      description: 'The questions, in the form’s order.',
    }),
  }),
});

const QuestionnaireErrorRef = builder.objectRef<PathError>('QuestionnaireInputError').implement({
  description: 'A problem of a questionnaire input, at its path (the older form of `userErrors`).',
  fields: (t) => ({
    path: t.exposeString('path', { description: 'Where in the input, e.g. questions[3].scaleCode.' }),
    code: t.exposeString('code', { description: 'Stable error code, a value of the ErrorCode enum.' }),
    message: t.exposeString('message', { description: 'Why, in Vietnamese.' }),
  }),
});

const PublishPayload = builder
  .objectRef<{ questionnaireId: number | null; errors: PathError[] }>('PublishQuestionnairePayload')
  .implement({
    description: 'Result of `publishQuestionnaire`: the new version, or every problem of the input.',
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
        description: 'The problems of the input by path; the same as `userErrors`.',
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
    args: {
      input: t.arg({
        type: PublishQuestionnaireInput,
        required: true,
        description: 'The whole new version.',
      }),
    },
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
  description: 'The answer to one question: `value` or `options`, as the question’s kind takes.',
  fields: (t) => ({
    questionCode: t.string({
      required: true,
      description: 'Code of the question answered; once per response.',
    }),
    value: t.int({ description: 'A level of the question’s scale (ASSESSMENT, SATISFACTION, QUICK).' }),
    options: t.stringList({ description: 'Chosen option codes (EXPECTATION).' }),
  }),
});

const SubmitSurveyInput = builder.inputType('SubmitSurveyInput', {
  description: 'A survey response of the applicant of a finished dossier, proven by its rating token.',
  fields: (t) => ({
    questionnaireCode: t.string({ required: true, description: 'Code of the questionnaire answered.' }),
    questionnaireVersion: t.int({ description: 'Default: the version published now.' }),
    dossierCode: t.string({
      required: true,
      description: 'Dossier code (mã hồ sơ) the token was issued for.',
    }),
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
    questionnaireCode: t.string({
      required: true,
      description: 'Code of the questionnaire on the paper form.',
    }),
    questionnaireVersion: t.int({
      description: 'The printed form’s version; default: the version published now.',
    }),
    agencyCode: t.string({
      required: true,
      description: 'The agency surveyed (the code on the form’s day).',
    }),
    submittedAt: t.field({ type: 'DateTime', required: true, description: 'When the form was filled in.' }),
    answers: t.field({
      type: [AnswerInput],
      required: true,
      description: `The answers on the form; at most ${MAX_ANSWERS}.`,
    }),
    idempotencyKey: t.string({
      required: true,
      description:
        'Chosen by the client (8–100 of A–Z a–z 0–9 . _ : -), e.g. the form’s serial number; a retry with the same key stores nothing more.',
    }),
  }),
});

const SubmitSurveyPayload = builder.objectRef<SurveyOutcome>('SubmitSurveyPayload').implement({
  description:
    'Either stored (ok) or rejected with every problem found; nothing is stored when any answer is invalid.',
  fields: (t) => ({
    ok: t.exposeBoolean('ok', {
      description: 'True when the response is stored (or was already, `duplicate`).',
    }),
    duplicate: t.exposeBoolean('duplicate', {
      description: 'This idempotency key was already stored: ok, and nothing new was stored.',
    }),
    responseId: t.exposeID('responseId', {
      nullable: true,
      description: 'Id of the stored response; null when rejected.',
    }),
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
    args: {
      input: t.arg({ type: SubmitSurveyInput, required: true, description: 'The response and its proof.' }),
    },
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
    args: {
      input: t.arg({ type: PaperSurveyInput, required: true, description: 'The paper form’s answers.' }),
    },
    resolve: (_root, { input }, ctx) =>
      recordPaperSurvey(ctx, input, (agencyId) =>
        assertAgencyInKeyScope(ctx.prisma, ctx.principal, agencyId, 'INGEST'),
      ),
  }),
}));
