// The parts of a procedure record that are lists of small objects (steps, dossier components, forms,
// legal basis) and a change between two versions, as GraphQL types; read from the JSON columns of
// ProcedureVersion by services/procedure-records.ts.
import type { Prisma } from '@tthc/db';
import type { FieldChange } from '../domain/procedure-plan.ts';
import {
  type DossierComponent,
  FIELD_LABELS,
  type LegalBasisItem,
  type ProcedureForm,
  RECORD_FIELDS,
  type RecordField,
  type StepGroup,
} from '../domain/procedure-record.ts';
import { formatValue } from '../domain/procedure-sheet.ts';
import { builder } from './builder.ts';

export const StepGroupRef = builder.objectRef<StepGroup>('ProcedureStepGroup').implement({
  description: 'The steps (trình tự thực hiện) of one case, or of every case when `case` is null.',
  fields: (t) => ({
    case: t.exposeString('case', { nullable: true, description: 'E.g. "Trường hợp nộp hồ sơ trực tuyến".' }),
    steps: t.exposeStringList('steps', {
      description: 'The steps in order, one sentence or paragraph each, as published.',
    }),
  }),
});

export const DossierComponentRef = builder.objectRef<DossierComponent>('DossierComponent').implement({
  description: 'A document of the dossier (thành phần hồ sơ) and how many of it.',
  fields: (t) => ({
    name: t.exposeString('name', {
      description: 'The document, as published, e.g. “Tờ khai đăng ký khai sinh”.',
    }),
    originals: t.exposeInt('originals', {
      nullable: true,
      description: 'Number of originals required (số bản chính), 0–100; null when not stated.',
    }),
    copies: t.exposeInt('copies', {
      nullable: true,
      description: 'Number of copies required (số bản sao), 0–100; null when not stated.',
    }),
    form: t.exposeString('form', {
      nullable: true,
      description: 'The form (mẫu đơn, tờ khai) it is filled on; null when none.',
    }),
  }),
});

export const ProcedureFormRef = builder.objectRef<ProcedureForm>('ProcedureForm').implement({
  description: 'A form or declaration to fill in (mẫu đơn, tờ khai) for the procedure.',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Name or number of the form, e.g. “Mẫu số 01/TK”.' }),
    url: t.exposeString('url', {
      nullable: true,
      description: 'Where to download it (an http or https address); null when not online.',
    }),
  }),
});

export const LegalBasisRef = builder.objectRef<LegalBasisItem>('LegalBasisItem').implement({
  description: 'A legal document the procedure rests on (căn cứ pháp lý).',
  fields: (t) => ({
    number: t.exposeString('number', {
      nullable: true,
      description: 'Number and symbol of the document (số, ký hiệu), e.g. 60/2014/QH13; null when not given.',
    }),
    title: t.exposeString('title', {
      description: 'Title or summary of the document (trích yếu), e.g. “Luật Hộ tịch”.',
    }),
  }),
});

export const ProcedureChangeRef = builder.objectRef<FieldChange>('ProcedureChange').implement({
  description: 'One field of a procedure record that a save changed (or an import would change).',
  fields: (t) => ({
    field: t.exposeString('field', {
      description:
        'The field, as named in CreateProcedureInput (`timeLimits`, `name`, `agencyCodes`, …; `sectorCode` for the sector).',
    }),
    label: t.string({ description: 'The field’s Vietnamese name.', resolve: (c) => FIELD_LABELS[c.field] }),
    before: t.string({
      nullable: true,
      description: 'The value before, written as the spreadsheet writes it; null when empty.',
      resolve: (c) => formatValue(c.field, c.before) || null,
    }),
    after: t.string({
      nullable: true,
      description: 'The value after, written as the spreadsheet writes it; null when empty.',
      resolve: (c) => formatValue(c.field, c.after) || null,
    }),
  }),
});

/** The `changes` column of a version: [{ field, before, after }]; anything else reads as none. */
export function changesOf(json: Prisma.JsonValue | null): FieldChange[] {
  if (!Array.isArray(json)) return [];
  return json.flatMap((c) => {
    if (!c || typeof c !== 'object' || Array.isArray(c)) return [];
    const field = c.field as RecordField;
    return RECORD_FIELDS.includes(field) ? [{ field, before: c.before ?? null, after: c.after ?? null }] : [];
  });
}
