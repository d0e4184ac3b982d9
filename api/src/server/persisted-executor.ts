// An anonymous persisted read the response cache does not hold, run without Yoga's request pipeline
// (docs/benchmarks.md "Public reads"): the operation is one of ours, parsed and validated once, so
// what is left per request is what the answer needs — the caller's budgets, the variables, the
// execution. Yoga's Fetch adapter and plugin chain cost more CPU than a procedure's figures do
// ("Machine baselines": ~100–200 µs a request), and a cache miss is where every widget waits.
//
// The same rules hold as through /graphql: the variables coerced by graphql-js and their strings
// checked (input-strings.ts), the anonymous request and cost budgets counted and charged at the
// persisted rate (query-budget.ts), refusals answered with their codes and RateLimit headers. Only a
// clean answer is produced here: anything else (variables that do not fit, an error during execution)
// is handed back, and the caller runs the request through Yoga for the API's one way of answering errors.
import {
  type DocumentNode,
  execute,
  type GraphQLError,
  type GraphQLSchema,
  getOperationAST,
  getVariableValues,
  type OperationDefinitionNode,
  parse,
  validate,
} from 'graphql';
import { anonymous } from '../services/access/principal.ts';
import type { Context, Services } from '../services/context.ts';
import type { Scope } from '../services/stats.ts';
import { deadlineExceeded } from './execution-deadline.ts';
import { inputStringError } from './input-strings.ts';
import type { LimitsConfig } from './limits-config.ts';
import type { PersistedOperation } from './persisted-documents.ts';
import { admitOperation, measureCost } from './query-budget.ts';
import { anonymousPayer, type RequestBudgets, rateLimited } from './request-budget.ts';

/** What a direct run gives: the answer's body, a refusal to send as is, or "ask Yoga". */
export type DirectResult =
  | { body: Buffer }
  | { refusal: GraphQLError; status: number; headers: Record<string, string> }
  | { fallback: true };

interface Prepared {
  document: DocumentNode;
  operation: OperationDefinitionNode;
}

const FALLBACK = { fallback: true } as const;

export function createDirectReads(deps: {
  schema: GraphQLSchema;
  services: Services;
  budgets: RequestBudgets;
  limits: LimitsConfig;
}) {
  const { schema, services, budgets, limits } = deps;
  /** By id; null: the text does not validate against this schema (Yoga will say why). */
  const prepared = new Map<string, Prepared | null>();

  const prepare = (operation: PersistedOperation): Prepared | null => {
    let found = prepared.get(operation.id);
    if (found === undefined) {
      const document = parse(operation.text);
      const ast = getOperationAST(document);
      found = ast && validate(schema, document).length === 0 ? { document, operation: ast } : null;
      prepared.set(operation.id, found);
    }
    return found;
  };

  const refuse = (refusal: GraphQLError): DirectResult => {
    const http = refusal.extensions.http as { status?: number; headers?: Record<string, string> } | undefined;
    return { refusal, status: http?.status ?? 400, headers: http?.headers ?? {} };
  };

  return async function runDirect(
    operation: PersistedOperation,
    variablesText: string | null,
    clientIp: string | null,
    extra: Pick<Context, 'logger'> & { figureScopes: Scope[] },
  ): Promise<DirectResult> {
    const ready = prepare(operation);
    if (ready?.operation.operation !== 'query') return FALLBACK;
    let variables: Record<string, unknown>;
    try {
      variables = (variablesText ? JSON.parse(variablesText) : {}) as Record<string, unknown>;
    } catch {
      return FALLBACK;
    }
    if (variables === null || typeof variables !== 'object' || Array.isArray(variables)) return FALLBACK;
    const coerced = getVariableValues(schema, ready.operation.variableDefinitions ?? [], variables);
    if (coerced.errors || inputStringError(schema, ready.document, null, variables)) return FALLBACK;

    const payer = anonymousPayer(clientIp, limits);
    const counted = await budgets.countRequest(payer);
    if (counted && !counted.allowed) return refuse(rateLimited(payer, counted, 'requests'));
    const contextValue: Context = { ...services, ...extra, principal: anonymous, clientIp };
    const cost = measureCost(schema, ready.document, null, variables, contextValue) ?? 0;
    const admission = await admitOperation(budgets, payer, cost, true);
    if ('refusal' in admission) return refuse(admission.refusal);

    // execute() coerces the variables itself: it takes them as sent. The deadline of every operation
    // (execution-deadline.ts) holds here too: the requests waiting for this answer wait no longer.
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), limits.executionTimeoutMs);
    });
    const result = await Promise.race([
      execute({ schema, document: ready.document, variableValues: variables, contextValue }),
      deadline,
    ]).finally(() => clearTimeout(timer));
    if (result === 'late') return refuse(deadlineExceeded(limits.executionTimeoutMs));
    // Charged already; Yoga charges the persisted tenth once more for an answer with errors (rare: a
    // code that does not exist), the price of answering errors one way only.
    if (result.errors?.length) return FALLBACK;
    return { body: Buffer.from(JSON.stringify({ data: result.data })) };
  };
}
