import { describe, expect, it } from 'vitest';
import {
  buildYearGrid,
  dayDescription,
  markOf,
  weekdayMondayFirst,
  workingDayCount,
  yearFrom,
} from './year-grid';

describe('weekdayMondayFirst', () => {
  it('puts Monday at 0 and Sunday at 6', () => {
    // 01/01/2026 is a Thursday (Tết Dương lịch 2026 fell on a Thursday): column 3.
    expect(weekdayMondayFirst('2026-01-01')).toBe(3);
    // 30/11/2026 is a Monday, 29/11/2026 a Sunday.
    expect(weekdayMondayFirst('2026-11-30')).toBe(0);
    expect(weekdayMondayFirst('2026-11-29')).toBe(6);
    // 29/02/2028 exists (leap year) and is a Tuesday.
    expect(weekdayMondayFirst('2028-02-29')).toBe(1);
  });
});

describe('buildYearGrid', () => {
  const months = buildYearGrid(2026, []);

  it('has twelve months of whole Monday-first weeks', () => {
    expect(months.map((m) => m.title)).toEqual(Array.from({ length: 12 }, (_, i) => `Tháng ${i + 1}/2026`));
    for (const month of months) for (const week of month.weeks) expect(week).toHaveLength(7);
  });

  it('starts January 2026 on its Thursday: three empty cells (Mon, Tue, Wed) first', () => {
    const firstWeek = months[0]!.weeks[0]!;
    expect(firstWeek.slice(0, 3)).toEqual([null, null, null]);
    expect(firstWeek[3]).toMatchObject({ date: '2026-01-01', day: 1, weekday: 3, weekend: false });
    // Sat 3 and Sun 4 end the first row, greyed as the weekend.
    expect(firstWeek[5]).toMatchObject({ date: '2026-01-03', weekend: true, working: false });
    expect(firstWeek[6]).toMatchObject({ date: '2026-01-04', weekend: true, working: false });
  });

  it('gives each month its number of days, February 2026 with 28 and six rows for a long month', () => {
    const days = months.map((m) => m.weeks.flat().filter(Boolean).length);
    expect(days).toEqual([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
    // March 2026 starts on a Sunday: 6 empty cells, then 31 days → 37 cells → 6 rows.
    expect(months[2]!.weeks).toHaveLength(6);
    expect(months[2]!.weeks[0]!.slice(0, 6)).toEqual([null, null, null, null, null, null]);
    // February 2026 starts on a Sunday too: 6 + 28 = 34 cells → 5 rows, the last one padded.
    expect(months[1]!.weeks).toHaveLength(5);
    expect(months[1]!.weeks[4]!.filter(Boolean)).toHaveLength(6);
  });

  it('applies the exceptions: a weekday off, a Saturday made working', () => {
    const grid = buildYearGrid(2026, [
      { date: '2026-01-01', working: false, kind: 'HOLIDAY', note: 'Tết Dương lịch' },
      { date: '2026-01-02', working: false, kind: 'SWAP_DAY_OFF', note: 'Nghỉ hoán đổi' },
      { date: '2026-01-10', working: true, kind: 'SWAP_WORKDAY', note: 'Làm bù cho 02/01' },
    ]);
    const cell = (date: string) => grid.flatMap((m) => m.weeks.flat()).find((c) => c?.date === date)!;
    expect(cell('2026-01-01')).toMatchObject({ working: false, mark: 'holiday' });
    expect(cell('2026-01-02')).toMatchObject({ working: false, mark: 'swap-day-off' });
    expect(cell('2026-01-10')).toMatchObject({ working: true, weekend: true, mark: 'working-day' });
    expect(cell('2026-01-05')).toMatchObject({ working: true, mark: null, exception: null });
    expect(dayDescription(cell('2026-01-01'))).toBe('Thứ Năm 01/01/2026, Nghỉ lễ, Tết: Tết Dương lịch');
    expect(dayDescription(cell('2026-01-04'))).toBe('Chủ nhật 04/01/2026, ngày nghỉ cuối tuần');
    expect(dayDescription(cell('2026-01-05'))).toBe('Thứ Hai 05/01/2026');
    // 2026 has 261 weekdays (365 days = 52 weeks + Thursday 1/1): 261 − 2 days off + 1 Saturday = 260.
    expect(workingDayCount(buildYearGrid(2026, []))).toBe(261);
    expect(workingDayCount(grid)).toBe(260);
  });
});

describe('markOf', () => {
  it('names a day off by its kind and any working exception as a working day', () => {
    expect(markOf({ date: '2026-09-02', working: false, kind: 'HOLIDAY', note: null })).toBe('holiday');
    expect(markOf({ date: '2026-09-01', working: false, kind: 'COMPENSATORY_DAY_OFF', note: null })).toBe(
      'compensatory',
    );
    expect(markOf({ date: '2026-09-03', working: false, kind: 'OTHER', note: null })).toBe('other-off');
    expect(markOf({ date: '2026-09-05', working: true, kind: 'OTHER', note: null })).toBe('working-day');
  });
});

describe('yearFrom', () => {
  it('takes ?year= when it is a year the API accepts, else the current year or null', () => {
    expect(yearFrom(null, 2026)).toBe(2026);
    expect(yearFrom('', 2026)).toBe(2026);
    expect(yearFrom('2025', 2026)).toBe(2025);
    expect(yearFrom('1999', 2026)).toBeNull();
    expect(yearFrom('2101', 2026)).toBeNull();
    expect(yearFrom('20x5', 2026)).toBeNull();
  });
});
