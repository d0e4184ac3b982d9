// Importing procedures from a file: previewProcedureImport (nothing written) and applyProcedureImport
// (services/procedure-import.ts). The file travels in the input (base64 for XLSX), so the input
// checks its own strings and sizes instead of the API's generic ceiling on strings.
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from '../services/procedure-files.ts';
import {
  applyProcedureImport,
  type ImportOutcome,
  type ImportProblem,
  type ImportRow,
  previewProcedureImport,
} from '../services/procedure-import.ts';
import { builder } from './builder.ts';
import { CHECKS_ITS_OWN_STRINGS } from './extensions.ts';
import { ProcedureChangeRef } from './procedure-parts.ts';
import { ErrorCodeEnum, USER_ERRORS_DESCRIPTION, UserErrorRef } from './user-errors.ts';

const FormatEnum = builder.enumType('ProcedureImportFormat', {
  description: 'Format of a file of procedures to import (the formats `/exports/procedures.*` writes).',
  values: {
    XLSX: { description: 'An Excel workbook: `content` is the file in base64. The first sheet is read.' },
    CSV: { description: 'Comma- or semicolon-separated text, UTF-8: `content` is the text.' },
    JSON: { description: 'The national procedure package (a list of procedures): `content` is the text.' },
  } as const,
});

const ActionEnum = builder.enumType('ProcedureImportAction', {
  description: 'What the import does, or would do, with one procedure of the file.',
  values: {
    CREATE: { description: 'A procedure not in the catalogue: it is added.' },
    UPDATE: { description: 'A procedure whose fields in `changes` differ: a new version is saved.' },
    UNCHANGED: { description: 'Nothing differs from the catalogue.' },
    REJECTED: { description: 'Left out, for the reasons in `problems`.' },
  } as const,
});

const MB = MAX_IMPORT_BYTES / 1024 / 1024;

const ImportInput = builder.inputType('ProcedureImportInput', {
  description: `A file of procedures: at most ${MB} MB and ${MAX_IMPORT_ROWS.toLocaleString('en')} procedures (else IMPORT_TOO_LARGE). Its strings are checked by the import itself, row by row.`,
  extensions: { [CHECKS_ITS_OWN_STRINGS]: true },
  fields: (t) => ({
    format: t.field({
      type: FormatEnum,
      required: true,
      description: 'Format of the file, which says how `content` is written.',
    }),
    content: t.string({ required: true, description: 'XLSX: the file in base64; CSV and JSON: the text.' }),
    fileName: t.string({ description: 'For the audit log and the report.' }),
  }),
});

const ProblemRef = builder.objectRef<ImportProblem>('ProcedureImportProblem').implement({
  description: 'Why a row was rejected.',
  fields: (t) => ({
    field: t.stringList({
      nullable: true,
      description:
        'Path into the procedure record, e.g. ["timeLimits", "0", "value"]; null: the row as a whole.',
      resolve: (p) => p.path?.map(String) ?? null,
    }),
    column: t.exposeString('column', {
      nullable: true,
      description: 'The spreadsheet column, e.g. "Thời hạn trực tiếp".',
    }),
    code: t.expose('code', {
      type: ErrorCodeEnum,
      description: 'Stable code of the problem, e.g. INVALID_TIME_LIMIT.',
    }),
    message: t.exposeString('message', {
      description: 'In Vietnamese, naming the column when there is one.',
    }),
  }),
});

