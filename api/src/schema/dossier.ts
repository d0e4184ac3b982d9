import { ApplicantType, DossierStatus, DueDateChangeReason, Timeliness } from '@tthc/db';
import { apologyDeadline } from '../domain/apology-timing.ts';
import { judgementOn, type OpenJudgement } from '../domain/open-judgement.ts';
import { dayOf } from '../domain/time.ts';
import { classifyTimeliness } from '../domain/timeliness.ts';
import type { ErrorCode } from '../errors.ts';
import { agencyScopeOf } from '../services/access/agency-scope.ts';
import { actorOf } from '../services/access/principal.ts';
import { findDossierFor } from '../services/dossiers.ts';
import { recordDossierEvents } from '../services/ingestion/ingest.ts';
import { builder } from './builder.ts';
import { ChannelEnum } from './enums.ts';
import { CHECKS_ITS_OWN_STRINGS } from './extensions.ts';
import {
  type IndexedError,
  indexedUserErrors,
  USE_USER_ERRORS,
  USER_ERRORS_DESCRIPTION,
  UserErrorRef,
} from './user-errors.ts';

const DossierStatusEnum = builder.enumType(DossierStatus, {
  name: 'DossierStatus',
  description:
    'National TrangThaiHoSo 1..10: 1 SUBMITTED, 2 RECEIVED, 3 REFUSED, 4 PROCESSING, 5 SUPPLEMENT_REQUESTED, 6 AWAITING_PAYMENT, 7 WITHDRAWN, 8 STOPPED, 9 RESOLVED, 10 RETURNED.',
});
const TimelinessEnum = builder.enumType(Timeliness, { name: 'Timeliness' });
const ApplicantTypeEnum = builder.enumType(ApplicantType, {
  name: 'ApplicantType',
  description: 'Loại đối tượng: 1 citizen, 2 business, 3 state agency, 4 other organisation.',
});
const DueDateChangeReasonEnum = builder.enumType(DueDateChangeReason, { name: 'DueDateChangeReason' });

const DossierEventInput = builder.inputType('DossierEventInput', {
  description:
    'One event of a dossier, as a one-stop system records it. (dossierCode, sequence) makes a delivery idempotent.',
  // Each event's strings and dates are checked by ingestion, which refuses a bad event by index and
  // stores the others (services/ingestion/validate.ts); the edge check would refuse the whole batch.
  extensions: { [CHECKS_ITS_OWN_STRINGS]: true },
  fields: (t) => ({
    dossierCode: t.string({ required: true }),
    procedureCode: t.string({ required: true }),
    agencyCode: t.string({
      required: true,
      description: 'The receiving unit’s code, as it was on the event’s day.',
    }),
    channel: t.field({ type: ChannelEnum, required: true }),
    status: t.field({ type: DossierStatusEnum, required: true }),
    occurredAt: t.field({ type: 'DateTime', required: true }),
    sequence: t.int({ required: true, description: 'Per dossier, from 1; events are folded in this order.' }),
    dueAt: t.field({
      type: 'DateTime',
      description:
        'The due date the one-stop system printed (on reception, after a supplement, or with an apology); computed when absent.',
    }),
    apologyRef: t.string({
      description: 'Phiếu xin lỗi và hẹn lại ngày trả kết quả: its number, when this event carries one.',
    }),
    applicantType: t.field({ type: ApplicantTypeEnum }),
  }),
});

export const InputErrorRef = builder
  .objectRef<{ index: number; code: ErrorCode; message: string }>('InputError')
  .implement({
    fields: (t) => ({
      index: t.exposeInt('index', { description: 'Position of the rejected item in the input list.' }),
      code: t.exposeString('code'),
      message: t.exposeString('message'),
    }),
  });

const RecordPayload = builder
  .objectRef<{
    accepted: number;
    duplicates: number;
    errors: IndexedError[];
  }>('RecordDossierEventsPayload')
  .implement({
    fields: (t) => ({
      accepted: t.exposeInt('accepted', { description: 'New events stored.' }),
      duplicates: t.exposeInt('duplicates', {
        description:
          'Events already stored (same dossier code, sequence and content; the same sequence with other content is an IDEMPOTENCY_CONFLICT error).',
      }),
      errors: t.field({
        type: [InputErrorRef],
        deprecationReason: USE_USER_ERRORS,
        resolve: (p) => p.errors,
      }),
      userErrors: t.field({
        type: [UserErrorRef],
        description: USER_ERRORS_DESCRIPTION,
        resolve: (p) => indexedUserErrors(p.errors, { input: [], list: 'events' }),
      }),
    }),
  });

builder.mutationField('recordDossierEvents', (t) =>
  t.field({
    type: RecordPayload,
    description:
      'Records up to 1,000 dossier events (scope: ingest; a key limited to an agency, for its subtree). Bad events are reported by index with a stable code (e.g. OUT_OF_SCOPE, IDEMPOTENCY_CONFLICT, INCONSISTENT); the good ones are stored.',
    authScopes: { ingest: true },
    args: { events: t.arg({ type: [DossierEventInput], required: true }) },
    resolve: async (_root, { events }, ctx) =>
      recordDossierEvents(ctx, events, {
        source: 'GRAPHQL',
        actor: actorOf(ctx.principal),
        scope: await agencyScopeOf(ctx.prisma, ctx.principal, 'INGEST'),
      }),
  }),
);

builder.prismaObject('DossierEvent', {
  fields: (t) => ({
    sequence: t.exposeInt('sequence'),
    status: t.expose('status', { type: DossierStatusEnum }),
    occurredAt: t.expose('occurredAt', { type: 'DateTime' }),
    dueAt: t.expose('dueAt', { type: 'DateTime', nullable: true }),
    apologyRef: t.exposeString('apologyRef', { nullable: true }),
    recordedAt: t.expose('recordedAt', { type: 'DateTime' }),
  }),
});

