// Every string a request hands to a resolver is checked once, here, before anything runs: control
// characters (PostgreSQL `text` cannot hold U+0000, and the others have no place in a form field),
// UTF-16 halves without their pair (pg would store U+FFFD, so the same value sent again would no longer
// match), and a ceiling on length (a 300 KB search took 11 s before failing on Prisma's parameter
// limit). Without this, each resolver reaching the database with such a value answered
// INTERNAL_SERVER_ERROR and logged a stack trace.
//
// Both sources of strings are scanned: the raw JSON variables of the operation (before graphql-js
// coerces them, so every nested input object and list is covered whatever its type) and the string
// literals of the document (arguments, nested input objects and lists, variable defaults).
//
// One exception: an input type marked `checksItsOwnStrings` (the items of a batch, DossierEventInput)
// is left to its service, which refuses a bad item by index and stores the others — one bad event
// must not cost the rest of its batch (docs/limits.md).
import {
  type ASTNode,
  BREAK,
  type DocumentNode,
  GraphQLError,
  type GraphQLSchema,
  getNamedType,
  getOperationAST,
  Kind,
  type OperationDefinitionNode,
  TypeInfo,
  type TypeNode,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { ErrorCode } from '../errors.ts';
import { CHECKS_ITS_OWN_STRINGS } from '../schema/extensions.ts';

/**
 * Characters per string (UTF-16 code units). The longest legitimate inputs are far shorter: a
 * rating comment (1,000 characters, services/ratings), an evaluation note (2,000), questionnaire
 * texts (1,000), a calendar note (500) — even fully decomposed (NFD), Vietnamese text stays under
 * 3 code units per character.
 */
export const MAX_INPUT_STRING_LENGTH = 10_000;

const CODE: ErrorCode = 'INVALID_STRING';

function selfChecked(schema: GraphQLSchema, typeName: string | undefined): boolean {
  const type = typeName ? schema.getType(typeName) : undefined;
  return Boolean(type?.extensions?.[CHECKS_ITS_OWN_STRINGS]);
}

const namedTypeOf = (type: TypeNode): string =>
  type.kind === Kind.NAMED_TYPE ? type.name.value : namedTypeOf(type.type);

export type StringProblem = 'CONTROL_CHARACTER' | 'INVALID_UNICODE' | 'TOO_LONG';

/**
 * What is wrong with a string, or null. Refused: U+0000–U+0008, U+000B, U+000C, U+000E–U+001F,
 * U+007F (TAB, LF and CR stay: free text has lines), and a surrogate without its pair.
 */
export function stringProblem(value: string): { problem: StringProblem; codePoint?: number } | null {
  if (value.length > MAX_INPUT_STRING_LENGTH) return { problem: 'TOO_LONG' };
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f) {
      return { problem: 'CONTROL_CHARACTER', codePoint: c };
    }
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      else return { problem: 'INVALID_UNICODE' };
    } else if (c >= 0xdc00 && c <= 0xdfff) {
      return { problem: 'INVALID_UNICODE' };
    }
  }
  return null;
}

function refusal(
  where: string,
  value: string,
  found: NonNullable<ReturnType<typeof stringProblem>>,
  node: ASTNode | undefined,
) {
  const hex = found.codePoint?.toString(16).toUpperCase().padStart(4, '0');
  const subject = where.charAt(0).toUpperCase() + where.slice(1);
  const message =
    found.problem === 'TOO_LONG'
      ? `${subject} dài ${value.length.toLocaleString('vi-VN')} ký tự, vượt quá giới hạn ${MAX_INPUT_STRING_LENGTH.toLocaleString('vi-VN')} ký tự.`
      : found.problem === 'CONTROL_CHARACTER'
        ? `${subject} chứa ký tự điều khiển U+${hex}, không được phép.`
        : `${subject} chứa ký tự Unicode không hợp lệ (nửa cặp UTF-16 đứng một mình).`;
  return new GraphQLError(message, {
    nodes: node ?? null,
    extensions: {
      code: CODE,
      reason: found.problem,
      ...(found.problem === 'TOO_LONG' ? { max: MAX_INPUT_STRING_LENGTH } : {}),
      // Yoga answers with the highest status its errors carry, and strips `http` from the body.
      http: { status: 400 },
    },
  });
}

/** The first unfit string in the operation's variables: a breadth-first walk, so no deep recursion. */
function variablesError(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  variables: Readonly<Record<string, unknown>> | null | undefined,
): GraphQLError | null {
  if (!variables || typeof variables !== 'object') return null;
  // Each entry points at its parent: the path is spelled out only for the value refused.
  const queue: { value: unknown; key: string | number; parent: number; definition: ASTNode }[] = [];
  // Only declared variables reach resolvers; graphql-js ignores the others.
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    if (selfChecked(schema, namedTypeOf(definition.type))) continue;
    if (Object.hasOwn(variables, name))
      queue.push({ value: variables[name], key: name, parent: -1, definition });
  }
  for (let i = 0; i < queue.length; i++) {
    const { value, definition } = queue[i]!;
    if (typeof value === 'string') {
      const found = stringProblem(value);
      if (found) return refusal(`biến "${variablePath(queue, i)}"`, value, found, definition);
    } else if (Array.isArray(value)) {
      for (const [key, item] of value.entries()) queue.push({ value: item, key, parent: i, definition });
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value))
        queue.push({ value: item, key, parent: i, definition });
    }
  }
  return null;
}

