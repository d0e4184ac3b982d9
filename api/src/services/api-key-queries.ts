// Which API keys an administrator sees: those limited to agencies of its subtree; a key for every
// agency (agencyId null) only a system administrator sees, as only one issues it.
import type { Prisma, PrismaClient } from '@tthc/db';
import type { Reach } from './access/reach.ts';
import { findAgency, subtreeIds } from './agencies.ts';
import type { Page } from './paging.ts';

export interface ApiKeyFilter {
  /** Part of the name or the prefix (case-insensitive). */
  search?: string | null;
  /** Keys limited to this agency or a unit below it. */
  agencyCode?: string | null;
  /** True: not revoked; false: revoked. */
  active?: boolean | null;
}

async function keyWhere(prisma: PrismaClient, reach: Reach, filter: ApiKeyFilter | null | undefined) {
  const and: Prisma.ApiKeyWhereInput[] = [reach.everywhere ? {} : { agencyId: { in: [...reach.agencyIds] } }];
  const search = filter?.search?.trim();
  if (search) {
    and.push({
      OR: [
        { name: { contains: search, mode: 'insensitive' } },
        { prefix: { startsWith: search.toLowerCase() } },
      ],
    });
  }
  if (filter?.agencyCode) {
    const agency = await findAgency(prisma, filter.agencyCode);
    and.push({ agencyId: { in: agency ? await subtreeIds(prisma, agency.id) : [] } });
  }
  if (filter?.active != null) and.push({ revokedAt: filter.active ? null : { not: null } });
  return { AND: and } satisfies Prisma.ApiKeyWhereInput;
}

/** A page of keys, newest first (so `after` means an older key), and the number matching. */
export async function listApiKeys(
  prisma: PrismaClient,
  reach: Reach,
  filter: ApiKeyFilter | null | undefined,
) {
  const where = await keyWhere(prisma, reach, filter);
  return {
    page: ({ after, before, limit, inverted }: Page<number>) =>
      prisma.apiKey.findMany({
        where: {
          AND: [
            where,
            after !== undefined ? { id: { lt: after } } : {},
            before !== undefined ? { id: { gt: before } } : {},
          ],
        },
        include: { agency: true },
        orderBy: { id: inverted ? 'asc' : 'desc' },
        take: limit,
      }),
    count: () => prisma.apiKey.count({ where }),
  };
}
