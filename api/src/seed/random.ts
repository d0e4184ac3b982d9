// Deterministic randomness for the demo seed: the same seed constant and anchor day always give the
// same database. mulberry32 is a tiny 32-bit generator, plenty for demo data (not for anything secret).

export const SEED_CONSTANT = 0x7a5e_2026;

export class Random {
  private state: number;
  private readonly seed: number;

  constructor(seed: number = SEED_CONSTANT) {
    this.seed = seed >>> 0;
    this.state = this.seed;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }

  /** Integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** Picks by weight (weights need not sum to 1). */
  weighted<T>(items: readonly T[], weights: readonly number[]): T {
    return new WeightedPicker(items, weights).pick(this);
  }

  /**
   * A fresh generator whose sequence depends only on this one's seed and `salt` (not on how many
   * numbers were drawn), so each part of the seed stays stable when another part changes.
   */
  fork(salt: number): Random {
    return new Random((Math.imul(this.seed ^ salt, 0x9e37_79b1) + salt) >>> 0);
  }
}

/** Weighted choice with a cumulative table and binary search, for pickers used thousands of times. */
export class WeightedPicker<T> {
  private readonly cumulative: number[];
  private readonly total: number;

  constructor(
    private readonly items: readonly T[],
    weights: readonly number[],
  ) {
    if (items.length === 0 || items.length !== weights.length) {
      throw new RangeError('WeightedPicker needs as many weights as items, and at least one item');
    }
    let sum = 0;
    this.cumulative = weights.map((w) => {
      sum += Math.max(0, w);
      return sum;
    });
    if (!(sum > 0)) throw new RangeError('WeightedPicker needs a positive total weight');
    this.total = sum;
  }

  pick(random: Random): T {
    const target = random.next() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumulative[mid]! > target) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo]!;
  }
}
