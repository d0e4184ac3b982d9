// A report covers whole calendar quarters of one year: a quarter, six months, nine months or the year
// (the periods offices report on). The 9-indicator evaluation is per quarter, so a period that cuts a
// quarter could not carry it; anything else is refused with INVALID_PERIOD before any figure is read.
import { addDays, addMonths, type Day, isValidDay } from '../../domain/time.ts';
import { AppError } from '../../errors.ts';
import type { Period } from '../stats.ts';

export interface ReportPeriod extends Period {
  year: number;
  /** The quarters of the period, in order (1 to 4). */
  quarters: number[];
}

const QUARTER_STARTS = ['01-01', '04-01', '07-01', '10-01'];

export function reportPeriod(period: Period): ReportPeriod {
  const refuse = (): never => {
    throw new AppError(
      'INVALID_PERIOD',
      'Kỳ báo cáo phải gồm các quý trọn vẹn trong một năm (quý, 6 tháng, 9 tháng hoặc cả năm), từ ngày đầu quý đến ngày cuối quý.',
    );
  };
  if (!isValidDay(period.from) || !isValidDay(period.to)) refuse();
  const year = Number(period.from.slice(0, 4));
  const first = QUARTER_STARTS.indexOf(period.from.slice(5));
  const afterTo: Day = addDays(period.to, 1);
  const next = QUARTER_STARTS.indexOf(afterTo.slice(5));
  // The day after `to` starts the next quarter: of the same year, or 1 January of the next one.
  const last = next === 0 && Number(afterTo.slice(0, 4)) === year + 1 ? 4 : next;
  if (first < 0 || last <= first || Number(period.to.slice(0, 4)) !== year) refuse();
  if (addMonths(period.from, 3 * (last - first)) !== afterTo) refuse();
  const quarters = Array.from({ length: last - first }, (_, i) => first + i + 1);
  return { from: period.from, to: period.to, year, quarters };
}
