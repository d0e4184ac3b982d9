// The figures the widget reads (docs/api.md "The public contract": ServiceStats) and the derived views
// that are worth testing without a DOM.

export interface TimelinessSatisfaction {
  timeliness: string;
  ratings: number;
  satisfactionRate: number | null;
}

export interface Figures {
  ratings: number;
  satisfactionRate: number | null;
  finished: number;
  onTimeRate: number | null;
  medianProcessingWorkingDays: number | null;
  /** Absent from APIs that predate it; the widget then leaves the comparison out. */
  satisfactionByTimeliness?: TimelinessSatisfaction[] | null;
}

export interface LegalLimit {
  channel: string;
  value: number;
  unit: string;
}

export interface Subject {
  name: string;
  timeLimits?: LegalLimit[];
}

export interface SatisfactionSplit {
  late: { ratings: number; rate: number };
  inTime: { ratings: number; rate: number };
}

/**
 * "Is a late dossier a dissatisfied one": satisfaction of dossiers finished late against those finished
 * early or on time (docs/domain.md §3.8 classes; IN_PROGRESS_* are not finished, so not rated). Null
 * when either side has no rating: one number alone says nothing about the difference.
 */
export function satisfactionSplit(
  rows: TimelinessSatisfaction[] | null | undefined,
): SatisfactionSplit | null {
  if (!rows) return null;
  const sum = (classes: string[]) => {
    let ratings = 0;
    let satisfied = 0;
    for (const row of rows) {
      if (!classes.includes(row.timeliness) || row.satisfactionRate === null) continue;
      ratings += row.ratings;
      satisfied += row.ratings * row.satisfactionRate;
    }
    return { ratings, rate: ratings ? satisfied / ratings : 0 };
  };
  const late = sum(['LATE']);
  const inTime = sum(['EARLY', 'ON_TIME']);
  return late.ratings && inTime.ratings ? { late, inTime } : null;
}

/**
 * The legal limit in working days, to set the median against: in person first (the channel every
 * procedure has), hours as 8 per working day (docs/domain.md §3.2). Null for limits in calendar days or
 * months, which do not compare with working days.
 */
export function legalLimitWorkingDays(limits: LegalLimit[] | undefined): number | null {
  if (!limits?.length) return null;
  const limit = limits.find((item) => item.channel === 'IN_PERSON') ?? limits[0]!;
  if (limit.unit === 'WORKING_DAYS') return limit.value;
  if (limit.unit === 'HOURS') return limit.value / 8;
  return null;
}
