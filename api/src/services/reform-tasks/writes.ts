// Entering, editing, cancelling the reform programme's tasks and reporting their progress (docs/api.md
// "Reform programme tasks"). The Internal Affairs office (REFORM capability) enters a task for a unit
// of its subtree — both the responsible unit and the unit that set it must be in its reach — and the
// responsible unit's officers report progress (INGEST or REFORM over that unit). Reports are
// append-only: the task keeps the latest status and progress, its reports keep the history. Every
// write is audited in its transaction under the responsible unit.
import type { PrismaClient, ReformTask, ReformTaskReport } from '@tthc/db';
import { isOpen, type ReformTaskStatus } from '../../domain/reform-task-standing.ts';
import { type Day, dayOf } from '../../domain/time.ts';
import type { Reach } from '../access/reach.ts';
import { findAgency } from '../agencies.ts';
import { audit } from '../audit.ts';
import { dateColumn, dayOfDateColumn } from '../date-columns.ts';
import { Problems, refused } from '../input-refusal.ts';
import {
  day,
  evidenceUrl,
  MAX_DESCRIPTION,
  MAX_DOCUMENT,
  MAX_EVIDENCE_REF,
  MAX_NOTE,
  MAX_TITLE,
  progress,
  text,
  year,
} from './input.ts';

/** Who writes: the audit actor and where the capability the write needs reaches. */
export interface ReformWriter {
  actor: string;
  reach: Reach;
}

export interface NewReformTask {
  year: number;
  title: string;
  description?: string | null | undefined;
  document?: string | null | undefined;
  documentDate?: Day | null | undefined;
  /** The responsible unit (đơn vị chủ trì). */
  agencyCode: string;
  /** The unit that set the task and monitors it; default the responsible unit. */
  ownerAgencyCode?: string | null | undefined;
  deadline: Day;
}

export interface ReformTaskEdit {
  id: string;
  year?: number | null | undefined;
  title?: string | null | undefined;
  description?: string | null | undefined;
  document?: string | null | undefined;
  documentDate?: Day | null | undefined;
  agencyCode?: string | null | undefined;
  ownerAgencyCode?: string | null | undefined;
  deadline?: Day | null | undefined;
}

export interface ProgressReportInput {
  taskId: string;
  /** Default: the task's status, or IN_PROGRESS once progress is above 0. */
  status?: ReformTaskStatus | null | undefined;
  progressPercent?: number | null | undefined;
  note?: string | null | undefined;
  evidenceUrl?: string | null | undefined;
  /** A document number or file reference (số, ký hiệu văn bản; tệp đính kèm). */
  evidenceRef?: string | null | undefined;
  /** With DONE: the day it was done (not after today); default today. */
  completedOn?: Day | null | undefined;
}

export type ReformTaskWithReports = ReformTask & { reports: ReformTaskReport[] };

/** What the audit log keeps of a task. */
function snapshot(task: ReformTask, codes: { agency: string; owner: string }) {
  return {
    year: task.year,
    title: task.title,
    description: task.description,
    document: task.document,
    documentDate: task.documentDate ? dayOfDateColumn(task.documentDate) : null,
    agencyCode: codes.agency,
    ownerAgencyCode: codes.owner,
    deadline: dayOfDateColumn(task.deadline),
    status: task.status,
    progressPercent: task.progressPercent,
    completedOn: task.completedOn ? dayOfDateColumn(task.completedOn) : null,
  };
}

async function codesOf(prisma: PrismaClient, task: ReformTask) {
  const units = await prisma.agency.findMany({
    where: { id: { in: [task.agencyId, task.ownerAgencyId] } },
    select: { id: true, code: true },
  });
  const code = (id: number) => units.find((u) => u.id === id)?.code ?? String(id);
  return { agency: code(task.agencyId), owner: code(task.ownerAgencyId) };
}

/** A unit by code (today's holder, else its last), in reach; refused at `field` otherwise. */
async function unitAt(
  prisma: PrismaClient,
  code: string,
  reach: Reach,
  field: string,
  problems: Problems,
  label: string,
) {
  const agency = await findAgency(prisma, code.trim());
  if (!agency) {
    problems.add([field], 'NOT_FOUND', `Không tìm thấy ${label} có mã "${code}".`);
    return null;
  }
  if (!reach.covers(agency.id)) {
    problems.add(
      [field],
      'OUT_OF_SCOPE',
      `${agency.name} nằm ngoài phạm vi được phân quyền của bạn (đơn vị được phân quyền và các đơn vị trực thuộc).`,
    );
    return null;
  }
  return agency;
}

