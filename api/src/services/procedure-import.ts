// Importing procedures (docs/api.md "Import and export"): the national package (JSON) or a spreadsheet
// (XLSX, CSV) read into the same record input as createProcedure and updateProcedure, and planned with
// the same rules (domain/procedure-plan.ts). A preview writes nothing and says, per row, what would
// happen: CREATE, UPDATE with the fields that change, UNCHANGED, or REJECTED with the reasons. Apply
// writes every valid row in one transaction (a failure writes nothing) — one version per changed
// procedure, an audit entry per procedure and one for the import — and leaves the rejected rows out.
import type { Channel, PrismaClient } from '@tthc/db';
import { readNationalEntry } from '../domain/national-procedure.ts';
import { type FieldChange, type ProcedurePlan, planProcedureSave } from '../domain/procedure-plan.ts';
import {
  checkRecordInput,
  hasUnfitCharacter,
  PROCEDURE_CODE,
  type ProcedureRecordInput,
  type RecordProblem,
} from '../domain/procedure-record.ts';
import { columnOfPath, readSheetRow } from '../domain/procedure-sheet.ts';
import type { ErrorCode } from '../errors.ts';
import { catalogueEditRefusal } from './access/catalogue-editors.ts';
import { actorOf, type Principal } from './access/principal.ts';
import { audit } from './audit.ts';
import { isUniqueViolation } from './input-refusal.ts';
import { CATALOGUE_TRANSACTION, lockProcedures } from './procedure-editing.ts';
import { type ImportFormat, type ImportSourceRow, readImportFile } from './procedure-files.ts';
import { type Catalogue, loadCatalogue, loadStoredProcedures, type StoredRow } from './procedure-records.ts';
import { type WritablePlan, writePlans } from './procedure-writes.ts';

export type ImportAction = 'CREATE' | 'UPDATE' | 'UNCHANGED' | 'REJECTED';

export interface ImportProblem {
  /** Path into the procedure record (JSON) or the field of the column (spreadsheet); null: the row. */
  path: (string | number)[] | null;
  /** The spreadsheet column at fault, when known. */
  column: string | null;
  code: ErrorCode;
  message: string;
}

export interface ImportRow {
  row: number;
  code: string | null;
  name: string | null;
  action: ImportAction;
  changes: FieldChange[];
  problems: ImportProblem[];
}

export interface ImportOutcome {
  applied: boolean;
  rows: ImportRow[];
  ignoredColumns: string[];
  /** Refusals of the file as a whole (or of the caller): nothing was read or written. */
  refusals: { path: string[] | null; code: ErrorCode; message: string }[];
}

export interface ImportInput {
  format: ImportFormat;
  content: string;
  fileName?: string | null;
}

const MAX_FILE_NAME = 255;

/** What a row says, planned against the catalogue; the writable plan when it is one. */
interface PlannedRow {
  report: ImportRow;
  writable: WritablePlan | null;
}

function problemsOf(
  problems: readonly RecordProblem[],
  input: ProcedureRecordInput,
  sheet: boolean,
): ImportProblem[] {
  return problems.map((p) => {
    const column = sheet ? columnOfPath(p.path, input) : null;
    const message = column && !p.message.startsWith(column) ? `${column}: ${p.message}` : p.message;
    return { path: p.path, column, code: p.code, message };
  });
}

function planRow(
  source: ImportSourceRow,
  stored: ReadonlyMap<string, StoredRow>,
  firstRowOf: Map<string, number>,
  catalogue: Catalogue,
  now: Date,
): PlannedRow {
  const sheet = source.kind === 'sheet';
  const rawCode = (sheet ? source.cells.get('code') : codeOfEntry(source.entry))?.trim() ?? null;
  const code = rawCode && PROCEDURE_CODE.test(rawCode) ? rawCode : null;
  const current = code ? (stored.get(code) ?? null) : null;
  const report: ImportRow = {
    row: source.row,
    code: rawCode,
    name: null,
    action: 'REJECTED',
    changes: [],
    problems: [],
  };
  if (code) {
    const first = firstRowOf.get(code);
    if (first !== undefined) {
      report.problems.push({
        path: ['code'],
        column: sheet ? 'Mã thủ tục' : null,
        code: 'DUPLICATE_IMPORT_ROW',
        message: `Mã thủ tục ${code} đã có ở ${sheet ? 'dòng' : 'mục'} ${first}; chỉ dùng ${sheet ? 'dòng' : 'mục'} đầu tiên.`,
      });
      return { report, writable: null };
    }
    firstRowOf.set(code, source.row);
  }

  let input: ProcedureRecordInput;
  let unverifiedChannels: ReadonlySet<Channel> | undefined;
  const early: ImportProblem[] = [];
  if (source.kind === 'sheet') {
    const read = readSheetRow(source.cells, catalogue, current?.record ?? null);
    input = read.input;
    early.push(...read.problems.map((p) => ({ ...p })));
  } else {
    const read = readNationalEntry(source.entry, current !== null, catalogue.sectorCodeOf);
    input = read.input;
    unverifiedChannels = read.unverifiedChannels;
    early.push(
      ...read.problems.map((p) => ({
        path: p.path,
        column: null,
        code: (p.path[0] === 'sectorCode' ? 'UNKNOWN_SECTOR' : 'BAD_USER_INPUT') as ErrorCode,
        message: p.message,
      })),
    );
  }
  report.name = typeof input.name === 'string' ? input.name.trim() : (current?.record.name ?? null);
  const checked = checkRecordInput(input, catalogue);
  // A cell that could not be read was left out of the input: its own problem says why.
  const plan: ProcedurePlan =
    early.length > 0
      ? { action: 'REJECTED', problems: checked.problems }
      : planProcedureSave(current, checked, { mode: 'upsert', now });
  if (plan.action === 'REJECTED') {
    report.problems.push(...early, ...problemsOf(plan.problems, input, sheet));
    return { report, writable: null };
  }
  report.action = plan.action;
  if (plan.action === 'UNCHANGED') return { report, writable: null };
  if (plan.action === 'CREATE') {
    return {
      report,
      writable: { plan, stored: null, ...(unverifiedChannels ? { unverifiedChannels } : {}) },
    };
  }
  report.changes = plan.changes;
  return {
    report,
    writable: { plan, stored: current!, ...(unverifiedChannels ? { unverifiedChannels } : {}) },
  };
}

