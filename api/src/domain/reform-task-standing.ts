// Where a task of the administrative-reform programme stands on a day (docs/domain.md "Reform
// programme tasks"): the PAR INDEX criterion on carrying out the year's reform plan (Quyết định
// 876/QĐ-BNV) scores tasks done on time against the plan, so a task is judged by its deadline, the
// day it was done, and — while open — how near its deadline is. Pure: the caller says what "today" is.
import { addDays, type Day } from './time.ts';

export type ReformTaskStatus = 'NOT_STARTED' | 'IN_PROGRESS' | 'DONE' | 'CANCELLED';

export type ReformTaskStanding =
  | 'DONE_ON_TIME'
  | 'DONE_LATE'
  | 'OVERDUE'
  | 'DUE_SOON'
  | 'IN_PROGRESS'
  | 'NOT_STARTED'
  | 'CANCELLED';

/** "Due soon" by default: a deadline within this many days of today (the reminders' default). */
export const DUE_SOON_DAYS = 7;

export const isOpen = (status: ReformTaskStatus): boolean =>
  status === 'NOT_STARTED' || status === 'IN_PROGRESS';

/** Overdue: still open and its deadline is a day before today (the deadline day itself is in time). */
export const isOverdue = (status: ReformTaskStatus, deadline: Day, today: Day): boolean =>
  isOpen(status) && deadline < today;

/** Due soon: still open, deadline from today to today + `within` days, both included. */
export const isDueSoon = (
  status: ReformTaskStatus,
  deadline: Day,
  today: Day,
  within = DUE_SOON_DAYS,
): boolean => isOpen(status) && deadline >= today && deadline <= addDays(today, within);

export interface StandingInput {
  status: ReformTaskStatus;
  deadline: Day;
  /** The day it was done; a DONE task without one is judged as done today. */
  completedOn: Day | null;
}

/**
 * DONE_ON_TIME: done on or before its deadline; DONE_LATE: done after it; CANCELLED; and for an open
 * task, in this order: OVERDUE (deadline before today), DUE_SOON (deadline within `within` days),
 * else its status (IN_PROGRESS or NOT_STARTED).
 */
export function reformTaskStanding(
  task: StandingInput,
  today: Day,
  within = DUE_SOON_DAYS,
): ReformTaskStanding {
  if (task.status === 'CANCELLED') return 'CANCELLED';
  if (task.status === 'DONE')
    return (task.completedOn ?? today) <= task.deadline ? 'DONE_ON_TIME' : 'DONE_LATE';
  if (isOverdue(task.status, task.deadline, today)) return 'OVERDUE';
  if (isDueSoon(task.status, task.deadline, today, within)) return 'DUE_SOON';
  return task.status;
}
