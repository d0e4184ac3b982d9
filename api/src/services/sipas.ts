// SIPAS (Decision 2640/QĐ-BNV; docs/domain.md §4.3) for an agency subtree and a period, from SurveyRollup
// sums — never from the raw answers — with the formulas of domain/sipas.ts:
// • factor index = respondents answering ≥ positiveFrom (4–5 of 5) to the factor's satisfaction
//   question / respondents answering it; each respondent answers a question at most once, so the
//   respondents of a question are the sum of its answers. When the form asks satisfaction per
//   criterion, the factor index is the mean of the criteria's shares (factorIndexFromCriteria);
// • SIPAS = mean of the factor indices, null unless every factor has data (sipasIndex);
// • assessment share per criterion, expectation shares per option, and the same satisfaction
//   distributions as GOV.UK rescaled mean, OMB A-11 percent agree and JDMA shares;
// • the denominator chain from the dossier rollups: finished → asked to rate → rated.
// The one figure the answer rollups cannot give is how many people responded at all (a respondent
// may skip any question): `respondents` is an indexed count of SurveyResponse rows (agencyId,
// submittedAt) — one row per respondent, never the answers.
// Versions of one questionnaire code are pooled by factor, criterion and option code.
import type { Database, PrismaClient } from '@tthc/db';
import {
  type AnswerDistribution,
  assessmentShare,
  expectationShares,
  factorIndex,
  factorIndexFromCriteria,
  type JdmaShares,
  jdmaShares,
  type PositiveCount,
  percentAgree,
  rescaledMean,
  SIPAS_POSITIVE_FROM,
  sipasIndex,
} from '../domain/sipas.ts';
import { addDays, startOfDay } from '../domain/time.ts';
import { notFound } from '../errors.ts';
import { optionList, type ScaleLevel, scaleLevels } from './questionnaires.ts';
import { checkPeriod, computeStats, type Period, ratingsCount, type Scope } from './stats.ts';

export interface Conventions {
  answered: number;
  scaleMin: number;
  scaleMax: number;
  positiveFrom: number;
  rescaledMean: number | null;
  percentAgree: number | null;
  jdma: JdmaShares | null;
}

export interface CriterionReport {
  code: string;
  text: string;
  assessment: { agree: number; answered: number; share: number | null };
  /** Only when the form asks satisfaction per criterion. */
  satisfaction: (PositiveCount & { share: number | null }) | null;
}

export type FactorMethod = 'FACTOR_QUESTION' | 'MEAN_OF_CRITERIA';

export interface FactorReport {
  code: string;
  name: string;
  index: number | null;
  method: FactorMethod;
  /** Respondents of the factor's satisfaction question (per criterion: the most answered criterion). */
  respondents: number;
  /** Of those, respondents answering ≥ positiveFrom (factor-level question only). */
  positive: number;
  criteria: CriterionReport[];
  distribution: (ScaleLevel & { count: number })[];
  conventions: Conventions | null;
}

export interface SipasReport {
  questionnaireCode: string | null;
  period: Period;
  index: number | null;
  factorsWithData: number;
  respondents: number;
  versions: { code: string; version: number; respondents: number }[];
  factors: FactorReport[];
  satisfaction: Conventions | null;
  expectations: { code: string; text: string; count: number; share: number | null }[];
  chain: { finished: number; ratingLinksIssued: number; ratings: number; surveyRespondents: number };
}

interface QuestionMeta {
  questionnaireId: number;
  kind: string;
  factorCode: string | null;
  criterionCode: string | null;
  levels: ScaleLevel[];
  positiveFrom: number;
  options: string[];
}

