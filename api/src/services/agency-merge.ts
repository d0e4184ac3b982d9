// A unit merged into a successor on an effective date, as the 1/7/2025 reform did (docs/domain.md §0):
// the unit ends the day before (validTo = date − 1) and points at its successor. Its dossiers keep
// pointing at it, and the successor's figures include them from then on, for past periods too,
// because a scope is a subtree with history (subtreeIds follows successors): nothing is copied.
import type { Agency, PrismaClient } from '@tthc/db';
import { addDays, type Day, startOfDay } from '../domain/time.ts';
import type { Admin } from './access/reach.ts';
import { findAgency, isInSubtree } from './agencies.ts';
import { changeAgency, existsOn, unitInReach } from './agency-admin.ts';
import { dateColumn, dayOfDateColumn } from './date-columns.ts';
import { refused } from './input-refusal.ts';

export interface Merger {
  code: string;
  successorCode: string;
  /** The successor's first day for the unit's affairs; the unit's last day is the day before. */
  effectiveDate: Day;
}

export async function mergeAgency(
  prisma: PrismaClient,
  input: Merger,
  by: Admin,
): Promise<{ agency: Agency; successor: Agency }> {
  const agency = await unitInReach(prisma, input.code, by, ['code']);
  const lastDay = addDays(input.effectiveDate, -1);
  if (agency.successorId !== null || agency.validTo !== null) {
    const end = agency.validTo ? ` (đến hết ngày ${dayOfDateColumn(agency.validTo)})` : '';
    throw refused(
      ['code'],
      'AGENCY_ENDED',
      `${agency.name} đã kết thúc hoạt động${end}: không sáp nhập lại được.`,
    );
  }
  if (agency.validFrom && dayOfDateColumn(agency.validFrom) > lastDay) {
    throw refused(
      ['effectiveDate'],
      'INVALID_DATE',
      `Ngày hiệu lực phải sau ngày ${agency.name} bắt đầu hoạt động (${dayOfDateColumn(agency.validFrom)}).`,
    );
  }
  const successor = await successorOn(prisma, input.successorCode.trim(), input.effectiveDate);
  if (await isInSubtree(prisma, agency.id, successor.id)) {
    throw refused(
      ['successorCode'],
      'AGENCY_CYCLE',
      `Không thể sáp nhập ${agency.name} vào chính nó hoặc đơn vị trực thuộc của nó.`,
    );
  }
  if (!by.reach.covers(successor.id)) {
    throw refused(['successorCode'], 'OUT_OF_SCOPE', `${successor.name} nằm ngoài phạm vi quản trị của bạn.`);
  }
  const openChildren = await prisma.agency.count({
    where: { parentId: agency.id, OR: [{ validTo: null }, { validTo: { gt: dateColumn(lastDay) } }] },
  });
  if (openChildren > 0) {
    throw refused(
      ['code'],
      'BAD_USER_INPUT',
      `${agency.name} còn ${openChildren} đơn vị trực thuộc hoạt động sau ngày ${lastDay}: hãy chuyển hoặc sáp nhập các đơn vị đó trước.`,
    );
  }
  // Its dossiers must all predate its end: one received later would belong to a unit that no longer exists.
  const later = await prisma.dossier.count({
    where: { agencyId: agency.id, receivedAt: { gte: startOfDay(input.effectiveDate) } },
  });
  if (later > 0) {
    throw refused(
      ['effectiveDate'],
      'DOSSIERS_AFTER_MERGE',
      `${agency.name} có ${later} hồ sơ tiếp nhận từ ngày ${input.effectiveDate}: ngày hiệu lực phải sau các hồ sơ đó.`,
    );
  }
  const merged = await changeAgency(
    prisma,
    agency,
    { validTo: dateColumn(lastDay), successorId: successor.id },
    by,
    'agency.merge',
    { effectiveDate: input.effectiveDate },
  );
  return { agency: merged, successor };
}

/** The successor must exist on the effective date (a unit already ended cannot take others in). */
async function successorOn(prisma: PrismaClient, code: string, day: Day): Promise<Agency> {
  const onDay = await findAgency(prisma, code, day);
  if (onDay && existsOn(onDay, day)) return onDay;
  const any = await findAgency(prisma, code);
  if (!any) throw refused(['successorCode'], 'NOT_FOUND', `Không tìm thấy cơ quan, đơn vị "${code}".`);
  throw refused(
    ['successorCode'],
    'AGENCY_ENDED',
    `${any.name} không hoạt động vào ngày ${day}: không nhận sáp nhập được.`,
  );
}
