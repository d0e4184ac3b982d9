import { describe, expect, it } from 'vitest';
import {
  loginRedirect,
  safeNextPath,
  secureCookieWanted,
  sessionCookieOptions,
  slidingExpiry,
} from './session';

describe('safeNextPath', () => {
  it('keeps a path of this site with its query and fragment', () => {
    expect(safeNextPath('/procedures?q=khai+sinh&page=2')).toBe('/procedures?q=khai+sinh&page=2');
    expect(safeNextPath('/procedures/1.001193#versions')).toBe('/procedures/1.001193#versions');
  });

  it('refuses anything that leaves the site', () => {
    for (const next of [
      'https://evil.example/',
      '//evil.example/x',
      '/\\evil.example',
      'evil.example',
      'javascript:alert(1)',
      '/\t/evil.example',
    ]) {
      expect(safeNextPath(next), next).toBe('/');
    }
  });

  it('goes to the landing page instead of back to /login, or when nothing was asked', () => {
    expect(safeNextPath('/login?next=/x')).toBe('/');
    expect(safeNextPath(null)).toBe('/');
    expect(safeNextPath('')).toBe('/');
  });
});

describe('loginRedirect', () => {
  it('carries the page asked for, and why', () => {
    expect(loginRedirect(new URL('http://ui.test/procedures?q=h%E1%BB%99+t%E1%BB%8Bch'), 'expired')).toBe(
      '/login?next=%2Fprocedures%3Fq%3Dh%25E1%25BB%2599%2Bt%25E1%25BB%258Bch&reason=expired',
    );
    expect(loginRedirect(new URL('http://ui.test/'))).toBe('/login');
  });

  it('leads back to the same page through safeNextPath', () => {
    const asked = new URL('http://ui.test/procedures/1.001193?tab=versions');
    const next = new URL(loginRedirect(asked), 'http://ui.test').searchParams.get('next');
    expect(safeNextPath(next)).toBe('/procedures/1.001193?tab=versions');
  });
});

describe('sessionCookieOptions', () => {
  it('is httpOnly and SameSite=Lax, Secure when asked, and ends when the session does', () => {
    const expires = new Date('2026-12-04T16:00:00Z');
    expect(sessionCookieOptions(expires, true)).toEqual({
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: true,
      expires,
    });
    expect(sessionCookieOptions(expires, false).secure).toBe(false);
  });

  it('slides by the idle time', () => {
    expect(slidingExpiry(new Date('2026-12-04T15:00:00Z'), 30)).toEqual(new Date('2026-12-04T15:30:00Z'));
  });
});

describe('secureCookieWanted', () => {
  it('marks the cookie Secure in production and over https, not in development nor over http', () => {
    const at = (dev: boolean, production: boolean, protocol: string) =>
      secureCookieWanted({ dev, production, protocol });
    expect(at(false, true, 'http:')).toBe(true); // production behind a proxy that forgot ORIGIN=https
    expect(at(false, false, 'https:')).toBe(true);
    expect(at(false, false, 'http:')).toBe(false); // npm start on an office network
    expect(at(true, false, 'https:')).toBe(false); // vite dev
  });
});
