// Limits on the shape of a document, checked before graphql-js validates it (docs/limits.md).
// A small document can describe an enormous amount of work: a few hundred bytes nesting
// `agency { children { parent { children … } } }` ran the heap out of memory, a fragment that
// spreads another twice, ten times over, describes a thousand copies of a selection, and
// ten thousand aliases kept the event loop busy for seconds. These checks count what the document
// says (tokens, depth, aliases, directives) without executing or expanding it — GraphQL Armor's
// rules memoise fragments — so a refusal costs about as much as parsing.
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import {
  type DocumentNode,
  GraphQLError,
  type GraphQLSchema,
  parse,
  type ValidationRule,
  validate,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { ErrorCode } from '../errors.ts';

export interface ShapeLimits {
  /** Lexical tokens in the document (GitHub and Shopify publish limits of this order). */
  maxTokens: number;
  /** Nested fields, fragments flattened; introspection is bounded by graphql-js's own rule. */
  maxDepth: number;
  /** Aliased fields in an operation, fragments included (`__typename` aliases are free). */
  maxAliases: number;
  /** Directives in an operation, fragments included. */
  maxDirectives: number;
}

export const SHAPE_LIMITS: ShapeLimits = {
  maxTokens: 10_000,
  maxDepth: 12,
  maxAliases: 50,
  maxDirectives: 20,
};

/** A refusal: HTTP 400 whatever the Accept header (it is not a syntax error of the client's). */
export function limitError(
  code: ErrorCode,
  message: string,
  details: Record<string, unknown> = {},
): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...details, http: { status: 400 } } });
}

/**
 * graphql-js's parser with a token ceiling. The parser is recursive: a document nested a few
 * thousand levels deep exhausts the stack before the token limit is reached, and that RangeError is
 * a refusal of the client's document like any other, not a server fault.
 */
export function parseWithinLimits(source: string, maxTokens: number): DocumentNode {
  try {
    return parse(source, { maxTokens, noLocation: false });
  } catch (err) {
    // graphql-js: "Document contains more that N tokens. Parsing aborted."
    if (err instanceof GraphQLError && /contains more th\w+ \d+ tokens/.test(err.message)) {
      throw limitError(
        'QUERY_TOO_LARGE',
        `Truy vấn quá dài: tối đa ${maxTokens} ký hiệu (token). Hãy chia nhỏ truy vấn, hoặc đưa dữ liệu lớn vào biến (variables).`,
        { maxTokens },
      );
    }
    if (err instanceof RangeError) {
      throw limitError(
        'QUERY_TOO_DEEP',
        'Truy vấn lồng nhau quá sâu. Hãy giảm số cấp lồng nhau của các trường.',
      );
    }
    throw err;
  }
}

/** The shape rules, each reporting a coded error instead of Armor's "Syntax Error" text. */
function shapeRules(limits: ShapeLimits, errors: GraphQLError[]): ValidationRule[] {
  const reject = (code: ErrorCode, message: string, limit: Record<string, number>) => () => {
    errors.push(limitError(code, message, limit));
  };
  return [
    maxDepthRule({
      n: limits.maxDepth,
      flattenFragments: true,
      propagateOnRejection: false,
      onReject: [
        reject(
          'QUERY_TOO_DEEP',
          `Truy vấn lồng nhau quá sâu: tối đa ${limits.maxDepth} cấp. Hãy tách thành nhiều truy vấn.`,
          { maxDepth: limits.maxDepth },
        ),
      ],
    }),
    maxAliasesRule({
      n: limits.maxAliases,
      propagateOnRejection: false,
      onReject: [
        reject(
          'TOO_MANY_ALIASES',
          `Truy vấn dùng quá nhiều bí danh (alias): tối đa ${limits.maxAliases}. Hãy tách thành nhiều truy vấn.`,
          { maxAliases: limits.maxAliases },
        ),
      ],
    }),
    maxDirectivesRule({
      n: limits.maxDirectives,
      propagateOnRejection: false,
      onReject: [
        reject(
          'TOO_MANY_DIRECTIVES',
          `Truy vấn dùng quá nhiều chỉ thị (directive): tối đa ${limits.maxDirectives}.`,
          { maxDirectives: limits.maxDirectives },
        ),
      ],
    }),
  ];
}

/** The shape errors of a document (empty when it is within the limits). */
export function checkShape(
  schema: GraphQLSchema,
  document: DocumentNode,
  limits = SHAPE_LIMITS,
): GraphQLError[] {
  const errors: GraphQLError[] = [];
  // Validation errors of the rules themselves (unknown fragments…) are left to the full validation.
  validate(schema, document, shapeRules(limits, errors));
  return errors;
}

/** Documents already found within the limits (by text), so a repeated query is checked once. */
const MAX_REMEMBERED = 2_000;

/**
 * Parses with the token ceiling and refuses oversized shapes before graphql-js's own validation
 * (some of its rules compare every pair of fields, which a hostile document makes expensive).
 * Over HTTP the check runs on the request's parameters, so a refusal is an HTTP 400 whatever the
 * Accept header (Yoga answers parse errors of `application/json` requests with 200); over
 * WebSocket the same checks run in the parse and validate phases.
 */
export function useQueryShapeLimits(schema: GraphQLSchema, limits = SHAPE_LIMITS): Plugin {
  const withinLimits = new Set<string>();
  const refusal = (query: string): GraphQLError[] => {
    if (withinLimits.has(query)) return [];
    let errors: GraphQLError[];
    try {
      errors = checkShape(schema, parseWithinLimits(query, limits.maxTokens), limits);
    } catch (err) {
      if (err instanceof GraphQLError && err.extensions.http) return [err];
      return []; // an ordinary syntax error: Yoga reports it as GRAPHQL_PARSE_FAILED
    }
    if (errors.length === 0) {
      if (withinLimits.size >= MAX_REMEMBERED) withinLimits.clear();
      withinLimits.add(query);
    }
    return errors;
  };
  return {
    onParams({ params, setResult }) {
      if (typeof params.query !== 'string') return;
      const errors = refusal(params.query);
      if (errors.length > 0) setResult({ errors });
    },
    onParse({ setParseFn }) {
      setParseFn((source) =>
        parseWithinLimits(typeof source === 'string' ? source : source.body, limits.maxTokens),
      );
    },
    onValidate({ params, setResult, context }) {
      // Over HTTP, onParams has checked this document already.
      if ((context as { request?: unknown }).request) return;
      const errors = checkShape(params.schema, params.documentAST, limits);
      if (errors.length > 0) setResult(errors);
    },
  };
}
