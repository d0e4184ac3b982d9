import type { EvaluationBand } from '../domain/one-stop-evaluation.ts';
import { AppError } from '../errors.ts';
import { outOfScopeMessage } from '../services/access/agency-scope.ts';
import { actorOf } from '../services/access/principal.ts';
import { reachWith } from '../services/access/reach.ts';
import {
  computeEvaluation,
  type EvaluationReport,
  type IndicatorReport,
  type SetScoresOutcome,
  type SupplementComparison,
  setEvaluationScores,
  type TimeComparison,
} from '../services/evaluation.ts';
import { builder } from './builder.ts';
import { InputErrorRef } from './dossier.ts';
import { AGGREGATE_COST } from './field-cost.ts';
import { indexedUserErrors, USE_USER_ERRORS, USER_ERRORS_DESCRIPTION, UserErrorRef } from './user-errors.ts';

export const BandRef = builder.objectRef<EvaluationBand>('EvaluationBand').implement({
  description:
    'A classification band of the total out of 18 (local practice, configurable; by default >15 excellent, 12–15 good, 9–12 fair, 6–9 average, <6 poor): totals above `min`, or from `min` when minInclusive.',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'EXCELLENT, GOOD, FAIR, AVERAGE or POOR by default.' }),
    label: t.exposeString('label', {
      description: 'Its Vietnamese name: Xuất sắc, Tốt, Khá, Trung bình, Yếu by default.',
    }),
    min: t.exposeFloat('min', { description: 'Lower bound of the band, points out of 18 (0–18).' }),
    minInclusive: t.exposeBoolean('minInclusive', {
      description: 'True when a total equal to `min` falls in this band; false: only totals above it.',
    }),
  }),
});

const TimeComparisonRef = builder.objectRef<TimeComparison>('EvaluationTimeComparison').implement({
  description:
    'Dossiers finished in the quarter against the legal limit, by day: EARLY = shorter, ON_TIME = equal, LATE = longer (withdrawn and stopped dossiers left out).',
  fields: (t) => ({
    judged: t.exposeInt('judged', { description: 'Dossiers judged: shorter + equal + longer.' }),
    shorter: t.exposeInt('shorter', {
      description: 'Processed in less than the legal limit (ended before the due day): 2 points each.',
    }),
    equal: t.exposeInt('equal', {
      description: 'Processed within the limit’s last working day: 1 point each.',
    }),
    longer: t.exposeInt('longer', { description: 'Processed in more than the legal limit: 0 points each.' }),
    averagePoints: t.exposeFloat('averagePoints', {
      nullable: true,
      description: 'Mean of the per-dossier points (2 shorter, 1 equal, 0 longer), for reference.',
    }),
  }),
});

const SupplementComparisonRef = builder
  .objectRef<SupplementComparison>('EvaluationSupplementComparison')
  .implement({
    description:
      'Indicators 3 and 4: dossiers received, then resolved or returned in the quarter, by their number of supplement requests (docs/domain.md §4.2).',
    fields: (t) => ({
      judged: t.exposeInt('judged', { description: 'Dossiers judged: none + once + several.' }),
      none: t.exposeInt('none', { description: 'No supplement request.' }),
      once: t.exposeInt('once', { description: 'One supplement request.' }),
      several: t.exposeInt('several', { description: 'Two or more supplement requests.' }),
      averagePoints: t.exposeFloat('averagePoints', {
        nullable: true,
        description: 'Mean of the per-dossier points of the indicator, for reference.',
      }),
    }),
  });

