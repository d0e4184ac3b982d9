import { CalendarDayKind } from '@tthc/db';
import { assertUnrestrictedKey } from '../services/access/agency-scope.ts';
import { actorOf } from '../services/access/principal.ts';
import { type CalendarChangeInput, CalendarInputError } from '../services/calendar.ts';
import {
  type CalendarChangePreview,
  type DueDateMove,
  MAX_PREVIEW_EXAMPLES,
  previewCalendarChange,
} from '../services/calendar-impact.ts';
import type { Context } from '../services/context.ts';
import { computeDueDate } from '../services/due-dates.ts';
import { builder } from './builder.ts';
import { ChannelEnum } from './enums.ts';
import { AGGREGATE_COST } from './field-cost.ts';
import { USER_ERRORS_DESCRIPTION, type UserError, UserErrorRef } from './user-errors.ts';

const CalendarDayRef = builder.prismaObject('CalendarDay', {
  description:
    'An exception to Monday–Friday working days: a holiday, a swapped day off, or a Saturday made working.',
  fields: (t) => ({
    date: t.expose('date', { type: 'Date', description: 'The day (Asia/Ho_Chi_Minh).' }),
    working: t.exposeBoolean('working', {
      description: 'True: a working day (ngày làm việc) whatever the weekday; false: a day off.',
    }),
    note: t.exposeString('note', {
      nullable: true,
      description: 'What the day is, e.g. “Tết Nguyên đán” or “Nghỉ bù ngày 30/4”; null when none.',
    }),
    kind: t.exposeString('kind', {
      description:
        'HOLIDAY, SWAP_DAY_OFF (a weekday off swapped with a Saturday), COMPENSATORY_DAY_OFF (nghỉ bù), SWAP_WORKDAY (a Saturday made working) or OTHER: the values of CalendarDayKind.',
    }),
    source: t.exposeString('source', {
      nullable: true,
      description: 'The legal text the exception comes from, when known.',
    }),
  }),
});

const CalendarDayKindEnum = builder.enumType(CalendarDayKind, {
  name: 'CalendarDayKind',
  description:
    'What kind of exception to Monday–Friday working days a calendar day is (docs/domain.md §3.2).',
  values: {
    HOLIDAY: { description: 'A public holiday (ngày nghỉ lễ, Tết; Labour Code 2019 Art. 112): a day off.' },
    SWAP_DAY_OFF: {
      description: 'A weekday off swapped with a Saturday made working (ngày nghỉ hoán đổi): a day off.',
    },
    COMPENSATORY_DAY_OFF: {
      description: 'A compensatory day off (nghỉ bù) for a holiday that fell on a weekly day off: a day off.',
    },
    SWAP_WORKDAY: {
      description: 'A Saturday made a working day (làm bù) in exchange for a weekday off: a working day.',
    },
    OTHER: { description: 'Any other exception, a day off or a working day.' },
  },
});

const CalendarDayInput = builder.inputType('CalendarDayInput', {
  description:
    'An exception to Monday–Friday working days to set on one date (the last one wins for a date given twice).',
  fields: (t) => ({
    date: t.field({ type: 'Date', required: true, description: 'The day (Asia/Ho_Chi_Minh).' }),
    working: t.boolean({ required: true, description: 'True: a working day; false: a day off.' }),
    note: t.string({ description: 'What the day is, e.g. “Tết Nguyên đán”; optional.' }),
    kind: t.field({
      type: CalendarDayKindEnum,
      description:
        'Default: HOLIDAY for a day off, SWAP_WORKDAY for a working day (or the kind already stored when it fits). A day off cannot be SWAP_WORKDAY; a working day is SWAP_WORKDAY or OTHER.',
    }),
  }),
});

const CalendarChange = builder.objectRef<{ dates: string[] }>('CalendarChange').implement({
  description: 'A change of the working calendar.',
  fields: (t) => ({ dates: t.expose('dates', { type: ['Date'], description: 'The dates set or removed.' }) }),
});

