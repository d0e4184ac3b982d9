import { AdminDossierDocument } from '$lib/graphql/generated/graphql';
import { throwAsPage } from '$lib/server/api';
import { ApiRequestError } from '$lib/server/graphql';
import type { PageServerLoad } from './$types';
import { dossierCodeFrom } from './dossier-labels';

export const load: PageServerLoad = async (event) => {
  const code = dossierCodeFrom(event.url.searchParams.get('code'));
  if (!code) return { code: null, dossier: null, refusal: null };
  try {
    const { dossier } = await event.locals.api.request(AdminDossierDocument, { code });
    // null: no such dossier, or one outside the official's agency subtree (the API does not say which).
    return { code, dossier, refusal: null };
  } catch (caught) {
    // A role that may not read dossiers at all: said on the page, next to the search form.
    if (caught instanceof ApiRequestError && caught.problem === 'forbidden') {
      return { code, dossier: null, refusal: caught.apiMessage ?? 'Tài khoản không có quyền xem hồ sơ.' };
    }
    throwAsPage(event, caught);
  }
};
