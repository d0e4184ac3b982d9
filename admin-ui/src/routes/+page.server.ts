// The dashboard "Tổng quan" (/?don-vi=…&<period>): the figures of a unit's subtree for a period and the
// period before, for the signed-in official's units only. The public figures (stats) are readable by
// anyone, so the check that the unit is the official's is the API's answer to a private read of it
// (lateDossiers, FORBIDDEN outside the subtree): refused politely on the page, not as an error.
// `depends('app:dashboard')`: the live stream (lib/dashboard/LiveUpdates.svelte) reloads it.
import type { RankedRow } from '$lib/dashboard/figures';
import {
  breadcrumbs,
  dashboardHref,
  defaultUnitCode,
  earlierDay,
  formerUnitName,
  quarterOf,
  trendPeriod,
  UNIT_PARAM,
  unitChoices,
  unitCodeFrom,
} from '$lib/dashboard/scope';
import {
  AdminDashboardEvaluationDocument,
  AdminDashboardFiguresDocument,
  AdminDashboardProvinceDocument,
  AdminDashboardSipasDocument,
  AdminDashboardUnitDocument,
} from '$lib/graphql/generated/graphql';
import {
  comparisonRange,
  parsePeriod,
  periodLabel,
  periodParams,
  periodRange,
  todayInVietnam,
} from '$lib/periods';
import { loadReformAlerts } from '$lib/reform/alerts';
import { callApi, throwAsPage } from '$lib/server/api';
import { ApiRequestError } from '$lib/server/graphql';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  event.depends('app:dashboard');
  const { url, locals } = event;
  const today = todayInVietnam();
  const period = parsePeriod(url.searchParams, today, 'month');
  const range = periodRange(period);
  // A period still running is compared with as many days of the previous one, not all of it.
  const comparison = comparisonRange(period, today);
  const previous = comparison.range;
  const base = { period, periodLabel: periodLabel(period) };

  const asked = unitCodeFrom(url.searchParams.get(UNIT_PARAM));
  const home = defaultUnitCode(locals.viewer) ?? (await provinceCode(event, today));
  const code = asked ?? home;
  const homeHref = home ? dashboardHref(home, period) : null;
  if (!code) return { ...base, refusal: 'Chưa có đơn vị nào để xem số liệu.', homeHref: null };

  // Unfinished dossiers are judged on the period's end, or today if earlier (as the API's asOf).
  const asOf = earlierDay(range.to, today);
  let unit: Awaited<ReturnType<typeof loadUnit>>;
  try {
    unit = await loadUnit(event, code, asOf);
  } catch (caught) {
    if (caught instanceof ApiRequestError && caught.problem === 'forbidden') {
      return {
        ...base,
        refusal: `Bạn không xem được số liệu của đơn vị mã ${code}: tài khoản chỉ được xem số liệu của đơn vị được phân quyền và các đơn vị trực thuộc.`,
        homeHref,
      };
    }
    if (caught instanceof ApiRequestError && caught.problem === 'not-found') {
      return { ...base, refusal: `Không có đơn vị mã ${code}.`, homeHref };
    }
    throwAsPage(event, caught);
  }
  const agency = unit.agency;
  if (!agency) return { ...base, refusal: `Không có đơn vị mã ${code}.`, homeHref };

  const ending = quarterOf(range.to);
  const before =
    ending.quarter === 1 ? { year: ending.year - 1, quarter: 4 } : { ...ending, quarter: ending.quarter - 1 };
  const [figures, sipas, evaluation, reformReminders] = await Promise.all([
    callApi(event, AdminDashboardFiguresDocument, {
      code,
      period: range,
      previous,
      trend: trendPeriod(range),
    }),
    // Each apart, as "no data" when refused: no SIPAS questionnaire yet, a year before 2018.
    locals.api.request(AdminDashboardSipasDocument, { code, period: range, previous }).catch(() => null),
    locals.api
      .request(AdminDashboardEvaluationDocument, {
        code,
        ...ending,
        previousYear: before.year,
        previousQuarter: before.quarter,
      })
      .catch(() => null),
    // The reform programme's tasks of this subtree that are overdue or due within 7 days.
    loadReformAlerts(event, { agencyCode: code }),
  ]);

  const href = (c: string) => dashboardHref(c, period);
  const path = agency.successor
    ? [
        { code: agency.successor.code, name: agency.successor.name },
        { code: agency.code, name: formerUnitName({ name: agency.name, validTo: agency.validTo ?? null }) },
      ]
    : breadcrumbs(agency, locals.viewer);
  const live = new URLSearchParams({ [UNIT_PARAM]: code });
  for (const [k, v] of periodParams(period)) live.set(k, v);

  return {
    ...base,
    refusal: null,
    homeHref,
    unit: {
      code: agency.code,
      name: agency.successor
        ? formerUnitName({ name: agency.name, validTo: agency.validTo ?? null })
        : agency.name,
      validTo: agency.validTo ?? null,
      successor: agency.successor ? { name: agency.successor.name, href: href(agency.successor.code) } : null,
    },
    crumbs: path.map((c) => ({ ...c, href: href(c.code) })),
    // A unit merged away has no figures after its last day: its link opens the last quarter it existed in.
    choices: unitChoices(agency, today, (c, lastDay) =>
      lastDay && lastDay < range.from
        ? dashboardHref(c, { kind: 'quarter', ...quarterOf(lastDay) })
        : href(c),
    ),
    range,
    previousRange: previous,
    previousPartial: comparison.partial,
    figures,
    sipas,
    evaluation,
    reformReminders,
    late: {
      totalCount: unit.lateDossiers.totalCount,
      dossiers: unit.lateDossiers.edges.map((e) => e.node),
    },
    unitRows: figures.units.map((r): RankedRow => ({ ...r, href: r.own ? null : href(r.key) })),
    procedureRows: figures.procedures.map(
      (r): RankedRow => ({
        ...r,
        href: dashboardHref(code, period, `/stats/procedures/${encodeURIComponent(r.key)}`),
      }),
    ),
    liveSrc: `/live/stats?${live}`,
  };
};

async function provinceCode(event: Parameters<PageServerLoad>[0], today: string): Promise<string | null> {
  const { agencies } = await callApi(event, AdminDashboardProvinceDocument, { today });
  return agencies.edges[0]?.node.code ?? null;
}

const loadUnit = (event: Parameters<PageServerLoad>[0], code: string, asOf: string) =>
  event.locals.api.request(AdminDashboardUnitDocument, { code, asOf });
