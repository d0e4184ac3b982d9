import { fail, redirect } from '@sveltejs/kit';
import { type FieldErrors, toFieldErrors } from '$lib/form-errors';
import { AdminChangePasswordDocument } from '$lib/graphql/generated/graphql';
import { callApi } from '$lib/server/api';
import { passwordErrors } from '../users/user-form';
import type { Actions, PageServerLoad } from './$types';

const FIELDS = ['currentPassword', 'newPassword', 'confirmPassword'];

export const load: PageServerLoad = ({ url }) => ({
  changed: url.searchParams.get('msg') === 'changed',
});

export const actions: Actions = {
  changePassword: async (event) => {
    const form = await event.request.formData();
    const currentPassword = String(form.get('currentPassword') ?? '');
    const newPassword = String(form.get('newPassword') ?? '');
    const confirm = String(form.get('confirmPassword') ?? '');
    // Passwords are never sent back to the page: after a refusal they are typed again.
    const errors: FieldErrors = passwordErrors(
      { password: newPassword, confirm },
      { password: 'newPassword', confirm: 'confirmPassword' },
    );
    if (!currentPassword) errors.currentPassword = 'Vui lòng nhập mật khẩu hiện tại.';
    if (Object.keys(errors).length > 0) return fail(400, { errors });

    const { changePassword } = await callApi(event, AdminChangePasswordDocument, {
      input: { currentPassword, newPassword },
    });
    if (!changePassword.ok || changePassword.userErrors.length > 0) {
      return fail(400, {
        errors: toFieldErrors(changePassword.userErrors, { known: (k) => FIELDS.includes(k) }),
      });
    }
    redirect(303, '/account?msg=changed');
  },
};
