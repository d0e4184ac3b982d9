import { env } from '$env/dynamic/private';
import { DEFAULT_API_URL } from '$lib/server/graphql';
import { listProcedures, normalizeSearch } from '$lib/server/procedures';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, fetch }) => {
  const search = normalizeSearch(url.searchParams.get('q'));
  const apiUrl = env.API_URL || DEFAULT_API_URL;
  const procedures = await listProcedures({ apiUrl, search, fetch });
  if (procedures.ok) return { search, procedures };
  // Officials get a plain message; the details (internal URL, error) go to the operator's log only.
  console.error(`[admin-ui] procedures from ${apiUrl}: ${procedures.problem}: ${procedures.detail}`);
  return { search, procedures: { ok: false as const, problem: procedures.problem } };
};