builder.queryFields((t) => ({
  dueDate: t.field({
    type: 'DateTime',
    description:
      'Due date of a dossier received at `receivedAt` through `channel`: the procedure’s time limit for that channel counted on the working calendar, skipping non-working time (Monday–Friday 07:00–11:30 and 13:30–17:00 unless the calendar says otherwise; 8 working hours = 1 working day): the first instant at which the limit has elapsed.',
    args: {
      procedureCode: t.arg.string({
        required: true,
        description: 'National procedure code (mã TTHC), e.g. "1.001193".',
      }),
      receivedAt: t.arg({
        type: 'DateTime',
        required: true,
        description:
          'When the dossier is received (ngày tiếp nhận); the procedure version in force then gives the limit.',
      }),
      channel: t.arg({
        type: ChannelEnum,
        required: true,
        description: 'Channel of the dossier: limits are per channel.',
      }),
      agencyCode: t.arg.string({
        description:
          'The unit that receives the dossier (its code on the day of receipt): its province’s working hours in force that day (practiceSettings) are counted. Default: the default working hours.',
      }),
    },
    resolve: (_root, args, ctx) => computeDueDate(ctx.prisma, ctx.calendars, args),
  }),
  calendarDays: t.prismaField({
    type: [CalendarDayRef],
    description: 'Calendar exceptions between two days (both included).',
    args: {
      from: t.arg({ type: 'Date', required: true, description: 'First day, included.' }),
      to: t.arg({ type: 'Date', required: true, description: 'Last day, included.' }),
    },
    resolve: (_query, _root, args, ctx) => ctx.calendars.list(args.from, args.to),
  }),
}));

const UpdateCalendarDaysInput = builder.inputType('UpdateCalendarDaysInput', {
  description: 'A change of the working calendar: exceptions to set and dates to put back under the rule.',
  fields: (t) => ({
    days: t.field({
      type: [CalendarDayInput],
      required: true,
      description: 'Exceptions to set (may be empty when `remove` is not).',
    }),
    remove: t.field({
      type: ['Date'],
      description:
        'Dates whose exception is removed: they follow the rule again (Monday–Friday work, Saturday and Sunday off).',
    }),
  }),
});

/** A refused calendar input as userErrors at the list concerned; authorization stays top-level. */
async function calendarInputErrors<T>(
  work: () => Promise<T>,
): Promise<{ result: T | null; userErrors: UserError[] }> {
  try {
    return { result: await work(), userErrors: [] };
  } catch (error) {
    if (!(error instanceof CalendarInputError)) throw error;
    return {
      result: null,
      userErrors: [{ field: ['input', error.list], code: error.code, message: error.message }],
    };
  }
}

const changeOf = (input: { days: CalendarChangeInput['days']; remove?: string[] | null }) => ({
  days: input.days,
  remove: input.remove ?? [],
});

const UpdateCalendarDaysPayload = builder
  .objectRef<{
    result: Awaited<ReturnType<Context['calendars']['change']>> | null;
    userErrors: UserError[];
  }>('UpdateCalendarDaysPayload')
  .implement({
    description:
      'Result of `updateCalendarDays`: the days stored and removed, or why the change was refused.',
    fields: (t) => ({
      days: t.field({
        type: [CalendarDayRef],
        nullable: true,
        description: 'The days as stored; null when the input was refused.',
        resolve: (p) => p.result?.days ?? null,
      }),
      removed: t.field({
        type: ['Date'],
        nullable: true,
        description: 'The dates whose exception was removed; null when the input was refused.',
        resolve: (p) => p.result?.removed ?? null,
      }),
      userErrors: t.field({
        type: [UserErrorRef],
        description: USER_ERRORS_DESCRIPTION,
        resolve: (p) => p.userErrors,
      }),
    }),
  });

builder.mutationField('updateCalendarDays', (t) =>
  t.field({
    type: UpdateCalendarDaysPayload,
    description:
      'Sets holidays, swapped days off and Saturdays made working days, and removes exceptions (scope: admin; not for a key limited to an agency nor an official bound to one: the calendar moves every due date). `calendarChangePreview` shows first which due dates the change moves.',
    authScopes: { admin: true },
    args: { input: t.arg({ type: UpdateCalendarDaysInput, required: true, description: 'The change.' }) },
    resolve: async (_root, { input }, ctx) => {
      assertUnrestrictedKey(ctx.principal);
      const { result, userErrors } = await calendarInputErrors(() =>
        ctx.calendars.change(changeOf(input), actorOf(ctx.principal)),
      );
      return { result, userErrors };
    },
  }),
);

