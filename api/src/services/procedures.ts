import type { Channel, OnlineLevel, Prisma, PrismaClient, Procedure } from '@tthc/db';
import type pg from 'pg';
import { CHANNEL_LABELS } from '../domain/procedure-record.ts';
import {
  MAX_SEARCH_LENGTH,
  MAX_SEARCH_WORDS,
  searchLimitExceeded,
  searchWords,
} from '../domain/search-text.ts';
import { badInput, notFound } from '../errors.ts';
import { resolveAgency, subtreeIds } from './agencies.ts';

export interface ProcedureFilter {
  search?: string | null;
  sectorCode?: string | null;
  agencyCode?: string | null;
  onlineLevel?: OnlineLevel | null;
}

/**
 * Catalogue filter. Search is accent- and case-insensitive on the name, and also matches the code
 * ("dang ky khai sinh", "Đăng ký khai sinh" and "1.001193" all find Thủ tục đăng ký khai sinh).
 * `agencyCode` covers the agency's whole subtree: a province lists its departments' and communes'.
 */
/** Which procedures by publication: the public catalogue lists the published ones only. */
export type Publication = 'PUBLISHED' | 'WITHDRAWN' | 'ALL';

export async function procedureWhere(
  prisma: PrismaClient,
  filter: ProcedureFilter | null | undefined,
  publication: Publication = 'PUBLISHED',
): Promise<Prisma.ProcedureWhereInput> {
  const where: Prisma.ProcedureWhereInput[] =
    publication === 'ALL' ? [] : [{ active: publication === 'PUBLISHED' }];
  const search = filter?.search?.trim();
  if (search) {
    const refused = searchLimitExceeded(search);
    if (refused) throw badInput(refused, { maxLength: MAX_SEARCH_LENGTH, maxWords: MAX_SEARCH_WORDS });
    // One `contains` (one query parameter) per distinct word, at most MAX_SEARCH_WORDS.
    const words = searchWords(search);
    where.push({
      OR: [{ code: { startsWith: search } }, { AND: words.map((w) => ({ searchText: { contains: w } })) }],
    });
  }
  if (filter?.sectorCode) where.push({ sector: { code: filter.sectorCode } });
  if (filter?.onlineLevel) where.push({ onlineLevel: filter.onlineLevel });
  if (filter?.agencyCode) {
    const agency = await resolveAgency(prisma, filter.agencyCode);
    const ids = await subtreeIds(prisma, agency.id, { includePredecessors: false });
    where.push({ agencies: { some: { agencyId: { in: ids } } } });
  }
  return { AND: where };
}

export async function resolveProcedure(prisma: PrismaClient, code: string): Promise<Procedure> {
  const procedure = await prisma.procedure.findUnique({ where: { code } });
  if (!procedure) throw notFound('thủ tục hành chính', code);
  return procedure;
}

/**
 * The Procedure row of a code as Prisma returns it (procedures.test.ts compares the two), read with
 * one prepared statement: the widget's public reads name a procedure by its code on every page
 * view, and a Prisma query costs ~0.5 ms of CPU where this costs ~0.05 ms (docs/benchmarks.md
 * "Public reads"). For the row alone: relations still go through Prisma.
 */
export async function procedureRowByCode(pool: pg.Pool, code: string): Promise<Procedure | null> {
  const { rows } = await pool.query<Procedure>({
    name: 'procedure_row_by_code',
    text: `SELECT id, code, "variantCode", name, "searchText", "sectorId", levels::text[] AS levels, "onlineLevel",
                  "eligibleForFullOnline", active, "currentVersionId", "createdAt", "updatedAt"
             FROM "Procedure" WHERE code = $1`,
    values: [code],
  });
  return rows[0] ?? null;
}

/** As resolveProcedure, by procedureRowByCode. */
export async function resolveProcedureRow(pool: pg.Pool, code: string): Promise<Procedure> {
  const procedure = await procedureRowByCode(pool, code);
  if (!procedure) throw notFound('thủ tục hành chính', code);
  return procedure;
}

/** Vietnamese names of the channels, as the national portal writes them. */
export const CHANNEL_NAMES: Record<Channel, string> = CHANNEL_LABELS;
