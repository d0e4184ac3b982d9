// Before → after of an audit entry as a short table of the fields that changed. Pure: unit-tested in
// audit-diff.test.ts. The API stores what each change wrote (services/audit.ts); the shapes differ per
// action, so nested objects are flattened to dotted paths ("address.ward") and lists compared whole.
import { formatDate, formatDateTime, formatNumber } from '../../lib/format';
import { roleLabel } from '../../lib/labels';

export interface FieldChange {
  /** Dotted path of the field ("displayName", "roles", "timeLimits.0.value"). */
  field: string;
  /** The value as text for the table; EMPTY when the field was absent or null. */
  before: string;
  after: string;
  kind: 'added' | 'removed' | 'changed';
}

export const EMPTY = '—';

type Flat = Map<string, unknown>;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Objects become one entry per leaf; lists stay whole (a list of grants reads better as one cell). */
function flatten(value: unknown, prefix: string, into: Flat): Flat {
  if (isPlainObject(value)) {
    const keys = Object.keys(value);
    // An empty object at the top is "nothing"; deeper, it is a value worth showing.
    if (keys.length === 0 && prefix) into.set(prefix, value);
    for (const key of keys) flatten(value[key], prefix ? `${prefix}.${key}` : key, into);
  } else if (prefix) {
    into.set(prefix, value);
  } else if (value !== null && value !== undefined) {
    // A bare value (not an object) has no field name of its own.
    into.set('giá trị', value);
  }
  return into;
}

/** Stable text of any JSON value: keys sorted, so {a,b} and {b,a} compare equal. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isPlainObject(value)) {
    const keys = Object.keys(value).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonical(value[key])}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * A value as an official reads it: yes/no for booleans, 1.234,5 for numbers, dd/mm/yyyy (HH:mm) for
 * days and instants, lists joined with commas; other text as is.
 */
export function displayValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return EMPTY;
  if (typeof value === 'boolean') return value ? 'có' : 'không';
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'string') {
    if (ISO_DAY.test(value)) return formatDate(value);
    if (ISO_INSTANT.test(value)) return formatDateTime(value);
    return value;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return '(trống)';
    if (value.every((item) => !isPlainObject(item) && !Array.isArray(item))) {
      return value.map(displayValue).join(', ');
    }
    return value.map((item) => (isPlainObject(item) ? objectText(item) : displayValue(item))).join('; ');
  }
  if (isPlainObject(value)) return objectText(value);
  return String(value);
}

/** A role grant reads "Cán bộ xử lý – 22870"; any other object "key: value, …". */
function objectText(value: Record<string, unknown>): string {
  if (
    typeof value.role === 'string' &&
    Object.keys(value).every((key) => key === 'role' || key === 'agencyCode')
  ) {
    return value.agencyCode
      ? `${roleLabel(value.role)} – ${displayValue(value.agencyCode)}`
      : roleLabel(value.role);
  }
  const parts = Object.entries(value).map(([key, item]) => `${key}: ${displayValue(item)}`);
  return parts.length ? parts.join(', ') : '(trống)';
}

/** The fields whose value differs between `before` and `after`, in the order they first appear. */
export function diffAudit(before: unknown, after: unknown): FieldChange[] {
  const old = flatten(before, '', new Map());
  const now = flatten(after, '', new Map());
  const fields = [...new Set([...old.keys(), ...now.keys()])];
  const changes: FieldChange[] = [];
  for (const field of fields) {
    const had = old.has(field) && old.get(field) !== null && old.get(field) !== undefined;
    const has = now.has(field) && now.get(field) !== null && now.get(field) !== undefined;
    if (!had && !has) continue;
    if (had && has && canonical(old.get(field)) === canonical(now.get(field))) continue;
    changes.push({
      field,
      before: had ? displayValue(old.get(field)) : EMPTY,
      after: has ? displayValue(now.get(field)) : EMPTY,
      kind: had && has ? 'changed' : has ? 'added' : 'removed',
    });
  }
  return changes;
}

/** JSON text from the API → value; text that is not JSON stays text (shown raw, never interpreted). */
export function parseAuditJson(text: string | null | undefined): unknown {
  if (text === null || text === undefined || text === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Indented JSON for the raw view in <details>; text is rendered as text, never as HTML. */
export function prettyJson(value: unknown): string {
  if (value === null || value === undefined) return EMPTY;
  if (typeof value === 'string') return value;
  return JSON.stringify(value, null, 2);
}

export interface AuditView {
  /** Before → after of the fields that changed; null when the entry has neither. */
  changes: FieldChange[] | null;
  /** What else the entry recorded ("sessionsEnded", "dossierCode", or everything of an older entry). */
  details: { field: string; value: string }[];
  /** The data as recorded, indented, for the raw view. */
  raw: string;
  /** What the entry is about, in words: a username, a name or a code found in the data; null if none. */
  subject: string | null;
}

/** Fields that name the changed thing, most telling first. */
const SUBJECT_FIELDS = ['username', 'name', 'code', 'dossierCode'];

function subjectOf(data: Record<string, unknown>): string | null {
  const sides = [data.after, data.before, data].filter(isPlainObject);
  for (const field of SUBJECT_FIELDS) {
    for (const side of sides) {
      const value = side[field];
      if (typeof value === 'string' && value) return value;
    }
  }
  return null;
}

/** An entry's `data` (JSON text) as the page shows it. */
export function auditView(dataText: string | null | undefined): AuditView {
  const data = parseAuditJson(dataText);
  const raw = prettyJson(data);
  if (!isPlainObject(data)) {
    return {
      changes: null,
      details: data === null ? [] : [{ field: 'giá trị', value: displayValue(data) }],
      raw,
      subject: null,
    };
  }
  const hasDiff = 'before' in data || 'after' in data;
  const rest = Object.fromEntries(
    Object.entries(data).filter(([key]) => !hasDiff || (key !== 'before' && key !== 'after')),
  );
  const details = [...flatten(rest, '', new Map()).entries()].map(([field, value]) => ({
    field,
    value: displayValue(value),
  }));
  return {
    changes: hasDiff ? diffAudit(data.before, data.after) : null,
    details,
    raw,
    subject: subjectOf(data),
  };
}
