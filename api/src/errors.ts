import { GraphQLError } from 'graphql';

/**
 * Stable error codes clients can rely on (api-contract.md "Errors"): every expected failure carries
 * one in `extensions.code` (or in a batch payload's `errors`), never a stack trace.
 */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NO_TIME_LIMIT'
  | 'INVALID_DATE'
  | 'DUPLICATE_DATE'
  | 'PAGE_SIZE_TOO_LARGE'
  | 'INVALID_CURSOR'
  | 'INVALID_PERIOD'
  | 'UNKNOWN_DOSSIER'
  | 'NOT_FINISHED'
  | 'RATING_CLOSED';

/** An expected failure: its message is shown to the client as written (Vietnamese for officials). */
export class AppError extends GraphQLError {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message, { extensions: { code, ...details } });
    this.code = code;
  }
}

export const notFound = (what: string, key: string) =>
  new AppError('NOT_FOUND', `Không tìm thấy ${what} "${key}".`, { key });

export const badInput = (message: string, details?: Record<string, unknown>) =>
  new AppError('BAD_USER_INPUT', message, details);
