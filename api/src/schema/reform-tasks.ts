// The administrative-reform programme's tasks (nhiệm vụ cải cách hành chính; services/reform-tasks/):
// the Internal Affairs office enters them, the responsible units report progress with evidence, and
// the dashboards list what is overdue or due soon (docs/api.md "Reform programme tasks").
import type { ReformTask, ReformTaskReport } from '@tthc/db';
import { ReformTaskStatus } from '@tthc/db';
import {
  isDueSoon,
  isOverdue,
  type ReformTaskStanding,
  reformTaskStanding,
} from '../domain/reform-task-standing.ts';
import { dayOf } from '../domain/time.ts';
import { reachWith } from '../services/access/reach.ts';
import { describeActors } from '../services/audit-log.ts';
import { dayOfDateColumn } from '../services/date-columns.ts';
import { progressReporter, reformEditor } from '../services/reform-tasks/access.ts';
import { listReformTasks, readableTask, reformReminders } from '../services/reform-tasks/queries.ts';
import {
  cancelReformTask,
  createReformTask,
  reportReformTaskProgress,
  updateReformTask,
} from '../services/reform-tasks/writes.ts';
import { ActorRef } from './actor.ts';
import { userErrorsField, withUserErrors } from './admin-payload.ts';
import { AgencyRef } from './agency.ts';
import { builder } from './builder.ts';
import { intKey, keysetConnection } from './keyset-connection.ts';
import { namedConnection } from './pagination.ts';
import type { UserError } from './user-errors.ts';

const today = () => dayOf(new Date());

const StatusEnum = builder.enumType(ReformTaskStatus, {
  name: 'ReformTaskStatus',
  description:
    'Where the responsible unit says a task is: NOT_STARTED (chưa triển khai), IN_PROGRESS (đang thực hiện), DONE (đã hoàn thành), CANCELLED (đã hủy).',
  values: {
    NOT_STARTED: { description: 'Not started (chưa triển khai).' },
    IN_PROGRESS: { description: 'In progress (đang thực hiện).' },
    DONE: { description: 'Done (đã hoàn thành), on the day `completedOn`; progress 100 %.' },
    CANCELLED: {
      description: 'Cancelled (đã hủy), with the reason in the task’s history; no longer reported on.',
    },
  },
});

const StandingEnum = builder.enumType('ReformTaskStanding', {
  description:
    'Where a task stands today (docs/domain.md "Reform programme tasks"): DONE_ON_TIME (hoàn thành đúng hạn: done on or before the deadline), DONE_LATE (hoàn thành quá hạn), OVERDUE (quá hạn: open, deadline before today), DUE_SOON (sắp đến hạn: open, deadline within 7 days), IN_PROGRESS, NOT_STARTED, CANCELLED.',
  values: {
    DONE_ON_TIME: { description: 'Done on or before the deadline (hoàn thành đúng hạn).' },
    DONE_LATE: { description: 'Done after the deadline (hoàn thành quá hạn).' },
    OVERDUE: {
      description:
        'Open and the deadline was before today (quá hạn); the deadline day itself is still in time.',
    },
    DUE_SOON: { description: 'Open and the deadline is from today to 7 days from now (sắp đến hạn).' },
    IN_PROGRESS: { description: 'In progress, deadline more than 7 days away (đang thực hiện).' },
    NOT_STARTED: { description: 'Not started, deadline more than 7 days away (chưa triển khai).' },
    CANCELLED: { description: 'Cancelled (đã hủy).' },
  } as const,
});

const actorField = (actor: string, ctx: { prisma: Parameters<typeof describeActors>[0] }) =>
  describeActors(ctx.prisma, [actor]).then((m) => m.get(actor) ?? null);

