// The filter of the accounts list as the GET form sends it (?q=&agency=&role=&active=), checked and
// turned into the API's UserFilter. Pure: list-filter.test.ts.
import { isRole, type RoleValue } from './agency-options';

const MAX_SEARCH_LENGTH = 100;
const AGENCY_CODE = /^[\w.-]{1,40}$/;

export interface UserListFilter {
  search: string;
  agencyCode: string;
  role: RoleValue | '';
  /** '' every account, 'true' active ones, 'false' deactivated ones. */
  active: '' | 'true' | 'false';
}

export interface UserFilterInput {
  search?: string;
  agencyCode?: string;
  role?: RoleValue;
  active?: boolean;
}

export function userListFilterFrom(params: URLSearchParams): UserListFilter {
  const agency = (params.get('agency') ?? '').trim();
  const role = params.get('role') ?? '';
  const active = params.get('active') ?? '';
  return {
    search: (params.get('q') ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_SEARCH_LENGTH),
    agencyCode: AGENCY_CODE.test(agency) ? agency : '',
    role: isRole(role) ? role : '',
    active: active === 'true' || active === 'false' ? active : '',
  };
}

/** The API's filter; null when nothing is filtered. */
export function userFilterInput(filter: UserListFilter): UserFilterInput | null {
  const input: UserFilterInput = {};
  if (filter.search) input.search = filter.search;
  if (filter.agencyCode) input.agencyCode = filter.agencyCode;
  if (filter.role) input.role = filter.role;
  if (filter.active) input.active = filter.active === 'true';
  return Object.keys(input).length > 0 ? input : null;
}
