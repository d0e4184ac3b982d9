import { PothosValidationError } from '@pothos/core';
import { type ExecutionResult, GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { ErrorCode } from '../errors.ts';
import { databaseUnavailableError, isDatabaseUnavailable } from './database-errors.ts';
import { errorAt } from './error-at.ts';

/**
 * graphql-js's own messages about arguments and variables that do not fit their types (an unknown
 * enum value, a missing field, too many such errors at once).
 */
const INPUT_MESSAGES = /^(Variable "\$|Argument "|Too many errors processing variables)/;

/**
 * Every error carries a stable code (docs/limits.md "Error codes"). Yoga codes parse and validation
 * errors, but variables and arguments that do not fit their types come back from graphql-js
 * without one: give them BAD_USER_INPUT, as the rating fast path does.
 */
export function useInputErrorCodes(): Plugin {
  return {
    onValidate: ({ validateFn, setValidationFn }) => {
      // Some graphql-js rules throw instead of reporting (the single-field rule of subscriptions
      // evaluates @include/@skip, and an `if` of the wrong type throws): a validation error all the same.
      setValidationFn((...args) => {
        try {
          return validateFn(...args);
        } catch (err) {
          if (!(err instanceof GraphQLError)) throw err;
          return [withCode(err, 'GRAPHQL_VALIDATION_FAILED')];
        }
      });
    },
    onExecute: () => ({
      onExecuteDone: ({ result, setResult }) => {
        if (!('errors' in result) || !result.errors?.length) return;
        if (result.errors.every((e) => e.extensions?.code)) return;
        setResult({ ...result, errors: result.errors.map(codedError) });
      },
    }),
    // Yoga refuses an operation it cannot choose before any hook above runs.
    onResultProcess: ({ result, setResult }) => {
      if (Array.isArray(result) || !('errors' in result) || !result.errors?.some(unresolved)) return;
      setResult({ ...result, errors: result.errors.map((e) => (unresolved(e) ? operationNotFound() : e)) });
    },
  };
}

const unresolved = (e: Error) =>
  e instanceof GraphQLError && e.extensions?.code === 'OPERATION_RESOLUTION_FAILURE';

/**
 * An error with its stable code. Runs before Yoga's masking, which logs every error it masks with
 * its stack: a client's mistake or a database blip is answered with its code and not logged as a
 * fault of ours (the pool logs connection losses once).
 */
function codedError(e: GraphQLError): GraphQLError {
  if (e.extensions?.code) return e;
  if (e.originalError instanceof PothosValidationError) return withCode(e, 'BAD_USER_INPUT');
  if (e.originalError && isDatabaseUnavailable(e.originalError)) return databaseUnavailableError(e);
  if (INPUT_MESSAGES.test(e.message)) return withCode(e, 'BAD_USER_INPUT');
  return e;
}

/**
 * A subscription started over graphql-ws runs on graphql-js directly (websocket.ts), past the hooks
 * above: its variables that do not fit their types come back as they do for a query, with
 * BAD_USER_INPUT (or the code of the scalar that refused), and without suggestions in production.
 */
export function settledSubscribeErrors(result: ExecutionResult, hideSuggestions: boolean): ExecutionResult {
  if (!result.errors?.length) return result;
  const errors = result.errors.map(codedError);
  return { ...result, errors: hideSuggestions ? errors.map(withoutSuggestions) : errors };
}

/** The same error with a code, and without the original error (so nothing masks or logs it). */
function withCode(e: GraphQLError, code: ErrorCode): GraphQLError {
  return errorAt(e, e.message, { ...e.extensions, code });
}

/** graphql-js's suggestions: of fields, arguments, types, enum values, input fields, fragments. */
const SUGGESTION = /\s*Did you mean [^?]*\?/g;

/** The same error without "Did you mean …?", or the error itself when it suggests nothing. */
export function withoutSuggestions(e: GraphQLError): GraphQLError {
  if (!e.message.includes('Did you mean')) return e;
  return new GraphQLError(e.message.replace(SUGGESTION, ''), {
    nodes: e.nodes ?? null,
    source: e.source ?? null,
    positions: e.positions ?? null,
    path: e.path ?? null,
    originalError: e.originalError ?? null,
    extensions: e.extensions,
  });
}

const withoutSuggestionsIn = <R extends ExecutionResult>(result: R): R =>
  result.errors?.some((e) => e.message.includes('Did you mean'))
    ? { ...result, errors: result.errors.map(withoutSuggestions) }
    : result;

/**
 * In production no error suggests a name ("Did you mean …?"): suggestions map the schema, one typo
 * at a time, for whoever probes it. graphql-armor's plugin, used before, hid only the quoted
 * suggestions of validation errors; an enum value, an inline fragment and every variable that does
 * not fit its type (coerced at execution) still named what exists. Over WebSocket the validation and
 * the queries pass here too; subscriptions there use settledSubscribeErrors.
 */
export function useNoSuggestions(): Plugin {
  return {
    onValidate:
      () =>
      ({ valid, result, setResult }) => {
        if (!valid) setResult(result.map((e) => (e instanceof GraphQLError ? withoutSuggestions(e) : e)));
      },
    onExecute: () => ({
      onExecuteDone: ({ result, setResult }) => {
        if ('errors' in result) setResult(withoutSuggestionsIn(result));
      },
    }),
    // A subscription over SSE whose variables do not fit is answered with errors, not a stream.
    onSubscribe: () => ({
      onSubscribeResult: ({ result, setResult }) => {
        if ('errors' in result) setResult(withoutSuggestionsIn(result));
      },
    }),
  };
}

/**
 * A document whose operation cannot be chosen: several operations and no `operationName`, or an
 * `operationName` the document does not define. Yoga answers it with a code of its own over HTTP
 * (OPERATION_RESOLUTION_FAILURE, outside errors.ts) and graphql-ws with none; both get this.
 */
export function operationNotFound(): GraphQLError {
  return new GraphQLError(
    'Không xác định được thao tác cần chạy: "operationName" phải là tên một thao tác có trong tài liệu (bắt buộc khi tài liệu có nhiều thao tác).',
    { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } },
  );
}