const ReformTaskReportRef = builder.objectRef<ReformTaskReport>('ReformTaskReport').implement({
  description: 'A progress report on a reform task (báo cáo tiến độ); append-only.',
  fields: (t) => ({
    id: t.id({ description: 'Id of the report.', resolve: (r) => String(r.id) }),
    at: t.expose('at', { type: 'DateTime', description: 'When it was reported.' }),
    by: t.field({
      type: ActorRef,
      nullable: true,
      description: 'Who reported it (người báo cáo).',
      resolve: (r, _args, ctx) => actorField(r.actor, ctx),
    }),
    status: t.field({ type: StatusEnum, description: 'The status it reported.', resolve: (r) => r.status }),
    progressPercent: t.exposeInt('progressPercent', {
      description: 'Progress (tiến độ) reported, 0 to 100 %.',
    }),
    note: t.exposeString('note', {
      nullable: true,
      description: 'What was done (nội dung báo cáo). Plain text.',
    }),
    evidenceUrl: t.exposeString('evidenceUrl', {
      nullable: true,
      description: 'A link to the evidence (đường dẫn minh chứng); always http or https.',
    }),
    evidenceRef: t.exposeString('evidenceRef', {
      nullable: true,
      description: 'A document number or file reference as evidence (số, ký hiệu văn bản; tệp minh chứng).',
    }),
  }),
});

const day = (d: Date | null) => (d ? dayOfDateColumn(d) : null);

