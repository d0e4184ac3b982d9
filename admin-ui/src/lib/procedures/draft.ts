// The procedure form as text: what the edit and create forms show and send back. A draft is built
// from the API's record (to edit) or from the submitted form (after an error, values kept), and
// turned into the mutation's input. Every control's name is its field key ("fees.2.amountVnd"), so
// the API's userErrors paths find their control. Pure: draft.test.ts.
import type { FieldErrors } from '../form-errors';
import {
  CHANNELS,
  type ChannelValue,
  IMPLEMENTING_LEVEL_LABELS,
  ONLINE_LEVEL_LABELS,
  TIME_UNIT_LABELS,
} from '../labels';

export interface LimitRow {
  value: string;
  unit: string;
  note: string;
}
export interface FeeRow {
  channel: string;
  name: string;
  amountVnd: string;
  note: string;
}
export interface StepRow {
  case: string;
  /** One step per line. */
  steps: string;
}
export interface ComponentRow {
  name: string;
  originals: string;
  copies: string;
  form: string;
}
export interface FormRow {
  name: string;
  url: string;
}
export interface LegalRow {
  number: string;
  title: string;
}

/** The repeating groups of the form: rows added and removed by the official. */
export interface DraftRows {
  fees: FeeRow[];
  steps: StepRow[];
  dossierComponents: ComponentRow[];
  forms: FormRow[];
  legalBasis: LegalRow[];
}
export type RowGroup = keyof DraftRows;
export const ROW_GROUPS: readonly RowGroup[] = ['fees', 'steps', 'dossierComponents', 'forms', 'legalBasis'];

export interface ProcedureDraft extends DraftRows {
  code: string;
  variantCode: string;
  name: string;
  sectorCode: string;
  levels: string[];
  onlineLevel: string;
  eligibleForFullOnline: boolean;
  sameDayCutoff: string;
  /** One row per channel (at most one limit per channel); an empty value: no limit for it. */
  timeLimits: Record<ChannelValue, LimitRow>;
  channelsText: string;
  /** One per line. */
  applicants: string;
  implementingText: string;
  /** Agency codes, separated by spaces, commas or lines. */
  agencyCodes: string;
  /** One per line. */
  results: string;
  conditions: string;
  decisionNumber: string;
  decisionDate: string;
  effectiveFrom: string;
  effectiveTo: string;
  source: string;
}

const BLANK_ROWS: { [G in RowGroup]: () => DraftRows[G][number] } = {
  fees: () => ({ channel: '', name: '', amountVnd: '', note: '' }),
  steps: () => ({ case: '', steps: '' }),
  dossierComponents: () => ({ name: '', originals: '', copies: '', form: '' }),
  forms: () => ({ name: '', url: '' }),
  legalBasis: () => ({ number: '', title: '' }),
};

export const blankRow = <G extends RowGroup>(group: G): DraftRows[G][number] => BLANK_ROWS[group]();

const isBlank = (row: object) => Object.values(row).every((value) => String(value).trim() === '');

/** The form shows at least one blank row in each group, so a row can be added without JavaScript. */
export function withBlankRows(draft: ProcedureDraft): ProcedureDraft {
  const next = { ...draft };
  for (const group of ROW_GROUPS) {
    const rows = draft[group] as object[];
    const last = rows[rows.length - 1];
    if (last === undefined || !isBlank(last)) {
      (next[group] as object[]) = [...rows, blankRow(group)];
    }
  }
  return next;
}

export function addRow(draft: ProcedureDraft, group: RowGroup): ProcedureDraft {
  return { ...draft, [group]: [...(draft[group] as object[]), blankRow(group)] };
}

export function removeRow(draft: ProcedureDraft, group: RowGroup, index: number): ProcedureDraft {
  return { ...draft, [group]: (draft[group] as object[]).filter((_, i) => i !== index) };
}

const blankLimits = (): Record<ChannelValue, LimitRow> =>
  Object.fromEntries(CHANNELS.map((c) => [c, { value: '', unit: 'WORKING_DAYS', note: '' }])) as Record<
    ChannelValue,
    LimitRow
  >;

