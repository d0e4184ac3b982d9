// Editing the tree of units (docs/domain.md §0): create a child, edit a unit's details, move it under
// another parent. A unit and the units its change involves must lie in the administrator's subtree
// (docs/api.md "Roles"); every change is audited with the unit before and after, under its own id.
// Merging into a successor: agency-merge.ts.
import type { Agency, AgencyLevel, PrismaClient } from '@tthc/db';
import { toSearchText } from '../domain/search-text.ts';
import { type Day, dayOf } from '../domain/time.ts';
import type { Admin } from './access/reach.ts';
import { findAgency, isInSubtree } from './agencies.ts';
import { audit } from './audit.ts';
import { dateColumn, dayOfDateColumn } from './date-columns.ts';
import { isUniqueViolation, Problems, refused } from './input-refusal.ts';

const CODE_PATTERN = /^[0-9A-Za-z._-]{1,40}$/;
const MAX_NAME = 300;
const MAX_SHORT_NAME = 100;
const MAX_NOTE = 2_000;

/** What the audit log keeps of a unit, with the codes of the units it points at. */
export async function agencySnapshot(prisma: PrismaClient, a: Agency) {
  const [parent, successor] = await Promise.all([
    a.parentId ? prisma.agency.findUnique({ where: { id: a.parentId } }) : null,
    a.successorId ? prisma.agency.findUnique({ where: { id: a.successorId } }) : null,
  ]);
  return {
    code: a.code,
    name: a.name,
    shortName: a.shortName,
    level: a.level,
    parentCode: parent?.code ?? null,
    validFrom: a.validFrom ? dayOfDateColumn(a.validFrom) : null,
    validTo: a.validTo ? dayOfDateColumn(a.validTo) : null,
    successorCode: successor?.code ?? null,
    dossierPrefix: a.dossierPrefix,
    note: a.note,
  };
}

/** Whether the unit exists on `day` (its validity has begun and not ended). */
export const existsOn = (a: Agency, day: Day) =>
  (!a.validFrom || dayOfDateColumn(a.validFrom) <= day) && (!a.validTo || dayOfDateColumn(a.validTo) >= day);

/**
 * The unit with this code today (or its last holder), within the administrator's reach; refused at
 * `field` otherwise. `current` also refuses a unit that has ended.
 */
export async function unitInReach(
  prisma: PrismaClient,
  code: string,
  by: Admin,
  field: string[],
  options: { current?: boolean } = {},
): Promise<Agency> {
  const agency = await findAgency(prisma, code.trim());
  if (!agency) throw refused(field, 'NOT_FOUND', `Không tìm thấy cơ quan, đơn vị "${code}".`);
  if (!by.reach.covers(agency.id)) {
    throw refused(
      field,
      'OUT_OF_SCOPE',
      `${agency.name} nằm ngoài phạm vi quản trị của bạn (đơn vị được phân quyền và các đơn vị trực thuộc).`,
    );
  }
  if (options.current && !existsOn(agency, dayOf(new Date()))) {
    throw refused(
      field,
      'AGENCY_ENDED',
      `${agency.name} không còn hoạt động (đến hết ngày ${endOf(agency)}).`,
    );
  }
  return agency;
}

const endOf = (a: Agency) => (a.validTo ? dayOfDateColumn(a.validTo) : 'nay');

/**
 * Which parent a unit of each level may have since the two-tier reform (docs/domain.md §0): a
 * commune-level unit belongs to a province (or, before 1/7/2025, a district); an agency (department,
 * office, police) may sit under any unit. Provinces and ministries are roots.
 */
function parentProblem(level: AgencyLevel, parent: Agency): string | null {
  if (level === 'MINISTRY' || level === 'PROVINCE') {
    return 'Bộ, tỉnh là cấp cao nhất: không đặt dưới đơn vị khác.';
  }
  if (level === 'DISTRICT')
    return 'Từ 01/7/2025 chính quyền địa phương có hai cấp: không còn đơn vị cấp huyện.';
  if (level === 'COMMUNE' && parent.level !== 'PROVINCE' && parent.level !== 'DISTRICT') {
    return 'Đơn vị cấp xã phải trực thuộc một tỉnh.';
  }
  return null;
}