function codeOfEntry(entry: unknown): string | null {
  if (!entry || typeof entry !== 'object') return null;
  const code = (entry as { code?: unknown }).code;
  return typeof code === 'string' ? code : null;
}

function codesOf(rows: readonly ImportSourceRow[]): string[] {
  const codes = new Set<string>();
  for (const r of rows) {
    const code = (r.kind === 'sheet' ? r.cells.get('code') : codeOfEntry(r.entry))?.trim();
    if (code && PROCEDURE_CODE.test(code)) codes.add(code);
  }
  return [...codes];
}

async function prepare(
  prisma: PrismaClient,
  principal: Principal,
  input: ImportInput,
): Promise<{ refused: ImportOutcome } | { rows: ImportSourceRow[]; ignoredColumns: string[] }> {
  const refuse = (path: string[] | null, code: ErrorCode, message: string) => ({
    refused: { applied: false, rows: [], ignoredColumns: [], refusals: [{ path, code, message }] },
  });
  const refusal = await catalogueEditRefusal(prisma, principal);
  if (refusal) return refuse(null, refusal.code, refusal.message);
  const fileName = input.fileName ?? '';
  if (fileName.length > MAX_FILE_NAME || hasUnfitCharacter(fileName)) {
    return refuse(
      ['input', 'fileName'],
      'BAD_USER_INPUT',
      `Tên tệp dài tối đa ${MAX_FILE_NAME} ký tự, không có ký tự điều khiển.`,
    );
  }
  const file = await readImportFile(input.format, input.content);
  if (!file.ok) return refuse(['input', 'content'], file.code, file.message);
  if (file.rows.length === 0)
    return refuse(['input', 'content'], 'INVALID_IMPORT_FILE', 'Tệp không có thủ tục nào.');
  return { rows: file.rows, ignoredColumns: file.ignoredColumns };
}

function planRows(
  rows: readonly ImportSourceRow[],
  stored: ReadonlyMap<string, StoredRow>,
  catalogue: Catalogue,
  now: Date,
) {
  const firstRowOf = new Map<string, number>();
  return rows.map((r) => planRow(r, stored, firstRowOf, catalogue, now));
}

/** What importing the file would do, row by row; nothing is written. */
export async function previewProcedureImport(
  prisma: PrismaClient,
  principal: Principal,
  input: ImportInput,
): Promise<ImportOutcome> {
  const prepared = await prepare(prisma, principal, input);
  if ('refused' in prepared) return prepared.refused;
  const now = new Date();
  const [catalogue, stored] = await Promise.all([
    loadCatalogue(prisma, now),
    loadStoredProcedures(prisma, codesOf(prepared.rows), now),
  ]);
  const planned = planRows(prepared.rows, stored, catalogue, now);
  return {
    applied: false,
    rows: planned.map((p) => p.report),
    ignoredColumns: prepared.ignoredColumns,
    refusals: [],
  };
}

/** Imports the valid rows of the file in one transaction; the rejected ones are reported and left out. */
export async function applyProcedureImport(
  prisma: PrismaClient,
  principal: Principal,
  input: ImportInput,
): Promise<ImportOutcome> {
  const prepared = await prepare(prisma, principal, input);
  if ('refused' in prepared) return prepared.refused;
  const now = new Date();
  const actor = actorOf(principal);
  const catalogue = await loadCatalogue(prisma, now);
  const codes = codesOf(prepared.rows);
  try {
    const planned = await prisma.$transaction(async (tx) => {
      await lockProcedures(tx, codes);
      const stored = await loadStoredProcedures(tx, codes, now);
      const planned = planRows(prepared.rows, stored, catalogue, now);
      const writable = planned.flatMap((p) => (p.writable ? [p.writable] : []));
      if (writable.length > 0) {
        await writePlans(tx, writable, { actor, catalogue });
        const count = (action: ImportAction) => planned.filter((p) => p.report.action === action).length;
        await audit(tx, actor, 'procedure.import', 'ProcedureImport', input.fileName ?? undefined, {
          format: input.format,
          fileName: input.fileName ?? null,
          rows: planned.length,
          created: count('CREATE'),
          updated: count('UPDATE'),
          unchanged: count('UNCHANGED'),
          rejected: count('REJECTED'),
        });
      }
      return planned;
    }, CATALOGUE_TRANSACTION);
    return {
      applied: true,
      rows: planned.map((p) => p.report),
      ignoredColumns: prepared.ignoredColumns,
      refusals: [],
    };
  } catch (error) {
    // Another save created one of the file's codes while this one was being read.
    if (!isUniqueViolation(error)) throw error;
    return {
      applied: false,
      rows: [],
      ignoredColumns: prepared.ignoredColumns,
      refusals: [
        {
          path: null,
          code: 'PROCEDURE_EXISTS',
          message:
            'Trong lúc nhập, một thủ tục của tệp vừa được tạo ở nơi khác; chưa ghi gì. Hãy xem trước và nhập lại.',
        },
      ],
    };
  }
}
