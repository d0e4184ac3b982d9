// The evaluation of procedure resolution per agency per quarter: 9 indicators × 0/1/2 points, at most
// 18 (Decree 61/2018/NĐ-CP, Circular 01/2018/TT-VPCP; docs/domain.md §4.2). Indicators 1 and 2 are
// computed from the dossier rollups; every indicator can be entered by reviewers, self-scored and
// verified (thẩm định) values kept apart in OneStopEvaluationScore.
//
// Indicator 1 from the rollups: a finished dossier's timeliness is its processing time against the
// legal limit compared by day — the due date is reception + the legal limit on the working calendar,
// supplement pauses excluded, apologies not counted (docs/domain.md §3.7) — so EARLY (ended on a day before
// the due day) = SHORTER, ON_TIME (ended on the due day) = EQUAL, LATE = LONGER (including a dossier
// late by the second-supplement rule), the same by-day reading as compareWithLimit in
// domain/one-stop-evaluation.ts. Withdrawn and stopped dossiers count
// ON_TIME by rule but were not processed to a result: they are left out of the comparison.
// Per-dossier comparisons make the agency's score as indicator 2 combines agencies within a dossier
// (indicator2AgencyTime): 2 when every judged dossier was shorter, 0 when any was longer, else 1 —
// "longer than the law allows" is what the indicator exists to flag, so one is enough for 0. The
// mean of per-dossier points is reported next to it (TimeComparison.averagePoints).
//
// Indicators 3 and 4 from the supplement requests of the dossiers processed to a result in the quarter
// (domain/evaluation-contacts.ts, services/evaluation-contacts.ts), combined the same way.
// A computed score counts when there is dossier data; without any, the verified score, else the
// self-score (effectiveScore).
import type { Database, PrismaClient } from '@tthc/db';
import { agenciesIndicator, type ContactScore, contactsIndicator } from '../domain/evaluation-contacts.ts';
import {
  classify,
  DEFAULT_BANDS,
  EVALUATION_INDICATOR_COUNT,
  EVALUATION_MAX_SCORE,
  type EvaluationBand,
  effectiveScore,
  type IndicatorScore,
  totalScore,
} from '../domain/one-stop-evaluation.ts';
import { addDays, addMonths, type Day } from '../domain/time.ts';
import { AppError, type ErrorCode } from '../errors.ts';
import { resolveAgencyForPeriod, subtreeIds } from './agencies.ts';
import { audit } from './audit.ts';
import { supplementCounts } from './evaluation-contacts.ts';
import { practiceFor } from './practice-settings.ts';
import { computeStats, type Period } from './stats.ts';

/** The indicators as Circular 01/2018/TT-VPCP names them (paraphrased), 1 to 9. */
export const INDICATOR_NAMES: readonly string[] = [
  'Tổng thời gian giải quyết thủ tục hành chính so với thời gian quy định',
  'Thời gian thực hiện của từng cơ quan, đơn vị tham gia giải quyết thủ tục hành chính',
  'Số lần phải liên hệ với nơi tiếp nhận hồ sơ để hoàn thiện hồ sơ',
  'Số lượng cơ quan, đơn vị, tổ chức phải liên hệ để hoàn thiện hồ sơ',
  'Thực hiện tiếp nhận hồ sơ, giải quyết và trả kết quả tại Bộ phận Một cửa',
  'Công khai thủ tục hành chính',
  'Thái độ của cán bộ, công chức, viên chức khi hướng dẫn, tiếp nhận, giải quyết hồ sơ',
  'Tiếp nhận, xử lý phản ánh, kiến nghị',
  'Tiến độ và chất lượng cung cấp dịch vụ công trực tuyến',
];

/**
 * Classification bands (docs/domain.md §4.2, local practice): the defaults of domain/one-stop-evaluation.ts
 * — >15 Xuất sắc, 12–15 Tốt, 9–12 Khá, 6–9 Trung bình, <6 Yếu. A province sets its own, from a day,
 * with updatePracticeSettings (services/practice-settings.ts); an evaluation uses those in force at
 * the quarter's end (EvaluationReport.bands).
 */
export const EVALUATION_BANDS: readonly EvaluationBand[] = DEFAULT_BANDS;

/** Finished dossiers of the quarter judged against the legal limit (indicators 1 and 2). */
export interface TimeComparison {
  judged: number;
  shorter: number;
  equal: number;
  longer: number;
  /** Mean of the per-dossier points (2 shorter, 1 equal, 0 longer); null when none was judged. */
  averagePoints: number | null;
}

