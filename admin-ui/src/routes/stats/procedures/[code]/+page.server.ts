// A procedure's page of the dashboard (/stats/procedures/[code]?don-vi=…&<period>): its figures in the
// unit's subtree against the period before and its legal time limits, its late open dossiers (paged;
// each links to its timeline on /dossiers), and its recent comments as the API masks them. Refused
// politely outside the official's units, like the dashboard (lateDossiers is a private read).
import { error } from '@sveltejs/kit';
import {
  dashboardHref,
  defaultUnitCode,
  earlierDay,
  PROCEDURE_PARAM,
  UNIT_PARAM,
  unitCodeFrom,
} from '$lib/dashboard/scope';
import {
  AdminDashboardProvinceDocument,
  AdminProcedureStatsDocument,
  type AdminProcedureStatsQuery,
} from '$lib/graphql/generated/graphql';
import { connectionArgs, pageRequestFrom, pagerFor, visibleEdges } from '$lib/pager';
import {
  parsePeriod,
  periodLabel,
  periodParams,
  periodRange,
  previousPeriod,
  todayInVietnam,
} from '$lib/periods';
import { callApi, throwAsPage } from '$lib/server/api';
import { ApiRequestError } from '$lib/server/graphql';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  event.depends('app:dashboard');
  const { url, locals, params } = event;
  const procedureCode = unitCodeFrom(params.code);
  if (!procedureCode) error(404, { message: 'Không có thủ tục này.' });
  const today = todayInVietnam();
  const period = parsePeriod(url.searchParams, today, 'month');
  const range = periodRange(period);
  const previous = periodRange(previousPeriod(period));
  const home =
    defaultUnitCode(locals.viewer) ??
    (await callApi(event, AdminDashboardProvinceDocument, { today })).agencies.edges[0]?.node.code ??
    null;
  const code = unitCodeFrom(url.searchParams.get(UNIT_PARAM)) ?? home;
  const base = {
    period,
    periodLabel: periodLabel(period),
    procedureCode,
    homeHref: home ? dashboardHref(home, period) : null,
  };
  if (!code) return { ...base, refusal: 'Chưa có đơn vị nào để xem số liệu.' };

  const request = pageRequestFrom(url.searchParams);
  // Unfinished dossiers are judged on the period's end, or today if earlier (as the API's asOf).
  const asOf = earlierDay(range.to, today);
  let data: AdminProcedureStatsQuery;
  try {
    data = await locals.api.request(AdminProcedureStatsDocument, {
      code: procedureCode,
      agency: code,
      period: range,
      previous,
      asOf,
      ...connectionArgs(request),
    });
  } catch (caught) {
    if (caught instanceof ApiRequestError && caught.problem === 'forbidden') {
      return {
        ...base,
        refusal: `Bạn không xem được số liệu của đơn vị mã ${code}: tài khoản chỉ được xem số liệu của đơn vị được phân quyền và các đơn vị trực thuộc.`,
      };
    }
    if (caught instanceof ApiRequestError && caught.problem === 'not-found') {
      return { ...base, refusal: `Không có thủ tục mã ${procedureCode} hoặc đơn vị mã ${code}.` };
    }
    throwAsPage(event, caught);
  }
  if (!data.procedure || !data.agency) {
    return { ...base, refusal: `Không có thủ tục mã ${procedureCode} hoặc đơn vị mã ${code}.` };
  }
  const late = data.lateDossiers;
  const edges = visibleEdges(request, late.edges, late.totalCount);
  const live = new URLSearchParams({ [UNIT_PARAM]: code, [PROCEDURE_PARAM]: procedureCode });
  for (const [k, v] of periodParams(period)) live.set(k, v);
  return {
    ...base,
    refusal: null,
    procedure: data.procedure,
    agency: data.agency,
    unitHref: dashboardHref(code, period),
    range,
    previousRange: previous,
    current: data.current,
    previous: data.previous,
    late: edges.map((e) => e.node),
    latePager: pagerFor(url, request, { ...late, edges }),
    comments: data.ratingComments,
    liveSrc: `/live/stats?${live}`,
  };
};
