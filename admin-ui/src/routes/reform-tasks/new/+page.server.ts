import { fail, redirect } from '@sveltejs/kit';
import { toFieldErrors } from '$lib/form-errors';
import { todayInVietnam } from '$lib/format';
import { AdminCreateReformTaskDocument } from '$lib/graphql/generated/graphql';
import { callApi, userErrorsOf } from '$lib/server/api';
import { agencyOptions } from '../../users/agency-options';
import { loadAgencies } from '../../users/agency-options.server';
import { EDITOR_ROLES, unitsWhere } from '../access';
import { parseTaskForm, TASK_FIELDS, taskFormValues } from '../task-form';
import type { Actions, PageServerLoad } from './$types';

const known = (key: string) => (TASK_FIELDS as readonly string[]).includes(key);

export const load: PageServerLoad = async (event) => {
  const editable = unitsWhere(event.locals.viewer, await loadAgencies(event), EDITOR_ROLES);
  // The office's own unit sets the tasks it enters: the first unit of its grant is the default.
  const own =
    event.locals.viewer?.roles.find((g) => (EDITOR_ROLES as readonly string[]).includes(g.role))
      ?.agencyCode ?? '';
  return {
    agencyOptions: agencyOptions(editable.agencies),
    mayCreate: editable.everywhere || editable.agencies.length > 0,
    defaults: { year: todayInVietnam().slice(0, 4), ownerAgencyCode: own },
  };
};

export const actions: Actions = {
  create: async (event) => {
    const values = taskFormValues(await event.request.formData());
    const parsed = parseTaskForm(values);
    if (!parsed.input) return fail(400, { values, errors: parsed.errors });
    const { createReformTask } = await callApi(event, AdminCreateReformTaskDocument, { input: parsed.input });
    const userErrors = userErrorsOf(event, createReformTask.userErrors);
    if (userErrors.length > 0 || !createReformTask.task) {
      return fail(400, { values, errors: toFieldErrors(userErrors, { known }) });
    }
    redirect(303, `/reform-tasks/${createReformTask.task.id}?msg=created`);
  },
};
