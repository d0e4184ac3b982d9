// The session cookie and the sign-in redirects. Plain module (no $app imports): the caller passes
// `secure`, so the rules are unit-tested in session.test.ts.
import type { Cookies } from '@sveltejs/kit';

/** Holds the API's session token (`tthcs_…`); never readable by browser JavaScript. */
export const SESSION_COOKIE = 'tthc_session';

/** The API ends a session unused this long (its SESSION_IDLE_MINUTES, 30 by default). */
export const DEFAULT_IDLE_MINUTES = 30;

export const LOGIN_PATH = '/login';

type CookieOptions = Parameters<Cookies['set']>[2];

/**
 * Whether the cookie is marked Secure: always in production, and wherever the UI is served over
 * https; not under `vite dev`, nor for the built UI that `npm start` serves over plain http (a
 * browser drops a Secure cookie set over http on any host but localhost, and signing in from
 * another machine of the office network would then never stick).
 */
export function secureCookieWanted(where: { dev: boolean; production: boolean; protocol: string }): boolean {
  return !where.dev && (where.production || where.protocol === 'https:');
}

/**
 * httpOnly: scripts never see the token; SameSite=Lax: a cross-site POST does not carry it (with
 * SvelteKit's origin check, the CSRF defence); Secure outside development (plain http on localhost).
 */
export function sessionCookieOptions(expires: Date, secure: boolean): CookieOptions {
  return { path: '/', httpOnly: true, sameSite: 'lax', secure, expires };
}

export function setSessionCookie(cookies: Cookies, token: string, expires: Date, secure: boolean): void {
  cookies.set(SESSION_COOKIE, token, sessionCookieOptions(expires, secure));
}

export function clearSessionCookie(cookies: Cookies, secure: boolean): void {
  cookies.delete(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure });
}

/**
 * When the cookie should end after a request that used the session: the API slides the session by
 * its idle time on each use, so the cookie follows (the API still ends the session at its absolute
 * maximum; then the next request clears the cookie).
 */
export function slidingExpiry(now: Date, idleMinutes: number): Date {
  return new Date(now.getTime() + idleMinutes * 60_000);
}

/**
 * The page to go to after signing in: only a path of this site. Anything else ("//evil.example",
 * "https://…", "/\\evil", a path with control characters) falls back to the landing page, and so does
 * /login itself (no loop).
 */
export function safeNextPath(next: string | null | undefined): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
  if (/[\u0000-\u001f\u007f]/.test(next)) return '/';
  let url: URL;
  try {
    url = new URL(next, 'http://admin.invalid');
  } catch {
    return '/';
  }
  if (url.origin !== 'http://admin.invalid') return '/';
  if (url.pathname === LOGIN_PATH || url.pathname.startsWith(`${LOGIN_PATH}/`)) return '/';
  return `${url.pathname}${url.search}${url.hash}`;
}

/** /login?next=<the page asked for>, with why the official must sign in (again). */
export function loginRedirect(asked: URL, reason?: 'expired'): string {
  const params = new URLSearchParams();
  const next = `${asked.pathname}${asked.search}`;
  if (next !== '/') params.set('next', next);
  if (reason) params.set('reason', reason);
  const query = params.toString();
  return query ? `${LOGIN_PATH}?${query}` : LOGIN_PATH;
}
