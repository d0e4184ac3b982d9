import { todayInVietnam } from '$lib/format';
import { AdminReformTaskListDocument } from '$lib/graphql/generated/graphql';
import { connectionArgs, pageRequestFrom, pagerFor, visibleEdges } from '$lib/pager';
import { loadReformAlerts } from '$lib/reform/alerts';
import { callApi } from '$lib/server/api';
import { agencyOptions } from '../users/agency-options';
import { loadAgencies } from '../users/agency-options.server';
import type { PageServerLoad } from './$types';
import { EDITOR_ROLES, READER_ROLES, unitsWhere } from './access';
import { taskFilterInput, taskListFilterFrom } from './list-filter';

const NOTICES: Record<string, string> = {
  cancelled: 'Đã hủy nhiệm vụ. Nhiệm vụ không còn trong danh sách đôn đốc.',
};

export const load: PageServerLoad = async (event) => {
  const { url, locals } = event;
  const filter = taskListFilterFrom(url.searchParams);
  const request = pageRequestFrom(url.searchParams);
  // The reminders follow the unit filter: those of the unit picked, else all the official reads.
  const [{ reformTasks }, agencies, reminders] = await Promise.all([
    callApi(event, AdminReformTaskListDocument, {
      ...connectionArgs(request),
      filter: taskFilterInput(filter),
    }),
    loadAgencies(event),
    loadReformAlerts(event, { agencyCode: filter.agencyCode || null }),
  ]);
  const edges = visibleEdges(request, reformTasks.edges, reformTasks.totalCount);
  const readable = unitsWhere(locals.viewer, agencies, READER_ROLES);
  const editable = unitsWhere(locals.viewer, agencies, EDITOR_ROLES);
  const today = todayInVietnam();
  const thisYear = Number(today.slice(0, 4));
  const msg = url.searchParams.get('msg');
  return {
    filter,
    today,
    reminders,
    size: request.size,
    rows: edges.map(({ node }) => node),
    pager: pagerFor(url, request, { ...reformTasks, edges }),
    agencyOptions: agencyOptions(readable.agencies),
    years: [thisYear + 1, thisYear, thisYear - 1, thisYear - 2].map(String),
    mayCreate: editable.everywhere || editable.agencies.length > 0,
    notice: (msg && NOTICES[msg]) || null,
  };
};
