// Which petitions (phản ánh, kiến nghị) Decision 766 indicator 5.2 judges in a period, and how
// (docs/domain.md §5 "5.2"). A petition is judged by what was known at the period's end, so that a
// closed period's figure does not change when a petition is answered later:
//
// - answered in the period: judged there, on time when answered by its due day (days in
//   Asia/Ho_Chi_Minh; without a due date, on time);
// - still open at the period's end and already past due then (its due day before the period's last
//   day): late in that period, and again in any later period it is still open at, or answered in;
// - still open and not yet due at the period's end (due on the last day included): not judged in that
//   period; its answer belongs to the period in which it comes.
//
// The period's end is its last day, or today when that is earlier, as for dossiers (§3.9): a petition
// due on the period's last day is not yet overdue on that day.
// services/index766.ts counts the same rule in SQL.

import { type Day, dayOf } from './time.ts';

export interface PetitionDates {
  receivedAt: Date;
  dueAt: Date | null;
  resolvedAt: Date | null;
}

/** ON_TIME / LATE when the petition is judged in the period, null when it is not. */
export type PetitionJudgement = 'ON_TIME' | 'LATE' | null;

/** The day a period is judged on: its last day, or `today` when earlier. */
export const judgedOn = (period: { to: Day }, today: Day): Day => (period.to < today ? period.to : today);

/** How `petition` counts in 5.2 for `period` (both days included), judged on judgedOn(period, today). */
export function judgePetition(
  petition: PetitionDates,
  period: { from: Day; to: Day },
  today: Day,
): PetitionJudgement {
  const end = judgedOn(period, today);
  // A period that has not begun yet judges nothing.
  if (end < period.from || dayOf(petition.receivedAt) > end) return null;
  const answeredOn = petition.resolvedAt ? dayOf(petition.resolvedAt) : null;
  const dueOn = petition.dueAt ? dayOf(petition.dueAt) : null;
  if (answeredOn !== null && answeredOn >= period.from && answeredOn <= end) {
    return dueOn === null || answeredOn <= dueOn ? 'ON_TIME' : 'LATE';
  }
  const openAtEnd = answeredOn === null || answeredOn > end;
  return openAtEnd && dueOn !== null && dueOn < end ? 'LATE' : null;
}
