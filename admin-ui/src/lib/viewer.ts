// The signed-in official as the pages see it (from the API's `viewer`), and what the UI offers them.
// Offering is convenience only: the API decides every operation (docs/api.md "Roles").
import type { AdminViewerQuery } from './graphql/generated/graphql';

export interface RoleGrant {
  role: string;
  /** Null for SYSTEM_ADMIN: the whole system. */
  agencyCode: string | null;
  agencyName: string | null;
  agencyLevel: string | null;
}

export interface Viewer {
  name: string;
  username: string;
  roles: RoleGrant[];
}

/** The official behind a session; null for anything else (an API key, anonymous). */
export function viewerFromApi(viewer: AdminViewerQuery['viewer']): Viewer | null {
  if (viewer.kind !== 'SESSION' || !viewer.username) return null;
  return {
    name: viewer.name ?? viewer.username,
    username: viewer.username,
    roles: viewer.roles.map((grant) => ({
      role: grant.role,
      agencyCode: grant.agency?.code ?? null,
      agencyName: grant.agency?.name ?? null,
      agencyLevel: grant.agency?.level ?? null,
    })),
  };
}

/** The roles that read the figures, comments and tasks of their subtree (every role but SYSTEM_ADMIN,
 * which reads everything anyway): the READ capability of docs/api.md "Roles". */
export const READER_ROLES = ['UNIT_ADMIN', 'OFFICER', 'VIEWER', 'REFORM_MONITOR'] as const;

export const hasRole = (viewer: Viewer | null, ...roles: string[]) =>
  viewer?.roles.some((grant) => roles.includes(grant.role)) ?? false;

export const isSystemAdmin = (viewer: Viewer | null) => hasRole(viewer, 'SYSTEM_ADMIN');

/** SYSTEM_ADMIN or the unit admin of some agency. */
export const isAdmin = (viewer: Viewer | null) => hasRole(viewer, 'SYSTEM_ADMIN', 'UNIT_ADMIN');

/** OFFICER and above (the roles that enter data for their unit). */
export const isOfficer = (viewer: Viewer | null) => hasRole(viewer, 'SYSTEM_ADMIN', 'UNIT_ADMIN', 'OFFICER');

/** The province's catalogue: SYSTEM_ADMIN, or a unit admin of a provincial-level agency. */
export function canEditCatalogue(viewer: Viewer | null): boolean {
  return (
    viewer?.roles.some(
      (grant) =>
        grant.role === 'SYSTEM_ADMIN' ||
        (grant.role === 'UNIT_ADMIN' &&
          (grant.agencyLevel === 'PROVINCE' || grant.agencyLevel === 'DEPARTMENT')),
    ) ?? false
  );
}
