import { describe, expect, it } from 'vitest';
import {
  changeOf,
  formatFigure,
  lateDueDates,
  legalLimitsText,
  NO_DATA,
  type RankedRow,
  rank,
  timelinessReading,
} from './figures';

describe('formatFigure', () => {
  it('says "no data" for null, never 0', () => {
    expect(formatFigure(null, 'rate')).toBe(NO_DATA);
    expect(formatFigure(undefined, 'count')).toBe(NO_DATA);
    expect(formatFigure(0, 'count')).toBe('0');
  });

  it('writes rates in per cent and days with one decimal, Vietnamese style', () => {
    // 2/3 = 66,666…% → one decimal: 66,7%.
    expect(formatFigure(2 / 3, 'rate')).toBe('66,7%');
    expect(formatFigure(3.25, 'days')).toBe('3,3 ngày');
    expect(formatFigure(1234, 'count')).toBe('1.234');
  });
});

describe('changeOf', () => {
  it('gives the arrow, the words and whether it is for the better', () => {
    // 0,8 → 0,75: down 5 percentage points, worse for an on-time rate.
    expect(changeOf(0.75, 0.8, 'rate', true)).toEqual({
      arrow: '▼',
      text: 'giảm 5 điểm % so với kỳ trước',
      tone: 'worse',
    });
    // Late open 3 → 5: up 2, worse (lower is better).
    expect(changeOf(5, 3, 'count', false)).toEqual({
      arrow: '▲',
      text: 'tăng 2 so với kỳ trước',
      tone: 'worse',
    });
    // Volumes are neither better nor worse.
    expect(changeOf(10, 4, 'count', null).tone).toBe('neutral');
  });

  it('says there is nothing to compare rather than a change from or to 0', () => {
    expect(changeOf(0.5, null, 'rate', true)).toEqual({
      arrow: '',
      text: 'kỳ trước: không có số liệu',
      tone: 'neutral',
    });
    expect(changeOf(null, 3, 'count', false).text).toBe('kỳ trước: không có số liệu');
    expect(changeOf(4, 4, 'count', null)).toEqual({
      arrow: '',
      text: 'không đổi so với kỳ trước',
      tone: 'neutral',
    });
    // 0,04 percentage points rounds to 0 at one decimal: no arrow.
    expect(changeOf(0.5004, 0.5, 'rate', true).arrow).toBe('');
  });
});

const row = (name: string, over: Partial<RankedRow>): RankedRow => ({
  key: name,
  name,
  own: false,
  received: 10,
  finished: 10,
  late: 0,
  lateOpen: 0,
  onTimeRate: 1,
  ratings: 0,
  satisfactionRate: null,
  supplementRequests: 0,
  ...over,
});

describe('rank', () => {
  const rows = [
    row('Xã A', { late: 2, lateOpen: 1, ratings: 4, satisfactionRate: 0.5, supplementRequests: 3 }),
    row('Xã B', { late: 0, lateOpen: 4, ratings: 10, satisfactionRate: 0.5 }),
    row('Xã C', { ratings: 2, satisfactionRate: 0.25, supplementRequests: 7 }),
    row('Xã D', {}),
  ];

  it('ranks most late by finished late plus still open past due', () => {
    // B: 0 + 4 = 4, A: 2 + 1 = 3; C and D have none and are left out.
    expect(rank(rows, 'late').map((r) => r.name)).toEqual(['Xã B', 'Xã A']);
  });

  it('ranks lowest satisfaction among rows with ratings, more ratings first on a tie', () => {
    // C 25%; A and B 50%, B has 10 ratings against A's 4. D has no ratings: not ranked.
    expect(rank(rows, 'satisfaction').map((r) => r.name)).toEqual(['Xã C', 'Xã B', 'Xã A']);
  });

  it('ranks supplement requests and keeps the first `limit`', () => {
    expect(rank(rows, 'supplements').map((r) => r.name)).toEqual(['Xã C', 'Xã A']);
    expect(rank(rows, 'supplements', 1).map((r) => r.name)).toEqual(['Xã C']);
  });
});