export interface IndicatorReport {
  number: number;
  name: string;
  selfScore: number | null;
  verifiedScore: number | null;
  /** The score that counts: computed when dossier data exists, else verified, else self-scored. */
  effectiveScore: number | null;
  computed: boolean;
  computedScore: number | null;
  note: string | null;
  detail: string | null;
  timeComparison: TimeComparison | null;
  /** Indicators 3 and 4: the finished dossiers by their number of supplement requests. */
  supplementComparison: SupplementComparison | null;
  /** Computed from dossier data (indicators 1–4) and there was none in the quarter (docs/domain.md §4.2). */
  noData: boolean;
}

/** Dossiers processed to a result in the quarter by their supplement requests (indicators 3 and 4). */
export interface SupplementComparison {
  judged: number;
  none: number;
  once: number;
  several: number;
  /** Mean of the per-dossier points of the indicator; null when none was judged. */
  averagePoints: number | null;
}

export interface EvaluationReport {
  agency: { id: number; code: string; name: string };
  year: number;
  quarter: number;
  period: Period;
  indicators: IndicatorReport[];
  total: number | null;
  scored: number;
  maxScore: number;
  /** Classified only when all 9 indicators are scored (a partial sum is not comparable). */
  band: EvaluationBand | null;
  /** The bands in force at the quarter's end for the agency's province (services/practice-settings.ts). */
  bands: readonly EvaluationBand[];
}

/** The agency's 0/1/2 from per-dossier comparisons (see the header): null when none was judged. */
export function processingTimeScore({ shorter, equal, longer }: TimeComparison): IndicatorScore | null {
  if (shorter + equal + longer === 0) return null;
  if (longer > 0) return 0;
  return equal > 0 ? 1 : 2;
}

export function quarterPeriod(year: number, quarter: number): Period {
  if (!Number.isInteger(year) || year < 2018 || year > 2100) {
    throw new AppError(
      'INVALID_PERIOD',
      `Năm đánh giá không hợp lệ: ${year} (từ 2018, Nghị định 61/2018/NĐ-CP).`,
    );
  }
  if (!Number.isInteger(quarter) || quarter < 1 || quarter > 4) {
    throw new AppError('INVALID_PERIOD', `Quý không hợp lệ: ${quarter} (từ 1 đến 4).`);
  }
  const from: Day = `${year}-${String(quarter * 3 - 2).padStart(2, '0')}-01`;
  return { from, to: addDays(addMonths(from, 3), -1) };
}

/**
 * The unit `code` names for the quarter: on `activeOn` when given, else the one holding it at the
 * end of the quarter, else its latest holder (codes are reused across mergers, docs/domain.md §0).
 */
async function evaluatedAgency(prisma: PrismaClient, code: string, period: Period, activeOn?: Day | null) {
  return resolveAgencyForPeriod(prisma, code, period.to, activeOn);
}

export async function computeEvaluation(
  db: Database,
  prisma: PrismaClient,
  agencyCode: string,
  year: number,
  quarter: number,
  activeOn?: Day | null,
): Promise<EvaluationReport> {
  const period = quarterPeriod(year, quarter);
  const agency = await evaluatedAgency(prisma, agencyCode, period, activeOn);
  return evaluationOf(db, prisma, agency, year, quarter, period);
}

/** The evaluation of a unit already resolved (a report's rows: a former unit whose code is now another's). */
export async function computeEvaluationOf(
  db: Database,
  prisma: PrismaClient,
  agency: { id: number; code: string; name: string },
  year: number,
  quarter: number,
): Promise<EvaluationReport> {
  return evaluationOf(db, prisma, agency, year, quarter, quarterPeriod(year, quarter));
}

