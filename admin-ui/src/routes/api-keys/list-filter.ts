// The filter of the API-key list (?q=&agency=&active=) and the API's ApiKeyFilter. Pure:
// list-filter.test.ts.
const AGENCY_CODE = /^[\w.-]{1,40}$/;

export interface KeyListFilter {
  search: string;
  agencyCode: string;
  /** '' every key, 'true' in use, 'false' revoked. */
  active: '' | 'true' | 'false';
}

export function keyListFilterFrom(params: URLSearchParams): KeyListFilter {
  const agency = (params.get('agency') ?? '').trim();
  const active = params.get('active') ?? '';
  return {
    search: (params.get('q') ?? '').replace(/\s+/g, ' ').trim().slice(0, 100),
    agencyCode: AGENCY_CODE.test(agency) ? agency : '',
    active: active === 'true' || active === 'false' ? active : '',
  };
}

export function keyFilterInput(
  filter: KeyListFilter,
): { search?: string; agencyCode?: string; active?: boolean } | null {
  const input: { search?: string; agencyCode?: string; active?: boolean } = {};
  if (filter.search) input.search = filter.search;
  if (filter.agencyCode) input.agencyCode = filter.agencyCode;
  if (filter.active) input.active = filter.active === 'true';
  return Object.keys(input).length > 0 ? input : null;
}
