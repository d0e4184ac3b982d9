// Which catalogue procedures a unit implements (ProcedureAgency rows): a commune's unit admin sets
// its commune's list (docs/api.md "Roles"); the catalogue itself is the province's.
import type { Agency, PrismaClient } from '@tthc/db';
import type { Admin } from './access/reach.ts';
import { unitInReach } from './agency-admin.ts';
import { audit } from './audit.ts';
import { Problems, refused } from './input-refusal.ts';

/** More than the whole catalogue (1,119 procedures in the demo data) in one call is a mistake. */
export const MAX_PROCEDURE_CHANGES = 2_000;

export interface ProcedureListChange {
  agencyCode: string;
  add?: readonly string[] | null | undefined;
  remove?: readonly string[] | null | undefined;
}

export async function setAgencyProcedures(
  prisma: PrismaClient,
  input: ProcedureListChange,
  by: Admin,
): Promise<{ agency: Agency; added: string[]; removed: string[] }> {
  const agency = await unitInReach(prisma, input.agencyCode, by, ['agencyCode'], { current: true });
  const add = (input.add ?? []).map((c) => c.trim());
  const remove = (input.remove ?? []).map((c) => c.trim());
  if (add.length + remove.length === 0) {
    throw refused(null, 'BAD_USER_INPUT', 'Cần ít nhất một thủ tục để thêm hoặc bỏ.');
  }
  if (add.length + remove.length > MAX_PROCEDURE_CHANGES) {
    throw refused(
      null,
      'TOO_MANY',
      `Mỗi lần thêm hoặc bỏ tối đa ${MAX_PROCEDURE_CHANGES.toLocaleString('vi-VN')} thủ tục.`,
    );
  }
  const procedures = await prisma.procedure.findMany({
    where: { code: { in: [...add, ...remove] } },
    select: { id: true, code: true, active: true },
  });
  const byCode = new Map(procedures.map((p) => [p.code, p]));
  const problems = new Problems();
  for (const [list, codes] of [
    ['add', add],
    ['remove', remove],
  ] as const) {
    for (const [i, code] of codes.entries()) {
      const procedure = byCode.get(code);
      if (!procedure) {
        problems.add([list, String(i)], 'UNKNOWN_PROCEDURE', `Không có thủ tục mã "${code}" trong danh mục.`);
      } else if (list === 'add' && !procedure.active) {
        problems.add([list, String(i)], 'UNKNOWN_PROCEDURE', `Thủ tục "${code}" đã được rút khỏi danh mục.`);
      } else if (list === 'remove' && add.includes(code)) {
        problems.add([list, String(i)], 'BAD_USER_INPUT', `Thủ tục "${code}" vừa được thêm vừa bị bỏ.`);
      }
    }
  }
  problems.throwIfAny();
  const ids = (codes: string[]) => [...new Set(codes.map((c) => byCode.get(c)!.id))];
  const implemented = new Set(
    (
      await prisma.procedureAgency.findMany({
        where: { agencyId: agency.id, procedureId: { in: ids([...add, ...remove]) } },
        select: { procedureId: true },
      })
    ).map((r) => r.procedureId),
  );
  const added = [...new Set(add)].filter((c) => !implemented.has(byCode.get(c)!.id)).sort();
  const removed = [...new Set(remove)].filter((c) => implemented.has(byCode.get(c)!.id)).sort();
  if (added.length + removed.length === 0) {
    throw refused(null, 'NOTHING_TO_CHANGE', `${agency.name} đã thực hiện đúng danh sách thủ tục này.`);
  }
  await prisma.$transaction(async (tx) => {
    await tx.procedureAgency.createMany({
      data: ids(added).map((procedureId) => ({ procedureId, agencyId: agency.id })),
      skipDuplicates: true, // a concurrent request may have added one of them
    });
    await tx.procedureAgency.deleteMany({
      where: { agencyId: agency.id, procedureId: { in: ids(removed) } },
    });
    await audit(
      tx,
      by.actor,
      'agency.set-procedures',
      'Agency',
      String(agency.id),
      { added, removed, total: await tx.procedureAgency.count({ where: { agencyId: agency.id } }) },
      { agencyId: agency.id },
    );
  });
  return { agency, added, removed };
}
