// Which unit and months the dashboard shows: the official's own unit by default, the path up to it
// for the breadcrumbs, the twelve months of the trend charts, the quarter of the 9-indicator
// evaluation, and the addresses of the dashboard's pages. Pure; unit-tested in scope.test.ts.
import type { PeriodChoice, PeriodRange } from '../periods';
import { periodParams } from '../periods';
import type { Viewer } from '../viewer';

/** Query-string name of the unit on the dashboard's pages: /?don-vi=22873. */
export const UNIT_PARAM = 'don-vi';

/** Query-string name of the procedure of the live stream of a procedure's page (/live/stats). */
export const PROCEDURE_PARAM = 'thu-tuc';

/** Agency codes are short and printable (22873, 56, H56.14 desks); anything else is no code. */
export function unitCodeFrom(value: string | null): string | null {
  const code = value?.trim() ?? '';
  return /^[\p{L}\p{N}._-]{1,40}$/u.test(code) ? code : null;
}

const LEVEL_RANK: Record<string, number> = {
  MINISTRY: 0,
  PROVINCE: 1,
  DEPARTMENT: 2,
  DISTRICT: 3,
  COMMUNE: 4,
};

/**
 * The unit an official's dashboard opens on: the highest unit of their grants (a province before a
 * commune). Null for a system administrator (the whole system: the page asks for the province) or
 * an official without a grant on a unit.
 */
export function defaultUnitCode(viewer: Viewer | null): string | null {
  if (!viewer || viewer.roles.some((g) => g.agencyCode === null)) return null;
  const ranked = [...viewer.roles].sort(
    (a, b) => (LEVEL_RANK[a.agencyLevel ?? ''] ?? 9) - (LEVEL_RANK[b.agencyLevel ?? ''] ?? 9),
  );
  return ranked[0]?.agencyCode ?? null;
}

export interface UnitRef {
  code: string;
  name: string;
  parent?: UnitRef | null;
}

/**
 * The units from the top of the official's reach down to the unit shown (the unit itself last):
 * up the parents until a unit the official holds a role on, or to the root for a system administrator.
 */
export function breadcrumbs(unit: UnitRef, viewer: Viewer | null): { code: string; name: string }[] {
  const everywhere = viewer?.roles.some((g) => g.agencyCode === null) ?? false;
  const held = new Set(viewer?.roles.map((g) => g.agencyCode).filter((c): c is string => c !== null));
  const path: { code: string; name: string }[] = [];
  let at: UnitRef | null | undefined = unit;
  while (at) {
    path.unshift({ code: at.code, name: at.name });
    if (!everywhere && held.has(at.code)) break;
    at = at.parent;
  }
  return path;
}

const firstOfMonth = (day: string) => `${day.slice(0, 7)}-01`;

function monthsBefore(monthStart: string, months: number): string {
  const [year, month] = monthStart.split('-').map(Number) as [number, number];
  const index = year * 12 + (month - 1) - months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}

/** The months of the trend charts: the twelve ending with the period's last month, or the whole period if longer. */
export function trendPeriod(range: PeriodRange): PeriodRange {
  const twelve = monthsBefore(firstOfMonth(range.to), 11);
  return { from: earlierDay(firstOfMonth(range.from), twelve), to: range.to };
}

/** The earlier of two ISO days (compared as text: same format, so same order). */
export function earlierDay(a: string, b: string): string {
  if (a <= b) return a;
  return b;
}

/** The quarter a day falls in: the 9-indicator evaluation's period for a dashboard period ending that day. */
export function quarterOf(day: string): { year: number; quarter: number } {
  const [year, month] = day.split('-').map(Number) as [number, number];
  return { year, quarter: Math.ceil(month / 3) };
}

/** A dashboard address: `/` for a unit, or another of its pages, with the period. */
export function dashboardHref(code: string, period: PeriodChoice, path = '/'): string {
  const params = new URLSearchParams({ [UNIT_PARAM]: code });
  for (const [key, value] of periodParams(period)) params.set(key, value);
  return `${path}?${params}`;
}

export interface UnitNode {
  code: string;
  name: string;
  validTo: string | null;
}

export interface UnitChoice {
  code: string;
  name: string;
  /** Null where the code now names another unit (reused on 1/7/2025): no page of its own. */
  href: string | null;
  /** For units that no longer exist: "đã sáp nhập vào … từ ngày …". */
  note: string | null;
}

const dmy = (day: string) => day.split('-').reverse().join('/');

function dayAfter(day: string): string {
  const next = new Date(`${day}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

/**
 * The name of a unit merged away, told apart from its successor: on 1/7/2025 a merged commune often
 * gave its name to the new one (xã Phước Hậu into xã Phước Hậu), and "Xã Phước Hậu › Xã Phước Hậu"
 * says nothing. A unit that still exists keeps its name.
 */
export function formerUnitName(unit: { name: string; validTo: string | null }): string {
  return unit.validTo ? `${unit.name} (trước ngày ${dmy(dayAfter(unit.validTo))})` : unit.name;
}

/**
 * What the unit picker offers below a unit: its current child units, and as history the units merged
 * into it (greyed, "đã sáp nhập vào …", still open on their own figures). A merged unit whose code
 * was given to a unit of today (22870: thị trấn Phước Dân, now xã Ninh Phước) cannot be asked for by
 * code, so it is listed without a link.
 */
export function unitChoices(
  unit: { code: string; name: string; children: readonly UnitNode[]; predecessors: readonly UnitNode[] },
  today: string,
  /** A unit's page; `lastDay` is the last day a unit of the history existed (null for a current one). */
  hrefOf: (code: string, lastDay: string | null) => string,
): { children: UnitChoice[]; history: UnitChoice[] } {
  const exists = (u: UnitNode) => u.validTo === null || u.validTo >= today;
  const current = unit.children.filter(exists);
  const taken = new Set([unit.code, ...current.map((c) => c.code)]);
  const byName = (a: UnitNode, b: UnitNode) => a.name.localeCompare(b.name, 'vi');
  const formerChildren = unit.children.filter((c) => !exists(c));
  return {
    children: [...current]
      .sort(byName)
      .map((c) => ({ code: c.code, name: c.name, href: hrefOf(c.code, null), note: null })),
    history: [...unit.predecessors, ...formerChildren].sort(byName).map((p) => ({
      code: p.code,
      // "Xã Phước Hậu đã sáp nhập vào Xã Phước Hậu" says nothing: a namesake is told apart by its date.
      name: p.name === unit.name ? formerUnitName(p) : p.name,
      href: taken.has(p.code) ? null : hrefOf(p.code, p.validTo),
      note: unit.predecessors.includes(p)
        ? `đã sáp nhập vào ${unit.name}${p.validTo ? ` từ ngày ${dmy(dayAfter(p.validTo))}` : ''}`
        : `không còn tồn tại${p.validTo ? ` từ ngày ${dmy(dayAfter(p.validTo))}` : ''}`,
    })),
  };
}