async function evaluationOf(
  db: Database,
  prisma: PrismaClient,
  agency: { id: number; code: string; name: string },
  year: number,
  quarter: number,
  period: Period,
): Promise<EvaluationReport> {
  const scope = { agencyIds: await subtreeIds(prisma, agency.id), procedureId: null };
  const [stats, rows, supplements] = await Promise.all([
    computeStats(db.pool, scope, period),
    prisma.oneStopEvaluationScore.findMany({ where: { agencyId: agency.id, year, quarter } }),
    supplementCounts(db, scope.agencyIds, period),
  ]);
  // Local practice of the province on the quarter's last day (docs/domain.md §4.2).
  const bands = (await practiceFor(prisma, agency.id, period.to)).evaluationBands;
  const contactScores: Record<3 | 4, ContactScore> = {
    3: contactsIndicator(supplements),
    4: agenciesIndicator(supplements),
  };
  const supplementDetail = `${contactScores[3].judged} hồ sơ giải quyết xong trong quý (không kể hồ sơ rút, dừng xử lý, từ chối): ${supplements.none} không phải bổ sung, ${supplements.once} bổ sung 1 lần, ${supplements.several} bổ sung từ 2 lần trở lên.`;
  const notProcessed = stats.withdrawn + stats.stopped;
  const comparison: TimeComparison = {
    judged: stats.finished - notProcessed,
    shorter: stats.early,
    equal: stats.onTime - notProcessed,
    longer: stats.late,
    averagePoints: null,
  };
  if (comparison.judged > 0) {
    comparison.averagePoints = (2 * comparison.shorter + comparison.equal) / comparison.judged;
  }
  const timeScore = processingTimeScore(comparison);
  const timeDetail =
    comparison.judged === 0
      ? 'Không có hồ sơ kết thúc xử lý trong quý để so sánh với thời hạn: dùng điểm do cơ quan tự chấm / thẩm định.'
      : `${comparison.judged} hồ sơ kết thúc xử lý trong quý (không kể hồ sơ rút, dừng xử lý): ${comparison.shorter} sớm hơn, ${comparison.equal} bằng, ${comparison.longer} dài hơn thời gian quy định (so theo ngày). 2 điểm khi mọi hồ sơ sớm hơn, 0 điểm khi có hồ sơ trễ hạn, còn lại 1 điểm.`;

  const indicators = INDICATOR_NAMES.map((name, i): IndicatorReport => {
    const number = i + 1;
    const row = rows.find((r) => r.indicator === number);
    const selfScore = (row?.selfScore ?? null) as IndicatorScore | null;
    const verifiedScore = (row?.verifiedScore ?? null) as IndicatorScore | null;
    const timed = number === 1 || number === 2;
    const contacts = number === 3 || number === 4 ? contactScores[number] : null;
    const computedScore = timed ? timeScore : (contacts?.score ?? null);
    const computed = (timed || contacts !== null) && computedScore !== null;
    let detail: string | null = null;
    if (number === 1) detail = timeDetail;
    if (number === 2) {
      detail = `Mỗi hồ sơ do một cơ quan tiếp nhận và giải quyết, nên thời gian của cơ quan tham gia chính là tổng thời gian giải quyết: cùng số liệu với tiêu chí 1. ${timeDetail}`;
    }
    if (number === 3) {
      detail =
        contacts!.judged === 0
          ? 'Không có hồ sơ giải quyết xong trong quý: dùng điểm do cơ quan tự chấm / thẩm định.'
          : `${supplementDetail} 2 điểm khi không hồ sơ nào phải bổ sung, 0 điểm khi có hồ sơ phải bổ sung từ 2 lần, còn lại 1 điểm.`;
    }
    if (number === 4) {
      detail =
        contacts!.judged === 0
          ? 'Không có hồ sơ giải quyết xong trong quý: dùng điểm do cơ quan tự chấm / thẩm định.'
          : `${supplementDetail} Hồ sơ bổ sung nộp tại Bộ phận Một cửa nơi tiếp nhận: 2 điểm khi không hồ sơ nào phải bổ sung, còn lại 1 điểm (chỉ liên hệ Bộ phận Một cửa).`;
    }
    return {
      number,
      name,
      selfScore,
      verifiedScore,
      effectiveScore: computed ? computedScore : effectiveScore(selfScore, verifiedScore),
      computed,
      computedScore,
      note: row?.note ?? null,
      detail,
      timeComparison: timed ? comparison : null,
      supplementComparison: contacts
        ? { ...supplements, judged: contacts.judged, averagePoints: contacts.averagePoints }
        : null,
      noData: (timed || contacts !== null) && computedScore === null,
    };
  });
  const total = totalScore(indicators.map((i) => i.effectiveScore));
  return {
    agency: { id: agency.id, code: agency.code, name: agency.name },
    year,
    quarter,
    period,
    indicators,
    total: total.total,
    scored: total.scored,
    maxScore: EVALUATION_MAX_SCORE,
    band: total.scored === EVALUATION_INDICATOR_COUNT ? classify(total.total, bands) : null,
    bands,
  };
}

export interface ScoreInput {
  indicator: number;
  /** Omitted: unchanged; null: cleared. */
  selfScore?: number | null;
  verifiedScore?: number | null;
  note?: string | null;
}

export interface SetScoresInput {
  agencyCode: string;
  year: number;
  quarter: number;
  scores: ScoreInput[];
}

export interface ScoreError {
  index: number;
  code: ErrorCode;
  message: string;
  /** The entry's field at fault, when one is (for the paths of GraphQL `userErrors`). */
  field?: keyof ScoreInput;
  /** With index −1: the input's field at fault. */
  inputField?: 'scores';
}

export type SetScoresOutcome = { evaluation: EvaluationReport | null; errors: ScoreError[] };

const MAX_NOTE = 2000;

