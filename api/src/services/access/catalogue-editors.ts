// Who edits the province's procedure catalogue (docs/api.md "Roles", the permission table of issue 9):
// a system administrator, an unrestricted admin key, or an administrator (UNIT_ADMIN, or an admin key)
// of a provincial-level agency — the province's People's Committee or one of its departments. A
// commune's administrator sets which catalogue procedures the commune implements, not the catalogue.
import type { AgencyLevel, PrismaClient } from '@tthc/db';
import { dayOf } from '../../domain/time.ts';
import type { ErrorCode } from '../../errors.ts';
import { validOn } from '../agencies.ts';
import { hasScope, type Principal, roleHasScope } from './principal.ts';

const PROVINCIAL: readonly AgencyLevel[] = ['PROVINCE', 'DEPARTMENT'];

export interface AccessRefusal {
  code: Extract<ErrorCode, 'UNAUTHENTICATED' | 'FORBIDDEN'>;
  message: string;
}

const FORBIDDEN: AccessRefusal = {
  code: 'FORBIDDEN',
  message:
    'Chỉ quản trị hệ thống hoặc quản trị của cơ quan cấp tỉnh (Ủy ban nhân dân tỉnh, các sở, ban, ngành) được sửa danh mục thủ tục hành chính.',
};

/** Null when `principal` may edit the catalogue, else why not (unauthenticated, or not allowed). */
export async function catalogueEditRefusal(
  prisma: PrismaClient,
  principal: Principal,
): Promise<AccessRefusal | null> {
  switch (principal.kind) {
    case 'cli':
      return null;
    case 'anonymous':
      return {
        code: 'UNAUTHENTICATED',
        message: 'Cần đăng nhập (hoặc khóa API quản trị) để sửa danh mục thủ tục hành chính.',
      };
    case 'apiKey':
      if (!hasScope(principal, 'ADMIN')) return FORBIDDEN;
      if (principal.agencyId === null) return null;
      return (await anyProvincial(prisma, [principal.agencyId])) ? null : FORBIDDEN;
    case 'session': {
      const grants = principal.roles.filter((g) => roleHasScope(g.role, 'ADMIN'));
      if (grants.some((g) => g.agencyId === null)) return null;
      const agencyIds = grants.map((g) => g.agencyId as number);
      return agencyIds.length > 0 && (await anyProvincial(prisma, agencyIds)) ? null : FORBIDDEN;
    }
    default:
      return FORBIDDEN;
  }
}

/** Whether one of these agencies is provincial-level and still exists (an ended unit edits nothing). */
async function anyProvincial(prisma: PrismaClient, agencyIds: number[]): Promise<boolean> {
  const found = await prisma.agency.count({
    where: { id: { in: agencyIds }, level: { in: [...PROVINCIAL] }, ...validOn(dayOf(new Date())) },
  });
  return found > 0;
}