const DueDateMoveRef = builder.objectRef<DueDateMove>('DueDateMove').implement({
  description: 'An open dossier whose due date a calendar change would move.',
  fields: (t) => ({
    dossierCode: t.exposeString('dossierCode', { description: 'Dossier code (mã hồ sơ).' }),
    procedureCode: t.exposeString('procedureCode', {
      description: 'National code of its procedure (mã TTHC).',
    }),
    procedureName: t.exposeString('procedureName', { description: 'Name of its procedure.' }),
    agencyCode: t.exposeString('agencyCode', { description: 'Code of the unit that received it.' }),
    agencyName: t.exposeString('agencyName', { description: 'Name of the unit that received it.' }),
    receivedAt: t.expose('receivedAt', { type: 'DateTime', description: 'When it was received.' }),
    dueBefore: t.expose('dueBefore', {
      type: 'DateTime',
      description: 'The due date on the calendar in force.',
    }),
    dueAfter: t.expose('dueAfter', {
      type: 'DateTime',
      description: 'The due date on the calendar with the change applied.',
    }),
  }),
});

const CalendarChangePreviewRef = builder
  .objectRef<{ preview: CalendarChangePreview | null; userErrors: UserError[] }>('CalendarChangePreview')
  .implement({
    description:
      'What a calendar change would do to the due dates of open dossiers, computed without writing anything.',
    fields: (t) => ({
      turnedDays: t.field({
        type: ['Date'],
        nullable: true,
        description:
          'Days whose working status the change turns (a changed note alone turns none); null when the input was refused.',
        resolve: (p) => p.preview?.turnedDays ?? null,
      }),
      movedDossiers: t.int({
        nullable: true,
        description:
          'Open dossiers (received, not finished) whose due date would move; null when the input was refused.',
        resolve: (p) => p.preview?.moved ?? null,
      }),
      movedLater: t.int({
        nullable: true,
        description:
          'Of `movedDossiers`, those whose due date would move later; null when the input was refused.',
        resolve: (p) => p.preview?.movedLater ?? null,
      }),
      movedEarlier: t.int({
        nullable: true,
        description:
          'Of `movedDossiers`, those whose due date would move earlier; null when the input was refused.',
        resolve: (p) => p.preview?.movedEarlier ?? null,
      }),
      suppliedDueDates: t.int({
        nullable: true,
        description:
          'Open dossiers whose due date the one-stop system supplied, which therefore does not move, but whose due date computed on the calendar would: the one-stop system may need to give the applicant a new date.',
        resolve: (p) => p.preview?.suppliedDueDates ?? null,
      }),
      examples: t.field({
        type: [DueDateMoveRef],
        nullable: true,
        description: `Up to ${MAX_PREVIEW_EXAMPLES} of them, the soonest due first.`,
        resolve: (p) => p.preview?.examples ?? null,
      }),
      userErrors: t.field({
        type: [UserErrorRef],
        description:
          'Why the change would be refused by updateCalendarDays (the same checks); empty otherwise.',
        resolve: (p) => p.userErrors,
      }),
    }),
  });

builder.queryField('calendarChangePreview', (t) =>
  t.field({
    type: CalendarChangePreviewRef,
    description:
      'Which due dates `updateCalendarDays(input)` would move: each open dossier the change can reach is folded again on the calendar with the change applied (docs/domain.md §3.3, §3.6) and compared with the calendar in force. Nothing is written. Same permission as the update.',
    authScopes: { admin: true },
    // Folds every open dossier the change can reach: priced like a computed figure.
    complexity: AGGREGATE_COST,
    args: {
      input: t.arg({
        type: UpdateCalendarDaysInput,
        required: true,
        description: 'The change, as `updateCalendarDays` would take it.',
      }),
    },
    resolve: async (_root, { input }, ctx) => {
      assertUnrestrictedKey(ctx.principal);
      const { result, userErrors } = await calendarInputErrors(() =>
        previewCalendarChange(ctx, changeOf(input)),
      );
      return { preview: result, userErrors };
    },
  }),
);

builder.mutationField('setCalendarDays', (t) =>
  t.prismaField({
    type: [CalendarDayRef],
    deprecationReason: 'Use updateCalendarDays.',
    description: 'Sets holidays, swapped days off and Saturdays made working days (scope: admin).',
    authScopes: { admin: true },
    args: {
      days: t.arg({ type: [CalendarDayInput], required: true, description: 'The exceptions to set.' }),
    },
    resolve: async (_query, _root, { days }, ctx) => {
      // The calendar moves every agency's due dates: not for a key limited to one subtree.
      assertUnrestrictedKey(ctx.principal);
      return ctx.calendars.setDays(days, actorOf(ctx.principal));
    },
  }),
);

builder.subscriptionField('calendarChanged', (t) =>
  t.field({
    type: CalendarChange,
    description: 'Emitted after the working calendar changes (due dates computed afterwards use it).',
    subscribe: (_root, _args, ctx) => ctx.pubsub.subscribe('calendar:changed'),
    resolve: (payload) => payload,
  }),
);
