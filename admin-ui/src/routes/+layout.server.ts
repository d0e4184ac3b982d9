import { error } from '@sveltejs/kit';
import { apiProblemMessage, apiProblemStatus } from '$lib/labels';
import type { LayoutServerLoad } from './$types';

// The official's name and roles for the header and the navigation; never the session token.
export const load: LayoutServerLoad = ({ locals, url }) => {
  if (locals.apiProblem && url.pathname !== '/login') {
    error(apiProblemStatus(locals.apiProblem), { message: apiProblemMessage(locals.apiProblem) });
  }
  return { viewer: locals.viewer };
};
