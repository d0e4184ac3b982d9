// GET /exports/report.xlsx and /exports/report-<table>.csv ?agency=<code>&from=<day>&to=<day>: the
// periodic report of an agency subtree as files (services/reports/; docs/api.md "Reports"). Private
// like the report query: a session or a read key whose subtree holds the agency; counted against the
// caller's request budget as the catalogue exports are. The whole report is computed before the first
// byte, so a refusal is always a JSON answer with a code; then the workbook is streamed as written.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { AppError } from '../errors.ts';
import type { Services } from '../services/context.ts';
import { type AgencyReport, agencyReport } from '../services/reports/agency-report.ts';
import { writeReportCsv, writeReportWorkbook } from '../services/reports/report-files.ts';
import { admitDownload, failDownload, startDownload } from './file-download.ts';
import { refuseUnlessGetOrHead } from './http-io.ts';
import type { RequestAdmission } from './national-sync-endpoint.ts';
import { EXPORTS_PREFIX } from './procedure-exports.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const WORKBOOK = 'report.xlsx';
const CSV = /^report-([a-z0-9-]{1,40})\.csv$/;

/** Whether the path is one of the report's files (the other /exports/ paths are the catalogue's). */
export const isReportExport = (path: string): boolean =>
  path === EXPORTS_PREFIX + WORKBOOK ||
  (path.startsWith(`${EXPORTS_PREFIX}report-`) && path.endsWith('.csv'));

/** A code and a file name safe in a header: 56, 22870, 000.00.36.H56. */
const slug = (text: string) => text.replace(/[^A-Za-z0-9.-]/g, '_').slice(0, 40);

export async function handleReportExport(
  services: Services,
  req: IncomingMessage,
  res: ServerResponse,
  admit: RequestAdmission,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const name = url.pathname.slice(EXPORTS_PREFIX.length);
  if (refuseUnlessGetOrHead(req, res)) return;
  try {
    const principal = await admitDownload(services, req, res, admit);
    if (!principal) return;
    const agency = url.searchParams.get('agency');
    const from = url.searchParams.get('from');
    const to = url.searchParams.get('to');
    if (!agency || !from || !to) {
      throw new AppError(
        'BAD_REQUEST',
        'Thiếu tham số: agency (mã cơ quan, đơn vị), from và to (ngày đầu, ngày cuối kỳ, YYYY-MM-DD).',
      );
    }
    const report = await agencyReport(services.db, services.prisma, principal, agency, { from, to });
    const table = name === WORKBOOK ? null : report.tables.find((t) => t.id === CSV.exec(name)?.[1]);
    if (table === undefined) {
      throw new AppError(
        'NOT_FOUND',
        `Không có tệp "${name.slice(0, 80)}". Các tệp tải được: ${[
          WORKBOOK,
          ...report.tables.map((t) => `report-${t.id}.csv`),
        ]
          .map((f) => EXPORTS_PREFIX + f)
          .join(', ')}.`,
      );
    }
    const base = `bao-cao-${slug(report.agency.code)}-${report.period.from}-${report.period.to}`;
    const file = table
      ? { type: 'text/csv; charset=utf-8', fileName: `${base}-${table.id}.csv` }
      : { type: XLSX, fileName: `${base}.xlsx` };
    if (!startDownload(req, res, file)) return;
    await (table ? writeReportCsv(table, res) : writeReportWorkbook(report satisfies AgencyReport, res));
  } catch (error) {
    failDownload(services, res, error, 'Xuất báo cáo định kỳ');
  }
}