function checkText(
  problems: Problems,
  field: string,
  value: string | null | undefined,
  max: number,
  label: string,
  required = false,
): string | null | undefined {
  if (value === undefined) return undefined;
  const text = value?.trim() || null;
  if (required && !text) problems.add([field], 'BAD_USER_INPUT', `${label} không được để trống.`);
  else if (text && text.length > max)
    problems.add([field], 'BAD_USER_INPUT', `${label} dài tối đa ${max} ký tự.`);
  else return text;
  return undefined;
}

function checkDossierPrefix(problems: Problems, value: string | null | undefined) {
  const prefix = checkText(problems, 'dossierPrefix', value, 40, 'Tiền tố mã hồ sơ');
  if (prefix && !CODE_PATTERN.test(prefix)) {
    problems.add(
      ['dossierPrefix'],
      'BAD_USER_INPUT',
      'Tiền tố mã hồ sơ gồm chữ, số, dấu chấm, gạch ngang (ví dụ H56.14).',
    );
    return undefined;
  }
  return prefix;
}

export interface NewAgency {
  parentCode: string;
  code: string;
  name: string;
  level: AgencyLevel;
  shortName?: string | null | undefined;
  /** First day of existence; default today. */
  validFrom?: Day | null | undefined;
  dossierPrefix?: string | null | undefined;
  note?: string | null | undefined;
}

export async function createAgency(prisma: PrismaClient, input: NewAgency, by: Admin): Promise<Agency> {
  const parent = await unitInReach(prisma, input.parentCode, by, ['parentCode']);
  const problems = new Problems();
  const validFrom = input.validFrom ?? dayOf(new Date());
  const code = input.code.trim();
  if (!CODE_PATTERN.test(code)) {
    problems.add(['code'], 'BAD_USER_INPUT', 'Mã đơn vị gồm 1–40 chữ, số, dấu chấm, gạch ngang, gạch dưới.');
  }
  const name = checkText(problems, 'name', input.name, MAX_NAME, 'Tên cơ quan, đơn vị', true);
  const shortName = checkText(problems, 'shortName', input.shortName, MAX_SHORT_NAME, 'Tên ngắn');
  const note = checkText(problems, 'note', input.note, MAX_NOTE, 'Ghi chú');
  const dossierPrefix = checkDossierPrefix(problems, input.dossierPrefix);
  const misplaced = parentProblem(input.level, parent);
  if (misplaced) problems.add(['level'], 'BAD_USER_INPUT', misplaced);
  if (!existsOn(parent, validFrom)) {
    problems.add(['validFrom'], 'AGENCY_ENDED', `${parent.name} không hoạt động vào ngày ${validFrom}.`);
  }
  if (problems.empty) {
    // Codes are reused only across time (docs/domain.md §0): no other unit holds it from validFrom on.
    const holder = await prisma.agency.findFirst({
      where: { code, OR: [{ validTo: null }, { validTo: { gte: dateColumn(validFrom) } }] },
    });
    if (holder) {
      problems.add(
        ['code'],
        'AGENCY_CODE_IN_USE',
        `Mã "${code}" đang là mã của ${holder.name} (đến ${endOf(holder)}).`,
      );
    }
  }
  problems.throwIfAny();
  const created = prisma.$transaction(async (tx) => {
    const agency = await tx.agency.create({
      data: {
        code,
        name: name as string,
        searchText: toSearchText(name as string),
        shortName: shortName ?? null,
        level: input.level,
        parentId: parent.id,
        validFrom: dateColumn(validFrom),
        dossierPrefix: dossierPrefix ?? null,
        note: note ?? null,
      },
    });
    const after = await agencySnapshot(tx as PrismaClient, agency);
    await audit(
      tx,
      by.actor,
      'agency.create',
      'Agency',
      String(agency.id),
      { after },
      { agencyId: agency.id },
    );
    return agency;
  });
  return created.catch((error: unknown) => {
    if (!isUniqueViolation(error)) throw error;
    throw refused(['code'], 'AGENCY_CODE_IN_USE', `Mã "${code}" vừa được dùng cho một đơn vị khác.`);
  });
}

