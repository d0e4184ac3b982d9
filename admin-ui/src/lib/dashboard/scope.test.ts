import { describe, expect, it } from 'vitest';
import type { Viewer } from '../viewer';
import {
  breadcrumbs,
  dashboardHref,
  defaultUnitCode,
  formerUnitName,
  quarterOf,
  trendPeriod,
  unitChoices,
  unitCodeFrom,
} from './scope';

const viewer = (...roles: [string, string | null, string | null][]): Viewer => ({
  name: 'Cán bộ',
  username: 'cb',
  roles: roles.map(([role, agencyCode, agencyLevel]) => ({
    role,
    agencyCode,
    agencyName: agencyCode,
    agencyLevel,
  })),
});

describe('defaultUnitCode', () => {
  it('opens on the highest unit of the official’s grants', () => {
    expect(defaultUnitCode(viewer(['VIEWER', '22873', 'COMMUNE'], ['VIEWER', '56', 'PROVINCE']))).toBe('56');
    expect(defaultUnitCode(viewer(['OFFICER', '22873', 'COMMUNE']))).toBe('22873');
  });

  it('leaves the choice to the page for a system administrator', () => {
    expect(defaultUnitCode(viewer(['SYSTEM_ADMIN', null, null]))).toBeNull();
    expect(defaultUnitCode(null)).toBeNull();
  });
});

describe('breadcrumbs', () => {
  const commune = {
    code: '22873',
    name: 'Xã Phước Hậu',
    parent: { code: '56', name: 'Tỉnh Khánh Hòa', parent: null },
  };

  it('goes up to the unit the official holds a role on', () => {
    expect(breadcrumbs(commune, viewer(['VIEWER', '22873', 'COMMUNE']))).toEqual([
      { code: '22873', name: 'Xã Phước Hậu' },
    ]);
    expect(breadcrumbs(commune, viewer(['VIEWER', '56', 'PROVINCE'])).map((c) => c.code)).toEqual([
      '56',
      '22873',
    ]);
  });

  it('goes to the root for a system administrator', () => {
    expect(breadcrumbs(commune, viewer(['SYSTEM_ADMIN', null, null])).map((c) => c.code)).toEqual([
      '56',
      '22873',
    ]);
  });
});

describe('trendPeriod and quarterOf', () => {
  it('takes the twelve months ending with the period, or the whole period when longer', () => {
    // A month, November 2026: December 2025 to November 2026.
    expect(trendPeriod({ from: '2026-11-01', to: '2026-11-30' })).toEqual({
      from: '2025-12-01',
      to: '2026-11-30',
    });
    // Two years: from its first month.
    expect(trendPeriod({ from: '2025-01-15', to: '2026-12-31' })).toEqual({
      from: '2025-01-01',
      to: '2026-12-31',
    });
  });

  it('finds the quarter of a day', () => {
    expect(quarterOf('2026-11-30')).toEqual({ year: 2026, quarter: 4 });
    expect(quarterOf('2026-03-31')).toEqual({ year: 2026, quarter: 1 });
  });
});

describe('unitChoices', () => {
  const href = (code: string) => `/?don-vi=${code}`;

  it('lists current children, and merged units as history with a link unless their code was reused', () => {
    const choices = unitChoices(
      {
        code: '22870',
        name: 'Xã Ninh Phước',
        children: [],
        predecessors: [
          { code: '22870', name: 'Thị trấn Phước Dân', validTo: '2025-06-30' },
          { code: '22882', name: 'Xã Phước Thuận', validTo: '2025-06-30' },
        ],
      },
      '2026-12-04',
      href,
    );
    expect(choices.children).toEqual([]);
    // Thị trấn Phước Dân's code 22870 now names xã Ninh Phước: no page of its own by code.
    expect(choices.history).toEqual([
      {
        code: '22870',
        name: 'Thị trấn Phước Dân',
        href: null,
        note: 'đã sáp nhập vào Xã Ninh Phước từ ngày 01/07/2025',
      },
      {
        code: '22882',
        name: 'Xã Phước Thuận',
        href: '/?don-vi=22882',
        note: 'đã sáp nhập vào Xã Ninh Phước từ ngày 01/07/2025',
      },
    ]);
  });

  it('tells a merged namesake from its successor by the day it ended', () => {
    const choices = unitChoices(
      {
        code: '22873',
        name: 'Xã Phước Hậu',
        children: [],
        // The former xã Phước Hậu existed until 30/6/2025: "trước ngày" the day after, 01/07/2025.
        predecessors: [{ code: '22873', name: 'Xã Phước Hậu', validTo: '2025-06-30' }],
      },
      '2026-12-04',
      href,
    );
    expect(choices.history.map((c) => [c.name, c.note])).toEqual([
      ['Xã Phước Hậu (trước ngày 01/07/2025)', 'đã sáp nhập vào Xã Phước Hậu từ ngày 01/07/2025'],
    ]);
  });

  it('puts children that no longer exist with the history', () => {
    const choices = unitChoices(
      {
        code: '58',
        name: 'Tỉnh Ninh Thuận',
        children: [{ code: '587', name: 'Huyện Ninh Phước', validTo: '2025-06-30' }],
        predecessors: [],
      },
      '2026-12-04',
      href,
    );
    expect(choices.children).toEqual([]);
    expect(choices.history).toEqual([
      {
        code: '587',
        name: 'Huyện Ninh Phước',
        href: '/?don-vi=587',
        note: 'không còn tồn tại từ ngày 01/07/2025',
      },
    ]);
  });
});

describe('unitChoices links', () => {
  it('gives the page of a merged unit its last day, so that it can open on a period it existed in', () => {
    const asked: [string, string | null][] = [];
    unitChoices(
      {
        code: '22873',
        name: 'Xã Phước Hậu',
        children: [],
        predecessors: [{ code: '22912', name: 'Xã Phước Vinh', validTo: '2025-06-30' }],
      },
      '2026-12-04',
      (code, lastDay) => {
        asked.push([code, lastDay]);
        return `/?don-vi=${code}`;
      },
    );
    expect(asked).toEqual([['22912', '2025-06-30']]);
  });
});

describe('addresses', () => {
  it('reads unit codes and writes dashboard links with the period', () => {
    expect(unitCodeFrom(' 22873 ')).toBe('22873');
    expect(unitCodeFrom('56<script>')).toBeNull();
    expect(unitCodeFrom(null)).toBeNull();
    expect(dashboardHref('22873', { kind: 'quarter', year: 2026, quarter: 3 })).toBe(
      '/?don-vi=22873&ky=quy&nam=2026&so=3',
    );
    expect(dashboardHref('56', { kind: 'month', year: 2026, month: 10 }, '/stats/procedures/1.004873')).toBe(
      '/stats/procedures/1.004873?don-vi=56&ky=thang&nam=2026&so=10',
    );
  });
});

describe('formerUnitName', () => {
  it('dates a merged unit by the day its successor began, and leaves a current one alone', () => {
    // Ended 30/06/2025: the successor began on the day after, 01/07/2025.
    expect(formerUnitName({ name: 'Xã Phước Hậu', validTo: '2025-06-30' })).toBe(
      'Xã Phước Hậu (trước ngày 01/07/2025)',
    );
    expect(formerUnitName({ name: 'Xã Phước Hậu', validTo: null })).toBe('Xã Phước Hậu');
  });
});
