import { buildSchema, type GraphQLInputObjectType, parse } from 'graphql';
import { createSchema, createYoga } from 'graphql-yoga';
import { describe, expect, it } from 'vitest';
import { CHECKS_ITS_OWN_STRINGS } from '../schema/extensions.ts';
import {
  inputStringError,
  MAX_INPUT_STRING_LENGTH,
  stringProblem,
  useInputStringChecks,
} from './input-strings.ts';

describe('stringProblem', () => {
  it('refuses C0 control characters but TAB, LF and CR, and DEL', () => {
    for (const c of [0x00, 0x01, 0x08, 0x0b, 0x0c, 0x0e, 0x1b, 0x1f, 0x7f]) {
      expect(stringProblem(`a${String.fromCharCode(c)}b`)).toEqual({
        problem: 'CONTROL_CHARACTER',
        codePoint: c,
      });
    }
    expect(stringProblem('dòng 1\r\ndòng 2\tcột')).toBeNull();
  });

  it('accepts Vietnamese in either normal form and characters outside the BMP', () => {
    expect(stringProblem('Đăng ký khai sinh')).toBeNull();
    expect(stringProblem('Đăng ký khai sinh'.normalize('NFD'))).toBeNull();
    expect(stringProblem('rất hài lòng 👍𠀀')).toBeNull();
  });

  it('refuses a surrogate without its pair, wherever it is', () => {
    expect(stringProblem('a\ud800')).toEqual({ problem: 'INVALID_UNICODE' });
    expect(stringProblem('\ud800a')).toEqual({ problem: 'INVALID_UNICODE' });
    expect(stringProblem('a\udc00b')).toEqual({ problem: 'INVALID_UNICODE' });
    expect(stringProblem('\udc00\ud800')).toEqual({ problem: 'INVALID_UNICODE' });
  });

  it('refuses strings over the ceiling', () => {
    expect(stringProblem('x'.repeat(MAX_INPUT_STRING_LENGTH))).toBeNull();
    expect(stringProblem('x'.repeat(MAX_INPUT_STRING_LENGTH + 1))).toEqual({ problem: 'TOO_LONG' });
  });
});

describe('inputStringError', () => {
  const schema = buildSchema(`
    input Filter { search: String tags: [String!] inner: Filter }
    input Item { code: String! note: String }
    type Query { echo(text: String, filter: Filter, ids: [ID!]): String }
    type Mutation { record(items: [Item!]!, label: String): Int }
  `);
  // What Pothos sets with \`extensions: { checksItsOwnStrings: true }\` (schema/dossier.ts).
  Object.assign(schema.getType('Item') as GraphQLInputObjectType, {
    extensions: { [CHECKS_ITS_OWN_STRINGS]: true },
  });

  it('ignores variables the operation does not declare (graphql-js never passes them on)', () => {
    const document = parse('query($a: String) { echo(text: $a) }');
    expect(inputStringError(schema, document, null, { a: 'ok', other: '\u0000' })).toBeNull();
  });

  it('walks deeply nested variables without recursion', () => {
    let deep: unknown = 'a\u0000';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const error = inputStringError(schema, parse('query($v: [String]) { echo(text: "x") }'), null, {
      v: deep,
    });
    expect(error?.extensions.code).toBe('INVALID_STRING');
  });

  it('checks the literals of every operation and fragment of the document', () => {
    const document = parse(`
      query A { echo(text: "ok") }
      query B { ...F }
      fragment F on Query { echo(filter: { tags: ["ok", "\\u0007"] }) }`);
    expect(inputStringError(schema, document, 'A', {})?.message).toBe(
      'Tham số "filter.tags[1]" của trường "echo" chứa ký tự điều khiển U+0007, không được phép.',
    );
  });

  it('leaves the items of a batch to their service, which refuses them by index', () => {
    const byVariable = parse('mutation($items: [Item!]!) { record(items: $items) }');
    expect(
      inputStringError(schema, byVariable, null, { items: [{ code: 'A' }, { code: 'B\u0000' }] }),
    ).toBeNull();
    const byLiteral = parse('mutation { record(items: [{ code: "A" }, { code: "B\\u0000" }]) }');
    expect(inputStringError(schema, byLiteral, null, {})).toBeNull();
    // The other arguments of the same field are still checked.
    const label = parse('mutation { record(items: [], label: "\\u0001") }');
    expect(inputStringError(schema, label, null, {})?.extensions.code).toBe('INVALID_STRING');
  });
});

