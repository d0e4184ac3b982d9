import { describe, expect, it } from 'vitest';
import { agenciesIndicator, contactsIndicator } from './evaluation-contacts.ts';

describe('indicator 3 from supplement requests: 2 none, 1 one, 0 more (docs/domain.md §4.2)', () => {
  it('no dossier needed a supplement → 2', () => {
    expect(contactsIndicator({ none: 4, once: 0, several: 0 })).toEqual({
      judged: 4,
      score: 2,
      averagePoints: 2,
    });
  });

  it('some needed one → 1; mean (3 × 2 + 1 × 1) / 4 = 1.75', () => {
    expect(contactsIndicator({ none: 3, once: 1, several: 0 })).toEqual({
      judged: 4,
      score: 1,
      averagePoints: 1.75,
    });
  });

  it('one needed two → 0 for the agency; mean (2 × 2 + 1 × 1 + 1 × 0) / 4 = 1.25', () => {
    expect(contactsIndicator({ none: 2, once: 1, several: 1 })).toEqual({
      judged: 4,
      score: 0,
      averagePoints: 1.25,
    });
  });

  it('nothing finished → not scored (null), not 0', () => {
    expect(contactsIndicator({ none: 0, once: 0, several: 0 })).toEqual({
      judged: 0,
      score: null,
      averagePoints: null,
    });
  });

  it('rejects counts that are not whole numbers ≥ 0', () => {
    expect(() => contactsIndicator({ none: -1, once: 0, several: 0 })).toThrow(RangeError);
    expect(() => contactsIndicator({ none: 1.5, once: 0, several: 0 })).toThrow(RangeError);
  });
});

describe('indicator 4 from supplement requests: 2 none, 1 only the one-stop desk', () => {
  it('no supplement → 2; any → 1 (the supplement goes to the desk), never 0 from the data', () => {
    expect(agenciesIndicator({ none: 5, once: 0, several: 0 })).toEqual({
      judged: 5,
      score: 2,
      averagePoints: 2,
    });
    // (2 × 2 + 1 × 1 + 1 × 1) / 4 = 1.5
    expect(agenciesIndicator({ none: 2, once: 1, several: 1 })).toEqual({
      judged: 4,
      score: 1,
      averagePoints: 1.5,
    });
    expect(agenciesIndicator({ none: 0, once: 0, several: 0 }).score).toBeNull();
  });
});