const IndicatorRef = builder.objectRef<IndicatorReport>('EvaluationIndicator').implement({
  description:
    'One of the 9 indicators of the evaluation (chỉ số đánh giá việc giải quyết thủ tục hành chính), scored 0, 1 or 2 points.',
  fields: (t) => ({
    number: t.exposeInt('number', { description: '1 to 9 (Circular 01/2018/TT-VPCP).' }),
    name: t.exposeString('name', { description: 'What the indicator measures, in Vietnamese.' }),
    selfScore: t.exposeInt('selfScore', {
      nullable: true,
      description: 'Self-scored points (điểm tự chấm): 0, 1 or 2; null when not entered.',
    }),
    verifiedScore: t.exposeInt('verifiedScore', {
      nullable: true,
      description: 'Verified points (điểm thẩm định): 0, 1 or 2; null when not entered.',
    }),
    effectiveScore: t.exposeInt('effectiveScore', {
      nullable: true,
      description:
        'The score that counts: computed from dossier data when there is some (indicators 1 to 4), else the verified score, else the self-score; null = not scored.',
    }),
    computed: t.exposeBoolean('computed', { description: 'effectiveScore was computed from dossier data.' }),
    computedScore: t.exposeInt('computedScore', {
      nullable: true,
      description:
        'Indicators 1 and 2: 2 when every judged dossier was shorter than the legal limit, 0 when any was longer, else 1. Indicator 3: 2 when no dossier needed a supplement, 0 when one needed two or more, else 1. Indicator 4: 2 when no dossier needed a supplement, else 1 (only the one-stop desk). Null without dossiers processed to a result in the quarter.',
    }),
    noData: t.exposeBoolean('noData', {
      description:
        'The indicator is computed from dossier data (1 to 4) and the quarter had none: the effective score, if any, is the reviewers’ (not a computed 0).',
    }),
    note: t.exposeString('note', {
      nullable: true,
      description: 'The reviewers’ note entered with the points (setEvaluationScores); null when none.',
    }),
    detail: t.exposeString('detail', { nullable: true, description: 'How the figure was obtained.' }),
    timeComparison: t.field({
      type: TimeComparisonRef,
      nullable: true,
      description:
        'Indicator 1: the finished dossiers against the legal limit; null for the other indicators.',
      resolve: (i) => i.timeComparison,
    }),
    supplementComparison: t.field({
      type: SupplementComparisonRef,
      nullable: true,
      description:
        'Indicators 3 and 4: the dossiers by number of supplement requests; null for the other indicators.',
      resolve: (i) => i.supplementComparison,
    }),
  }),
});

const EvaluationRef = builder.objectRef<EvaluationReport>('OneStopEvaluation').implement({
  description:
    'Evaluation of procedure resolution of an agency (its subtree) for a quarter: 9 indicators × 0/1/2 points (Decree 61/2018/NĐ-CP, Circular 01/2018/TT-VPCP).',
  fields: (t) => ({
    agencyCode: t.string({ description: 'Code of the unit evaluated.', resolve: (e) => e.agency.code }),
    agencyName: t.string({ description: 'Name of the unit evaluated.', resolve: (e) => e.agency.name }),
    year: t.exposeInt('year', { description: 'Year of the quarter.' }),
    quarter: t.exposeInt('quarter', { description: 'Quarter, 1 to 4.' }),
    from: t.field({ type: 'Date', description: 'First day of the quarter.', resolve: (e) => e.period.from }),
    to: t.field({ type: 'Date', description: 'Last day of the quarter.', resolve: (e) => e.period.to }),
    indicators: t.field({
      type: [IndicatorRef],
      description: 'The 9 indicators, in order.',
      resolve: (e) => e.indicators,
    }),
    total: t.exposeInt('total', {
      nullable: true,
      description: 'Sum of the effective scores; null when none.',
    }),
    scored: t.exposeInt('scored', { description: 'Indicators with an effective score (of 9).' }),
    maxScore: t.exposeInt('maxScore', {
      description: 'Highest possible total: 18 (9 indicators × 2 points).',
    }),
    band: t.field({
      type: BandRef,
      nullable: true,
      description:
        'Classification; null until all 9 indicators are scored (a partial sum is not comparable).',
      resolve: (e) => e.band,
    }),
    bands: t.field({
      type: [BandRef],
      description:
        'The bands in force on the quarter’s last day for the agency’s province (practiceSettings; by default services/evaluation.ts EVALUATION_BANDS).',
      resolve: (e) => [...e.bands],
    }),
  }),
});

const ScoreInput = builder.inputType('EvaluationScoreInput', {
  description: 'Omitting a field leaves it unchanged; null clears it.',
  fields: (t) => ({
    indicator: t.int({ required: true, description: '1 to 9.' }),
    selfScore: t.int({ description: 'Self-scored points (điểm tự chấm): 0, 1 or 2.' }),
    verifiedScore: t.int({ description: 'Verified points (điểm thẩm định): 0, 1 or 2.' }),
    note: t.string({ description: 'The reviewers’ note on the indicator (evidence, reasons).' }),
  }),
});

const SetScoresInput = builder.inputType('SetEvaluationScoresInput', {
  description: 'Points of some indicators of the 9-indicator evaluation for an agency and a quarter.',
  fields: (t) => ({
    agencyCode: t.string({
      required: true,
      description: 'Code of the unit evaluated: the unit holding it on the quarter’s last day.',
    }),
    year: t.int({ required: true, description: 'Year of the quarter.' }),
    quarter: t.int({ required: true, description: '1 to 4.' }),
    scores: t.field({
      type: [ScoreInput],
      required: true,
      description: 'One entry per indicator, at most 9.',
    }),
  }),
});

