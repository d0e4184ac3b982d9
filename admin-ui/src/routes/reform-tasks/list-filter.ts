// The filter of the reform task list (?agency=&year=&status=&standing=&q=) and the API's
// ReformTaskFilter. `standing` picks the reminders: overdue (quá hạn) or due within 7 days (sắp đến
// hạn). Pure: list-filter.test.ts.
import type { ReformTaskFilter } from '$lib/graphql/generated/graphql';
import { isStatus, type StatusValue } from '../../lib/reform/labels';

const AGENCY_CODE = /^[\w.-]{1,40}$/;

export interface TaskListFilter {
  agencyCode: string;
  year: string;
  status: StatusValue | '';
  standing: '' | 'overdue' | 'dueSoon';
  search: string;
}

export function taskListFilterFrom(params: URLSearchParams): TaskListFilter {
  const agency = (params.get('agency') ?? '').trim();
  const year = (params.get('year') ?? '').trim();
  const status = params.get('status') ?? '';
  const standing = params.get('standing') ?? '';
  return {
    agencyCode: AGENCY_CODE.test(agency) ? agency : '',
    year: /^(20\d\d|2100)$/.test(year) ? year : '',
    status: isStatus(status) ? status : '',
    standing: standing === 'overdue' || standing === 'dueSoon' ? standing : '',
    search: (params.get('q') ?? '').replace(/\s+/g, ' ').trim().slice(0, 100),
  };
}

export function taskFilterInput(filter: TaskListFilter): ReformTaskFilter | null {
  const input: ReformTaskFilter = {};
  if (filter.agencyCode) input.agencyCode = filter.agencyCode;
  if (filter.year) input.year = Number(filter.year);
  if (filter.status) input.status = filter.status;
  if (filter.standing === 'overdue') input.overdue = true;
  if (filter.standing === 'dueSoon') input.dueSoon = true;
  if (filter.search) input.search = filter.search;
  return Object.keys(input).length > 0 ? input : null;
}
