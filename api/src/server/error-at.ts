// A GraphQL error put in the place of another: the same path and locations (as Yoga's own masking
// keeps them), a message and a code of ours, and no original error — so nothing masks it or logs
// it again as a fault.
import { GraphQLError } from 'graphql';

export function errorAt(
  at: GraphQLError | undefined,
  message: string,
  extensions: Record<string, unknown>,
): GraphQLError {
  return new GraphQLError(message, {
    nodes: at?.nodes ?? null,
    source: at?.source ?? null,
    positions: at?.positions ?? null,
    path: at?.path ?? null,
    extensions,
  });
}
