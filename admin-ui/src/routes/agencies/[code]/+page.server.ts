import { error, fail, redirect } from '@sveltejs/kit';
import { type FieldErrors, toFieldErrors } from '$lib/form-errors';
import { todayInVietnam } from '$lib/format';
import {
  AdminAgencyBriefDocument,
  AdminAgencyDocument,
  AdminCreateAgencyDocument,
  AdminMergeAgencyDocument,
  AdminMoveAgencyDocument,
  AdminProcedureSearchForAgencyDocument,
  AdminSetAgencyProceduresDocument,
  AdminUpdateAgencyDocument,
  type AgencyLevel,
} from '$lib/graphql/generated/graphql';
import { connectionArgs, pageRequestFrom, pagerFor, visibleEdges } from '$lib/pager';
import { callApi } from '$lib/server/api';
import { agencyHref, ancestry, hasEnded, mayAdminister, parseCodes, parseDayInput } from '../agency-tree';
import type { Actions, PageServerLoad } from './$types';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** What a finished action says on the page it leads back to (?done=…). */
const DONE: Record<string, string> = {
  update: 'Đã lưu thông tin đơn vị.',
  create: 'Đã thêm đơn vị trực thuộc.',
  move: 'Đã chuyển đơn vị sang đơn vị cha mới.',
  merge: 'Đã sáp nhập đơn vị.',
};

/** What a change of the implemented procedures did, or why nothing changed (the codes were already so). */
function proceduresDone(added: number, removed: number): string {
  const list = 'danh mục thủ tục đơn vị thực hiện';
  if (added > 0 && removed > 0) return `Đã thêm ${added} và bỏ ${removed} thủ tục trong ${list}.`;
  if (added > 0) return `Đã thêm ${added} thủ tục vào ${list}.`;
  if (removed > 0) return `Đã bỏ ${removed} thủ tục khỏi ${list}.`;
  return `Không có thay đổi: các thủ tục đã có (hoặc đã không có) trong ${list}.`;
}

export const load: PageServerLoad = async (event) => {
  const { url, params, locals } = event;
  const today = todayInVietnam();
  const activeOnParam = url.searchParams.get('activeOn');
  const activeOn = activeOnParam && DAY.test(activeOnParam) ? activeOnParam : null;
  const request = pageRequestFrom(url.searchParams);
  const { agency } = await callApi(event, AdminAgencyDocument, {
    code: params.code,
    activeOn,
    ...connectionArgs(request),
  });
  if (!agency) {
    error(404, {
      message: activeOn
        ? `Không có cơ quan, đơn vị mã ${params.code} vào ngày ${activeOn.split('-').reverse().join('/')}.`
        : `Không có cơ quan, đơn vị mã ${params.code}.`,
    });
  }
  const ended = hasEnded(agency, today);
  // The unit, its ancestors and, for a merged unit, its successor's: whose admins may act on it.
  const chain = [...ancestry(agency), ...ancestry(agency.successor)];
  const mayAdmin = !ended && mayAdminister(locals.viewer, chain);

  const search = (url.searchParams.get('tim') ?? '').trim().slice(0, 200);
  const found =
    mayAdmin && search
      ? (await callApi(event, AdminProcedureSearchForAgencyDocument, { search })).procedures
      : null;

  const edges = visibleEdges(request, agency.procedures.edges, agency.procedures.totalCount);
  const done = url.searchParams.get('done');
  const added = Number(url.searchParams.get('added') ?? 0);
  const removed = Number(url.searchParams.get('removed') ?? 0);
  return {
    today,
    agency,
    ended,
    mayAdmin,
    procedures: edges.map((e) => e.node),
    pager: pagerFor(url, request, { ...agency.procedures, edges }),
    search,
    found: found ? { totalCount: found.totalCount, rows: found.edges.map((e) => e.node) } : null,
    done: done === 'procedures' ? proceduresDone(added, removed) : done ? (DONE[done] ?? null) : null,
  };
};

type FormName = 'update' | 'create' | 'move' | 'merge' | 'procedures';

