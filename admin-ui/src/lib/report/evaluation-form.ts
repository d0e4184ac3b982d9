// The 9-indicator entry form (/reports/evaluation): which points an official may enter — self-scored
// by the unit's officers and administrators, verified by administrators above it or the Internal
// Affairs office (REFORM_MONITOR) — and the form's fields turned into setEvaluationScores' scores.
// The API decides (docs/api.md "Roles"); the form only offers what the role may send. Pure;
// evaluation-form.test.ts.
import { hasRole, type Viewer } from '../viewer';

export const INDICATORS = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;

export interface EntryRights {
  self: boolean;
  verified: boolean;
}

export function entryRights(viewer: Viewer | null): EntryRights {
  return {
    self: hasRole(viewer, 'SYSTEM_ADMIN', 'UNIT_ADMIN', 'OFFICER'),
    verified: hasRole(viewer, 'SYSTEM_ADMIN', 'UNIT_ADMIN', 'REFORM_MONITOR'),
  };
}

export interface ScoreEntry {
  indicator: number;
  selfScore?: number | null;
  verifiedScore?: number | null;
  note?: string | null;
}

/**
 * "" → null (cleared); "0", "1", "2" → the number; anything else (only a hand-made request sends it)
 * → −1, which the API refuses as INVALID_SCORE at that field (NaN would travel as null: a clearing).
 */
function score(value: FormDataEntryValue | null): number | null | undefined {
  if (value === null) return undefined;
  const text = String(value).trim();
  if (text === '') return null;
  return /^\d{1,2}$/.test(text) ? Number(text) : -1;
}

/**
 * One entry per indicator the form changed (fields `self-N`, `verified-N`, `note-N`, and the values
 * shown, `was-self-N` …), with only the points the role may enter: an unchanged indicator is not
 * sent, so saving a form does not rewrite what someone else entered meanwhile.
 */
export function scoresFromForm(form: FormData, rights: EntryRights): ScoreEntry[] {
  const entries: ScoreEntry[] = [];
  for (const indicator of INDICATORS) {
    const entry: ScoreEntry = { indicator };
    const changed = (name: string) =>
      (form.get(`${name}-${indicator}`) ?? '') !== (form.get(`was-${name}-${indicator}`) ?? '');
    if (rights.self && form.has(`self-${indicator}`) && changed('self')) {
      entry.selfScore = score(form.get(`self-${indicator}`));
    }
    if (rights.verified && form.has(`verified-${indicator}`) && changed('verified')) {
      entry.verifiedScore = score(form.get(`verified-${indicator}`));
    }
    if (form.has(`note-${indicator}`) && changed('note')) {
      entry.note = String(form.get(`note-${indicator}`)).trim() || null;
    }
    if (Object.keys(entry).length > 1) entries.push(entry);
  }
  return entries;
}

/** The form's field of an API error path ["input", "scores", "2", "selfScore"], given the scores sent. */
export function fieldOfError(
  path: readonly string[] | null | undefined,
  sent: readonly ScoreEntry[],
): string {
  if (path?.[1] !== 'scores' || path[2] === undefined) return '';
  const entry = sent[Number(path[2])];
  if (!entry) return '';
  const field = path[3] === 'verifiedScore' ? 'verified' : path[3] === 'note' ? 'note' : 'self';
  return `${field}-${entry.indicator}`;
}
