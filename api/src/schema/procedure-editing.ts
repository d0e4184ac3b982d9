// Editing the catalogue: createProcedure, updateProcedure, publishProcedure, withdrawProcedure
// (services/procedure-editing.ts), and a procedure's implementing units.
import type { InputFieldBuilder } from '@pothos/core';
import type { FieldChange } from '../domain/procedure-plan.ts';
import { dayOf } from '../domain/time.ts';
import { validOn } from '../services/agencies.ts';
import {
  createProcedure,
  type Refusal,
  setProcedurePublished,
  updateProcedure,
} from '../services/procedure-editing.ts';
import { AgencyRef } from './agency.ts';
import { builder } from './builder.ts';
import { ChannelEnum, ImplementingLevelEnum, OnlineLevelEnum, TimeUnitEnum } from './enums.ts';
import { ProcedureChangeRef } from './procedure-parts.ts';
import { USER_ERRORS_DESCRIPTION, type UserError, UserErrorRef } from './user-errors.ts';

builder.prismaObjectField('Procedure', 'currentAgencies', (t) =>
  t.field({
    type: [AgencyRef],
    description:
      'The units valid today that implement the procedure: what `agencyCodes` of updateProcedure sets (`agencies` also lists units that have ended, kept as history).',
    select: (_args, _ctx, nestedSelection) => ({
      agencies: {
        where: { agency: validOn(dayOf(new Date())) },
        orderBy: { agency: { code: 'asc' } },
        select: { agency: nestedSelection(true) },
      },
    }),
    resolve: (p) => p.agencies.map((a) => a.agency),
  }),
);

const TimeLimitInput = builder.inputType('ProcedureTimeLimitInput', {
  description: 'The time limit of one channel (docs/domain.md §2.2).',
  fields: (t) => ({
    channel: t.field({
      type: ChannelEnum,
      required: true,
      description: 'The channel the limit applies to; one limit per channel (DUPLICATE_CHANNEL).',
    }),
    value: t.float({
      required: true,
      description:
        'Above 0; at most two decimals; whole for DAYS and MONTHS; at most 240 HOURS, 365 WORKING_DAYS, 730 DAYS, 36 MONTHS.',
    }),
    unit: t.field({ type: TimeUnitEnum, required: true, description: 'Unit of `value`.' }),
    note: t.string({ description: 'The limit as the published record words it; optional.' }),
  }),
});

const FeeInput = builder.inputType('ProcedureFeeInput', {
  description: 'A fee or charge of the procedure (phí, lệ phí).',
  fields: (t) => ({
    channel: t.field({ type: ChannelEnum, description: 'Null: every channel.' }),
    name: t.string({
      required: true,
      description: 'Name of the fee as published, e.g. “Lệ phí đăng ký khai sinh”.',
    }),
    amountVnd: t.int({
      description: 'Whole đồng; null when set by the provincial People’s Council or not known.',
    }),
    note: t.string({ description: 'Conditions of the fee as published (exemptions, cases); optional.' }),
  }),
});

const StepGroupInput = builder.inputType('ProcedureStepGroupInput', {
  description: 'The steps (trình tự thực hiện) of one case of the procedure, or of every case.',
  fields: (t) => ({
    case: t.string({ description: 'The case these steps are for; null: every case.' }),
    steps: t.stringList({
      required: true,
      description: 'The steps in order, as published; blank lines are dropped.',
    }),
  }),
});

const DossierComponentInput = builder.inputType('DossierComponentInput', {
  description: 'A document of the dossier (thành phần hồ sơ) and how many of it.',
  fields: (t) => ({
    name: t.string({ required: true, description: 'The document, as published.' }),
    originals: t.int({ description: 'Number of originals required (số bản chính), 0–100.' }),
    copies: t.int({ description: 'Number of copies required (số bản sao), 0–100.' }),
    form: t.string({ description: 'The form (mẫu đơn, tờ khai) it is filled on; optional.' }),
  }),
});