const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

/** The API's userErrors as messages keyed "<form>.<field>", so that every form's ids stay distinct. */
function apiErrors(
  formName: FormName,
  userErrors: readonly { field?: readonly string[] | null; message: string }[],
  fields: readonly string[],
): FieldErrors {
  const errors = toFieldErrors(userErrors, { known: (key) => fields.includes(key) });
  return Object.fromEntries(
    Object.entries(errors).map(([key, message]) => [key ? `${formName}.${key}` : '', message]),
  );
}

const refuse = (formName: FormName, values: Record<string, string>, errors: FieldErrors, extra = {}) =>
  fail(400, { form: formName, values, errors, ...extra });

/** Back to the unit's page with a message; a unit that has ended is named by its last day. */
function back(unit: { code: string; validTo?: string | null }, query: Record<string, string>): never {
  const href = agencyHref({ code: unit.code, validTo: unit.validTo ?? null }, todayInVietnam());
  const sep = href.includes('?') ? '&' : '?';
  redirect(303, `${href}${sep}${new URLSearchParams(query)}#ket-qua`);
}

export const actions: Actions = {
  update: async (event) => {
    const form = await event.request.formData();
    const values = {
      name: text(form, 'name'),
      shortName: text(form, 'shortName'),
      dossierPrefix: text(form, 'dossierPrefix'),
      note: text(form, 'note'),
    };
    if (!values.name) return refuse('update', values, { 'update.name': 'Vui lòng nhập tên đơn vị.' });
    const { updateAgency: result } = await callApi(event, AdminUpdateAgencyDocument, {
      input: {
        code: event.params.code,
        name: values.name,
        // An emptied field clears it (the API: null clears).
        shortName: values.shortName || null,
        dossierPrefix: values.dossierPrefix || null,
        note: values.note || null,
      },
    });
    if (result.userErrors.length > 0 || !result.agency)
      return refuse('update', values, apiErrors('update', result.userErrors, Object.keys(values)));
    back(result.agency, { done: 'update' });
  },

  create: async (event) => {
    const form = await event.request.formData();
    const values = {
      code: text(form, 'code'),
      name: text(form, 'name'),
      shortName: text(form, 'shortName'),
      level: text(form, 'level'),
      validFrom: text(form, 'validFrom'),
      dossierPrefix: text(form, 'dossierPrefix'),
      note: text(form, 'note'),
    };
    const errors: FieldErrors = {};
    if (!values.code) errors['create.code'] = 'Vui lòng nhập mã đơn vị.';
    if (!values.name) errors['create.name'] = 'Vui lòng nhập tên đơn vị.';
    if (!['COMMUNE', 'DEPARTMENT'].includes(values.level))
      errors['create.level'] = 'Vui lòng chọn cấp đơn vị.';
    const validFrom = values.validFrom ? parseDayInput(values.validFrom) : null;
    if (values.validFrom && !validFrom)
      errors['create.validFrom'] = 'Ngày không hợp lệ: nhập theo dạng dd/mm/yyyy.';
    if (Object.keys(errors).length > 0) return refuse('create', values, errors);
    const { createAgency: result } = await callApi(event, AdminCreateAgencyDocument, {
      input: {
        parentCode: event.params.code,
        code: values.code,
        name: values.name,
        level: values.level as AgencyLevel,
        shortName: values.shortName || null,
        dossierPrefix: values.dossierPrefix || null,
        note: values.note || null,
        validFrom,
      },
    });
    if (result.userErrors.length > 0 || !result.agency)
      return refuse('create', values, apiErrors('create', result.userErrors, Object.keys(values)));
    back(result.agency, { done: 'create' });
  },

  move: async (event) => {
    const form = await event.request.formData();
    const values = { parentCode: text(form, 'parentCode') };
    if (!values.parentCode)
      return refuse('move', values, { 'move.parentCode': 'Vui lòng nhập mã đơn vị cha mới.' });
    const { moveAgency: result } = await callApi(event, AdminMoveAgencyDocument, {
      input: { code: event.params.code, parentCode: values.parentCode },
    });
    if (result.userErrors.length > 0 || !result.agency)
      return refuse('move', values, apiErrors('move', result.userErrors, ['parentCode']));
    back(result.agency, { done: 'move' });
  },

  /** Merge, step 1: who the successor is on that day, for the official to confirm. Nothing is written. */
  mergePreview: async (event) => {
    const form = await event.request.formData();
    const values = { successorCode: text(form, 'successorCode'), effectiveDate: text(form, 'effectiveDate') };
    const errors: FieldErrors = {};
    if (!values.successorCode) errors['merge.successorCode'] = 'Vui lòng nhập mã đơn vị kế thừa.';
    const effectiveDate = parseDayInput(values.effectiveDate);
    if (!values.effectiveDate) errors['merge.effectiveDate'] = 'Vui lòng nhập ngày sáp nhập có hiệu lực.';
    else if (!effectiveDate) errors['merge.effectiveDate'] = 'Ngày không hợp lệ: nhập theo dạng dd/mm/yyyy.';
    if (Object.keys(errors).length > 0 || !effectiveDate) return refuse('merge', values, errors);
    const { agency: successor } = await callApi(event, AdminAgencyBriefDocument, {
      code: values.successorCode,
      activeOn: effectiveDate,
    });
    if (!successor) {
      return refuse('merge', values, {
        'merge.successorCode': `Không có đơn vị mã ${values.successorCode} vào ngày ${values.effectiveDate}.`,
      });
    }
    if (successor.code === event.params.code && !successor.validTo) {
      return refuse('merge', values, { 'merge.successorCode': 'Không thể sáp nhập đơn vị vào chính nó.' });
    }
    return { form: 'merge' as const, step: 'confirm' as const, values, effectiveDate, successor };
  },

  /** Merge, step 2 (after the confirmation). */
  merge: async (event) => {
    const form = await event.request.formData();
    const values = { successorCode: text(form, 'successorCode'), effectiveDate: text(form, 'effectiveDate') };
    const effectiveDate = parseDayInput(values.effectiveDate);
    if (!effectiveDate || !values.successorCode)
      return refuse('merge', values, { '': 'Thiếu đơn vị kế thừa hoặc ngày sáp nhập.' });
    const { mergeAgency: result } = await callApi(event, AdminMergeAgencyDocument, {
      input: { code: event.params.code, successorCode: values.successorCode, effectiveDate },
    });
    if (result.userErrors.length > 0 || !result.agency)
      return refuse(
        'merge',
        values,
        apiErrors('merge', result.userErrors, ['successorCode', 'effectiveDate']),
      );
    back(result.agency, { done: 'merge' });
  },

  /** Adds the codes typed or the one "Thêm" button; removes the one "Bỏ" button or the codes typed. */
  procedures: async (event) => {
    const form = await event.request.formData();
    const values = { add: text(form, 'add'), remove: text(form, 'remove') };
    const add = parseCodes(values.add);
    const remove = parseCodes(values.remove);
    if (add.length === 0 && remove.length === 0)
      return refuse('procedures', values, { 'procedures.add': 'Nhập ít nhất một mã thủ tục.' });
    const { setAgencyProcedures: result } = await callApi(event, AdminSetAgencyProceduresDocument, {
      input: { agencyCode: event.params.code, add, remove },
    });
    if (result.userErrors.length > 0)
      return refuse('procedures', values, apiErrors('procedures', result.userErrors, ['add', 'remove']));
    const query = new URLSearchParams(event.url.searchParams);
    // Keep the page (filters, procedures page), drop the action's own key ("/procedures") and old counts.
    for (const key of [...query.keys()])
      if (key.startsWith('/') || ['done', 'added', 'removed'].includes(key)) query.delete(key);
    query.set('done', 'procedures');
    query.set('added', String(result.added.length));
    query.set('removed', String(result.removed.length));
    redirect(303, `${event.url.pathname}?${query}#ket-qua`);
  },
};
