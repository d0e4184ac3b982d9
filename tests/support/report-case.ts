// A small ingested case for the periodic report's tests (tests/api/reports.test.ts and
// report-exports.test.ts): ten dossiers in three communes of Khánh Hòa in March 2026, the timings of
// tests/api/evaluation.test.ts ("xác nhận tình trạng hôn nhân", 3 working days; working hours
// 07:00–11:30, 13:30–17:00; no holiday in March–April 2026), and the officials who read the report.
import { expect } from 'vitest';
import type { TestApi } from './api.ts';
import { dossierEvents } from './dossier-events.ts';
import { keyFor } from './keys.ts';
import { addOfficial, sessionOf } from './officials.ts';

export const PROVINCE = '56';
export const A = '22870'; // Xã Ninh Phước
export const B = '22873'; // Xã Phước Hậu
export const C = '22891'; // Xã Phước Hữu
export const TTHN = '1.004873';
/** The first quarter of 2026. */
export const Q1 = { from: '2026-01-01', to: '2026-03-31' };

const dossier = (code: string, agencyCode: string, steps: [string, string][]) =>
  dossierEvents(code, agencyCode, TTHN, 'IN_PERSON', steps);

export const EVENTS = [
  // A1 received Mon 2/3 08:00 → due Thu 5/3 08:00; resolved Wed 4/3: EARLY.
  ...dossier('BC-A1', A, [
    ['RECEIVED', '2026-03-02T08:00'],
    ['RESOLVED', '2026-03-04T10:00'],
  ]),
  // A2 due Thu 5/3 09:00, resolved that day: ON_TIME.
  ...dossier('BC-A2', A, [
    ['RECEIVED', '2026-03-02T09:00'],
    ['RESOLVED', '2026-03-05T16:00'],
  ]),
  // A3 due Fri 6/3 08:00, resolved Mon 9/3: LATE.
  ...dossier('BC-A3', A, [
    ['RECEIVED', '2026-03-03T08:00'],
    ['RESOLVED', '2026-03-09T11:00'],
  ]),
  // A4 withdrawn: finished, counted on time.
  ...dossier('BC-A4', A, [
    ['RECEIVED', '2026-03-05T08:00'],
    ['WITHDRAWN', '2026-03-06T09:00'],
  ]),
  // A5 received Mon 30/3 → due Thu 2/4: open but not yet due on 31/3; resolved in April.
  ...dossier('BC-A5', A, [
    ['RECEIVED', '2026-03-30T08:00'],
    ['RESOLVED', '2026-04-06T10:00'],
  ]),
  // B1, B2: both EARLY.
  ...dossier('BC-B1', B, [
    ['RECEIVED', '2026-03-02T08:00'],
    ['RESOLVED', '2026-03-03T10:00'],
  ]),
  ...dossier('BC-B2', B, [
    ['RECEIVED', '2026-03-09T08:00'],
    ['RESOLVED', '2026-03-10T15:00'],
  ]),
  // C1 EARLY, C2 ON_TIME, C3 received Mon 16/3 → due Thu 19/3, still open on 31/3: late and open.
  ...dossier('BC-C1', C, [
    ['RECEIVED', '2026-03-02T08:00'],
    ['RESOLVED', '2026-03-04T10:00'],
  ]),
  ...dossier('BC-C2', C, [
    ['RECEIVED', '2026-03-02T09:00'],
    ['RESOLVED', '2026-03-05T16:00'],
  ]),
  ...dossier('BC-C3', C, [['RECEIVED', '2026-03-16T08:00']]),
];

export interface ReportOfficials {
  /** REFORM_MONITOR of the province (the Internal Affairs office). */
  monitor: Record<string, string>;
  /** OFFICER of commune A. */
  communeA: Record<string, string>;
}

export async function ingestReportCase(t: TestApi): Promise<ReportOfficials> {
  const res = await t.gql<{ recordDossierEvents: { accepted: number } }>(
    `mutation($events: [DossierEventInput!]!) { recordDossierEvents(events: $events) { accepted } }`,
    { events: EVENTS },
    await keyFor(t, 'INGEST'),
  );
  expect(res.data?.recordDossierEvents.accepted).toBe(EVENTS.length);
  await addOfficial(t, 'noivu-bc', 'REFORM_MONITOR', PROVINCE);
  await addOfficial(t, 'xa-a-bc', 'OFFICER', A);
  return { monitor: await sessionOf(t, 'noivu-bc'), communeA: await sessionOf(t, 'xa-a-bc') };
}

export type ReportCell = { text: string | null; number: number | null };
export interface ReportTableData {
  id: string;
  sheet: string;
  title: string;
  source: string;
  note: string | null;
  columns: { key: string; header: string; format: string }[];
  rows: { cells: ReportCell[]; total: boolean; format: string | null }[];
}

export const REPORT_QUERY = `query($code: String!, $period: PeriodInput!) {
  agencyReport(agencyCode: $code, period: $period) {
    agencyCode agencyName from to year quarters asOf parts
    tables { id part sheet title source note columns { key header format }
      rows { total format cells { text number } } } } }`;

/** A cell's value: its number, else its text. */
export const cellValue = (c: ReportCell | undefined) => c?.number ?? c?.text ?? null;

/** The row of `table` whose first cell is `key`, as { columnKey: value }. */
export function rowOf(table: ReportTableData, key: string, byColumn = 0): Record<string, unknown> {
  const row = table.rows.find((r) => cellValue(r.cells[byColumn]) === key);
  if (!row) throw new Error(`no row ${key} in ${table.id}`);
  return Object.fromEntries(table.columns.map((c, i) => [c.key, cellValue(row.cells[i])]));
}

export function totalRowOf(table: ReportTableData): Record<string, unknown> {
  const row = table.rows.find((r) => r.total);
  if (!row) throw new Error(`no total row in ${table.id}`);
  return Object.fromEntries(table.columns.map((c, i) => [c.key, cellValue(row.cells[i])]));
}
