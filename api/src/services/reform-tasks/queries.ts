// Reading the reform programme's tasks: the list (filtered, paged by id), one task with its reports,
// and the reminders — overdue and due-soon tasks — for a unit's dashboard (docs/domain.md "Reform
// programme tasks"). Everything within the caller's READ reach, as the responsible unit or the unit
// that set the task.
import type { Prisma, PrismaClient, ReformTaskStatus } from '@tthc/db';
import { DUE_SOON_DAYS } from '../../domain/reform-task-standing.ts';
import { addDays, type Day } from '../../domain/time.ts';
import type { Reach } from '../access/reach.ts';
import { findAgency, subtreeIds } from '../agencies.ts';
import { dateColumn } from '../date-columns.ts';
import { refused } from '../input-refusal.ts';
import type { Page } from '../paging.ts';

export interface ReformTaskFilter {
  /** Tasks whose responsible unit is this agency or a unit below it. */
  agencyCode?: string | null | undefined;
  year?: number | null | undefined;
  status?: ReformTaskStatus | null | undefined;
  /** Open and past the deadline. */
  overdue?: boolean | null | undefined;
  /** Open, deadline from today to today + dueWithinDays (default 7). */
  dueSoon?: boolean | null | undefined;
  dueWithinDays?: number | null | undefined;
  /** Part of the title or the document (case-insensitive). */
  search?: string | null | undefined;
}

const OPEN: ReformTaskStatus[] = ['NOT_STARTED', 'IN_PROGRESS'];
const MAX_DUE_WITHIN = 366;

/** Tasks the reach reads: its units are responsible for them or set them. */
const readable = (reach: Reach): Prisma.ReformTaskWhereInput =>
  reach.everywhere
    ? {}
    : { OR: [{ agencyId: { in: [...reach.agencyIds] } }, { ownerAgencyId: { in: [...reach.agencyIds] } }] };

export function checkDueWithin(days: number | null | undefined): number {
  const within = days ?? DUE_SOON_DAYS;
  if (!Number.isInteger(within) || within < 0 || within > MAX_DUE_WITHIN) {
    throw refused(['dueWithinDays'], 'BAD_USER_INPUT', `Số ngày sắp đến hạn từ 0 đến ${MAX_DUE_WITHIN}.`);
  }
  return within;
}

async function agencyFilter(prisma: PrismaClient, code: string): Promise<Prisma.ReformTaskWhereInput> {
  const agency = await findAgency(prisma, code.trim());
  return { agencyId: { in: agency ? await subtreeIds(prisma, agency.id) : [] } };
}

async function taskWhere(
  prisma: PrismaClient,
  reach: Reach,
  filter: ReformTaskFilter | null | undefined,
  today: Day,
): Promise<Prisma.ReformTaskWhereInput> {
  const and: Prisma.ReformTaskWhereInput[] = [readable(reach)];
  if (filter?.agencyCode?.trim()) and.push(await agencyFilter(prisma, filter.agencyCode));
  if (filter?.year != null) and.push({ year: filter.year });
  if (filter?.status) and.push({ status: filter.status });
  if (filter?.overdue) and.push({ status: { in: OPEN }, deadline: { lt: dateColumn(today) } });
  if (filter?.dueSoon) {
    const within = checkDueWithin(filter.dueWithinDays);
    and.push({
      status: { in: OPEN },
      deadline: { gte: dateColumn(today), lte: dateColumn(addDays(today, within)) },
    });
  }
  const search = filter?.search?.trim();
  if (search) {
    and.push({
      OR: [
        { title: { contains: search, mode: 'insensitive' } },
        { document: { contains: search, mode: 'insensitive' } },
      ],
    });
  }
  return { AND: and };
}

/** A page of tasks, newest first (so `after` means an older task), and the number matching. */
export async function listReformTasks(
  prisma: PrismaClient,
  reach: Reach,
  filter: ReformTaskFilter | null | undefined,
  today: Day,
) {
  const where = await taskWhere(prisma, reach, filter, today);
  return {
    page: ({ after, before, limit, inverted }: Page<number>) =>
      prisma.reformTask.findMany({
        where: {
          AND: [
            where,
            after !== undefined ? { id: { lt: after } } : {},
            before !== undefined ? { id: { gt: before } } : {},
          ],
        },
        orderBy: { id: inverted ? 'asc' : 'desc' },
        take: limit,
      }),
    count: () => prisma.reformTask.count({ where }),
  };
}

/** One task the reach reads; null when there is none or it is out of reach (not told apart). */
export async function readableTask(prisma: PrismaClient, reach: Reach, id: number) {
  return prisma.reformTask.findFirst({ where: { AND: [{ id }, readable(reach)] } });
}

export interface ReformReminders {
  today: Day;
  dueWithinDays: number;
  /** Open tasks past their deadline, the longest overdue first. */
  overdue: Prisma.ReformTaskGetPayload<object>[];
  /** Open tasks due from today to today + dueWithinDays, the nearest first. */
  dueSoon: Prisma.ReformTaskGetPayload<object>[];
}

/** At most this many of each kind: a dashboard panel, not a list (the list page has the rest). */
const REMINDER_LIMIT = 50;

/**
 * The reminders of an agency's subtree (null: all the caller reads): overdue = deadline before today
 * and not done or cancelled; due soon = deadline from today to today + `dueWithinDays`.
 */
export async function reformReminders(
  prisma: PrismaClient,
  reach: Reach,
  agencyCode: string | null | undefined,
  dueWithinDays: number | null | undefined,
  today: Day,
): Promise<ReformReminders> {
  const within = checkDueWithin(dueWithinDays);
  const scope: Prisma.ReformTaskWhereInput[] = [readable(reach), { status: { in: OPEN } }];
  if (agencyCode?.trim()) {
    const agency = await findAgency(prisma, agencyCode.trim());
    if (!agency)
      throw refused(['agencyCode'], 'NOT_FOUND', `Không tìm thấy cơ quan, đơn vị "${agencyCode}".`);
    scope.push({ agencyId: { in: await subtreeIds(prisma, agency.id) } });
  }
  const [overdue, dueSoon] = await Promise.all([
    prisma.reformTask.findMany({
      where: { AND: [...scope, { deadline: { lt: dateColumn(today) } }] },
      orderBy: [{ deadline: 'asc' }, { id: 'asc' }],
      take: REMINDER_LIMIT,
    }),
    prisma.reformTask.findMany({
      where: {
        AND: [...scope, { deadline: { gte: dateColumn(today), lte: dateColumn(addDays(today, within)) } }],
      },
      orderBy: [{ deadline: 'asc' }, { id: 'asc' }],
      take: REMINDER_LIMIT,
    }),
  ]);
  return { today, dueWithinDays: within, overdue, dueSoon };
}
