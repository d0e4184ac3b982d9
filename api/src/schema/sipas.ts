import type { Conventions, CriterionReport, FactorReport, SipasReport } from '../services/sipas.ts';
import { computeSipas } from '../services/sipas.ts';
import { resolveScope } from '../services/stats.ts';
import { builder } from './builder.ts';
import { AGGREGATE_COST } from './field-cost.ts';
import { ACTIVE_ON_DESCRIPTION, PeriodInput } from './stats.ts';

// ─── SIPAS index ────────────────────────────────────────────────────────────────────────────────

const JdmaRef = builder.objectRef<{ good: number; medium: number; bad: number }>('JdmaShares').implement({
  description:
    'France’s “Je donne mon avis” shares, 0..1 each: good ≥ positiveFrom, bad ≤ its mirror on the scale.',
  fields: (t) => ({
    good: t.exposeFloat('good'),
    medium: t.exposeFloat('medium'),
    bad: t.exposeFloat('bad'),
  }),
});

const ConventionsRef = builder.objectRef<Conventions>('SatisfactionConventions').implement({
  description:
    'The same satisfaction answers under other published conventions: GOV.UK rescaled mean, OMB Circular A-11 percent agree, France’s “Je donne mon avis” shares; 0..1, null = no answers.',
  fields: (t) => ({
    answered: t.exposeInt('answered'),
    scaleMin: t.exposeInt('scaleMin'),
    scaleMax: t.exposeInt('scaleMax'),
    positiveFrom: t.exposeInt('positiveFrom'),
    rescaledMean: t.exposeFloat('rescaledMean', {
      nullable: true,
      description: 'GOV.UK rescaled mean: (mean − min) / (max − min).',
    }),
    percentAgree: t.exposeFloat('percentAgree', {
      nullable: true,
      description: 'OMB Circular A-11 percent agree: share answering ≥ positiveFrom (4–5 of 5).',
    }),
    jdma: t.field({ type: JdmaRef, nullable: true, resolve: (c) => c.jdma }),
  }),
});

const ScaleCountRef = builder
  .objectRef<{ value: number; label: string; count: number }>('ScaleValueCount')
  .implement({
    fields: (t) => ({
      value: t.exposeInt('value'),
      label: t.exposeString('label'),
      count: t.exposeInt('count'),
    }),
  });

const ShareCountRef = builder
  .objectRef<{ positive: number; answered: number; share: number | null }>('SatisfactionShare')
  .implement({
    fields: (t) => ({
      positive: t.exposeInt('positive', { description: 'Answered ≥ positiveFrom (4–5 of 5).' }),
      answered: t.exposeInt('answered'),
      share: t.exposeFloat('share', { nullable: true, description: 'positive / answered, 0..1.' }),
    }),
  });

const SipasCriterionRef = builder.objectRef<CriterionReport>('SipasCriterion').implement({
  fields: (t) => ({
    code: t.exposeString('code'),
    text: t.exposeString('text'),
    assessment: t.float({
      nullable: true,
      description: 'Assessment index: share agreeing the criterion was met, 0..1; null = no answers.',
      resolve: (c) => c.assessment.share,
    }),
    assessmentAgreed: t.int({ resolve: (c) => c.assessment.agree }),
    assessmentAnswered: t.int({ resolve: (c) => c.assessment.answered }),
    satisfaction: t.field({
      type: ShareCountRef,
      nullable: true,
      description: 'Only when the form asks satisfaction per criterion.',
      resolve: (c) => c.satisfaction,
    }),
  }),
});

const FactorMethodEnum = builder.enumType('SipasFactorMethod', {
  values: {
    FACTOR_QUESTION: { description: 'One satisfaction question for the factor (the 2017–2020 form).' },
    MEAN_OF_CRITERIA: {
      description:
        'Satisfaction asked per criterion: the factor index is the mean of its criteria’s shares (the project’s rule for such forms; the published SIPAS method asks once per factor).',
    },
  } as const,
});