export function emptyDraft(): ProcedureDraft {
  return withBlankRows({
    code: '',
    variantCode: '',
    name: '',
    sectorCode: '',
    levels: [],
    onlineLevel: 'INFO_ONLY',
    eligibleForFullOnline: false,
    sameDayCutoff: '',
    timeLimits: blankLimits(),
    fees: [],
    steps: [],
    dossierComponents: [],
    forms: [],
    legalBasis: [],
    channelsText: '',
    applicants: '',
    implementingText: '',
    agencyCodes: '',
    results: '',
    conditions: '',
    decisionNumber: '',
    decisionDate: '',
    effectiveFrom: '',
    effectiveTo: '',
    source: '',
  });
}

// ─── The record as the API gives it → draft ─────────────────────────────────────────────────────

/** The mutation input's shape: what createProcedure takes and updateProcedure takes in part. */
export interface RecordInput {
  code: string;
  variantCode: string | null;
  name: string;
  sectorCode: string;
  levels: string[];
  onlineLevel: string;
  eligibleForFullOnline: boolean;
  sameDayCutoff: string | null;
  timeLimits: { channel: string; value: number; unit: string; note: string | null }[];
  fees: { channel: string | null; name: string; amountVnd: number | null; note: string | null }[];
  steps: { case: string | null; steps: string[] }[];
  channelsText: string | null;
  dossierComponents: { name: string; originals: number | null; copies: number | null; form: string | null }[];
  applicants: string[];
  implementingText: string | null;
  agencyCodes: string[];
  results: string[];
  forms: { name: string; url: string | null }[];
  conditions: string | null;
  legalBasis: { number: string | null; title: string }[];
  decisionNumber: string | null;
  decisionDate: string | null;
  effectiveFrom: string | null;
  effectiveTo: string | null;
  source: string | null;
}

const text = (value: string | number | null | undefined) => (value == null ? '' : String(value));
/** A number as typed in Vietnamese ("0,5") and as the API sends it (0.5). */
const numberText = (value: number | null | undefined) =>
  value == null ? '' : String(value).replace('.', ',');

export function draftFromRecord(record: RecordInput): ProcedureDraft {
  const limits = blankLimits();
  for (const limit of record.timeLimits) {
    if (Object.hasOwn(limits, limit.channel)) {
      limits[limit.channel as ChannelValue] = {
        value: numberText(limit.value),
        unit: limit.unit,
        note: text(limit.note),
      };
    }
  }
  return withBlankRows({
    code: record.code,
    variantCode: text(record.variantCode),
    name: record.name,
    sectorCode: record.sectorCode,
    levels: [...record.levels],
    onlineLevel: record.onlineLevel,
    eligibleForFullOnline: record.eligibleForFullOnline,
    sameDayCutoff: text(record.sameDayCutoff),
    timeLimits: limits,
    fees: record.fees.map((fee) => ({
      channel: text(fee.channel),
      name: fee.name,
      amountVnd: text(fee.amountVnd),
      note: text(fee.note),
    })),
    steps: record.steps.map((group) => ({ case: text(group.case), steps: group.steps.join('\n') })),
    dossierComponents: record.dossierComponents.map((c) => ({
      name: c.name,
      originals: text(c.originals),
      copies: text(c.copies),
      form: text(c.form),
    })),
    forms: record.forms.map((form) => ({ name: form.name, url: text(form.url) })),
    legalBasis: record.legalBasis.map((item) => ({ number: text(item.number), title: item.title })),
    channelsText: text(record.channelsText),
    applicants: record.applicants.join('\n'),
    implementingText: text(record.implementingText),
    agencyCodes: record.agencyCodes.join(', '),
    results: record.results.join('\n'),
    conditions: text(record.conditions),
    decisionNumber: text(record.decisionNumber),
    decisionDate: text(record.decisionDate),
    effectiveFrom: text(record.effectiveFrom),
    effectiveTo: text(record.effectiveTo),
    source: text(record.source),
  });
}

