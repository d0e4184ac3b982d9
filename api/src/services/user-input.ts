// The checks of an account's fields and role grants, shared by creation, edits and the CLI. Who may
// grant what is the permission table of docs/api.md "Roles": an administrator grants roles only on
// agencies of its own subtree, and only one reaching everywhere grants SYSTEM_ADMIN.
import type { PrismaClient, Role } from '@tthc/db';
import { dayOf } from '../domain/time.ts';
import type { Reach } from './access/reach.ts';
import { findAgency } from './agencies.ts';
import { dayOfDateColumn } from './date-columns.ts';
import type { Problems } from './input-refusal.ts';

export const ROLES: readonly Role[] = ['SYSTEM_ADMIN', 'UNIT_ADMIN', 'OFFICER', 'VIEWER', 'REFORM_MONITOR'];

export const MIN_PASSWORD_LENGTH = 12;
const MAX_PASSWORD_LENGTH = 200;
const MAX_NAME_LENGTH = 200;
const MAX_EMAIL_LENGTH = 254;
const MAX_GRANTS = 20;

export const normalizeUsername = (username: string) => username.trim().toLowerCase();

export function checkUsername(username: string, problems: Problems, field = ['username']): void {
  if (!/^[a-z0-9._-]{3,64}$/.test(username)) {
    problems.add(
      field,
      'BAD_USER_INPUT',
      'Tên đăng nhập gồm 3–64 ký tự a-z, 0-9, dấu chấm, gạch dưới, gạch ngang.',
    );
  }
}

/** A password long enough to resist guessing, and not the username in disguise. */
export function checkPassword(password: string, username: string, problems: Problems, field: string[]): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    problems.add(field, 'WEAK_PASSWORD', `Mật khẩu phải có ít nhất ${MIN_PASSWORD_LENGTH} ký tự.`);
  } else if (password.length > MAX_PASSWORD_LENGTH) {
    problems.add(field, 'BAD_USER_INPUT', `Mật khẩu dài tối đa ${MAX_PASSWORD_LENGTH} ký tự.`);
  } else if (username && password.toLowerCase().includes(username)) {
    problems.add(field, 'WEAK_PASSWORD', 'Mật khẩu không được chứa tên đăng nhập.');
  }
}

/** The trimmed display name, or undefined after reporting why it is refused. */
export function checkDisplayName(value: string, problems: Problems): string | undefined {
  const name = value.trim();
  if (!name) problems.add(['displayName'], 'BAD_USER_INPUT', 'Họ và tên không được để trống.');
  else if (name.length > MAX_NAME_LENGTH) {
    problems.add(['displayName'], 'BAD_USER_INPUT', `Họ và tên dài tối đa ${MAX_NAME_LENGTH} ký tự.`);
  } else return name;
  return undefined;
}

/** The trimmed address, null for none, or undefined after reporting why it is refused. */
export function checkEmail(value: string | null | undefined, problems: Problems): string | null | undefined {
  const email = value?.trim() ?? '';
  if (email === '') return null;
  if (email.length > MAX_EMAIL_LENGTH || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
    problems.add(
      ['email'],
      'BAD_USER_INPUT',
      'Địa chỉ thư điện tử không hợp lệ (ví dụ: ten@khanhhoa.gov.vn).',
    );
    return undefined;
  }
  return email;
}

export interface GrantInput {
  role: Role;
  /** The agency whose subtree the role covers; none for SYSTEM_ADMIN. */
  agencyCode?: string | null | undefined;
}

export interface ResolvedGrant {
  role: Role;
  agencyId: number | null;
  agencyCode: string | null;
}

/**
 * The grants as rows to store: each role valid, each agency existing today and within the
 * granting administrator's reach, no grant twice.
 */
export async function resolveGrants(
  prisma: PrismaClient,
  grants: readonly GrantInput[],
  reach: Reach,
  problems: Problems,
): Promise<ResolvedGrant[]> {
  if (grants.length === 0) problems.add(['roles'], 'BAD_USER_INPUT', 'Cần ít nhất một vai trò.');
  if (grants.length > MAX_GRANTS) {
    problems.add(['roles'], 'TOO_MANY', `Một tài khoản có tối đa ${MAX_GRANTS} vai trò.`);
    return [];
  }
  const today = dayOf(new Date());
  const resolved: ResolvedGrant[] = [];
  for (const [i, grant] of grants.entries()) {
    const at = ['roles', String(i)];
    if (!ROLES.includes(grant.role)) {
      problems.add(
        [...at, 'role'],
        'BAD_USER_INPUT',
        `Vai trò không hợp lệ: chọn một trong ${ROLES.join(', ')}.`,
      );
      continue;
    }
    const code = grant.agencyCode?.trim() || null;
    if (grant.role === 'SYSTEM_ADMIN') {
      if (code) {
        problems.add(
          [...at, 'agencyCode'],
          'BAD_USER_INPUT',
          'Quản trị hệ thống có quyền trên mọi đơn vị: không chọn cơ quan, đơn vị.',
        );
      } else if (!reach.covers(null)) {
        problems.add(at, 'OUT_OF_SCOPE', 'Chỉ quản trị hệ thống được cấp vai trò quản trị hệ thống.');
      } else resolved.push({ role: grant.role, agencyId: null, agencyCode: null });
      continue;
    }
    if (!code) {
      problems.add([...at, 'agencyCode'], 'BAD_USER_INPUT', 'Vai trò này cần mã cơ quan, đơn vị.');
      continue;
    }
    const agency = await findAgency(prisma, code);
    if (!agency) {
      problems.add([...at, 'agencyCode'], 'NOT_FOUND', `Không tìm thấy cơ quan, đơn vị "${code}".`);
    } else if (agency.validTo && dayOfDateColumn(agency.validTo) < today) {
      problems.add(
        [...at, 'agencyCode'],
        'AGENCY_ENDED',
        `${agency.name} đã kết thúc hoạt động ngày ${dayOfDateColumn(agency.validTo)}: hãy cấp quyền trên đơn vị kế thừa.`,
      );
    } else if (!reach.covers(agency.id)) {
      problems.add(
        [...at, 'agencyCode'],
        'OUT_OF_SCOPE',
        `${agency.name} nằm ngoài phạm vi quản trị của bạn: chỉ cấp quyền trên đơn vị được phân quyền và các đơn vị trực thuộc.`,
      );
    } else if (resolved.some((r) => r.role === grant.role && r.agencyId === agency.id)) {
      problems.add(at, 'BAD_USER_INPUT', 'Vai trò này trên đơn vị này đã có trong danh sách.');
    } else resolved.push({ role: grant.role, agencyId: agency.id, agencyCode: agency.code });
  }
  return resolved;
}
