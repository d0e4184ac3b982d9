// Editing the tree of units (services/agency-admin.ts, agency-merge.ts) and the procedures a unit
// implements (services/agency-procedures.ts): scope admin, within the caller's subtree.
import type { Agency } from '@tthc/db';
import { createAgency, moveAgency, updateAgency } from '../services/agency-admin.ts';
import { mergeAgency } from '../services/agency-merge.ts';
import { MAX_PROCEDURE_CHANGES, setAgencyProcedures } from '../services/agency-procedures.ts';
import { adminOf, userErrorsField, withUserErrors } from './admin-payload.ts';
import { AgencyRef } from './agency.ts';
import { builder } from './builder.ts';
import { AgencyLevelEnum } from './enums.ts';
import type { UserError } from './user-errors.ts';

function agencyPayload(name: string, description: string) {
  return builder.objectRef<{ agency: Agency | null; userErrors: UserError[] }>(name).implement({
    description,
    fields: (t) => ({
      agency: t.field({
        type: AgencyRef,
        nullable: true,
        description: 'The unit after the change; null when nothing was done.',
        resolve: (p) => p.agency,
      }),
      userErrors: userErrorsField(t),
    }),
  });
}

const CreateAgencyInput = builder.inputType('CreateAgencyInput', {
  description:
    'A new unit (đơn vị) under an existing one: a commune under a province, or an agency under any unit.',
  fields: (t) => ({
    parentCode: t.string({
      required: true,
      description: 'The parent unit (its code today), within the caller’s subtree.',
    }),
    code: t.string({
      required: true,
      description: 'Its code: 1–40 letters, digits, dots, hyphens; held by no other unit from validFrom on.',
    }),
    name: t.string({
      required: true,
      description: 'Full official name, e.g. “Ủy ban nhân dân xã Ninh Phước”.',
    }),
    shortName: t.string({ description: 'Short name for lists and charts, e.g. “Xã Ninh Phước”; optional.' }),
    level: t.field({
      type: AgencyLevelEnum,
      required: true,
      description: 'COMMUNE (under a province) or DEPARTMENT (under any unit).',
    }),
    validFrom: t.field({ type: 'Date', description: 'Its first day; default today.' }),
    dossierPrefix: t.string({ description: 'The one-stop desk’s prefix in dossier codes, e.g. H56.14.' }),
    note: t.string({ description: 'Free note, e.g. the decision that created the unit; optional.' }),
  }),
});

const UpdateAgencyInput = builder.inputType('UpdateAgencyInput', {
  description: 'An omitted field stays as it is; null clears it (not the name).',
  fields: (t) => ({
    code: t.string({
      required: true,
      description: 'The unit’s code today (a code no longer used: its last holder).',
    }),
    name: t.string({ description: 'New full official name; cannot be cleared.' }),
    shortName: t.string({ description: 'New short name; null clears it.' }),
    dossierPrefix: t.string({
      description: 'New prefix of the one-stop desk in dossier codes; null clears it.',
    }),
    note: t.string({ description: 'New free note; null clears it.' }),
  }),
});

const MoveAgencyInput = builder.inputType('MoveAgencyInput', {
  description: 'A unit and its new parent; not under itself or one of its subunits (AGENCY_CYCLE).',
  fields: (t) => ({
    code: t.string({ required: true, description: 'The unit to move (its code today).' }),
    parentCode: t.string({ required: true, description: 'The new parent, within the caller’s subtree.' }),
  }),
});

const MergeAgencyInput = builder.inputType('MergeAgencyInput', {
  description: 'A unit that ends by merging into a successor (sáp nhập), as the 1/7/2025 mergers did.',
  fields: (t) => ({
    code: t.string({ required: true, description: 'The unit that ends.' }),
    successorCode: t.string({
      required: true,
      description:
        'The unit it is merged into (its code on the effective date), within the caller’s subtree.',
    }),
    effectiveDate: t.field({
      type: 'Date',
      required: true,
      description:
        'The successor’s first day for the unit’s affairs; the unit’s last day (validTo) is the day before.',
    }),
  }),
});

const MergeAgencyPayload = builder
  .objectRef<{ agency: Agency | null; successor: Agency | null; userErrors: UserError[] }>(
    'MergeAgencyPayload',
  )
  .implement({
    description: 'Result of `mergeAgency`: the merged unit and its successor, or why not.',
    fields: (t) => ({
      agency: t.field({
        type: AgencyRef,
        nullable: true,
        description: 'The merged unit; null when refused.',
        resolve: (p) => p.agency,
      }),
      successor: t.field({
        type: AgencyRef,
        nullable: true,
        description: 'The unit it was merged into; null when refused.',
        resolve: (p) => p.successor,
      }),
      userErrors: userErrorsField(t),
    }),
  });

