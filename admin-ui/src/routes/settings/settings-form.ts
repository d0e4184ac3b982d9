// The form of /settings: a province's local practice from a day on (docs/domain.md, top; docs/api.md
// "Administration"). Two working sessions (morning and afternoon), the same-day cut-off, the
// comparison and the five evaluation bands, read from the form into the API's input. Pure:
// settings-form.test.ts. The API checks everything again (INVALID_SETTING); the form only catches
// what it can say better next to its own fields.
import type { FieldErrors } from '$lib/form-errors';

export const COMPARISONS = [
  { value: 'DAY', label: 'Theo ngày (kết thúc trong ngày hẹn trả là đúng hạn)' },
  { value: 'INSTANT', label: 'Theo thời điểm (kết thúc sau giờ hẹn trả là trễ hạn)' },
] as const;

export const comparisonLabel = (value: string) => (value === 'INSTANT' ? 'Theo thời điểm' : 'Theo ngày');

/** The five bands, in the order the form lists them. */
export const BAND_CODES = ['EXCELLENT', 'GOOD', 'FAIR', 'AVERAGE', 'POOR'] as const;

/** The form's field keys, in display order (the error summary lists them so). */
export const FIELD_ORDER: readonly string[] = [
  'agencyCode',
  'effectiveFrom',
  'workingHours',
  'morningStart',
  'morningEnd',
  'afternoonStart',
  'afternoonEnd',
  'sameDayCutoff',
  'comparison',
  'evaluationBands',
  ...BAND_CODES.flatMap((_, i) => [`evaluationBands.${i}.label`, `evaluationBands.${i}.min`]),
];

export interface Band {
  code: string;
  label: string;
  min: number;
  minInclusive: boolean;
}

/** What the form shows: the values typed (or those in force, for a new change). */
export interface SettingsValues {
  effectiveFrom: string;
  morningStart: string;
  morningEnd: string;
  afternoonStart: string;
  afternoonEnd: string;
  sameDayCutoff: string;
  comparison: string;
  bands: { code: string; label: string; min: string; minInclusive: boolean }[];
}

export interface SettingsInput {
  agencyCode: string;
  effectiveFrom: string;
  workingHours: { start: string; end: string }[];
  sameDayCutoff: string;
  comparison: 'DAY' | 'INSTANT';
  evaluationBands: Band[];
}

/** The form filled with settings in force, to be changed from `effectiveFrom`. */
export function valuesFrom(
  settings: {
    workingHours: readonly { start: string; end: string }[];
    sameDayCutoff: string;
    comparison: string;
    evaluationBands: readonly Band[];
  },
  effectiveFrom: string,
): SettingsValues {
  const [morning, afternoon] = settings.workingHours;
  return {
    effectiveFrom,
    morningStart: morning?.start ?? '',
    morningEnd: morning?.end ?? '',
    afternoonStart: afternoon?.start ?? '',
    afternoonEnd: afternoon?.end ?? '',
    sameDayCutoff: settings.sameDayCutoff,
    comparison: settings.comparison,
    bands: BAND_CODES.map((code) => {
      const band = settings.evaluationBands.find((b) => b.code === code);
      return {
        code,
        label: band?.label ?? '',
        min: band ? String(band.min) : '',
        minInclusive: band?.minInclusive ?? true,
      };
    }),
  };
}

const text = (form: FormData, key: string) => String(form.get(key) ?? '').trim();

export function valuesFromForm(form: FormData): SettingsValues {
  return {
    effectiveFrom: text(form, 'effectiveFrom'),
    morningStart: text(form, 'morningStart'),
    morningEnd: text(form, 'morningEnd'),
    afternoonStart: text(form, 'afternoonStart'),
    afternoonEnd: text(form, 'afternoonEnd'),
    sameDayCutoff: text(form, 'sameDayCutoff'),
    comparison: text(form, 'comparison'),
    bands: BAND_CODES.map((code, i) => ({
      code,
      label: text(form, `evaluationBands.${i}.label`),
      min: text(form, `evaluationBands.${i}.min`).replace(',', '.'),
      minInclusive: form.get(`evaluationBands.${i}.minInclusive`) === 'on',
    })),
  };
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]?\d|2[0-4]):[0-5]\d$/;

/** The API's input, or the form's own refusals keyed as the API's fields are. */
export function parseSettings(
  agencyCode: string,
  v: SettingsValues,
  today: string,
): { input: SettingsInput; errors: null } | { input: null; errors: FieldErrors } {
  const errors: FieldErrors = {};
  if (!DAY.test(v.effectiveFrom)) errors.effectiveFrom = 'Chọn ngày bắt đầu áp dụng.';
  else if (v.effectiveFrom < today) {
    errors.effectiveFrom = 'Ngày áp dụng phải từ hôm nay trở đi: số liệu đã công bố không thay đổi.';
  }
  const times: [keyof SettingsValues, string][] = [
    ['morningStart', 'Giờ bắt đầu buổi sáng'],
    ['morningEnd', 'Giờ kết thúc buổi sáng'],
    ['afternoonStart', 'Giờ bắt đầu buổi chiều'],
    ['afternoonEnd', 'Giờ kết thúc buổi chiều'],
  ];
  for (const [key, label] of times) {
    if (!TIME.test(String(v[key]))) errors[key] = `${label}: nhập giờ dạng HH:MM, ví dụ 07:30.`;
  }
  if (!TIME.test(v.sameDayCutoff)) errors.sameDayCutoff = 'Giờ chốt: nhập giờ dạng HH:MM, ví dụ 15:00.';
  if (v.comparison !== 'DAY' && v.comparison !== 'INSTANT') errors.comparison = 'Chọn cách so sánh với hạn.';
  const bands: Band[] = [];
  v.bands.forEach((b, i) => {
    const min = Number(b.min);
    if (b.min === '' || !Number.isFinite(min)) {
      errors[`evaluationBands.${i}.min`] =
        `Ngưỡng điểm của mức “${b.label || b.code}” phải là một số từ 0 đến 18.`;
    }
    if (!b.label) errors[`evaluationBands.${i}.label`] = 'Nhập tên mức xếp loại.';
    bands.push({ code: b.code, label: b.label, min, minInclusive: b.minInclusive });
  });
  if (Object.keys(errors).length > 0) return { input: null, errors };
  return {
    input: {
      agencyCode,
      effectiveFrom: v.effectiveFrom,
      workingHours: [
        { start: v.morningStart, end: v.morningEnd },
        { start: v.afternoonStart, end: v.afternoonEnd },
      ],
      sameDayCutoff: v.sameDayCutoff,
      comparison: v.comparison as 'DAY' | 'INSTANT',
      evaluationBands: bands,
    },
    errors: null,
  };
}

/** Where an error of the API shows: the session's fields are shown as the morning and afternoon. */
export function settingsFieldKey(key: string): string {
  const session = /^workingHours\.(\d)\.(start|end)$/.exec(key);
  if (session) {
    const part = session[1] === '0' ? 'morning' : 'afternoon';
    return `${part}${session[2] === 'start' ? 'Start' : 'End'}`;
  }
  return key;
}
