// The server side of the procedure form, shared by /procedures/new and /procedures/[code]: reading
// the submitted draft, the "Thêm dòng" / "Xóa dòng" buttons without JavaScript, and the API's
// refusals placed on the form's fields. Pure: form-action.test.ts.
import { type FieldErrors, mergeFieldErrors, toFieldErrors, type UserErrorLike } from '../form-errors';
import {
  addRow,
  draftFromForm,
  formKeys,
  isFormKey,
  type ProcedureDraft,
  type RecordInput,
  ROW_GROUPS,
  type RowGroup,
  type RowMaps,
  removeRow,
  withBlankRows,
} from './draft';

/** What the page gets back after a refused save or a row button: the form as it was sent. */
export interface FormState {
  draft: ProcedureDraft;
  errors: FieldErrors;
  /** The record the edit started from (JSON), carried along so a save sends only what changed. */
  original: string | null;
}

export function readSubmission(form: FormData): { draft: ProcedureDraft; original: string | null } {
  const original = form.get('original');
  return { draft: draftFromForm(form), original: typeof original === 'string' ? original : null };
}

/** The record an edit started from, as the form carried it; null when it is missing or forged badly. */
export function parseOriginal(original: string | null, code: string): RecordInput | null {
  if (!original) return null;
  try {
    const record = JSON.parse(original) as RecordInput;
    return record && typeof record === 'object' && record.code === code ? record : null;
  } catch {
    return null;
  }
}

/** "Thêm dòng" (addRow=fees) or "Xóa dòng" (removeRow=fees.2) without JavaScript. */
export function applyRowButton(draft: ProcedureDraft, form: FormData): ProcedureDraft {
  const add = form.get('addRow');
  if (typeof add === 'string' && (ROW_GROUPS as readonly string[]).includes(add)) {
    return addRow(draft, add as RowGroup);
  }
  const remove = form.get('removeRow');
  const match = typeof remove === 'string' ? /^(\w+)\.(\d{1,3})$/.exec(remove) : null;
  if (match && (ROW_GROUPS as readonly string[]).includes(match[1] ?? '')) {
    return withBlankRows(removeRow(draft, match[1] as RowGroup, Number(match[2])));
  }
  return draft;
}

/** The API's refusals on the controls that caused them (rows renumbered, unknown paths to the form). */
export function errorsOnForm(
  userErrors: readonly UserErrorLike[],
  rows: RowMaps,
  local: FieldErrors = {},
): FieldErrors {
  const byApiKey = toFieldErrors(userErrors);
  const onForm = formKeys(byApiKey, rows);
  // Re-key through toFieldErrors so that paths the form does not show go to their nearest parent.
  const placed = toFieldErrors(
    Object.entries(onForm).map(([key, message]) => ({ field: key === '' ? null : key.split('.'), message })),
    { prefix: [], known: isFormKey },
  );
  return mergeFieldErrors(local, placed);
}
