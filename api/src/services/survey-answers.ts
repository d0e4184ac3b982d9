// Checks a survey submission's answers against the questionnaire version it answers (docs/domain.md §4.3):
// every answer must fit its question, or nothing is stored.
import type { ErrorCode } from '../errors.ts';
import type { AnswerableQuestionnaire } from './questionnaires.ts';

export interface SurveyAnswerInput {
  questionCode: string;
  /** The chosen level of a scaled question (ASSESSMENT, SATISFACTION, QUICK). */
  value?: number | null;
  /** The chosen option codes of an EXPECTATION question. */
  options?: readonly string[] | null;
}

/** An answer ready to store: a scale value, or the chosen options (never both). */
export interface CheckedAnswer {
  questionId: number;
  value: number | null;
  options: string[] | null;
}

export interface AnswerError {
  index: number;
  code: ErrorCode;
  message: string;
  /** The answer's field at fault (for the paths of GraphQL `userErrors`). */
  field?: keyof SurveyAnswerInput;
  /** With index −1 (the submission as a whole): the input's field at fault, if one. */
  inputField?: string;
}

export const MAX_ANSWERS = 300;

/** The answers to store, or every problem found (by the answer's index in the input). */
export function checkAnswers(
  questionnaire: AnswerableQuestionnaire,
  answers: readonly SurveyAnswerInput[],
): { answers: CheckedAnswer[]; errors: AnswerError[] } {
  const errors: AnswerError[] = [];
  const checked: CheckedAnswer[] = [];
  const seen = new Set<string>();
  answers.forEach((answer, index) => {
    const fail = (field: keyof SurveyAnswerInput, code: ErrorCode, message: string) =>
      errors.push({ index, code, message, field });
    const question = questionnaire.questions.get(answer.questionCode);
    if (!question) {
      fail(
        'questionCode',
        'UNKNOWN_QUESTION',
        `Phiếu ${questionnaire.code} phiên bản ${questionnaire.version} không có câu hỏi "${answer.questionCode}".`,
      );
      return;
    }
    if (seen.has(question.code)) {
      fail('questionCode', 'DUPLICATE_QUESTION', `Câu hỏi "${question.code}" được trả lời nhiều lần.`);
      return;
    }
    seen.add(question.code);
    const options = answer.options ?? [];
    if (question.values) {
      if (options.length > 0) {
        fail(
          'options',
          'OPTIONS_NOT_ALLOWED',
          `Câu hỏi "${question.code}" trả lời bằng một mức trên thang đo, không chọn phương án.`,
        );
      } else if (answer.value == null) {
        fail('value', 'VALUE_REQUIRED', `Câu hỏi "${question.code}" cần một mức trên thang đo.`);
      } else if (!question.values.has(answer.value)) {
        fail(
          'value',
          'VALUE_OUT_OF_SCALE',
          `Mức ${answer.value} không có trên thang đo của câu hỏi "${question.code}" (các mức: ${[...question.values].join(', ')}).`,
        );
      } else checked.push({ questionId: question.id, value: answer.value, options: null });
      return;
    }
    const allowed = question.options ?? [];
    if (answer.value != null) {
      fail(
        'value',
        'VALUE_NOT_ALLOWED',
        `Câu hỏi "${question.code}" trả lời bằng cách chọn phương án, không có mức.`,
      );
    } else if (options.length === 0) {
      fail('options', 'OPTIONS_REQUIRED', `Câu hỏi "${question.code}" cần ít nhất một phương án được chọn.`);
    } else if (options.some((code) => !allowed.includes(code))) {
      const unknown = options.filter((code) => !allowed.includes(code));
      fail(
        'options',
        'UNKNOWN_OPTION',
        `Câu hỏi "${question.code}" không có phương án ${unknown.map((c) => `"${c}"`).join(', ')}.`,
      );
    } else if (new Set(options).size < options.length) {
      fail(
        'options',
        'DUPLICATE_OPTION',
        `Một phương án của câu hỏi "${question.code}" được chọn nhiều lần.`,
      );
    } else checked.push({ questionId: question.id, value: null, options: [...options] });
  });
  return { answers: checked, errors };
}