/** The task with this id, or NOT_FOUND at `field` (an id that is not a whole number names none). */
export async function findTask(
  prisma: PrismaClient,
  id: string,
  field: string[] = ['id'],
): Promise<ReformTask> {
  const task =
    /^[1-9][0-9]{0,9}$/.test(id.trim()) && Number(id) <= 2_147_483_647
      ? await prisma.reformTask.findUnique({ where: { id: Number(id) } })
      : null;
  if (!task) throw refused(field, 'NOT_FOUND', 'Không tìm thấy nhiệm vụ cải cách hành chính này.');
  return task;
}

export async function createReformTask(
  prisma: PrismaClient,
  input: NewReformTask,
  by: ReformWriter,
): Promise<ReformTaskWithReports> {
  const problems = new Problems();
  const taskYear = year(problems, input.year);
  const title = text(problems, 'title', input.title, MAX_TITLE, 'Tên nhiệm vụ', true);
  const description = text(problems, 'description', input.description, MAX_DESCRIPTION, 'Nội dung');
  const document = text(problems, 'document', input.document, MAX_DOCUMENT, 'Văn bản giao nhiệm vụ');
  const documentDate = day(problems, 'documentDate', input.documentDate, 'Ngày ban hành văn bản');
  const deadline = day(problems, 'deadline', input.deadline, 'Thời hạn hoàn thành');
  if (input.deadline === undefined || input.deadline === null) {
    problems.add(['deadline'], 'INVALID_DATE', 'Thời hạn hoàn thành không được để trống.');
  }
  const agency = await unitAt(prisma, input.agencyCode, by.reach, 'agencyCode', problems, 'đơn vị chủ trì');
  const owner = input.ownerAgencyCode?.trim()
    ? await unitAt(
        prisma,
        input.ownerAgencyCode,
        by.reach,
        'ownerAgencyCode',
        problems,
        'đơn vị giao nhiệm vụ',
      )
    : agency;
  problems.throwIfAny();
  return prisma.$transaction(async (tx) => {
    const task = await tx.reformTask.create({
      data: {
        year: taskYear as number,
        title: title as string,
        description: description ?? null,
        document: document ?? null,
        documentDate: documentDate ? dateColumn(documentDate) : null,
        agencyId: agency!.id,
        ownerAgencyId: owner!.id,
        deadline: dateColumn(deadline as Day),
        createdBy: by.actor,
      },
    });
    await audit(
      tx,
      by.actor,
      'reform-task.create',
      'ReformTask',
      String(task.id),
      { after: snapshot(task, { agency: agency!.code, owner: owner!.code }) },
      { agencyId: task.agencyId },
    );
    return { ...task, reports: [] };
  });
}

/** Both units of an existing task must be in reach to change it: the office that set it, or above. */
async function taskInReach(prisma: PrismaClient, id: string, reach: Reach): Promise<ReformTask> {
  const task = await findTask(prisma, id);
  if (!reach.covers(task.agencyId) || !reach.covers(task.ownerAgencyId)) {
    throw refused(
      ['id'],
      'OUT_OF_SCOPE',
      'Nhiệm vụ này do đơn vị nằm ngoài phạm vi được phân quyền của bạn giao hoặc chủ trì.',
    );
  }
  return task;
}

