// Browsing the audit log (docs/api.md "Roles": a system administrator sees every entry, a unit
// admin those whose agency lies in its subtree; an entry of no agency is system-wide). Newest first.
import type { AuditLog, Prisma, PrismaClient } from '@tthc/db';
import { addDays, type Day, startOfDay } from '../domain/time.ts';
import type { Reach } from './access/reach.ts';
import { findAgency, subtreeIds } from './agencies.ts';
import type { Page } from './paging.ts';
import { checkPeriod } from './stats.ts';

export interface AuditFilter {
  /** The actor as written (USER:12, API_KEY:3, CLI). */
  actor?: string | null;
  /** The official who acted (its USER:n actor). */
  username?: string | null;
  /** An action (user.create), or its family before the dot (user). */
  action?: string | null;
  entity?: string | null;
  entityId?: string | null;
  /** Entries about this agency's subtree. */
  agencyCode?: string | null;
  /** Days in Asia/Ho_Chi_Minh, both included. */
  from?: Day | null;
  to?: Day | null;
}

/** Who an actor string names, for people to read. */
export interface ActorDescription {
  kind: 'USER' | 'API_KEY' | 'CLI' | 'OTHER';
  /** The username, or the key's prefix. */
  username: string | null;
  /** The official's full name, or the key's name. */
  name: string | null;
}

const NOTHING: Prisma.AuditLogWhereInput = { id: { lt: 0 } };

async function auditWhere(
  prisma: PrismaClient,
  reach: Reach,
  filter: AuditFilter | null | undefined,
): Promise<Prisma.AuditLogWhereInput> {
  const and: Prisma.AuditLogWhereInput[] = [
    reach.everywhere ? {} : { agencyId: { in: [...reach.agencyIds] } },
  ];
  if (filter?.actor) and.push({ actor: filter.actor.trim() });
  if (filter?.username) {
    const user = await prisma.user.findUnique({ where: { username: filter.username.trim().toLowerCase() } });
    and.push(user ? { actor: `USER:${user.id}` } : NOTHING);
  }
  const action = filter?.action?.trim();
  if (action) and.push({ OR: [{ action }, { action: { startsWith: `${action}.` } }] });
  if (filter?.entity) and.push({ entity: filter.entity.trim() });
  if (filter?.entityId) and.push({ entityId: filter.entityId.trim() });
  if (filter?.agencyCode) {
    const agency = await findAgency(prisma, filter.agencyCode.trim());
    and.push(agency ? { agencyId: { in: await subtreeIds(prisma, agency.id) } } : NOTHING);
  }
  if (filter?.from && filter.to) checkPeriod({ from: filter.from, to: filter.to });
  if (filter?.from) and.push({ at: { gte: startOfDay(filter.from) } });
  if (filter?.to) and.push({ at: { lt: startOfDay(addDays(filter.to, 1)) } });
  return { AND: and };
}

/** A page of entries, newest first (so `after` means older), and the number matching. */
export async function listAuditEntries(
  prisma: PrismaClient,
  reach: Reach,
  filter: AuditFilter | null | undefined,
) {
  const where = await auditWhere(prisma, reach, filter);
  return {
    page: async ({ after, before, limit, inverted }: Page<bigint>) => {
      const rows = await prisma.auditLog.findMany({
        where: {
          AND: [
            where,
            after !== undefined ? { id: { lt: after } } : {},
            before !== undefined ? { id: { gt: before } } : {},
          ],
        },
        orderBy: { id: inverted ? 'asc' : 'desc' },
        take: limit,
      });
      const actors = await describeActors(
        prisma,
        rows.map((r) => r.actor),
      );
      return rows.map((r) => ({ ...r, who: actors.get(r.actor)! }));
    },
    count: () => prisma.auditLog.count({ where }),
  };
}

export type AuditEntry = AuditLog & { who: ActorDescription };

/** USER:n and API_KEY:n resolved to their usernames and names, two queries for any number of actors. */
export async function describeActors(
  prisma: PrismaClient,
  actors: readonly string[],
): Promise<Map<string, ActorDescription>> {
  const idsOf = (kind: string) =>
    [...new Set(actors)].flatMap((a) => {
      const match = new RegExp(`^${kind}:([1-9][0-9]{0,9})$`).exec(a);
      return match && Number(match[1]) <= 2_147_483_647 ? [Number(match[1])] : [];
    });
  const [users, keys] = await Promise.all([
    prisma.user.findMany({
      where: { id: { in: idsOf('USER') } },
      select: { id: true, username: true, displayName: true },
    }),
    prisma.apiKey.findMany({
      where: { id: { in: idsOf('API_KEY') } },
      select: { id: true, prefix: true, name: true },
    }),
  ]);
  const described = new Map<string, ActorDescription>();
  for (const actor of actors) {
    const [kind, id] = actor.split(':');
    const user = kind === 'USER' ? users.find((u) => String(u.id) === id) : undefined;
    const key = kind === 'API_KEY' ? keys.find((k) => String(k.id) === id) : undefined;
    const known = kind === 'USER' || kind === 'API_KEY' ? kind : actor === 'CLI' ? 'CLI' : 'OTHER';
    described.set(actor, {
      kind: known,
      username: user?.username ?? key?.prefix ?? null,
      name: user?.displayName ?? key?.name ?? null,
    });
  }
  return described;
}
