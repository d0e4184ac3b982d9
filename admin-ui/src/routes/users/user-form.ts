// Form data of the account pages → the API's inputs, and the API's error paths back to the form's
// rows. Pure: user-form.test.ts. The role rows are `roles.<row>.role` / `roles.<row>.agencyCode`;
// blank rows are left out of the input, so an error on the input's grant 1 may belong to row 3.
import type { FieldErrors } from '$lib/form-errors';
import { isRole, type RoleValue } from './agency-options';

/** Rows the form may send; more is not an official's work (and bounds what is read). */
export const MAX_GRANT_ROWS = 20;

export interface GrantRow {
  role: string;
  agencyCode: string;
}

export interface GrantInput {
  role: RoleValue;
  agencyCode?: string;
}

export const text = (form: FormData, name: string): string => {
  const value = form.get(name);
  return typeof value === 'string' ? value.trim() : '';
};

/** The role rows as sent, blank ones included (the form is shown again with them). */
export function grantRowsFrom(form: FormData): GrantRow[] {
  const rows: GrantRow[] = [];
  for (let row = 0; row < MAX_GRANT_ROWS; row++) {
    if (!form.has(`roles.${row}.role`) && !form.has(`roles.${row}.agencyCode`)) break;
    rows.push({ role: text(form, `roles.${row}.role`), agencyCode: text(form, `roles.${row}.agencyCode`) });
  }
  return rows;
}

export interface ParsedGrants {
  roles: GrantInput[];
  /** rowOf[i]: the form row of the input's grant i. */
  rowOf: number[];
  /** What the form can tell before asking the API, keyed like the API's ("roles.2.agencyCode"). */
  errors: FieldErrors;
}

/**
 * Rows with neither role nor agency are left out. A SYSTEM_ADMIN covers the whole system, so an
 * agency picked with it is dropped rather than refused; the other roles need an agency.
 */
export function parseGrants(rows: readonly GrantRow[]): ParsedGrants {
  const roles: GrantInput[] = [];
  const rowOf: number[] = [];
  const errors: FieldErrors = {};
  rows.forEach((row, index) => {
    if (!row.role && !row.agencyCode) return;
    if (!row.role) {
      errors[`roles.${index}.role`] = 'Chọn vai trò cho đơn vị này, hoặc bỏ chọn đơn vị.';
      return;
    }
    if (!isRole(row.role)) {
      errors[`roles.${index}.role`] = 'Vai trò không hợp lệ.';
      return;
    }
    if (row.role === 'SYSTEM_ADMIN') {
      roles.push({ role: row.role });
    } else if (!row.agencyCode) {
      errors[`roles.${index}.agencyCode`] = 'Chọn cơ quan, đơn vị mà vai trò này áp dụng.';
      return;
    } else {
      roles.push({ role: row.role, agencyCode: row.agencyCode });
    }
    rowOf.push(index);
  });
  if (roles.length === 0 && Object.keys(errors).length === 0) {
    errors.roles = 'Tài khoản cần ít nhất một vai trò.';
  }
  return { roles, rowOf, errors };
}

/** "roles.1.agencyCode" of the input → "roles.<row of grant 1>.agencyCode" of the form. */
export function errorsOnRows(errors: FieldErrors, rowOf: readonly number[]): FieldErrors {
  const out: FieldErrors = {};
  for (const [key, message] of Object.entries(errors)) {
    const match = /^roles\.(\d+)(\..*)?$/.exec(key);
    const row = match ? rowOf[Number(match[1])] : undefined;
    const mapped = match && row !== undefined ? `roles.${row}${match[2] ?? ''}` : key;
    out[mapped] = out[mapped] === undefined ? message : `${out[mapped]}\n${message}`;
  }
  return out;
}

/** The rows to show: the grants, then `blank` empty rows to add one (at least one row in all). */
export function rowsWithBlanks(rows: readonly GrantRow[], blank = 1): GrantRow[] {
  const kept = [...rows];
  const total = Math.min(MAX_GRANT_ROWS, Math.max(kept.length + blank, 1));
  while (kept.length < total) kept.push({ role: '', agencyCode: '' });
  return kept;
}

/** The keys of the role rows the form shows, for `toFieldErrors({ known })` and the summary order. */
export function grantKeys(rowCount: number): string[] {
  const keys = ['roles'];
  for (let row = 0; row < rowCount; row++) keys.push(`roles.${row}.role`, `roles.${row}.agencyCode`);
  return keys;
}

/** Whether `key` names a role row's control or the roles as a whole (any row number). */
export const isGrantKey = (key: string) => key === 'roles' || /^roles\.\d+(\.(role|agencyCode))?$/.test(key);

/** Username as the API stores it; the API checks the rest (3–64 of a-z 0-9 . _ -). */
export const normalizeUsername = (value: string) => value.trim().toLowerCase();

/**
 * The API's username rule (services/user-input.ts checkUsername), checked here too so that a refused
 * form lists this mistake with the others at once instead of after a second try.
 */
export function usernameError(value: string): string | undefined {
  const username = normalizeUsername(value);
  if (!username) return 'Vui lòng nhập tên đăng nhập.';
  if (!/^[a-z0-9._-]{3,64}$/.test(username)) {
    return 'Tên đăng nhập gồm 3–64 ký tự a-z, 0-9, dấu chấm, gạch dưới, gạch ngang (không dấu, không khoảng trắng).';
  }
  return undefined;
}

/** As the API's MIN_PASSWORD_LENGTH (services/user-input.ts). */
export const MIN_PASSWORD_LENGTH = 12;

export interface PasswordPair {
  password: string;
  confirm: string;
}

/**
 * The two password fields: both filled, long enough and equal; the API judges the rest of the
 * strength (WEAK_PASSWORD: not the username).
 */
export function passwordErrors(
  { password, confirm }: PasswordPair,
  keys: { password: string; confirm: string },
): FieldErrors {
  const errors: FieldErrors = {};
  if (!password) return { [keys.password]: 'Vui lòng nhập mật khẩu.' };
  if (password.length < MIN_PASSWORD_LENGTH) {
    errors[keys.password] = `Mật khẩu phải có ít nhất ${MIN_PASSWORD_LENGTH} ký tự.`;
  }
  if (confirm !== password) errors[keys.confirm] = 'Mật khẩu nhập lại không khớp.';
  return errors;
}
