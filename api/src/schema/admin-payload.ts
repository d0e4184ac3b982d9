// The payloads of the administration mutations: a service's refusal (services/input-refusal.ts),
// with a path per problem, becomes `userErrors` under the `input` argument; any other expected
// failure of the input goes the way of refusalsAsUserErrors; authentication, authorization and
// limits stay top-level errors (docs/api.md "The mutation convention").
import { actorOf } from '../services/access/principal.ts';
import { type Admin, reachWith } from '../services/access/reach.ts';
import type { Context } from '../services/context.ts';
import { InputRefused } from '../services/input-refusal.ts';
import type { builder } from './builder.ts';
import {
  refusalsAsUserErrors,
  USER_ERRORS_DESCRIPTION,
  type UserError,
  UserErrorRef,
} from './user-errors.ts';

export async function withUserErrors<T>(
  work: () => Promise<T>,
): Promise<{ result: T | null; userErrors: UserError[] }> {
  let refusal: InputRefused | null = null;
  const outcome = await refusalsAsUserErrors(['input'], async () => {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof InputRefused)) throw error;
      refusal = error;
      return null;
    }
  });
  if (!refusal) return outcome;
  const { problems } = refusal as InputRefused;
  return {
    result: null,
    userErrors: problems.map((p) => ({
      field: p.field ? ['input', ...p.field] : null,
      code: p.code,
      message: p.message,
    })),
  };
}

/** The caller as the administration services see it: its audit name, where it administers, its account. */
export async function adminOf(ctx: Context): Promise<Admin> {
  const { principal } = ctx;
  return {
    actor: actorOf(principal),
    reach: await reachWith(ctx.prisma, principal, 'ADMIN'),
    userId: principal.kind === 'session' ? principal.userId : null,
  };
}

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

/** The `userErrors` field of a payload, the same on every administration mutation. */
export const userErrorsField = <P extends { userErrors: UserError[] }>(
  t: PothosSchemaTypes.ObjectFieldBuilder<Types, P>,
) => t.field({ type: [UserErrorRef], description: USER_ERRORS_DESCRIPTION, resolve: (p) => p.userErrors });
