import { loadReport } from '$lib/report/load-report.server';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => loadReport(event);
