// Before → after of an audit entry as a short table of the fields that changed. Pure: unit-tested in
// audit-diff.test.ts. The API stores what each change wrote (services/audit.ts); the shapes differ per
// action, so nested objects are flattened to dotted paths ("address.ward") and lists compared whole.
import { formatDate, formatDateTime, formatNumber } from '../../lib/format';
import {
  agencyLevelLabel,
  channelLabel,
  implementingLevelLabel,
  onlineLevelLabel,
  roleLabel,
  timeUnitLabel,
} from '../../lib/labels';
import { scopeLabel } from '../api-keys/key-form';
import { fieldLabel } from './audit-labels';

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

// Calendar day kinds as the calendar page names them (routes/calendar/calendar-form.ts).
const DAY_KIND_LABELS: Record<string, string> = {
  HOLIDAY: 'Nghỉ lễ, Tết',
  SWAP_DAY_OFF: 'Nghỉ hoán đổi',
  COMPENSATORY_DAY_OFF: 'Nghỉ bù',
  SWAP_WORKDAY: 'Làm việc bù',
  OTHER: 'Khác',
};

/** Codes of the API's enums, by the (last part of the) field that holds them, in words. */
const CODE_LABELS: Record<string, (code: string) => string> = {
  role: roleLabel,
  level: agencyLevelLabel,
  levels: implementingLevelLabel,
  onlineLevel: onlineLevelLabel,
  channel: channelLabel,
  unit: timeUnitLabel,
  scopes: scopeLabel,
  kind: (code) => DAY_KIND_LABELS[code] ?? code,
};

/**
 * A value as an official reads it: yes/no for booleans, 1.234,5 for numbers, dd/mm/yyyy (HH:mm) for
 * days and instants, the API's codes in words when `field` says what they are (role "VIEWER" →
 * "Người xem"), lists joined with commas; other text as is.
 */
export function displayValue(value: unknown, field = ''): string {
  if (value === null || value === undefined || value === '') return EMPTY;
  if (typeof value === 'boolean') return value ? 'có' : 'không';
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'string') {
    if (ISO_DAY.test(value)) return formatDate(value);
    if (ISO_INSTANT.test(value)) return formatDateTime(value);
    const label = CODE_LABELS[field.split('.').at(-1) ?? ''];
    return label && /^[A-Z][A-Z_]*$/.test(value) ? label(value) : value;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return '(trống)';
    if (value.every((item) => !isPlainObject(item) && !Array.isArray(item))) {
      return value.map((item) => displayValue(item, field)).join(', ');
    }
    return value
      .map((item) => (isPlainObject(item) ? objectText(item) : displayValue(item, field)))
      .join('; ');
  }
  if (isPlainObject(value)) return objectText(value);
  return String(value);
}

const only = (value: Record<string, unknown>, keys: string[]) =>
  Object.keys(value).every((key) => keys.includes(key));

/**
 * A role grant reads "Cán bộ xử lý – 22870", a time limit "Trực tiếp: 15 ngày làm việc", a fee
 * "Lệ phí: 1.500.000 đồng (Mọi cách thức)"; any other object "Tên: value, …".
 */
function objectText(value: Record<string, unknown>): string {
  if (typeof value.role === 'string' && only(value, ['role', 'agencyCode'])) {
    return value.agencyCode
      ? `${roleLabel(value.role)} – ${displayValue(value.agencyCode)}`
      : roleLabel(value.role);
  }
  const note = typeof value.note === 'string' && value.note ? ` (${value.note})` : '';
  if (
    typeof value.value === 'number' &&
    typeof value.unit === 'string' &&
    only(value, ['channel', 'value', 'unit', 'note'])
  ) {
    return `${channelLabel(value.channel as string | null)}: ${formatNumber(value.value)} ${timeUnitLabel(value.unit)}${note}`;
  }
  if (
    typeof value.name === 'string' &&
    'amountVnd' in value &&
    only(value, ['name', 'amountVnd', 'channel', 'note'])
  ) {
    const amount = typeof value.amountVnd === 'number' ? `${formatNumber(value.amountVnd)} đồng` : EMPTY;
    return `${value.name}: ${amount} (${channelLabel(value.channel as string | null)})${note}`;
  }
  const parts = Object.entries(value).map(([key, item]) => `${fieldLabel(key)}: ${displayValue(item, key)}`);
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
      before: had ? displayValue(old.get(field), field) : EMPTY,
      after: has ? displayValue(now.get(field), field) : EMPTY,
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

/**
 * An entry that records only what changed, as a list (a procedure's new version:
 * `changes: [{ field, before, after }]`, services/procedure-writes.ts), or null for other data.
 */
function listedChanges(value: unknown): FieldChange[] | null {
  if (!Array.isArray(value) || value.length === 0) return null;
  if (!value.every((item) => isPlainObject(item) && typeof item.field === 'string')) return null;
  return value.map((item) => {
    const field = String(item.field);
    const had = item.before !== null && item.before !== undefined;
    const has = item.after !== null && item.after !== undefined;
    return {
      field,
      before: had ? displayValue(item.before, field) : EMPTY,
      after: has ? displayValue(item.after, field) : EMPTY,
      kind: had && has ? 'changed' : has ? 'added' : 'removed',
    };
  });
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
  const listed = hasDiff ? null : listedChanges(data.changes);
  const rest = Object.fromEntries(
    Object.entries(data).filter(([key]) =>
      hasDiff ? key !== 'before' && key !== 'after' : !(listed && key === 'changes'),
    ),
  );
  const details = [...flatten(rest, '', new Map()).entries()].map(([field, value]) => ({
    field,
    value: displayValue(value, field),
  }));
  return {
    changes: hasDiff ? diffAudit(data.before, data.after) : listed,
    details,
    raw,
    subject: subjectOf(data),
  };
}
