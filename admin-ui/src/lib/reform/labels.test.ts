import { describe, expect, it } from 'vitest';
import { daysUntil, deadlineDistance, standingLabel, standingTone, statusLabel } from './labels';

describe('reform task labels', () => {
  it('names statuses and standings in Vietnamese, an unknown value as sent', () => {
    expect(statusLabel('IN_PROGRESS')).toBe('Đang thực hiện');
    expect(standingLabel('OVERDUE')).toBe('Quá hạn');
    expect(standingLabel('DUE_SOON')).toBe('Sắp đến hạn');
    expect(standingLabel('ON_HOLD')).toBe('ON_HOLD');
  });

  it('makes overdue and late tasks stand out', () => {
    expect(standingTone('OVERDUE')).toBe('alert');
    expect(standingTone('DONE_LATE')).toBe('alert');
    expect(standingTone('DUE_SOON')).toBe('warning');
    expect(standingTone('NOT_STARTED')).toBe('plain');
  });

  it('counts calendar days to the deadline, across a month and a year end', () => {
    // 2026-12-28 → 2027-01-04: 3 days left in December + 4 in January = 7.
    expect(daysUntil('2027-01-04', '2026-12-28')).toBe(7);
    // 2026-03-01 back to 2026-02-26: 2026 is not a leap year, so Feb has 28 days: −3.
    expect(daysUntil('2026-02-26', '2026-03-01')).toBe(-3);
    expect(deadlineDistance('2026-02-26', '2026-03-01')).toBe('quá hạn 3 ngày');
    expect(deadlineDistance('2026-03-01', '2026-03-01')).toBe('hạn hôm nay');
    expect(deadlineDistance('2026-03-06', '2026-03-01')).toBe('còn 5 ngày');
  });
});
