import { fail, redirect } from '@sveltejs/kit';
import { toFieldErrors } from '$lib/form-errors';
import {
  AdminApiKeyListDocument,
  AdminCreateApiKeyDocument,
  AdminRevokeApiKeyDocument,
} from '$lib/graphql/generated/graphql';
import { connectionArgs, pageRequestFrom, pagerFor, visibleEdges } from '$lib/pager';
import { callApi } from '$lib/server/api';
import { agencyOptions, grantableFor } from '../users/agency-options';
import { loadAgencies } from '../users/agency-options.server';
import type { Actions, PageServerLoad } from './$types';
import { DEFAULT_RATE_LIMIT, keyFormValues, parseKeyForm } from './key-form';
import { keyFilterInput, keyListFilterFrom } from './list-filter';

const FIELDS = ['name', 'scopes', 'agencyCode', 'rateLimitPerMinute'];
const ID = /^[0-9]{1,12}$/;

export const load: PageServerLoad = async (event) => {
  const { url, locals } = event;
  const filter = keyListFilterFrom(url.searchParams);
  const request = pageRequestFrom(url.searchParams);
  const [{ apiKeys }, agencies] = await Promise.all([
    callApi(event, AdminApiKeyListDocument, { ...connectionArgs(request), filter: keyFilterInput(filter) }),
    loadAgencies(event),
  ]);
  const edges = visibleEdges(request, apiKeys.edges, apiKeys.totalCount);
  const grantable = grantableFor(locals.viewer, agencies);
  const revoke = url.searchParams.get('revoke');
  return {
    filter,
    size: request.size,
    rows: edges.map(({ node }) => node),
    pager: pagerFor(url, request, { ...apiKeys, edges }),
    agencyOptions: agencyOptions(grantable.agencies),
    everywhere: grantable.everywhere,
    mayCreate: grantable.roles.length > 0,
    defaultRateLimit: DEFAULT_RATE_LIMIT,
    revoke: revoke && ID.test(revoke) ? revoke : null,
    revoked: url.searchParams.get('msg') === 'revoked',
  };
};

export const actions: Actions = {
  create: async (event) => {
    const form = await event.request.formData();
    const values = keyFormValues(form);
    const everywhere = event.locals.viewer?.roles.some((g) => g.role === 'SYSTEM_ADMIN') ?? false;
    const parsed = parseKeyForm(values, everywhere);
    if (!parsed.input) return fail(400, { values, errors: parsed.errors });

    const { createApiKey } = await callApi(event, AdminCreateApiKeyDocument, { input: parsed.input });
    if (createApiKey.userErrors.length > 0 || !createApiKey.secret || !createApiKey.apiKey) {
      return fail(400, {
        values,
        errors: toFieldErrors(createApiKey.userErrors, { known: (k) => FIELDS.includes(k) }),
      });
    }
    // The secret goes to this one answer (never into a URL, a redirect or a cache: the hooks mark
    // signed-in pages `no-store`); the API keeps only its hash.
    return { created: { secret: createApiKey.secret, apiKey: createApiKey.apiKey } };
  },

  revoke: async (event) => {
    const form = await event.request.formData();
    const id = String(form.get('id') ?? '');
    if (!ID.test(id)) return fail(400, { revokeError: 'Không xác định được khóa cần thu hồi.' });
    const { revokeApiKey } = await callApi(event, AdminRevokeApiKeyDocument, { input: { id } });
    if (revokeApiKey.userErrors.length > 0) {
      return fail(400, { revokeError: revokeApiKey.userErrors.map((e) => e.message).join(' ') });
    }
    redirect(303, '/api-keys?msg=revoked');
  },
};
