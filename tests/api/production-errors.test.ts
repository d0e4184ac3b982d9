// No error suggests a name in production (docs/limits.md §1): graphql-js's "Did you mean …?" maps
// the schema for whoever probes it, one typo at a time. Every kind that suggests, in a validation
// error or in the coercion of a variable, over HTTP, Server-Sent Events and WebSocket, against an API
// started with NODE_ENV=production; the same request to an API in test mode shows that each one does
// suggest there, so no case passes for want of a suggestion.
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startTestApi, type TestApi } from '../support/api.ts';

let production: TestApi;
let development: TestApi;
beforeAll(async () => {
  [production, development] = await Promise.all([
    startTestApi({ config: { env: 'production', ratingSecret: 'p'.repeat(40) } }),
    startTestApi(),
  ]);
});
afterAll(async () => {
  await Promise.all([production?.close(), development?.close()]);
});

interface Refusal {
  status: number;
  errors: { message: string; extensions?: { code?: string } }[];
}

async function post(
  api: TestApi,
  body: Record<string, unknown>,
  accept = 'application/json',
): Promise<Refusal> {
  const res = await fetch(api.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept },
    body: JSON.stringify(body),
  });
  if (accept === 'text/event-stream') {
    // One event with the refusal, then `complete`.
    const data = /^data: (.+)$/m.exec(await res.text())?.[1];
    return { status: res.status, ...(JSON.parse(data ?? '{}') as { errors: Refusal['errors'] }) };
  }
  return { status: res.status, ...((await res.json()) as { errors: Refusal['errors'] }) };
}

const PERIOD = 'period: { from: "2026-01-01", to: "2026-01-31" }';

/** Each kind: the request, the code, and the name a suggestion would give away. */
const KINDS: { kind: string; body: Record<string, unknown>; code: string; secret: string }[] = [
  {
    kind: 'unknown field',
    body: { query: '{ procedur(code: "x") { code } }' },
    code: 'GRAPHQL_VALIDATION_FAILED',
    secret: '"procedure"',
  },
  {
    kind: 'unknown argument',
    body: { query: '{ agencies(firs: 1) { totalCount } }' },
    code: 'GRAPHQL_VALIDATION_FAILED',
    secret: '"first"',
  },
  {
    kind: 'unknown argument of a directive',
    body: { query: '{ __typename @skip(iff: true) }' },
    code: 'GRAPHQL_VALIDATION_FAILED',
    secret: '"if"',
  },
  {
    kind: 'unknown type in a variable definition',
    body: { query: `query($s: StatsScop!) { stats(scope: $s, ${PERIOD}) { received } }` },
    code: 'GRAPHQL_VALIDATION_FAILED',
    secret: '"StatsScope"',
  },
  {
    kind: 'unknown type in a fragment',
    body: { query: '{ node(id: "x") { ... on Agenc { code } } }' },
    code: 'GRAPHQL_VALIDATION_FAILED',
    secret: '"Agency"',
  },
  {
    kind: 'field of an interface that only its types have (inline fragment)',
    body: { query: '{ node(id: "x") { code } }' },
    code: 'GRAPHQL_VALIDATION_FAILED',
    secret: '"Procedure"',
  },
  {
    kind: 'unknown enum value in a literal',
    body: { query: `{ statsBreakdown(by: PROCEDUR, scope: {}, ${PERIOD}) { __typename } }` },
    code: 'GRAPHQL_VALIDATION_FAILED',
    secret: '"PROCEDURE"',
  },
  {
    kind: 'unknown enum value in a variable',
    body: {
      query: `query($b: StatsDimension!) { statsBreakdown(by: $b, scope: {}, ${PERIOD}) { __typename } }`,
      variables: { b: 'PROCEDUR' },
    },
    code: 'BAD_USER_INPUT',
    secret: '"PROCEDURE"',
  },
  {
    kind: 'unknown input field in a literal',
    body: { query: `{ stats(scope: { agencyCod: "56" }, ${PERIOD}) { received } }` },
    code: 'GRAPHQL_VALIDATION_FAILED',
    secret: '"agencyCode"',
  },
  {
    kind: 'unknown input field in a variable',
    body: {
      query: `query($s: StatsScope!) { stats(scope: $s, ${PERIOD}) { received } }`,
      variables: { s: { agencyCod: '56' } },
    },
    code: 'BAD_USER_INPUT',
    secret: '"agencyCode"',
  },
  {
    kind: 'unknown input field nested in a list, in a variable',
    body: {
      query: 'mutation($events: [DossierEventInput!]!) { recordDossierEvents(events: $events) { accepted } }',
      variables: { events: [{ dossierCod: 'X' }] },
    },
    code: 'BAD_USER_INPUT',
    secret: '"dossierCode"',
  },
];

