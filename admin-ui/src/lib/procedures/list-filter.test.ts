import { describe, expect, it } from 'vitest';
import { filterInput, listFilterFrom, normalizeSearch } from './list-filter';

describe('normalizeSearch', () => {
  it('trims and collapses whitespace, and treats a missing parameter as no search', () => {
    expect(normalizeSearch('  khai   sinh \n')).toBe('khai sinh');
    expect(normalizeSearch(null)).toBe('');
  });

  it('bounds the length sent to the API', () => {
    expect(normalizeSearch('a'.repeat(500))).toHaveLength(200);
  });
});

describe('listFilterFrom and filterInput', () => {
  it('sends the search, sector and level the form chose', () => {
    const filter = listFilterFrom(new URLSearchParams('q=h%E1%BB%99+t%E1%BB%8Bch&sector=ho-tich&level=FULL'));
    expect(filterInput(filter)).toEqual({ search: 'hộ tịch', sectorCode: 'ho-tich', onlineLevel: 'FULL' });
  });

  it('lists the published catalogue unless withdrawn or all procedures are asked for', () => {
    expect(listFilterFrom(new URLSearchParams('')).publication).toBe('PUBLISHED');
    expect(listFilterFrom(new URLSearchParams('status=WITHDRAWN')).publication).toBe('WITHDRAWN');
    expect(listFilterFrom(new URLSearchParams('status=ALL')).publication).toBe('ALL');
  });

  it('sends no filter for an empty form', () => {
    expect(filterInput(listFilterFrom(new URLSearchParams('q=+&sector=&level=')))).toBeNull();
  });

  it('drops a level the API does not know and a sector code that cannot be one', () => {
    const filter = listFilterFrom(new URLSearchParams('level=LEVEL_4&sector=%3Cscript%3E&status=DELETED'));
    expect(filter).toEqual({ search: '', sectorCode: '', onlineLevel: '', publication: 'PUBLISHED' });
  });
});
