// A province's local practice as settings (services/practice-settings.ts; docs/domain.md §3.2, §2.3,
// §3.8, §4.2): the query of the settings in force on a day with their history, and the audited
// mutation that sets them from a day not in the past.
import type { Agency } from '@tthc/db';
import type { PracticeSettings } from '../domain/practice-settings.ts';
import { cutoffOfMinute } from '../domain/procedure-record.ts';
import type { Day } from '../domain/time.ts';
import { type InputProblem, InputRefused } from '../services/input-refusal.ts';
import {
  type PracticeSettingsInput,
  type PracticeSettingsView,
  practiceSettingsView,
  updatePracticeSettings,
} from '../services/practice-settings.ts';
import { adminOf, userErrorsField, withUserErrors } from './admin-payload.ts';
import { builder } from './builder.ts';
import { BandRef } from './evaluation.ts';
import type { UserError } from './user-errors.ts';

const ComparisonEnum = builder.enumType('ComparisonGranularity', {
  description: 'How the end of a dossier is compared with its due date (docs/domain.md §3.8).',
  values: {
    DAY: {
      description: 'By calendar day in Asia/Ho_Chi_Minh: ending on the due day is on time (the default).',
    },
    INSTANT: { description: 'By the exact instant: ending after the due time is late.' },
  } as const,
});

const toEnum = (g: PracticeSettings['granularity']) => (g === 'instant' ? 'INSTANT' : 'DAY');

/** Minutes of the day as HH:MM; 1440 is written 24:00. */
const clock = (minute: number) => cutoffOfMinute(minute % 1440) ?? '00:00';
const endClock = (minute: number) => (minute === 1440 ? '24:00' : clock(minute));

const WorkingSessionRef = builder.objectRef<readonly [number, number]>('WorkingSession').implement({
  description: 'One working session of a working day, local time: from `start` (included) to `end`.',
  fields: (t) => ({
    start: t.string({ description: 'HH:MM.', resolve: ([start]) => clock(start) }),
    end: t.string({ description: 'HH:MM.', resolve: ([, end]) => endClock(end) }),
  }),
});

type SettingsShape = PracticeSettings & { effectiveFrom: Day | null };

const PracticeSettingsRef = builder.objectRef<SettingsShape>('PracticeSettings').implement({
  description:
    'A province’s local practice from `effectiveFrom` until its next settings (docs/domain.md §3.2, §2.3, §3.8, §4.2).',
  fields: (t) => ({
    effectiveFrom: t.field({
      type: 'Date',
      nullable: true,
      description: 'The first day they apply; null: the defaults (no settings of the province in force).',
      resolve: (s) => s.effectiveFrom,
    }),
    workingHours: t.field({
      type: [WorkingSessionRef],
      description: 'The working sessions of a working day (default 07:00–11:30 and 13:30–17:00).',
      resolve: (s) => s.workingHours.sessions,
    }),
    workingMinutesPerDay: t.int({
      description: 'Working minutes in a working day with these sessions (480 by default).',
      resolve: (s) => s.workingHours.sessions.reduce((sum, [a, b]) => sum + (b - a), 0),
    }),
    sameDayCutoff: t.string({
      description:
        'The province’s usual same-day cut-off, HH:MM (default 15:00); stored for reference, not applied to due dates (docs/domain.md §2.3).',
      resolve: (s) => clock(s.sameDayCutoffMinute),
    }),
    comparison: t.field({
      type: ComparisonEnum,
      description:
        'How a dossier’s end is compared with its due date (DAY by default); applies to dossiers received from `effectiveFrom`.',
      resolve: (s) => toEnum(s.granularity),
    }),
    evaluationBands: t.field({
      type: [BandRef],
      description: 'Classification bands of the 9-indicator evaluation (docs/domain.md §4.2).',
      resolve: (s) => [...s.evaluationBands],
    }),
  }),
});

const AgencyBriefRef = builder.objectRef<Agency>('PracticeSettingsUnit').implement({
  description: 'A unit named by its code and name.',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'Unit code (mã đơn vị).' }),
    name: t.exposeString('name', { description: 'Full official name.' }),
  }),
});

const PracticeSettingsReportRef = builder
  .objectRef<PracticeSettingsView>('PracticeSettingsReport')
  .implement({
    description:
      'The local practice governing a unit on a day: its province’s settings then, and their history.',
    fields: (t) => ({
      agency: t.field({
        type: AgencyBriefRef,
        description: 'The unit asked about.',
        resolve: (v) => v.agency,
      }),
      province: t.field({
        type: AgencyBriefRef,
        nullable: true,
        description:
          'The province whose settings govern the unit (the unit itself for a province); null: none, the defaults apply.',
        resolve: (v) => v.province,
      }),
      on: t.field({ type: 'Date', description: 'The day asked about.', resolve: (v) => v.on }),
      inForce: t.field({
        type: PracticeSettingsRef,
        description: 'The settings in force that day (the defaults when the province has none).',
        resolve: (v) => v.inForce,
      }),
      history: t.field({
        type: [PracticeSettingsRef],
        description: 'Every setting of the province, oldest first, those waiting for their day included.',
        resolve: (v) => v.history,
      }),
    }),
  });

const WorkingSessionInput = builder.inputType('WorkingSessionInput', {
  description: 'One working session of a working day, local time.',
  fields: (t) => ({
    start: t.string({ required: true, description: 'HH:MM.' }),
    end: t.string({ required: true, description: 'HH:MM (24:00 for midnight).' }),
  }),
});

