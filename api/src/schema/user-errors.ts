// The one shape of a mutation's expected failures: `userErrors: [UserError!]!` in its payload, each
// with a path into the input, a code of the ErrorCode enum and a Vietnamese message. The older
// payload fields (`errors` by index, `error`, questionnaire `errors` by path) stay for the clients
// that read them; the helpers below build the UserError list from the very records those fields
// expose, so the two views cannot disagree.
import { AppError, ERROR_CODES, type ErrorCode } from '../errors.ts';
import { builder } from './builder.ts';

export interface UserError {
  /** Path into the mutation's arguments, list positions as strings; null: the input as a whole. */
  field: string[] | null;
  code: ErrorCode;
  message: string;
}

export const ErrorCodeEnum = builder.enumType('ErrorCode', {
  description:
    'Every stable error code of the API: in `extensions.code` of a top-level GraphQL error, in `UserError.code`, or in the body of the HTTP paths outside GraphQL.',
  // From the registry, description included: a code cannot be added without its meaning.
  values: Object.fromEntries(
    Object.entries(ERROR_CODES).map(([code, description]) => [code, { description }]),
  ) as Record<ErrorCode, { description: string }>,
});

export const UserErrorRef = builder.objectRef<UserError>('UserError').implement({
  description:
    'An expected failure of a mutation, caused by its input: nothing or only part of the input was stored, as the mutation’s payload says.',
  fields: (t) => ({
    field: t.exposeStringList('field', {
      nullable: true,
      description:
        'Path into the mutation’s arguments, list positions included, e.g. ["events", "3", "dueAt"] or ["input", "answers", "2", "value"]; null when the error concerns the input as a whole.',
    }),
    code: t.expose('code', {
      type: ErrorCodeEnum,
      description: 'Stable code of the error: what went wrong, for programs.',
    }),
    message: t.exposeString('message', {
      description: 'For the person who filled in the input, in Vietnamese.',
    }),
  }),
});

/** The description of every payload's `userErrors`. */
export const USER_ERRORS_DESCRIPTION =
  'Why the input, or part of it, was refused; empty when everything was stored.';

/** Deprecation of the error fields that came before `userErrors`. */
export const USE_USER_ERRORS = 'Use userErrors.';

/**
 * An error of a list-shaped input (recordDossierEvents, setEvaluationScores, survey answers), as
 * the older `errors: [InputError]` field reports it: `index` is the position of the item in the
 * list (−1: the input as a whole). `field` is the item's field at fault, `inputField` the input's
 * when the error is not about one item (e.g. the list's length, or the token of a submission).
 */
export interface IndexedError {
  index: number;
  code: ErrorCode;
  message: string;
  field?: string;
  inputField?: string;
}

/** Where the list is: the path of the input object (`[]` for plain arguments) and the list's name. */
export interface ListAt {
  input: readonly string[];
  list: string;
}

export function indexedUserErrors(errors: readonly IndexedError[], at: ListAt): UserError[] {
  return errors.map(({ index, code, message, field, inputField }) => {
    const path = inputField
      ? [...at.input, inputField]
      : index >= 0
        ? [...at.input, at.list, String(index), ...(field ? [field] : [])]
        : null;
    return { field: path, code, message };
  });
}

/** The single `error` of a payload (submitRating), at a field of the input or of none. */
export function singleUserErrors(
  error: { code: ErrorCode; message: string } | null,
  field: readonly string[] | null,
): UserError[] {
  return error ? [{ field: field ? [...field] : null, code: error.code, message: error.message }] : [];
}

/**
 * Errors with a dotted path into the input (publishQuestionnaire: `questions[3].scaleCode`), under
 * the argument's name: ["input", "questions", "3", "scaleCode"].
 */
export function pathUserErrors(
  errors: readonly { path: string; code: ErrorCode; message: string }[],
  input: readonly string[],
): UserError[] {
  return errors.map(({ path, code, message }) => {
    const steps = path.split(/[.[\]]+/).filter((s) => s !== '');
    return { field: steps.length > 0 ? [...input, ...steps] : null, code, message };
  });
}

/**
 * The refusal of a whole input by a service (an AppError of the caller's input), as userErrors at
 * `field`; authentication and authorization stay top-level errors, as the convention says.
 */
export async function refusalsAsUserErrors<T>(
  field: string[],
  work: () => Promise<T>,
): Promise<{ result: T | null; userErrors: UserError[] }> {
  try {
    return { result: await work(), userErrors: [] };
  } catch (error) {
    if (!(error instanceof AppError) || TOP_LEVEL.has(error.code)) throw error;
    return { result: null, userErrors: [{ field, code: error.code, message: error.message }] };
  }
}

const TOP_LEVEL: ReadonlySet<ErrorCode> = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'RATE_LIMITED']);
