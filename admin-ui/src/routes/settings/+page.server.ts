import { fail, redirect } from '@sveltejs/kit';
import { toFieldErrors } from '$lib/form-errors';
import { todayInVietnam } from '$lib/format';
import {
  AdminPracticeProvincesDocument,
  AdminPracticeSettingsDocument,
  AdminUpdatePracticeSettingsDocument,
} from '$lib/graphql/generated/graphql';
import { callApi } from '$lib/server/api';
import type { Actions, PageServerLoad } from './$types';
import { FIELD_ORDER, parseSettings, settingsFieldKey, valuesFromForm } from './settings-form';

const CODE = /^[0-9A-Za-z._-]{1,40}$/;

export const load: PageServerLoad = async (event) => {
  const today = todayInVietnam();
  // The official's own units (a unit admin's grants); a system administrator picks a province.
  const units = new Map<string, string>();
  for (const g of event.locals.viewer?.roles ?? []) {
    if (g.agencyCode) units.set(g.agencyCode, g.agencyName ?? g.agencyCode);
  }
  if (units.size === 0) {
    const { agencies } = await callApi(event, AdminPracticeProvincesDocument, { today });
    for (const { node } of agencies.edges) units.set(node.code, node.name);
  }
  const asked = event.url.searchParams.get('agency');
  const agencyCode = asked && CODE.test(asked) ? asked : ([...units.keys()][0] ?? null);
  const settings = agencyCode
    ? (await callApi(event, AdminPracticeSettingsDocument, { agencyCode, on: today })).practiceSettings
    : null;
  // The form is offered to those the API lets change the province: a system administrator, or an
  // administrator of the province itself (a commune's administrator sees the settings only).
  const roles = event.locals.viewer?.roles ?? [];
  const mayChange =
    settings?.province != null &&
    roles.some(
      (g) =>
        g.role === 'SYSTEM_ADMIN' || (g.role === 'UNIT_ADMIN' && g.agencyCode === settings.province?.code),
    );
  return {
    today,
    units: [...units].map(([code, name]) => ({ code, name })),
    agencyCode,
    settings,
    mayChange,
    saved: event.url.searchParams.get('saved') === '1',
  };
};

export const actions: Actions = {
  save: async (event) => {
    const form = await event.request.formData();
    const agencyCode = String(form.get('agencyCode') ?? '').trim();
    const values = valuesFromForm(form);
    const parsed = parseSettings(agencyCode, values, todayInVietnam());
    if (parsed.errors) return fail(400, { values, errors: parsed.errors });
    const { updatePracticeSettings: result } = await callApi(event, AdminUpdatePracticeSettingsDocument, {
      input: parsed.input,
    });
    if (result.userErrors.length > 0) {
      const known = new Set(FIELD_ORDER);
      const byApi = toFieldErrors(
        result.userErrors.map((e) => ({
          ...e,
          // ["input", "workingHours", "0", "start"] → ["input", "morningStart"].
          field: e.field ? ['input', ...settingsFieldKey(e.field.slice(1).join('.')).split('.')] : e.field,
        })),
        { known: (key) => known.has(key) },
      );
      return fail(400, { values, errors: byApi });
    }
    redirect(303, `/settings?agency=${encodeURIComponent(agencyCode)}&saved=1`);
  },
};
