import { fail, redirect } from '@sveltejs/kit';
import { type FieldErrors, toFieldErrors } from '$lib/form-errors';
import { AdminCreateUserDocument } from '$lib/graphql/generated/graphql';
import { callApi } from '$lib/server/api';
import { agencyOptions, grantableFor } from '../agency-options';
import { loadAgencies } from '../agency-options.server';
import {
  errorsOnRows,
  type GrantRow,
  grantRowsFrom,
  isGrantKey,
  normalizeUsername,
  parseGrants,
  passwordErrors,
  rowsWithBlanks,
  text,
  usernameError,
} from '../user-form';
import type { Actions, PageServerLoad } from './$types';

const FIELDS = ['username', 'displayName', 'email', 'password', 'confirmPassword'];
const known = (key: string) => FIELDS.includes(key) || isGrantKey(key);

export const load: PageServerLoad = async (event) => {
  const grantable = grantableFor(event.locals.viewer, await loadAgencies(event));
  // A unit admin of one unit most often creates an account there: its first row is pre-filled.
  const only = grantable.agencies.length === 1 ? (grantable.agencies[0]?.code ?? '') : '';
  return {
    roles: grantable.roles,
    agencyOptions: agencyOptions(grantable.agencies),
    initialRows: rowsWithBlanks([{ role: '', agencyCode: only }]),
  };
};

/** What the form shows again: never the passwords (they are typed again). */
function valuesOf(form: FormData) {
  return {
    username: text(form, 'username'),
    displayName: text(form, 'displayName'),
    email: text(form, 'email'),
  };
}

const refuse = (
  values: ReturnType<typeof valuesOf>,
  rows: GrantRow[],
  errors: FieldErrors,
  notice?: string,
) => fail(400, { values, rows, errors, ...(notice ? { notice } : {}) });

export const actions: Actions = {
  create: async (event) => {
    const form = await event.request.formData();
    const values = valuesOf(form);
    const rows = grantRowsFrom(form);
    const password = String(form.get('password') ?? '');
    const confirm = String(form.get('confirmPassword') ?? '');

    const grants = parseGrants(rows);
    const local: FieldErrors = {
      ...grants.errors,
      ...passwordErrors({ password, confirm }, { password: 'password', confirm: 'confirmPassword' }),
    };
    const badUsername = usernameError(values.username);
    if (badUsername) local.username = badUsername;
    if (!values.displayName) local.displayName = 'Vui lòng nhập họ và tên.';
    if (Object.keys(local).length > 0) return refuse(values, rowsWithBlanks(rows, 0), local);

    const { createUser } = await callApi(event, AdminCreateUserDocument, {
      input: {
        username: normalizeUsername(values.username),
        displayName: values.displayName,
        ...(values.email ? { email: values.email } : {}),
        password,
        roles: grants.roles,
      },
    });
    if (createUser.userErrors.length > 0 || !createUser.user) {
      const errors = errorsOnRows(toFieldErrors(createUser.userErrors, { known }), grants.rowOf);
      return refuse(values, rowsWithBlanks(rows, 0), errors);
    }
    redirect(303, `/users/${encodeURIComponent(createUser.user.username)}?msg=created`);
  },

  /** Without JavaScript, "Thêm dòng vai trò" comes here: the same form with one more row. */
  addRow: async ({ request }) => {
    const form = await request.formData();
    return {
      values: valuesOf(form),
      rows: rowsWithBlanks(grantRowsFrom(form), 1),
      errors: {} as FieldErrors,
      notice: 'Đã thêm một dòng vai trò. Vì an toàn, mật khẩu không được giữ lại: vui lòng nhập lại.',
    };
  },
};