/** The SIPAS report of `questionnaireCode` (default: the SIPAS questionnaire published last). */
export async function computeSipas(
  db: Database,
  prisma: PrismaClient,
  scope: Scope,
  period: Period,
  questionnaireCode?: string | null,
): Promise<SipasReport> {
  checkPeriod(period);
  const code = questionnaireCode ?? (await defaultSipasCode(prisma));
  const stats = await computeStats(db.pool, scope, period);
  const chainBase = {
    finished: stats.finished,
    ratingLinksIssued: stats.ratingLinksIssued,
    ratings: ratingsCount(stats),
  };
  const empty: SipasReport = {
    questionnaireCode: code,
    period,
    index: null,
    factorsWithData: 0,
    respondents: 0,
    versions: [],
    factors: [],
    satisfaction: null,
    expectations: [],
    chain: { ...chainBase, surveyRespondents: 0 },
  };
  if (code === null) return empty;

  const versions = await prisma.questionnaire.findMany({
    where: { code, status: { not: 'DRAFT' } },
    orderBy: { version: 'desc' },
    select: {
      id: true,
      version: true,
      factors: {
        orderBy: { position: 'asc' },
        select: {
          id: true,
          code: true,
          name: true,
          criteria: { orderBy: { position: 'asc' }, select: { id: true, code: true, text: true } },
        },
      },
      questions: {
        orderBy: { position: 'asc' },
        select: {
          id: true,
          kind: true,
          factorId: true,
          criterionId: true,
          options: true,
          scale: { select: { levels: true, positiveFrom: true } },
        },
      },
    },
  });
  if (versions.length === 0) throw notFound('phiếu khảo sát', code);

  const agencyIds = scope.agencyIds;
  const responses = await db.pool.query<{ questionnaireId: number; respondents: number }>(
    `SELECT "questionnaireId", count(*)::int AS respondents
       FROM "SurveyResponse"
      WHERE "questionnaireId" = ANY($1::int[]) AND ($2::int[] IS NULL OR "agencyId" = ANY($2::int[]))
        AND "submittedAt" >= $3 AND "submittedAt" < $4
      GROUP BY 1`,
    [versions.map((v) => v.id), agencyIds, startOfDay(period.from), startOfDay(addDays(period.to, 1))],
  );
  const respondentsOf = new Map(responses.rows.map((r) => [r.questionnaireId, r.respondents]));
  const used = versions.filter((v) => respondentsOf.has(v.id));
  // The factors of the versions answered in the period (latest wording first); of the latest if none.
  const shown = used.length > 0 ? used : versions.slice(0, 1);

  const meta = new Map<number, QuestionMeta>();
  const factorCatalogue = new Map<
    string,
    { name: string; criteria: Map<string, string>; perCriterion: boolean }
  >();
  const optionText = new Map<string, string>();
  for (const v of versions) {
    const factorCode = new Map(v.factors.map((f) => [f.id, f.code]));
    const criterionCode = new Map(v.factors.flatMap((f) => f.criteria.map((c) => [c.id, c.code] as const)));
    for (const q of v.questions) {
      const levels = scaleLevels(q.scale?.levels);
      const options = optionList(q.options);
      meta.set(q.id, {
        questionnaireId: v.id,
        kind: q.kind,
        factorCode: q.factorId === null ? null : (factorCode.get(q.factorId) ?? null),
        criterionCode: q.criterionId === null ? null : (criterionCode.get(q.criterionId) ?? null),
        levels,
        positiveFrom:
          q.scale?.positiveFrom ??
          (q.kind === 'ASSESSMENT' ? levels.at(-1)?.value : undefined) ??
          SIPAS_POSITIVE_FROM,
        options: options.map((o) => o.code),
      });
      if (shown.includes(v))
        for (const o of options) if (!optionText.has(o.code)) optionText.set(o.code, o.text);
    }
    if (!shown.includes(v)) continue;
    for (const f of v.factors) {
      const entry = factorCatalogue.get(f.code) ?? { name: f.name, criteria: new Map(), perCriterion: false };
      for (const c of f.criteria) if (!entry.criteria.has(c.code)) entry.criteria.set(c.code, c.text);
      entry.perCriterion ||= v.questions.some(
        (q) => q.kind === 'SATISFACTION' && q.factorId === f.id && q.criterionId !== null,
      );
      factorCatalogue.set(f.code, entry);
    }
  }

  const sums = await db.pool.query<{ questionId: number; value: number; answers: number }>(
    `SELECT "questionId", value, sum(answers)::int AS answers
       FROM "SurveyRollup"
      WHERE "questionId" = ANY($1::int[]) AND ($2::int[] IS NULL OR "agencyId" = ANY($2::int[]))
        AND day BETWEEN $3::date AND $4::date
      GROUP BY 1, 2`,
    [[...meta.keys()], agencyIds, period.from, period.to],
  );

  // Satisfaction per factor: one unit for the factor-level question ('') or one per criterion.
  const units = new Map<string, Map<string, PositiveCount>>();
  const distributions = new Map<string, Record<number, number>>();
  const scales = new Map<string, { levels: ScaleLevel[]; positiveFrom: number }>();
  const assessments = new Map<string, { agree: number; answered: number }>();
  const chosen = new Map<string, number>();
  for (const { questionId, value, answers } of sums.rows) {
    const q = meta.get(questionId)!;
    if (q.kind === 'SATISFACTION' && q.factorCode !== null) {
      const factorUnits = units.get(q.factorCode) ?? new Map<string, PositiveCount>();
      const key = q.criterionCode ?? '';
      const unit = factorUnits.get(key) ?? { positive: 0, answered: 0 };
      unit.answered += answers;
      if (value >= q.positiveFrom) unit.positive += answers;
      factorUnits.set(key, unit);
      units.set(q.factorCode, factorUnits);
      const distribution = distributions.get(q.factorCode) ?? {};
      distribution[value] = (distribution[value] ?? 0) + answers;
      distributions.set(q.factorCode, distribution);
      if (!scales.has(q.factorCode))
        scales.set(q.factorCode, { levels: q.levels, positiveFrom: q.positiveFrom });
    } else if (q.kind === 'ASSESSMENT' && q.criterionCode !== null) {
      const counts = assessments.get(q.criterionCode) ?? { agree: 0, answered: 0 };
      counts.answered += answers;
      if (value >= q.positiveFrom) counts.agree += answers;
      assessments.set(q.criterionCode, counts);
    } else if (q.kind === 'EXPECTATION') {
      const option = q.options[value - 1]; // value = 1-based position of the option (rollups.ts)
      if (option !== undefined) chosen.set(option, (chosen.get(option) ?? 0) + answers);
    }
  }

  const factors: FactorReport[] = [...factorCatalogue].map(([factorCode, entry]) => {
    const factorUnits = units.get(factorCode) ?? new Map<string, PositiveCount>();
    const perFactor = factorUnits.get('');
    const scale = scales.get(factorCode) ?? satisfactionScaleOf(meta, factorCode);
    const distribution = distributions.get(factorCode) ?? {};
    return {
      code: factorCode,
      name: entry.name,
      index: factorIndexFromCriteria([...factorUnits.values()]),
      method: entry.perCriterion ? 'MEAN_OF_CRITERIA' : 'FACTOR_QUESTION',
      respondents: perFactor?.answered ?? Math.max(0, ...[...factorUnits.values()].map((u) => u.answered)),
      positive: perFactor?.positive ?? 0,
      criteria: [...entry.criteria].map(([criterionCode, text]) => {
        const assessment = assessments.get(criterionCode) ?? { agree: 0, answered: 0 };
        const satisfaction = factorUnits.get(criterionCode);
        return {
          code: criterionCode,
          text,
          assessment: { ...assessment, share: assessmentShare(assessment) },
          satisfaction: satisfaction
            ? { ...satisfaction, share: factorIndex(satisfaction) }
            : entry.perCriterion
              ? { positive: 0, answered: 0, share: null }
              : null,
        };
      }),
      distribution: scale ? withCounts(scale.levels, distribution) : [],
      conventions: scale ? conventions(distribution, scale.levels, scale.positiveFrom) : null,
    };
  });

  const sipas =
    factors.length === 0
      ? { index: null, factorsWithData: 0 }
      : sipasIndex(
          factors.map((f) => f.index),
          factors.length,
        );
  const respondents = used.reduce((sum, v) => sum + respondentsOf.get(v.id)!, 0);
  const shares = expectationShares(
    Object.fromEntries([...optionText.keys()].map((o) => [o, chosen.get(o) ?? 0])),
    respondents,
  );
  return {
    questionnaireCode: code,
    period,
    index: sipas.index,
    factorsWithData: sipas.factorsWithData,
    respondents,
    versions: used
      .map((v) => ({ code, version: v.version, respondents: respondentsOf.get(v.id)! }))
      .reverse(),
    factors,
    satisfaction: pooledConventions(factors, distributions, scales),
    expectations: [...optionText].map(([option, text]) => ({
      code: option,
      text,
      count: chosen.get(option) ?? 0,
      share: shares?.[option] ?? null,
    })),
    chain: { ...chainBase, surveyRespondents: respondents },
  };
}

