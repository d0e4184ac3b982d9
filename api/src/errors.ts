import { GraphQLError } from 'graphql';

/**
 * Stable error codes clients can rely on (docs/limits.md "Error codes"): every expected failure carries
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
  | 'RATING_CLOSED'
  | 'SERVICE_UNAVAILABLE'
  // Per event of an ingestion batch (recordDossierEvents, national sync): the event's agency, or the
  // dossier's, is outside the key's subtree; its sequence was recorded with other content; its date
  // contradicts the dossier's other events (domain/event-admission.ts).
  | 'OUT_OF_SCOPE'
  | 'IDEMPOTENCY_CONFLICT'
  | 'INCONSISTENT'
  // A string argument with a control character, a broken UTF-16 pair, or over the length ceiling
  // (server/input-strings.ts); `reason` says which.
  | 'INVALID_STRING';

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
