import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDateTime,
  formatNumber,
  formatTimeLimit,
  formatVnd,
  todayInVietnam,
} from './format';

describe('formatDate', () => {
  it('writes a calendar day dd/mm/yyyy without moving it to another zone', () => {
    expect(formatDate('2025-07-01')).toBe('01/07/2025');
  });

  it('shows an instant on its day in Việt Nam (UTC+7)', () => {
    // 17:30 UTC on 4 December is 00:30 on 5 December in Hồ Chí Minh City.
    expect(formatDate('2026-12-04T17:30:00Z')).toBe('05/12/2026');
    // 16:59 UTC is still 23:59 the same day.
    expect(formatDate(new Date('2026-12-04T16:59:00Z'))).toBe('04/12/2026');
  });

  it('shows a dash for no date', () => {
    expect(formatDate(null)).toBe('—');
    expect(formatDate('')).toBe('—');
  });
});

describe('formatDateTime', () => {
  it('writes dd/mm/yyyy HH:mm on a 24-hour clock in Việt Nam', () => {
    expect(formatDateTime('2026-12-04T17:30:00Z')).toBe('05/12/2026 00:30');
    expect(formatDateTime('2026-12-04T22:58:03+07:00')).toBe('04/12/2026 22:58');
    expect(formatDateTime('2026-01-09T06:05:00Z')).toBe('09/01/2026 13:05');
  });

  it('shows what it cannot read as sent', () => {
    expect(formatDateTime('không phải ngày')).toBe('không phải ngày');
  });
});

describe('formatNumber', () => {
  it('groups thousands with a dot and separates decimals with a comma', () => {
    expect(formatNumber(1234.5)).toBe('1.234,5');
    expect(formatNumber(2642)).toBe('2.642');
    expect(formatNumber(12345678)).toBe('12.345.678');
    expect(formatNumber(999)).toBe('999');
    expect(formatNumber(0)).toBe('0');
  });

  it('keeps at most two decimals', () => {
    expect(formatNumber(0.125)).toBe('0,13');
  });
});

describe('formatVnd', () => {
  it('writes amounts in đồng and says when there is no fee or it is set elsewhere', () => {
    expect(formatVnd(50000)).toBe('50.000 đồng');
    expect(formatVnd(0)).toBe('Không thu phí');
    expect(formatVnd(null)).toBe('Theo quy định');
  });
});

describe('formatTimeLimit', () => {
  it('names the unit in Vietnamese', () => {
    expect(formatTimeLimit({ value: 15, unit: 'WORKING_DAYS' })).toBe('15 ngày làm việc');
    expect(formatTimeLimit({ value: 0.5, unit: 'WORKING_DAYS' })).toBe('0,5 ngày làm việc');
    expect(formatTimeLimit({ value: 4, unit: 'HOURS' })).toBe('4 giờ làm việc');
    expect(formatTimeLimit({ value: 30, unit: 'DAYS' })).toBe('30 ngày');
    expect(formatTimeLimit({ value: 3, unit: 'MONTHS' })).toBe('3 tháng');
  });

  it('says when there is no time limit', () => {
    expect(formatTimeLimit(null)).toBe('Chưa quy định');
  });
});

describe('todayInVietnam', () => {
  it('is the day in Việt Nam, which starts 7 hours before UTC’s', () => {
    expect(todayInVietnam(new Date('2026-12-31T17:00:00Z'))).toBe('2027-01-01');
    expect(todayInVietnam(new Date('2026-12-31T16:59:59Z'))).toBe('2026-12-31');
  });
});