async function defaultSipasCode(prisma: PrismaClient): Promise<string | null> {
  const latest = await prisma.questionnaire.findFirst({
    where: { kind: 'SIPAS', status: 'PUBLISHED' },
    orderBy: [{ publishedAt: { sort: 'desc', nulls: 'last' } }, { id: 'desc' }],
    select: { code: true },
  });
  return latest?.code ?? null;
}

function satisfactionScaleOf(meta: ReadonlyMap<number, QuestionMeta>, factorCode: string) {
  for (const q of meta.values()) {
    if (q.kind === 'SATISFACTION' && q.factorCode === factorCode && q.levels.length > 0) {
      return { levels: q.levels, positiveFrom: q.positiveFrom };
    }
  }
  return undefined;
}

function withCounts(levels: readonly ScaleLevel[], distribution: AnswerDistribution) {
  return levels.map((level) => ({ ...level, count: distribution[level.value] ?? 0 }));
}

/**
 * The conventions published elsewhere, on one distribution (docs/domain.md §4.3): GOV.UK rescaled mean,
 * OMB A-11 percent agree (≥ positiveFrom) and JDMA good / medium / bad — good from positiveFrom, bad
 * up to its mirror image on the scale (2 on the 1–5 scale).
 */
function conventions(
  distribution: AnswerDistribution,
  levels: readonly ScaleLevel[],
  positiveFrom: number,
): Conventions | null {
  if (levels.length < 2) return null;
  const scaleMin = levels[0]!.value;
  const scaleMax = levels.at(-1)!.value;
  const badUpTo = Math.min(scaleMin + scaleMax - positiveFrom, positiveFrom - 1);
  return {
    answered: Object.values(distribution).reduce((sum, n) => sum + n, 0),
    scaleMin,
    scaleMax,
    positiveFrom,
    rescaledMean: rescaledMean(distribution, scaleMin, scaleMax),
    percentAgree: percentAgree(distribution, positiveFrom),
    jdma: jdmaShares(distribution, positiveFrom, badUpTo),
  };
}

/** The conventions over every factor's satisfaction answers together, when all use one scale. */
function pooledConventions(
  factors: readonly FactorReport[],
  distributions: ReadonlyMap<string, Record<number, number>>,
  scales: ReadonlyMap<string, { levels: ScaleLevel[]; positiveFrom: number }>,
): Conventions | null {
  const used = factors.map((f) => scales.get(f.code)).filter((s) => s !== undefined);
  if (used.length === 0) return null;
  const signature = (s: { levels: ScaleLevel[]; positiveFrom: number }) =>
    `${s.levels.map((l) => l.value).join(',')}|${s.positiveFrom}`;
  if (new Set(used.map(signature)).size > 1) return null;
  const pooled: Record<number, number> = {};
  for (const distribution of distributions.values()) {
    for (const [value, count] of Object.entries(distribution))
      pooled[Number(value)] = (pooled[Number(value)] ?? 0) + count;
  }
  return conventions(pooled, used[0]!.levels, used[0]!.positiveFrom);
}
