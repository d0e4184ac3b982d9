// Query limits (docs/limits.md): the shape of a document, its cost before execution, the budgets
// per caller, the execution deadline, and the WebSocket caps — against the real API over HTTP and
// WebSocket. The hostile documents are those of the security review: nested lists, fragment
// expansion, thousands of aliases, a document nested 10,000 levels.
import { createApiKey, loadLimits } from '@tthc/api';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { TestApi } from '../support/api.ts';
import { startSeededApi } from '../support/seeded.ts';

const PROVINCE = '56'; // Khánh Hòa in the seed

let t: TestApi;
let key: Record<string, string>;
beforeAll(async () => {
  t = await startSeededApi(100);
  key = await keyWith(6000);
});
afterAll(async () => {
  await t?.close();
});

async function keyWith(rateLimitPerMinute: number, api = t): Promise<Record<string, string>> {
  const created = await createApiKey(
    api.api.services.prisma,
    { name: `limits ${rateLimitPerMinute}`, scopes: ['READ'], rateLimitPerMinute },
    'TEST',
  );
  return { authorization: `Bearer ${created.key}` };
}

interface Answer {
  status: number;
  headers: Headers;
  body: {
    data?: unknown;
    errors?: { message: string; extensions?: Record<string, unknown> }[];
    extensions?: {
      cost?: { requestedQueryCost: number; maxQueryCost: number; budget: { remaining: number } };
    };
  };
}

async function post(api: TestApi, query: string, headers: Record<string, string> = {}): Promise<Answer> {
  const res = await fetch(api.url, {
    method: 'POST',
    // application/json: the status must not depend on the GraphQL-over-HTTP media type.
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as Answer['body'] };
}

const codeOf = (a: Answer) => a.body.errors?.[0]?.extensions?.code;

/** `agency { children { parent { children … } } }`, `levels` times. */
function nestedChildren(levels: number): string {
  let selection = 'name';
  for (let i = 0; i < levels; i++) selection = `children { parent { ${selection} } }`;
  return `{ agency(code: "${PROVINCE}") { ${selection} } }`;
}

describe('the shape of a document is refused before validation, with HTTP 400 and a code', () => {
  it('a document nested 10,000 levels (was HTTP 500)', async () => {
    const a = await post(t, `${'{a'.repeat(10_000)}${'}'.repeat(10_000)}`);
    expect(a.status).toBe(400);
    expect(codeOf(a)).toMatch(/^QUERY_TOO_(DEEP|LARGE)$/);
  });

  it('more tokens than the ceiling', async () => {
    const a = await post(t, `{ ${Array.from({ length: 12_000 }, () => '__typename').join(' ')} }`);
    expect(a.status).toBe(400);
    expect(codeOf(a)).toBe('QUERY_TOO_LARGE');
    expect(a.body.errors?.[0]?.message).toMatch(/10000/);
  });

  it('fields nested deeper than 12 levels, fragments flattened', async () => {
    // 13 levels: agency > parent × 11 > name.
    const a = await post(
      t,
      `{ agency(code: "${PROVINCE}") { ${'parent { '.repeat(11)}name${' }'.repeat(11)} } }`,
    );
    expect(a.status).toBe(400);
    expect(codeOf(a)).toBe('QUERY_TOO_DEEP');
    expect(a.body.errors?.[0]?.extensions?.maxDepth).toBe(12);
    // 12 levels pass (and cost 11 points: one per object field).
    const ok = await post(
      t,
      `{ agency(code: "${PROVINCE}") { ${'parent { '.repeat(10)}name${' }'.repeat(10)} } }`,
    );
    expect(ok.status).toBe(200);
    expect(ok.body.errors).toBeUndefined();
    expect(ok.body.extensions?.cost?.requestedQueryCost).toBe(11);
  });

  it('more than 50 aliases, counted through fragments', async () => {
    const fields = Array.from({ length: 30 }, (_, i) => `a${i}: agency(code: "${PROVINCE}") { name }`).join(
      ' ',
    );
    // The fragment's 30 aliases are used twice: 60 in the operation.
    const a = await post(t, `{ ...F x: __typename ...F } fragment F on Query { ${fields} }`);
    expect(a.status).toBe(400);
    expect(codeOf(a)).toBe('TOO_MANY_ALIASES');
  });

  it('more than 20 directives', async () => {
    const a = await post(
      t,
      `{ ${Array.from({ length: 21 }, () => '__typename @include(if: true)').join(' ')} }`,
    );
    expect(a.status).toBe(400);
    expect(codeOf(a)).toBe('TOO_MANY_DIRECTIVES');
  });

  it('introspection (GraphiQL) still works', async () => {
    const { getIntrospectionQuery } = await import('graphql');
    const a = await post(t, getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true }));
    expect(a.status).toBe(200);
    expect(a.body.errors).toBeUndefined();
  });
});

