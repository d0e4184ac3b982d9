import { error, fail, redirect } from '@sveltejs/kit';
import { type FieldErrors, toFieldErrors } from '$lib/form-errors';
import {
  AdminCancelReformTaskDocument,
  AdminReformTaskDocument,
  AdminUpdateReformTaskDocument,
} from '$lib/graphql/generated/graphql';
import { callApi, userErrorsOf } from '$lib/server/api';
import { agencyOptions } from '../../../users/agency-options';
import { loadAgencies } from '../../../users/agency-options.server';
import { EDITOR_ROLES, mayEdit, unitsWhere } from '../../access';
import { MAX_NOTE, parseTaskForm, TASK_FIELDS, type TaskFormValues, taskFormValues } from '../../task-form';
import type { Actions, PageServerLoad } from './$types';

const ID = /^[1-9][0-9]{0,9}$/;
const known = (key: string) => (TASK_FIELDS as readonly string[]).includes(key);
function notFound(): never {
  error(404, { message: 'Không tìm thấy nhiệm vụ cải cách hành chính này.' });
}

export const load: PageServerLoad = async (event) => {
  const { params, locals } = event;
  if (!ID.test(params.id)) notFound();
  const [{ reformTask: task }, agencies] = await Promise.all([
    callApi(event, AdminReformTaskDocument, { id: params.id }),
    loadAgencies(event),
  ]);
  if (!task) notFound();
  const values: TaskFormValues = {
    title: task.title,
    agencyCode: task.agency.code,
    ownerAgencyCode: task.ownerAgency.code,
    deadline: task.deadline,
    year: String(task.year),
    document: task.document ?? '',
    documentDate: task.documentDate ?? '',
    description: task.description ?? '',
  };
  return {
    task: { id: task.id, title: task.title, status: task.status },
    values,
    agencyOptions: agencyOptions(unitsWhere(locals.viewer, agencies, EDITOR_ROLES).agencies),
    mayEdit:
      task.status !== 'CANCELLED' &&
      mayEdit(locals.viewer, agencies, {
        agencyCode: task.agency.code,
        ownerAgencyCode: task.ownerAgency.code,
      }),
  };
};

export const actions: Actions = {
  save: async (event) => {
    const { id } = event.params;
    if (!ID.test(id)) notFound();
    const values = taskFormValues(await event.request.formData());
    const parsed = parseTaskForm(values);
    if (!parsed.input) return fail(400, { values, errors: parsed.errors });
    // Every field is sent: a blank optional field clears it.
    const { updateReformTask } = await callApi(event, AdminUpdateReformTaskDocument, {
      input: {
        id,
        ...parsed.input,
        ownerAgencyCode: parsed.input.ownerAgencyCode ?? parsed.input.agencyCode,
      },
    });
    const userErrors = userErrorsOf(event, updateReformTask.userErrors);
    if (userErrors.some((e) => e.code === 'NOTHING_TO_CHANGE')) redirect(303, `/reform-tasks/${id}`);
    if (userErrors.length > 0) return fail(400, { values, errors: toFieldErrors(userErrors, { known }) });
    redirect(303, `/reform-tasks/${id}?msg=updated`);
  },

  cancel: async (event) => {
    const { id } = event.params;
    if (!ID.test(id)) notFound();
    const reason = String((await event.request.formData()).get('reason') ?? '').trim();
    if (reason.length > MAX_NOTE) {
      const cancelErrors: FieldErrors = {
        reason: `Lý do hủy dài tối đa ${MAX_NOTE.toLocaleString('vi-VN')} ký tự.`,
      };
      return fail(400, { reason, cancelErrors });
    }
    const { cancelReformTask } = await callApi(event, AdminCancelReformTaskDocument, {
      input: { id, reason: reason || null },
    });
    const userErrors = userErrorsOf(event, cancelReformTask.userErrors);
    if (userErrors.length > 0) {
      return fail(400, { reason, cancelErrors: toFieldErrors(userErrors, { known: (k) => k === 'reason' }) });
    }
    redirect(303, '/reform-tasks?msg=cancelled');
  },
};
