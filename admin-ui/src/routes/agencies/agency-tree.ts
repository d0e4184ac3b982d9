// The tree of agencies with their history (docs/domain.md §0: units have validity dates; a unit merged
// into a successor ends the day before the successor takes over its affairs), and small helpers of the
// agency pages. Pure: unit-tested in agency-tree.test.ts.

import type { Viewer } from '$lib/viewer';
import { formatDate } from '../../lib/format';

export interface AgencyNode {
  id: string;
  code: string;
  name: string;
  level: string;
  validFrom: string | null;
  validTo: string | null;
  parent: { id: string } | null;
  successor: { code: string; name: string } | null;
}

export interface TreeNode<N extends AgencyNode = AgencyNode> {
  agency: N;
  ended: boolean;
  children: TreeNode<N>[];
}

const LEVEL_ORDER = ['MINISTRY', 'PROVINCE', 'DEPARTMENT', 'DISTRICT', 'COMMUNE'];
const collator = new Intl.Collator('vi');

/** The day after a YYYY-MM-DD day: a merged unit's successor takes over on validTo + 1. */
export function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** Whether the unit no longer exists on `today` (its last day is before it). */
export const hasEnded = (agency: Pick<AgencyNode, 'validTo'>, today: string) =>
  agency.validTo !== null && agency.validTo < today;

/**
 * The tree by parent: units in existence first, then those that ended; each group by level
 * (province, departments, districts, communes) and name. Without `includeEnded`, ended units and
 * everything under them are left out. A unit whose parent is not in the list is a root.
 */
export function buildAgencyTree<N extends AgencyNode>(
  agencies: readonly N[],
  options: { today: string; includeEnded: boolean },
): TreeNode<N>[] {
  const nodes = new Map<string, TreeNode<N>>();
  for (const agency of agencies) {
    const ended = hasEnded(agency, options.today);
    if (ended && !options.includeEnded) continue;
    nodes.set(agency.id, { agency, ended, children: [] });
  }
  const roots: TreeNode<N>[] = [];
  for (const node of nodes.values()) {
    // A unit whose parent is not shown (none, or an ended one left out) is a root rather than lost.
    const parent = node.agency.parent ? nodes.get(node.agency.parent.id) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const order = (a: TreeNode<N>, b: TreeNode<N>) =>
    Number(a.ended) - Number(b.ended) ||
    LEVEL_ORDER.indexOf(a.agency.level) - LEVEL_ORDER.indexOf(b.agency.level) ||
    collator.compare(a.agency.name, b.agency.name) ||
    collator.compare(a.agency.code, b.agency.code);
  const sort = (list: TreeNode<N>[]) => {
    list.sort(order);
    for (const node of list) sort(node.children);
  };
  sort(roots);
  return roots;
}

/** Number of units in a tree. */
export const treeSize = (roots: readonly TreeNode[]): number =>
  roots.reduce((n, node) => n + 1 + treeSize(node.children), 0);

/**
 * What an official reads about a unit's life: "Hoạt động từ 01/07/2025", "Đã sáp nhập vào Xã Ninh
 * Phước từ 01/07/2025", "Ngừng hoạt động từ 01/07/2025".
 */
export function agencyStatus(
  agency: Pick<AgencyNode, 'validFrom' | 'validTo' | 'successor'>,
  today: string,
): string {
  if (agency.validTo !== null && agency.validTo < today) {
    const from = formatDate(nextDay(agency.validTo));
    return agency.successor
      ? `Đã sáp nhập vào ${agency.successor.name} từ ${from}`
      : `Ngừng hoạt động từ ${from}`;
  }
  if (agency.validFrom !== null && agency.validFrom > today)
    return `Bắt đầu hoạt động từ ${formatDate(agency.validFrom)}`;
  const until = agency.validTo
    ? agency.successor
      ? `; sáp nhập vào ${agency.successor.name} từ ${formatDate(nextDay(agency.validTo))}`
      : `; hoạt động đến hết ${formatDate(agency.validTo)}`
    : '';
  return agency.validFrom ? `Hoạt động từ ${formatDate(agency.validFrom)}${until}` : `Đang hoạt động${until}`;
}

/** "01/07/2025 – 30/06/2026", "từ 01/07/2025", "đến 30/06/2025", or "" when both are open. */
export function validity(agency: Pick<AgencyNode, 'validFrom' | 'validTo'>): string {
  const { validFrom, validTo } = agency;
  if (validFrom && validTo) return `${formatDate(validFrom)} – ${formatDate(validTo)}`;
  if (validFrom) return `từ ${formatDate(validFrom)}`;
  if (validTo) return `đến ${formatDate(validTo)}`;
  return '';
}

/**
 * The page of a unit. Codes are reused across the 1/7/2025 mergers (22870 was Thị trấn Phước Dân,
 * then Xã Ninh Phước): a unit that ended is named by its code on its last day.
 */
export function agencyHref(agency: Pick<AgencyNode, 'code' | 'validTo'>, today: string): string {
  const path = `/agencies/${encodeURIComponent(agency.code)}`;
  return agency.validTo !== null && agency.validTo < today ? `${path}?activeOn=${agency.validTo}` : path;
}

/**
 * Whether to offer the administration forms of a unit: SYSTEM_ADMIN, or a UNIT_ADMIN whose agency is
 * the unit or one of its ancestors or, for a merged unit, of its successor's (`chain`: those codes).
 * Convenience only: the API decides.
 */
export function mayAdminister(viewer: Viewer | null, chain: readonly string[]): boolean {
  return (
    viewer?.roles.some(
      (grant) =>
        grant.role === 'SYSTEM_ADMIN' ||
        (grant.role === 'UNIT_ADMIN' && grant.agencyCode !== null && chain.includes(grant.agencyCode)),
    ) ?? false
  );
}

interface Chain {
  code: string;
  parent?: Chain | null;
}

/** The codes of a unit and its ancestors, from a nested `parent { code parent { … } }` selection. */
export function ancestry(agency: Chain | null | undefined): string[] {
  const codes: string[] = [];
  for (let at = agency; at; at = at.parent ?? null) codes.push(at.code);
  return codes;
}

/** Procedure codes typed in a box: separated by commas, semicolons, spaces or lines; each once. */
export function parseCodes(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,;]+/)
        .map((c) => c.trim())
        .filter(Boolean),
    ),
  ];
}

/** A day typed as dd/mm/yyyy or YYYY-MM-DD → YYYY-MM-DD, or null (the calendar page's reading). */
export { parseDay as parseDayInput } from '../calendar/calendar-form';
