// How the dashboard shows a figure and its change against the previous period, ranks units and
// procedures, and reads the satisfaction × timeliness view. Pure; unit-tested in figures.test.ts.
// A null figure is "no data" (docs/domain.md §5: null is not 0) and is said so, never shown as 0.

export const NO_DATA = 'Không có số liệu';

const integer = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });
const twoDecimals = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });

export type FigureKind = 'count' | 'rate' | 'days' | 'score';

/** A figure as shown: counts whole, rates in per cent, days and scores with decimals. */
export function formatFigure(value: number | null | undefined, kind: FigureKind): string {
  if (value == null || !Number.isFinite(value)) return NO_DATA;
  switch (kind) {
    case 'count':
      return integer.format(value);
    case 'rate':
      return `${oneDecimal.format(value * 100)}%`;
    case 'days':
      return `${oneDecimal.format(value)} ngày`;
    case 'score':
      return twoDecimals.format(value);
  }
}

export interface Change {
  /** '▲', '▼' or '' (no change, or nothing to compare). */
  arrow: '▲' | '▼' | '';
  /** Read aloud and shown: "tăng 5", "giảm 3,2 điểm %", "không đổi", or that there is no data. */
  text: string;
  /** Whether the change is for the better, the worse, or neither (colour only; the words say it). */
  tone: 'better' | 'worse' | 'neutral';
}

/**
 * The change of a figure against the previous period. Rates change in percentage points ("điểm %").
 * `higherIsBetter`: true for on-time and satisfaction rates, false for late dossiers and processing
 * times, null where neither (volumes).
 */
export function changeOf(
  current: number | null | undefined,
  previous: number | null | undefined,
  kind: FigureKind,
  higherIsBetter: boolean | null,
): Change {
  if (current == null || previous == null || !Number.isFinite(current) || !Number.isFinite(previous)) {
    return { arrow: '', text: `kỳ trước: ${NO_DATA.toLowerCase()}`, tone: 'neutral' };
  }
  const delta = current - previous;
  const size = Math.abs(delta);
  const shown =
    kind === 'rate'
      ? `${oneDecimal.format(size * 100)} điểm %`
      : kind === 'count'
        ? integer.format(size)
        : kind === 'days'
          ? `${oneDecimal.format(size)} ngày`
          : twoDecimals.format(size);
  // Below what is shown (0,04 điểm %): no change worth an arrow.
  if (shown.startsWith('0 ') || shown === '0' || delta === 0) {
    return { arrow: '', text: 'không đổi so với kỳ trước', tone: 'neutral' };
  }
  const up = delta > 0;
  const tone = higherIsBetter === null ? 'neutral' : up === higherIsBetter ? 'better' : 'worse';
  return { arrow: up ? '▲' : '▼', text: `${up ? 'tăng' : 'giảm'} ${shown} so với kỳ trước`, tone };
}

export interface RankedRow {
  key: string;
  name: string;
  own: boolean;
  received: number;
  finished: number;
  late: number;
  lateOpen: number;
  onTimeRate: number | null;
  ratings: number;
  satisfactionRate: number | null;
  supplementRequests: number;
  /** The row's page (a unit's dashboard, a procedure's page); null for none. */
  href?: string | null;
}

export type Ranking = 'late' | 'satisfaction' | 'supplements';

export const RANKING_TITLES: Record<Ranking, string> = {
  late: 'Nhiều hồ sơ trễ hạn nhất',
  satisfaction: 'Mức hài lòng thấp nhất',
  supplements: 'Nhiều yêu cầu bổ sung hồ sơ nhất',
};

const lateOf = (r: RankedRow) => r.late + r.lateOpen;

/**
 * The `limit` rows that rank worst: most late (finished late + still open past due), lowest
 * satisfaction (among rows with ratings; more ratings first on a tie), most supplement requests.
 * Rows with nothing to rank on are left out: a unit without ratings is not "the least satisfied".
 */
export function rank<T extends RankedRow>(rows: readonly T[], by: Ranking, limit = 5): T[] {
  const byName = (a: T, b: T) => a.name.localeCompare(b.name, 'vi');
  const sorted = (() => {
    switch (by) {
      case 'late':
        return rows.filter((r) => lateOf(r) > 0).sort((a, b) => lateOf(b) - lateOf(a) || byName(a, b));
      case 'satisfaction':
        return rows
          .filter((r) => r.ratings > 0 && r.satisfactionRate !== null)
          .sort((a, b) => a.satisfactionRate! - b.satisfactionRate! || b.ratings - a.ratings || byName(a, b));
      case 'supplements':
        return rows
          .filter((r) => r.supplementRequests > 0)
          .sort((a, b) => b.supplementRequests - a.supplementRequests || byName(a, b));
    }
  })();
  return sorted.slice(0, limit);
}