// ─── The submitted form → draft ─────────────────────────────────────────────────────────────────

/** Bounds what a forged form can make the server build. */
const MAX_ROWS = 200;

type FormLike = Pick<FormData, 'get' | 'getAll' | 'keys'>;

/** Rows of a group from the controls "group.<i>.<field>", in index order. */
function rowsFrom<G extends RowGroup>(form: FormLike, group: G): DraftRows[G] {
  const indexes = new Set<number>();
  const pattern = new RegExp(`^${group}\\.(\\d{1,3})\\.`);
  for (const key of form.keys()) {
    const index = pattern.exec(key)?.[1];
    if (index !== undefined && Number(index) < MAX_ROWS) indexes.add(Number(index));
  }
  const template = blankRow(group) as unknown as Record<string, string>;
  return [...indexes]
    .sort((a, b) => a - b)
    .map((i) =>
      Object.fromEntries(Object.keys(template).map((field) => [field, str(form, `${group}.${i}.${field}`)])),
    ) as unknown as DraftRows[G];
}

function str(form: FormLike, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}

export function draftFromForm(form: FormLike): ProcedureDraft {
  const limits = blankLimits();
  for (const channel of CHANNELS) {
    limits[channel] = {
      value: str(form, `timeLimits.${channel}.value`).trim(),
      unit: str(form, `timeLimits.${channel}.unit`) || 'WORKING_DAYS',
      note: str(form, `timeLimits.${channel}.note`),
    };
  }
  return {
    code: str(form, 'code').trim(),
    variantCode: str(form, 'variantCode').trim(),
    name: str(form, 'name'),
    sectorCode: str(form, 'sectorCode').trim(),
    levels: form.getAll('levels').filter((v): v is string => typeof v === 'string'),
    onlineLevel: str(form, 'onlineLevel') || 'INFO_ONLY',
    eligibleForFullOnline: form.get('eligibleForFullOnline') !== null,
    sameDayCutoff: str(form, 'sameDayCutoff').trim(),
    timeLimits: limits,
    fees: rowsFrom(form, 'fees'),
    steps: rowsFrom(form, 'steps'),
    dossierComponents: rowsFrom(form, 'dossierComponents'),
    forms: rowsFrom(form, 'forms'),
    legalBasis: rowsFrom(form, 'legalBasis'),
    channelsText: str(form, 'channelsText'),
    applicants: str(form, 'applicants'),
    implementingText: str(form, 'implementingText'),
    agencyCodes: str(form, 'agencyCodes'),
    results: str(form, 'results'),
    conditions: str(form, 'conditions'),
    decisionNumber: str(form, 'decisionNumber').trim(),
    decisionDate: str(form, 'decisionDate').trim(),
    effectiveFrom: str(form, 'effectiveFrom').trim(),
    effectiveTo: str(form, 'effectiveTo').trim(),
    source: str(form, 'source').trim(),
  };
}

// ─── Draft → mutation input ─────────────────────────────────────────────────────────────────────

/**
 * Where each item of an input list came from in the form: input "fees" item 0 may be form row 2
 * when rows 0 and 1 were left blank; "timeLimits" item 1 is the row of a channel.
 */
export type RowMaps = Record<string, string[]>;

export interface ParsedDraft {
  input: RecordInput;
  /** What the form itself can tell is wrong (a number that is not one); the API checks the rest. */
  errors: FieldErrors;
  rows: RowMaps;
}

const orNull = (value: string) => (value.trim() === '' ? null : value.trim());
const lines = (value: string) =>
  value
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');

/** "0,5" or "0.5" or "1.234,5"? A time limit or an amount: digits with one decimal comma or dot. */
function parseNumber(raw: string): number | null {
  const value = raw.trim().replace(/\s/g, '');
  if (!/^\d+([.,]\d+)?$/.test(value)) return null;
  return Number(value.replace(',', '.'));
}

/** Whole đồng, written with or without thousands dots: "50000", "50.000", "1.200.000". */
function parseAmount(raw: string): number | null {
  const value = raw.trim().replace(/\s/g, '');
  if (/^\d{1,3}(\.\d{3})+$/.test(value)) return Number(value.replaceAll('.', ''));
  return /^\d+$/.test(value) ? Number(value) : null;
}

