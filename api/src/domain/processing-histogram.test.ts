import { describe, expect, it } from 'vitest';
import {
  addToHistogram,
  emptyHistogram,
  histogramBucket,
  histogramTotal,
  mergeHistograms,
  PROCESSING_HISTOGRAM_BOUNDS,
  percentileFromHistogram,
} from './processing-histogram.ts';

// One working day = 480 working minutes (docs/domain.md §3.2), so the bounds in minutes are the day bounds × 480.
describe('PROCESSING_HISTOGRAM_BOUNDS', () => {
  it('≤ 0.5, 1, 2, 3, 5, 7, 10, 15, 20, 30, 45, 60, 90 working days, then +∞', () => {
    expect(PROCESSING_HISTOGRAM_BOUNDS).toEqual([
      240,
      480,
      960,
      1440,
      2400,
      3360,
      4800,
      7200,
      9600,
      14400,
      21600,
      28800,
      43200,
      Number.POSITIVE_INFINITY,
    ]);
    expect(Object.isFrozen(PROCESSING_HISTOGRAM_BOUNDS)).toBe(true);
  });
});

describe('histogramBucket: upper bounds are inclusive', () => {
  it.each([
    [0, 0],
    [240, 0], // exactly half a day
    [240.5, 1],
    [480, 1], // exactly one day
    [481, 2],
    [2400, 4], // exactly 5 days
    [43200, 12], // exactly 90 days
    [43201, 13],
    [1e9, 13],
  ])('%d working minutes → bucket %d', (minutes, bucket) => {
    expect(histogramBucket(minutes)).toBe(bucket);
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])('rejects %d', (minutes) => {
    expect(() => histogramBucket(minutes)).toThrow(RangeError);
  });
});

describe('addToHistogram / mergeHistograms', () => {
  it('pads a stored empty array and counts in place', () => {
    const h: number[] = [];
    const same = addToHistogram(h, 300); // 240 < 300 ≤ 480 → bucket 1
    addToHistogram(h, 300);
    addToHistogram(h, 0);
    expect(same).toBe(h);
    expect(h).toEqual([1, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(histogramTotal(h)).toBe(3);
  });

  it('merging adds bucket by bucket (months add up to a quarter)', () => {
    const january = [1, 2, 0, 3];
    const february = addToHistogram(emptyHistogram(), 50_000); // bucket 13
    expect(mergeHistograms(january, february)).toEqual([1, 2, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    expect(january).toEqual([1, 2, 0, 3]); // inputs unchanged
  });

  it('rejects histograms longer than the bounds or with invalid counts', () => {
    expect(() => mergeHistograms(new Array(15).fill(0), [])).toThrow(RangeError);
    expect(() => mergeHistograms([1, -1], [])).toThrow(RangeError);
    expect(() => addToHistogram([0.5], 10)).toThrow(RangeError);
  });
});

describe('percentileFromHistogram: linear interpolation inside the bucket', () => {
  it('is null when empty', () => {
    expect(percentileFromHistogram([], 50)).toBeNull();
    expect(percentileFromHistogram(emptyHistogram(), 50)).toBeNull();
  });

  it('two counts in [0, 240] and two in (240, 480]', () => {
    const h = [2, 2];
    // N = 4. p25: rank 1 in bucket 0 → 0 + 1/2 × 240 = 120.
    expect(percentileFromHistogram(h, 25)).toBe(120);
    // p50: rank 2 reaches the end of bucket 0 → 0 + 2/2 × 240 = 240.
    expect(percentileFromHistogram(h, 50)).toBe(240);
    // p75: rank 3 → bucket 1, 1 of its 2 counts → 240 + 1/2 × 240 = 360.
    expect(percentileFromHistogram(h, 75)).toBe(360);
    // p100: rank 4 → 240 + 2/2 × 240 = 480.
    expect(percentileFromHistogram(h, 100)).toBe(480);
    // p0: rank 0 → lower bound of the first non-empty bucket = 0.
    expect(percentileFromHistogram(h, 0)).toBe(0);
  });

  it('skips empty buckets', () => {
    // One count in (480, 960], one in (1440, 2400]. N = 2.
    const h = [0, 0, 1, 0, 1];
    // p0 → 480, the lower bound of bucket 2.
    expect(percentileFromHistogram(h, 0)).toBe(480);
    // p50: rank 1 → bucket 2 full → 480 + 1/1 × 480 = 960.
    expect(percentileFromHistogram(h, 50)).toBe(960);
    // p75: rank 1.5 → bucket 4, 0.5 of its count → 1440 + 0.5 × 960 = 1920.
    expect(percentileFromHistogram(h, 75)).toBe(1920);
  });

  it('the open last bucket gives its lower bound (90 working days = 43,200 min) as "at least"', () => {
    const h = addToHistogram(emptyHistogram(), 100_000);
    expect(percentileFromHistogram(h, 50)).toBe(43200);
  });

  it('ten dossiers: median ≈ 2 working days, p90 ≈ 7 working days', () => {
    // Working days 0.25, 0.75, 0.9, 1.5, 2, 2.5, 2.8, 4, 6, 12 × 480 =
    // 120, 360, 432, 720, 960, 1200, 1344, 1920, 2880, 5760 minutes → buckets 0, 1, 1, 2, 2, 3, 3, 4, 5, 7.
    const h = emptyHistogram();
    for (const days of [0.25, 0.75, 0.9, 1.5, 2, 2.5, 2.8, 4, 6, 12]) addToHistogram(h, days * 480);
    expect(h.slice(0, 8)).toEqual([1, 2, 2, 2, 1, 1, 0, 1]);
    // p50: rank 5; cumulative 1, 3, 5 → bucket 2 (480, 960]: 480 + (5 − 3)/2 × 480 = 960 (true median 1080).
    expect(percentileFromHistogram(h, 50)).toBe(960);
    // p90: rank 9; cumulative 7 after bucket 3, 8 after bucket 4 → bucket 5 (2400, 3360]: 2400 + 1/1 × 960 = 3360.
    expect(percentileFromHistogram(h, 90)).toBe(3360);
  });

  it.each([-1, 101, Number.NaN])('rejects p = %d (p is 0–100)', (p) => {
    expect(() => percentileFromHistogram([1], p)).toThrow(RangeError);
  });
});
