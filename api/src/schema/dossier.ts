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
    'Status of a dossier (trạng thái hồ sơ), the national TrangThaiHoSo 1..10: 1 SUBMITTED, 2 RECEIVED, 3 REFUSED, 4 PROCESSING, 5 SUPPLEMENT_REQUESTED, 6 AWAITING_PAYMENT, 7 WITHDRAWN, 8 STOPPED, 9 RESOLVED, 10 RETURNED.',
  values: {
    SUBMITTED: {
      description: '1 — Submitted online, not yet received (mới đăng ký): the clock has not started.',
    },
    RECEIVED: {
      description:
        '2 — Received at the one-stop desk (được tiếp nhận): the clock starts; after a supplement request, the supplement received.',
    },
    REFUSED: {
      description:
        '3 — Not accepted (không được tiếp nhận): refused at the desk, or after reception once checked; counted as refused, never as on time.',
    },
    PROCESSING: { description: '4 — Being processed (đang xử lý): the clock runs.' },
    SUPPLEMENT_REQUESTED: {
      description:
        '5 — Supplement requested (yêu cầu bổ sung): the clock is paused until the applicant answers; a second request makes the dossier late.',
    },
    AWAITING_PAYMENT: {
      description:
        '6 — Awaiting payment of fees or other financial obligations (yêu cầu thực hiện nghĩa vụ tài chính): the clock runs.',
    },
    WITHDRAWN: {
      description:
        '7 — Withdrawn by the applicant (công dân rút hồ sơ): processing ends, counted as on time.',
    },
    STOPPED: {
      description:
        '8 — Processing stopped, dossier returned unprocessed (dừng xử lý): processing ends, counted as on time.',
    },
    RESOLVED: {
      description: '9 — Resolved (đã xử lý xong): processing ends; timeliness is judged at this instant.',
    },
    RETURNED: {
      description:
        '10 — Result returned to the applicant (đã trả kết quả): ends processing when no RESOLVED came before.',
    },
  },
});
const TimelinessEnum = builder.enumType(Timeliness, {
  name: 'Timeliness',
  description:
    'How a dossier stands against its due date (docs/domain.md §3.8), compared by calendar day in Asia/Ho_Chi_Minh unless the province compares instants.',
  values: {
    EARLY: { description: 'Finished before the due day (trước hạn).' },
    ON_TIME: {
      description:
        'Finished on the due day, or withdrawn or stopped after reception, which count as handled on time (đúng hạn).',
    },
    LATE: {
      description: 'Finished after the due date, or with two or more supplement requests (quá hạn, trễ hạn).',
    },
    IN_PROGRESS_ON_TIME: {
      description:
        'Unfinished and still within its due date (đang xử lý trong hạn), or waiting for a supplement requested by the due day.',
    },
    IN_PROGRESS_LATE: {
      description:
        'Unfinished and past its due date (đang xử lý quá hạn), or asked a second time for a supplement.',
    },
  },
});
const ApplicantTypeEnum = builder.enumType(ApplicantType, {
  name: 'ApplicantType',
  description:
    'Kind of applicant (loại đối tượng, national LoaiDoiTuong): 1 citizen, 2 business, 3 state agency, 4 other organisation.',
  values: {
    CITIZEN: { description: '1 — A citizen (công dân).' },
    BUSINESS: { description: '2 — A business (doanh nghiệp).' },
    STATE_AGENCY: { description: '3 — A state agency (cơ quan nhà nước).' },
    OTHER_ORGANISATION: { description: '4 — Another organisation (tổ chức khác).' },
  },
});
const DueDateChangeReasonEnum = builder.enumType(DueDateChangeReason, {
  name: 'DueDateChangeReason',
  description: 'Why a dossier’s due date was set or moved (docs/domain.md §3.6, §3.7).',
  values: {
    INITIAL: {
      description:
        'The due date given at reception: supplied by the one-stop system, or computed from the time limit.',
    },
    SUPPLEMENT: {
      description:
        'Moved later by the working time the clock was paused for an answered supplement request (yêu cầu bổ sung).',
    },
    APOLOGY: {
      description:
        'Moved later by an apology letter with a new appointment (phiếu xin lỗi và hẹn lại ngày trả kết quả); timeliness is still judged against the earlier date.',
    },
    CORRECTION: {
      description: 'Moved earlier by the one-stop system: a correction, which timeliness follows.',
    },
  },
});

