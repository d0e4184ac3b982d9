import { loadVersion } from '../../../load-version.server';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
  questionnaire: await loadVersion(event, event.params.code, event.params.version),
});
