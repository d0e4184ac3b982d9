import { describe, expect, it } from 'vitest';
import { cellFormat, formatCell, NO_DATA } from './cells';

describe('formatCell', () => {
  it('shares as percentages with one decimal, vi-VN; whole percentages without one', () => {
    // 7 of 8 on time = 0.875 → 87,5%.
    expect(formatCell({ number: 0.875 }, 'PERCENT')).toBe('87,5%');
    // A task done (progress 100 / 100 = 1) → 100%, not 100,0%; 40 / 100 → 40%.
    expect(formatCell({ number: 1 }, 'PERCENT')).toBe('100%');
    expect(formatCell({ number: 0.4 }, 'PERCENT')).toBe('40%');
    // 29 / 100 is 28.999…% in floating point: still a whole 29%.
    expect(formatCell({ number: 0.29 }, 'PERCENT')).toBe('29%');
    // 1 of 3 = 33.33…% → 33,3%; 0.9996 rounds to 100.0 → 100%.
    expect(formatCell({ number: 1 / 3 }, 'PERCENT')).toBe('33,3%');
    expect(formatCell({ number: 0.9996 }, 'PERCENT')).toBe('100%');
  });

  it('counts with a dot between thousands; working days with one decimal; scores up to two', () => {
    expect(formatCell({ number: 12345 }, 'INTEGER')).toBe('12.345');
    expect(formatCell({ number: 2.25 }, 'DAYS')).toBe('2,3');
    expect(formatCell({ number: 18.4567 }, 'SCORE')).toBe('18,46');
  });

  it('no data is a dash, never 0; days as dd/mm/yyyy', () => {
    expect(formatCell({ number: null, text: null }, 'PERCENT')).toBe(NO_DATA);
    expect(formatCell({ text: '' }, 'TEXT')).toBe(NO_DATA);
    expect(formatCell({ number: 0 }, 'INTEGER')).toBe('0');
    expect(formatCell({ text: '2026-03-20' }, 'DATE')).toBe('20/03/2026');
  });
});

describe('cellFormat', () => {
  it('a ROW column takes the row’s format', () => {
    expect(cellFormat('ROW', 'PERCENT')).toBe('PERCENT');
    expect(cellFormat('ROW', null)).toBe('TEXT');
    expect(cellFormat('INTEGER', 'PERCENT')).toBe('INTEGER');
  });
});
