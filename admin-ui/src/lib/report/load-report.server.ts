// What /reports and /reports/print load: the report the address names (reportAddress), for the
// official's own unit when the address names none, and the units the official may pick. A unit
// outside the official's subtree, or a code that does not exist, is said on the page (the API
// refuses it: FORBIDDEN / NOT_FOUND) rather than as an error page, so the official can pick another.
import { type RequestEvent, redirect } from '@sveltejs/kit';
import {
  AdminAgencyReportDocument,
  type AdminAgencyReportQuery,
  AdminReportProvincesDocument,
  AdminReportUnitsDocument,
} from '../graphql/generated/graphql';
import { periodLabel, todayInVietnam } from '../periods';
import { throwAsPage } from '../server/api';
import { ApiRequestError } from '../server/graphql';
import type { DocumentIssuer } from './document-header';
import { pickerQuery, type ReportAddress, reportAddress } from './report-params';

export type AgencyReportData = AdminAgencyReportQuery['agencyReport'];

export interface ReportPage {
  address: ReportAddress;
  agencyCode: string | null;
  periodLabel: string;
  report: AgencyReportData | null;
  /** Why the report is not shown (outside the official's units, an unknown code, a bad period). */
  refusal: string | null;
  /** The units to pick from: the official's own, and those under the one shown. */
  units: { code: string; name: string }[];
  /** The unit shown and its ancestors, for the printed report's header. */
  issuer: DocumentIssuer | null;
  today: string;
}

/** A province report computes every unit's figures: it may take longer than a page's usual 5 s. */
const REPORT_TIMEOUT_MS = 60_000;

type Event = Pick<RequestEvent, 'locals' | 'cookies' | 'url'>;

export async function loadReport(event: Event): Promise<ReportPage> {
  const picked = pickerQuery(event.url.searchParams);
  if (picked !== null) redirect(303, `${event.url.pathname}?${picked}`);
  const today = todayInVietnam();
  const address = reportAddress(event.url.searchParams, today);
  const grants = (event.locals.viewer?.roles ?? []).filter((g) => g.agencyCode !== null);
  const units = new Map<string, string>();
  for (const g of grants) units.set(g.agencyCode as string, g.agencyName ?? (g.agencyCode as string));
  if (grants.length === 0) {
    // A role over the whole system: start from the provinces.
    try {
      const { agencies } = await event.locals.api.request(AdminReportProvincesDocument, { today });
      for (const { node } of agencies.edges) units.set(node.code, node.name);
    } catch (caught) {
      throwAsPage(event, caught);
    }
  }
  const agencyCode = address.agencyCode ?? [...units.keys()][0] ?? null;
  const page: ReportPage = {
    address,
    agencyCode,
    periodLabel: periodLabel(address.period),
    report: null,
    refusal: null,
    units: [],
    issuer: null,
    today,
  };
  if (agencyCode === null) {
    page.refusal = 'Tài khoản chưa được phân quyền trên cơ quan, đơn vị nào.';
    return page;
  }
  try {
    const { agencyReport } = await event.locals.api.request(
      AdminAgencyReportDocument,
      { code: agencyCode, period: address.range },
      { timeoutMs: REPORT_TIMEOUT_MS },
    );
    page.report = agencyReport;
    const { agency } = await event.locals.api.request(AdminReportUnitsDocument, { code: agencyCode, today });
    if (agency) {
      page.issuer = {
        name: agency.name,
        level: agency.level,
        ancestors: [agency.parent, agency.parent?.parent].filter((a) => a != null),
      };
      units.set(agency.code, agency.name);
      for (const child of agency.children) units.set(child.code, child.name);
    }
  } catch (caught) {
    if (
      caught instanceof ApiRequestError &&
      ['FORBIDDEN', 'NOT_FOUND', 'INVALID_PERIOD'].includes(caught.code ?? '')
    ) {
      page.refusal =
        caught.code === 'FORBIDDEN'
          ? `Đơn vị mã ${agencyCode} nằm ngoài phạm vi tài khoản được xem báo cáo. Vui lòng chọn đơn vị thuộc phạm vi được phân quyền.`
          : (caught.apiMessage ?? 'Không lập được báo cáo cho đơn vị và kỳ đã chọn.');
    } else {
      throwAsPage(event, caught);
    }
  }
  page.units = [...units].map(([code, name]) => ({ code, name }));
  return page;
}
