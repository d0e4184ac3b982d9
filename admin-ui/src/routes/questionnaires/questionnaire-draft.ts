// A new version of a questionnaire, as the form edits it: a copy of the current version whose texts
// can be changed, questions removed and new questions added; codes of what exists stay (answers and
// indices refer to them). Pure: unit-tested in questionnaire-draft.test.ts. `publishQuestionnaire`
// checks the whole content again (api/src/services/questionnaires.ts).
import type { FieldErrors } from '$lib/form-errors';

export interface QuestionnaireVersion {
  code: string;
  kind: string;
  name: string;
  basis: string | null;
  scales: {
    code: string;
    name: string;
    positiveFrom: number | null;
    levels: { value: number; label: string }[];
  }[];
  factors: { code: string; name: string; criteria: { code: string; text: string }[] }[];
  questions: {
    code: string;
    kind: string;
    text: string;
    factor: { code: string } | null;
    criterion: { code: string } | null;
    scale: { code: string } | null;
    options: { code: string; text: string }[];
  }[];
}

export interface DraftQuestion {
  code: string;
  kind: string;
  text: string;
  factorCode: string;
  criterionCode: string;
  scaleCode: string;
  options: { code: string; text: string }[];
  /** New options, one per line (EXPECTATION questions); codes are made from the question's code. */
  newOptions: string;
  /** Whether the question existed in the version the draft copies (its code and kind are then fixed). */
  existing: boolean;
  remove: boolean;
}

export interface Draft {
  code: string;
  kind: string;
  /** The version the draft was copied from. */
  fromVersion: number;
  name: string;
  basis: string;
  scales: { code: string; name: string; positiveFrom: string; levels: { value: string; label: string }[] }[];
  factors: { code: string; name: string; criteria: { code: string; text: string }[] }[];
  questions: DraftQuestion[];
}

export const QUESTION_KINDS = [
  { value: 'ASSESSMENT', label: 'Nhận định (đồng ý / không đồng ý với một tiêu chí)' },
  { value: 'SATISFACTION', label: 'Mức độ hài lòng (theo thang đo)' },
  { value: 'EXPECTATION', label: 'Mong đợi (chọn các phương án)' },
  { value: 'QUICK', label: 'Đánh giá nhanh (theo thang đo)' },
] as const;

export const QUESTIONNAIRE_KIND_LABELS: Record<string, string> = {
  SIPAS: 'Khảo sát SIPAS',
  QUICK_RATING: 'Đánh giá nhanh',
  OTHER: 'Khảo sát khác',
};

export const QUESTIONNAIRE_STATUS_LABELS: Record<string, string> = {
  PUBLISHED: 'Đang sử dụng',
  RETIRED: 'Đã thay thế',
  DRAFT: 'Bản nháp',
};

export const questionKindLabel = (kind: string) =>
  QUESTION_KINDS.find((k) => k.value === kind)?.label ?? kind;

export const emptyQuestion = (): DraftQuestion => ({
  code: '',
  kind: 'SATISFACTION',
  text: '',
  factorCode: '',
  criterionCode: '',
  scaleCode: '',
  options: [],
  newOptions: '',
  existing: false,
  remove: false,
});

/** The draft of version n + 1: a copy of `version`. */
export function draftFrom(version: QuestionnaireVersion & { version: number }): Draft {
  return {
    code: version.code,
    kind: version.kind,
    fromVersion: version.version,
    name: version.name,
    basis: version.basis ?? '',
    scales: version.scales.map((s) => ({
      code: s.code,
      name: s.name,
      positiveFrom: s.positiveFrom == null ? '' : String(s.positiveFrom),
      levels: s.levels.map((l) => ({ value: String(l.value), label: l.label })),
    })),
    factors: version.factors.map((f) => ({
      code: f.code,
      name: f.name,
      criteria: f.criteria.map((c) => ({ code: c.code, text: c.text })),
    })),
    questions: version.questions.map((q) => ({
      code: q.code,
      kind: q.kind,
      text: q.text,
      // A question on a criterion names the criterion; its factor follows from it.
      factorCode: q.criterion ? '' : (q.factor?.code ?? ''),
      criterionCode: q.criterion?.code ?? '',
      scaleCode: q.scale?.code ?? '',
      options: q.options.map((o) => ({ code: o.code, text: o.text })),
      newOptions: '',
      existing: true,
      remove: false,
    })),
  };
}

