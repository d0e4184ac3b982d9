import { GraphQLError } from 'graphql';
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
