import type { PrismaClient } from '@tthc/db';
import { hasScope, type Principal } from '../../server/auth.ts';
import { subtreeIds } from '../agencies.ts';

/** Which agencies' dossiers a caller may act on or read details of: all, or an agency subtree. */
export type AgencyReach = (agencyId: number) => boolean;

const everywhere: AgencyReach = () => true;
const nowhere: AgencyReach = () => false;

/** An API key limited to an agency reaches its subtree (with the units merged into it); others reach all. */
export async function reachOf(prisma: PrismaClient, principal: Principal): Promise<AgencyReach> {
  if (principal.kind !== 'apiKey' || principal.agencyId === null) return everywhere;
  const ids = new Set(await subtreeIds(prisma, principal.agencyId));
  return (agencyId) => ids.has(agencyId);
}

/**
 * Who may read rating comments: for now an API key with the read scope, within its reach. Citizens'
 * comments are meant for the officials who answer for the service; anonymous subscribers never get them.
 */
export async function commentReaders(prisma: PrismaClient, principal: Principal): Promise<AgencyReach> {
  if (principal.kind !== 'apiKey' || !hasScope(principal, 'READ')) return nowhere;
  return reachOf(prisma, principal);
}
