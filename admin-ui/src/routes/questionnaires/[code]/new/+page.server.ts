import { error, fail, redirect } from '@sveltejs/kit';
import { AdminPublishQuestionnaireDocument } from '$lib/graphql/generated/graphql';
import { callApi } from '$lib/server/api';
import { isSystemAdmin } from '$lib/viewer';
import { loadVersion } from '../../load-version.server';
import {
  draftErrors,
  draftFrom,
  draftFromForm,
  emptyQuestion,
  publishInputOf,
} from '../../questionnaire-draft';
import type { Actions, PageServerLoad } from './$types';

const NOT_ALLOWED = 'Chỉ quản trị hệ thống được ban hành phiên bản mới của phiếu khảo sát.';

export const load: PageServerLoad = async (event) => {
  // Convenience only (the list and version pages hide the link; the API refuses others too): without
  // it an officer who opens the address gets the whole form and learns only on "Ban hành".
  if (!isSystemAdmin(event.locals.viewer)) error(403, { message: NOT_ALLOWED });
  const current = await loadVersion(event, event.params.code, null);
  const draft = draftFrom(current);
  // One blank row for a new question; "Thêm một câu hỏi mới" adds more.
  draft.questions.push(emptyQuestion());
  return { current: { version: current.version, status: current.status, name: current.name }, draft };
};

export const actions: Actions = {
  /** Another blank question row, the rest of the draft kept as typed (works without JavaScript). */
  add: async ({ request }) => {
    const draft = draftFromForm(await request.formData());
    draft.questions.push(emptyQuestion());
    return { draft, errors: {} as Record<string, string> };
  },

  publish: async (event) => {
    const draft = draftFromForm(await event.request.formData());
    const { input, questionRows } = publishInputOf(draft);
    const { publishQuestionnaire: result } = await callApi(event, AdminPublishQuestionnaireDocument, {
      input,
    });
    if (result.userErrors.length > 0 || !result.questionnaire) {
      return fail(400, { draft, errors: draftErrors(result.userErrors, questionRows, draft) });
    }
    const { code, version } = result.questionnaire;
    redirect(303, `/questionnaires/${encodeURIComponent(code)}/${version}?published=1`);
  },
};
