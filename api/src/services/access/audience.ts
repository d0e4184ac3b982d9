import type { PrismaClient } from '@tthc/db';
import { agencyScopeOf } from './agency-scope.ts';
import { hasScope, type Principal } from './principal.ts';

/** Which agencies' dossiers a caller may act on or read details of: all, or an agency subtree. */
export type AgencyReach = (agencyId: number) => boolean;

const everywhere: AgencyReach = () => true;
const nowhere: AgencyReach = () => false;

/** The caller's agency scope (access/agency-scope.ts, the one place that decides it). */
export async function reachOf(prisma: PrismaClient, principal: Principal): Promise<AgencyReach> {
  const scope = await agencyScopeOf(prisma, principal);
  return scope.unrestricted ? everywhere : (agencyId) => scope.isAllowed(agencyId);
}

/**
 * Who may read rating comments: for now an API key with the read scope, within its reach. Citizens'
 * comments are meant for the officials who answer for the service; anonymous subscribers never get them.
 */
export async function commentReaders(prisma: PrismaClient, principal: Principal): Promise<AgencyReach> {
  if (principal.kind !== 'apiKey' || !hasScope(principal, 'READ')) return nowhere;
  return reachOf(prisma, principal);
}
