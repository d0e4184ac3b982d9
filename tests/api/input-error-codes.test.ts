// Every way an input can fail to fit is answered with a stable code (docs/limits.md "Error codes"),
// whichever path produced it: graphql-js's coercion of variables (a String for an Int, a required
// variable missing, a Boolean for @include), Pothos's checks of connection arguments, the choice of
// the operation (`operationName`), over HTTP, Server-Sent Events and WebSocket — where
// subscriptions run on graphql-js directly (api/src/server/websocket.ts) and used to come back
// without a code. One test per path.
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { TestApi } from '../support/api.ts';
import { startSeededApi } from '../support/seeded.ts';

let t: TestApi;
beforeAll(async () => {
  t = await startSeededApi(0);
});
afterAll(async () => {
  await t?.close();
});

type Errors = { message: string; extensions?: { code?: string } }[];

/** The codes of an answer over HTTP, and its status. */
async function overHttp(body: Record<string, unknown>, headers: Record<string, string> = {}) {
  const res = await fetch(t.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const { errors } = (await res.json()) as { errors?: Errors };
  return { status: res.status, errors: errors ?? [], codes: (errors ?? []).map((e) => e.extensions?.code) };
}

/** The errors of one operation over WebSocket: refused before it starts, or in its one result. */
function overWebSocket(body: { query: string; variables?: Record<string, unknown>; operationName?: string }) {
  const client = createClient({
    url: t.url.replace('http', 'ws'),
    webSocketImpl: WebSocket,
    retryAttempts: 0,
  });
  return new Promise<Errors>((resolve, reject) => {
    client.subscribe(body, {
      next: (result) => resolve((result.errors ?? []) as Errors),
      error: (errors) =>
        Array.isArray(errors) ? resolve(errors as Errors) : reject(new Error(`closed: ${String(errors)}`)),
      complete: () => {},
    });
  }).finally(() => client.dispose());
}

const PERIOD = '{ from: "2026-01-01", to: "2026-01-31" }';
const STATS_SUB = `subscription($scope: StatsScope!, $period: PeriodInput!) {
  statsChanged(scope: $scope, period: $period) { received } }`;
const AGENCIES = 'query($n: Int) { agencies(first: $n) { totalCount } }';
const codesOf = (errors: Errors) => errors.map((e) => e.extensions?.code);

describe('over HTTP', () => {
  it('a variable of the wrong type: a String for an Int', async () => {
    const a = await overHttp({ query: AGENCIES, variables: { n: 'mười' } });
    expect(a).toMatchObject({ status: 400, codes: ['BAD_USER_INPUT'] });
  });

  it('a required variable missing', async () => {
    const a = await overHttp({ query: 'query($code: String!) { agency(code: $code) { name } }' });
    expect(a).toMatchObject({ status: 400, codes: ['BAD_USER_INPUT'] });
  });

  it('more values wrong than graphql-js reports one by one ("Too many errors")', async () => {
    const ids = Array.from({ length: 60 }, (_, i) => ({ id: i }));
    const a = await overHttp({
      query: 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }',
      variables: { ids },
    });
    expect(a.status).toBe(400);
    expect(a.errors.at(-1)?.message).toMatch(/^Too many errors processing variables/);
    expect(new Set(a.codes)).toEqual(new Set(['BAD_USER_INPUT']));
  });

  it('a variable of @include that is not a Boolean', async () => {
    const a = await overHttp({
      query: 'query($i: Boolean!) { __typename @include(if: $i) }',
      variables: { i: 'có' },
    });
    expect(a).toMatchObject({ status: 400, codes: ['BAD_USER_INPUT'] });
  });

  it('connection arguments Pothos refuses: a negative page size, a cursor that does not decode', async () => {
    for (const query of [
      '{ agencies(first: -1) { totalCount } }',
      '{ procedures(last: -5) { totalCount } }',
      '{ procedures(first: 2, after: "khong-phai-con-tro") { totalCount } }',
    ]) {
      const a = await overHttp({ query });
      expect(a.codes.length, query).toBe(1);
      expect(a.codes[0], query).toMatch(/^(BAD_USER_INPUT|INVALID_CURSOR)$/);
      expect(a.status, query).toBeLessThan(500);
    }
  });

  it('an operationName the document does not define, or none among several operations', async () => {
    for (const body of [
      { query: 'query A { __typename }', operationName: 'B' },
      { query: 'query A { __typename } query B { __typename }' },
      { query: 'query A { __typename }', operationName: 5 },
    ]) {
      const a = await overHttp(body);
      expect(a, JSON.stringify(body)).toMatchObject({ status: 400, codes: ['BAD_REQUEST'] });
      expect(a.errors[0]?.message).toContain('operationName');
    }
  });
});

describe('over Server-Sent Events', () => {
  it('a subscription whose variable is of the wrong type', async () => {
    const res = await fetch(t.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ query: STATS_SUB, variables: { scope: { agencyCode: 56 }, period: {} } }),
    });
    const data = /^data: (.+)$/m.exec(await res.text())?.[1];
    const { errors } = JSON.parse(data ?? '{}') as { errors: Errors };
    expect(errors.length).toBeGreaterThan(0);
    expect(new Set(codesOf(errors))).toEqual(new Set(['BAD_USER_INPUT']));
  });
});

describe('over WebSocket', () => {
  it('a query whose variable is of the wrong type', async () => {
    expect(codesOf(await overWebSocket({ query: AGENCIES, variables: { n: 'mười' } }))).toEqual([
      'BAD_USER_INPUT',
    ]);
  });

  it('a subscription whose variable is of the wrong type (was without a code)', async () => {
    const errors = await overWebSocket({
      query: STATS_SUB,
      variables: { scope: { agencyCode: 56 }, period: { from: '2026-01-01', to: '2026-01-31' } },
    });
    expect(codesOf(errors)).toEqual(['BAD_USER_INPUT']);
    expect(errors[0]?.message).toMatch(/^Variable "\$scope" got invalid value 56/);
  });

  it('a subscription whose required variable is missing (was without a code)', async () => {
    const errors = await overWebSocket({ query: STATS_SUB, variables: { scope: {} } });
    expect(codesOf(errors)).toEqual(['BAD_USER_INPUT']);
    expect(errors[0]?.message).toContain('"$period"');
  });

  it('a subscription whose Date variable does not exist keeps the code of the scalar', async () => {
    const errors = await overWebSocket({
      query: STATS_SUB,
      variables: { scope: {}, period: { from: '2026-02-30', to: '2026-03-31' } },
    });
    expect(codesOf(errors)).toEqual(['INVALID_DATE']);
  });

  it('an operationName the document does not define (was without a code)', async () => {
    const errors = await overWebSocket({ query: 'query A { __typename } query B { __typename }' });
    expect(codesOf(errors)).toEqual(['BAD_REQUEST']);
    const named = await overWebSocket({
      query: `subscription S { statsChanged(scope: {}, period: ${PERIOD}) { received } }`,
      operationName: 'T',
    });
    expect(codesOf(named)).toEqual(['BAD_REQUEST']);
  });
});

describe('the rating form path', () => {
  it('a variable of the wrong type', async () => {
    const res = await fetch(t.url.replace(/\/graphql$/, '/graphql/submit-rating'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ variables: { input: { token: 'x', score: 'năm' } } }),
    });
    const { errors } = (await res.json()) as { errors: Errors };
    expect(errors.length).toBeGreaterThan(0);
    expect(new Set(codesOf(errors))).toEqual(new Set(['BAD_USER_INPUT']));
  });
});
