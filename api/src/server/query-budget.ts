// The cost of an operation, computed from the schema before it runs (@pothos/plugin-complexity with
// the cost model of schema/field-cost.ts), checked against the payer's ceiling and charged to its
// budget; the cost and what is left are reported in `extensions.cost` and the RateLimit headers
// (docs/limits.md). Operations are counted per payer too: anonymous requests per IP before their
// document is even parsed, keyed requests once the key is known (app.ts, the context).
import { createComplexityRule } from '@pothos/plugin-complexity';
import {
  type DocumentNode,
  type ExecutionResult,
  type GraphQLError,
  type GraphQLSchema,
  getOperationAST,
  Kind,
  type TypeNode,
  validate,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Context } from '../services/context.ts';
import type { LimitOutcome } from '../services/limiter-store.ts';
import { clientIpOf } from './client-ip.ts';
import type { LimitsConfig } from './limits-config.ts';
import type { PersistedDocuments } from './persisted-documents.ts';
import {
  anonymousPayer,
  type Payer,
  payerOf,
  queryTooComplex,
  type RequestBudgets,
  rateLimited,
  rateLimitHeaders,
} from './request-budget.ts';

/**
 * Costs already measured, per document and per the values of its Int variables: the cost model
 * reads no other argument (schema/field-cost.ts), so a document sent again with other strings,
 * codes or tokens costs the same and is not measured again — the rating form, the widget's reads.
 */
const measured = new WeakMap<DocumentNode, Map<string, number | null>>();
const MAX_VARIANTS = 100;

/** The key of the variables the cost may depend on: those declared Int, in order. */
function costKey(
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown>,
) {
  const operation = getOperationAST(document, operationName);
  if (!operation) return null;
  const ints = (operation.variableDefinitions ?? []).filter((d) => namedTypeName(d.type) === 'Int');
  return `${operationName ?? ''}|${ints.map((d) => String(variables[d.variable.name.value])).join(',')}`;
}

const namedTypeName = (type: TypeNode): string =>
  type.kind === Kind.NAMED_TYPE ? type.name.value : namedTypeName(type.type);

/** The cost of the selected operation, or null when its variables do not fit (execution says why). */
export function measureCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | null | undefined,
  context: object,
): number | null {
  const key = costKey(document, operationName, variables ?? {});
  const known = key === null ? undefined : measured.get(document)?.get(key);
  if (known !== undefined) return known;
  const cost = computeCost(schema, document, operationName, variables, context);
  if (key !== null) {
    let variants = measured.get(document);
    if (!variants) {
      variants = new Map();
      measured.set(document, variants);
    }
    if (variants.size >= MAX_VARIANTS) variants.clear();
    variants.set(key, cost);
  }
  return cost;
}

function computeCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | null | undefined,
  context: object,
): number | null {
  let cost: number | null = null;
  const rule = createComplexityRule({
    context,
    variableValues: variables ?? {},
    ...(operationName ? { operationName } : {}),
    validate: (state) => {
      cost = Math.max(cost ?? 0, state.complexity);
    },
  });
  try {
    validate(schema, document, [rule]);
  } catch {
    // An argument the cost model could not read (a literal of the wrong type, an @include whose
    // `if` is not a boolean): execution refuses the operation with the reason, at no cost.
    return null;
  }
  return cost;
}

/** Persisted operations are charged this fraction of their cost (docs/limits.md §2). */
export const PERSISTED_COST_DIVISOR = 10;

export interface CostReport {
  /** Points this operation cost. */
  requestedQueryCost: number;
  /** The most one operation may cost for this payer. */
  maxQueryCost: number;
  /** The payer's cost window after this operation. */
  budget: { limit: number; remaining: number; resetSeconds: number };
}

/** The outcome of admitting an operation: its cost report, or the error that refuses it. */
export type Admission = { report: CostReport | null } | { refusal: GraphQLError };