const str = (form: FormData, name: string) => String(form.get(name) ?? '');

/** Rows `prefix.0.…`, `prefix.1.…` of the form, as many as it holds. */
function count(form: FormData, prefix: string, field: string): number {
  let n = 0;
  while (form.has(`${prefix}.${n}.${field}`)) n++;
  return n;
}

/** The draft as posted (hidden fields carry the codes and the structure; the rest is edited). */
export function draftFromForm(form: FormData): Draft {
  const scales = Array.from({ length: count(form, 'scales', 'code') }, (_, i) => ({
    code: str(form, `scales.${i}.code`),
    name: str(form, `scales.${i}.name`),
    positiveFrom: str(form, `scales.${i}.positiveFrom`),
    levels: Array.from({ length: count(form, `scales.${i}.levels`, 'value') }, (_, j) => ({
      value: str(form, `scales.${i}.levels.${j}.value`),
      label: str(form, `scales.${i}.levels.${j}.label`),
    })),
  }));
  const factors = Array.from({ length: count(form, 'factors', 'code') }, (_, i) => ({
    code: str(form, `factors.${i}.code`),
    name: str(form, `factors.${i}.name`),
    criteria: Array.from({ length: count(form, `factors.${i}.criteria`, 'code') }, (_, j) => ({
      code: str(form, `factors.${i}.criteria.${j}.code`),
      text: str(form, `factors.${i}.criteria.${j}.text`),
    })),
  }));
  const questions = Array.from({ length: count(form, 'questions', 'code') }, (_, i): DraftQuestion => {
    const p = `questions.${i}`;
    return {
      code: str(form, `${p}.code`).trim(),
      kind: str(form, `${p}.kind`),
      text: str(form, `${p}.text`),
      factorCode: str(form, `${p}.factorCode`),
      criterionCode: str(form, `${p}.criterionCode`),
      scaleCode: str(form, `${p}.scaleCode`),
      options: Array.from({ length: count(form, `${p}.options`, 'code') }, (_, j) => ({
        code: str(form, `${p}.options.${j}.code`),
        text: str(form, `${p}.options.${j}.text`),
      })),
      newOptions: str(form, `${p}.newOptions`),
      existing: str(form, `${p}.existing`) === 'true',
      remove: form.get(`${p}.remove`) === 'on',
    };
  });
  return {
    code: str(form, 'code'),
    kind: str(form, 'kind'),
    fromVersion: Number(str(form, 'fromVersion')) || 0,
    name: str(form, 'name'),
    basis: str(form, 'basis'),
    scales,
    factors,
    questions,
  };
}

/** Option codes for new lines: "<question>-1", "<question>-2", … skipping those already used. */
function newOptionCodes(question: DraftQuestion, lines: string[]): { code: string; text: string }[] {
  const used = new Set(question.options.map((o) => o.code));
  const result: { code: string; text: string }[] = [];
  let n = 1;
  for (const text of lines) {
    while (used.has(`${question.code}-${n}`)) n++;
    const code = `${question.code}-${n}`;
    used.add(code);
    result.push({ code, text });
  }
  return result;
}

export interface PublishInput {
  code: string;
  kind: 'SIPAS' | 'QUICK_RATING' | 'OTHER';
  name: string;
  basis: string | null;
  scales: {
    code: string;
    name: string;
    positiveFrom: number | null;
    levels: { value: number; label: string }[];
  }[];
  factors: { code: string; name: string; criteria: { code: string; text: string }[] }[];
  questions: {
    code: string;
    kind: 'ASSESSMENT' | 'SATISFACTION' | 'EXPECTATION' | 'QUICK';
    text: string;
    factorCode: string | null;
    criterionCode: string | null;
    scaleCode: string | null;
    options: { code: string; text: string }[] | null;
  }[];
}

/**
 * The input of `publishQuestionnaire`, and for each of its questions the draft row it came from
 * (removed questions are left out, so the API's positions differ from the form's).
 */
