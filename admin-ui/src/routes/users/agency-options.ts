// The agencies an administrator may pick when granting a role or limiting an API key: its own
// subtrees (the grants that carry UNIT_ADMIN), or every unit for a system administrator. Offering
// is convenience only; the API refuses a grant outside the caller's subtree (docs/api.md "Roles").
// Pure: agency-options.test.ts. Also used by /api-keys.
import type { Viewer } from '$lib/viewer';

export interface AgencyNode {
  code: string;
  name: string;
  level: string;
  parentCode: string | null;
}

export interface AgencyOption {
  value: string;
  label: string;
}

/** Roles in the order they are offered, most powerful first. */
export const GRANTABLE_ROLES = ['SYSTEM_ADMIN', 'UNIT_ADMIN', 'OFFICER', 'VIEWER', 'REFORM_MONITOR'] as const;
export type RoleValue = (typeof GRANTABLE_ROLES)[number];

export const isRole = (value: string): value is RoleValue =>
  (GRANTABLE_ROLES as readonly string[]).includes(value);

/** Each unit under its parent, children by name; units whose parent is not listed are roots. */
export function treeOrder(agencies: readonly AgencyNode[]): { node: AgencyNode; depth: number }[] {
  const codes = new Set(agencies.map((a) => a.code));
  const children = new Map<string | null, AgencyNode[]>();
  for (const agency of agencies) {
    const parent = agency.parentCode && codes.has(agency.parentCode) ? agency.parentCode : null;
    const list = children.get(parent) ?? [];
    list.push(agency);
    children.set(parent, list);
  }
  const byName = (a: AgencyNode, b: AgencyNode) => a.name.localeCompare(b.name, 'vi');
  const out: { node: AgencyNode; depth: number }[] = [];
  const seen = new Set<string>();
  const visit = (parent: string | null, depth: number) => {
    for (const node of (children.get(parent) ?? []).sort(byName)) {
      if (seen.has(node.code)) continue; // a cycle in bad data must not loop forever
      seen.add(node.code);
      out.push({ node, depth });
      visit(node.code, depth + 1);
    }
  };
  visit(null, 0);
  return out;
}

/** The units of the subtrees rooted at `roots` (the roots included). */
export function withinSubtrees(agencies: readonly AgencyNode[], roots: readonly string[]): AgencyNode[] {
  const inside = new Set(roots);
  // Parents come before children only in tree order; repeat until nothing is added.
  let grew = true;
  while (grew) {
    grew = false;
    for (const agency of agencies) {
      if (!inside.has(agency.code) && agency.parentCode && inside.has(agency.parentCode)) {
        inside.add(agency.code);
        grew = true;
      }
    }
  }
  return agencies.filter((agency) => inside.has(agency.code));
}

export interface Grantable {
  /** A SYSTEM_ADMIN grant: every unit, and roles or keys for the whole system. */
  everywhere: boolean;
  roles: RoleValue[];
  agencies: AgencyNode[];
}

/**
 * The units under the grants of `viewer` that carry one of `roles` (a SYSTEM_ADMIN grant: all of
 * them): where it administers (UNIT_ADMIN), or where it reads comments (any role).
 */
export function agenciesWhere(
  viewer: Viewer | null,
  agencies: readonly AgencyNode[],
  roles: readonly string[],
): { everywhere: boolean; agencies: AgencyNode[] } {
  const everywhere = viewer?.roles.some((grant) => grant.role === 'SYSTEM_ADMIN') ?? false;
  if (everywhere) return { everywhere, agencies: [...agencies] };
  const roots = (viewer?.roles ?? [])
    .filter((grant) => roles.includes(grant.role) && grant.agencyCode)
    .map((grant) => grant.agencyCode as string);
  return { everywhere: false, agencies: roots.length > 0 ? withinSubtrees(agencies, roots) : [] };
}

/** What `viewer` may grant: SYSTEM_ADMIN only by a system administrator; units in its admin subtrees. */
export function grantableFor(viewer: Viewer | null, agencies: readonly AgencyNode[]): Grantable {
  const where = agenciesWhere(viewer, agencies, ['UNIT_ADMIN']);
  const isUnitAdmin = viewer?.roles.some((grant) => grant.role === 'UNIT_ADMIN' && grant.agencyCode) ?? false;
  return {
    everywhere: where.everywhere,
    roles: where.everywhere
      ? [...GRANTABLE_ROLES]
      : isUnitAdmin
        ? ['UNIT_ADMIN', 'OFFICER', 'VIEWER', 'REFORM_MONITOR']
        : [],
    agencies: where.agencies,
  };
}

/** `<option>`s in tree order, indented by depth (no-break spaces: a select collapses ordinary ones). */
export function agencyOptions(agencies: readonly AgencyNode[]): AgencyOption[] {
  return treeOrder(agencies).map(({ node, depth }) => ({
    value: node.code,
    label: `${'\u00a0\u00a0\u00a0'.repeat(depth)}${node.name} (${node.code})`,
  }));
}
