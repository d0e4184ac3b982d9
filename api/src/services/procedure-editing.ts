// Editing the procedure catalogue (docs/api.md "Editing the procedure catalogue"): create a procedure,
// change it (a new version when published content changes, docs/domain.md §2.4), publish or withdraw
// it. Each is refused as a whole, with the path of every field at fault, or written in one transaction
// with its audit entry. Only the catalogue's editors may (access/catalogue-editors.ts).
import type { PrismaClient } from '@tthc/db';
import { type FieldChange, planProcedureSave, type SaveMode } from '../domain/procedure-plan.ts';
import { checkRecordInput, type ProcedureRecordInput } from '../domain/procedure-record.ts';
import type { ErrorCode } from '../errors.ts';
import { catalogueEditRefusal } from './access/catalogue-editors.ts';
import { actorOf, type Principal } from './access/principal.ts';
import { audit } from './audit.ts';
import { isUniqueViolation } from './input-refusal.ts';
import { loadCatalogue, loadStoredProcedures } from './procedure-records.ts';
import { writePlans } from './procedure-writes.ts';

/** A refusal: a path into the record (null: the input as a whole), a stable code, a Vietnamese message. */
export interface Refusal {
  path: (string | number)[] | null;
  code: ErrorCode;
  message: string;
}

export interface SaveOutcome {
  procedureId: number | null;
  /** The version the save wrote, or null (refused, unchanged, or only the units changed). */
  versionId: number | null;
  /** What changed (every field of a new procedure that is not empty). */
  changes: FieldChange[];
  refusals: Refusal[];
}

/** How long a catalogue transaction may run (an import of the whole catalogue takes about a second). */
export const CATALOGUE_TRANSACTION = { maxWait: 10_000, timeout: 60_000 } as const;

/** Locks the procedures with these codes for the transaction: two saves of one procedure go one after the other. */
export async function lockProcedures(
  tx: Pick<PrismaClient, '$queryRaw'>,
  codes: readonly string[],
): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "Procedure" WHERE code = ANY(${[...codes]}::text[]) ORDER BY id FOR UPDATE`;
}

const refused = (refusals: Refusal[]): SaveOutcome => ({
  procedureId: null,
  versionId: null,
  changes: [],
  refusals,
});

async function save(
  prisma: PrismaClient,
  principal: Principal,
  input: ProcedureRecordInput,
  mode: Exclude<SaveMode, 'upsert'>,
  published = true,
): Promise<SaveOutcome> {
  const refusal = await catalogueEditRefusal(prisma, principal);
  if (refusal) return refused([{ path: null, ...refusal }]);
  const now = new Date();
  const catalogue = await loadCatalogue(prisma, now);
  const checked = checkRecordInput(input, catalogue);
  const code = checked.values.code;
  try {
    return await prisma.$transaction(async (tx) => {
      if (code) await lockProcedures(tx, [code]);
      const stored = code ? ((await loadStoredProcedures(tx, [code], now)).get(code) ?? null) : null;
      const plan = planProcedureSave(stored, checked, { mode, now });
      if (plan.action === 'REJECTED') return refused(plan.problems);
      if (plan.action === 'UNCHANGED') {
        return { procedureId: stored?.id ?? null, versionId: null, changes: [], refusals: [] };
      }
      const [written] =
        plan.action === 'CREATE'
          ? await writePlans(tx, [{ plan, stored: null }], { actor: actorOf(principal), catalogue })
          : await writePlans(tx, [{ plan, stored: stored! }], { actor: actorOf(principal), catalogue });
      if (plan.action === 'CREATE' && !published) {
        await tx.procedure.update({ where: { id: written!.procedureId }, data: { active: false } });
      }
      return {
        procedureId: written!.procedureId,
        versionId: written!.version?.id ?? null,
        changes: plan.action === 'UPDATE' ? plan.changes : [],
        refusals: [],
      };
    }, CATALOGUE_TRANSACTION);
  } catch (error) {
    // A unique violation on Procedure.code: another save created the same code just before.
    if (!isUniqueViolation(error)) throw error;
    return refused([
      {
        path: ['code'],
        code: 'PROCEDURE_EXISTS',
        message: `Mã thủ tục ${code} vừa được tạo trong danh mục.`,
      },
    ]);
  }
}

/** Adds a procedure (version 1, applying since always); `published: false` creates it withdrawn. */
export const createProcedure = (
  prisma: PrismaClient,
  principal: Principal,
  input: ProcedureRecordInput,
  options: { published: boolean } = { published: true },
) => save(prisma, principal, input, 'create', options.published);

export const updateProcedure = (
  prisma: PrismaClient,
  principal: Principal,
  input: ProcedureRecordInput & { code: string },
) => save(prisma, principal, input, 'update');

export const MAX_REASON_LENGTH = 1000;

/**
 * Publishes a procedure in the catalogue, or withdraws it (Procedure.active). A withdrawn procedure
 * leaves the public list; it stays readable by its code, with its versions, for history.
 */
export async function setProcedurePublished(
  prisma: PrismaClient,
  principal: Principal,
  input: { code: string; published: boolean; reason?: string | null },
): Promise<{ procedureId: number | null; refusals: Refusal[] }> {
  const refusal = await catalogueEditRefusal(prisma, principal);
  if (refusal) return { procedureId: null, refusals: [{ path: null, ...refusal }] };
  const reason = input.reason?.trim() || null;
  if (reason && reason.length > MAX_REASON_LENGTH) {
    return {
      procedureId: null,
      refusals: [
        { path: ['reason'], code: 'TEXT_TOO_LONG', message: `Lý do dài tối đa ${MAX_REASON_LENGTH} ký tự.` },
      ],
    };
  }
  return prisma.$transaction(async (tx) => {
    await lockProcedures(tx, [input.code]);
    const procedure = await tx.procedure.findUnique({
      where: { code: input.code },
      select: { id: true, active: true },
    });
    if (!procedure) {
      return {
        procedureId: null,
        refusals: [
          { path: ['code'], code: 'NOT_FOUND', message: `Không có thủ tục mã ${input.code} trong danh mục.` },
        ],
      };
    }
    if (procedure.active === input.published) {
      return {
        procedureId: procedure.id,
        refusals: [
          {
            path: null,
            code: 'NOTHING_TO_CHANGE',
            message: input.published
              ? `Thủ tục ${input.code} đang được công bố trong danh mục.`
              : `Thủ tục ${input.code} đã được rút khỏi danh mục.`,
          },
        ],
      };
    }
    await tx.procedure.update({ where: { id: procedure.id }, data: { active: input.published } });
    await audit(
      tx,
      actorOf(principal),
      input.published ? 'procedure.publish' : 'procedure.withdraw',
      'Procedure',
      input.code,
      { before: { published: procedure.active }, after: { published: input.published }, reason },
    );
    return { procedureId: procedure.id, refusals: [] };
  });
}