describe('timelinessReading', () => {
  const classes = (early: [number, number], onTime: [number, number], late: [number, number]) => [
    { timeliness: 'EARLY', ratings: early[0], satisfied: early[1], satisfactionRate: null },
    { timeliness: 'ON_TIME', ratings: onTime[0], satisfied: onTime[1], satisfactionRate: null },
    { timeliness: 'LATE', ratings: late[0], satisfied: late[1], satisfactionRate: null },
  ];

  it('says late dossiers are clearly less satisfying when the gap is 10 points or more', () => {
    // In time: (2 + 1) / (2 + 2) = 75%; late: 0 / 3 = 0%.
    expect(timelinessReading(classes([2, 2], [2, 1], [3, 0]))).toBe(
      '0% người dân hài lòng với hồ sơ quá hạn, so với 75% với hồ sơ trước hạn và đúng hạn: trễ hạn làm người dân kém hài lòng rõ rệt.',
    );
  });

  it('says the rates are about the same within 10 points', () => {
    // In time 8/10 = 80%, late 3/4 = 75%: 5 points apart.
    expect(timelinessReading(classes([5, 4], [5, 4], [4, 3]))).toContain('mức hài lòng gần như nhau');
  });

  it('does not compare without ratings of late dossiers', () => {
    expect(timelinessReading(classes([2, 2], [0, 0], [0, 0]))).toContain('chưa so sánh được');
    expect(timelinessReading(classes([0, 0], [0, 0], [0, 0]))).toContain('chưa có đánh giá nào');
  });
});

describe('legalLimitsText', () => {
  const format = (l: { value: number; unit: string }) =>
    `${l.value} ${l.unit === 'WORKING_DAYS' ? 'ngày làm việc' : 'giờ'}`;
  const channel = (c: string) => ({ IN_PERSON: 'Trực tiếp', ONLINE: 'Trực tuyến' })[c] ?? c;

  it('says a limit once when every channel has it, else each with its channel', () => {
    const same = [
      { channel: 'IN_PERSON', value: 3, unit: 'WORKING_DAYS' },
      { channel: 'ONLINE', value: 3, unit: 'WORKING_DAYS' },
    ];
    expect(legalLimitsText(same, format, channel)).toBe('3 ngày làm việc');
    const different = [same[0]!, { channel: 'ONLINE', value: 8, unit: 'HOURS' }];
    expect(legalLimitsText(different, format, channel)).toBe(
      '3 ngày làm việc (trực tiếp); 8 giờ (trực tuyến)',
    );
    expect(legalLimitsText([], format, channel)).toBeNull();
  });
});

describe('lateDueDates', () => {
  it('judges against the due date an apology did not move, and names the one it set', () => {
    // Due 20/11 17:00; an apology told the citizen 14/12 17:00: late against 20/11.
    expect(
      lateDueDates({ timelinessDueAt: '2026-11-20T17:00:00+07:00', dueAt: '2026-12-14T17:00:00+07:00' }),
    ).toEqual({ judged: '2026-11-20T17:00:00+07:00', rescheduled: '2026-12-14T17:00:00+07:00' });
  });

  it('names no second date when no apology moved it', () => {
    const same = '2026-11-20T17:00:00+07:00';
    expect(lateDueDates({ timelinessDueAt: same, dueAt: same })).toEqual({ judged: same, rescheduled: null });
    // The same instant written with another offset is the same date.
    expect(lateDueDates({ timelinessDueAt: same, dueAt: '2026-11-20T10:00:00Z' }).rescheduled).toBeNull();
    expect(lateDueDates({ dueAt: same })).toEqual({ judged: same, rescheduled: null });
    expect(lateDueDates({})).toEqual({ judged: null, rescheduled: null });
  });
});
