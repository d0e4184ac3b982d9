// The address of a report (/reports?don-vi=56&ky=quy&nam=2026&so=3) and of its files: a quarter,
// six months or a year (periods.ts), an agency code, and the API export each download relays. Pure;
// report-params.test.ts.
import {
  currentPeriod,
  type PeriodChoice,
  type PeriodRange,
  parsePeriod,
  periodParams,
  periodRange,
} from '../periods';

/** The periods a report covers: whole quarters of one year (the API refuses anything else). */
export type ReportPeriodKind = 'quarter' | 'half' | 'year';
export const REPORT_PERIOD_KINDS: readonly ReportPeriodKind[] = ['quarter', 'half', 'year'];

export interface ReportAddress {
  agencyCode: string | null;
  period: PeriodChoice;
  range: PeriodRange;
}

const AGENCY_CODE = /^[A-Za-z0-9._-]{1,40}$/;

/**
 * The report a query string names; a month or a custom range (the dashboard's periods) falls back to
 * the quarter containing `today`, and an agency code that cannot be one to none.
 */
export function reportAddress(params: URLSearchParams, today: string): ReportAddress {
  let period = parsePeriod(params, today, 'quarter');
  if (!(REPORT_PERIOD_KINDS as readonly string[]).includes(period.kind))
    period = currentPeriod('quarter', today);
  const code = params.get('don-vi');
  return {
    agencyCode: code && AGENCY_CODE.test(code) ? code : null,
    period,
    range: periodRange(period),
  };
}

/** The query string of a report: `don-vi=…&ky=…&nam=…&so=…`. */
export function reportQuery(agencyCode: string, period: PeriodChoice): string {
  const params = new URLSearchParams({ 'don-vi': agencyCode });
  for (const [key, value] of periodParams(period)) params.set(key, value);
  return params.toString();
}

/** The UI's relay of an export (routes/reports/export/[file]): report.xlsx or report-<table>.csv. */
export function exportHref(file: string, agencyCode: string, range: PeriodRange): string {
  const params = new URLSearchParams({ agency: agencyCode, from: range.from, to: range.to });
  return `/reports/export/${file}?${params}`;
}

/** The files the relay passes on. */
export const isReportFile = (file: string): boolean =>
  file === 'report.xlsx' || /^report-[a-z0-9-]{1,40}\.csv$/.test(file);

/** "12,3 KB" / "1,2 MB": bytes received so far. */
export function formatBytes(bytes: number): string {
  const format = (value: number) =>
    new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format(value);
  if (bytes < 1024) return `${bytes} byte`;
  if (bytes < 1024 * 1024) return `${format(bytes / 1024)} KB`;
  return `${format(bytes / 1024 / 1024)} MB`;
}

/** The choices of the period picker: one select for the quarter, the half or the year. */
export const PERIOD_OPTIONS: readonly { value: string; label: string }[] = [
  { value: 'quy-1', label: 'Quý I' },
  { value: 'quy-2', label: 'Quý II' },
  { value: 'quy-3', label: 'Quý III' },
  { value: 'quy-4', label: 'Quý IV' },
  { value: '6-thang-1', label: '6 tháng đầu năm' },
  { value: '6-thang-2', label: '6 tháng cuối năm' },
  { value: 'nam', label: 'Cả năm' },
];

/** The picker's value of a period ("quy-3"). */
export function periodOption(period: PeriodChoice): string {
  if (period.kind === 'quarter') return `quy-${period.quarter}`;
  if (period.kind === 'half') return `6-thang-${period.half}`;
  return 'nam';
}

/**
 * The picker sends `don-vi`, `nam` and `ky-so` ("quy-3"); the page's address says `ky`, `nam`, `so`.
 * Returns the address's query string when `params` come from the picker, else null.
 */
export function pickerQuery(params: URLSearchParams): string | null {
  const choice = params.get('ky-so');
  if (choice === null) return null;
  const match = /^(quy|6-thang)-(\d)$/.exec(choice);
  const next = new URLSearchParams();
  const code = params.get('don-vi');
  if (code) next.set('don-vi', code);
  next.set('ky', match ? match[1]! : 'nam');
  next.set('nam', params.get('nam') ?? '');
  if (match) next.set('so', match[2]!);
  return next.toString();
}