export function publishInputOf(draft: Draft): { input: PublishInput; questionRows: number[] } {
  const questionRows: number[] = [];
  const questions: PublishInput['questions'] = [];
  draft.questions.forEach((q, row) => {
    // A new question left empty is not a question: the form always shows one blank row.
    if (q.remove || (!q.existing && !q.code && !q.text.trim())) return;
    const scaled = q.kind !== 'EXPECTATION';
    const lines = q.newOptions
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    const options = scaled
      ? null
      : [...q.options.map((o) => ({ code: o.code, text: o.text.trim() })), ...newOptionCodes(q, lines)];
    questionRows.push(row);
    questions.push({
      code: q.code,
      kind: q.kind as PublishInput['questions'][number]['kind'],
      text: q.text.trim(),
      factorCode: q.factorCode || null,
      criterionCode: q.criterionCode || null,
      scaleCode: scaled ? q.scaleCode || null : null,
      options,
    });
  });
  return {
    questionRows,
    input: {
      code: draft.code,
      kind: draft.kind as PublishInput['kind'],
      name: draft.name.trim(),
      basis: draft.basis.trim() || null,
      scales: draft.scales.map((s) => ({
        code: s.code,
        name: s.name.trim(),
        positiveFrom: s.positiveFrom === '' ? null : Number(s.positiveFrom),
        levels: s.levels.map((l) => ({ value: Number(l.value), label: l.label.trim() })),
      })),
      factors: draft.factors.map((f) => ({
        code: f.code,
        name: f.name.trim(),
        criteria: f.criteria.map((c) => ({ code: c.code, text: c.text.trim() })),
      })),
      questions,
    },
  };
}

/**
 * The API's userErrors (["input", "questions", "3", "text"]) as the form's keys ("questions.5.text"):
 * question positions go back to the form's rows; an error on a new option goes to the new-options box.
 */
export function draftErrors(
  userErrors: readonly { field?: readonly string[] | null; message: string }[],
  questionRows: readonly number[],
  draft: Draft,
): FieldErrors {
  const errors: FieldErrors = {};
  for (const error of userErrors) {
    const path = [...(error.field ?? [])];
    if (path[0] === 'input') path.shift();
    if (path[0] === 'questions' && path[1] !== undefined) {
      const row = questionRows[Number(path[1])];
      if (row !== undefined) {
        path[1] = String(row);
        if (path[2] === 'options' && path[3] !== undefined) {
          const existing = draft.questions[row]?.options.length ?? 0;
          if (Number(path[3]) >= existing) path.splice(3, path.length, 'new');
        }
      }
    }
    const key = errorKeyFor(path, draft);
    errors[key] = errors[key] ? `${errors[key]}\n${error.message}` : error.message;
  }
  return errors;
}

/** The nearest field the form shows for a path: a code (hidden for what exists) goes to its row's text. */
function errorKeyFor(path: string[], draft: Draft): string {
  const key = path.join('.');
  if (path[0] === 'questions' && path[1] !== undefined) {
    const row = Number(path[1]);
    const q = draft.questions[row];
    const field = path[2];
    if (!q) return 'questions';
    if (field === 'options')
      return path[3] === 'new' || path[3] === undefined
        ? `questions.${row}.newOptions`
        : `questions.${row}.options.${path[3]}.text`;
    if (field === 'code') return q.existing ? `questions.${row}.text` : key;
    if (field && ['text', 'kind', 'factorCode', 'criterionCode', 'scaleCode'].includes(field)) {
      // Existing questions show their text only; their links are fixed.
      return q.existing && field !== 'text' ? `questions.${row}.text` : `questions.${row}.${field}`;
    }
    return `questions.${row}.text`;
  }
  if (path[0] === 'scales' && path[1] !== undefined) {
    if (path[2] === 'levels' && path[3] !== undefined) return `scales.${path[1]}.levels.${path[3]}.label`;
    if (path[2] === 'positiveFrom') return `scales.${path[1]}.positiveFrom`;
    return `scales.${path[1]}.name`;
  }
  if (path[0] === 'factors' && path[1] !== undefined) {
    if (path[2] === 'criteria' && path[3] !== undefined) return `factors.${path[1]}.criteria.${path[3]}.text`;
    return `factors.${path[1]}.name`;
  }
  if (path[0] === 'name' || path[0] === 'basis') return path[0];
  return '';
}
