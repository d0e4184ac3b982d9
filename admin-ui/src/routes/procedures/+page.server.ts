import { AdminProcedureListDocument } from '$lib/graphql/generated/graphql';
import { connectionArgs, pageRequestFrom, pagerFor, visibleEdges } from '$lib/pager';
import { filterInput, listFilterFrom } from '$lib/procedures/list-filter';
import { callApi } from '$lib/server/api';
import { listSectors } from '$lib/server/sectors';
import { isAdmin } from '$lib/viewer';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { url } = event;
  const filter = listFilterFrom(url.searchParams);
  // Withdrawn procedures are for administrators; others see the public catalogue.
  if (!isAdmin(event.locals.viewer)) filter.publication = 'PUBLISHED';
  const request = pageRequestFrom(url.searchParams);
  const { procedures } = await callApi(event, AdminProcedureListDocument, {
    ...connectionArgs(request),
    filter: filterInput(filter),
    publication: filter.publication,
  });
  const edges = visibleEdges(request, procedures.edges, procedures.totalCount);
  return {
    filter,
    sectors: await listSectors(event.locals.api),
    size: request.size,
    rows: edges.map(({ node }) => node),
    pager: pagerFor(url, request, { ...procedures, edges }),
  };
};
