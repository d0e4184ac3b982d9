// What the reform task pages offer an official (docs/api.md "Roles"): entering and editing tasks is
// for the roles with the `reform` capability (SYSTEM_ADMIN, UNIT_ADMIN, REFORM_MONITOR) over the
// units concerned; reporting progress also for officers of the responsible unit; viewers read. Offering
// is convenience only: the API decides. Pure.
import { READER_ROLES, type Viewer } from '$lib/viewer';
import { type AgencyNode, agenciesWhere } from '../users/agency-options';

export const EDITOR_ROLES = ['UNIT_ADMIN', 'REFORM_MONITOR'] as const;
export const REPORTER_ROLES = ['UNIT_ADMIN', 'OFFICER', 'REFORM_MONITOR'] as const;
export { READER_ROLES };

/** The codes of the units where `viewer` holds one of `roles` (all of them for a system administrator). */
export function unitsWhere(viewer: Viewer | null, agencies: readonly AgencyNode[], roles: readonly string[]) {
  const where = agenciesWhere(viewer, agencies, roles);
  return {
    everywhere: where.everywhere,
    agencies: where.agencies,
    codes: new Set(where.agencies.map((a) => a.code)),
  };
}

/** Whether `viewer` may edit a task of these units (both in its editing subtree). */
export function mayEdit(
  viewer: Viewer | null,
  agencies: readonly AgencyNode[],
  task: { agencyCode: string; ownerAgencyCode: string },
): boolean {
  const { everywhere, codes } = unitsWhere(viewer, agencies, EDITOR_ROLES);
  return everywhere || (codes.has(task.agencyCode) && codes.has(task.ownerAgencyCode));
}

/** Whether `viewer` may report on a task of this responsible unit. */
export function mayReport(
  viewer: Viewer | null,
  agencies: readonly AgencyNode[],
  agencyCode: string,
): boolean {
  const { everywhere, codes } = unitsWhere(viewer, agencies, REPORTER_ROLES);
  return everywhere || codes.has(agencyCode);
}
