// Part 1: processing by unit and by sector. The rows come from statsBreakdown (services/stats-breakdown.ts),
// the total row from computeStats over the whole subtree: a dossier of the agency itself (not of a
// child unit) counts in the total only, so the total is read, never summed from the rows.
import { type Counts, onTimeRate, processingPercentileWorkingDays, type ServiceStats } from '../stats.ts';
import type { BreakdownRow } from '../stats-breakdown.ts';
import { type Cell, column, type ReportRow, type ReportTable, SOURCES } from './report-table.ts';

const FIGURE_COLUMNS = [
  column('received', 'Tiếp nhận', 'INTEGER', 11),
  column('finished', 'Đã giải quyết', 'INTEGER', 12),
  column('early', 'Trước hạn', 'INTEGER', 11),
  column('onTime', 'Đúng hạn', 'INTEGER', 11),
  column('late', 'Quá hạn', 'INTEGER', 10),
  column('onTimeRate', 'Tỷ lệ đúng hạn', 'PERCENT', 12),
  column('lateOpen', 'Quá hạn chưa giải quyết', 'INTEGER', 14),
  column('medianDays', 'Trung vị thời gian (ngày làm việc)', 'DAYS', 16),
  column('p90Days', 'Phân vị 90 thời gian (ngày làm việc)', 'DAYS', 16),
  column('refused', 'Từ chối tiếp nhận', 'INTEGER', 12),
  column('withdrawn', 'Rút hồ sơ', 'INTEGER', 10),
];

/** The figures of one row, in the order of FIGURE_COLUMNS. */
export function processingCells(c: Counts, lateOpen: number): Cell[] {
  return [
    c.received,
    c.finished,
    c.early,
    c.onTime,
    c.late,
    onTimeRate(c),
    lateOpen,
    processingPercentileWorkingDays(c, 50),
    processingPercentileWorkingDays(c, 90),
    c.refused,
    c.withdrawn,
  ];
}

// What the rate counts and why it differs from Decision 766 indicator 2.1 (Part 3): both are "on
// time" shares, on different dossiers, and a reader seeing two figures must see why.
const ON_TIME_RATE_NOTE =
  'Tỷ lệ đúng hạn = (trước hạn + đúng hạn) / hồ sơ đã giải quyết trong kỳ; hồ sơ rút, dừng xử lý tính là đúng hạn. Tỷ lệ này khác chỉ tiêu 2.1 của Quyết định 766/QĐ-TTg (Phần 3), tính trên hồ sơ tiếp nhận trong kỳ, gồm cả hồ sơ chưa giải quyết nhưng còn trong hạn đến ngày cuối kỳ.';

const NOTE = `${ON_TIME_RATE_NOTE} Quá hạn chưa giải quyết: tính đến ngày cuối kỳ (hoặc hôm nay, nếu kỳ chưa kết thúc). Thời gian xử lý không tính thời gian chờ bổ sung hồ sơ.`;

function table(
  id: string,
  sheet: string,
  title: string,
  /** Null: no code column (a sector's code is a slug, not a word an official reads). */
  keyHeader: string | null,
  nameHeader: string,
  rows: BreakdownRow[],
  total: ServiceStats,
): ReportTable {
  const body: ReportRow[] = rows.map((r) => ({
    // The agency's own row: dossiers received by the agency itself, not by a unit under it.
    cells: [
      ...(keyHeader === null ? [] : [r.key]),
      r.own ? `${r.name} (hồ sơ do đơn vị trực tiếp tiếp nhận)` : r.name,
      ...processingCells(r.counts, r.lateOpen),
    ],
  }));
  body.push({
    cells: [...(keyHeader === null ? [] : [null]), 'Tổng cộng', ...processingCells(total, total.lateOpen)],
    total: true,
  });
  return {
    id,
    sheet,
    part: 1,
    title,
    source: SOURCES.processing,
    note: NOTE,
    columns: [
      ...(keyHeader === null ? [] : [column('code', keyHeader, 'TEXT', 12)]),
      column('name', nameHeader, 'TEXT', 40),
      ...FIGURE_COLUMNS,
    ],
    rows: body,
  };
}

export const unitTable = (rows: BreakdownRow[], total: ServiceStats) =>
  table('don-vi', 'Theo đơn vị', 'Kết quả giải quyết hồ sơ theo đơn vị', 'Mã đơn vị', 'Đơn vị', rows, total);

export const sectorTable = (rows: BreakdownRow[], total: ServiceStats) =>
  table('linh-vuc', 'Theo lĩnh vực', 'Kết quả giải quyết hồ sơ theo lĩnh vực', null, 'Lĩnh vực', rows, total);
