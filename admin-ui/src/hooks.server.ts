// Every request: the session cookie → the official (`viewer`, asked once per request) in
// event.locals; pages other than /login need one. The token stays on this server: pages and browser
// JavaScript get the official's name and roles, never the token.
import { type Handle, redirect } from '@sveltejs/kit';
import { env } from '$env/dynamic/private';
import { AdminViewerDocument } from '$lib/graphql/generated/graphql';
import { apiUrl } from '$lib/server/api';
import { secureCookies } from '$lib/server/cookie-security';
import { ApiRequestError, createApiClient } from '$lib/server/graphql';
import {
  clearSessionCookie,
  DEFAULT_IDLE_MINUTES,
  LOGIN_PATH,
  loginRedirect,
  SESSION_COOKIE,
  setSessionCookie,
  slidingExpiry,
} from '$lib/server/session';
import { viewerFromApi } from '$lib/viewer';

/** The API's SESSION_IDLE_MINUTES, when it was changed there. */
const idleMinutes = () => Number(env.SESSION_IDLE_MINUTES) || DEFAULT_IDLE_MINUTES;

const isPublic = (pathname: string) => pathname === LOGIN_PATH;

export const handle: Handle = async ({ event, resolve }) => {
  const token = event.cookies.get(SESSION_COOKIE) || null;
  event.locals.api = createApiClient({ apiUrl: apiUrl(), token, clientAddress: clientAddressOf(event) });
  event.locals.viewer = null;
  event.locals.apiProblem = null;

  let ended = false;
  if (token) {
    try {
      const { viewer } = await event.locals.api.request(AdminViewerDocument, {});
      event.locals.viewer = viewerFromApi(viewer);
      ended = event.locals.viewer === null;
    } catch (caught) {
      if (!(caught instanceof ApiRequestError)) throw caught;
      if (caught.problem === 'unauthenticated') ended = true;
      else {
        // The API is down or refusing: the session may be fine, so keep the cookie; the layout
        // shows the problem instead of sending the official to sign in again.
        event.locals.apiProblem = caught.problem;
        console.error(`[admin-ui] viewer: API ${caught.problem}: ${caught.message}`);
      }
    }
    if (ended) clearSessionCookie(event.cookies, secureCookies(event.url));
    else if (event.locals.viewer) {
      setSessionCookie(
        event.cookies,
        token,
        slidingExpiry(new Date(), idleMinutes()),
        secureCookies(event.url),
      );
    }
  }

  if (!event.locals.viewer && !event.locals.apiProblem && !isPublic(event.url.pathname)) {
    redirect(303, loginRedirect(event.url, ended ? 'expired' : undefined));
  }

  const response = await resolve(event);
  // Pages show an official's data: never kept by a shared cache or the back-forward cache of another user.
  if (token && !response.headers.has('cache-control'))
    response.headers.set('cache-control', 'private, no-store');
  return response;
};

/** The official's address, or null where the adapter cannot tell (e.g. during prerendering). */
function clientAddressOf(event: Parameters<Handle>[0]['event']): string | null {
  try {
    return event.getClientAddress();
  } catch {
    return null;
  }
}
