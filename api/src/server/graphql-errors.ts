import { type ExecutionResult, GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/**
 * Every error carries a stable code (api-contract "Errors"). Yoga codes parse and validation
 * errors, but variables that do not fit their types (an unknown enum value, a missing field) come
 * back from graphql-js without one: give them BAD_USER_INPUT, as the rating fast path does.
 */
export function useInputErrorCodes(): Plugin {
  return {
    onExecute: () => ({
      onExecuteDone: ({ result, setResult }) => {
        if (!('errors' in result) || !result.errors?.length) return;
        if (result.errors.every((e) => e.extensions?.code)) return;
        setResult({
          ...result,
          errors: result.errors.map((e) =>
            e.extensions?.code || !e.message.startsWith('Variable "$')
              ? e
              : new GraphQLError(e.message, {
                  nodes: e.nodes ?? null,
                  source: e.source ?? null,
                  positions: e.positions ?? null,
                  path: e.path ?? null,
                  originalError: e.originalError ?? null,
                  extensions: { ...e.extensions, code: 'BAD_USER_INPUT' },
                }),
          ),
        });
      },
    }),
  };
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
      logger.error({ err: e.originalError, path: e.path }, 'subscription event failed');
      return new GraphQLError('Unexpected error.', {
        nodes: e.nodes ?? null,
        path: e.path ?? null,
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      });
    }),
  };
}