export interface AgencyEdit {
  code: string;
  name?: string | null | undefined;
  shortName?: string | null | undefined;
  dossierPrefix?: string | null | undefined;
  note?: string | null | undefined;
}

/** A unit's own details; an omitted field stays, null clears it (not the name). Name stays searchable. */
export async function updateAgency(prisma: PrismaClient, input: AgencyEdit, by: Admin): Promise<Agency> {
  const agency = await unitInReach(prisma, input.code, by, ['code']);
  const problems = new Problems();
  const data: Partial<Pick<Agency, 'name' | 'searchText' | 'shortName' | 'dossierPrefix' | 'note'>> = {};
  const name = checkText(problems, 'name', input.name, MAX_NAME, 'Tên cơ quan, đơn vị', true);
  if (name) Object.assign(data, { name, searchText: toSearchText(name) });
  const shortName = checkText(problems, 'shortName', input.shortName, MAX_SHORT_NAME, 'Tên ngắn');
  if (shortName !== undefined) data.shortName = shortName;
  const dossierPrefix = checkDossierPrefix(problems, input.dossierPrefix);
  if (dossierPrefix !== undefined) data.dossierPrefix = dossierPrefix;
  const note = checkText(problems, 'note', input.note, MAX_NOTE, 'Ghi chú');
  if (note !== undefined) data.note = note;
  problems.throwIfAny();
  if (Object.entries(data).every(([k, v]) => agency[k as keyof Agency] === v)) {
    throw refused(null, 'NOTHING_TO_CHANGE', 'Không có thông tin nào thay đổi.');
  }
  return changeAgency(prisma, agency, data, by, 'agency.update');
}

/**
 * Moves a unit under another parent, both within the administrator's reach. The tree keeps no
 * history of parents: the figures of the old parent no longer include the unit, for past periods
 * too. A change of unit on a date is a new unit merged into a successor (agency-merge.ts).
 */
export async function moveAgency(
  prisma: PrismaClient,
  input: { code: string; parentCode: string },
  by: Admin,
): Promise<Agency> {
  const agency = await unitInReach(prisma, input.code, by, ['code'], { current: true });
  const parent = await unitInReach(prisma, input.parentCode, by, ['parentCode'], { current: true });
  if (await isInSubtree(prisma, agency.id, parent.id)) {
    throw refused(
      ['parentCode'],
      'AGENCY_CYCLE',
      `Không thể chuyển ${agency.name} vào chính nó hoặc đơn vị trực thuộc của nó.`,
    );
  }
  if (agency.parentId === parent.id) {
    throw refused(['parentCode'], 'NOTHING_TO_CHANGE', `${agency.name} đã trực thuộc ${parent.name}.`);
  }
  const misplaced = parentProblem(agency.level, parent);
  if (misplaced) throw refused(['parentCode'], 'BAD_USER_INPUT', misplaced);
  return changeAgency(prisma, agency, { parentId: parent.id }, by, 'agency.move');
}

/** One change of a unit in one transaction with its audit entry (before and after). */
export async function changeAgency(
  prisma: PrismaClient,
  agency: Agency,
  data: Partial<Agency>,
  by: Admin,
  action: string,
  extra: Record<string, string | number | null> = {},
): Promise<Agency> {
  const before = await agencySnapshot(prisma, agency);
  return prisma.$transaction(async (tx) => {
    const updated = await tx.agency.update({ where: { id: agency.id }, data });
    const after = await agencySnapshot(tx as PrismaClient, updated);
    await audit(
      tx,
      by.actor,
      action,
      'Agency',
      String(agency.id),
      { before, after, ...extra },
      { agencyId: agency.id },
    );
    return updated;
  });
}
