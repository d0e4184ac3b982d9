// An API key may be limited to an agency subtree (ApiKey.agencyId): what it writes must stay inside.
import type { PrismaClient } from '@tthc/db';
import { AppError } from '../errors.ts';
import type { Principal } from '../server/auth.ts';
import { subtreeIds } from './agencies.ts';

/** Throws FORBIDDEN when a key limited to an agency subtree acts on an agency outside it. */
export async function assertAgencyInKeyScope(
  prisma: PrismaClient,
  principal: Principal,
  agencyId: number,
): Promise<void> {
  if (principal.kind !== 'apiKey' || principal.agencyId === null) return;
  if ((await subtreeIds(prisma, principal.agencyId)).includes(agencyId)) return;
  throw new AppError('FORBIDDEN', 'Khóa API chỉ được thao tác trên cơ quan, đơn vị thuộc phạm vi của khóa.');
}

/** Throws FORBIDDEN for a key limited to an agency subtree: the action concerns every agency. */
export function assertUnrestrictedKey(principal: Principal): void {
  if (principal.kind === 'apiKey' && principal.agencyId !== null) {
    throw new AppError(
      'FORBIDDEN',
      'Thao tác này áp dụng cho mọi cơ quan: cần khóa API không giới hạn đơn vị.',
    );
  }
}
