// The API from a load function or a form action: `callApi(event, Document, variables)` returns the
// data, or turns what went wrong into the page officials should see: an ended session → /login
// (cookie cleared), FORBIDDEN → 403 with the API's message, RATE_LIMITED → 429, an unreachable or
// failing API → 502/503/504. Details go to the server log only.
import { error, type RequestEvent, redirect } from '@sveltejs/kit';
import { env } from '$env/dynamic/private';
import type { TypedDocumentString } from '../graphql/generated/graphql';
import { apiProblemMessage, apiProblemStatus } from '../labels';
import { secureCookies } from './cookie-security';
import { ApiRequestError, DEFAULT_API_URL } from './graphql';
import { clearSessionCookie, loginRedirect } from './session';

export const apiUrl = () => env.API_URL || DEFAULT_API_URL;

type ApiEvent = Pick<RequestEvent, 'locals' | 'cookies' | 'url'>;

/** The data of one operation with the request's session; anything else becomes an error page. */
export async function callApi<TData, TVariables>(
  event: ApiEvent,
  document: TypedDocumentString<TData, TVariables>,
  variables: TVariables,
  options?: { timeoutMs?: number },
): Promise<TData> {
  try {
    return await event.locals.api.request(document, variables, options);
  } catch (caught) {
    throwAsPage(event, caught);
  }
}

/** Re-throws an API failure as a SvelteKit redirect or error page; other errors as they are. */
export function throwAsPage(event: ApiEvent, caught: unknown): never {
  if (!(caught instanceof ApiRequestError)) throw caught;
  if (caught.problem === 'unauthenticated') {
    clearSessionCookie(event.cookies, secureCookies(event.url));
    redirect(303, loginRedirect(event.url, 'expired'));
  }
  const status = apiProblemStatus(caught.problem);
  if (status >= 500)
    console.error(`[admin-ui] ${event.url.pathname}: API ${caught.problem}: ${caught.message}`);
  // The API's own message is written for officials (Vietnamese); transport failures get ours.
  const message = caught.apiMessage && status < 500 ? caught.apiMessage : apiProblemMessage(caught.problem);
  error(status, { message, ...(caught.code ? { code: caught.code } : {}) });
}

/**
 * The userErrors of a mutation's payload, after one that means the session ended (the API answers
 * UNAUTHENTICATED in userErrors for these mutations): that one goes to /login like any other.
 */
export function userErrorsOf<E extends { code: string }>(
  event: ApiEvent,
  userErrors: readonly E[],
): readonly E[] {
  if (userErrors.some((e) => e.code === 'UNAUTHENTICATED')) {
    clearSessionCookie(event.cookies, secureCookies(event.url));
    redirect(303, loginRedirect(event.url, 'expired'));
  }
  return userErrors;
}