const SetScoresPayload = builder.objectRef<SetScoresOutcome>('SetEvaluationScoresPayload').implement({
  description:
    'Result of `setEvaluationScores`: the evaluation after the change, or every problem of the input.',
  fields: (t) => ({
    evaluation: t.field({
      type: EvaluationRef,
      nullable: true,
      description: 'The evaluation after the change; null when rejected (nothing was stored).',
      resolve: (p) => p.evaluation,
    }),
    errors: t.field({
      type: [InputErrorRef],
      description:
        'By position in `scores` (−1: the list as a whole): NO_SCORES, TOO_MANY_SCORES, INVALID_INDICATOR, DUPLICATE_INDICATOR, INVALID_SCORE, EMPTY_SCORE, NOTE_TOO_LONG.',
      deprecationReason: USE_USER_ERRORS,
      resolve: (p) => p.errors,
    }),
    userErrors: t.field({
      type: [UserErrorRef],
      description: USER_ERRORS_DESCRIPTION,
      resolve: (p) => indexedUserErrors(p.errors, { input: ['input'], list: 'scores' }),
    }),
  }),
});

builder.queryField('oneStopEvaluation', (t) =>
  t.field({
    type: EvaluationRef,
    complexity: AGGREGATE_COST,
    description:
      'The 9-indicator evaluation of an agency for a quarter (INVALID_PERIOD for a bad year or quarter).',
    args: {
      agencyCode: t.arg.string({
        required: true,
        description: 'Unit code: the unit and its subtree are evaluated.',
      }),
      year: t.arg.int({ required: true, description: 'Year of the quarter.' }),
      quarter: t.arg.int({ required: true, description: 'Quarter, 1 to 4.' }),
      activeOn: t.arg({
        type: 'Date',
        description:
          'The day `agencyCode` is resolved on: codes are reused across the 1/7/2025 mergers (docs/domain.md §0). Default: the unit holding the code on the quarter’s last day. NOT_FOUND when no unit held the code that day.',
      }),
    },
    resolve: (_root, { agencyCode, year, quarter, activeOn }, ctx) =>
      computeEvaluation(ctx.db, ctx.prisma, agencyCode, year, quarter, activeOn),
  }),
);

builder.mutationField('setEvaluationScores', (t) =>
  t.field({
    type: SetScoresPayload,
    description:
      'Enters self-scored and/or verified points of indicators for an agency and quarter, all or nothing, audited. Self-scored points: officers and above of the unit’s subtree (scope: ingest); verified points (điểm thẩm định, set by the evaluating body): administrators of the subtree (scope: admin) or the Internal Affairs office monitoring it (REFORM_MONITOR, scope: reform).',
    authScopes: { ingest: true, reform: true },
    args: {
      input: t.arg({
        type: SetScoresInput,
        required: true,
        description: 'The agency, the quarter and the points.',
      }),
    },
    resolve: (_root, { input }, ctx) => {
      // The unit scores itself; its administrators above, or the Internal Affairs office whose job
      // verification is, record what the evaluators verified.
      const verifies = input.scores.some((s) => s.verifiedScore !== undefined);
      const selfScores = input.scores.some((s) => s.selfScore !== undefined);
      return setEvaluationScores(ctx.db, ctx.prisma, input, actorOf(ctx.principal), async (agencyId) => {
        const reach = (capability: 'INGEST' | 'ADMIN' | 'REFORM') =>
          reachWith(ctx.prisma, ctx.principal, capability).then((r) => r.covers(agencyId));
        const records = await reach('INGEST');
        const verifier = verifies && ((await reach('ADMIN')) || (await reach('REFORM')));
        if ((!verifies || verifier) && (records || (verifies && !selfScores && verifier))) return;
        let message = outOfScopeMessage(ctx.principal);
        if (verifies && !verifier && records) {
          message =
            'Điểm thẩm định do quản trị viên của đơn vị hoặc cấp trên, hoặc cơ quan theo dõi cải cách hành chính nhập; cán bộ chỉ nhập điểm tự chấm.';
        } else if (verifier && !records) {
          message =
            'Điểm tự chấm do đơn vị được đánh giá nhập; cơ quan theo dõi cải cách hành chính chỉ nhập điểm thẩm định.';
        }
        throw new AppError('FORBIDDEN', message);
      });
    },
  }),
);
