// The filter of the catalogue list as the GET form sends it (?q=&sector=&level=&status=), checked
// and turned into the API's ProcedureFilter. Pure: list-filter.test.ts.
import type { OnlineLevel, ProcedureFilter, ProcedurePublication } from '../graphql/generated/graphql';
import { ONLINE_LEVEL_LABELS } from '../labels';

/** The API accepts up to 500 characters; a search box needs far less. */
const MAX_SEARCH_LENGTH = 200;

export interface ListFilter {
  search: string;
  sectorCode: string;
  onlineLevel: OnlineLevel | '';
  /** Published (the public catalogue, the default), withdrawn, or both. */
  publication: ProcedurePublication;
}

export const PUBLICATION_LABELS: Record<ProcedurePublication, string> = {
  PUBLISHED: 'Đang công bố',
  WITHDRAWN: 'Đã rút khỏi danh mục',
  ALL: 'Tất cả',
};

/** The search text: trimmed, inner whitespace collapsed, bounded. */
export function normalizeSearch(raw: string | null | undefined): string {
  return (raw ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_SEARCH_LENGTH);
}

const SECTOR_CODE = /^[\w.-]{1,40}$/;

export function listFilterFrom(params: URLSearchParams): ListFilter {
  const level = params.get('level') ?? '';
  const sector = (params.get('sector') ?? '').trim();
  const status = params.get('status') ?? '';
  return {
    search: normalizeSearch(params.get('q')),
    sectorCode: SECTOR_CODE.test(sector) ? sector : '',
    onlineLevel: Object.hasOwn(ONLINE_LEVEL_LABELS, level) ? (level as OnlineLevel) : '',
    publication: Object.hasOwn(PUBLICATION_LABELS, status) ? (status as ProcedurePublication) : 'PUBLISHED',
  };
}

/** The API's filter; null when nothing is filtered. */
export function filterInput(filter: ListFilter): ProcedureFilter | null {
  const input: ProcedureFilter = {};
  if (filter.search) input.search = filter.search;
  if (filter.sectorCode) input.sectorCode = filter.sectorCode;
  if (filter.onlineLevel) input.onlineLevel = filter.onlineLevel;
  return Object.keys(input).length > 0 ? input : null;
}

export const isFiltered = (filter: ListFilter) =>
  filterInput(filter) !== null || filter.publication !== 'PUBLISHED';
