// The 9-indicator evaluation of a unit for a quarter (/reports/evaluation?don-vi=&nam=&quy=), with the
// points the system cannot compute entered side by side: self-scored by the unit, verified by its
// administrators above or the Internal Affairs office. Errors come back per field from the API.
import { fail } from '@sveltejs/kit';
import { todayInVietnam } from '$lib/format';
import {
  AdminEvaluationDocument,
  AdminSetEvaluationScoresDocument,
  type AdminSetEvaluationScoresMutation,
} from '$lib/graphql/generated/graphql';
import { entryRights, fieldOfError, scoresFromForm } from '$lib/report/evaluation-form';
import { throwAsPage, userErrorsOf } from '$lib/server/api';
import { ApiRequestError } from '$lib/server/graphql';
import type { Actions, PageServerLoad } from './$types';

function address(url: URL, fallbackCode: string | null) {
  const today = todayInVietnam();
  const year = Number(url.searchParams.get('nam'));
  const quarter = Number(url.searchParams.get('quy'));
  const code = url.searchParams.get('don-vi') || fallbackCode;
  return {
    code,
    year: Number.isInteger(year) && year >= 2018 && year <= 2100 ? year : Number(today.slice(0, 4)),
    quarter:
      Number.isInteger(quarter) && quarter >= 1 && quarter <= 4
        ? quarter
        : Math.ceil(Number(today.slice(5, 7)) / 3),
  };
}

const ownUnit = (locals: App.Locals) => locals.viewer?.roles.find((g) => g.agencyCode)?.agencyCode ?? null;

export const load: PageServerLoad = async (event) => {
  const { code, year, quarter } = address(event.url, ownUnit(event.locals));
  const rights = entryRights(event.locals.viewer);
  if (!code) return { code, year, quarter, rights, evaluation: null, refusal: 'Chưa chọn đơn vị.' };
  try {
    const { oneStopEvaluation } = await event.locals.api.request(AdminEvaluationDocument, {
      code,
      year,
      quarter,
    });
    return { code, year, quarter, rights, evaluation: oneStopEvaluation, refusal: null };
  } catch (caught) {
    if (
      caught instanceof ApiRequestError &&
      (caught.code === 'NOT_FOUND' || caught.code === 'INVALID_PERIOD')
    ) {
      return {
        code,
        year,
        quarter,
        rights,
        evaluation: null,
        refusal: caught.apiMessage ?? 'Không tìm thấy đơn vị.',
      };
    }
    throwAsPage(event, caught);
  }
};

export const actions: Actions = {
  default: async (event) => {
    const { code, year, quarter } = address(event.url, ownUnit(event.locals));
    const form = await event.request.formData();
    const values = Object.fromEntries([...form].map(([k, v]) => [k, String(v)]));
    const scores = scoresFromForm(form, entryRights(event.locals.viewer));
    if (!code) return fail(400, { values, errors: { '': 'Chưa chọn đơn vị.' } });
    if (scores.length === 0)
      return fail(400, { values, errors: { '': 'Chưa có điểm nào thay đổi để lưu.' } });
    let payload: AdminSetEvaluationScoresMutation['setEvaluationScores'];
    try {
      ({ setEvaluationScores: payload } = await event.locals.api.request(AdminSetEvaluationScoresDocument, {
        input: { agencyCode: code, year, quarter, scores },
      }));
    } catch (caught) {
      // A role that may not enter these points: said on the form, nothing saved.
      if (caught instanceof ApiRequestError && caught.problem === 'forbidden') {
        return fail(403, {
          values,
          errors: { '': caught.apiMessage ?? 'Tài khoản không được nhập điểm này.' },
        });
      }
      throwAsPage(event, caught);
    }
    const userErrors = userErrorsOf(event, payload.userErrors);
    if (userErrors.length > 0) {
      const errors: Record<string, string> = {};
      for (const e of userErrors) {
        const key = fieldOfError(e.field, scores);
        errors[key] = errors[key] ? `${errors[key]}\n${e.message}` : e.message;
      }
      return fail(400, { values, errors });
    }
    return { saved: `Đã lưu điểm của ${scores.length} tiêu chí.` };
  },
};
