import { describe, expect, it } from 'vitest';
import { versionInForce } from './version-in-force.ts';

const at = (iso: string) => new Date(iso);

describe('versionInForce (docs/domain.md §2.4: the latest appliesFrom not after the instant)', () => {
  const v1 = { version: 1, appliesFrom: null };
  const v2 = { version: 2, appliesFrom: at('2026-03-01T10:00:00+07:00') };
  const v3 = { version: 3, appliesFrom: at('2027-01-01T00:00:00+07:00') };

  it('a version loaded before versioning applies since always', () => {
    expect(versionInForce([v1, v2, v3], at('2001-01-01T00:00:00Z'))).toBe(v1);
  });

  it('a version governs from its instant on, the instant itself included', () => {
    expect(versionInForce([v1, v2, v3], at('2026-03-01T09:59:59+07:00'))).toBe(v1);
    expect(versionInForce([v1, v2, v3], at('2026-03-01T10:00:00+07:00'))).toBe(v2);
  });

  it('a version dated in the future takes over on its date, with no job', () => {
    expect(versionInForce([v3, v1, v2], at('2026-12-31T23:59:59+07:00'))).toBe(v2);
    expect(versionInForce([v3, v1, v2], at('2027-01-01T00:00:00+07:00'))).toBe(v3);
  });

  it('of two versions from the same instant, the later-saved one governs', () => {
    const v4 = { version: 4, appliesFrom: v3.appliesFrom };
    expect(versionInForce([v4, v3], at('2027-02-01T00:00:00Z'))).toBe(v4);
    expect(versionInForce([v3, v4], at('2027-02-01T00:00:00Z'))).toBe(v4);
  });

  it('none when every version applies later', () => {
    expect(versionInForce([v3], at('2026-06-01T00:00:00Z'))).toBeNull();
    expect(versionInForce([], at('2026-06-01T00:00:00Z'))).toBeNull();
  });
});
