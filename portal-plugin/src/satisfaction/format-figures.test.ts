import { describe, expect, it } from 'vitest';
import { formatNumber, formatPercent, formatWorkingDays } from './format-figures.ts';

describe('formatNumber', () => {
  it('writes Vietnamese figures with a dot between thousands and a decimal comma', () => {
    expect(formatNumber(1234.5, 'vi')).toBe('1.234,5');
    expect(formatNumber(1234567, 'vi', 0)).toBe('1.234.567');
    expect(formatNumber(999, 'vi')).toBe('999');
  });

  it('writes English figures the other way round', () => {
    expect(formatNumber(1234.5, 'en')).toBe('1,234.5');
    expect(formatNumber(1234567, 'en', 0)).toBe('1,234,567');
  });

  it('rounds to the digits asked and drops trailing zeros', () => {
    // 2.25 → 2.3 (half up on the scaled value), 3.0 → 3.
    expect(formatNumber(2.25, 'vi')).toBe('2,3');
    expect(formatNumber(3.04, 'vi')).toBe('3');
    expect(formatNumber(0.05, 'en', 0)).toBe('0');
    expect(formatNumber(-1.5, 'vi')).toBe('-1,5');
    expect(formatNumber(-0.01, 'vi')).toBe('0');
  });
});

describe('formatPercent', () => {
  it('puts a (non-breaking) space before % in Vietnamese, none in English', () => {
    // 0.92345 → 92.345 % → one decimal → 92.3.
    expect(formatPercent(0.92345, 'vi')).toBe('92,3\u00a0%');
    expect(formatPercent(0.92345, 'en')).toBe('92.3%');
    expect(formatPercent(1, 'vi')).toBe('100\u00a0%');
    expect(formatPercent(0, 'en')).toBe('0%');
  });
});

describe('formatWorkingDays', () => {
  it('names the unit in each language, with the English singular', () => {
    expect(formatWorkingDays(3.5, 'vi')).toBe('3,5 ngày làm việc');
    expect(formatWorkingDays(1, 'en')).toBe('1 working day');
    expect(formatWorkingDays(12, 'en')).toBe('12 working days');
  });
});
