// A province's local practice (docs/domain.md §3.2 working hours, §2.3 the same-day cut-off, §3.8 the
// comparison by day or instant, §4.2 the evaluation bands): what the legal texts leave to the
// provinces, as settings in force from a day. The defaults are the constants the code used before
// settings existed, so a province without settings computes exactly what it did.
import {
  DEFAULT_WORKING_HOURS,
  MINUTES_PER_WORKING_DAY,
  WorkingCalendar,
  type WorkingHours,
} from './calendar.ts';
import {
  DEFAULT_BANDS,
  EVALUATION_MAX_SCORE,
  type EvaluationBand,
  type EvaluationBandCode,
} from './one-stop-evaluation.ts';
import type { Day } from './time.ts';
import type { ComparisonGranularity } from './timeliness.ts';

/** 15:00: "trường hợp nhận hồ sơ sau 15 giờ … trả kết quả trong ngày làm việc tiếp theo" (§2.3). */
export const DEFAULT_SAME_DAY_CUTOFF_MINUTE = 15 * 60;

export interface PracticeSettings {
  workingHours: WorkingHours;
  sameDayCutoffMinute: number;
  granularity: ComparisonGranularity;
  evaluationBands: readonly EvaluationBand[];
}

export const DEFAULT_PRACTICE: PracticeSettings = Object.freeze({
  workingHours: DEFAULT_WORKING_HOURS,
  sameDayCutoffMinute: DEFAULT_SAME_DAY_CUTOFF_MINUTE,
  granularity: 'day',
  evaluationBands: DEFAULT_BANDS,
});

/** A row of settings and the day it applies from (00:00 Asia/Ho_Chi_Minh of that day). */
export interface DatedPracticeSettings extends PracticeSettings {
  effectiveFrom: Day;
}

/**
 * The settings in force on `day`: the row with the latest `effectiveFrom` not after it, else the
 * defaults (no row yet, or every row still in the future).
 */
export function practiceInForce(rows: readonly DatedPracticeSettings[], day: Day): PracticeSettings {
  let best: DatedPracticeSettings | null = null;
  for (const row of rows) {
    if (row.effectiveFrom <= day && (!best || row.effectiveFrom > best.effectiveFrom)) best = row;
  }
  return best ?? DEFAULT_PRACTICE;
}

const BAND_CODES: readonly EvaluationBandCode[] = ['EXCELLENT', 'GOOD', 'FAIR', 'AVERAGE', 'POOR'];
const MAX_LABEL = 100;

export interface PracticeProblem {
  field: string[];
  message: string;
}

/** Every problem of a complete set of settings, with the field it concerns; empty when valid. */
export function practiceProblems(s: PracticeSettings): PracticeProblem[] {
  const problems: PracticeProblem[] = [];
  try {
    // The calendar's own check: sessions within the day, in order, each ending after it starts.
    new WorkingCalendar([], s.workingHours);
  } catch (error) {
    problems.push({
      field: ['workingHours'],
      message: `Giờ làm việc không hợp lệ: các buổi phải nằm trong ngày (00:00–24:00), theo thứ tự, giờ kết thúc sau giờ bắt đầu (${(error as Error).message}).`,
    });
  }
  // The sessions move, their length does not: 8 working hours = 1 working day (Labour Code 2019
  // Art. 105; §3.2), which limits in working days, processing times and the histogram count in.
  const minutes = (s.workingHours.sessions ?? []).reduce((sum, [start, end]) => sum + (end - start), 0);
  if (problems.length === 0 && minutes !== MINUTES_PER_WORKING_DAY) {
    problems.push({
      field: ['workingHours'],
      message: `Tổng thời gian các buổi làm việc phải là 8 giờ (480 phút) một ngày; nhận được ${minutes} phút.`,
    });
  }
  const cutoff = s.sameDayCutoffMinute;
  if (!Number.isInteger(cutoff) || cutoff < 0 || cutoff >= 24 * 60) {
    problems.push({
      field: ['sameDayCutoff'],
      message: 'Giờ chốt trả kết quả trong ngày phải là một giờ trong ngày (00:00–23:59).',
    });
  }
  if (s.granularity !== 'day' && s.granularity !== 'instant') {
    problems.push({
      field: ['comparison'],
      message: 'Cách so sánh với hạn giải quyết: theo ngày hoặc theo thời điểm.',
    });
  }
  const bands = s.evaluationBands;
  const seen = new Set<string>();
  bands.forEach((b, i) => {
    const at = ['evaluationBands', String(i)];
    if (!BAND_CODES.includes(b.code)) {
      problems.push({
        field: [...at, 'code'],
        message: `Mã xếp loại ${b.code} không có (${BAND_CODES.join(', ')}).`,
      });
    } else if (seen.has(b.code)) {
      problems.push({ field: [...at, 'code'], message: `Mã xếp loại ${b.code} được nhập nhiều lần.` });
    }
    seen.add(b.code);
    if (!b.label.trim() || b.label.length > MAX_LABEL) {
      problems.push({
        field: [...at, 'label'],
        message: `Tên xếp loại không được để trống, dài tối đa ${MAX_LABEL} ký tự.`,
      });
    }
    if (!Number.isFinite(b.min) || b.min < 0 || b.min > EVALUATION_MAX_SCORE) {
      problems.push({
        field: [...at, 'min'],
        message: `Ngưỡng điểm của xếp loại nằm trong 0–${EVALUATION_MAX_SCORE}.`,
      });
    }
  });
  // Every total from 0 to 18 must fall in a band: one of them starts at 0, included.
  if (!bands.some((b) => b.min === 0 && b.minInclusive)) {
    problems.push({
      field: ['evaluationBands'],
      message: 'Các mức xếp loại phải phủ mọi tổng điểm: cần một mức từ 0 điểm (kể cả 0).',
    });
  }
  return problems;
}

const calendarsWithHours = new WeakMap<WorkingCalendar, Map<string, WorkingCalendar>>();

/**
 * The working calendar a dossier of a province is counted on: the calendar's days (holidays,
 * swaps) with the province's working hours (§3.2). One per base calendar and hours, kept while the
 * base calendar lives (a calendar change makes a new base).
 */
export function calendarWithPractice(base: WorkingCalendar, practice: PracticeSettings): WorkingCalendar {
  const key = JSON.stringify(practice.workingHours.sessions);
  let byHours = calendarsWithHours.get(base);
  if (!byHours) {
    byHours = new Map();
    calendarsWithHours.set(base, byHours);
  }
  let calendar = byHours.get(key);
  if (!calendar) {
    calendar = base.withHours(practice.workingHours);
    byHours.set(key, calendar);
  }
  return calendar;
}