const FormInput = builder.inputType('ProcedureFormInput', {
  description: 'A form or declaration to fill in (mẫu đơn, tờ khai).',
  fields: (t) => ({
    name: t.string({ required: true, description: 'Name or number of the form, e.g. “Mẫu số 01/TK”.' }),
    url: t.string({ description: 'http(s)://…' }),
  }),
});

const LegalBasisInput = builder.inputType('LegalBasisInput', {
  description: 'A legal document the procedure rests on (căn cứ pháp lý).',
  fields: (t) => ({
    number: t.string({ description: 'Number and symbol (số, ký hiệu), e.g. 60/2014/QH13; optional.' }),
    title: t.string({ required: true, description: 'Title or summary (trích yếu), e.g. “Luật Hộ tịch”.' }),
  }),
});

/**
 * The fields of a record both inputs share. In an update, a field left out stays as it is; null
 * clears it (a list: empty); a list given replaces the whole list.
 */
type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;
const recordFields = (t: InputFieldBuilder<Types, 'InputObject'>) => ({
  variantCode: t.string({ description: 'Local variant code, e.g. 1.003560.000.00.00.H56.' }),
  eligibleForFullOnline: t.boolean({
    description:
      'Whether the procedure qualifies to be offered fully online (đủ điều kiện trực tuyến toàn trình).',
  }),
  onlineLevel: t.field({ type: OnlineLevelEnum, description: 'Default INFO_ONLY.' }),
  sameDayCutoff: t.string({
    description:
      'Same-day procedures (a limit of exactly 1 WORKING_DAYS): HH:MM, 00:00–23:59 (docs/domain.md §2.3). Versioned content: a change makes a new version, applying from the effective date like a new time limit (§2.4).',
  }),
  timeLimits: t.field({ type: [TimeLimitInput], description: 'At most one per channel; replaces them all.' }),
  fees: t.field({ type: [FeeInput], description: 'Fees and charges (phí, lệ phí); replaces them all.' }),
  steps: t.field({
    type: [StepGroupInput],
    description: 'Steps (trình tự thực hiện), by case; replaces them all.',
  }),
  channelsText: t.string({
    description: 'How the procedure is carried out (cách thức thực hiện), as published.',
  }),
  dossierComponents: t.field({
    type: [DossierComponentInput],
    description: 'Documents of the dossier (thành phần, số lượng hồ sơ); replaces them all.',
  }),
  applicants: t.stringList({ description: 'Who may file (đối tượng thực hiện), one line each.' }),
  implementingText: t.string({ description: 'The implementing agency (cơ quan thực hiện), as published.' }),
  agencyCodes: t.stringList({
    description:
      'Codes of the units, valid today, that implement the procedure; replaces them (not versioned).',
  }),
  results: t.stringList({ description: 'What the applicant receives (kết quả thực hiện), one line each.' }),
  forms: t.field({
    type: [FormInput],
    description: 'Forms and declarations (mẫu đơn, tờ khai); replaces them all.',
  }),
  conditions: t.string({
    description: 'Requirements and conditions (yêu cầu, điều kiện), as published; up to 10,000 characters.',
  }),
  legalBasis: t.field({
    type: [LegalBasisInput],
    description: 'Legal basis (căn cứ pháp lý); replaces it all.',
  }),
  decisionNumber: t.string({
    description: 'Number of the publication decision (số quyết định công bố), e.g. 163/QĐ-BTP.',
  }),
  decisionDate: t.field({
    type: 'Date',
    description: 'Day the publication decision was signed (ngày ban hành).',
  }),
  effectiveFrom: t.field({
    type: 'Date',
    description:
      'In an update, a day from today on: the change applies to dossiers received from 00:00 of that day. Left out, or the stored date when it has passed: from now on. A new date before today is EFFECTIVE_DATE_PAST.',
  }),
  effectiveTo: t.field({
    type: 'Date',
    description: 'Last day the decision is in effect (ngày hết hiệu lực); not before `effectiveFrom`.',
  }),
  source: t.string({
    description: 'Where the content comes from (e.g. the national database and the decision).',
  }),
});

