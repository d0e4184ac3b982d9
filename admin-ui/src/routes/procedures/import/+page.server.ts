import { error, fail } from '@sveltejs/kit';
import {
  AdminApplyProcedureImportDocument,
  type AdminApplyProcedureImportMutation,
  AdminPreviewProcedureImportDocument,
} from '$lib/graphql/generated/graphql';
import { checkImportFile, importContent, importFormatOf } from '$lib/procedures/import-file';
import { callApi, userErrorsOf } from '$lib/server/api';
import { dropUpload, findUpload, keepUpload } from '$lib/server/import-uploads';
import { forgetSectors } from '$lib/server/sectors';
import { canEditCatalogue } from '$lib/viewer';
import type { Actions, PageServerLoad } from './$types';

/** 1,119 procedures preview and apply in seconds; a slow disk or a larger file gets room. */
const IMPORT_TIMEOUT_MS = 120_000;

export type ImportReport = AdminApplyProcedureImportMutation['applyProcedureImport'];

const NOT_ALLOWED =
  'Chỉ quản trị hệ thống và quản trị đơn vị cấp tỉnh (sở, ban, ngành) được nhập thủ tục vào danh mục.';

export const load: PageServerLoad = ({ locals }) => {
  if (!canEditCatalogue(locals.viewer)) error(403, { message: NOT_ALLOWED });
  return {};
};

const refuse = (message: string) => fail(400, { problem: message });

export const actions: Actions = {
  preview: async (event) => {
    const owner = event.locals.viewer?.username;
    if (!owner) error(401, { message: 'Vui lòng đăng nhập lại.' });
    const file = (await event.request.formData()).get('file');
    const upload = file instanceof File ? file : null;
    const problem = checkImportFile(upload);
    const format = upload ? importFormatOf(upload.name, upload.type) : null;
    if (problem || !upload || !format) return refuse(problem ?? 'Không đọc được tệp.');

    const content = importContent(new Uint8Array(await upload.arrayBuffer()), format);
    const input = { content, format, fileName: upload.name };
    const { previewProcedureImport: report } = await callApi(
      event,
      AdminPreviewProcedureImportDocument,
      { input },
      {
        timeoutMs: IMPORT_TIMEOUT_MS,
      },
    );
    const userErrors = userErrorsOf(event, report.userErrors);
    if (userErrors.length > 0) return refuse(userErrors.map((e) => e.message).join(' '));
    const writable = report.summary.created + report.summary.updated > 0;
    const uploadId = writable ? keepUpload({ owner, fileName: upload.name, format, content }) : null;
    return { stage: 'preview' as const, fileName: upload.name, uploadId, report: report as ImportReport };
  },

  apply: async (event) => {
    const owner = event.locals.viewer?.username;
    if (!owner) error(401, { message: 'Vui lòng đăng nhập lại.' });
    const id = String((await event.request.formData()).get('upload') ?? '');
    const upload = findUpload(id, owner);
    if (!upload)
      return refuse('Bản xem trước đã hết hạn (sau 30 phút) hoặc đã được áp dụng: hãy tải tệp lên lại.');

    const input = { content: upload.content, format: upload.format, fileName: upload.fileName };
    const { applyProcedureImport: report } = await callApi(
      event,
      AdminApplyProcedureImportDocument,
      { input },
      {
        timeoutMs: IMPORT_TIMEOUT_MS,
      },
    );
    const userErrors = userErrorsOf(event, report.userErrors);
    if (userErrors.length > 0) return refuse(userErrors.map((e) => e.message).join(' '));
    dropUpload(id);
    if (report.summary.created > 0) forgetSectors();
    return { stage: 'applied' as const, fileName: upload.fileName, uploadId: null, report };
  },
};
