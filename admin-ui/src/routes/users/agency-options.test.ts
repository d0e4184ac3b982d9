import { describe, expect, it } from 'vitest';
import type { Viewer } from '$lib/viewer';
import {
  type AgencyNode,
  agenciesWhere,
  agencyOptions,
  grantableFor,
  treeOrder,
  withinSubtrees,
} from './agency-options';

// A slice of the seeded tree: the province, one department, two communes after 1/7/2025.
const AGENCIES: AgencyNode[] = [
  { code: '22873', name: 'Xã Phước Hậu', level: 'COMMUNE', parentCode: '56' },
  { code: '56', name: 'Tỉnh Khánh Hòa', level: 'PROVINCE', parentCode: null },
  { code: '56.STP', name: 'Sở Tư pháp', level: 'DEPARTMENT', parentCode: '56' },
  { code: '22870', name: 'Xã Ninh Phước', level: 'COMMUNE', parentCode: '56' },
  { code: '22870.BP', name: 'Bộ phận một cửa', level: 'COMMUNE', parentCode: '22870' },
];

const viewer = (...roles: [string, string | null][]): Viewer => ({
  name: 'Cán bộ',
  username: 'cb',
  roles: roles.map(([role, agencyCode]) => ({ role, agencyCode, agencyName: null, agencyLevel: null })),
});

describe('treeOrder', () => {
  it('puts each unit under its parent, siblings by Vietnamese name order', () => {
    // Under 56: "Sở Tư pháp" < "Xã Ninh Phước" < "Xã Phước Hậu" (N before P); the one-stop desk under Ninh Phước.
    expect(treeOrder(AGENCIES).map(({ node, depth }) => `${depth}:${node.code}`)).toEqual([
      '0:56',
      '1:56.STP',
      '1:22870',
      '2:22870.BP',
      '1:22873',
    ]);
  });

  it('a unit whose parent is not in the list becomes a root', () => {
    const only = AGENCIES.filter((a) => a.code !== '56');
    expect(treeOrder(only).map(({ node, depth }) => `${depth}:${node.code}`)).toEqual([
      '0:56.STP',
      '0:22870',
      '1:22870.BP',
      '0:22873',
    ]);
  });
});

describe('withinSubtrees', () => {
  it('takes the root and everything below it, and nothing beside it', () => {
    expect(withinSubtrees(AGENCIES, ['22870']).map((a) => a.code)).toEqual(['22870', '22870.BP']);
  });

  it('finds a grandchild listed before its parent', () => {
    const reordered = [AGENCIES[4], ...AGENCIES.slice(0, 4)] as AgencyNode[];
    expect(
      withinSubtrees(reordered, ['56'])
        .map((a) => a.code)
        .sort(),
    ).toEqual(['22870', '22870.BP', '22873', '56', '56.STP'].sort());
  });
});

describe('grantableFor', () => {
  it('a system administrator may grant every role on every unit', () => {
    const grantable = grantableFor(viewer(['SYSTEM_ADMIN', null]), AGENCIES);
    expect(grantable.everywhere).toBe(true);
    expect(grantable.roles).toEqual(['SYSTEM_ADMIN', 'UNIT_ADMIN', 'OFFICER', 'VIEWER', 'REFORM_MONITOR']);
    expect(grantable.agencies).toHaveLength(5);
  });

  it('a commune unit admin may grant the three unit roles in its commune only, never SYSTEM_ADMIN', () => {
    const grantable = grantableFor(viewer(['UNIT_ADMIN', '22870']), AGENCIES);
    expect(grantable.everywhere).toBe(false);
    expect(grantable.roles).toEqual(['UNIT_ADMIN', 'OFFICER', 'VIEWER', 'REFORM_MONITOR']);
    expect(grantable.agencies.map((a) => a.code)).toEqual(['22870', '22870.BP']);
  });

  it('only the grants that carry UNIT_ADMIN count: a viewer elsewhere adds nothing', () => {
    const grantable = grantableFor(viewer(['UNIT_ADMIN', '22873'], ['VIEWER', '56']), AGENCIES);
    expect(grantable.agencies.map((a) => a.code)).toEqual(['22873']);
  });

  it('an officer may grant nothing', () => {
    expect(grantableFor(viewer(['OFFICER', '22870']), AGENCIES)).toEqual({
      everywhere: false,
      roles: [],
      agencies: [],
    });
  });
});

describe('agenciesWhere', () => {
  it('any role opens its subtree for reading comments: a viewer of 22873 and an officer of 22870', () => {
    const where = agenciesWhere(viewer(['VIEWER', '22873'], ['OFFICER', '22870']), AGENCIES, [
      'UNIT_ADMIN',
      'OFFICER',
      'VIEWER',
    ]);
    expect(where.agencies.map((a) => a.code)).toEqual(['22873', '22870', '22870.BP']);
  });
});

describe('agencyOptions', () => {
  it('labels with name and code, indented by depth with no-break spaces', () => {
    const options = agencyOptions(withinSubtrees(AGENCIES, ['22870']));
    expect(options).toEqual([
      { value: '22870', label: 'Xã Ninh Phước (22870)' },
      { value: '22870.BP', label: '\u00a0\u00a0\u00a0Bộ phận một cửa (22870.BP)' },
    ]);
  });
});
