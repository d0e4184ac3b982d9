import { GraphQLError } from 'graphql';

/**
 * Every stable error code the API returns, with its meaning: the one registry behind the TypeScript
 * `ErrorCode` type and the GraphQL `ErrorCode` enum (schema/user-errors.ts), so a code cannot be
 * used without being documented. Expected failures carry one in `extensions.code`, in a payload's
 * `userErrors` (and the older `errors` / `error` fields), or in the body of the HTTP paths outside
 * GraphQL (docs/limits.md "Error codes"); never a stack trace. A code, once published, is not
 * renamed: clients branch on it.
 */
export const ERROR_CODES = {
  // ─── The request itself (HTTP) ────────────────────────────────────────────────────────────────
  BAD_REQUEST:
    'The HTTP request is malformed, or the `variables` or `extensions` parameter of a GET request is not JSON.',
  BAD_JSON:
    'The body of a request to the rating form path or to the national synchronisation endpoint is not valid JSON.',
  UNSUPPORTED_MEDIA_TYPE: 'A POST request to the GraphQL endpoint whose body is not declared as JSON.',
  NOT_ACCEPTABLE:
    'The Accept header asks for a format the API cannot answer in; subscriptions over HTTP need text/event-stream.',
  HEADERS_TOO_LARGE: 'The URL and headers of the request exceed 16 KB together; send long queries by POST.',
  METHOD_NOT_ALLOWED:
    'The HTTP method is not accepted on this path: the rating form path and the national synchronisation endpoint take POST only.',
  PAYLOAD_TOO_LARGE: 'The request body is larger than this path accepts.',
  PERSISTED_QUERY_MISMATCH:
    'A request names a persisted operation and also carries a document that is not that operation (or, on the rating form path, carries a document other than the rating mutation); send the id alone.',
  PERSISTED_QUERY_NOT_FOUND:
    'The persisted operation id (`documentId`, or `extensions.persistedQuery.sha256Hash`) is not in the API’s list of persisted operations; send the document as `query` instead.',

  // ─── The GraphQL document and the limits ─────────────────────────────────────────────────────
  GRAPHQL_PARSE_FAILED: 'The document is not valid GraphQL syntax.',
  GRAPHQL_VALIDATION_FAILED: 'The document does not fit the schema (unknown field, wrong argument type, …).',
  QUERY_TOO_LARGE: 'The document has more tokens than allowed; move large values into variables.',
  QUERY_TOO_DEEP: 'The document nests fields deeper than allowed.',
  TOO_MANY_ALIASES: 'The document uses more aliases than allowed.',
  TOO_MANY_DIRECTIVES: 'The document uses more directives than allowed.',
  QUERY_TOO_COMPLEX: 'The estimated cost of the operation exceeds the limit of the caller’s tier.',
  RATE_LIMITED:
    'Too many requests, ratings or survey submissions from this caller in the current window; retry after the delay given in the Retry-After header or the message.',
  QUERY_TIMEOUT:
    'The operation ran past the execution deadline and was stopped; ask for less, or retry later.',
  CLIENT_CLOSED_REQUEST:
    'The client closed the connection before the answer was ready; the operation was abandoned and only the server log records it.',
  TOO_MANY_CONNECTIONS: 'Too many WebSocket connections are open from this client address.',
  TOO_MANY_SUBSCRIPTIONS: 'Too many subscriptions are open on this WebSocket connection.',
  INVALID_STRING:
    'A string in the input contains a control character or a broken UTF-16 pair, or is longer than the ceiling; `reason` in the extensions says which.',

  // ─── Access ───────────────────────────────────────────────────────────────────────────────────
  INVALID_CREDENTIALS:
    'The username and password of signIn do not match an active account (the same answer for an unknown username).',
  UNAUTHENTICATED:
    'No API key or session where one is needed, or a malformed, unknown, revoked or expired key or session.',
  FORBIDDEN:
    'The API key lacks the scope the operation needs, or the agency concerned is outside the subtree of the key’s agency.',

  // ─── Any operation ────────────────────────────────────────────────────────────────────────────
  BAD_USER_INPUT:
    'An argument, variable or input field does not fit: wrong type, out of range, too long, empty, or badly formed.',
  NOT_FOUND: 'No procedure, agency, questionnaire, API key or other object has the code or id given.',
  PAGE_SIZE_TOO_LARGE: 'A page size (`first` or `last`) above 100.',
  INVALID_CURSOR: 'A pagination cursor that this API did not issue.',
  INVALID_DATE:
    'A date or time that does not exist, is badly formatted, or lies outside the years 2000 to 2100.',
  INVALID_PERIOD:
    'A reporting period that ends before it starts or is longer than ten years, or an evaluation year or quarter that does not exist.',
  DUPLICATE_DATE: 'The same day appears twice in one calendar update.',
  NO_TIME_LIMIT: 'The procedure has no legal time limit, so no due date can be computed for it.',
  SERVICE_UNAVAILABLE:
    'The database is briefly unreachable; retry after the delay in the Retry-After header.',
  INTERNAL_SERVER_ERROR: 'An unexpected fault of the server; it is logged, and the message gives no detail.',
  INTERNAL:
    'An unexpected fault of the server, as the national synchronisation endpoint names it; it is logged, and the message gives no detail.',

  // ─── Dossier events (recordDossierEvents and the national synchronisation endpoint) ───────────
  BATCH_TOO_LARGE:
    'More dossier events in one call than a batch allows (1,000); nothing was stored, and `index` is the first event over the limit.',
  INVALID_DOSSIER_CODE:
    'The dossier code is not 1 to 64 letters, digits, dots, underscores, hyphens or slashes.',
  INVALID_SEQUENCE: 'The event’s sequence number is not a whole number from 1 to 1,000,000.',
  FUTURE_EVENT: 'The event is dated in the future (beyond a few minutes of clock difference).',
  INVALID_DUE_DATE:
    'The due date lies outside the years 2000 to 2100, or more than a year before the event it comes with.',
  UNKNOWN_PROCEDURE: 'No administrative procedure in the catalogue has this code.',
  UNKNOWN_AGENCY:
    'No agency held this code on the day concerned (the event’s day, or the survey form’s day).',
  OUT_OF_SCOPE:
    'The agency concerned (an event’s, a dossier’s, a user’s grants, a key’s, a rating’s) is outside the agency subtree of the API key or of the signed-in official’s role, or the change concerns the whole system.',
  INCONSISTENT_DOSSIER: 'The dossier was recorded earlier with another procedure, agency or channel.',
  IDEMPOTENCY_CONFLICT:
    'An event with this dossier code and sequence number was recorded earlier with other content; the recorded content is kept.',
  INCONSISTENT:
    'The event’s time contradicts the order of the dossier’s recorded events, or the fields of a synchronised dossier contradict each other.',
  MISSING_FIELD: 'A field the national synchronisation format requires for this dossier is missing.',
  INVALID_FIELD: 'A field of a synchronised dossier has the wrong type or an impossible value.',
  INVALID_CHANNEL: 'The channel of a synchronised dossier is not one of the national channel numbers.',
  INVALID_STATUS: 'The status of a synchronised dossier is not a national status number from 1 to 10.',
  INVALID_PAYLOAD:
    'The national synchronisation body is neither a list of dossiers nor an object whose `data` field holds them.',
  UNSUPPORTED_SERVICE:
    'The national synchronisation endpoint was asked for a service other than DongBoHoSoMC.',
  TOO_MANY_ITEMS: 'More dossiers in one national synchronisation request than it allows.',

  // ─── Ratings and rating links ─────────────────────────────────────────────────────────────────
  UNKNOWN_DOSSIER: 'No dossier has this code, or none that the API key may see.',
  NOT_FINISHED: 'The dossier has not finished processing, so it can be neither rated nor surveyed yet.',
  RATING_CLOSED: 'The period in which the dossier may be rated is over, so no rating link is issued.',
  INVALID_TOKEN: 'The rating token is malformed, not signed by this API, or issued for another dossier.',
  TOKEN_EXPIRED: 'The rating token has expired.',
  COMMENT_TOO_LONG: 'The rating comment is longer than allowed.',
  INVALID_IDEMPOTENCY_KEY:
    'The idempotency key is too long, too short, or uses characters that are not allowed.',

  // ─── One-stop evaluation scores (setEvaluationScores) ─────────────────────────────────────────
  NO_SCORES: 'The list of scores is empty.',
  TOO_MANY_SCORES: 'More scores than there are indicators (9) in one call; nothing was stored.',
  INVALID_INDICATOR: 'The indicator number is not between 1 and 9.',
  DUPLICATE_INDICATOR: 'The same indicator appears more than once in the list.',
  INVALID_SCORE: 'A self-assessed or verified score other than 0, 1 or 2.',
  EMPTY_SCORE: 'An entry that sets neither a score nor a note.',
  NOTE_TOO_LONG: 'The note is longer than allowed.',

  // ─── Questionnaires (publishQuestionnaire) ────────────────────────────────────────────────────
  INVALID_CODE: 'The code is not 1 to 40 letters, digits, dots, underscores or hyphens.',
  EMPTY_TEXT: 'A name, text or label is empty.',
  TEXT_TOO_LONG: 'A name, text, label or legal basis is longer than allowed.',
  TOO_MANY: 'A list (scales, factors, criteria, questions, options) has more items than allowed.',
  DUPLICATE_CODE: 'The code is already used by another item of the same kind in the questionnaire.',
  INVALID_SCALE:
    'A scale has too few or too many levels, level values that are not distinct whole numbers from 0 to 100, or a `positiveFrom` that is not one of its levels.',
  NO_QUESTIONS: 'The questionnaire has no question.',
  NO_FACTORS: 'A SIPAS questionnaire without factors.',
  UNKNOWN_FACTOR: 'The question names a factor the questionnaire does not define.',
  UNKNOWN_CRITERION: 'The question names a criterion the questionnaire does not define.',
  CRITERION_NOT_IN_FACTOR: 'The question’s criterion belongs to another factor than the one it names.',
  UNKNOWN_SCALE: 'The question names a scale the questionnaire does not define.',
  SCALE_REQUIRED: 'An assessment, satisfaction or quick-rating question without a scale.',
  SCALE_NOT_ALLOWED: 'An expectation question with a scale: it is answered by choosing options.',
  POSITIVE_FROM_REQUIRED:
    'The scale of an assessment or satisfaction question needs `positiveFrom` for the index to be computed.',
  OPTIONS_REQUIRED: 'An expectation question, or its answer, without any option.',
  OPTIONS_NOT_ALLOWED: 'Options on a question answered on a scale, or chosen in its answer.',
  CRITERION_REQUIRED: 'An assessment question that names no criterion.',
  FACTOR_REQUIRED: 'A satisfaction question that names neither a factor nor a criterion.',
  DUPLICATE_SATISFACTION:
    'A factor asked about satisfaction both as a whole and per criterion, or twice for the same target.',
  FACTOR_WITHOUT_SATISFACTION:
    'A factor of a SIPAS questionnaire without a satisfaction question, so its index cannot be computed.',
  KIND_CHANGED:
    'The new version is of another kind than the earlier versions of the same questionnaire code.',

  // ─── Survey responses (submitSurvey, recordSurveyResponse) ────────────────────────────────────
  NO_ANSWERS: 'The survey response has no answers.',
  TOO_MANY_ANSWERS: 'The survey response has more answers than allowed.',
  UNKNOWN_QUESTIONNAIRE: 'No questionnaire in use has this code (and version, when one is given).',
  IDEMPOTENCY_KEY_REUSED: 'The idempotency key was already used for another survey response.',
  ALREADY_SUBMITTED: 'The dossier already has a response to this questionnaire: one per dossier.',
  FUTURE_RESPONSE: 'The paper survey form is dated in the future.',
  UNKNOWN_QUESTION: 'The questionnaire version answered has no question with this code.',
  DUPLICATE_QUESTION: 'The same question is answered more than once.',
  VALUE_REQUIRED: 'A question answered on a scale, without a value.',
  VALUE_OUT_OF_SCALE: 'The value is not a level of the question’s scale.',
  VALUE_NOT_ALLOWED: 'A value given for a question answered by choosing options.',
  UNKNOWN_OPTION: 'A chosen option that the question does not offer.',
  DUPLICATE_OPTION: 'The same option is chosen more than once.',

  // ─── Administration: users, API keys, agencies, moderation (issue 9) ─────────────────────────
  USERNAME_TAKEN: 'Another account already has this username.',
  WEAK_PASSWORD: 'A new password shorter than 12 characters, or one that contains the username.',
  NOTHING_TO_CHANGE:
    'What the mutation asks for is already the case (a comment already hidden, an account already active, …); nothing was written.',
  AGENCY_CODE_IN_USE:
    'Another unit holds this code on some of the same days: a code is reused only across time.',
  AGENCY_CYCLE:
    'A unit moved under itself or one of its own subunits, or merged into itself or one of its subunits.',
  AGENCY_ENDED:
    'The unit, its new parent or its successor does not exist on the day concerned (its validity has ended or not begun).',
  DOSSIERS_AFTER_MERGE:
    'The unit received dossiers on or after the effective date of its merger: the date must follow them.',

  // ─── The procedure catalogue: editing, versions, import (issue 9) ────────────────────────────
  INVALID_PROCEDURE_CODE:
    'The procedure code is not of the national form 1.001193, or the variant code not of the form 1.003560.000.00.00.H56.',
  PROCEDURE_EXISTS:
    'A procedure with this code is already in the catalogue; change it instead of creating it.',
  UNKNOWN_SECTOR: 'No sector (lĩnh vực) of the catalogue has this code or name.',
  INVALID_TIME_LIMIT:
    'A time limit that is not a number above 0, has more than two decimals, is fractional in calendar days or months, or exceeds what its unit sensibly allows.',
  DUPLICATE_CHANNEL: 'Two time limits for the same channel: a procedure has one time limit per channel.',
  INVALID_CUTOFF:
    'The same-day cut-off is not a time HH:MM from 00:00 to 23:59, or is set on a procedure whose time limit is not exactly 1 working day.',
  EFFECTIVE_DATE_PAST:
    'The effective date of a change lies before today (the due dates of dossiers already received are fixed), or before the date of a version already waiting to apply.',
  IMPORT_TOO_LARGE: 'The import file is larger than 10 MB or has more than 5,000 procedures.',
  INVALID_IMPORT_FILE:
    'The import file cannot be read in the format given, or its header lacks the procedure code column.',
  DUPLICATE_IMPORT_ROW:
    'The same procedure code appears on an earlier row of the import file; only the first is used.',

  // ─── The reform programme's tasks (issue 11) ─────────────────────────────────────────────────
  INVALID_YEAR: 'The year of a reform programme or plan is not a whole number from 2000 to 2100.',
  INVALID_PROGRESS:
    'A progress percentage that is not a whole number from 0 to 100, or a task reported done at less than 100 % (or in progress at 100 %).',
  INVALID_URL: 'An evidence link that is not an absolute web address with the http or https scheme.',
  REFORM_TASK_CLOSED:
    'The reform task is done or cancelled: no more progress reports, and a cancelled task is not edited.',
  STATUS_NOT_REPORTABLE:
    'A progress report that would cancel the task; the unit that set it cancels it (cancelReformTask).',
  EMPTY_REPORT:
    'A progress report with no note, no evidence and no change of status or progress; nothing was written.',

  // ─── Local practice per province (issue 12) ─────────────────────────────────────────────────
  NOT_A_PROVINCE: 'Local practice settings belong to a province: the unit named is not a province.',
  INVALID_SETTING:
    'A local practice setting out of range: working sessions not within the day and in order, a cut-off not a time of day, or evaluation bands that do not cover every total from 0 to 18.',
} as const satisfies Record<string, string>;

/** A stable error code: a key of ERROR_CODES, hence documented. */
export type ErrorCode = keyof typeof ERROR_CODES;

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
