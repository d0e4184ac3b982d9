// One version of a questionnaire for the pages under /questionnaires/[code]/…: 404 when there is none.
import { error, type RequestEvent } from '@sveltejs/kit';
import { AdminQuestionnaireDocument } from '$lib/graphql/generated/graphql';
import { callApi } from '$lib/server/api';

/** `version` null: the version in use (the API's choice: the published one, else the newest). */
export async function loadVersion(
  event: Pick<RequestEvent, 'locals' | 'cookies' | 'url'>,
  code: string,
  version: string | null,
) {
  const number = version === null ? null : /^\d{1,6}$/.test(version) ? Number(version) : Number.NaN;
  if (Number.isNaN(number)) error(404, { message: `Không có phiên bản "${version}" của phiếu ${code}.` });
  const { questionnaire } = await callApi(event, AdminQuestionnaireDocument, { code, version: number });
  if (!questionnaire) {
    error(404, {
      message:
        number === null
          ? `Không có phiếu khảo sát mã ${code}.`
          : `Không có phiên bản ${number} của phiếu ${code}.`,
    });
  }
  return questionnaire;
}