describe('the cost of an operation is computed before it runs', () => {
  it('five levels of children × parent (the query that ran the heap out) is refused', async () => {
    const a = await post(t, nestedChildren(5));
    expect(a.status).toBe(400);
    expect(codeOf(a)).toBe('QUERY_TOO_COMPLEX');
    // children costs 1 + 100 × (1 + its selection): 5 levels exceed 100^5 points.
    expect(a.body.errors?.[0]?.extensions?.cost).toBeGreaterThan(100 ** 5);
    expect(a.body.errors?.[0]?.extensions?.maxCost).toBe(1000);
    expect(a.body.errors?.[0]?.message).toMatch(/first|lồng nhau/);
  });

  it('fragment expansion is costed without being expanded', async () => {
    // F_i selects F_{i-1} under three different fields: 3^10 copies of F0 if it ran. Depth 11.
    let fragments = 'fragment F0 on Agency { name }\n';
    for (let i = 1; i <= 10; i++) {
      fragments += `fragment F${i} on Agency { parent { ...F${i - 1} } successor { ...F${i - 1} } predecessors { ...F${i - 1} } }\n`;
    }
    const started = performance.now();
    const a = await post(t, `{ agency(code: "${PROVINCE}") { ...F10 } }\n${fragments}`);
    expect(a.status).toBe(400);
    expect(codeOf(a)).toBe('QUERY_TOO_COMPLEX');
    // Not a timing assertion of the refusal (docs/benchmarks.md has those): it did not run.
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('reports the cost and the budget left in extensions; lists cost by `first`', async () => {
    // procedures (1 + 7 × (edge 0 + node 1 + sector 1)) = 15 points.
    const a = await post(t, '{ procedures(first: 7) { edges { node { code sector { name } } } } }');
    expect(a.status).toBe(200);
    expect(a.body.extensions?.cost).toMatchObject({ requestedQueryCost: 15, maxQueryCost: 1000 });
    const b = await post(t, '{ procedures(first: 7) { edges { node { code sector { name } } } } }');
    expect(b.body.extensions?.cost?.budget.remaining).toBe(
      (a.body.extensions?.cost?.budget.remaining ?? 0) - 15,
    );
  });

  it('an API key has a higher ceiling than an anonymous caller', async () => {
    // agency 1 + subtree (1 + 200 × (1 + stats 10)) = 2,202 points: over 1,000, under 5,000.
    const query = `{ agency(code: "${PROVINCE}") { subtree { stats(period: { from: "2026-01-01", to: "2026-03-31" }) { received } } } }`;
    const anonymous = await post(t, query);
    expect(codeOf(anonymous)).toBe('QUERY_TOO_COMPLEX');
    expect(anonymous.body.errors?.[0]?.extensions?.cost).toBe(2202);
    const keyed = await post(t, query, key);
    expect(keyed.status).toBe(200);
    expect(keyed.body.errors).toBeUndefined();
    expect(keyed.body.extensions?.cost).toMatchObject({ requestedQueryCost: 2202, maxQueryCost: 5000 });
  });
});

describe('budgets per caller, HTTP 429 with Retry-After and RateLimit headers', () => {
  let small: TestApi;
  beforeAll(async () => {
    const defaults = loadLimits({});
    small = await startSeededApi(0, {
      limits: {
        ...defaults,
        anonymous: { requestsPerMinute: 5, maxQueryCost: 1000, costPerMinute: 40 },
        apiKey: { ...defaults.apiKey, costPerMinute: 1_000_000 },
      },
    });
  });
  afterAll(async () => {
    await small?.close();
  });

  it('counts anonymous requests per IP, invalid ones included', async () => {
    const answers: Answer[] = [];
    for (let i = 0; i < 4; i++) answers.push(await post(small, '{ __typename }'));
    answers.push(await post(small, '{ nope }')); // invalid: counted all the same
    const refused = await post(small, '{ __typename }');
    expect(answers.map((a) => a.headers.get('ratelimit-remaining'))).toEqual(['4', '3', '2', '1', '0']);
    expect(answers[0]?.headers.get('ratelimit-limit')).toBe('5');
    expect(refused.status).toBe(429);
    expect(codeOf(refused)).toBe('RATE_LIMITED');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(refused.headers.get('ratelimit-remaining')).toBe('0');
  });

  it("counts a key's requests against the key's own limit, apart from other keys", async () => {
    const three = await keyWith(3, small);
    const other = await keyWith(3, small);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await post(small, '{ __typename }', three)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect((await post(small, '{ __typename }', other)).status).toBe(200);
  });

  it("counts the key's national sync requests too", async () => {
    const { key: ingest } = await createApiKey(
      small.api.services.prisma,
      { name: 'sync 2', scopes: ['INGEST'], rateLimitPerMinute: 2 },
      'TEST',
    );
    const sync = () =>
      fetch(small.url.replace('/graphql', '/api/dvcqg/dong-bo-ho-so'), {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${ingest}` },
        body: '[]',
      });
    const answers = [await sync(), await sync(), await sync()];
    expect(answers.map((a) => a.status)).toEqual([200, 200, 429]);
    expect(await answers[2]?.json()).toMatchObject({ code: 'RATE_LIMITED' });
    expect(Number(answers[2]?.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  });
});

describe('cost budget exhaustion', () => {
  let tiny: TestApi;
  beforeAll(async () => {
    const defaults = loadLimits({});
    tiny = await startSeededApi(0, {
      limits: { ...defaults, anonymous: { requestsPerMinute: 1000, maxQueryCost: 1000, costPerMinute: 50 } },
    });
  });
  afterAll(async () => {
    await tiny?.close();
  });

  it('refuses with 429 policy "cost" once the points of the minute are spent, and charges nothing for it', async () => {
    const query = '{ procedures(first: 10) { edges { node { sector { name } } } } }'; // 1 + 10 × 2 = 21
    const first = await post(tiny, query);
    const second = await post(tiny, query);
    const third = await post(tiny, query);
    expect([first.status, second.status, third.status]).toEqual([200, 200, 429]);
    expect(second.body.extensions?.cost?.budget.remaining).toBe(8);
    expect(third.body.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', policy: 'cost' });
    // 8 points are still there for a cheaper query.
    const cheap = await post(tiny, '{ procedures(first: 3) { edges { node { sector { name } } } } }'); // 7
    expect(cheap.status).toBe(200);
    expect(cheap.body.extensions?.cost?.budget.remaining).toBe(1);
  });
});

describe('execution deadline', () => {
  let hasty: TestApi;
  beforeAll(async () => {
    hasty = await startSeededApi(0, { limits: { ...loadLimits({}), executionTimeoutMs: 1 } });
  });
  afterAll(async () => {
    await hasty?.close();
  });

  it('stops an operation that outlives the deadline with QUERY_TIMEOUT (503)', async () => {
    const a = await post(
      hasty,
      '{ procedures(first: 50) { edges { node { code agencies { name } sector { name } } } } }',
    );
    expect(a.status).toBe(503);
    expect(codeOf(a)).toBe('QUERY_TIMEOUT');
    expect(a.body.errors?.[0]?.message).toMatch(/giây/);
  });
});

describe('WebSocket', () => {
  const ws = (api: TestApi, connectionParams?: Record<string, unknown>) =>
    createClient({
      url: api.url.replace('http', 'ws'),
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      ...(connectionParams ? { connectionParams } : {}),
    });

  it('closes a connection with a bad or revoked key with 4403', async () => {
    const client = ws(t, { authorization: `Bearer tthc_000000000000_${'A'.repeat(43)}` });
    const closed = new Promise<number>((resolve) =>
      client.on('closed', (e) => resolve((e as { code: number }).code)),
    );
    client.subscribe({ query: '{ __typename }' }, { next: () => {}, error: () => {}, complete: () => {} });
    expect(await closed).toBe(4403);
    await client.dispose();
  });

  it('caps active subscriptions per connection', async () => {
    const client = ws(t);
    const query = `subscription { statsChanged(scope: { agencyCode: "${PROVINCE}" }, period: { from: "2026-01-01", to: "2026-01-31" }) { received } }`;
    const outcomes: string[] = [];
    const subscribe = () =>
      new Promise<void>((resolve) => {
        client.subscribe(
          { query },
          {
            next: () => {
              outcomes.push('next');
              resolve();
            },
            error: (e) => {
              outcomes.push(String((e as { extensions?: { code?: string } }[])[0]?.extensions?.code));
              resolve();
            },
            complete: () => resolve(),
          },
        );
      });
    for (let i = 0; i < 26; i++) await subscribe();
    expect(outcomes.filter((o) => o === 'next')).toHaveLength(25);
    expect(outcomes.at(-1)).toBe('TOO_MANY_SUBSCRIPTIONS');
    await client.dispose();
  });
});

describe('connections per IP (WebSocket and SSE together)', () => {
  let capped: TestApi;
  beforeAll(async () => {
    capped = await startSeededApi(0, { limits: { ...loadLimits({}), wsConnectionsPerIp: 2 } });
  });
  afterAll(async () => {
    await capped?.close();
  });

  const openSocket = (api: TestApi) =>
    new Promise<{ socket?: WebSocket; status?: number }>((resolve) => {
      const socket = new WebSocket(api.url.replace('http', 'ws'), 'graphql-transport-ws');
      socket.once('open', () => resolve({ socket }));
      socket.once('unexpected-response', (_req, res) => resolve({ status: res.statusCode }));
    });

  it('refuses the third connection with HTTP 429, and frees the slot when one closes', async () => {
    const one = await openSocket(capped);
    const two = await openSocket(capped);
    expect(one.socket && two.socket).toBeTruthy();
    expect((await openSocket(capped)).status).toBe(429);
    const sse = await fetch(capped.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(sse.status).toBe(429);
    expect(
      ((await sse.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code,
    ).toBe('TOO_MANY_CONNECTIONS');
    const closed = new Promise((resolve) => one.socket?.once('close', resolve));
    one.socket?.close();
    await closed;
    await new Promise((resolve) => setTimeout(resolve, 50));
    const three = await openSocket(capped);
    expect(three.socket).toBeTruthy();
    two.socket?.close();
    three.socket?.close();
  });
});

describe('budgets shared by the instances through Redis', () => {
  const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  // An uncommon window size of its own, so no other test's counters share these Redis keys.
  const limit = 7 + Math.floor(Math.random() * 400);
  let a: TestApi;
  let b: TestApi;
  beforeAll(async () => {
    const limits = {
      ...loadLimits({}),
      anonymous: { requestsPerMinute: limit, maxQueryCost: 1000, costPerMinute: 1e6 },
    };
    [a, b] = await Promise.all([
      startSeededApi(0, { redisUrl: REDIS_URL, limits }),
      startSeededApi(0, { redisUrl: REDIS_URL, limits }),
    ]);
    await Promise.all([a.api.budgets.whenConnected(), b.api.budgets.whenConnected()]);
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
  });

  it('counts one IP across two API instances, atomically', async () => {
    // Both instances at once, one more request than the window holds: exactly one is refused.
    const answers = await Promise.all(
      Array.from({ length: limit + 1 }, (_, i) => post(i % 2 === 0 ? a : b, '{ __typename }')),
    );
    const statuses = answers.map((x) => x.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(limit);
    expect(statuses.filter((s) => s === 429)).toHaveLength(1);
  });
});

describe('production', () => {
  let production: TestApi;
  beforeAll(async () => {
    production = await startSeededApi(0, { env: 'production', ratingSecret: 'a'.repeat(40) });
  });
  afterAll(async () => {
    await production?.close();
  });

  it('does not suggest field names to whoever probes the schema', async () => {
    const dev = await post(t, '{ procedur(code: "x") { code } }');
    expect(dev.body.errors?.[0]?.message).toMatch(/Did you mean/);
    const prod = await post(production, '{ procedur(code: "x") { code } }');
    expect(prod.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(prod.body.errors?.[0]?.message).not.toMatch(/Did you mean|procedure/);
  });
});