export interface TimelinessSatisfaction {
  timeliness: 'EARLY' | 'ON_TIME' | 'LATE' | string;
  ratings: number;
  satisfied: number;
  satisfactionRate: number | null;
}

export const TIMELINESS_LABELS: Record<string, string> = {
  EARLY: 'Giải quyết trước hạn',
  ON_TIME: 'Giải quyết đúng hạn',
  LATE: 'Giải quyết quá hạn',
};

/** Gap, in percentage points, below which late and in-time dossiers are "about as satisfied". */
const MEANINGFUL_GAP = 0.1;

/**
 * One sentence that reads the satisfaction × timeliness view for an official: is a late dossier a
 * dissatisfied one? Compares the late class with the early and on-time classes together.
 */
export function timelinessReading(classes: readonly TimelinessSatisfaction[]): string {
  const late = classes.find((c) => c.timeliness === 'LATE');
  const inTime = classes.filter((c) => c.timeliness !== 'LATE');
  const inTimeRatings = inTime.reduce((s, c) => s + c.ratings, 0);
  const inTimeSatisfied = inTime.reduce((s, c) => s + c.satisfied, 0);
  if (!late || late.ratings === 0) {
    return inTimeRatings === 0
      ? 'Trong kỳ chưa có đánh giá nào của người dân về hồ sơ đã giải quyết.'
      : 'Trong kỳ chưa có đánh giá nào về hồ sơ giải quyết quá hạn, nên chưa so sánh được với hồ sơ đúng hạn.';
  }
  const lateRate = late.satisfied / late.ratings;
  if (inTimeRatings === 0) {
    return `Có ${integer.format(late.ratings)} đánh giá về hồ sơ quá hạn (${formatFigure(lateRate, 'rate')} hài lòng) nhưng chưa có đánh giá về hồ sơ đúng hạn để so sánh.`;
  }
  const inTimeRate = inTimeSatisfied / inTimeRatings;
  const pair = `${formatFigure(lateRate, 'rate')} người dân hài lòng với hồ sơ quá hạn, so với ${formatFigure(inTimeRate, 'rate')} với hồ sơ trước hạn và đúng hạn`;
  if (inTimeRate - lateRate >= MEANINGFUL_GAP) return `${pair}: trễ hạn làm người dân kém hài lòng rõ rệt.`;
  if (lateRate - inTimeRate >= MEANINGFUL_GAP)
    return `${pair}: trong kỳ này, hồ sơ trễ hạn không làm người dân kém hài lòng hơn.`;
  return `${pair}: mức hài lòng gần như nhau, trễ hạn chưa phải nguyên nhân chính của sự không hài lòng.`;
}

/** Decision 766/QĐ-TTg indicators the API computes (docs/domain.md §5), as the decision names them. */
export const INDICATOR_766_LABELS: Record<string, string> = {
  '1.3': 'Công khai thủ tục hành chính đầy đủ các bộ phận',
  '2.1': 'Hồ sơ giải quyết đúng hạn',
  '3.1': 'Thủ tục cung cấp dịch vụ công trực tuyến',
  '3.3': 'Hồ sơ nộp trực tuyến',
  '5.2': 'Phản ánh, kiến nghị được xử lý đúng hạn',
  '5.4': 'Mức độ hài lòng (không trễ hạn, không phản ánh, không hài lòng)',
};

/**
 * A procedure's legal time limits in one phrase: "3 ngày làm việc" when every channel has the same,
 * else each with its channel ("1 ngày làm việc (trực tiếp); 3 ngày làm việc (trực tuyến)").
 */
export function legalLimitsText(
  limits: readonly { channel: string; value: number; unit: string }[],
  formatLimit: (limit: { value: number; unit: string }) => string,
  channelName: (channel: string) => string,
): string | null {
  if (limits.length === 0) return null;
  const texts = limits.map((l) => formatLimit(l));
  if (texts.every((t) => t === texts[0])) return texts[0]!;
  return limits.map((l, i) => `${texts[i]} (${channelName(l.channel).toLowerCase()})`).join('; ');
}

/**
 * The due date a late dossier is judged against, and the later one an apology (phiếu xin lỗi và hẹn
 * lại) told the citizen, when there is one: an apology moves `dueAt` but never `timelinessDueAt`, so
 * showing `dueAt` alone reads "due 14/12, 17 days overdue" on 5/12 (docs/domain.md §3.7).
 */
export function lateDueDates(d: { dueAt?: string | null; timelinessDueAt?: string | null }): {
  judged: string | null;
  rescheduled: string | null;
} {
  const judged = d.timelinessDueAt ?? d.dueAt ?? null;
  const rescheduled = d.dueAt && judged && Date.parse(d.dueAt) > Date.parse(judged) ? d.dueAt : null;
  return { judged, rescheduled };
}
