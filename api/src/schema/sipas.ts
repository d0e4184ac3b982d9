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
    good: t.exposeFloat('good', { description: 'Share of “good” answers (4–5 of 5), 0..1.' }),
    medium: t.exposeFloat('medium', { description: 'Share of answers between bad and good (3 of 5), 0..1.' }),
    bad: t.exposeFloat('bad', {
      description: 'Share of “bad” answers (1–2 of 5), 0..1; good + medium + bad = 1.',
    }),
  }),
});

const ConventionsRef = builder.objectRef<Conventions>('SatisfactionConventions').implement({
  description:
    'The same satisfaction answers under other published conventions: GOV.UK rescaled mean, OMB Circular A-11 percent agree, France’s “Je donne mon avis” shares; 0..1, null = no answers.',
  fields: (t) => ({
    answered: t.exposeInt('answered', { description: 'Satisfaction answers counted.' }),
    scaleMin: t.exposeInt('scaleMin', { description: 'Lowest value of the scale (1 on the SIPAS scale).' }),
    scaleMax: t.exposeInt('scaleMax', { description: 'Highest value of the scale (5 on the SIPAS scale).' }),
    positiveFrom: t.exposeInt('positiveFrom', {
      description: 'Lowest value counted as satisfied (4 on the SIPAS scale).',
    }),
    rescaledMean: t.exposeFloat('rescaledMean', {
      nullable: true,
      description: 'GOV.UK rescaled mean: (mean − min) / (max − min).',
    }),
    percentAgree: t.exposeFloat('percentAgree', {
      nullable: true,
      description: 'OMB Circular A-11 percent agree: share answering ≥ positiveFrom (4–5 of 5).',
    }),
    jdma: t.field({
      type: JdmaRef,
      nullable: true,
      description: '“Je donne mon avis” good / medium / bad shares; null when nobody answered.',
      resolve: (c) => c.jdma,
    }),
  }),
});

const ScaleCountRef = builder
  .objectRef<{ value: number; label: string; count: number }>('ScaleValueCount')
  .implement({
    description: 'How many satisfaction answers gave one level of the scale.',
    fields: (t) => ({
      value: t.exposeInt('value', { description: 'The level’s value, e.g. 5.' }),
      label: t.exposeString('label', { description: 'The level’s wording, e.g. “Rất hài lòng”.' }),
      count: t.exposeInt('count', { description: 'Answers giving it.' }),
    }),
  });

const ShareCountRef = builder
  .objectRef<{ positive: number; answered: number; share: number | null }>('SatisfactionShare')
  .implement({
    description: 'Share of satisfied answers to one satisfaction question (mức độ hài lòng).',
    fields: (t) => ({
      positive: t.exposeInt('positive', { description: 'Answered ≥ positiveFrom (4–5 of 5).' }),
      answered: t.exposeInt('answered', { description: 'Respondents who answered the question.' }),
      share: t.exposeFloat('share', { nullable: true, description: 'positive / answered, 0..1.' }),
    }),
  });

const SipasCriterionRef = builder.objectRef<CriterionReport>('SipasCriterion').implement({
  description: 'The answers about one SIPAS criterion (tiêu chí) in the scope and period.',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'Code of the criterion in the questionnaire.' }),
    text: t.exposeString('text', { description: 'Its wording on the form.' }),
    assessment: t.float({
      nullable: true,
      description: 'Assessment index: share agreeing the criterion was met, 0..1; null = no answers.',
      resolve: (c) => c.assessment.share,
    }),
    assessmentAgreed: t.int({
      description: 'Respondents agreeing the criterion was met (nhận định).',
      resolve: (c) => c.assessment.agree,
    }),
    assessmentAnswered: t.int({
      description: 'Respondents answering the assessment question.',
      resolve: (c) => c.assessment.answered,
    }),
    satisfaction: t.field({
      type: ShareCountRef,
      nullable: true,
      description: 'Only when the form asks satisfaction per criterion.',
      resolve: (c) => c.satisfaction,
    }),
  }),
});

