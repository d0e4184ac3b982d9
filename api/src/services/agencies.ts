import type { Agency, AgencyLevel, Prisma, PrismaClient } from '@tthc/db';
import {
  MAX_SEARCH_LENGTH,
  MAX_SEARCH_WORDS,
  searchLimitExceeded,
  toSearchText,
} from '../domain/search-text.ts';
import { type Day, dayOf } from '../domain/time.ts';
import { badInput, notFound } from '../errors.ts';
import { dateColumn } from './date-columns.ts';

// Unit codes are reused across the 1/7/2025 mergers (docs/domain.md §0: 22870 was TT Phước Dân until
// 30/6/2025 and is xã Ninh Phước from 1/7/2025), so a code is always resolved on a day.

/** Prisma filter: units in existence on `day` (null bounds = open / unknown). */
export function validOn(day: Day): Prisma.AgencyWhereInput {
  const d = dateColumn(day);
  return {
    AND: [
      { OR: [{ validFrom: null }, { validFrom: { lte: d } }] },
      { OR: [{ validTo: null }, { validTo: { gte: d } }] },
    ],
  };
}

/**
 * The unit with this code on `on` (default today). Without an explicit day, a code that no longer
 * exists resolves to its most recent holder, so old codes in old documents still find their unit.
 */
export async function findAgency(prisma: PrismaClient, code: string, on?: Day): Promise<Agency | null> {
  const day = on ?? dayOf(new Date());
  const current = await prisma.agency.findFirst({
    where: { code, ...validOn(day) },
    orderBy: { validFrom: 'desc' },
  });
  if (current || on) return current;
  return prisma.agency.findFirst({
    where: { code },
    orderBy: [{ validTo: { sort: 'desc', nulls: 'first' } }, { validFrom: { sort: 'desc', nulls: 'last' } }],
  });
}

export async function resolveAgency(prisma: PrismaClient, code: string, on?: Day): Promise<Agency> {
  const agency = await findAgency(prisma, code, on);
  if (!agency) throw notFound('cơ quan, đơn vị', code);
  return agency;
}

/**
 * The unit a code names in the figures of a period (docs/domain.md §0 "A code in figures"): the unit
 * holding it on `activeOn` when one is asked for (NOT_FOUND when none did), else the one holding it on
 * the period's last day, else — the code not in use that day — its most recent holder. Every figure
 * query resolves its agency code here, so `stats`, `index766`, `sipas`, the evaluation and the reports
 * of one code and period speak of the same unit.
 */
export async function resolveAgencyForPeriod(
  prisma: PrismaClient,
  code: string,
  periodEnd: Day,
  activeOn?: Day | null,
): Promise<Agency> {
  if (activeOn) return resolveAgency(prisma, code, activeOn);
  return (await findAgency(prisma, code, periodEnd)) ?? resolveAgency(prisma, code);
}

export interface AgencyFilter {
  search?: string | null;
  level?: AgencyLevel | null;
  parentCode?: string | null;
  activeOn?: Day | null;
}

export async function agencyWhere(prisma: PrismaClient, filter: AgencyFilter | null | undefined) {
  const where: Prisma.AgencyWhereInput[] = [];
  if (filter?.search) {
    const refused = searchLimitExceeded(filter.search.trim());
    if (refused) throw badInput(refused, { maxLength: MAX_SEARCH_LENGTH, maxWords: MAX_SEARCH_WORDS });
    where.push({ searchText: { contains: toSearchText(filter.search) } });
  }
  if (filter?.level) where.push({ level: filter.level });
  if (filter?.activeOn) where.push(validOn(filter.activeOn));
  if (filter?.parentCode) {
    const parent = await resolveAgency(prisma, filter.parentCode, filter.activeOn ?? undefined);
    where.push({ parentId: parent.id });
  }
  return { AND: where } satisfies Prisma.AgencyWhereInput;
}

/**
 * Ids of an agency's whole subtree, with history: children, their children, and every unit that
 * was merged into one of them (and that unit's own subtree). So a province today also covers the
 * former district and communes whose successors it now holds.
 */
export async function subtreeIds(
  prisma: PrismaClient,
  agencyId: number,
  options: { includePredecessors?: boolean } = {},
): Promise<number[]> {
  const includePredecessors = options.includePredecessors ?? true;
  const rows = await prisma.$queryRaw<{ id: number }[]>`
    WITH RECURSIVE tree(id) AS (
      SELECT ${agencyId}::int
      UNION
      SELECT a.id FROM "Agency" a JOIN tree t
        ON a."parentId" = t.id OR (${includePredecessors} AND a."successorId" = t.id)
    )
    SELECT id FROM tree`;
  return rows.map((r) => r.id);
}

/**
 * Whether `agencyId` is `rootId` or lies in its subtree (with history, as subtreeIds): a move or a
 * merge of `rootId` under or into it would make a cycle.
 */
export async function isInSubtree(prisma: PrismaClient, rootId: number, agencyId: number): Promise<boolean> {
  return agencyId === rootId || (await subtreeIds(prisma, rootId)).includes(agencyId);
}

/**
 * The smallest unit whose subtree (with history, as subtreeIds) holds all of these agencies: where
 * an audit entry about several of them belongs (a user's grants on two communes: their province).
 * Null when they share none, or for an empty list.
 */
export async function commonAncestor(
  prisma: PrismaClient,
  agencyIds: readonly number[],
): Promise<number | null> {
  const ids = [...new Set(agencyIds)];
  if (ids.length <= 1) return ids[0] ?? null;
  // Upwards through parents and successors: the reverse of the edges subtreeIds walks down.
  const rows = await prisma.$queryRaw<{ start: number; id: number; depth: number }[]>`
    WITH RECURSIVE up(start, id, depth) AS (
      SELECT a.id, a.id, 0 FROM "Agency" a WHERE a.id = ANY(${ids}::int[])
      UNION
      SELECT up.start, n.id, up.depth + 1
        FROM up JOIN "Agency" a ON a.id = up.id
        JOIN "Agency" n ON n.id = a."parentId" OR n.id = a."successorId"
       WHERE up.depth < 50
    )
    SELECT start, id, min(depth)::int AS depth FROM up GROUP BY start, id`;
  const depthSum = new Map<number, { starts: number; depth: number }>();
  for (const r of rows) {
    const seen = depthSum.get(r.id) ?? { starts: 0, depth: 0 };
    depthSum.set(r.id, { starts: seen.starts + 1, depth: seen.depth + r.depth });
  }
  let best: { id: number; depth: number } | null = null;
  for (const [id, { starts, depth }] of depthSum) {
    if (starts === ids.length && (!best || depth < best.depth)) best = { id, depth };
  }
  return best?.id ?? null;
}
