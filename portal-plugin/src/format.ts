// Vietnamese wording of the procedure data the widget shows, kept free of DOM and Svelte so it can be
// unit-tested and reused by a lighter loader later.

import type { Channel, TimeUnit, WidgetProcedureQuery } from './graphql/generated/graphql.ts';

/** A time limit as procedure.graphql selects it. */
export type TimeLimit = NonNullable<WidgetProcedureQuery['procedure']>['timeLimits'][number];

// Cách thức thực hiện as the national procedure database names them (KENH 1, 2, 3).
const CHANNEL_LABELS: Record<Channel, string> = {
  IN_PERSON: 'Trực tiếp',
  ONLINE: 'Trực tuyến',
  POSTAL: 'Qua dịch vụ bưu chính',
};

// HOURS are working hours (docs/domain.md §3.2: 8 working hours = 1 working day).
const UNIT_LABELS: Record<TimeUnit, string> = {
  WORKING_DAYS: 'ngày làm việc',
  DAYS: 'ngày',
  HOURS: 'giờ làm việc',
  MONTHS: 'tháng',
};

const CHANNEL_ORDER: readonly string[] = ['IN_PERSON', 'ONLINE', 'POSTAL'];

/** Label of a channel; a value added to the API later is shown as sent rather than hidden. */
export function channelLabel(channel: string): string {
  return CHANNEL_LABELS[channel as Channel] ?? channel;
}

export function unitLabel(unit: string): string {
  return UNIT_LABELS[unit as TimeUnit] ?? unit;
}

/**
 * A quantity as Vietnamese administrative texts write it: whole numbers below ten with a leading zero
 * ("03 ngày làm việc"), a decimal comma ("0,5"), a dot between thousands ("1.000").
 */
export function formatQuantity(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  const [whole = '0', fraction] = String(rounded).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  if (fraction !== undefined) return `${grouped},${fraction}`;
  return rounded >= 1 && rounded < 10 ? `0${grouped}` : grouped;
}

export const UNKNOWN_TIME_LIMIT = 'Chưa xác định';

/** "01 ngày làm việc", "15 ngày", "0,5 ngày làm việc", "04 giờ làm việc". */
export function formatTimeLimit(limit: Pick<TimeLimit, 'value' | 'unit'>): string {
  if (!Number.isFinite(limit.value) || limit.value < 0) return UNKNOWN_TIME_LIMIT;
  return `${formatQuantity(limit.value)} ${unitLabel(limit.unit)}`;
}

/** In the order the national portal lists channels: in person, online, postal; unknown ones last. */
export function sortByChannel<T extends { channel: string }>(limits: readonly T[]): T[] {
  const rank = (channel: string) => {
    const index = CHANNEL_ORDER.indexOf(channel);
    return index === -1 ? CHANNEL_ORDER.length : index;
  };
  return [...limits].sort((a, b) => rank(a.channel) - rank(b.channel));
}
