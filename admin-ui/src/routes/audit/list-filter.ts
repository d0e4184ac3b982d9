// The filter of the audit log (?who=&action=&entity=&entityId=&agency=&from=&to=), checked, and the
// API's AuditLogFilter. Pure: list-filter.test.ts.
import type { FieldErrors } from '$lib/form-errors';
import { isDay } from '../ratings/list-filter';
import { ACTION_FAMILIES, ACTION_LABELS } from './audit-labels';

const CODE = /^[\w.-]{1,40}$/;
const USERNAME = /^[a-z0-9._-]{1,64}$/;
const ENTITY = /^[A-Za-z]{1,40}$/;
const ACTION = /^[a-z-]{1,40}(\.[a-z-]{1,40})?$/;

export interface AuditListFilter {
  username: string;
  action: string;
  entity: string;
  entityId: string;
  agencyCode: string;
  from: string;
  to: string;
}

export interface AuditFilterInput {
  username?: string;
  action?: string;
  entity?: string;
  entityId?: string;
  agencyCode?: string;
  from?: string;
  to?: string;
}

export function auditListFilterFrom(params: URLSearchParams): {
  filter: AuditListFilter;
  errors: FieldErrors;
} {
  const get = (name: string) => (params.get(name) ?? '').trim();
  const filter: AuditListFilter = {
    username: get('who').toLowerCase(),
    action: get('action'),
    entity: get('entity'),
    entityId: get('entityId').slice(0, 100),
    agencyCode: CODE.test(get('agency')) ? get('agency') : '',
    from: get('from'),
    to: get('to'),
  };
  const errors: FieldErrors = {};
  if (filter.username && !USERNAME.test(filter.username)) {
    errors.who = 'Tên đăng nhập gồm chữ thường không dấu, số, dấu chấm, gạch dưới, gạch ngang.';
  }
  // A family or an action the API may add later is accepted when it has the shape of one.
  if (
    filter.action &&
    !(filter.action in ACTION_FAMILIES || filter.action in ACTION_LABELS || ACTION.test(filter.action))
  ) {
    errors.action = 'Thao tác không hợp lệ.';
  }
  if (filter.entity && !ENTITY.test(filter.entity)) errors.entity = 'Loại đối tượng không hợp lệ.';
  if (filter.from && !isDay(filter.from)) errors.from = 'Ngày bắt đầu không hợp lệ.';
  if (filter.to && !isDay(filter.to)) errors.to = 'Ngày kết thúc không hợp lệ.';
  if (!errors.from && !errors.to && filter.from && filter.to && filter.from > filter.to) {
    errors.to = 'Ngày kết thúc phải từ ngày bắt đầu trở đi.';
  }
  return { filter, errors };
}

/** The API's filter without the refused parts; null when nothing is filtered. */
export function auditFilterInput(filter: AuditListFilter, errors: FieldErrors): AuditFilterInput | null {
  const input: AuditFilterInput = {};
  if (filter.username && !errors.who) input.username = filter.username;
  if (filter.action && !errors.action) input.action = filter.action;
  if (filter.entity && !errors.entity) input.entity = filter.entity;
  if (filter.entityId) input.entityId = filter.entityId;
  if (filter.agencyCode) input.agencyCode = filter.agencyCode;
  if (!errors.from && !errors.to) {
    if (filter.from) input.from = filter.from;
    if (filter.to) input.to = filter.to;
  }
  return Object.keys(input).length > 0 ? input : null;
}
