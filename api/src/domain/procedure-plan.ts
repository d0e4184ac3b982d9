// What saving a procedure record does (docs/domain.md §2.4): create it, change it — with a new
// version when published content changes, applying from an effective date or from now — or nothing.
// The same plan serves createProcedure, updateProcedure and every row of an import, so the three
// cannot disagree on what counts as a change.
import {
  type CheckedInput,
  checkRecordConsistency,
  FIELD_LABELS,
  formatDayVi,
  type ProcedureRecord,
  RECORD_FIELDS,
  type RecordField,
  type RecordProblem,
} from './procedure-record.ts';
import { dayOf, formatLocalIso, startOfDay } from './time.ts';

/** The stored procedure a save starts from: its record and its latest version. */
export interface StoredProcedure {
  record: ProcedureRecord;
  latest: { version: number; appliesFrom: Date | null };
}

export interface FieldChange {
  field: RecordField;
  before: unknown;
  after: unknown;
}

export type ProcedurePlan =
  | { action: 'REJECTED'; problems: RecordProblem[] }
  | { action: 'CREATE'; record: ProcedureRecord }
  | {
      action: 'UPDATE';
      before: ProcedureRecord;
      record: ProcedureRecord;
      /** Every field that changed, the implementing units included. */
      changes: FieldChange[];
      /** The version the save adds, or null when only the units changed (they are not versioned). */
      version: { number: number; appliesFrom: Date; changes: FieldChange[] } | null;
    }
  | { action: 'UNCHANGED'; record: ProcedureRecord };

/**
 * Not versioned: which units implement a procedure changes nothing of what it is. Every other field
 * is, the same-day cut-off included (§2.3): it decides due dates like the time limits do.
 */
const UNVERSIONED: ReadonlySet<RecordField> = new Set(['agencyCodes']);

/** Fields a new procedure must have. */
const REQUIRED_ON_CREATE: readonly RecordField[] = ['code', 'name', 'sectorCode', 'levels'];

export const EMPTY_RECORD: Omit<ProcedureRecord, 'code' | 'name' | 'sectorCode' | 'levels'> = {
  variantCode: null,
  onlineLevel: 'INFO_ONLY',
  eligibleForFullOnline: false,
  sameDayCutoff: null,
  timeLimits: [],
  fees: [],
  steps: [],
  channelsText: null,
  dossierComponents: [],
  applicants: [],
  implementingText: null,
  agencyCodes: [],
  results: [],
  forms: [],
  conditions: null,
  legalBasis: [],
  decisionNumber: null,
  decisionDate: null,
  effectiveFrom: null,
  effectiveTo: null,
  source: null,
};

/** JSON with sorted keys: two values are the same when this is. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

export const sameValue = (a: unknown, b: unknown): boolean => canonical(a) === canonical(b);

export function recordChanges(before: ProcedureRecord, after: ProcedureRecord): FieldChange[] {
  return RECORD_FIELDS.filter((f) => !sameValue(before[f], after[f])).map((field) => ({
    field,
    before: before[field],
    after: after[field],
  }));
}

export type SaveMode = 'create' | 'update' | 'upsert';

/**
 * The plan of saving `checked` (an input read by checkRecordInput) over `stored` (null: no procedure
 * has the code). `create` refuses an existing code, `update` an unknown one; an import row upserts.
 *
 * When the published content changes, the save adds version n+1 (a copy of version n with the
 * changes). It applies from local midnight of the effective date the input gives, if that date is
 * today or later; a new effective date before today is refused, because the due dates of dossiers
 * already received are fixed. Without one, it applies from `now`: to dossiers received from now on.
 * Versions apply in the order they were saved: while a version waits for its date, a later save must
 * apply from that date or after, else it would take effect before, then be overtaken by, the version
 * it was copied from.
 */