export function parseDraft(draft: ProcedureDraft): ParsedDraft {
  const errors: FieldErrors = {};
  const rows: RowMaps = {};
  // A forged form could send any text where a list offers values: the API would refuse the whole
  // request as invalid GraphQL variables, so such a value is an error of its field here.
  const oneOf = (key: string, value: string, allowed: readonly string[], message: string): string => {
    if (!allowed.includes(value)) errors[key] = message;
    return value;
  };
  const numberAt = (key: string, raw: string, message: string, parse = parseNumber): number | null => {
    if (raw.trim() === '') return null;
    const value = parse(raw);
    if (value === null) errors[key] = message;
    return value;
  };

  const timeLimits: RecordInput['timeLimits'] = [];
  rows.timeLimits = [];
  for (const channel of CHANNELS) {
    const row = draft.timeLimits[channel];
    if (row.value.trim() === '' && row.note.trim() === '') continue;
    const key = `timeLimits.${channel}.value`;
    if (!Object.hasOwn(TIME_UNIT_LABELS, row.unit))
      errors[`timeLimits.${channel}.unit`] = 'Chọn đơn vị tính trong danh sách.';
    if (row.value.trim() === '') {
      errors[key] = 'Nhập thời hạn, hoặc xóa ghi chú nếu cách thức này không có thời hạn.';
    }
    const value = numberAt(key, row.value, 'Thời hạn phải là một số, ví dụ 15 hoặc 0,5.') ?? 0;
    timeLimits.push({ channel, value, unit: row.unit, note: orNull(row.note) });
    rows.timeLimits.push(`timeLimits.${channel}`);
  }

  /** The non-blank rows of a group, each with its form key. */
  const kept = <R extends object>(group: RowGroup, list: R[]): [R, string][] => {
    const pairs = list
      .map((row, i) => [row, `${group}.${i}`] as [R, string])
      .filter(([row]) => !isBlank(row));
    rows[group] = pairs.map(([, key]) => key);
    return pairs;
  };

  const fees = kept('fees', draft.fees).map(([fee, key]) => ({
    channel:
      fee.channel === ''
        ? null
        : oneOf(`${key}.channel`, fee.channel, CHANNELS, 'Chọn cách thức trong danh sách.'),
    name: fee.name.trim(),
    amountVnd: numberAt(
      `${key}.amountVnd`,
      fee.amountVnd,
      'Mức phí phải là số đồng, ví dụ 50000 hoặc 50.000; để trống nếu theo quy định của HĐND tỉnh.',
      parseAmount,
    ),
    note: orNull(fee.note),
  }));

  const steps = kept('steps', draft.steps).map(([group]) => ({
    case: orNull(group.case),
    steps: lines(group.steps),
  }));

  const count = (key: string, raw: string) =>
    numberAt(key, raw, 'Số lượng phải là số nguyên, ví dụ 1.', (v) =>
      /^\d+$/.test(v.trim()) ? Number(v) : null,
    );
  const dossierComponents = kept('dossierComponents', draft.dossierComponents).map(([c, key]) => ({
    name: c.name.trim(),
    originals: count(`${key}.originals`, c.originals),
    copies: count(`${key}.copies`, c.copies),
    form: orNull(c.form),
  }));

  const forms = kept('forms', draft.forms).map(([form]) => ({
    name: form.name.trim(),
    url: orNull(form.url),
  }));
  const legalBasis = kept('legalBasis', draft.legalBasis).map(([item]) => ({
    number: orNull(item.number),
    title: item.title.trim(),
  }));

  if (!Object.hasOwn(ONLINE_LEVEL_LABELS, draft.onlineLevel))
    errors.onlineLevel = 'Chọn mức độ trong danh sách.';

  const input: RecordInput = {
    code: draft.code.trim(),
    variantCode: orNull(draft.variantCode),
    name: draft.name.trim(),
    sectorCode: draft.sectorCode.trim(),
    levels: draft.levels.filter((level) => Object.hasOwn(IMPLEMENTING_LEVEL_LABELS, level)),
    onlineLevel: draft.onlineLevel,
    eligibleForFullOnline: draft.eligibleForFullOnline,
    sameDayCutoff: orNull(draft.sameDayCutoff),
    timeLimits,
    fees,
    steps,
    channelsText: orNull(draft.channelsText),
    dossierComponents,
    applicants: lines(draft.applicants),
    implementingText: orNull(draft.implementingText),
    agencyCodes: draft.agencyCodes.split(/[\s,;]+/).filter((code) => code !== ''),
    results: lines(draft.results),
    forms,
    conditions: orNull(draft.conditions),
    legalBasis,
    decisionNumber: orNull(draft.decisionNumber),
    decisionDate: orNull(draft.decisionDate),
    effectiveFrom: orNull(draft.effectiveFrom),
    effectiveTo: orNull(draft.effectiveTo),
    source: orNull(draft.source),
  };
  return { input, errors, rows };
}