export const ReformTaskRef = builder.objectRef<ReformTask>('ReformTask').implement({
  description:
    'A task of a year’s administrative-reform programme or plan (nhiệm vụ cải cách hành chính): set by a document, carried out by a responsible unit by a deadline.',
  fields: (t) => ({
    id: t.id({
      description: 'Id of the task, as `reformTask(id:)` and the mutations take it.',
      resolve: (r) => String(r.id),
    }),
    year: t.exposeInt('year', { description: 'Year of the programme or plan (năm kế hoạch).' }),
    title: t.exposeString('title', { description: 'Title of the task (tên nhiệm vụ).' }),
    description: t.exposeString('description', {
      nullable: true,
      description: 'What is to be done (nội dung, yêu cầu); null when not given.',
    }),
    document: t.exposeString('document', {
      nullable: true,
      description: 'The document that set it (văn bản giao), e.g. "Kế hoạch 3941/KH-UBND".',
    }),
    documentDate: t.field({
      type: 'Date',
      nullable: true,
      description: 'Its date (ngày ban hành).',
      resolve: (r) => day(r.documentDate),
    }),
    agency: t.field({
      type: AgencyRef,
      description: 'The responsible unit (đơn vị chủ trì).',
      resolve: (r, _args, ctx) => ctx.prisma.agency.findUniqueOrThrow({ where: { id: r.agencyId } }),
    }),
    ownerAgency: t.field({
      type: AgencyRef,
      description: 'The unit that set the task and monitors it (đơn vị giao, theo dõi).',
      resolve: (r, _args, ctx) => ctx.prisma.agency.findUniqueOrThrow({ where: { id: r.ownerAgencyId } }),
    }),
    deadline: t.field({
      type: 'Date',
      description: 'Deadline (thời hạn hoàn thành), a day.',
      resolve: (r) => r.deadline,
    }),
    status: t.field({
      type: StatusEnum,
      description: 'The status last reported (trạng thái).',
      resolve: (r) => r.status,
    }),
    progressPercent: t.exposeInt('progressPercent', {
      description: 'Progress (tiến độ), 0 to 100 %, as last reported.',
    }),
    completedOn: t.field({
      type: 'Date',
      nullable: true,
      description: 'The day it was done (ngày hoàn thành); null unless DONE.',
      resolve: (r) => day(r.completedOn),
    }),
    standing: t.field({
      type: StandingEnum,
      description: 'Where it stands today (tình trạng): see ReformTaskStanding.',
      resolve: (r): ReformTaskStanding =>
        reformTaskStanding(
          { status: r.status, deadline: dayOfDateColumn(r.deadline), completedOn: day(r.completedOn) },
          today(),
        ),
    }),
    overdue: t.boolean({
      description: 'Overdue (quá hạn): not done or cancelled, and its deadline was before today.',
      resolve: (r) => isOverdue(r.status, dayOfDateColumn(r.deadline), today()),
    }),
    dueSoon: t.boolean({
      description: 'Due soon (sắp đến hạn): not done or cancelled, deadline from today to 7 days from now.',
      resolve: (r) => isDueSoon(r.status, dayOfDateColumn(r.deadline), today()),
    }),
    createdBy: t.field({
      type: ActorRef,
      nullable: true,
      description: 'Who entered it.',
      resolve: (r, _args, ctx) => actorField(r.createdBy, ctx),
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was entered.' }),
    updatedAt: t.expose('updatedAt', {
      type: 'DateTime',
      description: 'When it or its progress last changed.',
    }),
    reports: t.field({
      type: [ReformTaskReportRef],
      description: 'Its progress reports, oldest first (the history).',
      resolve: (r, _args, ctx) =>
        ctx.prisma.reformTaskReport.findMany({
          where: { taskId: r.id },
          orderBy: [{ at: 'asc' }, { id: 'asc' }],
        }),
    }),
    lastReport: t.field({
      type: ReformTaskReportRef,
      nullable: true,
      description: 'The latest progress report, if any.',
      resolve: (r, _args, ctx) =>
        ctx.prisma.reformTaskReport.findFirst({
          where: { taskId: r.id },
          orderBy: [{ at: 'desc' }, { id: 'desc' }],
        }),
    }),
  }),
});

const ReformTaskConnection = namedConnection(
  ReformTaskRef,
  'ReformTask',
  'administrative-reform plan tasks (nhiệm vụ cải cách hành chính)',
);

const ReformTaskFilterInput = builder.inputType('ReformTaskFilter', {
  description: 'Filter of `reformTasks`: every criterion given must hold.',
  fields: (t) => ({
    agencyCode: t.string({ description: 'Tasks whose responsible unit is this agency or a unit below it.' }),
    year: t.int({ description: 'Year of the programme or plan.' }),
    status: t.field({ type: StatusEnum, description: 'Only tasks in this status.' }),
    overdue: t.boolean({ description: 'Only overdue tasks (open, deadline before today).' }),
    dueSoon: t.boolean({ description: 'Only tasks due soon (open, deadline within dueWithinDays).' }),
    dueWithinDays: t.int({ description: 'For dueSoon: days from today, 0 to 366 (default 7).' }),
    search: t.string({ description: 'Part of the title or of the document.' }),
  }),
});

const RemindersRef = builder
  .objectRef<Awaited<ReturnType<typeof reformReminders>>>('ReformTaskReminders')
  .implement({
    description:
      'What to urge (đôn đốc): overdue and due-soon tasks of an agency subtree, at most 50 of each (the list has the rest).',
    fields: (t) => ({
      today: t.field({
        type: 'Date',
        description: 'The day they are computed for.',
        resolve: (r) => r.today,
      }),
      dueWithinDays: t.exposeInt('dueWithinDays', {
        description: 'The window of “due soon”, in days from today.',
      }),
      overdue: t.field({
        type: [ReformTaskRef],
        description: 'Overdue (quá hạn): open, deadline before today; the longest overdue first.',
        resolve: (r) => r.overdue,
      }),
      dueSoon: t.field({
        type: [ReformTaskRef],
        description:
          'Due soon (sắp đến hạn): open, deadline from today to today + dueWithinDays; the nearest first.',
        resolve: (r) => r.dueSoon,
      }),
    }),
  });

builder.queryFields((t) => ({
  reformTasks: t.connection(
    {
      type: ReformTaskRef,
      authScopes: { read: true },
      description:
        'Reform tasks the caller reads, newest entered first: those whose responsible unit or setting unit lies in its subtree (scope: read).',
      args: {
        filter: t.arg({
          type: ReformTaskFilterInput,
          description: 'Which tasks; omitted: all the caller reads.',
        }),
      },
      resolve: async (_root, args, ctx) => {
        const reach = await reachWith(ctx.prisma, ctx.principal, 'READ');
        const list = await listReformTasks(ctx.prisma, reach, args.filter, today());
        return keysetConnection(args, { type: 'ReformTask', keyOf: (k) => k.id, parse: intKey, ...list });
      },
    },
    ReformTaskConnection,
  ),
  reformTask: t.field({
    type: ReformTaskRef,
    nullable: true,
    authScopes: { read: true },
    description: 'One reform task with its history; null when there is none the caller reads (scope: read).',
    args: { id: t.arg.id({ required: true, description: 'Id of the task (`ReformTask.id`).' }) },
    resolve: async (_root, { id }, ctx) => {
      // An id this API could not have issued names no task.
      const n = /^[1-9][0-9]{0,9}$/.test(String(id)) ? Number(id) : 0;
      if (n < 1 || n > 2_147_483_647) return null;
      return readableTask(ctx.prisma, await reachWith(ctx.prisma, ctx.principal, 'READ'), n);
    },
  }),
  reformTaskReminders: t.field({
    type: RemindersRef,
    authScopes: { read: true },
    description:
      'Overdue and due-soon reform tasks of an agency’s subtree (all the caller reads when no agency is given), for the dashboard (scope: read).',
    args: {
      agencyCode: t.arg.string({ description: 'Responsible units in this agency’s subtree.' }),
      dueWithinDays: t.arg.int({
        defaultValue: 7,
        description: 'Due soon: deadline within this many days, 0 to 366.',
      }),
    },
    resolve: async (_root, args, ctx) =>
      reformReminders(
        ctx.prisma,
        await reachWith(ctx.prisma, ctx.principal, 'READ'),
        args.agencyCode,
        args.dueWithinDays,
        today(),
      ),
  }),
}));

const CreateInput = builder.inputType('CreateReformTaskInput', {
  description: 'A new task of a reform programme or plan (nhiệm vụ cải cách hành chính).',
  fields: (t) => ({
    year: t.int({ required: true, description: 'Year of the programme or plan, 2000 to 2100.' }),
    title: t.string({
      required: true,
      description: 'Title of the task (tên nhiệm vụ); required, at most 500 characters.',
    }),
    description: t.string({
      description: 'What is to be done (nội dung, yêu cầu); at most 5,000 characters.',
    }),
    document: t.string({
      description:
        'The document that sets the task (văn bản giao), e.g. "Kế hoạch 3941/KH-UBND"; at most 200 characters.',
    }),
    documentDate: t.field({ type: 'Date', description: 'Date of that document (ngày ban hành văn bản).' }),
    agencyCode: t.string({
      required: true,
      description: 'Code of the responsible unit (đơn vị chủ trì), in the caller’s subtree.',
    }),
    ownerAgencyCode: t.string({
      description:
        'Code of the unit that sets and monitors the task (đơn vị giao, theo dõi), in the caller’s subtree; default the responsible unit.',
    }),
    deadline: t.field({
      type: 'Date',
      required: true,
      description: 'Deadline (thời hạn hoàn thành), a day.',
    }),
  }),
});

const UpdateInput = builder.inputType('UpdateReformTaskInput', {
  description: 'A task and the details to change; a field left out stays as it is.',
  fields: (t) => ({
    id: t.id({ required: true, description: 'Id of the task.' }),
    year: t.int({ description: 'Year of the programme or plan, 2000 to 2100.' }),
    title: t.string({
      description: 'Title of the task (tên nhiệm vụ); at most 500 characters; cannot be cleared.',
    }),
    description: t.string({ description: 'Null clears it.' }),
    document: t.string({ description: 'Null clears it.' }),
    documentDate: t.field({ type: 'Date', description: 'Null clears it.' }),
    agencyCode: t.string({ description: 'A new responsible unit, in the caller’s subtree.' }),
    ownerAgencyCode: t.string({ description: 'A new setting unit, in the caller’s subtree.' }),
    deadline: t.field({ type: 'Date', description: 'New deadline (thời hạn hoàn thành).' }),
  }),
});

const CancelInput = builder.inputType('CancelReformTaskInput', {
  description: 'The task to cancel, and why.',
  fields: (t) => ({
    id: t.id({ required: true, description: 'Id of the task.' }),
    reason: t.string({ description: 'Why it is cancelled (lý do hủy); kept in the task’s history.' }),
  }),
});

const ReportInput = builder.inputType('ReportReformTaskProgressInput', {
  description:
    'A progress report on a task (báo cáo tiến độ): at least a change of status or progress, a note or evidence (else EMPTY_REPORT).',
  fields: (t) => ({
    taskId: t.id({ required: true, description: 'Id of the task.' }),
    status: t.field({
      type: StatusEnum,
      description:
        'Default: unchanged (IN_PROGRESS once progress is above 0). DONE means 100 % and records the day it was done; CANCELLED is refused (STATUS_NOT_REPORTABLE).',
    }),
    progressPercent: t.int({
      description: 'Progress (tiến độ), a whole number 0 to 100; default unchanged.',
    }),
    note: t.string({ description: 'What was done (nội dung báo cáo); at most 2,000 characters.' }),
    evidenceUrl: t.string({
      description: 'A link to the evidence (đường dẫn minh chứng): an http:// or https:// address.',
    }),
    evidenceRef: t.string({
      description:
        'Evidence by reference: a document number or a file name (số, ký hiệu văn bản, tệp minh chứng); at most 300 characters.',
    }),
    completedOn: t.field({
      type: 'Date',
      description: 'With DONE: the day it was done (not after today); default today.',
    }),
  }),
});

const TaskPayload = builder
  .objectRef<{ task: ReformTask | null; userErrors: UserError[] }>('ReformTaskPayload')
  .implement({
    description: 'The task as saved, or null with the reasons in userErrors (nothing written).',
    fields: (t) => ({
      task: t.field({
        type: ReformTaskRef,
        nullable: true,
        description: 'The task as saved; null when refused.',
        resolve: (p) => p.task,
      }),
      userErrors: userErrorsField(t),
    }),
  });

const EDIT_RULE =
  'Scope: reform (SYSTEM_ADMIN, UNIT_ADMIN, REFORM_MONITOR, or an admin key), over the responsible unit and the setting unit (else OUT_OF_SCOPE). Audited.';

builder.mutationFields((t) => ({
  createReformTask: t.field({
    type: TaskPayload,
    description: `Enters a task of the reform programme. ${EDIT_RULE}`,
    authScopes: { reform: true },
    args: { input: t.arg({ type: CreateInput, required: true, description: 'The task.' }) },
    resolve: async (_root, { input }, ctx) => {
      const by = await reformEditor(ctx.prisma, ctx.principal);
      const { result, userErrors } = await withUserErrors(() => createReformTask(ctx.prisma, input, by));
      return { task: result, userErrors };
    },
  }),
  updateReformTask: t.field({
    type: TaskPayload,
    description: `Changes a task’s details (not its progress: reportReformTaskProgress). A field left out stays. ${EDIT_RULE}`,
    authScopes: { reform: true },
    args: {
      input: t.arg({ type: UpdateInput, required: true, description: 'The task and the details to change.' }),
    },
    resolve: async (_root, { input }, ctx) => {
      const by = await reformEditor(ctx.prisma, ctx.principal);
      const { result, userErrors } = await withUserErrors(() =>
        updateReformTask(ctx.prisma, { ...input, id: String(input.id) }, by),
      );
      return { task: result, userErrors };
    },
  }),
  cancelReformTask: t.field({
    type: TaskPayload,
    description: `Cancels a task (it leaves the reminders), with the reason in its history. ${EDIT_RULE}`,
    authScopes: { reform: true },
    args: { input: t.arg({ type: CancelInput, required: true, description: 'The task and the reason.' }) },
    resolve: async (_root, { input }, ctx) => {
      const by = await reformEditor(ctx.prisma, ctx.principal);
      const { result, userErrors } = await withUserErrors(() =>
        cancelReformTask(ctx.prisma, { ...input, id: String(input.id) }, by),
      );
      return { task: result, userErrors };
    },
  }),
  reportReformTaskProgress: t.field({
    type: TaskPayload,
    description:
      'Reports progress on a task, with a note and evidence; appended to its history, and the task takes the status and progress reported. Scope: ingest or reform, over the responsible unit (its officers, or the office monitoring it; else OUT_OF_SCOPE). Audited.',
    authScopes: { ingest: true, reform: true },
    args: { input: t.arg({ type: ReportInput, required: true, description: 'The report.' }) },
    resolve: async (_root, { input }, ctx) => {
      const by = await progressReporter(ctx.prisma, ctx.principal);
      const { result, userErrors } = await withUserErrors(() =>
        reportReformTaskProgress(ctx.prisma, { ...input, taskId: String(input.taskId) }, by),
      );
      return { task: result, userErrors };
    },
  }),
}));
