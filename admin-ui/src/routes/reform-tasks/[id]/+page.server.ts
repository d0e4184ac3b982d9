import { error, fail, redirect } from '@sveltejs/kit';
import { toFieldErrors } from '$lib/form-errors';
import { todayInVietnam } from '$lib/format';
import {
  AdminReformTaskDocument,
  AdminReportReformTaskProgressDocument,
} from '$lib/graphql/generated/graphql';
import { callApi, userErrorsOf } from '$lib/server/api';
import { loadAgencies } from '../../users/agency-options.server';
import { mayEdit, mayReport } from '../access';
import { parseReportForm, REPORT_FIELDS, reportFormValues } from '../task-form';
import type { Actions, PageServerLoad } from './$types';

const ID = /^[1-9][0-9]{0,9}$/;
const known = (key: string) => (REPORT_FIELDS as readonly string[]).includes(key);

const NOTICES: Record<string, string> = {
  created: 'Đã lưu nhiệm vụ.',
  updated: 'Đã lưu thay đổi của nhiệm vụ.',
  reported: 'Đã ghi nhận báo cáo tiến độ.',
};

export const load: PageServerLoad = async (event) => {
  const { params, url, locals } = event;
  if (!ID.test(params.id)) error(404, { message: 'Không tìm thấy nhiệm vụ cải cách hành chính này.' });
  const [{ reformTask }, agencies] = await Promise.all([
    callApi(event, AdminReformTaskDocument, { id: params.id }),
    loadAgencies(event),
  ]);
  if (!reformTask) error(404, { message: 'Không tìm thấy nhiệm vụ cải cách hành chính này.' });
  const open = reformTask.status === 'NOT_STARTED' || reformTask.status === 'IN_PROGRESS';
  const msg = url.searchParams.get('msg');
  return {
    task: reformTask,
    today: todayInVietnam(),
    mayEdit:
      reformTask.status !== 'CANCELLED' &&
      mayEdit(locals.viewer, agencies, {
        agencyCode: reformTask.agency.code,
        ownerAgencyCode: reformTask.ownerAgency.code,
      }),
    mayReport: open && mayReport(locals.viewer, agencies, reformTask.agency.code),
    notice: (msg && NOTICES[msg]) || null,
  };
};

export const actions: Actions = {
  report: async (event) => {
    const { id } = event.params;
    if (!ID.test(id)) error(404, { message: 'Không tìm thấy nhiệm vụ cải cách hành chính này.' });
    const values = reportFormValues(await event.request.formData());
    const parsed = parseReportForm(id, values);
    if (!parsed.input) return fail(400, { values, errors: parsed.errors });
    const { reportReformTaskProgress } = await callApi(event, AdminReportReformTaskProgressDocument, {
      input: parsed.input,
    });
    const userErrors = userErrorsOf(event, reportReformTaskProgress.userErrors);
    if (userErrors.length > 0) {
      return fail(400, { values, errors: toFieldErrors(userErrors, { known }) });
    }
    redirect(303, `/reform-tasks/${id}?msg=reported#history`);
  },
};