const SetAgencyProceduresInput = builder.inputType('SetAgencyProceduresInput', {
  description: 'A unit and the catalogue procedures to add to or remove from those it implements.',
  fields: (t) => ({
    agencyCode: t.string({ required: true, description: 'The unit (its code today).' }),
    add: t.stringList({ description: 'Catalogue codes the unit now implements.' }),
    remove: t.stringList({ description: 'Catalogue codes the unit no longer implements.' }),
  }),
});

const SetAgencyProceduresPayload = builder
  .objectRef<{ agency: Agency | null; added: string[]; removed: string[]; userErrors: UserError[] }>(
    'SetAgencyProceduresPayload',
  )
  .implement({
    description: 'Result of `setAgencyProcedures`: what was added and removed, or why not.',
    fields: (t) => ({
      agency: t.field({
        type: AgencyRef,
        nullable: true,
        description: 'The unit after the change; null when refused.',
        resolve: (p) => p.agency,
      }),
      added: t.exposeStringList('added', { description: 'Codes added (those already implemented are not).' }),
      removed: t.exposeStringList('removed', {
        description: 'Codes removed (those not implemented are not).',
      }),
      userErrors: userErrorsField(t),
    }),
  });

const RULE = 'Scope: admin, within the caller’s subtree (docs/api.md "Roles"). Audited.';

builder.mutationFields((t) => ({
  createAgency: t.field({
    type: agencyPayload('CreateAgencyPayload', 'Result of `createAgency`: the unit created, or why not.'),
    description: `Creates a unit under a parent in the caller’s subtree. ${RULE}`,
    authScopes: { admin: true },
    args: { input: t.arg({ type: CreateAgencyInput, required: true, description: 'The unit.' }) },
    resolve: async (_root, { input }, ctx) => {
      const by = await adminOf(ctx);
      const { result, userErrors } = await withUserErrors(() => createAgency(ctx.prisma, input, by));
      return { agency: result, userErrors };
    },
  }),
  updateAgency: t.field({
    type: agencyPayload('UpdateAgencyPayload', 'Result of `updateAgency`: the unit as changed, or why not.'),
    description: `Edits a unit’s name, short name, dossier prefix or note (a commune’s admin, its own commune). ${RULE}`,
    authScopes: { admin: true },
    args: {
      input: t.arg({
        type: UpdateAgencyInput,
        required: true,
        description: 'The unit and the details to change.',
      }),
    },
    resolve: async (_root, { input }, ctx) => {
      const by = await adminOf(ctx);
      const { result, userErrors } = await withUserErrors(() => updateAgency(ctx.prisma, input, by));
      return { agency: result, userErrors };
    },
  }),
  moveAgency: t.field({
    type: agencyPayload(
      'MoveAgencyPayload',
      'Result of `moveAgency`: the unit under its new parent, or why not.',
    ),
    description: `Moves a unit under another parent; both in the caller’s subtree. Parents have no history: the old parent’s figures no longer include the unit, past periods included. ${RULE}`,
    authScopes: { admin: true },
    args: {
      input: t.arg({ type: MoveAgencyInput, required: true, description: 'The unit and its new parent.' }),
    },
    resolve: async (_root, { input }, ctx) => {
      const by = await adminOf(ctx);
      const { result, userErrors } = await withUserErrors(() => moveAgency(ctx.prisma, input, by));
      return { agency: result, userErrors };
    },
  }),
  mergeAgency: t.field({
    type: MergeAgencyPayload,
    description: `Merges a unit into a successor from an effective date (docs/domain.md §0): its validTo becomes the day before; the successor’s statistics then include its dossiers. Both in the caller’s subtree. ${RULE}`,
    authScopes: { admin: true },
    args: {
      input: t.arg({
        type: MergeAgencyInput,
        required: true,
        description: 'The unit, its successor and the date.',
      }),
    },
    resolve: async (_root, { input }, ctx) => {
      const by = await adminOf(ctx);
      const { result, userErrors } = await withUserErrors(() => mergeAgency(ctx.prisma, input, by));
      return { agency: result?.agency ?? null, successor: result?.successor ?? null, userErrors };
    },
  }),
  setAgencyProcedures: t.field({
    type: SetAgencyProceduresPayload,
    description: `Sets which catalogue procedures a unit implements: adds and removes codes (at most ${MAX_PROCEDURE_CHANGES} per call). ${RULE}`,
    authScopes: { admin: true },
    args: {
      input: t.arg({
        type: SetAgencyProceduresInput,
        required: true,
        description: 'The unit and the codes.',
      }),
    },
    resolve: async (_root, { input }, ctx) => {
      const by = await adminOf(ctx);
      const { result, userErrors } = await withUserErrors(() => setAgencyProcedures(ctx.prisma, input, by));
      return {
        agency: result?.agency ?? null,
        added: result?.added ?? [],
        removed: result?.removed ?? [],
        userErrors,
      };
    },
  }),
}));
