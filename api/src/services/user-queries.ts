// Which accounts an administrator sees: those it manages (services/users.ts `manages`), i.e. whose
// every grant lies in its subtree; a system administrator sees all.
import type { Prisma, PrismaClient, Role } from '@tthc/db';
import type { Reach } from './access/reach.ts';
import { findAgency, subtreeIds } from './agencies.ts';
import type { Page } from './paging.ts';
import { normalizeUsername } from './user-input.ts';

export interface UserFilter {
  /** Part of the username, the name or the e-mail address (case-insensitive). */
  search?: string | null;
  /** Accounts with a grant on this agency or a unit below it. */
  agencyCode?: string | null;
  role?: Role | null;
  active?: boolean | null;
}

/**
 * `every` holds for an empty list, so `some` too: an account without grants is the system's alone.
 * A SYSTEM_ADMIN grant (agencyId null) must fail `every`: SQL's `NULL IN (…)` is not false, hence
 * the explicit `not: null`.
 */
const managedWhere = (reach: Reach): Prisma.UserWhereInput =>
  reach.everywhere
    ? {}
    : {
        roles: {
          some: {},
          every: { AND: [{ agencyId: { not: null } }, { agencyId: { in: [...reach.agencyIds] } }] },
        },
      };

async function userWhere(
  prisma: PrismaClient,
  reach: Reach,
  filter: UserFilter | null | undefined,
): Promise<Prisma.UserWhereInput> {
  const and: Prisma.UserWhereInput[] = [managedWhere(reach)];
  const search = filter?.search?.trim();
  if (search) {
    and.push({
      OR: [
        { username: { contains: search, mode: 'insensitive' } },
        { displayName: { contains: search, mode: 'insensitive' } },
        { email: { contains: search, mode: 'insensitive' } },
      ],
    });
  }
  if (filter?.agencyCode) {
    const agency = await findAgency(prisma, filter.agencyCode);
    const ids = agency ? await subtreeIds(prisma, agency.id) : [];
    and.push({ roles: { some: { agencyId: { in: ids } } } });
  }
  if (filter?.role) and.push({ roles: { some: { role: filter.role } } });
  if (filter?.active != null) and.push({ active: filter.active });
  return { AND: and };
}

const include = { roles: { include: { agency: true }, orderBy: { id: 'asc' } } } as const;

/** A page of accounts by id, and the number matching over all pages. */
export async function listUsers(prisma: PrismaClient, reach: Reach, filter: UserFilter | null | undefined) {
  const where = await userWhere(prisma, reach, filter);
  return {
    page: ({ after, before, limit, inverted }: Page<number>) =>
      prisma.user.findMany({
        where: {
          AND: [
            where,
            after !== undefined ? { id: { gt: after } } : {},
            before !== undefined ? { id: { lt: before } } : {},
          ],
        },
        include,
        orderBy: { id: inverted ? 'desc' : 'asc' },
        take: limit,
      }),
    count: () => prisma.user.count({ where }),
  };
}

/** The account with this username, or null when there is none the caller manages. */
export function findUser(prisma: PrismaClient, reach: Reach, username: string) {
  return prisma.user.findFirst({
    where: { AND: [managedWhere(reach), { username: normalizeUsername(username) }] },
    include,
  });
}
