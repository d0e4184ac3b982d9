import { describe, expect, it } from 'vitest';
import { keyFilterInput, keyListFilterFrom } from './list-filter';

describe('keyListFilterFrom / keyFilterInput', () => {
  it('active=false asks for revoked keys', () => {
    const filter = keyListFilterFrom(new URLSearchParams('q=một cửa&agency=22870&active=false'));
    expect(keyFilterInput(filter)).toEqual({ search: 'một cửa', agencyCode: '22870', active: false });
  });

  it('nothing filtered is null, and values the form cannot send are dropped', () => {
    expect(keyFilterInput(keyListFilterFrom(new URLSearchParams('agency=a b&active=1')))).toBeNull();
  });
});
