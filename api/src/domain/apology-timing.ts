// When an apology letter (Phiếu xin lỗi và hẹn lại ngày trả kết quả) is in time (docs/domain.md §3.7).
//
// Nghị định 61/2018/NĐ-CP Điều 19 khoản 4 (with Mẫu số 04 of Thông tư 01/2018/TT-VPCP): for a dossier that
// will be late, the agency sends the apology "chậm nhất 01 ngày trước ngày hết hạn giải quyết". Read on
// the working calendar and by day, as the on-time rule compares days (§3.8): the letter is timely when
// it is issued on or before the last working day before the due day. Due on a Monday, a letter of the
// Friday before is timely; one of the Saturday, the Sunday or the Monday is late. The due date is the
// one in force when the letter is issued, the date the letter moves (DueDateChange.previousDueAt).
//
// A late letter is recorded as late; either way the dossier stays late (an apology never turns a late
// dossier into an on-time one, §3.7).

import type { WorkingCalendar } from './calendar.ts';
import type { DueDateChangeFact } from './dossier-state.ts';
import { type Day, dayOf } from './time.ts';

/** The last day an apology for a dossier due at `dueAt` may be issued: the working day before the due day. */
export function apologyDeadline(calendar: WorkingCalendar, dueAt: Date): Day {
  return calendar.previousWorkingDay(dayOf(dueAt));
}

/** Whether an apology issued at `issuedAt` for the due date `dueAt` was issued in time (see the header). */
export function isApologyTimely(calendar: WorkingCalendar, issuedAt: Date, dueAt: Date): boolean {
  return dayOf(issuedAt) <= apologyDeadline(calendar, dueAt);
}

/** A due-date change with the timing of its apology: true / false for an APOLOGY, null for the others. */
export type TimedDueDateChange = DueDateChangeFact & { apologyTimely: boolean | null };

/** The due-date history with each apology checked against the due date it moves. */
export function withApologyTiming(
  calendar: WorkingCalendar,
  changes: readonly DueDateChangeFact[],
): TimedDueDateChange[] {
  return changes.map((c) => ({
    ...c,
    apologyTimely:
      c.reason === 'APOLOGY' && c.previousDueAt
        ? isApologyTimely(calendar, c.changedAt, c.previousDueAt)
        : null,
  }));
}
