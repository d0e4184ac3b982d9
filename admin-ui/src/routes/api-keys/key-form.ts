// The API-key form of /api-keys → CreateApiKeyInput, and the wording of scopes. Pure: key-form.test.ts.
import type { FieldErrors } from '$lib/form-errors';

export const SCOPES = ['READ', 'INGEST', 'ADMIN'] as const;
export type ScopeValue = (typeof SCOPES)[number];

/** What each scope lets a system do (docs/api.md "Authentication"). */
export const SCOPE_LABELS: Record<ScopeValue, string> = {
  READ: 'Đọc dữ liệu riêng (READ)',
  INGEST: 'Gửi hồ sơ, khảo sát (INGEST)',
  ADMIN: 'Quản trị cấu hình (ADMIN)',
};

export const SCOPE_HELP: Record<ScopeValue, string> = {
  READ: 'Xem tiến trình hồ sơ, bình luận đánh giá trong phạm vi của khóa.',
  INGEST: 'Gửi sự kiện hồ sơ, đồng bộ hồ sơ, cấp liên kết đánh giá, nhập phiếu khảo sát giấy.',
  ADMIN: 'Thay đổi cấu hình; bao gồm cả hai quyền trên.',
};

export const scopeLabel = (scope: string) => SCOPE_LABELS[scope as ScopeValue] ?? scope;

export const DEFAULT_RATE_LIMIT = 600;
export const MAX_RATE_LIMIT = 100_000;

export interface KeyFormValues {
  name: string;
  scopes: string[];
  agencyCode: string;
  rateLimitPerMinute: string;
}

export interface CreateKeyInput {
  name: string;
  scopes: ScopeValue[];
  agencyCode?: string;
  rateLimitPerMinute?: number;
}

export function keyFormValues(form: FormData): KeyFormValues {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === 'string' ? value.trim() : '';
  };
  return {
    name: text('name'),
    scopes: form.getAll('scopes').filter((s): s is string => typeof s === 'string'),
    agencyCode: text('agencyCode'),
    rateLimitPerMinute: text('rateLimitPerMinute'),
  };
}

/**
 * The input, or what the form can tell before asking the API. `everywhere`: the caller may issue a
 * key for every agency (a system administrator); anyone else must pick one of its units.
 */
export function parseKeyForm(
  values: KeyFormValues,
  everywhere: boolean,
): { input: CreateKeyInput | null; errors: FieldErrors } {
  const errors: FieldErrors = {};
  if (!values.name) errors.name = 'Vui lòng nhập tên khóa (ai dùng khóa này).';
  else if (values.name.length > 200) errors.name = 'Tên khóa dài tối đa 200 ký tự.';

  const scopes = SCOPES.filter((scope) => values.scopes.includes(scope));
  if (scopes.length === 0) errors.scopes = 'Chọn ít nhất một quyền.';
  else if (scopes.length !== new Set(values.scopes).size) errors.scopes = 'Quyền không hợp lệ.';

  if (!values.agencyCode && !everywhere) errors.agencyCode = 'Chọn cơ quan, đơn vị mà khóa được dùng.';

  let rate: number | undefined;
  if (values.rateLimitPerMinute) {
    // Officials may type "1.000" (Vietnamese thousands dot) or "1 000".
    const digits = values.rateLimitPerMinute.replace(/[.\s\u00a0]/g, '');
    rate = /^\d{1,7}$/.test(digits) ? Number(digits) : Number.NaN;
    if (!Number.isInteger(rate) || rate < 1 || rate > MAX_RATE_LIMIT) {
      errors.rateLimitPerMinute = 'Giới hạn là một số nguyên từ 1 đến 100.000 lượt mỗi phút.';
    }
  }

  if (Object.keys(errors).length > 0) return { input: null, errors };
  return {
    input: {
      name: values.name,
      scopes,
      ...(values.agencyCode ? { agencyCode: values.agencyCode } : {}),
      ...(rate !== undefined ? { rateLimitPerMinute: rate } : {}),
    },
    errors,
  };
}
