import { error, fail, redirect } from '@sveltejs/kit';
import {
  AdminProcedureDocument,
  AdminPublishProcedureDocument,
  AdminUpdateProcedureDocument,
  AdminWithdrawProcedureDocument,
} from '$lib/graphql/generated/graphql';
import { draftFromRecord, parseDraft, withBlankRows } from '$lib/procedures/draft';
import {
  applyRowButton,
  errorsOnForm,
  type FormState,
  parseOriginal,
  readSubmission,
} from '$lib/procedures/form-action';
import { recordOf, updateInput } from '$lib/procedures/record';
import { callApi, userErrorsOf } from '$lib/server/api';
import { forgetSectors, listSectors } from '$lib/server/sectors';
import { canEditCatalogue } from '$lib/viewer';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** Procedure codes and local variants: what may appear in the path (the API decides the rest). */
const CODE = /^[\w.-]{1,60}$/;

async function loadProcedure(event: Pick<RequestEvent, 'locals' | 'cookies' | 'url' | 'params'>) {
  const { code } = event.params;
  if (!CODE.test(code)) error(404, { message: `Không tìm thấy thủ tục mã “${code.slice(0, 60)}”.` });
  const { procedure } = await callApi(event, AdminProcedureDocument, { code });
  if (!procedure) error(404, { message: `Không tìm thấy thủ tục mã “${code}” trong danh mục.` });
  return procedure;
}

/** The record as the form writes it, so that the save compares like with like. */
const formRecord = (procedure: Awaited<ReturnType<typeof loadProcedure>>) =>
  parseDraft(draftFromRecord(recordOf(procedure))).input;

export const load: PageServerLoad = async (event) => {
  const procedure = await loadProcedure(event);
  const mayEdit = canEditCatalogue(event.locals.viewer);
  const editing = mayEdit && event.url.searchParams.has('edit');
  const record = formRecord(procedure);
  return {
    procedure,
    mayEdit,
    editing,
    edit: editing
      ? {
          draft: draftFromRecord(recordOf(procedure)),
          original: JSON.stringify(record),
          sectors: await listSectors(event.locals.api),
        }
      : null,
    notice: noticeOf(event.url.searchParams),
  };
};

function noticeOf(params: URLSearchParams): string | null {
  const saved = params.get('saved');
  if (saved === 'none') return 'Không có thay đổi nào để lưu.';
  if (saved === 'units') return 'Đã lưu danh sách đơn vị thực hiện (không tạo phiên bản mới).';
  if (saved && /^\d+$/.test(saved)) return `Đã lưu thay đổi: phiên bản ${saved} của thủ tục.`;
  if (params.has('created')) return 'Đã thêm thủ tục vào danh mục.';
  if (params.has('published')) return 'Đã công bố lại thủ tục trong danh mục.';
  if (params.has('withdrawn')) return 'Đã rút thủ tục khỏi danh mục công khai.';
  return null;
}

const refused = (state: FormState) => fail(400, { form: state });

export const actions: Actions = {
  save: async (event) => {
    const { code } = event.params;
    const submission = readSubmission(await event.request.formData());
    const draft = { ...submission.draft, code };
    const parsed = parseDraft(draft);
    const state = (errors: FormState['errors']): FormState => ({
      draft: withBlankRows(draft),
      errors,
      original: submission.original,
    });
    if (Object.keys(parsed.errors).length > 0) return refused(state(parsed.errors));

    // What changed since the form was opened; without it (a forged form), since now.
    const before = parseOriginal(submission.original, code) ?? formRecord(await loadProcedure(event));
    const input = updateInput(before, parsed.input);
    if (Object.keys(input).length === 1) redirect(303, `/procedures/${code}?saved=none`);

    const { updateProcedure: payload } = await callApi(event, AdminUpdateProcedureDocument, { input });
    const userErrors = userErrorsOf(event, payload.userErrors);
    if (userErrors.length > 0) return refused(state(errorsOnForm(userErrors, parsed.rows)));
    if (input.sectorCode) forgetSectors();
    const saved = payload.version
      ? String(payload.version.version)
      : payload.changes.length > 0
        ? 'units'
        : 'none';
    redirect(303, `/procedures/${code}?saved=${saved}`);
  },

  rows: async (event) => {
    const data = await event.request.formData();
    const { draft, original } = readSubmission(data);
    return {
      form: { draft: applyRowButton({ ...draft, code: event.params.code }, data), errors: {}, original },
    };
  },

  publish: async (event) => {
    const { code } = event.params;
    const { publishProcedure: payload } = await callApi(event, AdminPublishProcedureDocument, {
      input: { code },
    });
    const userErrors = userErrorsOf(event, payload.userErrors);
    if (userErrors.length > 0) return fail(400, { publication: userErrors.map((e) => e.message).join(' ') });
    redirect(303, `/procedures/${code}?published`);
  },

  withdraw: async (event) => {
    const { code } = event.params;
    const data = await event.request.formData();
    const reason = String(data.get('reason') ?? '').trim();
    const { withdrawProcedure: payload } = await callApi(event, AdminWithdrawProcedureDocument, {
      input: { code, ...(reason ? { reason } : {}) },
    });
    const userErrors = userErrorsOf(event, payload.userErrors);
    if (userErrors.length > 0) return fail(400, { publication: userErrors.map((e) => e.message).join(' ') });
    redirect(303, `/procedures/${code}?withdrawn`);
  },
};