const DossierEventInput = builder.inputType('DossierEventInput', {
  description:
    'One event of a dossier, as a one-stop system records it. (dossierCode, sequence) makes a delivery idempotent.',
  // Each event's strings and dates are checked by ingestion, which refuses a bad event by index and
  // stores the others (services/ingestion/validate.ts); the edge check would refuse the whole batch.
  extensions: { [CHECKS_ITS_OWN_STRINGS]: true },
  fields: (t) => ({
    dossierCode: t.string({
      required: true,
      description:
        'Dossier code (mã hồ sơ), e.g. H56.14-261008-0975; names the dossier across all its events.',
    }),
    procedureCode: t.string({
      required: true,
      description:
        'National code of the procedure (mã TTHC), e.g. 1.001193; fixed by the dossier’s first event (UNKNOWN_PROCEDURE when not in the catalogue).',
    }),
    agencyCode: t.string({
      required: true,
      description: 'The receiving unit’s code, as it was on the event’s day.',
    }),
    channel: t.field({
      type: ChannelEnum,
      required: true,
      description: 'Channel the dossier was filed through; fixed by the dossier’s first event.',
    }),
    status: t.field({
      type: DossierStatusEnum,
      required: true,
      description: 'The status this event puts the dossier in.',
    }),
    occurredAt: t.field({
      type: 'DateTime',
      required: true,
      description: 'When the event happened at the one-stop system; not in the future (FUTURE_EVENT).',
    }),
    sequence: t.int({ required: true, description: 'Per dossier, from 1; events are folded in this order.' }),
    dueAt: t.field({
      type: 'DateTime',
      description:
        'The due date the one-stop system printed (on reception, after a supplement, or with an apology); computed when absent.',
    }),
    apologyRef: t.string({
      description:
        'Reference of the apology letter with a new due date (phiếu xin lỗi và hẹn lại ngày trả kết quả), when this event carries one.',
    }),
    applicantType: t.field({
      type: ApplicantTypeEnum,
      description: 'Kind of applicant, when known; no personal data is taken.',
    }),
  }),
});

export const InputErrorRef = builder
  .objectRef<{ index: number; code: ErrorCode; message: string }>('InputError')
  .implement({
    description: 'An item of a list input that was refused, by position (the older form of `userErrors`).',
    fields: (t) => ({
      index: t.exposeInt('index', { description: 'Position of the rejected item in the input list.' }),
      code: t.exposeString('code', { description: 'Stable error code, a value of the ErrorCode enum.' }),
      message: t.exposeString('message', { description: 'Why, in Vietnamese.' }),
    }),
  });

