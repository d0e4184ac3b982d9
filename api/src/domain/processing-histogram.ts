// Histogram of processing times (working minutes, supplement time excluded) for percentiles in the
// period rollups (prisma DossierRollup.processingHistogram). Counts merge by addition, so monthly
// rollups add up to quarters and years and agencies add up to their parent without raw rows.

import { MINUTES_PER_WORKING_DAY } from './calendar.ts';

const WORKING_DAY_BOUNDS = [0.5, 1, 2, 3, 5, 7, 10, 15, 20, 30, 45, 60, 90];

/**
 * Inclusive upper bounds of the buckets in working minutes: ≤ 0.5, 1, 2, 3, 5, 7, 10, 15, 20, 30, 45,
 * 60, 90 working days, then +∞. Bucket i holds (bounds[i−1], bounds[i]]; bucket 0 holds [0, 240].
 * Changing these bounds invalidates stored histograms. docs/domain.md §3.10 (8 h = 1 working day).
 */
export const PROCESSING_HISTOGRAM_BOUNDS: readonly number[] = Object.freeze([
  ...WORKING_DAY_BOUNDS.map((days) => days * MINUTES_PER_WORKING_DAY),
  Number.POSITIVE_INFINITY,
]);

export const PROCESSING_HISTOGRAM_SIZE = PROCESSING_HISTOGRAM_BOUNDS.length;

/** An empty histogram (all counts 0). */
export function emptyHistogram(): number[] {
  return new Array<number>(PROCESSING_HISTOGRAM_SIZE).fill(0);
}

/** Index of the bucket holding a processing time of `minutes` working minutes (finite, ≥ 0). */
export function histogramBucket(minutes: number): number {
  if (!Number.isFinite(minutes) || minutes < 0) {
    throw new RangeError(`Processing time must be a finite number of working minutes ≥ 0, got ${minutes}`);
  }
  return PROCESSING_HISTOGRAM_BOUNDS.findIndex((bound) => minutes <= bound);
}

/** Adds one processing time to `h` in place (a shorter array, e.g. a stored `[]`, is padded) and returns `h`. */
export function addToHistogram(h: number[], minutes: number): number[] {
  const bucket = histogramBucket(minutes);
  checkLength(h);
  for (let i = h.length; i < PROCESSING_HISTOGRAM_SIZE; i++) h.push(0);
  h[bucket] = (h[bucket] ?? 0) + 1;
  return h;
}

/** A new histogram with the counts of `a` and `b` added bucket by bucket (missing buckets count 0). */
export function mergeHistograms(a: readonly number[], b: readonly number[]): number[] {
  checkLength(a);
  checkLength(b);
  return emptyHistogram().map((_, i) => (a[i] ?? 0) + (b[i] ?? 0));
}

/** Number of processing times counted in `h`. */
export function histogramTotal(h: readonly number[]): number {
  return h.reduce((sum, count) => sum + count, 0);
}

/**
 * Estimated p-th percentile (p in 0–100) in working minutes; null when the histogram is empty.
 *
 * The times inside a bucket are assumed spread evenly over it: with N counts, the target rank is
 * p/100 × N; the bucket where the cumulative count reaches that rank is found, and the estimate is
 * lower + (rank − count below the bucket) / count in the bucket × (upper − lower), the first bucket
 * starting at 0. The last bucket has no upper bound: an estimate falling in it is its lower bound
 * (90 working days), i.e. "at least". p = 0 gives the lower bound of the first non-empty bucket.
 */
export function percentileFromHistogram(h: readonly number[], p: number): number | null {
  if (!Number.isFinite(p) || p < 0 || p > 100)
    throw new RangeError(`Percentile must be within 0–100, got ${p}`);
  checkLength(h);
  const total = histogramTotal(h);
  if (total === 0) return null;
  const rank = (p / 100) * total;
  let below = 0;
  for (let i = 0; i < h.length; i++) {
    const count = h[i] ?? 0;
    if (count === 0) continue;
    if (below + count >= rank) {
      const lower = i === 0 ? 0 : PROCESSING_HISTOGRAM_BOUNDS[i - 1]!;
      const upper = PROCESSING_HISTOGRAM_BOUNDS[i]!;
      if (upper === Number.POSITIVE_INFINITY) return lower;
      return lower + ((rank - below) / count) * (upper - lower);
    }
    below += count;
  }
  // Unreachable: the loop reaches rank ≤ total at the last non-empty bucket.
  return null;
}

function checkLength(h: readonly number[]): void {
  if (h.length > PROCESSING_HISTOGRAM_SIZE) {
    throw new RangeError(
      `Histogram has ${h.length} buckets, more than the ${PROCESSING_HISTOGRAM_SIZE} of PROCESSING_HISTOGRAM_BOUNDS`,
    );
  }
  for (const count of h) {
    if (!Number.isInteger(count) || count < 0)
      throw new RangeError(`Histogram counts must be whole numbers ≥ 0, got ${count}`);
  }
}
