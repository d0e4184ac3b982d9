// Agencies as a tree with validity dates and succession (docs/domain.md §0, the 1/7/2025 reform).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApi } from '../support/api.ts';
import { startSeededApi } from '../support/seeded.ts';

let t: TestApi;
beforeAll(async () => {
  t = await startSeededApi(200);
});
afterAll(async () => {
  await t?.close();
});

const AGENCY = `query($code: String!, $on: Date) {
  agency(code: $code, activeOn: $on) {
    code name level validFrom validTo parent { code name } successor { code name validFrom }
    predecessors { code name }
  }
}`;

describe('agency(code, activeOn)', () => {
  it('resolves a reused code to the unit that held it on the day', async () => {
    // 22870 was Thị trấn Phước Dân (Ninh Phước district) until 30/6/2025, Xã Ninh Phước from 1/7/2025.
    const today = await t.gql<{ agency: Record<string, unknown> }>(AGENCY, { code: '22870' });
    expect(today.data!.agency).toMatchObject({
      name: 'Xã Ninh Phước',
      level: 'COMMUNE',
      validFrom: '2025-07-01',
    });
    expect(today.data!.agency.parent).toMatchObject({ code: '56' });
    const before = await t.gql<{ agency: Record<string, unknown> }>(AGENCY, {
      code: '22870',
      on: '2025-06-30',
    });
    expect(before.data!.agency).toMatchObject({
      name: 'Thị trấn Phước Dân',
      validTo: '2025-06-30',
      parent: { code: '587', name: 'Huyện Ninh Phước' },
      successor: { code: '22870', name: 'Xã Ninh Phước', validFrom: '2025-07-01' },
    });
  });

  it('lists the three former units merged into xã Ninh Phước', async () => {
    const res = await t.gql<{ agency: { predecessors: { name: string }[] } }>(AGENCY, { code: '22870' });
    expect(res.data!.agency.predecessors.map((p) => p.name).sort()).toEqual(
      ['Thị trấn Phước Dân', 'Xã Phước Hải', 'Xã Phước Thuận'].sort(),
    );
  });

  it('resolves a code no longer in use to its last holder, and null on a day it did not exist', async () => {
    const res = await t.gql<{ agency: Record<string, unknown> }>(AGENCY, { code: '22882' });
    expect(res.data!.agency).toMatchObject({ name: 'Xã Phước Thuận', successor: { name: 'Xã Ninh Phước' } });
    const after = await t.gql(AGENCY, { code: '22882', on: '2025-07-01' });
    expect(after.data).toEqual({ agency: null });
  });

  it('rejects an impossible date with INVALID_DATE', async () => {
    const res = await t.gql(AGENCY, { code: '22870', on: '2025-02-30' });
    expect(res.errors?.[0]?.extensions?.code).toBe('INVALID_DATE');
  });
});

describe('subtree with history', () => {
  it('covers the former Ninh Phước district under today’s Khánh Hòa, but not on a day filter', async () => {
    const q = `query($on: Date, $h: Boolean) { agency(code: "56") { subtree(activeOn: $on, includeHistory: $h) { code name level } } }`;
    const all = await t.gql<{ agency: { subtree: { name: string; level: string }[] } }>(q, {});
    const names = all.data!.agency.subtree.map((a) => a.name);
    // Ninh Thuận (58) merged into Khánh Hòa, so its district 587 and the district's communes follow.
    expect(names).toEqual(
      expect.arrayContaining(['Xã Ninh Phước', 'Huyện Ninh Phước', 'Xã An Hải', 'Sở Tư pháp tỉnh Khánh Hòa']),
    );
    const today = await t.gql<{ agency: { subtree: { level: string; name: string }[] } }>(q, {
      on: '2026-11-27',
    });
    expect(today.data!.agency.subtree.some((a) => a.level === 'DISTRICT')).toBe(false);
    expect(today.data!.agency.subtree.map((a) => a.name)).toContain('Xã Phước Dinh');
    const noHistory = await t.gql<{ agency: { subtree: { name: string }[] } }>(q, { h: false });
    expect(noHistory.data!.agency.subtree.map((a) => a.name)).not.toContain('Huyện Ninh Phước');
  });
});

describe('agencies(filter)', () => {
  it('searches without accents and filters by level, parent and day', async () => {
    const res = await t.gql<{ agencies: { totalCount: number; edges: { node: { name: string } }[] } }>(
      `{ agencies(first: 50, filter: { search: "phuoc huu" }) { totalCount edges { node { name validTo } } } }`,
    );
    // Xã Phước Hữu existed before the merger (code 22891) and is the name of the new commune too.
    expect(res.data!.agencies.edges.map((e) => e.node.name)).toEqual(['Xã Phước Hữu', 'Xã Phước Hữu']);
    const communes = await t.gql<{ agencies: { totalCount: number; edges: { node: { name: string } }[] } }>(
      `{ agencies(first: 50, filter: { parentCode: "587", activeOn: "2025-01-01", level: COMMUNE }) { totalCount edges { node { name } } } }`,
    );
    expect(communes.data!.agencies.totalCount).toBe(9); // the nine units of the former district
  });
});
