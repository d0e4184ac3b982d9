// Between the API's types and the form's record: the procedure as the edit form starts from it, and
// the inputs of createProcedure and updateProcedure. Pure: record.test.ts.
import type {
  AdminProcedureQuery,
  CreateProcedureInput,
  UpdateProcedureInput,
} from '../graphql/generated/graphql';
import { changedFields, type RecordInput } from './draft';

export type ProcedureData = NonNullable<AdminProcedureQuery['procedure']>;

/**
 * The record an edit starts from: the procedure's own fields and its latest version (the one a save
 * copies, which may still wait for its effective date), the units that implement it today.
 */
export function recordOf(procedure: ProcedureData): RecordInput {
  const v = procedure.latestVersion;
  return {
    code: procedure.code,
    variantCode: procedure.variantCode,
    name: procedure.name,
    sectorCode: procedure.sector.code,
    levels: [...procedure.levels],
    onlineLevel: procedure.onlineLevel,
    eligibleForFullOnline: procedure.eligibleForFullOnline,
    // Versioned with the time limits (docs/domain.md §2.3–§2.4): the latest version's, as they are.
    sameDayCutoff: v?.sameDayCutoff ?? null,
    timeLimits: (v?.timeLimits ?? []).map(({ channel, value, unit, note }) => ({
      channel,
      value,
      unit,
      note,
    })),
    fees: (v?.fees ?? []).map(({ channel, name, amountVnd, note }) => ({ channel, name, amountVnd, note })),
    steps: (v?.steps ?? []).map((group) => ({ case: group.case, steps: [...group.steps] })),
    channelsText: v?.channelsText ?? null,
    dossierComponents: (v?.dossierComponents ?? []).map(({ name, originals, copies, form }) => ({
      name,
      originals,
      copies,
      form,
    })),
    applicants: [...(v?.applicants ?? [])],
    implementingText: v?.implementingText ?? null,
    agencyCodes: procedure.currentAgencies.map((agency) => agency.code),
    results: [...(v?.results ?? [])],
    forms: (v?.forms ?? []).map(({ name, url }) => ({ name, url })),
    conditions: v?.conditions ?? null,
    legalBasis: (v?.legalBasis ?? []).map(({ number, title }) => ({ number, title })),
    decisionNumber: v?.decisionNumber ?? null,
    decisionDate: v?.decisionDate ?? null,
    effectiveFrom: v?.effectiveFrom ?? null,
    effectiveTo: v?.effectiveTo ?? null,
    source: v?.source ?? null,
  };
}

/**
 * createProcedure's input. The enum-valued fields were checked against their lists by parseDraft
 * (an error there stops the save), hence the casts.
 */
export function createInput(record: RecordInput): CreateProcedureInput {
  return { ...record } as CreateProcedureInput;
}

/** updateProcedure's input: the code and what changed against the record the edit started from. */
export function updateInput(before: RecordInput, after: RecordInput): UpdateProcedureInput {
  return { code: before.code, ...changedFields(before, after) } as UpdateProcedureInput;
}
