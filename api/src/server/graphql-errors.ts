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
  };
}

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

/** The same error with a code, and without the original error (so nothing masks or logs it). */
function withCode(e: GraphQLError, code: ErrorCode): GraphQLError {
  return errorAt(e, e.message, { ...e.extensions, code });
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