/** "$events[3].apologyRef" */
function variablePath(queue: readonly { key: string | number; parent: number }[], index: number): string {
  const parts: string[] = [];
  for (let i = index; i >= 0; i = queue[i]!.parent) {
    const { key, parent } = queue[i]!;
    parts.push(parent < 0 ? `$${key}` : typeof key === 'number' ? `[${key}]` : `.${key}`);
  }
  return parts.reverse().join('');
}

/** Literal errors depend on the document alone, and Yoga reuses parsed documents: check each once. */
const literalChecks = new WeakMap<DocumentNode, GraphQLError | null>();

function literalsError(schema: GraphQLSchema, document: DocumentNode): GraphQLError | null {
  const cached = literalChecks.get(document);
  if (cached !== undefined) return cached;
  let error: GraphQLError | null = null;
  // Object literals of a self-checked input type being visited (they may nest).
  let insideSelfChecked = 0;
  const typeInfo = new TypeInfo(schema);
  const entersSelfChecked = () => {
    const type = typeInfo.getInputType();
    return selfChecked(schema, type ? getNamedType(type).name : undefined);
  };
  // graphql-js's visitor is iterative: a deeply nested literal cannot overflow the stack here.
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      ObjectValue: {
        enter() {
          if (entersSelfChecked()) insideSelfChecked++;
        },
        leave() {
          if (entersSelfChecked()) insideSelfChecked--;
        },
      },
      StringValue(node, _key, parent, path, ancestors) {
        if (insideSelfChecked > 0) return undefined;
        const found = stringProblem(node.value);
        if (!found) return undefined;
        // `ancestors` stops before the parent.
        error = refusal(literalPath([...ancestors, parent!], path), node.value, found, node);
        return BREAK;
      },
    }),
  );
  literalChecks.set(document, error);
  return error;
}

/**
 * "tham số "filter.search" của trường "procedures"", "tham số "ids[2]" của trường "nodes"", or for a
 * variable's default value "giá trị mặc định của biến "$s"".
 */
function literalPath(
  ancestors: readonly (ASTNode | readonly ASTNode[])[],
  path: readonly (string | number)[],
) {
  let owner = '';
  let argument = '';
  let ownerKind = '';
  // ancestors[i][path[i]] is ancestors[i + 1] (or the string itself for the last one).
  ancestors.forEach((ancestor, i) => {
    if (Array.isArray(ancestor)) return;
    const node = ancestor as ASTNode;
    switch (node.kind) {
      case Kind.FIELD:
      case Kind.DIRECTIVE:
        owner = node.name.value;
        ownerKind = node.kind;
        argument = '';
        break;
      case Kind.VARIABLE_DEFINITION:
        owner = node.variable.name.value;
        ownerKind = node.kind;
        argument = '';
        break;
      case Kind.ARGUMENT:
        argument = node.name.value;
        break;
      case Kind.OBJECT_FIELD:
        argument += `.${node.name.value}`;
        break;
      case Kind.LIST:
        // path[i] is "values", path[i + 1] the index in it.
        argument += `[${String(path[i + 1])}]`;
        break;
      default:
    }
  });
  if (ownerKind === Kind.VARIABLE_DEFINITION) return `giá trị mặc định của biến "$${owner}"`;
  const at = ownerKind === Kind.DIRECTIVE ? `chỉ thị "@${owner}"` : `trường "${owner}"`;
  return `tham số "${argument}" của ${at}`;
}

/**
 * Why the operation must not run, or null. Exported for the paths that do not go through Yoga's
 * execute/subscribe hooks (graphql-ws subscriptions run graphql-js's subscribe directly).
 */
export function inputStringError(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Readonly<Record<string, unknown>> | null | undefined,
): GraphQLError | null {
  const literal = literalsError(schema, document);
  if (literal) return literal;
  const operation = getOperationAST(document, operationName);
  return operation ? variablesError(schema, operation, variables) : null;
}

/** The Yoga plugin: queries and mutations (HTTP and WebSocket), subscriptions over HTTP (SSE). */
export function useInputStringChecks(): Plugin {
  const check = ({
    args,
    setResultAndStopExecution,
  }: {
    args: {
      schema: GraphQLSchema;
      document: DocumentNode;
      operationName?: string | null;
      variableValues?: Readonly<Record<string, unknown>> | null;
    };
    setResultAndStopExecution: (result: { errors: GraphQLError[] }) => void;
  }) => {
    const error = inputStringError(args.schema, args.document, args.operationName, args.variableValues);
    if (error) setResultAndStopExecution({ errors: [error] });
  };
  return { onExecute: check, onSubscribe: check };
}