/**
 * What Yoga's masking does for HTTP, for subscription events sent over graphql-ws: an error the
 * code did not mean to show (not a GraphQLError of ours) becomes "Unexpected error." without
 * details, and is logged.
 */
export function maskUnexpectedErrors(
  result: ExecutionResult,
  logger: { error: (obj: object, msg: string) => void },
): ExecutionResult | undefined {
  if (!result.errors?.some((e) => e.originalError && !(e.originalError instanceof GraphQLError)))
    return undefined;
  return {
    ...result,
    errors: result.errors.map((e) => {
      if (!e.originalError || e.originalError instanceof GraphQLError) return e;
      // The database briefly away: the next event will do, the client need not report a bug.
      if (isDatabaseUnavailable(e.originalError)) return databaseUnavailableError(e);
      logger.error({ err: e.originalError, path: e.path }, 'subscription event failed');
      return errorAt(e, 'Unexpected error.', { code: 'INTERNAL_SERVER_ERROR' });
    }),
  };
}

/**
 * A request whose parameters cannot be read (a GET whose `variables` or `extensions` are not JSON)
 * is the client's error: 400 BAD_REQUEST, not the 500 Yoga's parser would give.
 */
export function useRequestParseErrors(): Plugin {
  return {
    onRequestParse({ requestParser, setRequestParser }) {
      if (!requestParser) return;
      setRequestParser(async (request) => {
        try {
          return await requestParser(request);
        } catch (err) {
          if (err instanceof GraphQLError) throw err;
          throw new GraphQLError(
            'Không đọc được tham số của yêu cầu: "variables" và "extensions" phải là JSON hợp lệ.',
            {
              extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
            },
          );
        }
      });
    },
  };
}

const EMPTY_ANSWERS: Record<number, { code: ErrorCode; message: string }> = {
  406: {
    code: 'NOT_ACCEPTABLE',
    message:
      'Máy chủ trả lời dạng application/graphql-response+json hoặc application/json; đăng ký (subscription) qua HTTP cần text/event-stream, hoặc dùng WebSocket.',
  },
  415: {
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: 'Yêu cầu POST tới /graphql phải gửi nội dung JSON (Content-Type: application/json).',
  },
};

/**
 * Yoga answers an Accept it cannot serve (406) or a body type it cannot read (415) without a body;
 * clients get the same JSON error shape, with a code, as for every other refusal.
 */
export function useCodedHttpErrors(): Plugin {
  return {
    onResponse({ response, setResponse, fetchAPI }) {
      const answer = EMPTY_ANSWERS[response.status];
      if (!answer || response.headers.get('content-type')) return;
      const headers = new fetchAPI.Headers(response.headers);
      headers.set('content-type', 'application/json; charset=utf-8');
      setResponse(
        new fetchAPI.Response(
          JSON.stringify({ errors: [{ message: answer.message, extensions: { code: answer.code } }] }),
          { status: response.status, headers },
        ),
      );
    },
  };
}