const DueDateChangeRef = builder.objectRef<{
  reason: DueDateChangeReason;
  previousDueAt: Date | null;
  newDueAt: Date;
  apologyRef: string | null;
  changedAt: Date;
  apologyTimely: boolean | null;
}>('DueDateChange');

DueDateChangeRef.implement({
  description:
    'A change of due date: on reception, after a supplement, by an apology or a correction (history kept; an apology never turns a late dossier into an on-time one).',
  fields: (t) => ({
    reason: t.expose('reason', { type: DueDateChangeReasonEnum }),
    previousDueAt: t.expose('previousDueAt', { type: 'DateTime', nullable: true }),
    newDueAt: t.expose('newDueAt', { type: 'DateTime' }),
    apologyRef: t.exposeString('apologyRef', { nullable: true }),
    changedAt: t.expose('changedAt', { type: 'DateTime' }),
    apologyTimely: t.exposeBoolean('apologyTimely', {
      nullable: true,
      description:
        'APOLOGY only: the letter was issued no later than one working day before the due date it moves (Nghị định 61/2018/NĐ-CP Điều 19 khoản 4; docs/domain.md §3.7); false = issued late. The dossier stays late either way. Null for the other reasons.',
    }),
    apologyDeadline: t.field({
      type: 'Date',
      nullable: true,
      description:
        'APOLOGY only: the last day the letter could be issued in time, the working day before the due day it moves.',
      resolve: async (c, _args, ctx) =>
        c.reason === 'APOLOGY' && c.previousDueAt
          ? apologyDeadline(await ctx.calendars.get(), c.previousDueAt)
          : null,
    }),
  }),
});

export const DossierRef = builder.prismaObject('Dossier', {
  description: 'A dossier (hồ sơ): the fold of its events. No personal data of the applicant is kept.',
  fields: (t) => ({
    code: t.exposeString('code'),
    procedure: t.relation('procedure'),
    agency: t.relation('agency'),
    channel: t.expose('channel', { type: ChannelEnum }),
    applicantType: t.expose('applicantType', { type: ApplicantTypeEnum, nullable: true }),
    status: t.expose('status', { type: DossierStatusEnum }),
    receivedAt: t.expose('receivedAt', { type: 'DateTime', nullable: true }),
    dueAt: t.expose('dueAt', { type: 'DateTime', nullable: true, description: 'The due date in force.' }),
    initialDueAt: t.expose('initialDueAt', { type: 'DateTime', nullable: true }),
    // An apology moves dueAt (what the citizen is told) but not this one: a late dossier's list shows
    // both, else "due 14/12, 17 days overdue" reads as a contradiction (docs/domain.md §3.7).
    timelinessDueAt: t.expose('timelinessDueAt', {
      type: 'DateTime',
      nullable: true,
      description:
        'The due date timeliness and workingDaysOverdue are judged against: dueAt, except that an apology (phiếu xin lỗi) never moves it.',
    }),
    resolvedAt: t.expose('resolvedAt', { type: 'DateTime', nullable: true }),
    returnedAt: t.expose('returnedAt', { type: 'DateTime', nullable: true }),
    endedAt: t.expose('endedAt', { type: 'DateTime', nullable: true }),
    supplementRequests: t.exposeInt('supplementRequests'),
    apologies: t.exposeInt('apologies'),
    pausedWorkingMinutes: t.exposeInt('pausedMinutes'),
    processingWorkingMinutes: t.exposeInt('processingMinutes', { nullable: true }),
    timeliness: t.field({
      type: TimelinessEnum,
      nullable: true,
      description:
        'Early / on time / late; for an unfinished dossier, judged today as indicator 2.1 and lateOpen judge it (paused while a supplement request waits, late from a second request). Null when never received or refused.',
      resolve: (d) => {
        if (!d.receivedAt || d.endedAt) return d.timeliness;
        // The judgement the fold stored for today: the very fact the period-end figures are made of.
        const today = judgementOn((d.openJudgements ?? []) as unknown as OpenJudgement[], dayOf(new Date()));
        if (today) return today.late ? 'IN_PROGRESS_LATE' : 'IN_PROGRESS_ON_TIME';
        return classifyTimeliness({
          receivedAt: d.receivedAt,
          dueAt: d.timelinessDueAt,
          endedAt: null,
          supplementRequests: d.supplementRequests,
          unansweredSupplementSince: d.supplementPendingSince,
          asOf: new Date(),
        });
      },
    }),
    events: t.relation('events', { query: { orderBy: { sequence: 'asc' } } }),
    dueDateChanges: t.field({
      type: [DueDateChangeRef],
      description:
        'The due dates in order: the one given at reception, then each change (supplement, apology, correction).',
      select: (_args, _ctx, nested) => ({
        receivedAt: true,
        initialDueAt: true,
        dueDateChanges: nested({ orderBy: { id: 'asc' } }),
      }),
      resolve: (d) => [
        ...(d.initialDueAt && d.receivedAt
          ? [
              {
                reason: 'INITIAL' as const,
                previousDueAt: null,
                newDueAt: d.initialDueAt,
                apologyRef: null,
                changedAt: d.receivedAt,
                apologyTimely: null,
              },
            ]
          : []),
        ...d.dueDateChanges,
      ],
    }),
  }),
});

builder.queryField('dossier', (t) =>
  t.prismaField({
    type: 'Dossier',
    nullable: true,
    description:
      'A dossier and its timeline (needs an API key; a key limited to an agency sees only its subtree).',
    args: { code: t.arg.string({ required: true }) },
    resolve: (query, _root, { code }, ctx) => findDossierFor(ctx.prisma, ctx.principal, code, query),
  }),
);
