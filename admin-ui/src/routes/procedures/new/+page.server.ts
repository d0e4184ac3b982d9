import { error, fail, redirect } from '@sveltejs/kit';
import { AdminCreateProcedureDocument } from '$lib/graphql/generated/graphql';
import { emptyDraft, parseDraft, withBlankRows } from '$lib/procedures/draft';
import { applyRowButton, errorsOnForm, type FormState, readSubmission } from '$lib/procedures/form-action';
import { createInput } from '$lib/procedures/record';
import { callApi, userErrorsOf } from '$lib/server/api';
import { forgetSectors, listSectors } from '$lib/server/sectors';
import { canEditCatalogue } from '$lib/viewer';
import type { Actions, PageServerLoad } from './$types';

const NOT_ALLOWED =
  'Chỉ quản trị hệ thống và quản trị đơn vị cấp tỉnh (sở, ban, ngành) được thêm thủ tục vào danh mục.';

export const load: PageServerLoad = async ({ locals }) => {
  // Convenience only: the API refuses others too.
  if (!canEditCatalogue(locals.viewer)) error(403, { message: NOT_ALLOWED });
  return { draft: emptyDraft(), sectors: await listSectors(locals.api) };
};

export const actions: Actions = {
  create: async (event) => {
    const { draft } = readSubmission(await event.request.formData());
    const parsed = parseDraft(draft);
    const refused = (errors: FormState['errors']) =>
      fail(400, { form: { draft: withBlankRows(draft), errors, original: null } satisfies FormState });
    if (Object.keys(parsed.errors).length > 0) return refused(parsed.errors);

    const { createProcedure: payload } = await callApi(event, AdminCreateProcedureDocument, {
      input: createInput(parsed.input),
    });
    const userErrors = userErrorsOf(event, payload.userErrors);
    if (userErrors.length > 0 || !payload.procedure) return refused(errorsOnForm(userErrors, parsed.rows));
    forgetSectors();
    redirect(303, `/procedures/${payload.procedure.code}?created`);
  },

  rows: async (event) => {
    const data = await event.request.formData();
    const { draft } = readSubmission(data);
    return { form: { draft: applyRowButton(draft, data), errors: {}, original: null } satisfies FormState };
  },
};