const FactorMethodEnum = builder.enumType('SipasFactorMethod', {
  description: 'How a SIPAS factor index was computed from the answers.',
  values: {
    FACTOR_QUESTION: { description: 'One satisfaction question for the factor (the 2017–2020 form).' },
    MEAN_OF_CRITERIA: {
      description:
        'Satisfaction asked per criterion: the factor index is the mean of its criteria’s shares (the project’s rule for such forms; the published SIPAS method asks once per factor).',
    },
  } as const,
});

const SipasFactorRef = builder.objectRef<FactorReport>('SipasFactor').implement({
  description:
    'One SIPAS factor (yếu tố: access to services, the procedure, civil servants, results, feedback handling) and its index.',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'Code of the factor in the questionnaire.' }),
    name: t.exposeString('name', { description: 'Name of the factor, in Vietnamese.' }),
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
    method: t.field({
      type: FactorMethodEnum,
      description: 'How `index` was computed.',
      resolve: (f) => f.method,
    }),
    criteria: t.field({
      type: [SipasCriterionRef],
      description: 'Its criteria (tiêu chí), in order, with their assessment and satisfaction answers.',
      resolve: (f) => f.criteria,
    }),
    distribution: t.field({
      type: [ScaleCountRef],
      description: 'Satisfaction answers per scale level.',
      resolve: (f) => f.distribution,
    }),
    conventions: t.field({
      type: ConventionsRef,
      nullable: true,
      description: 'The factor’s satisfaction answers under other conventions; null when none.',
      resolve: (f) => f.conventions,
    }),
  }),
});

const ExpectationShareRef = builder
  .objectRef<SipasReport['expectations'][number]>('SipasExpectationShare')
  .implement({
    description:
      'One item of the expectation question (mong đợi: what should improve) and how often it was chosen.',
    fields: (t) => ({
      code: t.exposeString('code', { description: 'Code of the option in the questionnaire.' }),
      text: t.exposeString('text', { description: 'Its wording on the form.' }),
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
    description: 'A questionnaire version answered in the period, and by how many.',
    fields: (t) => ({
      code: t.exposeString('code', { description: 'Code of the questionnaire.' }),
      version: t.exposeInt('version', { description: 'Its version number.' }),
      respondents: t.exposeInt('respondents', {
        description: 'Responses to this version in the scope and period.',
      }),
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
    factors: t.field({
      type: [SipasFactorRef],
      description: 'The factors (yếu tố) in the questionnaire’s order, each with its index.',
      resolve: (s) => s.factors,
    }),
    respondents: t.exposeInt('respondents', { description: 'Survey responses in the scope and period.' }),
    questionnaireCode: t.exposeString('questionnaireCode', {
      nullable: true,
      description:
        'The questionnaire counted, e.g. SIPAS-2640; null when no SIPAS questionnaire is published.',
    }),
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
    responseChain: t.field({
      type: ChainRef,
      description:
        'Dossiers finished → asked to rate → rated, and the survey respondents: what the figures rest on.',
      resolve: (s) => s.chain,
    }),
  }),
});

builder.queryField('sipas', (t) =>
  t.field({
    type: SipasIndexRef,
    complexity: AGGREGATE_COST,
    description:
      'SIPAS, the index of satisfaction with public administrative services (chỉ số hài lòng về sự phục vụ hành chính, Decision 2640/QĐ-BNV), of an agency subtree over a period, with its factors, criteria and expectations. Public.',
    args: {
      agencyCode: t.arg.string({
        required: true,
        description: 'Unit code: its whole subtree, units merged into it included.',
      }),
      period: t.arg({
        type: PeriodInput,
        required: true,
        description: 'The reporting period (responses submitted in it).',
      }),
      questionnaireCode: t.arg.string({ description: 'Default: the SIPAS questionnaire published last.' }),
      activeOn: t.arg({ type: 'Date', description: ACTIVE_ON_DESCRIPTION }),
    },
    resolve: async (_root, { agencyCode, period, questionnaireCode, activeOn }, ctx) =>
      computeSipas(
        ctx.db,
        ctx.prisma,
        await resolveScope(ctx.db, { agencyCode, activeOn }, period.to),
        period,
        questionnaireCode,
      ),
  }),
);
