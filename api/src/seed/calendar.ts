// The working calendar's exceptions for 2025–2026 (holidays.json): weekdays off and Saturdays made
// working days, each with its legal source. Admin data, never hard-coded (docs/domain.md §3.2).
import { WorkingCalendar } from '../domain/index.ts';
import { insertColumns, type Queryable } from './bulk-insert.ts';
import type { HolidayEntry } from './reference-data.ts';

export async function seedCalendar(
  db: Queryable,
  holidays: readonly HolidayEntry[],
): Promise<WorkingCalendar> {
  const now = new Date();
  await insertColumns(
    db,
    'CalendarDay',
    [
      { name: 'date', type: 'date' },
      { name: 'working', type: 'boolean' },
      { name: 'kind', type: '"CalendarDayKind"' },
      { name: 'note', type: 'text' },
      { name: 'source', type: 'text' },
      { name: 'updatedAt', type: 'timestamptz' },
    ],
    [
      holidays.map((h) => h.date),
      holidays.map((h) => h.working),
      holidays.map((h) => h.kind),
      holidays.map((h) => h.name),
      holidays.map((h) => h.source ?? null),
      holidays.map(() => now),
    ],
  );
  return new WorkingCalendar(holidays.map((h) => ({ date: h.date, working: h.working, note: h.name })));
}