export function planProcedureSave(
  stored: StoredProcedure | null,
  checked: CheckedInput,
  options: { mode: SaveMode; now: Date },
): ProcedurePlan {
  const problems = [...checked.problems];
  const given = checked.values;
  const code = given.code;
  if (stored && options.mode === 'create') {
    problems.push({
      path: ['code'],
      code: 'PROCEDURE_EXISTS',
      message: `Mã thủ tục ${code} đã có trong danh mục; hãy sửa thủ tục đó thay vì tạo mới.`,
    });
  }
  if (!stored && options.mode === 'update' && code !== undefined) {
    problems.push({
      path: ['code'],
      code: 'NOT_FOUND',
      message: `Không có thủ tục mã ${code} trong danh mục.`,
    });
  }
  if (!stored && options.mode !== 'update') {
    for (const field of REQUIRED_ON_CREATE) {
      const alreadyRefused = problems.some((p) => p.path[0] === field);
      if (given[field] === undefined && !alreadyRefused) {
        problems.push({
          path: [field],
          code: 'EMPTY_TEXT',
          message: `${FIELD_LABELS[field]} không được để trống khi tạo thủ tục mới.`,
        });
      }
    }
  }
  if (problems.length > 0) return { action: 'REJECTED', problems };

  const touched = new Set(Object.keys(given) as RecordField[]);
  const base = stored?.record ?? ({ ...EMPTY_RECORD } as ProcedureRecord);
  const record: ProcedureRecord = { ...base, ...given };
  const consistency = checkRecordConsistency(record, touched);
  if (consistency.length > 0) return { action: 'REJECTED', problems: consistency };
  if (!stored) return { action: 'CREATE', record };

  const changes = recordChanges(stored.record, record);
  if (changes.length === 0) return { action: 'UNCHANGED', record };
  const versioned = changes.filter((c) => !UNVERSIONED.has(c.field));
  if (versioned.length === 0)
    return { action: 'UPDATE', before: stored.record, record, changes, version: null };

  const applies = appliesFromOf(stored, record, touched, options.now);
  if ('problem' in applies) return { action: 'REJECTED', problems: [applies.problem] };
  return {
    action: 'UPDATE',
    before: stored.record,
    record,
    changes,
    version: { number: stored.latest.version + 1, appliesFrom: applies.at, changes: versioned },
  };
}

function appliesFromOf(
  stored: StoredProcedure,
  record: ProcedureRecord,
  touched: ReadonlySet<RecordField>,
  now: Date,
): { at: Date } | { problem: RecordProblem } {
  const today = dayOf(now);
  let at = now;
  const effective = touched.has('effectiveFrom') ? record.effectiveFrom : null;
  if (effective !== null) {
    if (effective >= today) at = startOfDay(effective);
    // The same past date as before is the earlier decision's, copied along: the change applies now.
    else if (effective !== stored.record.effectiveFrom) {
      return {
        problem: {
          path: ['effectiveFrom'],
          code: 'EFFECTIVE_DATE_PAST',
          message: `Ngày hiệu lực ${formatDayVi(effective)} đã qua: hạn giải quyết của hồ sơ đã tiếp nhận không thể thay đổi. Hãy chọn từ hôm nay (${formatDayVi(today)}) trở đi, hoặc để trống để áp dụng cho hồ sơ tiếp nhận từ bây giờ.`,
        },
      };
    }
  }
  const pending = stored.latest.appliesFrom;
  if (pending && at.getTime() < pending.getTime()) {
    const [day, time] = formatLocalIso(pending).split('T') as [string, string];
    return {
      problem: {
        path: ['effectiveFrom'],
        code: 'EFFECTIVE_DATE_PAST',
        message: `Thủ tục đã có phiên bản ${stored.latest.version} áp dụng từ ${time.slice(0, 5)} ngày ${formatDayVi(day)}: thay đổi mới phải có ngày hiệu lực từ ngày ${formatDayVi(day)} trở đi.`,
      },
    };
  }
  return { at };
}
