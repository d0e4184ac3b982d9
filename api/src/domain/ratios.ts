// Counts and shares behind the published indices (docs/domain.md §4.3, §5). Inputs are counts, not rows,
// so the services can feed sums of period rollups; a count is therefore a whole number ≥ 0.

/** Throws unless `value` is a whole number ≥ 0; docs/domain.md §5 "every score carries its numerator and denominator". */
export function assertCount(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a whole number ≥ 0, got ${value}`);
  }
}

/** Throws unless both are counts and the part is not larger than the whole it is a share of. */
export function assertPartOf(partName: string, part: number, wholeName: string, whole: number): void {
  assertCount(partName, part);
  assertCount(wholeName, whole);
  if (part > whole) throw new RangeError(`${partName} (${part}) cannot exceed ${wholeName} (${whole})`);
}

/** part / whole as a 0..1 ratio; null when the whole is 0 (no data is not 0, docs/domain.md §5 Rules). */
export function shareOf(part: number, whole: number, partName = 'part', wholeName = 'whole'): number | null {
  assertPartOf(partName, part, wholeName, whole);
  return whole === 0 ? null : part / whole;
}
