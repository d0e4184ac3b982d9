import { describe, expect, it } from 'vitest';
import { userFilterInput, userListFilterFrom } from './list-filter';

describe('userListFilterFrom / userFilterInput', () => {
  it('reads every filter of the form and turns it into the API filter', () => {
    const filter = userListFilterFrom(
      new URLSearchParams('q=  Nguyễn   Văn  &agency=22870&role=OFFICER&active=false'),
    );
    expect(filter).toEqual({ search: 'Nguyễn Văn', agencyCode: '22870', role: 'OFFICER', active: 'false' });
    // active=false asks for deactivated accounts: false, not absent.
    expect(userFilterInput(filter)).toEqual({
      search: 'Nguyễn Văn',
      agencyCode: '22870',
      role: 'OFFICER',
      active: false,
    });
  });

  it('drops values the form cannot send: an unknown role, a malformed code, any other "active"', () => {
    const filter = userListFilterFrom(new URLSearchParams('role=ROOT&agency=56;drop&active=yes'));
    expect(filter).toEqual({ search: '', agencyCode: '', role: '', active: '' });
    expect(userFilterInput(filter)).toBeNull();
  });

  it('bounds the search text to 100 characters', () => {
    expect(userListFilterFrom(new URLSearchParams(`q=${'a'.repeat(150)}`)).search).toHaveLength(100);
  });
});
