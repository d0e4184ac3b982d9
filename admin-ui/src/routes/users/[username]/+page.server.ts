import { error, fail, redirect } from '@sveltejs/kit';
import { type FieldErrors, toFieldErrors } from '$lib/form-errors';
import {
  AdminDeactivateUserDocument,
  AdminReactivateUserDocument,
  AdminResetUserPasswordDocument,
  AdminSetUserRolesDocument,
  AdminUpdateUserDocument,
  AdminUserDocument,
} from '$lib/graphql/generated/graphql';
import { callApi } from '$lib/server/api';
import { agencyOptions, grantableFor } from '../agency-options';
import { loadAgencies } from '../agency-options.server';
import {
  errorsOnRows,
  type GrantRow,
  grantRowsFrom,
  isGrantKey,
  parseGrants,
  passwordErrors,
  rowsWithBlanks,
  text,
} from '../user-form';
import type { Actions, PageServerLoad } from './$types';
import { noticeOf } from './notices';

export const load: PageServerLoad = async (event) => {
  const { params, url, locals } = event;
  const [{ user }, agencies] = await Promise.all([
    callApi(event, AdminUserDocument, { username: params.username }),
    loadAgencies(event),
  ]);
  if (!user) {
    error(404, {
      message: `Không có tài khoản “${params.username}”, hoặc tài khoản này nằm ngoài phạm vi bạn quản lý.`,
    });
  }
  const grantable = grantableFor(locals.viewer, agencies);
  const confirm = url.searchParams.get('confirm');
  return {
    user,
    self: locals.viewer?.username === user.username,
    roles: grantable.roles,
    agencyOptions: agencyOptions(grantable.agencies),
    rows: rowsWithBlanks(user.roles.map((g) => ({ role: g.role, agencyCode: g.agency?.code ?? '' }))),
    notice: noticeOf(url.searchParams.get('msg')),
    confirm: confirm === 'deactivate' || confirm === 'reactivate' ? confirm : null,
  };
};

type Section = 'profile' | 'roles' | 'password' | 'status';

const refuse = (
  section: Section,
  errors: FieldErrors,
  extra: { values?: Record<string, string>; rows?: GrantRow[] } = {},
) => fail(400, { section, errors, ...extra });

const done = (username: string, msg: string): never =>
  redirect(303, `/users/${encodeURIComponent(username)}?msg=${msg}`);

// An error on a key the section does not show (["input", "username"]: the account itself) goes to
// the section as a whole (toFieldErrors' `known`).
const nothingShown = () => false;

export const actions: Actions = {
  update: async (event) => {
    const form = await event.request.formData();
    const values = { displayName: text(form, 'displayName'), email: text(form, 'email') };
    if (!values.displayName)
      return refuse('profile', { displayName: 'Vui lòng nhập họ và tên.' }, { values });
    const { updateUser } = await callApi(event, AdminUpdateUserDocument, {
      // An empty e-mail clears the address (null), as the API's UpdateUserInput says.
      input: {
        username: event.params.username,
        displayName: values.displayName,
        email: values.email || null,
      },
    });
    if (updateUser.userErrors.length > 0) {
      return refuse(
        'profile',
        toFieldErrors(updateUser.userErrors, { known: (k) => k === 'displayName' || k === 'email' }),
        {
          values,
        },
      );
    }
    done(event.params.username, 'updated');
  },

  roles: async (event) => {
    const form = await event.request.formData();
    const rows = grantRowsFrom(form);
    const grants = parseGrants(rows);
    if (Object.keys(grants.errors).length > 0)
      return refuse('roles', grants.errors, { rows: rowsWithBlanks(rows, 0) });
    const { setUserRoles } = await callApi(event, AdminSetUserRolesDocument, {
      input: { username: event.params.username, roles: grants.roles },
    });
    if (setUserRoles.userErrors.length > 0) {
      const errors = errorsOnRows(
        toFieldErrors(setUserRoles.userErrors, { known: isGrantKey }),
        grants.rowOf,
      );
      return refuse('roles', errors, { rows: rowsWithBlanks(rows, 0) });
    }
    done(event.params.username, 'roles');
  },

  /** Without JavaScript, "Thêm dòng vai trò" comes here: the roles form again with one more row. */
  addRoleRow: async ({ request }) => {
    const form = await request.formData();
    return {
      section: 'roles' as Section,
      errors: {} as FieldErrors,
      rows: rowsWithBlanks(grantRowsFrom(form), 1),
    };
  },

  resetPassword: async (event) => {
    const form = await event.request.formData();
    const password = String(form.get('password') ?? '');
    const confirm = String(form.get('confirmPassword') ?? '');
    const local = passwordErrors({ password, confirm }, { password: 'password', confirm: 'confirmPassword' });
    if (Object.keys(local).length > 0) return refuse('password', local);
    const { resetUserPassword } = await callApi(event, AdminResetUserPasswordDocument, {
      input: { username: event.params.username, password },
    });
    if (resetUserPassword.userErrors.length > 0) {
      return refuse(
        'password',
        toFieldErrors(resetUserPassword.userErrors, { known: (k) => k === 'password' }),
      );
    }
    done(event.params.username, 'password');
  },

  deactivate: async (event) => {
    const { deactivateUser } = await callApi(event, AdminDeactivateUserDocument, {
      input: { username: event.params.username },
    });
    if (deactivateUser.userErrors.length > 0) {
      return refuse('status', toFieldErrors(deactivateUser.userErrors, { known: nothingShown }));
    }
    done(event.params.username, 'deactivated');
  },

  reactivate: async (event) => {
    const { reactivateUser } = await callApi(event, AdminReactivateUserDocument, {
      input: { username: event.params.username },
    });
    if (reactivateUser.userErrors.length > 0) {
      return refuse('status', toFieldErrors(reactivateUser.userErrors, { known: nothingShown }));
    }
    done(event.params.username, 'reactivated');
  },
};