const CreateProcedureInput = builder.inputType('CreateProcedureInput', {
  description:
    'A new procedure of the catalogue (thủ tục hành chính) and its published content, saved as version 1 applying since always.',
  fields: (t) => ({
    code: t.string({
      required: true,
      description: 'National code, e.g. 1.001193 (one digit, a dot, six digits).',
    }),
    name: t.string({
      required: true,
      description: 'Name of the procedure (tên thủ tục); up to 2,000 characters.',
    }),
    sectorCode: t.string({
      required: true,
      description: 'Code of its sector (lĩnh vực; see `sectors`; else UNKNOWN_SECTOR).',
    }),
    levels: t.field({
      type: [ImplementingLevelEnum],
      required: true,
      description: 'Levels of government that carry it out (cấp thực hiện); at least one.',
    }),
    published: t.boolean({
      defaultValue: true,
      description: 'False: created withdrawn, to be published later with publishProcedure.',
    }),
    ...recordFields(t),
  }),
});

const UpdateProcedureInput = builder.inputType('UpdateProcedureInput', {
  description:
    'The procedure’s code and the fields to change. A change of published content makes a new version (docs/domain.md §2.4).',
  fields: (t) => ({
    code: t.string({
      required: true,
      description: 'National code of the procedure to change, e.g. "1.001193".',
    }),
    name: t.string({ description: 'New name (tên thủ tục); up to 2,000 characters; cannot be cleared.' }),
    sectorCode: t.string({ description: 'Code of the new sector (lĩnh vực); cannot be cleared.' }),
    levels: t.field({
      type: [ImplementingLevelEnum],
      description: 'New levels of government (cấp thực hiện), replacing them; at least one.',
    }),
    ...recordFields(t),
  }),
});

/** Refusals as userErrors: a path into `input`, list positions as strings; null for the input as a whole. */
const userErrorsOf = (refusals: readonly Refusal[]): UserError[] =>
  refusals.map((r) => ({
    field: r.path === null ? null : ['input', ...r.path.map(String)],
    code: r.code,
    message: r.message,
  }));

interface SavePayload {
  procedureId: number | null;
  versionId: number | null;
  changes: FieldChange[];
  userErrors: UserError[];
}

/** A payload with the procedure concerned (loaded with the client's selection) and userErrors. */
function procedurePayload<P extends { procedureId: number | null; userErrors: UserError[] }>(
  name: string,
  description: string,
  typeDescription: string,
) {
  return builder.objectRef<P>(name).implement({
    description: typeDescription,
    fields: (t) => ({
      procedure: t.prismaField({
        type: 'Procedure',
        nullable: true,
        description,
        resolve: (query, p, _args, ctx) =>
          p.procedureId === null
            ? null
            : ctx.prisma.procedure.findUnique({ ...query, where: { id: p.procedureId } }),
      }),
      userErrors: t.field({
        type: [UserErrorRef],
        description: USER_ERRORS_DESCRIPTION,
        resolve: (p) => p.userErrors,
      }),
    }),
  });
}

const CreateProcedurePayload = procedurePayload<SavePayload>(
  'CreateProcedurePayload',
  'The procedure created; null when the input was refused.',
  'Result of `createProcedure`: the procedure, or why the input was refused.',
);

const UpdateProcedurePayload = procedurePayload<SavePayload>(
  'UpdateProcedurePayload',
  'The procedure as saved; null when the input was refused.',
  'Result of `updateProcedure`: the procedure, the version added and what changed, or why the input was refused.',
);
builder.objectFields(UpdateProcedurePayload, (t) => ({
  version: t.prismaField({
    type: 'ProcedureVersion',
    nullable: true,
    description:
      'The version this save added; null when it changed no published content (only the units, or nothing) or was refused.',
    resolve: (query, p, _args, ctx) =>
      p.versionId === null
        ? null
        : ctx.prisma.procedureVersion.findUnique({ ...query, where: { id: p.versionId } }),
  }),
  changes: t.field({
    type: [ProcedureChangeRef],
    description: 'What changed, the units included; empty when nothing did.',
    resolve: (p) => p.changes,
  }),
}));

