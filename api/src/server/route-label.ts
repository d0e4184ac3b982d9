// What a request that runs no named GraphQL operation is counted and logged as: its method and route,
// never the raw URL — ids and file names in paths, and whatever scanners try, would each become a
// time series (services/metrics.ts). Paths the API does not serve are "other".
import { DEMO_PATH } from './demo-pages.ts';
import { METRICS_PATH } from './metrics-endpoint.ts';
import { NATIONAL_SYNC_PATH } from './national-sync-endpoint.ts';
import { EXPORTS_PREFIX } from './procedure-exports.ts';
import { RATING_FAST_PATH } from './rating-fast-path.ts';
import { RATING_PAGE_PATH } from './rating-page.ts';
import { WIDGET_PREFIX } from './widget-assets.ts';
import { PAGE_STYLESHEET_PATH } from './widget-page-shell.ts';

const GRAPHQL = '/graphql';

const EXACT = new Set([
  '/',
  GRAPHQL,
  '/healthz',
  '/readyz',
  METRICS_PATH,
  NATIONAL_SYNC_PATH,
  RATING_FAST_PATH,
  RATING_PAGE_PATH,
  PAGE_STYLESHEET_PATH,
  DEMO_PATH,
]);
/** Paths under these are one route each: the rest of the path names a file or an id. */
const PREFIXES = [`${GRAPHQL}/`, EXPORTS_PREFIX, WIDGET_PREFIX, `${DEMO_PATH}/`];

const METHODS = new Set(['GET', 'HEAD', 'POST', 'OPTIONS', 'PUT', 'PATCH', 'DELETE']);

/** "GET /exports/…", "POST /graphql", "GET other". */
export function routeLabel(method: string | undefined, url: string | undefined): string {
  const verb = method && METHODS.has(method) ? method : 'OTHER';
  const path = (url ?? '/').split('?', 1)[0]!;
  if (EXACT.has(path)) return `${verb} ${path}`;
  for (const prefix of PREFIXES) if (path.startsWith(prefix)) return `${verb} ${prefix}…`;
  return `${verb} other`;
}
