// An API key may be limited to an agency subtree (ApiKey.agencyId): what it reads privately and what
// it writes must stay inside. This module is the one place that decides it, for every private read
// and write that concerns an agency (dossier events by GraphQL and by the national sync, the dossier
// timeline, evaluation scores, paper surveys).
import type { ApiScope, PrismaClient } from '@tthc/db';
import { AppError } from '../../errors.ts';
import { subtreeIds } from '../agencies.ts';
import { type Principal, roleHasScope } from './principal.ts';

/** The agencies a caller may act on: everything, or the subtree of its key's agency. */
export interface AgencyScope {
  /** False for a key limited to an agency subtree. */
  readonly unrestricted: boolean;
  /** Whether the caller may act on (or read the private data of) this agency. */
  isAllowed(agencyId: number): boolean;
}

export const UNRESTRICTED: AgencyScope = Object.freeze({ unrestricted: true, isAllowed: () => true });

/**
 * The refusal of an agency outside the caller's subtree. Keys and signed-in officials are limited
 * alike, so the message names the one the caller used (the code stays the same for both).
 */
export function outOfScopeMessage(principal: Principal): string {
  return principal.kind === 'session'
    ? 'Tài khoản chỉ được thao tác trên cơ quan, đơn vị được phân quyền và các đơn vị trực thuộc.'
    : 'Khóa API chỉ được thao tác trên cơ quan, đơn vị thuộc phạm vi của khóa và các đơn vị trực thuộc.';
}

/** The same refusal when the caller is not known: true of a key and of an account. */
export const OUT_OF_SCOPE_MESSAGE =
  'Cơ quan, đơn vị này nằm ngoài phạm vi được phép của khóa API hoặc tài khoản đang dùng.';

// One subtree query per request and capability: authenticate() builds a new Principal for every
// request, so a cache keyed by the principal object lives exactly as long as the request (and a
// batch of 1,000 events, or several resolvers of one operation, share one answer).
const scopes = new WeakMap<Principal, Map<ApiScope, Promise<AgencyScope>>>();

/**
 * The scope of a caller for one capability (READ by default). Anonymous callers, the CLI and keys
 * without an agency are unrestricted here: whether they may call an operation at all is the business
 * of the scopes (read, ingest, admin). A key limited to an agency reaches that agency's subtree with
 * history (subtreeIds: units merged into it included), the same set the statistics of that agency
 * cover. A signed-in official reaches the subtrees of the grants that carry the capability: a VIEWER
 * of one commune who is an OFFICER of another records events for the second only.
 */
export function agencyScopeOf(
  prisma: PrismaClient,
  principal: Principal,
  capability: ApiScope = 'READ',
): Promise<AgencyScope> {
  const roots = scopeRoots(principal, capability);
  if (roots === null) return Promise.resolve(UNRESTRICTED);
  let byCapability = scopes.get(principal);
  if (!byCapability) {
    byCapability = new Map();
    scopes.set(principal, byCapability);
  }
  let scope = byCapability.get(capability);
  if (!scope) {
    const cache = byCapability;
    scope = Promise.all(roots.map((root) => subtreeIds(prisma, root))).then((trees): AgencyScope => {
      const allowed = new Set(trees.flat());
      return { unrestricted: false, isAllowed: (agencyId) => allowed.has(agencyId) };
    });
    // A failed query is not remembered: the next resolver of the request asks again.
    scope.catch(() => cache.delete(capability));
    byCapability.set(capability, scope);
  }
  return scope;
}

/**
 * The agencies whose subtrees bound a caller, or null when nothing does: a key's agency, or the
 * agencies of a signed-in official's grants that carry `capability` (a SYSTEM_ADMIN grant has none:
 * everywhere; no such grant: an empty list, nowhere).
 */
function scopeRoots(principal: Principal, capability: ApiScope): number[] | null {
  if (principal.kind === 'apiKey') return principal.agencyId === null ? null : [principal.agencyId];
  if (principal.kind === 'session') {
    const grants = principal.roles.filter((g) => roleHasScope(g.role, capability));
    if (grants.some((g) => g.agencyId === null)) return null;
    return grants.map((g) => g.agencyId as number);
  }
  return null;
}

/** Throws FORBIDDEN when a key or an official limited to an agency subtree acts on an agency outside it. */
export async function assertAgencyInKeyScope(
  prisma: PrismaClient,
  principal: Principal,
  agencyId: number,
  capability: ApiScope = 'READ',
): Promise<void> {
  if ((await agencyScopeOf(prisma, principal, capability)).isAllowed(agencyId)) return;
  throw new AppError('FORBIDDEN', outOfScopeMessage(principal));
}

/** Throws FORBIDDEN for a key or an official limited to an agency subtree: the action concerns every agency. */
export function assertUnrestrictedKey(principal: Principal): void {
  if (scopeRoots(principal, 'READ') !== null) {
    throw new AppError(
      'FORBIDDEN',
      principal.kind === 'session'
        ? 'Thao tác này áp dụng cho mọi cơ quan: chỉ quản trị hệ thống được thực hiện.'
        : 'Thao tác này áp dụng cho mọi cơ quan: cần khóa API không giới hạn đơn vị.',
    );
  }
}