describe('useInputStringChecks (through Yoga)', () => {
  let calls = 0;
  const yoga = createYoga({
    logging: false,
    plugins: [useInputStringChecks()],
    schema: createSchema({
      typeDefs: /* GraphQL */ `
        input Filter {
          search: String
          tags: [String!]
          inner: Filter
        }
        type Query {
          echo(text: String, filter: Filter, ids: [ID!]): String
        }
        type Subscription {
          echoed(text: String): String
        }
      `,
      resolvers: {
        Query: {
          echo: (_: unknown, args: unknown) => {
            calls++;
            return JSON.stringify(args);
          },
        },
        Subscription: {
          echoed: {
            subscribe: async function* (_: unknown, { text }: { text: string }) {
              calls++;
              yield { echoed: text };
            },
          },
        },
      },
    }),
  });

  async function post(query: string, variables?: Record<string, unknown>, accept = 'application/json') {
    const res = await yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept },
      body: JSON.stringify({ query, variables }),
    });
    return { status: res.status, text: await res.text() };
  }

  async function refused(query: string, variables?: Record<string, unknown>) {
    const before = calls;
    const { status, text } = await post(query, variables);
    const body = JSON.parse(text) as { data?: unknown; errors: { message: string; extensions: object }[] };
    expect(calls).toBe(before); // nothing ran
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    expect(body.errors).toHaveLength(1);
    return body.errors[0]!;
  }

  it('refuses a NUL in a variable, naming its path, with 400 and INVALID_STRING', async () => {
    const error = await refused('query($f: Filter) { echo(filter: $f) }', {
      f: { inner: { tags: ['ok', 'a\u0000b'] } },
    });
    expect(error.message).toBe('Biến "$f.inner.tags[1]" chứa ký tự điều khiển U+0000, không được phép.');
    // `http` is for Yoga only: it is not sent.
    expect(error.extensions).toEqual({ code: 'INVALID_STRING', reason: 'CONTROL_CHARACTER' });
  });

  it('refuses a NUL written as an escape in a literal, nested in an input object', async () => {
    const error = await refused('{ echo(filter: { inner: { search: "a\\u0000" } }) }');
    expect(error.message).toContain('Tham số "filter.inner.search" của trường "echo"');
    expect(error).toMatchObject({ locations: [{ line: 1, column: 35 }] });
  });

  it('refuses a bad default value of a variable', async () => {
    const error = await refused('query($t: String = "\\u001b[2J") { echo(text: $t) }');
    expect(error.message).toContain('Giá trị mặc định của biến "$t"');
  });

  it('refuses a lone surrogate, which JSON can carry but PostgreSQL would turn into U+FFFD', async () => {
    const error = await refused('query($ids: [ID!]) { echo(ids: $ids) }', { ids: ['1', '\ud83d'] });
    expect(error).toMatchObject({ extensions: { code: 'INVALID_STRING', reason: 'INVALID_UNICODE' } });
    expect(error.message).toContain('"$ids[1]"');
  });

  it('refuses an over-long string before any resolver sees it', async () => {
    const error = await refused('query($t: String) { echo(text: $t) }', {
      t: 'từ '.repeat(50_000),
    });
    expect(error).toMatchObject({
      extensions: { code: 'INVALID_STRING', reason: 'TOO_LONG', max: MAX_INPUT_STRING_LENGTH },
    });
    expect(error.message).toBe('Biến "$t" dài 150.000 ký tự, vượt quá giới hạn 10.000 ký tự.');
  });

  it('refuses subscriptions over HTTP too', async () => {
    const before = calls;
    const { text } = await post('subscription { echoed(text: "\\u0000") }', undefined, 'text/event-stream');
    expect(calls).toBe(before);
    expect(text).toContain('INVALID_STRING');
  });

  it('lets ordinary text through, with tabs and new lines', async () => {
    const { status, text } = await post('query($t: String) { echo(text: $t, ids: ["1"]) }', {
      t: 'Ý kiến:\n\tNhân viên hướng dẫn tận tình 👍',
    });
    expect(status).toBe(200);
    expect(JSON.parse(text)).toEqual({
      data: { echo: JSON.stringify({ text: 'Ý kiến:\n\tNhân viên hướng dẫn tận tình 👍', ids: ['1'] }) },
    });
  });
});
