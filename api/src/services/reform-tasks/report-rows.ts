// The reform programme's tasks as the quarterly report lists them (docs/domain.md "Reform programme
// tasks"): those of the agencies given whose deadline falls in the period, or that were still open at
// its end, each with its latest progress report and where it stands today.
import type { Prisma, PrismaClient } from '@tthc/db';
import {
  type ReformTaskStanding,
  type ReformTaskStatus,
  reformTaskStanding,
} from '../../domain/reform-task-standing.ts';
import { type Day, dayOf } from '../../domain/time.ts';
import { dateColumn, dayOfDateColumn } from '../date-columns.ts';

export interface ReformTaskReportRow {
  id: number;
  year: number;
  title: string;
  /** The document that set the task, e.g. "Kế hoạch 3941/KH-UBND", and its date. */
  document: string | null;
  documentDate: Day | null;
  /** Đơn vị chủ trì. */
  agencyCode: string;
  agencyName: string;
  /** The unit that set the task and monitors it. */
  ownerAgencyCode: string;
  ownerAgencyName: string;
  deadline: Day;
  status: ReformTaskStatus;
  progressPercent: number;
  completedOn: Day | null;
  /** The latest progress report's note and day (Asia/Ho_Chi_Minh); null when none was made. */
  lastReportNote: string | null;
  lastReportOn: Day | null;
  standing: ReformTaskStanding;
}

/**
 * Tasks of `agencyIds` (responsible units; null: every agency) whose deadline falls in `period`
 * (both days included), or that were open at its end: a task of a programme year up to the period's,
 * due before or after it, neither cancelled nor done by its last day (an overdue task carried over
 * stays on every report until it is done). Standing as of `today`. Ordered by
 * deadline, then responsible unit code, then id.
 */
export async function reformTasksForReport(
  prisma: PrismaClient,
  agencyIds: readonly number[] | null,
  period: { from: string; to: string },
  today: string,
): Promise<ReformTaskReportRow[]> {
  const from = dateColumn(period.from);
  const to = dateColumn(period.to);
  const where: Prisma.ReformTaskWhereInput = {
    AND: [
      agencyIds === null ? {} : { agencyId: { in: [...agencyIds] } },
      {
        OR: [
          { deadline: { gte: from, lte: to } },
          {
            year: { lte: Number(period.to.slice(0, 4)) },
            status: { not: 'CANCELLED' },
            OR: [{ completedOn: null }, { completedOn: { gt: to } }],
          },
        ],
      },
    ],
  };
  const tasks = await prisma.reformTask.findMany({
    where,
    include: {
      agency: { select: { code: true, name: true } },
      ownerAgency: { select: { code: true, name: true } },
      reports: { orderBy: [{ at: 'desc' }, { id: 'desc' }], take: 1 },
    },
    orderBy: [{ deadline: 'asc' }, { id: 'asc' }],
  });
  const rows = tasks.map((task): ReformTaskReportRow => {
    const deadline = dayOfDateColumn(task.deadline);
    const completedOn = task.completedOn ? dayOfDateColumn(task.completedOn) : null;
    const last = task.reports[0];
    return {
      id: task.id,
      year: task.year,
      title: task.title,
      document: task.document,
      documentDate: task.documentDate ? dayOfDateColumn(task.documentDate) : null,
      agencyCode: task.agency.code,
      agencyName: task.agency.name,
      ownerAgencyCode: task.ownerAgency.code,
      ownerAgencyName: task.ownerAgency.name,
      deadline,
      status: task.status,
      progressPercent: task.progressPercent,
      completedOn,
      lastReportNote: last?.note ?? null,
      lastReportOn: last ? dayOf(last.at) : null,
      standing: reformTaskStanding({ status: task.status, deadline, completedOn }, today),
    };
  });
  return rows.sort(
    (a, b) => a.deadline.localeCompare(b.deadline) || a.agencyCode.localeCompare(b.agencyCode) || a.id - b.id,
  );
}