const RowRef = builder.objectRef<ImportRow>('ProcedureImportRow').implement({
  description: 'One procedure of the file and what the import does, or would do, with it.',
  fields: (t) => ({
    row: t.exposeInt('row', {
      description:
        'The row as the spreadsheet numbers it (the header is row 1), or the position (from 1) in the JSON list.',
    }),
    code: t.exposeString('code', {
      nullable: true,
      description: 'National code of the procedure (mã TTHC) the row names; null when the row has none.',
    }),
    name: t.exposeString('name', {
      nullable: true,
      description:
        'Name of the procedure, from the row or else from the catalogue; null when neither gives one.',
    }),
    action: t.expose('action', { type: ActionEnum, description: 'What is done with the row.' }),
    changes: t.field({
      type: [ProcedureChangeRef],
      description: 'UPDATE: the fields that change, before and after.',
      resolve: (r) => r.changes,
    }),
    problems: t.field({
      type: [ProblemRef],
      description: 'REJECTED: every reason, each at its field and column; empty otherwise.',
      resolve: (r) => r.problems,
    }),
  }),
});

const SummaryRef = builder.objectRef<ImportRow[]>('ProcedureImportSummary').implement({
  description:
    'Counts of the procedures of the file by action: created + updated + unchanged + rejected = total.',
  fields: (t) => ({
    total: t.int({ description: 'Procedures in the file.', resolve: (rows) => rows.length }),
    created: t.int({
      description: 'Procedures added to the catalogue (or that would be, in a preview).',
      resolve: (rows) => rows.filter((r) => r.action === 'CREATE').length,
    }),
    updated: t.int({
      description: 'Procedures changed, a new version each (or that would be, in a preview).',
      resolve: (rows) => rows.filter((r) => r.action === 'UPDATE').length,
    }),
    unchanged: t.int({
      description: 'Procedures identical to the catalogue.',
      resolve: (rows) => rows.filter((r) => r.action === 'UNCHANGED').length,
    }),
    rejected: t.int({
      description: 'Procedures left out for their problems.',
      resolve: (rows) => rows.filter((r) => r.action === 'REJECTED').length,
    }),
  }),
});

const ImportPayload = builder.objectRef<ImportOutcome>('ProcedureImportPayload').implement({
  description:
    'Result of `previewProcedureImport` and `applyProcedureImport`: what each procedure of the file does.',
  fields: (t) => ({
    applied: t.exposeBoolean('applied', {
      description: 'True when the valid rows were written (applyProcedureImport); a preview writes nothing.',
    }),
    summary: t.field({
      type: SummaryRef,
      description: 'Counts of `rows` by action.',
      resolve: (o) => o.rows,
    }),
    rows: t.field({
      type: [RowRef],
      description: 'Every procedure of the file, in its order.',
      resolve: (o) => o.rows,
    }),
    ignoredColumns: t.exposeStringList('ignoredColumns', {
      description: 'Headers of the spreadsheet that are not import columns (their cells were not read).',
    }),
    userErrors: t.field({
      type: [UserErrorRef],
      description: `${USER_ERRORS_DESCRIPTION} Problems of single rows are in \`rows\`; these concern the file or the caller, and then nothing was read or written.`,
      resolve: (o) => o.refusals.map((r) => ({ field: r.path, code: r.code, message: r.message })),
    }),
  }),
});

const WHO =
  'Allowed to the catalogue’s editors, as createProcedure; others get FORBIDDEN (anonymous: UNAUTHENTICATED) in userErrors.';

builder.mutationFields((t) => ({
  previewProcedureImport: t.field({
    type: ImportPayload,
    description: `What importing the file would do, row by row (CREATE, UPDATE with the changed fields, UNCHANGED, REJECTED with reasons); nothing is written. ${WHO}`,
    args: { input: t.arg({ type: ImportInput, required: true, description: 'The file to check.' }) },
    resolve: (_root, { input }, ctx) => previewProcedureImport(ctx.prisma, ctx.principal, input),
  }),
  applyProcedureImport: t.field({
    type: ImportPayload,
    description: `Imports the file: every valid row in one transaction (a failure writes nothing), one version per changed procedure, audited; rejected rows are left out and reported. ${WHO}`,
    args: { input: t.arg({ type: ImportInput, required: true, description: 'The file to import.' }) },
    resolve: (_root, { input }, ctx) => applyProcedureImport(ctx.prisma, ctx.principal, input),
  }),
}));