/** Every problem of the entered scores, by position in `scores` (−1: the list as a whole). */
export function checkScores(scores: readonly ScoreInput[]): ScoreError[] {
  const errors: ScoreError[] = [];
  if (scores.length === 0) {
    errors.push({ index: -1, code: 'NO_SCORES', message: 'Chưa có điểm nào để lưu.', inputField: 'scores' });
  }
  // Each indicator at most once: a longer list is refused whole, not answered with an error per item.
  if (scores.length > EVALUATION_INDICATOR_COUNT) {
    const message = `Mỗi lần nhập tối đa ${EVALUATION_INDICATOR_COUNT} tiêu chí (nhận được ${scores.length}).`;
    return [{ index: -1, code: 'TOO_MANY_SCORES', message, inputField: 'scores' }];
  }
  const seen = new Set<number>();
  scores.forEach((s, index) => {
    const fail = (code: ErrorCode, message: string, field?: keyof ScoreInput) =>
      errors.push({ index, code, message, ...(field ? { field } : {}) });
    if (!Number.isInteger(s.indicator) || s.indicator < 1 || s.indicator > EVALUATION_INDICATOR_COUNT) {
      fail(
        'INVALID_INDICATOR',
        `Tiêu chí ${s.indicator} không có: các tiêu chí đánh số từ 1 đến 9.`,
        'indicator',
      );
      return;
    }
    if (seen.has(s.indicator)) {
      fail('DUPLICATE_INDICATOR', `Tiêu chí ${s.indicator} được nhập nhiều lần.`, 'indicator');
    }
    seen.add(s.indicator);
    for (const [field, label] of [
      ['selfScore', 'Điểm tự chấm'],
      ['verifiedScore', 'Điểm thẩm định'],
    ] as const) {
      const value = s[field];
      if (value != null && value !== 0 && value !== 1 && value !== 2) {
        fail(
          'INVALID_SCORE',
          `${label} của tiêu chí ${s.indicator} là 0, 1 hoặc 2 (nhận được ${value}).`,
          field,
        );
      }
    }
    if (s.selfScore === undefined && s.verifiedScore === undefined && s.note === undefined) {
      fail('EMPTY_SCORE', `Tiêu chí ${s.indicator}: chưa nhập điểm tự chấm, điểm thẩm định hay ghi chú.`);
    }
    if (s.note && s.note.length > MAX_NOTE)
      fail('NOTE_TOO_LONG', `Ghi chú dài tối đa ${MAX_NOTE} ký tự.`, 'note');
  });
  return errors;
}

/**
 * Stores self-scored and verified points (each left unchanged when omitted) for one agency and
 * quarter, all or nothing, with an audit entry holding the values before and after.
 */
export async function setEvaluationScores(
  db: Database,
  prisma: PrismaClient,
  input: SetScoresInput,
  actor: string,
  assertAgencyAllowed: (agencyId: number) => Promise<void>,
): Promise<SetScoresOutcome> {
  const period = quarterPeriod(input.year, input.quarter);
  const agency = await evaluatedAgency(prisma, input.agencyCode, period);
  await assertAgencyAllowed(agency.id);
  const errors = checkScores(input.scores);
  if (errors.length > 0) return { evaluation: null, errors };
  const { year, quarter } = input;
  await prisma.$transaction(async (tx) => {
    const before = await tx.oneStopEvaluationScore.findMany({
      where: { agencyId: agency.id, year, quarter, indicator: { in: input.scores.map((s) => s.indicator) } },
      orderBy: { indicator: 'asc' },
    });
    const changes = [];
    for (const s of input.scores) {
      const fields = {
        ...(s.selfScore === undefined ? {} : { selfScore: s.selfScore }),
        ...(s.verifiedScore === undefined ? {} : { verifiedScore: s.verifiedScore }),
        ...(s.note === undefined ? {} : { note: s.note?.trim() || null }),
      };
      const after = await tx.oneStopEvaluationScore.upsert({
        where: {
          agencyId_year_quarter_indicator: { agencyId: agency.id, year, quarter, indicator: s.indicator },
        },
        create: { agencyId: agency.id, year, quarter, indicator: s.indicator, ...fields },
        update: fields,
      });
      const old = before.find((b) => b.indicator === s.indicator);
      changes.push({
        indicator: s.indicator,
        before: old ? { selfScore: old.selfScore, verifiedScore: old.verifiedScore, note: old.note } : null,
        after: { selfScore: after.selfScore, verifiedScore: after.verifiedScore, note: after.note },
      });
    }
    await audit(
      tx,
      actor,
      'evaluation.set-scores',
      'OneStopEvaluation',
      `${agency.code}/${year}-Q${quarter}`,
      {
        agencyId: agency.id,
        changes,
      },
    );
  });
  return { evaluation: await evaluationOf(db, prisma, agency, year, quarter, period), errors: [] };
}