/**
 * The API's error keys ("fees.0.amountVnd", "timeLimits.1.value") → the form's ("fees.2.amountVnd",
 * "timeLimits.ONLINE.value"), through the row maps of parseDraft.
 */
export function formKeys(errors: FieldErrors, rows: RowMaps): FieldErrors {
  const mapped: FieldErrors = {};
  for (const [key, message] of Object.entries(errors)) {
    const [group, index, ...rest] = key.split('.');
    const row = group !== undefined && index !== undefined ? rows[group]?.[Number(index)] : undefined;
    const formKey = row !== undefined && /^\d+$/.test(index ?? '') ? [row, ...rest].join('.') : key;
    mapped[formKey] = mapped[formKey] === undefined ? message : `${mapped[formKey]}\n${message}`;
  }
  return mapped;
}

/**
 * Whether the form shows a control for an error key (form keys, after formKeys): the others are
 * moved to the nearest shown parent by toFieldErrors.
 */
export function isFormKey(key: string): boolean {
  const [group, second, field, ...rest] = key.split('.');
  if (group === undefined || rest.length > 0) return false;
  if (second === undefined)
    return group === 'timeLimits' || isRowGroup(group) || Object.hasOwn(SCALAR_FIELDS, group);
  if (field === undefined) return false;
  if (group === 'timeLimits')
    return (CHANNELS as readonly string[]).includes(second) && ['value', 'unit', 'note'].includes(field);
  return isRowGroup(group) && /^\d+$/.test(second) && Object.hasOwn(blankRow(group), field);
}

const isRowGroup = (name: string): name is RowGroup => (ROW_GROUPS as readonly string[]).includes(name);

const SCALAR_FIELDS: Record<string, true> = Object.fromEntries(
  Object.keys(emptyDraft())
    .filter((key) => key !== 'timeLimits' && !(ROW_GROUPS as readonly string[]).includes(key))
    .map((key) => [key, true]),
);

/** Sets, not sequences: their order in the form means nothing. */
const UNORDERED: ReadonlySet<keyof RecordInput> = new Set(['levels', 'agencyCodes']);

/**
 * The fields of an update: only those that differ from the record as loaded, so that a save changes
 * what the official changed and nothing else (and makes no version when nothing changed). Pass the
 * record through the form first (`parseDraft(draftFromRecord(record)).input`) so that both sides
 * are written alike.
 */
export function changedFields(before: RecordInput, after: RecordInput): Partial<RecordInput> {
  const changes: Partial<RecordInput> = {};
  const canonical = (key: keyof RecordInput, value: unknown) =>
    JSON.stringify(UNORDERED.has(key) && Array.isArray(value) ? [...value].sort() : value);
  for (const key of Object.keys(after) as (keyof RecordInput)[]) {
    if (key === 'code') continue;
    if (canonical(key, before[key]) !== canonical(key, after[key])) {
      (changes as Record<string, unknown>)[key] = after[key];
    }
  }
  return changes;
}