/** Checks an operation's cost against the payer's ceiling and charges it to the payer's window. */
export async function admitOperation(
  budgets: RequestBudgets,
  payer: Payer,
  cost: number,
  persisted = false,
): Promise<Admission> {
  if (!payer.budget) return { report: null };
  if (cost > payer.budget.maxQueryCost)
    return { refusal: queryTooComplex(payer, cost, payer.budget.maxQueryCost) };
  const charged = persisted ? Math.ceil(cost / PERSISTED_COST_DIVISOR) : cost;
  const outcome = await budgets.chargeCost(payer, charged);
  if (!outcome) return { report: null };
  if (!outcome.allowed) return { refusal: rateLimited(payer, outcome, 'cost') };
  return {
    report: {
      requestedQueryCost: charged,
      maxQueryCost: payer.budget.maxQueryCost,
      budget: { limit: outcome.limit, remaining: outcome.remaining, resetSeconds: outcome.resetSeconds },
    },
  };
}

/** The request-count outcome of an HTTP request, for its RateLimit headers. */
const requestCounts = new WeakMap<Request, LimitOutcome>();

/** Records the count outcome of a keyed request (counted in the context, app.ts). */
export function rememberRequestCount(request: Request | undefined, outcome: LimitOutcome | null): void {
  if (request && outcome) requestCounts.set(request, outcome);
}

const isAsyncIterable = (value: unknown): value is AsyncIterable<unknown> =>
  typeof value === 'object' && value !== null && Symbol.asyncIterator in value;

export function useQueryBudget(options: {
  budgets: RequestBudgets;
  limits: LimitsConfig;
  trustProxy: Parameters<typeof clientIpOf>[1];
  /** The persisted operations, charged a fraction of their cost. */
  persisted?: PersistedDocuments;
}): Plugin<Record<string, unknown>, { req?: unknown }> {
  const { budgets, limits } = options;
  const admit = async (
    args: {
      schema: GraphQLSchema;
      document: DocumentNode;
      operationName?: string | null;
      variableValues?: unknown;
      contextValue: unknown;
    },
    stop: (result: ExecutionResult) => void,
  ): Promise<CostReport | null> => {
    const ctx = args.contextValue as Context;
    const payer = payerOf(ctx.principal, ctx.clientIp, limits);
    const cost =
      measureCost(
        args.schema,
        args.document,
        args.operationName,
        args.variableValues as Record<string, unknown>,
        ctx,
      ) ?? 0;
    // A persisted operation's shape was reviewed with the code (persisted-documents.ts): it is checked
    // against the ceiling at its full cost but charged a fraction of it (docs/limits.md §2).
    const persisted = options.persisted?.discounted(args.document, payer.tier === 'anonymous') ?? false;
    const admission = await admitOperation(budgets, payer, cost, persisted);
    if ('refusal' in admission) {
      stop({ errors: [admission.refusal] });
      return null;
    }
    return admission.report;
  };
  return {
    // Anonymous requests are counted by IP before anything else, so a flood of invalid documents
    // costs its sender as much as valid ones. Keyed requests are counted once the key is checked.
    async onParams({ request, setResult, context }) {
      if (request.headers.get('authorization')) return;
      const ip = clientIpOf({ request, req: context.req as never }, options.trustProxy);
      const payer = anonymousPayer(ip, limits);
      const outcome = await budgets.countRequest(payer);
      if (!outcome) return;
      requestCounts.set(request, outcome);
      if (!outcome.allowed) setResult({ errors: [rateLimited(payer, outcome, 'requests')] });
    },
    async onExecute({ args, setResultAndStopExecution }) {
      const report = await admit(args, setResultAndStopExecution);
      if (!report) return;
      return {
        onExecuteDone: ({ result, setResult }) => {
          if (isAsyncIterable(result)) return;
          setResult({ ...result, extensions: { ...result.extensions, cost: report } });
        },
      };
    },
    async onSubscribe({ args, setResultAndStopExecution }) {
      await admit(args, setResultAndStopExecution);
    },
    onResponse({ request, response }) {
      const outcome = requestCounts.get(request);
      if (!outcome || response.headers.has('RateLimit-Limit')) return;
      for (const [name, value] of Object.entries(rateLimitHeaders(outcome, 'requests'))) {
        response.headers.set(name, value);
      }
    },
  };
}
