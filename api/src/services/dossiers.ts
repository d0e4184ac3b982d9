// Reading one dossier's private details (its timeline): who may, and which dossiers they see.
import type { Prisma, PrismaClient } from '@tthc/db';
import { AppError } from '../errors.ts';
import { agencyScopeOf } from './access/agency-scope.ts';
import { hasScope, type Principal } from './access/principal.ts';

/**
 * The dossier `code` for a caller with a key that reads (or ingests), within the key's agency
 * subtree; another unit's dossier is not revealed (null, the answer for an unknown code).
 * `query` is the selection Pothos asks Prisma for (relations of the timeline in one query).
 */
export async function findDossierFor(
  prisma: PrismaClient,
  principal: Principal,
  code: string,
  query: Omit<Prisma.DossierFindUniqueArgs, 'where'>,
) {
  if (principal.kind === 'anonymous') {
    throw new AppError('UNAUTHENTICATED', 'Cần khóa API để xem hồ sơ.');
  }
  if (!hasScope(principal, 'READ') && !hasScope(principal, 'INGEST')) {
    throw new AppError('FORBIDDEN', 'Khóa API không có quyền xem hồ sơ.');
  }
  const [dossier, scope] = await Promise.all([
    prisma.dossier.findUnique({ ...query, where: { code } }),
    agencyScopeOf(prisma, principal),
  ]);
  return dossier && scope.isAllowed(dossier.agencyId) ? dossier : null;
}
