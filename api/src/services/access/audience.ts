import type { ApiScope, PrismaClient } from '@tthc/db';
import { agencyScopeOf } from './agency-scope.ts';
import { hasScope, type Principal } from './principal.ts';
import { reachWith } from './reach.ts';

/** Which agencies' dossiers a caller may act on or read details of: all, or an agency subtree. */
export type AgencyReach = (agencyId: number) => boolean;

const everywhere: AgencyReach = () => true;
const nowhere: AgencyReach = () => false;

/** The caller's agency scope for a capability (access/agency-scope.ts, the one place that decides it). */
export async function reachOf(
  prisma: PrismaClient,
  principal: Principal,
  capability: ApiScope = 'READ',
): Promise<AgencyReach> {
  const scope = await agencyScopeOf(prisma, principal, capability);
  return scope.unrestricted ? everywhere : (agencyId) => scope.isAllowed(agencyId);
}

/**
 * Who may read rating comments: an API key with the read scope, or an official with a role that reads
 * (VIEWER and above), within the subtrees of the grants that read (docs/api.md "Roles"). Citizens'
 * comments are meant for the officials who answer for the service; anonymous callers never get them.
 * A comment hidden by a moderator is never given to anyone through this (services/moderation.ts).
 */
export async function commentReaders(prisma: PrismaClient, principal: Principal): Promise<AgencyReach> {
  if (principal.kind !== 'apiKey' && principal.kind !== 'session') return nowhere;
  if (!hasScope(principal, 'READ')) return nowhere;
  const reach = await reachWith(prisma, principal, 'READ');
  return reach.everywhere ? everywhere : (agencyId) => reach.covers(agencyId);
}
