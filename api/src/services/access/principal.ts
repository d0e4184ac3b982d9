import type { ApiScope } from '@tthc/db';

/** Who is calling. Citizens and the public are anonymous; systems use API keys (docs/architecture.md "Security model"). */
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
  | { kind: 'cli' };

export const anonymous: Principal = { kind: 'anonymous' };

export function hasScope(principal: Principal, scope: ApiScope): boolean {
  if (principal.kind === 'cli') return true;
  if (principal.kind !== 'apiKey') return false;
  // ADMIN implies the other scopes: an administrator may do what an ingest or read key may.
  return principal.scopes.includes(scope) || principal.scopes.includes('ADMIN');
}

/** How the actor is written in the audit log. */
export function actorOf(principal: Principal): string {
  switch (principal.kind) {
    case 'apiKey':
      return `API_KEY:${principal.keyId}`;
    case 'cli':
      return 'CLI';
    default:
      return 'ANONYMOUS';
  }
}