const RecordPayload = builder
  .objectRef<{
    accepted: number;
    duplicates: number;
    errors: IndexedError[];
  }>('RecordDossierEventsPayload')
  .implement({
    description: 'Result of `recordDossierEvents`: how many events were stored, and which were refused.',
    fields: (t) => ({
      accepted: t.exposeInt('accepted', { description: 'New events stored.' }),
      duplicates: t.exposeInt('duplicates', {
        description:
          'Events already stored (same dossier code, sequence and content; the same sequence with other content is an IDEMPOTENCY_CONFLICT error).',
      }),
      errors: t.field({
        type: [InputErrorRef],
        description: 'The refused events by index; the same problems as `userErrors`.',
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
    args: {
      events: t.arg({
        type: [DossierEventInput],
        required: true,
        description: 'The events, of one or many dossiers, in any order; at most 1,000.',
      }),
    },
    resolve: async (_root, { events }, ctx) =>
      recordDossierEvents(ctx, events, {
        source: 'GRAPHQL',
        actor: actorOf(ctx.principal),
        scope: await agencyScopeOf(ctx.prisma, ctx.principal, 'INGEST'),
      }),
  }),
);

builder.prismaObject('DossierEvent', {
  description: 'One event of a dossier as delivered by the one-stop system (or read from the national sync).',
  fields: (t) => ({
    sequence: t.exposeInt('sequence', {
      description: 'Position of the event in the dossier’s history, from 1.',
    }),
    status: t.expose('status', {
      type: DossierStatusEnum,
      description: 'The status the event put the dossier in.',
    }),
    occurredAt: t.expose('occurredAt', {
      type: 'DateTime',
      description: 'When it happened at the one-stop system.',
    }),
    dueAt: t.expose('dueAt', {
      type: 'DateTime',
      nullable: true,
      description: 'The due date the one-stop system supplied with the event; null when none.',
    }),
    apologyRef: t.exposeString('apologyRef', {
      nullable: true,
      description:
        'Reference of the apology letter (phiếu xin lỗi và hẹn lại ngày trả kết quả) the event carries; null when none.',
    }),
    recordedAt: t.expose('recordedAt', { type: 'DateTime', description: 'When this API stored it.' }),
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
    reason: t.expose('reason', {
      type: DueDateChangeReasonEnum,
      description: 'Why the due date was set or moved.',
    }),
    previousDueAt: t.expose('previousDueAt', {
      type: 'DateTime',
      nullable: true,
      description: 'The due date before the change; null for INITIAL.',
    }),
    newDueAt: t.expose('newDueAt', { type: 'DateTime', description: 'The due date after the change.' }),
    apologyRef: t.exposeString('apologyRef', {
      nullable: true,
      description: 'APOLOGY: the letter’s reference, when the one-stop system gave one; null otherwise.',
    }),
    changedAt: t.expose('changedAt', {
      type: 'DateTime',
      description:
        'When the change took effect: the time of the event that made it (the reception for INITIAL).',
    }),
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
    code: t.exposeString('code', { description: 'Dossier code (mã hồ sơ), e.g. H56.14-261008-0975.' }),
    procedure: t.relation('procedure', { description: 'The procedure it was filed under.' }),
    agency: t.relation('agency', { description: 'The unit that received it, as the unit was then.' }),
    channel: t.expose('channel', { type: ChannelEnum, description: 'Channel it was filed through.' }),
    applicantType: t.expose('applicantType', {
      type: ApplicantTypeEnum,
      nullable: true,
      description: 'Kind of applicant; null when the one-stop system did not say.',
    }),
    status: t.expose('status', {
      type: DossierStatusEnum,
      description: 'Status of its latest event (highest sequence).',
    }),
    receivedAt: t.expose('receivedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When it was received (ngày tiếp nhận), the first RECEIVED event; null until then.',
    }),
    dueAt: t.expose('dueAt', {
      type: 'DateTime',
      nullable: true,
      description:
        'The due date in force, as the applicant was told (ngày hẹn trả): moved by supplements, apologies and corrections; null before reception or without a time limit.',
    }),
    initialDueAt: t.expose('initialDueAt', {
      type: 'DateTime',
      nullable: true,
      description: 'The due date given at reception; null before reception or without a time limit.',
    }),
    // An apology moves dueAt (what the citizen is told) but not this one: a late dossier's list shows
    // both, else "due 14/12, 17 days overdue" reads as a contradiction (docs/domain.md §3.7).
    timelinessDueAt: t.expose('timelinessDueAt', {
      type: 'DateTime',
      nullable: true,
      description:
        'The due date timeliness and workingDaysOverdue are judged against: dueAt, except that an apology (phiếu xin lỗi) never moves it.',
    }),
    resolvedAt: t.expose('resolvedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When it was resolved (ngày kết thúc xử lý), the first RESOLVED event; null until then.',
    }),
    returnedAt: t.expose('returnedAt', {
      type: 'DateTime',
      nullable: true,
      description:
        'When the result was returned (ngày trả kết quả), the first RETURNED event; null until then.',
    }),
    endedAt: t.expose('endedAt', {
      type: 'DateTime',
      nullable: true,
      description:
        'End of processing (docs/domain.md §3.4): resolved, else returned, else withdrawn, stopped or refused; null while unfinished.',
    }),
    supplementRequests: t.exposeInt('supplementRequests', {
      description:
        'Number of supplement requests (yêu cầu bổ sung); from the second one, the dossier is late.',
    }),
    apologies: t.exposeInt('apologies', {
      description:
        'Number of apology letters with a new due date (phiếu xin lỗi và hẹn lại ngày trả kết quả).',
    }),
    pausedWorkingMinutes: t.exposeInt('pausedMinutes', {
      description:
        'Working minutes the clock was paused for answered supplement requests (480 = one working day).',
    }),
    processingWorkingMinutes: t.exposeInt('processingMinutes', {
      nullable: true,
      description:
        'Processing time in working minutes (480 = one working day): from reception to the end, paused time excluded; null while unfinished or never received.',
    }),
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
    events: t.relation('events', {
      description: 'Its events as delivered, by sequence.',
      query: { orderBy: { sequence: 'asc' } },
    }),
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
      'A dossier (hồ sơ) and its timeline; null when unknown or outside the caller’s subtree. A private read: an API key with the read or ingest scope, or a signed-in official (VIEWER and above); a key or role limited to an agency sees only its subtree.',
    args: {
      code: t.arg.string({
        required: true,
        description: 'Dossier code (mã hồ sơ), e.g. H56.14-261008-0975.',
      }),
    },
    resolve: (query, _root, { code }, ctx) => findDossierFor(ctx.prisma, ctx.principal, code, query),
  }),
);
