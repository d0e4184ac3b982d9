import { describe, expect, it } from 'vitest';
import type { Viewer } from '$lib/viewer';
import {
  type AgencyNode,
  agencyHref,
  agencyStatus,
  ancestry,
  buildAgencyTree,
  mayAdminister,
  nextDay,
  parseCodes,
  treeSize,
  validity,
} from './agency-tree';

const TODAY = '2026-12-04';
const unit = (
  id: string,
  code: string,
  name: string,
  level: string,
  parent: string | null,
  validFrom: string | null,
  validTo: string | null,
  successor: { code: string; name: string } | null = null,
): AgencyNode => ({
  id,
  code,
  name,
  level,
  parent: parent ? { id: parent } : null,
  validFrom,
  validTo,
  successor,
});

// The seeded Khánh Hòa after 1/7/2025 (docs/domain.md §0), in a shuffled order.
const KHANH_HOA = { code: '56', name: 'Tỉnh Khánh Hòa' };
const NINH_PHUOC = { code: '22870', name: 'Xã Ninh Phước' };
const agencies = [
  unit('39', '22870', 'Thị trấn Phước Dân', 'COMMUNE', '38', '1993-06-03', '2025-06-30', NINH_PHUOC),
  unit('18', '22870', 'Xã Ninh Phước', 'COMMUNE', '1', '2025-07-01', null),
  unit('3', '58', 'Tỉnh Ninh Thuận', 'PROVINCE', null, '1992-04-01', '2025-06-30', KHANH_HOA),
  unit('5', '56.SNV', 'Sở Nội vụ tỉnh Khánh Hòa', 'DEPARTMENT', '1', '2025-07-01', null),
  unit('1', '56', 'Tỉnh Khánh Hòa', 'PROVINCE', null, '2025-07-01', null),
  unit('38', '587', 'Huyện Ninh Phước', 'DISTRICT', '3', '1981-09-01', '2025-06-30'),
  unit('19', '22873', 'Xã Phước Hậu', 'COMMUNE', '1', '2025-07-01', null),
];

describe('buildAgencyTree', () => {
  it('nests by parent: units in existence first, then by level and name', () => {
    const roots = buildAgencyTree(agencies, { today: TODAY, includeEnded: true });
    const outline = (nodes: typeof roots, depth = 0): string[] =>
      nodes.flatMap((n) => [
        `${'  '.repeat(depth)}${n.agency.name}${n.ended ? ' (đã kết thúc)' : ''}`,
        ...outline(n.children, depth + 1),
      ]);
    expect(outline(roots)).toEqual([
      'Tỉnh Khánh Hòa',
      '  Sở Nội vụ tỉnh Khánh Hòa',
      '  Xã Ninh Phước',
      '  Xã Phước Hậu',
      'Tỉnh Ninh Thuận (đã kết thúc)',
      '  Huyện Ninh Phước (đã kết thúc)',
      '    Thị trấn Phước Dân (đã kết thúc)',
    ]);
    expect(treeSize(roots)).toBe(7);
  });

  it('leaves out the units that ended, and what lies under them, on request', () => {
    const roots = buildAgencyTree(agencies, { today: TODAY, includeEnded: false });
    expect(roots.map((r) => r.agency.code)).toEqual(['56']);
    expect(treeSize(roots)).toBe(4);
  });
});

describe('a unit’s life', () => {
  it('says where a merged unit went and from which day', () => {
    expect(nextDay('2025-06-30')).toBe('2025-07-01');
    expect(nextDay('2028-02-28')).toBe('2028-02-29');
    expect(agencyStatus(agencies[0]!, TODAY)).toBe('Đã sáp nhập vào Xã Ninh Phước từ 01/07/2025');
    expect(agencyStatus(agencies[5]!, TODAY)).toBe('Ngừng hoạt động từ 01/07/2025');
    expect(agencyStatus(agencies[1]!, TODAY)).toBe('Hoạt động từ 01/07/2025');
    // A merger decided for a later day.
    expect(
      agencyStatus({ validFrom: '2025-07-01', validTo: '2026-12-31', successor: KHANH_HOA }, TODAY),
    ).toBe('Hoạt động từ 01/07/2025; sáp nhập vào Tỉnh Khánh Hòa từ 01/01/2027');
    expect(agencyStatus({ validFrom: '2027-01-01', validTo: null, successor: null }, TODAY)).toBe(
      'Bắt đầu hoạt động từ 01/01/2027',
    );
    expect(agencyStatus({ validFrom: null, validTo: null, successor: null }, TODAY)).toBe('Đang hoạt động');
    expect(validity(agencies[0]!)).toBe('03/06/1993 – 30/06/2025');
    expect(validity(agencies[1]!)).toBe('từ 01/07/2025');
  });

  it('links a unit that ended by its code on its last day (codes are reused)', () => {
    expect(agencyHref(agencies[0]!, TODAY)).toBe('/agencies/22870?activeOn=2025-06-30');
    expect(agencyHref(agencies[1]!, TODAY)).toBe('/agencies/22870');
    expect(agencyHref({ code: '56.SNV', validTo: null }, TODAY)).toBe('/agencies/56.SNV');
  });
});

describe('mayAdminister', () => {
  const admin = (role: string, agencyCode: string | null): Viewer => ({
    name: 'Nguyễn Văn An',
    username: 'an',
    roles: [{ role, agencyCode, agencyName: null, agencyLevel: null }],
  });
  const chainOfPhuocHau = ancestry({ code: '22873', parent: { code: '56', parent: null } });

  it('offers the forms within the official’s subtree only', () => {
    expect(chainOfPhuocHau).toEqual(['22873', '56']);
    expect(mayAdminister(admin('SYSTEM_ADMIN', null), chainOfPhuocHau)).toBe(true);
    expect(mayAdminister(admin('UNIT_ADMIN', '56'), chainOfPhuocHau)).toBe(true);
    expect(mayAdminister(admin('UNIT_ADMIN', '22873'), chainOfPhuocHau)).toBe(true);
    expect(mayAdminister(admin('UNIT_ADMIN', '22870'), chainOfPhuocHau)).toBe(false);
    expect(mayAdminister(admin('OFFICER', '22873'), chainOfPhuocHau)).toBe(false);
    expect(mayAdminister(null, chainOfPhuocHau)).toBe(false);
  });
});

describe('parseCodes', () => {
  it('reads codes separated any way, each once', () => {
    expect(parseCodes(' 1.001193, 1.004873;1.001193\n2.000001  ')).toEqual([
      '1.001193',
      '1.004873',
      '2.000001',
    ]);
    expect(parseCodes('   ')).toEqual([]);
  });
});