const SipasFactorRef = builder.objectRef<FactorReport>('SipasFactor').implement({
  fields: (t) => ({
    code: t.exposeString('code'),
    name: t.exposeString('name'),
    index: t.exposeFloat('index', {
      nullable: true,
      description:
        'Respondents answering 4–5 to the factor’s satisfaction question / respondents answering it, 0..1. When the form asks satisfaction per criterion: the mean of the criteria’s shares (factorIndexFromCriteria; see `method`). Null = no answers.',
    }),
    respondents: t.exposeInt('respondents', {
      description:
        'Respondents answering the factor’s satisfaction question (one answer each: the sum of its answers); per criterion, those of its most answered criterion.',
    }),
    positive: t.exposeInt('positive', { description: 'Of them, answering 4–5 (factor-level question).' }),
    method: t.field({ type: FactorMethodEnum, resolve: (f) => f.method }),
    criteria: t.field({ type: [SipasCriterionRef], resolve: (f) => f.criteria }),
    distribution: t.field({
      type: [ScaleCountRef],
      description: 'Satisfaction answers per scale level.',
      resolve: (f) => f.distribution,
    }),
    conventions: t.field({ type: ConventionsRef, nullable: true, resolve: (f) => f.conventions }),
  }),
});

const ExpectationShareRef = builder
  .objectRef<SipasReport['expectations'][number]>('SipasExpectationShare')
  .implement({
    fields: (t) => ({
      code: t.exposeString('code'),
      text: t.exposeString('text'),
      count: t.exposeInt('count', { description: 'Respondents choosing it.' }),
      share: t.exposeFloat('share', {
        nullable: true,
        description: 'count / respondents, 0..1 (several may be chosen: shares may add up to more than 1).',
      }),
    }),
  });

const VersionUsedRef = builder
  .objectRef<SipasReport['versions'][number]>('SipasQuestionnaireVersion')
  .implement({
    fields: (t) => ({
      code: t.exposeString('code'),
      version: t.exposeInt('version'),
      respondents: t.exposeInt('respondents'),
    }),
  });

const ChainRef = builder.objectRef<SipasReport['chain']>('SatisfactionResponseChain').implement({
  description:
    'The denominator chain of the same scope and period: dossiers finished → asked to rate (a rating link issued) → rated.',
  fields: (t) => ({
    finished: t.exposeInt('finished', { description: 'Dossiers whose processing ended in the period.' }),
    ratingLinksIssued: t.exposeInt('ratingLinksIssued', {
      description: 'Of them, asked to rate (a link issued).',
    }),
    ratings: t.exposeInt('ratings', { description: 'Of them, rated (current quick ratings).' }),
    responseRate: t.float({
      nullable: true,
      description: 'ratings / finished, 0..1.',
      resolve: (c) => (c.finished === 0 ? null : c.ratings / c.finished),
    }),
    surveyRespondents: t.exposeInt('surveyRespondents', { description: 'SIPAS respondents in the period.' }),
  }),
});

const SipasIndexRef = builder.objectRef<SipasReport>('SipasIndex').implement({
  description:
    'SIPAS (Decision 2640/QĐ-BNV) of an agency subtree over a period, summed from the survey rollups. Indices are 0..1 ratios (×100 for the published %).',
  fields: (t) => ({
    index: t.exposeFloat('index', {
      nullable: true,
      description: 'Mean of the factor indices; null unless every factor has answers.',
    }),
    factors: t.field({ type: [SipasFactorRef], resolve: (s) => s.factors }),
    respondents: t.exposeInt('respondents', { description: 'Survey responses in the scope and period.' }),
    questionnaireCode: t.exposeString('questionnaireCode', { nullable: true }),
    versions: t.field({
      type: [VersionUsedRef],
      description:
        'The questionnaire versions answered in the period (pooled by factor, criterion and option code).',
      resolve: (s) => s.versions,
    }),
    satisfaction: t.field({
      type: ConventionsRef,
      nullable: true,
      description: 'Every factor’s satisfaction answers together, under the other conventions.',
      resolve: (s) => s.satisfaction,
    }),
    expectations: t.field({
      type: [ExpectationShareRef],
      description: 'Expectation index: share of respondents choosing each item.',
      resolve: (s) => s.expectations,
    }),
    responseChain: t.field({ type: ChainRef, resolve: (s) => s.chain }),
  }),
});

builder.queryField('sipas', (t) =>
  t.field({
    type: SipasIndexRef,
    complexity: AGGREGATE_COST,
    args: {
      agencyCode: t.arg.string({ required: true }),
      period: t.arg({ type: PeriodInput, required: true }),
      questionnaireCode: t.arg.string({ description: 'Default: the SIPAS questionnaire published last.' }),
      activeOn: t.arg({ type: 'Date', description: ACTIVE_ON_DESCRIPTION }),
    },
    resolve: async (_root, { agencyCode, period, questionnaireCode, activeOn }, ctx) =>
      computeSipas(
        ctx.db,
        ctx.prisma,
        await resolveScope(ctx.prisma, { agencyCode, activeOn }, period.to),
        period,
        questionnaireCode,
      ),
  }),
);
