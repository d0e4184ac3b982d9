// The deadline and the client's disconnection stop an operation between fields, over real HTTP:
// a schema of slow fields (each waits 30 ms) counts how many resolvers started.
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GraphQLInt, GraphQLList, GraphQLObjectType, GraphQLSchema } from 'graphql';
import { createYoga } from 'graphql-yoga';
import { afterEach, describe, expect, it } from 'vitest';
import { useExecutionDeadline } from './execution-deadline.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function slowSchema(started: { count: number }) {
  // Step n resolves after 30 ms and nests step n + 1: resolvers run one after another.
  const Step: GraphQLObjectType = new GraphQLObjectType({
    name: 'Step',
    fields: () => ({
      n: { type: GraphQLInt },
      next: {
        type: Step,
        resolve: async (parent: { n: number }) => {
          started.count += 1;
          await sleep(30);
          return { n: parent.n + 1 };
        },
      },
      all: { type: new GraphQLList(GraphQLInt), resolve: () => [1] },
    }),
  });
  return new GraphQLSchema({
    query: new GraphQLObjectType({
      name: 'Query',
      fields: { start: { type: Step, resolve: () => ({ n: 0 }) } },
    }),
  });
}

const chain = (levels: number) => `{ start { ${'next { '.repeat(levels)}n${' }'.repeat(levels)} } }`;

let server: Server | undefined;
afterEach(() => {
  server?.closeAllConnections();
  server?.close();
});

async function serve(timeoutMs: number, started: { count: number }): Promise<string> {
  const yoga = createYoga({
    schema: slowSchema(started),
    plugins: [useExecutionDeadline(timeoutMs)],
    maskedErrors: false,
    logging: false,
  });
  server = createServer(yoga);
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
}

describe('execution deadline', () => {
  it('answers QUERY_TIMEOUT (503) at the deadline, and starts no resolver after it', async () => {
    const started = { count: 0 };
    const url = await serve(100, started);
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: chain(20) }), // 20 × 30 ms = 600 ms without a deadline
    });
    const body = (await res.json()) as { errors: { extensions: { code: string } }[] };
    expect(res.status).toBe(503);
    expect(body.errors[0]?.extensions.code).toBe('QUERY_TIMEOUT');
    const atAnswer = started.count;
    // 100 ms / 30 ms per step: about 4 steps started, certainly not all 20.
    expect(atAnswer).toBeLessThan(8);
    await sleep(200);
    expect(started.count).toBe(atAnswer);
  });

  it('runs an operation that finishes in time to its end', async () => {
    const started = { count: 0 };
    const url = await serve(2_000, started);
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: chain(3) }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { start: { next: { next: { next: { n: 3 } } } } } });
    expect(started.count).toBe(3);
  });

  it('stops when the client disconnects', async () => {
    const started = { count: 0 };
    const url = new URL(await serve(60_000, started));
    const req = request(url, { method: 'POST', headers: { 'content-type': 'application/json' } });
    req.on('error', () => {});
    req.end(JSON.stringify({ query: chain(20) }));
    await sleep(100);
    req.destroy(); // the client goes away after ~3 steps
    await sleep(150);
    const atDisconnect = started.count;
    expect(atDisconnect).toBeLessThan(8);
    await sleep(400);
    // Without cancellation all 20 steps would have run by now (600 ms in all).
    expect(started.count).toBe(atDisconnect);
  });
});