describe('over HTTP', () => {
  for (const { kind, body, code, secret } of KINDS) {
    it(kind, async () => {
      const dev = await post(development, body);
      expect(dev.errors.map((e) => e.message).join(' ')).toContain('Did you mean');
      const prod = await post(production, body);
      expect(prod.errors.length).toBeGreaterThan(0);
      expect(prod.errors[0]?.extensions?.code).toBe(code);
      for (const e of prod.errors) expect(e.message).not.toMatch(/Did you mean|Suggestion/);
      // The first error is the one that suggested (others may name a required field, as they must).
      expect(prod.errors[0]?.message).not.toContain(secret);
      // The answer still says what is wrong: only the suggestion is gone.
      expect(prod.errors[0]?.message).toBe(dev.errors[0]?.message.replace(/\s*Did you mean [^?]*\?/, ''));
    });
  }
});

describe('over Server-Sent Events', () => {
  it('a subscription whose variable names an unknown input field', async () => {
    const body = {
      query: `subscription($s: StatsScope!) { statsChanged(scope: $s, ${PERIOD}) { received } }`,
      variables: { s: { agencyCod: '56' } },
    };
    const dev = await post(development, body, 'text/event-stream');
    expect(dev.errors[0]?.message).toContain('Did you mean "agencyCode"?');
    const prod = await post(production, body, 'text/event-stream');
    expect(prod.errors.map((e) => [e.extensions?.code, e.message])).toEqual([
      [
        'BAD_USER_INPUT',
        'Variable "$s" got invalid value { agencyCod: "56" }; Field "agencyCod" is not defined by type "StatsScope".',
      ],
    ]);
  });
});

describe('over WebSocket', () => {
  /** The errors of one operation: refused before it starts, or its one result. */
  function errorsOver(api: TestApi, query: string, variables?: Record<string, unknown>) {
    const client = createClient({
      url: api.url.replace('http', 'ws'),
      webSocketImpl: WebSocket,
      retryAttempts: 0,
    });
    return new Promise<Refusal['errors']>((resolve, reject) => {
      client.subscribe(
        { query, variables },
        {
          next: (result) => resolve((result.errors ?? []) as Refusal['errors']),
          error: (errors) =>
            Array.isArray(errors) ? resolve(errors as Refusal['errors']) : reject(new Error(String(errors))),
          complete: () => {},
        },
      );
    }).finally(() => client.dispose());
  }

  const CASES: [string, string, Record<string, unknown> | undefined, string][] = [
    [
      'validation: an unknown input field in a literal',
      `subscription { statsChanged(scope: { agencyCod: "56" }, ${PERIOD}) { received } }`,
      undefined,
      'GRAPHQL_VALIDATION_FAILED',
    ],
    [
      'a query whose variable names an unknown input field',
      `query($s: StatsScope!) { stats(scope: $s, ${PERIOD}) { received } }`,
      { s: { agencyCod: '56' } },
      'BAD_USER_INPUT',
    ],
    [
      'a subscription whose variable names an unknown input field',
      `subscription($s: StatsScope!) { statsChanged(scope: $s, ${PERIOD}) { received } }`,
      { s: { agencyCod: '56' } },
      'BAD_USER_INPUT',
    ],
  ];
  for (const [label, query, variables, code] of CASES) {
    it(label, async () => {
      const dev = await errorsOver(development, query, variables);
      expect(dev[0]?.message).toContain('Did you mean "agencyCode"?');
      const prod = await errorsOver(production, query, variables);
      expect(prod.map((e) => e.extensions?.code)).toEqual([code]);
      expect(prod[0]?.message).not.toMatch(/Did you mean|agencyCode"/);
    });
  }
});

describe('the rating form path', () => {
  it('answers a misnamed input field without suggesting the right one, in any mode', async () => {
    for (const api of [production, development]) {
      const res = await fetch(api.url.replace(/\/graphql$/, '/graphql/submit-rating'), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ variables: { input: { tokn: 'x', score: 5 } } }),
      });
      const body = (await res.json()) as Refusal;
      expect(body.errors.length).toBeGreaterThan(0);
      for (const e of body.errors) {
        expect(e.extensions?.code).toBe('BAD_USER_INPUT');
        expect(e.message).not.toMatch(/Did you mean/);
      }
      expect(body.errors.map((e) => e.message).join(' ')).toContain('Field "tokn" is not defined');
    }
  });
});
