// Where a caller may use one capability (read, ingest, admin): the permission table of docs/api.md
// "Roles" is "this capability, within the subtree of the grant that carries it". An official with
// VIEWER on one commune and UNIT_ADMIN on another administers the second only, so the subtrees are
// those of the grants that carry the capability, not of all of them. agency-scope.ts answers the
// same question per capability for the older reads and writes (as an AgencyScope; it also lets a key
// without the capability through, its scopes being checked by the operation): the two could share
// their grant filter and subtree cache.
import type { ApiScope, PrismaClient } from '@tthc/db';
import { subtreeIds } from '../agencies.ts';
import { hasScope, type Principal, roleHasScope } from './principal.ts';

export interface Reach {
  /** Everywhere: a SYSTEM_ADMIN grant, a key without an agency, the CLI. */
  readonly everywhere: boolean;
  /** The agencies reached when not everywhere (subtrees with history); empty: nowhere. */
  readonly agencyIds: readonly number[];
  /**
   * Whether the caller may act on this agency; null stands for the whole system (a SYSTEM_ADMIN
   * grant, a key without an agency, a province-wide audit entry), reached only from everywhere.
   */
  covers(agencyId: number | null): boolean;
}

/** The reach of the CLI and of a system administrator. */
export const EVERYWHERE: Reach = Object.freeze({ everywhere: true, agencyIds: [], covers: () => true });
const NOWHERE: Reach = Object.freeze({ everywhere: false, agencyIds: [], covers: () => false });

/** Who makes an administrative change: the audit actor, where it administers, its own account if any. */
export interface Admin {
  actor: string;
  reach: Reach;
  userId?: number | null;
}

// authenticate() builds a Principal per request, so this cache lives as long as the request.
const cache = new WeakMap<Principal, Map<ApiScope, Promise<Reach>>>();

/** The agencies where `principal` may use `capability`. */
export function reachWith(prisma: PrismaClient, principal: Principal, capability: ApiScope): Promise<Reach> {
  let byCapability = cache.get(principal);
  if (!byCapability) {
    byCapability = new Map();
    cache.set(principal, byCapability);
  }
  let reach = byCapability.get(capability);
  if (!reach) {
    reach = computeReach(prisma, principal, capability);
    reach.catch(() => byCapability.delete(capability));
    byCapability.set(capability, reach);
  }
  return reach;
}

async function computeReach(
  prisma: PrismaClient,
  principal: Principal,
  capability: ApiScope,
): Promise<Reach> {
  const roots = rootsOf(principal, capability);
  if (roots === 'everywhere') return EVERYWHERE;
  if (roots.length === 0) return NOWHERE;
  const ids = new Set((await Promise.all(roots.map((root) => subtreeIds(prisma, root)))).flat());
  return {
    everywhere: false,
    agencyIds: [...ids],
    covers: (agencyId) => agencyId !== null && ids.has(agencyId),
  };
}

function rootsOf(principal: Principal, capability: ApiScope): number[] | 'everywhere' {
  switch (principal.kind) {
    case 'cli':
      return 'everywhere';
    case 'apiKey':
      if (!hasScope(principal, capability)) return [];
      return principal.agencyId === null ? 'everywhere' : [principal.agencyId];
    case 'session': {
      const grants = principal.roles.filter((g) => roleHasScope(g.role, capability));
      if (grants.some((g) => g.agencyId === null)) return 'everywhere';
      return grants.map((g) => g.agencyId as number);
    }
    default:
      return [];
  }
}