type PublicationPayload = { procedureId: number | null; userErrors: UserError[] };
const PublishProcedurePayload = procedurePayload<PublicationPayload>(
  'PublishProcedurePayload',
  'The procedure, published; null when refused.',
  'Result of `publishProcedure`: the procedure, or why it was refused.',
);
const WithdrawProcedurePayload = procedurePayload<PublicationPayload>(
  'WithdrawProcedurePayload',
  'The procedure, withdrawn; null when refused.',
  'Result of `withdrawProcedure`: the procedure, or why it was refused.',
);

const PublishProcedureInput = builder.inputType('PublishProcedureInput', {
  description: 'The withdrawn procedure to publish again.',
  fields: (t) => ({
    code: t.string({ required: true, description: 'National code of the procedure, e.g. "1.001193".' }),
  }),
});
const WithdrawProcedureInput = builder.inputType('WithdrawProcedureInput', {
  description: 'The procedure to withdraw from the catalogue, and why.',
  fields: (t) => ({
    code: t.string({ required: true, description: 'National code of the procedure, e.g. "1.001193".' }),
    reason: t.string({ description: 'Why, for the audit log (up to 1,000 characters).' }),
  }),
});

const EDITORS =
  'Allowed to a system administrator, an unrestricted admin key, or the administrator (UNIT_ADMIN or admin key) of a provincial-level agency; others get FORBIDDEN (anonymous: UNAUTHENTICATED) in userErrors, and nothing is written. Audited.';

builder.mutationFields((t) => ({
  createProcedure: t.field({
    type: CreateProcedurePayload,
    description: `Adds a procedure to the catalogue, as version 1. ${EDITORS}`,
    args: {
      input: t.arg({
        type: CreateProcedureInput,
        required: true,
        description: 'The procedure and its content.',
      }),
    },
    resolve: async (_root, { input }, ctx) => {
      const { published, ...record } = input;
      const outcome = await createProcedure(ctx.prisma, ctx.principal, record, {
        published: published ?? true,
      });
      return { ...outcome, userErrors: userErrorsOf(outcome.refusals) };
    },
  }),
  updateProcedure: t.field({
    type: UpdateProcedurePayload,
    description: `Changes a procedure. A change of published content adds a version that applies to dossiers received from \`effectiveFrom\` (00:00, today or later), or from now when no new effective date is given; a save that changes nothing writes nothing (docs/domain.md §2.4). ${EDITORS}`,
    args: {
      input: t.arg({
        type: UpdateProcedureInput,
        required: true,
        description:
          'The code and the fields to change: a field left out stays, null clears it, a list replaces the whole list.',
      }),
    },
    resolve: async (_root, { input }, ctx) => {
      const outcome = await updateProcedure(ctx.prisma, ctx.principal, input);
      return { ...outcome, userErrors: userErrorsOf(outcome.refusals) };
    },
  }),
  publishProcedure: t.field({
    type: PublishProcedurePayload,
    description: `Publishes a procedure in the catalogue again (NOTHING_TO_CHANGE when it is). ${EDITORS}`,
    args: {
      input: t.arg({ type: PublishProcedureInput, required: true, description: 'The procedure to publish.' }),
    },
    resolve: async (_root, { input }, ctx) => {
      const outcome = await setProcedurePublished(ctx.prisma, ctx.principal, {
        code: input.code,
        published: true,
      });
      return { procedureId: outcome.procedureId, userErrors: userErrorsOf(outcome.refusals) };
    },
  }),
  withdrawProcedure: t.field({
    type: WithdrawProcedurePayload,
    description: `Withdraws a procedure from the catalogue: it leaves \`procedures\` and stays readable by its code, with its versions, for history (NOTHING_TO_CHANGE when already withdrawn). ${EDITORS}`,
    args: {
      input: t.arg({
        type: WithdrawProcedureInput,
        required: true,
        description: 'The procedure to withdraw.',
      }),
    },
    resolve: async (_root, { input }, ctx) => {
      const outcome = await setProcedurePublished(ctx.prisma, ctx.principal, {
        code: input.code,
        published: false,
        reason: input.reason,
      });
      return { procedureId: outcome.procedureId, userErrors: userErrorsOf(outcome.refusals) };
    },
  }),
}));
