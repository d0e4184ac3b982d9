// The catalogue part of the public contract over real HTTP against a real PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApi } from '../support/api.ts';
import { startSeededApi } from '../support/seeded.ts';

let t: TestApi;
beforeAll(async () => {
  t = await startSeededApi();
});
afterAll(async () => {
  await t?.close();
});

describe('procedure(code)', () => {
  it('returns the national record with its per-channel time limits and cut-off hour', async () => {
    const res = await t.gql<{ procedure: Record<string, unknown> }>(`{
      procedure(code: "1.001193") {
        code name onlineLevel sameDayCutoff sector { name }
        timeLimits { channel value unit }
        currentVersion { decisionNumber }
      }
    }`);
    expect(res.errors).toBeUndefined();
    // prisma/seed-data/procedures.json: Thủ tục đăng ký khai sinh, Hộ tịch, 1 working day on every channel,
    // "sau 15 giờ … ngày làm việc tiếp theo", published by 163/QĐ-BTP, a "toàn trình" service.
    expect(res.data?.procedure).toEqual({
      code: '1.001193',
      name: 'Thủ tục đăng ký khai sinh',
      onlineLevel: 'FULL',
      sameDayCutoff: '15:00',
      sector: { name: 'Hộ tịch' },
      timeLimits: [
        { channel: 'IN_PERSON', value: 1, unit: 'WORKING_DAYS' },
        { channel: 'ONLINE', value: 1, unit: 'WORKING_DAYS' },
        { channel: 'POSTAL', value: 1, unit: 'WORKING_DAYS' },
      ],
      currentVersion: { decisionNumber: '163/QĐ-BTP' },
    });
  });

  it('is null for an unknown code', async () => {
    const res = await t.gql(`{ procedure(code: "9.999999") { code } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ procedure: null });
  });

  it('lists the communes that implement a commune-level procedure', async () => {
    const res = await t.gql<{ procedure: { agencies: { code: string; level: string }[] } }>(
      `{ procedure(code: "1.001193") { agencies { code level name } } }`,
    );
    const codes = res.data!.procedure.agencies.map((a) => a.code);
    expect(codes).toContain('22870'); // xã Ninh Phước (and the former TT Phước Dân, same code)
    expect(res.data!.procedure.agencies.every((a) => a.level === 'COMMUNE')).toBe(true);
  });
});

describe('procedures(first, after, filter)', () => {
  it('finds "Đăng ký khai sinh" when searched without accents', async () => {
    const res = await t.gql<{ procedures: { edges: { node: { code: string } }[] } }>(
      `{ procedures(first: 20, filter: { search: "dang ky khai sinh" }) { edges { node { code name } } } }`,
    );
    const codes = res.data!.procedures.edges.map((e) => e.node.code);
    // 1.001193 khai sinh, 1.004884 đăng ký lại khai sinh, 1.000689 khai sinh kết hợp nhận cha mẹ con,
    // 2.000528 khai sinh có yếu tố nước ngoài all contain the words.
    expect(codes).toEqual(expect.arrayContaining(['1.001193', '1.004884', '1.000689', '2.000528']));
    const upper = await t.gql<{ procedures: { edges: unknown[] } }>(
      `{ procedures(first: 20, filter: { search: "ĐĂNG KÝ KHAI SINH" }) { edges { node { code } } } }`,
    );
    expect(upper.data!.procedures.edges).toEqual(
      res.data!.procedures.edges.map((e) => ({ node: { code: e.node.code } })),
    );
  });

  it('pages through the whole catalogue with cursors, without gaps or repeats', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (let page = 0; page < 100; page++) {
      const res: { data?: { procedures: ProcedurePage } | null } = await t.gql<{ procedures: ProcedurePage }>(
        `query($after: String) { procedures(first: 25, after: $after) {
          totalCount pageInfo { hasNextPage endCursor } edges { node { code } } } }`,
        { after },
      );
      const p = res.data!.procedures;
      total = p.totalCount;
      seen.push(...p.edges.map((e) => e.node.code));
      if (!p.pageInfo.hasNextPage) break;
      after = p.pageInfo.endCursor;
    }
    expect(seen.length).toBe(total);
    expect(new Set(seen).size).toBe(total);
    expect(total).toBeGreaterThanOrEqual(50);
    expect([...seen].sort()).toEqual(seen); // ordered by code
  });

  it('rejects first > 100 with a stable code and no data', async () => {
    const res = await t.gql(`{ procedures(first: 101) { edges { node { code } } } }`);
    expect(res.status).toBe(200);
    expect(res.errors?.[0]?.extensions?.code).toBe('PAGE_SIZE_TOO_LARGE');
  });

  it('filters by sector and by agency subtree', async () => {
    const land = await t.gql<{ procedures: { edges: { node: { sector: { name: string } } }[] } }>(
      `{ procedures(first: 100, filter: { search: "dat dai" }) { edges { node { code sector { name code } } } } }`,
    );
    const sectorCode = (land.data!.procedures.edges[0]!.node.sector as { code?: string }).code;
    const bySector = await t.gql<{ procedures: { edges: { node: { sector: { name: string } } }[] } }>(
      `query($s: String) { procedures(first: 100, filter: { sectorCode: $s }) { edges { node { sector { name } } } } }`,
      { s: sectorCode },
    );
    expect(bySector.data!.procedures.edges.length).toBeGreaterThan(0);
    expect(bySector.data!.procedures.edges.every((e) => e.node.sector.name === 'Đất đai')).toBe(true);
  });
});

interface ProcedurePage {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: { code: string } }[];
}
