import { AdminAuditLogDocument } from '$lib/graphql/generated/graphql';
import { connectionArgs, pageRequestFrom, pagerFor, visibleEdges } from '$lib/pager';
import { callApi } from '$lib/server/api';
import { agenciesWhere, agencyOptions } from '../users/agency-options';
import { loadAgencies } from '../users/agency-options.server';
import type { PageServerLoad } from './$types';
import { auditView } from './audit-diff';
import { auditFilterInput, auditListFilterFrom } from './list-filter';

export const load: PageServerLoad = async (event) => {
  const { url, locals } = event;
  const { filter, errors } = auditListFilterFrom(url.searchParams);
  const request = pageRequestFrom(url.searchParams);
  const [{ auditLog }, agencies] = await Promise.all([
    callApi(event, AdminAuditLogDocument, {
      ...connectionArgs(request),
      filter: auditFilterInput(filter, errors),
    }),
    loadAgencies(event),
  ]);
  const edges = visibleEdges(request, auditLog.edges, auditLog.totalCount);
  return {
    filter,
    filterErrors: errors,
    size: request.size,
    // Before → after as a table, computed here: the page renders text only.
    entries: edges.map(({ node: { data, ...entry } }) => ({ ...entry, view: auditView(data) })),
    pager: pagerFor(url, request, { ...auditLog, edges }),
    agencyOptions: agencyOptions(agenciesWhere(locals.viewer, agencies, ['UNIT_ADMIN']).agencies),
  };
};
