import { describe, expect, it } from 'vitest';
import { unitRows } from './stats-breakdown.ts';

// The 1/7/2025 reform in miniature (docs/domain.md §0): province 1 (today) with communes 2 and 3; the
// former province 4 merged into 1, its district 5 (abolished, no successor) and its communes 6
// (merged into 2) and 7 (merged into 3); 8, a unit of commune 2.
const unit = (id: number, parentId: number | null, successorId: number | null = null) => ({
  id,
  code: String(id),
  name: `Đơn vị ${id}`,
  parentId,
  successorId,
});
const UNITS = [
  unit(1, null),
  unit(2, 1),
  unit(3, 1),
  unit(4, null, 1),
  unit(5, 4),
  unit(6, 5, 2),
  unit(7, 5, 3),
  unit(8, 2),
];

describe('unitRows', () => {
  it('puts each unit in the row of the root’s child above it, a merged unit under its successor', () => {
    const rows = unitRows(1, UNITS);
    expect(Object.fromEntries(rows)).toEqual({
      1: 1, // the root's own row
      2: 2,
      3: 3,
      4: 1, // merged into the root: its own row
      5: 1, // under 4, which is the root's own
      6: 2, // merged into commune 2, not under its abolished district
      7: 3,
      8: 2,
    });
  });

  it('for a former unit asked by itself, follows parents where the successor is outside', () => {
    // District 5 alone: its communes' successors (2, 3) are not in its subtree.
    const rows = unitRows(5, [unit(5, 4), unit(6, 5, 2), unit(7, 5, 3)]);
    expect(Object.fromEntries(rows)).toEqual({ 5: 5, 6: 6, 7: 7 });
  });

  it('without a root, gives each top unit its row: here everything is the province’s', () => {
    const rows = unitRows(null, [...UNITS, unit(9, null)]);
    // 4 merged into 1; 2, 3 and 8 under 1; 5 under 4; 6 and 7 under 2 and 3. 9 is a top unit of its own.
    expect([...new Set(rows.values())].sort()).toEqual([1, 9]);
    expect(rows.get(6)).toBe(1);
  });
});
