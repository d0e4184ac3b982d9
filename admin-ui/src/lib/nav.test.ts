import { describe, expect, it } from 'vitest';
import { currentEntry, NAV, navFor } from './nav';
import { canEditCatalogue, type Viewer } from './viewer';

const official = (role: string, agencyLevel: string | null): Viewer => ({
  name: 'Trần Thị Bình',
  username: 'binh',
  roles: [{ role, agencyCode: agencyLevel ? '22873' : null, agencyName: null, agencyLevel }],
});

describe('canEditCatalogue', () => {
  it('is for the system admin and the unit admins of provincial-level agencies', () => {
    expect(canEditCatalogue(official('SYSTEM_ADMIN', null))).toBe(true);
    expect(canEditCatalogue(official('UNIT_ADMIN', 'PROVINCE'))).toBe(true);
    expect(canEditCatalogue(official('UNIT_ADMIN', 'DEPARTMENT'))).toBe(true);
    expect(canEditCatalogue(official('UNIT_ADMIN', 'COMMUNE'))).toBe(false);
    expect(canEditCatalogue(official('OFFICER', 'PROVINCE'))).toBe(false);
    expect(canEditCatalogue(null)).toBe(false);
  });
});

describe('navFor', () => {
  it('shows no navigation to someone not signed in', () => {
    expect(navFor(null)).toEqual([]);
  });

  it('hides the import from a commune officer but not from the system admin', () => {
    const hrefs = (viewer: Viewer) => navFor(viewer).map((entry) => entry.href);
    expect(hrefs(official('OFFICER', 'COMMUNE'))).not.toContain('/procedures/import');
    expect(hrefs(official('SYSTEM_ADMIN', null))).toContain('/procedures/import');
  });
});

describe('currentEntry', () => {
  it('marks the most specific section of the page', () => {
    expect(currentEntry('/', NAV)?.href).toBe('/');
    expect(currentEntry('/procedures/1.001193', NAV)?.href).toBe('/procedures');
    expect(currentEntry('/procedures/import', NAV)?.href).toBe('/procedures/import');
    expect(currentEntry('/proceduresx', NAV)).toBeNull();
  });
});
