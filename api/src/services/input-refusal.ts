// Refusals of an administration input, each with the field it concerns, so that a form can show
// every message next to its field (docs/api.md "The mutation convention"). Services throw them; the
// schema turns them into `userErrors` (schema/admin-payload.ts); the CLI prints the message.
import { AppError, type ErrorCode } from '../errors.ts';

export interface InputProblem {
  /** Path into the input object (["roles", "1", "agencyCode"]); null: the input as a whole. */
  field: string[] | null;
  code: ErrorCode;
  message: string;
}

/** Nothing was written: the input (or the caller's right over what it names) was refused. */
export class InputRefused extends AppError {
  readonly problems: readonly InputProblem[];
  constructor(problems: readonly InputProblem[]) {
    const first = problems[0];
    if (!first) throw new Error('InputRefused needs at least one problem');
    super(first.code, problems.map((p) => p.message).join(' '));
    this.problems = problems;
  }
}

export const refused = (field: string[] | null, code: ErrorCode, message: string) =>
  new InputRefused([{ field, code, message }]);

/** The problems found in one input, reported all at once. */
export class Problems {
  private readonly list: InputProblem[] = [];

  add(field: string[] | null, code: ErrorCode, message: string): void {
    this.list.push({ field, code, message });
  }

  get empty(): boolean {
    return this.list.length === 0;
  }

  throwIfAny(): void {
    if (this.list.length > 0) throw new InputRefused(this.list);
  }
}

/** Whether a write failed on a unique index: a concurrent request took the same name first. */
export const isUniqueViolation = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2002';