const EvaluationBandInput = builder.inputType('EvaluationBandInput', {
  description:
    'A classification band of the 9-indicator total (out of 18); each code once, one band from 0 included.',
  fields: (t) => ({
    code: t.string({ required: true, description: 'EXCELLENT, GOOD, FAIR, AVERAGE or POOR.' }),
    label: t.string({
      required: true,
      description: 'Its Vietnamese name, e.g. Xuất sắc, Tốt, Khá, Trung bình, Yếu.',
    }),
    min: t.float({ required: true, description: 'The lower bound of the band, 0 to 18.' }),
    minInclusive: t.boolean({
      required: true,
      description: 'Whether a total equal to `min` is in the band.',
    }),
  }),
});

const UpdatePracticeSettingsInput = builder.inputType('UpdatePracticeSettingsInput', {
  description: 'A field omitted keeps the value in force on `effectiveFrom`.',
  fields: (t) => ({
    agencyCode: t.string({ required: true, description: 'The province (its code today).' }),
    effectiveFrom: t.field({
      type: 'Date',
      required: true,
      description: 'The first day the settings apply: today or later (EFFECTIVE_DATE_PAST otherwise).',
    }),
    workingHours: t.field({
      type: [WorkingSessionInput],
      description:
        'The working sessions of a working day, in order, totalling 480 minutes (8 hours; else INVALID_SETTING).',
    }),
    sameDayCutoff: t.string({ description: 'HH:MM.' }),
    comparison: t.field({
      type: ComparisonEnum,
      description: 'How a dossier’s end is compared with its due date.',
    }),
    evaluationBands: t.field({
      type: [EvaluationBandInput],
      description: 'The five bands of the 9-indicator evaluation, bounds within 0–18.',
    }),
  }),
});

const HH_MM = /^([01]?\d|2[0-4]):([0-5]\d)$/;

/** Minutes of a time "HH:MM" (24:00 allowed as an end), or a problem at `field`. */
function minutesOf(text: string, field: string[], problems: InputProblem[]): number {
  const match = HH_MM.exec(text.trim());
  const minutes = match ? Number(match[1]) * 60 + Number(match[2]) : Number.NaN;
  if (!match || minutes > 1440) {
    problems.push({ field, code: 'INVALID_SETTING', message: `"${text}" không phải là giờ dạng HH:MM.` });
  }
  return minutes;
}

type UpdateArgs = {
  agencyCode: string;
  effectiveFrom: Day;
  workingHours?: { start: string; end: string }[] | null;
  sameDayCutoff?: string | null;
  comparison?: 'DAY' | 'INSTANT' | null;
  evaluationBands?: { code: string; label: string; min: number; minInclusive: boolean }[] | null;
};

function serviceInput(input: UpdateArgs): PracticeSettingsInput {
  const problems: InputProblem[] = [];
  const workingHours = input.workingHours?.map(
    (s, i) =>
      [
        minutesOf(s.start, ['workingHours', String(i), 'start'], problems),
        minutesOf(s.end, ['workingHours', String(i), 'end'], problems),
      ] as const,
  );
  // 24:00 passes here and is refused by the settings' own check (a cut-off is a time of day).
  const cutoff =
    input.sameDayCutoff == null ? null : minutesOf(input.sameDayCutoff, ['sameDayCutoff'], problems);
  if (problems.length > 0) throw new InputRefused(problems);
  return {
    agencyCode: input.agencyCode,
    effectiveFrom: input.effectiveFrom,
    workingHours: workingHours ?? null,
    sameDayCutoffMinute: cutoff,
    granularity: input.comparison == null ? null : input.comparison === 'INSTANT' ? 'instant' : 'day',
    evaluationBands: input.evaluationBands ?? null,
  };
}

const UpdatePracticeSettingsPayload = builder
  .objectRef<{ settings: SettingsShape | null; userErrors: UserError[] }>('UpdatePracticeSettingsPayload')
  .implement({
    description: 'Result of `updatePracticeSettings`: the settings saved, or why not.',
    fields: (t) => ({
      settings: t.field({
        type: PracticeSettingsRef,
        nullable: true,
        description: 'The settings saved; null when nothing was done.',
        resolve: (p) => p.settings,
      }),
      userErrors: userErrorsField(t),
    }),
  });

builder.queryField('practiceSettings', (t) =>
  t.field({
    type: PracticeSettingsReportRef,
    description:
      'The local practice in force on `on` (default today) for a unit: its province’s settings (the defaults without any), with their history. The code is resolved on `on` (docs/domain.md §0).',
    args: {
      agencyCode: t.arg.string({
        required: true,
        description: 'Code of a unit (a province, a commune, an agency).',
      }),
      on: t.arg({ type: 'Date', description: 'The day; default today.' }),
    },
    resolve: (_root, { agencyCode, on }, ctx) =>
      practiceSettingsView(ctx.prisma, agencyCode, on ?? undefined),
  }),
);

builder.mutationField('updatePracticeSettings', (t) =>
  t.field({
    type: UpdatePracticeSettingsPayload,
    description:
      'Sets a province’s local practice (working hours, same-day cut-off default, comparison by day or instant, evaluation bands) from a day not in the past, so past figures do not change; a setting already dated that day is replaced. System administrators, or administrators whose subtree holds the province (OUT_OF_SCOPE otherwise); NOT_A_PROVINCE for another unit. Audited.',
    authScopes: { admin: true },
    args: {
      input: t.arg({
        type: UpdatePracticeSettingsInput,
        required: true,
        description: 'The province, the day and the settings.',
      }),
    },
    resolve: async (_root, { input }, ctx) => {
      const by = await adminOf(ctx);
      const { result, userErrors } = await withUserErrors(() =>
        updatePracticeSettings(ctx.prisma, serviceInput(input as UpdateArgs), by),
      );
      return { settings: result, userErrors };
    },
  }),
);
