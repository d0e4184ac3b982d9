import { AdminUserListDocument } from '$lib/graphql/generated/graphql';
import { connectionArgs, pageRequestFrom, pagerFor, visibleEdges } from '$lib/pager';
import { callApi } from '$lib/server/api';
import type { PageServerLoad } from './$types';
import { agencyOptions, grantableFor } from './agency-options';
import { loadAgencies } from './agency-options.server';
import { userFilterInput, userListFilterFrom } from './list-filter';

export const load: PageServerLoad = async (event) => {
  const { url, locals } = event;
  const filter = userListFilterFrom(url.searchParams);
  const request = pageRequestFrom(url.searchParams);
  const [{ users }, agencies] = await Promise.all([
    callApi(event, AdminUserListDocument, { ...connectionArgs(request), filter: userFilterInput(filter) }),
    loadAgencies(event),
  ]);
  const edges = visibleEdges(request, users.edges, users.totalCount);
  const grantable = grantableFor(locals.viewer, agencies);
  return {
    filter,
    size: request.size,
    rows: edges.map(({ node }) => node),
    pager: pagerFor(url, request, { ...users, edges }),
    agencyOptions: agencyOptions(grantable.agencies),
    roles: grantable.roles,
  };
};
