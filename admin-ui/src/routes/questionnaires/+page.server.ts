import { AdminQuestionnaireListDocument } from '$lib/graphql/generated/graphql';
import { callApi } from '$lib/server/api';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { questionnaires } = await callApi(event, AdminQuestionnaireListDocument, {});
  // One entry per questionnaire code, its versions newest first (the API's order).
  const byCode = new Map<string, typeof questionnaires>();
  for (const version of questionnaires) {
    const list = byCode.get(version.code);
    if (list) list.push(version);
    else byCode.set(version.code, [version]);
  }
  return {
    groups: [...byCode.entries()].map(([code, versions]) => ({
      code,
      current: versions.find((v) => v.status === 'PUBLISHED') ?? versions[0]!,
      versions,
    })),
  };
};
