import { assertUnrestrictedKey } from '../services/access/agency-scope.ts';
import { actorOf } from '../services/access/principal.ts';
import type { Context } from '../services/context.ts';
import { computeDueDate } from '../services/due-dates.ts';
import { builder } from './builder.ts';
import { ChannelEnum } from './enums.ts';
import {
  refusalsAsUserErrors,
  USER_ERRORS_DESCRIPTION,
  type UserError,
  UserErrorRef,
} from './user-errors.ts';

const CalendarDayRef = builder.prismaObject('CalendarDay', {
  description:
    'An exception to Monday–Friday working days: a holiday, a swapped day off, or a Saturday made working.',
  fields: (t) => ({
    date: t.expose('date', { type: 'Date' }),
    working: t.exposeBoolean('working'),
    note: t.exposeString('note', { nullable: true }),
    kind: t.exposeString('kind'),
  }),
});

const CalendarDayInput = builder.inputType('CalendarDayInput', {
  fields: (t) => ({
    date: t.field({ type: 'Date', required: true }),
    working: t.boolean({ required: true }),
    note: t.string(),
  }),
});

const CalendarChange = builder.objectRef<{ dates: string[] }>('CalendarChange').implement({
  fields: (t) => ({ dates: t.expose('dates', { type: ['Date'] }) }),
});

builder.queryFields((t) => ({
  dueDate: t.field({
    type: 'DateTime',
    description:
      'Due date of a dossier received at `receivedAt` through `channel`: the procedure’s time limit for that channel counted on the working calendar, skipping non-working time (Monday–Friday 07:00–11:30 and 13:30–17:00 unless the calendar says otherwise; 8 working hours = 1 working day): the first instant at which the limit has elapsed.',
    args: {
      procedureCode: t.arg.string({ required: true }),
      receivedAt: t.arg({ type: 'DateTime', required: true }),
      channel: t.arg({ type: ChannelEnum, required: true }),
    },
    resolve: (_root, args, ctx) => computeDueDate(ctx.prisma, ctx.calendars, args),
  }),
  calendarDays: t.prismaField({
    type: [CalendarDayRef],
    description: 'Calendar exceptions between two days (both included).',
    args: {
      from: t.arg({ type: 'Date', required: true }),
      to: t.arg({ type: 'Date', required: true }),
    },
    resolve: (_query, _root, args, ctx) => ctx.calendars.list(args.from, args.to),
  }),
}));

const UpdateCalendarDaysInput = builder.inputType('UpdateCalendarDaysInput', {
  fields: (t) => ({ days: t.field({ type: [CalendarDayInput], required: true }) }),
});

const UpdateCalendarDaysPayload = builder
  .objectRef<{ days: Awaited<ReturnType<Context['calendars']['setDays']>> | null; userErrors: UserError[] }>(
    'UpdateCalendarDaysPayload',
  )
  .implement({
    fields: (t) => ({
      days: t.field({
        type: [CalendarDayRef],
        nullable: true,
        description: 'The days as stored; null when the input was refused.',
        resolve: (p) => p.days,
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
      'Sets holidays, swapped days off and Saturdays made working days (scope: admin; not for a key limited to an agency: the calendar moves every due date).',
    authScopes: { admin: true },
    args: { input: t.arg({ type: UpdateCalendarDaysInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      assertUnrestrictedKey(ctx.principal);
      const { result, userErrors } = await refusalsAsUserErrors(['input', 'days'], () =>
        ctx.calendars.setDays(input.days, actorOf(ctx.principal)),
      );
      return { days: result, userErrors };
    },
  }),
);

builder.mutationField('setCalendarDays', (t) =>
  t.prismaField({
    type: [CalendarDayRef],
    deprecationReason: 'Use updateCalendarDays.',
    description: 'Sets holidays, swapped days off and Saturdays made working days (scope: admin).',
    authScopes: { admin: true },
    args: { days: t.arg({ type: [CalendarDayInput], required: true }) },
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
