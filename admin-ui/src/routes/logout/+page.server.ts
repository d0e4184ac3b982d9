// Sign-out is a POST (a form action): a link or an image elsewhere cannot end the session.
import { redirect } from '@sveltejs/kit';
import { AdminSignOutDocument } from '$lib/graphql/generated/graphql';
import { secureCookies } from '$lib/server/cookie-security';
import { ApiRequestError } from '$lib/server/graphql';
import { clearSessionCookie } from '$lib/server/session';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
  default: async ({ locals, cookies, url }) => {
    try {
      await locals.api.request(AdminSignOutDocument, {});
    } catch (caught) {
      // The cookie goes anyway; a session the API could not end now ends at its expiry.
      if (!(caught instanceof ApiRequestError)) throw caught;
      if (caught.problem !== 'unauthenticated') console.error(`[admin-ui] signOut: API ${caught.problem}`);
    }
    clearSessionCookie(cookies, secureCookies(url));
    redirect(303, '/login?reason=signed-out');
  },
};
