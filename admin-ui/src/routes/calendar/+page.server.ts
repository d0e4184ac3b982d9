import { error, fail, redirect } from '@sveltejs/kit';
import { todayInVietnam } from '$lib/format';
import {
  AdminCalendarDaysDocument,
  AdminCalendarPreviewDocument,
  AdminCalendarUpdateDocument,
} from '$lib/graphql/generated/graphql';
import { callApi } from '$lib/server/api';
import type { Actions, PageServerLoad } from './$types';
import {
  type ChangeInput,
  DAY_TYPES,
  describeChange,
  fieldOfApiError,
  type MarkValues,
  markValuesFrom,
  parseMark,
  parseRemove,
} from './calendar-form';
import { buildYearGrid, workingDayCount, yearFrom } from './year-grid';

export const load: PageServerLoad = async (event) => {
  const { url } = event;
  const currentYear = Number(todayInVietnam().slice(0, 4));
  const year = yearFrom(url.searchParams.get('year'), currentYear);
  if (year === null) error(400, { message: 'Năm không hợp lệ: chọn một năm từ 2000 đến 2100.' });
  const { calendarDays } = await callApi(event, AdminCalendarDaysDocument, {
    from: `${year}-01-01`,
    to: `${year}-12-31`,
  });
  const months = buildYearGrid(year, calendarDays);
  // "Sửa" on a row of the list fills the form with that day (?date=…#danh-dau).
  const editing = calendarDays.find((d) => d.date === url.searchParams.get('date')) ?? null;
  const saved = url.searchParams.get('saved');
  return {
    year,
    currentYear,
    months,
    workingDays: workingDayCount(months),
    exceptions: calendarDays,
    editing,
    saved: saved && /^[\p{L}\p{N} ,./()“”:–-]{1,300}$/u.test(saved) ? saved : null,
  };
};

type Refusal = { mode: 'mark' | 'remove'; values: MarkValues | null; errors: Record<string, string> };

/** What the form asked, as the API's input; a refusal of the form's own checks otherwise. */
function changeFrom(
  form: FormData,
): { input: ChangeInput; summary: string; values: MarkValues | null } | Refusal {
  if (form.get('mode') === 'remove') {
    const input = parseRemove(form);
    if (!input) return { mode: 'remove', values: null, errors: { '': 'Ngày cần xóa không hợp lệ.' } };
    return { input, summary: describeChange(input, null), values: null };
  }
  const values = markValuesFrom(form);
  const { errors, input } = parseMark(values);
  if (!input) return { mode: 'mark', values, errors };
  const label = DAY_TYPES.find((t) => t.value === values.type)?.label ?? null;
  return { input, summary: describeChange(input, label), values };
}

const apiErrors = (userErrors: readonly { field?: readonly string[] | null; message: string }[]) => {
  const errors: Record<string, string> = {};
  for (const e of userErrors) {
    const key = fieldOfApiError(e.field);
    errors[key] = errors[key] ? `${errors[key]}\n${e.message}` : e.message;
  }
  return errors;
};

export const actions: Actions = {
  /** Step 1: which due dates the change moves; nothing is written. */
  preview: async (event) => {
    const form = await event.request.formData();
    const change = changeFrom(form);
    if ('errors' in change) return fail(400, { step: 'form' as const, ...change });
    const { calendarChangePreview: preview } = await callApi(event, AdminCalendarPreviewDocument, {
      input: change.input,
    });
    const mode = change.input.remove.length > 0 ? ('remove' as const) : ('mark' as const);
    if (preview.userErrors.length > 0) {
      return fail(400, {
        step: 'form' as const,
        mode,
        values: change.values,
        errors: apiErrors(preview.userErrors),
      });
    }
    return {
      step: 'preview' as const,
      mode,
      values: change.values,
      remove: change.input.remove[0] ?? null,
      summary: change.summary,
      preview,
    };
  },

  /** Step 2, after the preview: the change itself. */
  save: async (event) => {
    const form = await event.request.formData();
    const change = changeFrom(form);
    if ('errors' in change) return fail(400, { step: 'form' as const, ...change });
    const { updateCalendarDays: result } = await callApi(event, AdminCalendarUpdateDocument, {
      input: change.input,
    });
    const mode = change.input.remove.length > 0 ? ('remove' as const) : ('mark' as const);
    if (result.userErrors.length > 0) {
      return fail(400, {
        step: 'form' as const,
        mode,
        values: change.values,
        errors: apiErrors(result.userErrors),
      });
    }
    // Back to the year of the day changed, where the official sees the result.
    const firstDay = change.input.days[0]?.date ?? change.input.remove[0] ?? '';
    const year = Number(firstDay.slice(0, 4));
    redirect(303, `/calendar?${new URLSearchParams({ year: String(year), saved: change.summary })}`);
  },
};
