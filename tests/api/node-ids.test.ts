// `node(id:)` and `nodes(ids:)` (Relay global ids) over real HTTP, as docs/api.md "Errors and limits"
// states them: an id the API did not issue — malformed, or naming a type that is not a node, public
// or private — is BAD_USER_INPUT with one Vietnamese message, the same for every caller (so a forged
// id tells nothing about what exists); a node that no longer exists is null (Relay); the node types
// (Agency, Procedure) are public, a withdrawn procedure included, as by `procedure(code:)`. Never
// "Unexpected error.", a 500, or an error in the server's log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphQLResponse, TestApi } from '../support/api.ts';
import { keyFor } from '../support/keys.ts';
import { addOfficial, sessionOf } from '../support/officials.ts';
import { startSeededApi } from '../support/seeded.ts';

let t: TestApi;
let admin: Record<string, string>;
/** What the server logged at error level while this file ran. */
const logged: string[] = [];
/** Every answer of this file, checked at the end. */
const answers: GraphQLResponse<unknown>[] = [];

beforeAll(async () => {
  t = await startSeededApi(0);
  await addOfficial(t, 'qtht', 'SYSTEM_ADMIN');
  admin = await sessionOf(t, 'qtht');
  const logger = t.api.services.logger as unknown as Record<string, (...args: unknown[]) => void>;
  for (const level of ['error', 'fatal']) {
    const original = logger[level]!.bind(logger);
    logger[level] = (...args: unknown[]) => {
      logged.push(args.map((a) => (a instanceof Error ? a.stack : JSON.stringify(a))).join(' '));
      original(...args);
    };
  }
});
afterAll(async () => {
  await t?.close();
});

const NODE =
  'query($id: ID!) { node(id: $id) { __typename id ... on Agency { code } ... on Procedure { code } } }';
const NODES = 'query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }';
const NOT_ISSUED = 'Mã định danh (ID) không hợp lệ: không phải mã do hệ thống cấp.';
const encode = (text: string) => Buffer.from(text).toString('base64');

async function gql(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>) {
  const res = await t.gql<{ node?: unknown; nodes?: unknown[] }>(query, variables, headers);
  answers.push(res);
  return res;
}

/** The one answer to an id the API did not issue: a field error, BAD_USER_INPUT, node null. */
async function expectNotIssued(id: unknown, headers?: Record<string, string>) {
  const res = await gql(NODE, { id }, headers);
  expect(
    res.errors?.map((e) => [e.extensions?.code, e.message]),
    JSON.stringify(id),
  ).toEqual([['BAD_USER_INPUT', NOT_ISSUED]]);
  expect(res.data?.node ?? null).toBeNull();
  expect(res.status).toBe(200);
}

describe('an id the API did not issue', () => {
  it('malformed: not base64, not "Type:number", or not the exact encoding issued', async () => {
    const agency1 = encode('Agency:1');
    for (const id of [
      '',
      ' ',
      '!!!',
      'Agency:1', // the text itself, not encoded
      encode('Agency'),
      encode('Agency:'),
      encode('Agency:abc'),
      encode('Agency:-1'),
      encode('Agency:01'),
      encode('Agency:1.5'),
      encode('Agency:2147483648'), // past PostgreSQL's integer
      encode('agency:1'),
      encode('Agency:1:2'),
      encode('Tỉnh:1'),
      `${agency1}junk`, // Node's decoder would stop at "=" and read Agency:1
      agency1.replace(/=+$/, ''), // without its padding
      ` ${agency1}`,
      `${agency1.slice(0, 4)}\n${agency1.slice(4)}`,
      'x'.repeat(5000),
      12345, // an Int is a valid ID value; its text is no id of ours
    ]) {
      await expectNotIssued(id);
    }
  });

  it('naming a type that has no global id, public or private, or no type at all', async () => {
    for (const type of ['Sector', 'User', 'ApiKey', 'Dossier', 'ReformTask', 'Query', 'Node', 'Foo']) {
      await expectNotIssued(encode(`${type}:1`));
    }
  });

  it('is answered alike to an anonymous caller, an API key and a system administrator', async () => {
    const read = await keyFor(t, 'READ');
    for (const headers of [undefined, read, admin]) {
      await expectNotIssued(encode('User:1'), headers);
      await expectNotIssued(encode('Agency:abc'), headers);
    }
  });

  it('written in the document rather than in a variable', async () => {
    const res = await gql('{ node(id: "!!!") { id } }');
    expect(res.errors?.map((e) => [e.extensions?.code, e.message, e.path])).toEqual([
      ['BAD_USER_INPUT', NOT_ISSUED, ['node']],
    ]);
    expect(res.data).toEqual({ node: null });
  });

  it('among good ids in nodes(ids:): the whole list is refused, with the same message', async () => {
    const good = (await gql('{ agency(code: "56") { id } }')).data as unknown as { agency: { id: string } };
    const res = await gql(NODES, { ids: [good.agency.id, encode('Sector:1')] });
    expect(res.errors?.map((e) => [e.extensions?.code, e.message])).toEqual([['BAD_USER_INPUT', NOT_ISSUED]]);
    expect(res.data?.nodes ?? null).toBeNull();
  });
});

describe('an id the API issued', () => {
  it('answers null when its object does not exist, without an error', async () => {
    for (const id of [encode('Agency:999999'), encode('Procedure:2147483647')]) {
      const res = await gql(NODE, { id });
      expect(res.errors).toBeUndefined();
      expect(res.data).toEqual({ node: null });
    }
    const many = await gql(NODES, { ids: [encode('Agency:999999'), encode('Procedure:999999')] });
    expect(many.errors).toBeUndefined();
    expect(many.data).toEqual({ nodes: [null, null] });
  });

  it('gives the object back to anyone: agencies and procedures are public', async () => {
    const agency = await gql('{ agency(code: "56") { id code } }');
    const { id } = (agency.data as unknown as { agency: { id: string } }).agency;
    const res = await gql(NODE, { id });
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ node: { __typename: 'Agency', id, code: '56' } });
  });

  it('gives a withdrawn procedure to an anonymous caller, as procedure(code:) does', async () => {
    const before = await gql('{ procedure(code: "1.001193") { id published } }');
    const { id } = (before.data as unknown as { procedure: { id: string } }).procedure;
    const withdrawn = await gql(
      'mutation($input: WithdrawProcedureInput!) { withdrawProcedure(input: $input) { procedure { published } userErrors { code } } }',
      { input: { code: '1.001193', reason: 'Kiểm thử node(id:)' } },
      admin,
    );
    expect(withdrawn.data).toEqual({
      withdrawProcedure: { procedure: { published: false }, userErrors: [] },
    });
    const byCode = await gql('{ procedure(code: "1.001193") { id published } }');
    expect(byCode.data).toEqual({ procedure: { id, published: false } });
    const res = await gql(NODE, { id });
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ node: { __typename: 'Procedure', id, code: '1.001193' } });
  });
});

describe('the server', () => {
  it('never answered 500 or "Unexpected error.", and logged no error', () => {
    expect(answers.length).toBeGreaterThan(40);
    for (const a of answers) {
      expect(a.status).toBeLessThan(500);
      for (const e of a.errors ?? []) {
        expect(e.extensions?.code).not.toBe('INTERNAL_SERVER_ERROR');
        expect(e.message).not.toBe('Unexpected error.');
      }
    }
    expect(logged).toEqual([]);
  });
});
