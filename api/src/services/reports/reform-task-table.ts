// Part 5: the reform programme's tasks of the subtree due in the period or still open at its end,
// with where each stands today (services/reform-tasks/report-rows.ts), and a count per standing.
import type { ReformTaskStanding } from '../../domain/reform-task-standing.ts';
import type { ReformTaskReportRow } from '../reform-tasks/report-rows.ts';
import { column, type ReportRow, type ReportTable, SOURCES } from './report-table.ts';

export const STANDING_LABELS: Record<ReformTaskStanding, string> = {
  DONE_ON_TIME: 'Hoàn thành đúng hạn',
  DONE_LATE: 'Hoàn thành quá hạn',
  OVERDUE: 'Quá hạn, chưa hoàn thành',
  DUE_SOON: 'Sắp đến hạn',
  IN_PROGRESS: 'Đang thực hiện',
  NOT_STARTED: 'Chưa triển khai',
  CANCELLED: 'Đã hủy',
};

const dmy = (day: string | null) => (day ? day.split('-').reverse().join('/') : null);

export function reformTaskTable(tasks: ReformTaskReportRow[]): ReportTable {
  const rows: ReportRow[] = tasks.map((t) => ({
    cells: [
      t.agencyCode,
      t.agencyName,
      t.title,
      t.document ? `${t.document}${t.documentDate ? ` ngày ${dmy(t.documentDate)}` : ''}` : null,
      t.deadline,
      t.progressPercent / 100,
      t.completedOn,
      t.lastReportOn ? `${dmy(t.lastReportOn)}: ${t.lastReportNote ?? ''}`.trim() : null,
      STANDING_LABELS[t.standing],
    ],
  }));
  const counts = new Map<ReformTaskStanding, number>();
  for (const t of tasks) counts.set(t.standing, (counts.get(t.standing) ?? 0) + 1);
  const summary = (Object.keys(STANDING_LABELS) as ReformTaskStanding[])
    .filter((s) => counts.has(s))
    .map((s) => `${STANDING_LABELS[s]}: ${counts.get(s)}`)
    .join('; ');
  return {
    id: 'nhiem-vu',
    sheet: 'Nhiệm vụ CCHC',
    part: 5,
    title: 'Tình hình thực hiện nhiệm vụ cải cách hành chính',
    source: SOURCES.reform,
    note: `${tasks.length} nhiệm vụ có hạn trong kỳ hoặc chưa hoàn thành đến cuối kỳ${summary ? ` (${summary})` : ''}. Tình trạng tính đến ngày lập báo cáo.`,
    columns: [
      column('code', 'Mã đơn vị', 'TEXT', 12),
      column('unit', 'Đơn vị chủ trì', 'TEXT', 30),
      column('title', 'Nhiệm vụ', 'TEXT', 50),
      column('document', 'Văn bản giao', 'TEXT', 28),
      column('deadline', 'Thời hạn', 'DATE', 12),
      column('progress', 'Tiến độ', 'PERCENT', 10),
      column('completedOn', 'Ngày hoàn thành', 'DATE', 13),
      column('lastReport', 'Báo cáo gần nhất', 'TEXT', 40),
      column('standing', 'Tình trạng', 'TEXT', 22),
    ],
    rows,
  };
}
