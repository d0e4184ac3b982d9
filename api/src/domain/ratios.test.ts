import { describe, expect, it } from 'vitest';
import { assertCount, assertPartOf, shareOf } from './ratios.ts';

describe('counts are whole numbers ≥ 0 (sums of rollups)', () => {
  it.each([0, 1, 1_000_000])('accepts %d', (n) => {
    expect(() => assertCount('n', n)).not.toThrow();
  });

  it.each([-1, 0.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53])('rejects %d', (n) => {
    expect(() => assertCount('n', n)).toThrow(RangeError);
  });

  it('names the offending count in the message', () => {
    expect(() => assertPartOf('late', 6, 'finished', 5)).toThrow('late (6) cannot exceed finished (5)');
  });
});

describe('shareOf: part / whole, "null (no data) is not 0" (docs/domain.md §5)', () => {
  it('3 of 4 → 0.75; 0 of 4 → 0; 0 of 0 → null', () => {
    expect(shareOf(3, 4)).toBe(0.75);
    expect(shareOf(0, 4)).toBe(0);
    expect(shareOf(0, 0)).toBeNull();
  });

  it('rejects a part larger than the whole', () => {
    expect(() => shareOf(5, 4)).toThrow(RangeError);
    expect(() => shareOf(1, 0)).toThrow(RangeError);
  });
});
