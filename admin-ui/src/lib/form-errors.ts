// From the API's userErrors (a path into the mutation's arguments, a code, a Vietnamese message) to
// the messages a form shows next to each field and in its error summary. Pure: form-errors.test.ts.

export interface UserErrorLike {
  field?: readonly string[] | null;
  code?: string | null;
  message: string;
}

/**
 * Messages by field key: "name", "timeLimits.1.value" (list positions as numbers, as the API sends
 * them). The key "" holds what concerns the form as a whole.
 */
export type FieldErrors = Record<string, string>;

export const FORM_LEVEL = '';

/** "timeLimits.1.value" for ["timeLimits", 1, "value"]. */
export function fieldKey(path: readonly (string | number)[]): string {
  return path.join('.');
}

/** The id of the control of a field: "f-timeLimits-1-value" (a valid, readable HTML id). */
export function fieldId(key: string): string {
  return `f-${key.replace(/[^A-Za-z0-9_-]+/g, '-')}`;
}

/** Shown when the API sent a code without a message (it should not; the form still says something). */
const FALLBACK_MESSAGE = 'Giá trị không hợp lệ.';

export interface ToFieldErrorsOptions {
  /** The path of the form's input among the mutation's arguments, stripped from keys. */
  prefix?: readonly string[];
  /**
   * Whether the form shows a control for this key. An error on a key it does not show goes to the
   * nearest ancestor it shows (["fees", "2"] → "fees"), else to the form as a whole, so no message
   * is lost.
   */
  known?: (key: string) => boolean;
}

export function toFieldErrors(
  userErrors: readonly UserErrorLike[],
  options: ToFieldErrorsOptions = {},
): FieldErrors {
  const prefix = options.prefix ?? ['input'];
  const errors: FieldErrors = {};
  for (const error of userErrors) {
    let path = [...(error.field ?? [])];
    if (prefix.every((step, i) => path[i] === step)) path = path.slice(prefix.length);
    let key = fieldKey(path);
    if (options.known) {
      while (path.length > 0 && !options.known(key)) {
        path = path.slice(0, -1);
        key = fieldKey(path);
      }
      if (path.length === 0) key = FORM_LEVEL;
    }
    const message = error.message.trim() || FALLBACK_MESSAGE;
    const previous = errors[key];
    // Two errors on one field are both shown; the same one twice only once.
    if (previous === undefined) errors[key] = message;
    else if (!previous.split('\n').includes(message)) errors[key] = `${previous}\n${message}`;
  }
  return errors;
}

/** Merges error sets (e.g. the form's own checks before sending, then the API's). */
export function mergeFieldErrors(...sets: FieldErrors[]): FieldErrors {
  const merged: FieldErrors = {};
  for (const set of sets) {
    for (const [key, message] of Object.entries(set)) {
      merged[key] = merged[key] === undefined ? message : `${merged[key]}\n${message}`;
    }
  }
  return merged;
}

export interface SummaryItem {
  key: string;
  /** Link to the field's control; null for errors of the form as a whole. */
  href: string | null;
  message: string;
}

/** The error summary's entries, in the order of the form's fields when `order` is given. */
export function summaryItems(errors: FieldErrors, order?: readonly string[]): SummaryItem[] {
  const keys = Object.keys(errors);
  if (order) {
    // A key the order does not list ("fees.2.name") ranks with its top-level field ("fees").
    const rank = (key: string) => {
      const exact = order.indexOf(key);
      const i = exact === -1 ? order.indexOf(key.split('.')[0] ?? key) : exact;
      return i === -1 ? order.length : i;
    };
    keys.sort((a, b) => (a === FORM_LEVEL ? -1 : b === FORM_LEVEL ? 1 : rank(a) - rank(b)));
  }
  return keys.map((key) => ({
    key,
    href: key === FORM_LEVEL ? null : `#${fieldId(key)}`,
    message: errors[key] ?? '',
  }));
}