export async function updateReformTask(
  prisma: PrismaClient,
  input: ReformTaskEdit,
  by: ReformWriter,
): Promise<ReformTaskWithReports> {
  const task = await taskInReach(prisma, input.id, by.reach);
  if (task.status === 'CANCELLED') {
    throw refused(['id'], 'REFORM_TASK_CLOSED', 'Nhiệm vụ đã hủy: không sửa được nữa.');
  }
  const problems = new Problems();
  const data: Record<string, unknown> = {};
  if (input.year !== undefined) {
    const y = input.year === null ? undefined : year(problems, input.year);
    if (input.year === null) problems.add(['year'], 'INVALID_YEAR', 'Năm kế hoạch không được để trống.');
    if (y !== undefined) data.year = y;
  }
  if (input.title !== undefined) {
    const title = text(problems, 'title', input.title, MAX_TITLE, 'Tên nhiệm vụ', true);
    if (title) data.title = title;
  }
  const optional = [
    ['description', input.description, MAX_DESCRIPTION, 'Nội dung'],
    ['document', input.document, MAX_DOCUMENT, 'Văn bản giao nhiệm vụ'],
  ] as const;
  for (const [field, value, max, label] of optional) {
    if (value === undefined) continue;
    const checked = text(problems, field, value, max, label);
    if (checked !== undefined) data[field] = checked;
  }
  if (input.documentDate !== undefined) {
    const documentDate = day(problems, 'documentDate', input.documentDate, 'Ngày ban hành văn bản');
    if (documentDate !== undefined) data.documentDate = documentDate ? dateColumn(documentDate) : null;
  }
  if (input.deadline !== undefined) {
    if (input.deadline === null)
      problems.add(['deadline'], 'INVALID_DATE', 'Thời hạn hoàn thành không được để trống.');
    const deadline = day(problems, 'deadline', input.deadline, 'Thời hạn hoàn thành');
    if (deadline) data.deadline = dateColumn(deadline);
  }
  if (input.agencyCode?.trim()) {
    const agency = await unitAt(prisma, input.agencyCode, by.reach, 'agencyCode', problems, 'đơn vị chủ trì');
    if (agency) data.agencyId = agency.id;
  }
  if (input.ownerAgencyCode?.trim()) {
    const owner = await unitAt(
      prisma,
      input.ownerAgencyCode,
      by.reach,
      'ownerAgencyCode',
      problems,
      'đơn vị giao nhiệm vụ',
    );
    if (owner) data.ownerAgencyId = owner.id;
  }
  problems.throwIfAny();
  const before = snapshot(task, await codesOf(prisma, task));
  return prisma.$transaction(async (tx) => {
    const updated = await tx.reformTask.update({ where: { id: task.id }, data, include: { reports: true } });
    const after = snapshot(updated, await codesOf(tx as PrismaClient, updated));
    const changed = Object.keys(after).filter(
      (k) =>
        JSON.stringify(after[k as keyof typeof after]) !== JSON.stringify(before[k as keyof typeof before]),
    );
    if (changed.length === 0) {
      throw refused(null, 'NOTHING_TO_CHANGE', 'Không có thay đổi nào so với nội dung hiện tại.');
    }
    await audit(
      tx,
      by.actor,
      'reform-task.update',
      'ReformTask',
      String(task.id),
      {
        before: Object.fromEntries(changed.map((k) => [k, before[k as keyof typeof before]])),
        after: Object.fromEntries(changed.map((k) => [k, after[k as keyof typeof after]])),
      },
      { agencyId: updated.agencyId },
    );
    return updated;
  });
}

/** Cancels a task (it leaves the reminders; the report lists it as CANCELLED), with the reason. */
export async function cancelReformTask(
  prisma: PrismaClient,
  input: { id: string; reason?: string | null | undefined },
  by: ReformWriter,
): Promise<ReformTaskWithReports> {
  const task = await taskInReach(prisma, input.id, by.reach);
  if (task.status === 'CANCELLED') {
    throw refused(['id'], 'NOTHING_TO_CHANGE', 'Nhiệm vụ đã được hủy trước đó.');
  }
  const problems = new Problems();
  const reason = text(problems, 'reason', input.reason, MAX_NOTE, 'Lý do hủy');
  problems.throwIfAny();
  return prisma.$transaction(async (tx) => {
    await tx.reformTaskReport.create({
      data: {
        taskId: task.id,
        actor: by.actor,
        status: 'CANCELLED',
        progressPercent: task.progressPercent,
        note: reason ?? null,
      },
    });
    const updated = await tx.reformTask.update({
      where: { id: task.id },
      data: { status: 'CANCELLED' },
      include: { reports: true },
    });
    await audit(
      tx,
      by.actor,
      'reform-task.cancel',
      'ReformTask',
      String(task.id),
      { before: { status: task.status }, after: { status: 'CANCELLED' }, reason: reason ?? null },
      { agencyId: task.agencyId },
    );
    return updated;
  });
}

/**
 * A progress report by the responsible unit (or the office above it): appended to the task's
 * history, and the task takes its status and progress. DONE means 100 % and sets the day it was
 * done; a report cannot cancel a task (cancelReformTask does), nor touch a closed one.
 */
