// Vietnamese wording of a reform task's status and standing (docs/domain.md §7.1), and how far its
// deadline is. Pure: labels.test.ts.

export const STATUS_LABELS = {
  NOT_STARTED: 'Chưa triển khai',
  IN_PROGRESS: 'Đang thực hiện',
  DONE: 'Đã hoàn thành',
  CANCELLED: 'Đã hủy',
} as const;
export type StatusValue = keyof typeof STATUS_LABELS;
export const STATUSES = Object.keys(STATUS_LABELS) as StatusValue[];
export const isStatus = (value: string): value is StatusValue => value in STATUS_LABELS;

export const STANDING_LABELS = {
  DONE_ON_TIME: 'Hoàn thành đúng hạn',
  DONE_LATE: 'Hoàn thành quá hạn',
  OVERDUE: 'Quá hạn',
  DUE_SOON: 'Sắp đến hạn',
  IN_PROGRESS: 'Đang thực hiện',
  NOT_STARTED: 'Chưa triển khai',
  CANCELLED: 'Đã hủy',
} as const;

/** A value the API adds later is shown as sent rather than hidden. */
export const statusLabel = (status: string) => (STATUS_LABELS as Record<string, string>)[status] ?? status;
export const standingLabel = (standing: string) =>
  (STANDING_LABELS as Record<string, string>)[standing] ?? standing;

/** The CSS modifier of a standing: what needs attention stands out (with its words, not colour alone). */
export function standingTone(standing: string): 'alert' | 'warning' | 'done' | 'plain' {
  if (standing === 'OVERDUE' || standing === 'DONE_LATE') return 'alert';
  if (standing === 'DUE_SOON') return 'warning';
  if (standing === 'DONE_ON_TIME') return 'done';
  return 'plain';
}

const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / 86_400_000;

/** Calendar days from `today` to `deadline` (negative: past it). Both `yyyy-mm-dd`. */
export const daysUntil = (deadline: string, today: string): number =>
  Math.round(dayNumber(deadline) - dayNumber(today));

/** "quá hạn 3 ngày", "hạn hôm nay", "còn 5 ngày", for an open task. */
export function deadlineDistance(deadline: string, today: string): string {
  const days = daysUntil(deadline, today);
  if (days < 0) return `quá hạn ${-days} ngày`;
  if (days === 0) return 'hạn hôm nay';
  return `còn ${days} ngày`;
}
