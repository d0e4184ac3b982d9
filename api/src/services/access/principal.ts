import type { ApiScope, Role } from '@tthc/db';

/** A role of a signed-in official, on an agency and everything under it (null: the whole system). */
export interface RoleGrant {
  role: Role;
  agencyId: number | null;
}

/**
 * Who is calling (docs/architecture.md "Security model"). Citizens and the public are anonymous;
 * systems use API keys; officials sign in (a session) and act with their roles.
 */
export type Principal =
  | { kind: 'anonymous' }
  | {
      kind: 'apiKey';
      keyId: number;
      name: string;
      scopes: readonly ApiScope[];
      agencyId: number | null;
      /** The key's own request budget (docs/limits.md). */
      rateLimitPerMinute: number;
    }
  | {
      kind: 'session';
      sessionId: number;
      userId: number;
      username: string;
      displayName: string;
      roles: readonly RoleGrant[];
    }
  | { kind: 'cli' };

/**
 * What each role may do, in the scopes the API checks (docs/api.md "Roles"), always within the
 * agency subtree of the grant (access/agency-scope.ts): an administrator configures, an officer also
 * records (paper surveys, self-scored points, dossier events), a viewer reads private figures. The
 * Internal Affairs office (REFORM_MONITOR) reads, and manages the reform programme's tasks.
 */
const ROLE_SCOPES: Record<Role, readonly ApiScope[]> = {
  SYSTEM_ADMIN: ['READ', 'INGEST', 'ADMIN', 'REFORM'],
  UNIT_ADMIN: ['READ', 'INGEST', 'ADMIN', 'REFORM'],
  OFFICER: ['READ', 'INGEST'],
  VIEWER: ['READ'],
  REFORM_MONITOR: ['READ', 'REFORM'],
};

export const anonymous: Principal = { kind: 'anonymous' };

/** Whether a role carries a scope (an administrator reads and records too). */
export const roleHasScope = (role: Role, scope: ApiScope): boolean => ROLE_SCOPES[role].includes(scope);

export function hasScope(principal: Principal, scope: ApiScope): boolean {
  if (principal.kind === 'cli') return true;
  if (principal.kind === 'session') return principal.roles.some((g) => roleHasScope(g.role, scope));
  if (principal.kind !== 'apiKey') return false;
  // ADMIN implies the other scopes: an administrator may do what an ingest or read key may.
  return principal.scopes.includes(scope) || principal.scopes.includes('ADMIN');
}

/** How the actor is written in the audit log. */
export function actorOf(principal: Principal): string {
  switch (principal.kind) {
    case 'apiKey':
      return `API_KEY:${principal.keyId}`;
    case 'session':
      return `USER:${principal.userId}`;
    case 'cli':
      return 'CLI';
    default:
      return 'ANONYMOUS';
  }
}