export async function reportReformTaskProgress(
  prisma: PrismaClient,
  input: ProgressReportInput,
  by: ReformWriter,
  today: Day = dayOf(new Date()),
): Promise<ReformTaskWithReports> {
  const task = await findTask(prisma, input.taskId, ['taskId']);
  if (!by.reach.covers(task.agencyId)) {
    throw refused(
      ['taskId'],
      'OUT_OF_SCOPE',
      'Chỉ đơn vị chủ trì (hoặc cơ quan theo dõi cấp trên) báo cáo tiến độ nhiệm vụ này.',
    );
  }
  if (!isOpen(task.status)) {
    throw refused(
      ['taskId'],
      'REFORM_TASK_CLOSED',
      task.status === 'DONE'
        ? 'Nhiệm vụ đã hoàn thành: không báo cáo tiến độ thêm.'
        : 'Nhiệm vụ đã hủy: không báo cáo tiến độ.',
    );
  }
  const problems = new Problems();
  if (input.status === 'CANCELLED') {
    problems.add(
      ['status'],
      'STATUS_NOT_REPORTABLE',
      'Báo cáo tiến độ không hủy được nhiệm vụ; đơn vị giao nhiệm vụ hủy nhiệm vụ.',
    );
  }
  let percent = progress(problems, input.progressPercent);
  const note = text(problems, 'note', input.note, MAX_NOTE, 'Nội dung báo cáo');
  const url = evidenceUrl(problems, input.evidenceUrl);
  const ref = text(problems, 'evidenceRef', input.evidenceRef, MAX_EVIDENCE_REF, 'Văn bản, tệp minh chứng');
  let completedOn = day(problems, 'completedOn', input.completedOn, 'Ngày hoàn thành');
  let status: ReformTaskStatus = input.status ?? task.status;
  if (!input.status && status === 'NOT_STARTED' && (percent ?? 0) > 0) status = 'IN_PROGRESS';
  if (status === 'DONE') {
    if (percent !== undefined && percent !== 100) {
      problems.add(['progressPercent'], 'INVALID_PROGRESS', 'Nhiệm vụ hoàn thành thì tiến độ là 100%.');
    }
    percent = 100;
    if (completedOn && completedOn > today) {
      problems.add(['completedOn'], 'INVALID_DATE', 'Ngày hoàn thành không được sau hôm nay.');
    }
    completedOn = completedOn ?? today;
  } else if (input.completedOn) {
    problems.add(
      ['completedOn'],
      'BAD_USER_INPUT',
      'Chỉ ghi ngày hoàn thành khi báo cáo nhiệm vụ đã hoàn thành.',
    );
  }
  if (status === 'IN_PROGRESS' && percent === 100) {
    problems.add(['progressPercent'], 'INVALID_PROGRESS', 'Tiến độ 100% thì báo cáo "Đã hoàn thành".');
  }
  const finalPercent = percent ?? task.progressPercent;
  if (
    problems.empty &&
    status === task.status &&
    finalPercent === task.progressPercent &&
    !note &&
    !url &&
    !ref
  ) {
    problems.add(
      null,
      'EMPTY_REPORT',
      'Báo cáo cần có nội dung, minh chứng hoặc thay đổi trạng thái, tiến độ.',
    );
  }
  problems.throwIfAny();
  return prisma.$transaction(async (tx) => {
    const report = await tx.reformTaskReport.create({
      data: {
        taskId: task.id,
        actor: by.actor,
        status,
        progressPercent: finalPercent,
        note: note ?? null,
        evidenceUrl: url ?? null,
        evidenceRef: ref ?? null,
      },
    });
    const updated = await tx.reformTask.update({
      where: { id: task.id },
      data: {
        status,
        progressPercent: finalPercent,
        completedOn: status === 'DONE' ? dateColumn(completedOn as Day) : null,
      },
      include: { reports: true },
    });
    await audit(
      tx,
      by.actor,
      'reform-task.report',
      'ReformTask',
      String(task.id),
      {
        reportId: report.id,
        before: { status: task.status, progressPercent: task.progressPercent },
        after: {
          status,
          progressPercent: finalPercent,
          completedOn: status === 'DONE' ? completedOn : null,
        },
        evidenceUrl: url ?? null,
        evidenceRef: ref ?? null,
      },
      { agencyId: task.agencyId },
    );
    return updated;
  });
}
