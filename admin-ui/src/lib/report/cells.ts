// A report cell as the page and the printed report show it, by its column's format
// (api ReportCellFormat): shares as percentages, counts with thousands separators, days dd/mm/yyyy,
// "–" for no data (never 0). Pure; cells.test.ts.

export type CellFormat = 'TEXT' | 'INTEGER' | 'PERCENT' | 'DAYS' | 'SCORE' | 'DATE' | 'ROW';

export interface CellValue {
  text?: string | null;
  number?: number | null;
}

export const NO_DATA = '–';

const integer = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const score = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });

/**
 * A share as a percentage with one decimal ("87,5%"), a whole one without ("100%", a task's progress
 * "40%"): rounded to the shown decimal first, since 0.29 × 100 is 28.999… in floating point.
 */
function percent(share: number): string {
  const tenths = Math.round(share * 1000);
  return tenths % 10 === 0 ? `${integer.format(tenths / 10)}%` : `${oneDecimal.format(tenths / 10)}%`;
}

/** The format of a cell: its column's, or the row's for a ROW column. */
export function cellFormat(
  column: CellFormat,
  row: CellFormat | null | undefined,
): Exclude<CellFormat, 'ROW'> {
  if (column !== 'ROW') return column;
  return row && row !== 'ROW' ? row : 'TEXT';
}

export function formatCell(cell: CellValue, format: Exclude<CellFormat, 'ROW'>): string {
  if (cell.number != null) {
    switch (format) {
      case 'PERCENT':
        return percent(cell.number);
      case 'DAYS':
        return oneDecimal.format(cell.number);
      case 'SCORE':
        return score.format(cell.number);
      default:
        return Number.isInteger(cell.number) ? integer.format(cell.number) : score.format(cell.number);
    }
  }
  if (cell.text == null || cell.text === '') return NO_DATA;
  if (format === 'DATE' && /^\d{4}-\d{2}-\d{2}$/.test(cell.text))
    return cell.text.split('-').reverse().join('/');
  return cell.text;
}

/** Figures align right, words left. */
export const isNumeric = (format: Exclude<CellFormat, 'ROW'>): boolean =>
  format !== 'TEXT' && format !== 'DATE';
