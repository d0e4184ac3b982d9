import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { AdminProcedureListDocument } from '../graphql/generated/graphql';
import { listProcedures, normalizeSearch } from './procedures';

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

function fakeFetch(respond: () => Response | Promise<Response>) {
  const bodies: unknown[] = [];
  const impl = (async (_url: string, init: RequestInit) => {
    bodies.push(JSON.parse(String(init.body)));
    return respond();
  }) as unknown as typeof fetch;
  return { impl, bodies };
}

/** A port on which nothing listens: listen, note the port, close. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('normalizeSearch', () => {
  it('trims and collapses whitespace, and treats a missing parameter as no search', () => {
    expect(normalizeSearch('  khai   sinh \n')).toBe('khai sinh');
    expect(normalizeSearch(null)).toBe('');
  });

  it('bounds the length sent to the API', () => {
    expect(normalizeSearch('a'.repeat(500))).toHaveLength(200);
  });
});

describe('listProcedures', () => {
  it('asks for the first page with the search as filter and flattens the connection', async () => {
    const { impl, bodies } = fakeFetch(() =>
      json({
        data: {
          procedures: {
            totalCount: 2,
            edges: [
              {
                node: {
                  code: '1.001193',
                  name: 'Thủ tục đăng ký khai sinh',
                  sector: { name: 'Hộ tịch' },
                  onlineLevel: 'FULL',
                },
              },
              {
                node: {
                  code: '2.000635',
                  name: 'Cấp bản sao trích lục hộ tịch',
                  sector: { name: 'Hộ tịch' },
                  onlineLevel: 'PARTIAL',
                },
              },
            ],
          },
        },
      }),
    );
    const list = await listProcedures({
      apiUrl: 'http://api.test/graphql',
      search: 'khai sinh',
      fetch: impl,
    });

    expect(bodies).toEqual([
      {
        query: AdminProcedureListDocument.toString(),
        variables: { first: 20, filter: { search: 'khai sinh' } },
      },
    ]);
    expect(list).toEqual({
      ok: true,
      totalCount: 2,
      rows: [
        { code: '1.001193', name: 'Thủ tục đăng ký khai sinh', sectorName: 'Hộ tịch', onlineLevel: 'FULL' },
        {
          code: '2.000635',
          name: 'Cấp bản sao trích lục hộ tịch',
          sectorName: 'Hộ tịch',
          onlineLevel: 'PARTIAL',
        },
      ],
    });
  });

  it('sends no filter when there is no search', async () => {
    const { impl, bodies } = fakeFetch(() => json({ data: { procedures: { totalCount: 0, edges: [] } } }));
    await listProcedures({ apiUrl: 'x', search: '', fetch: impl });
    expect(bodies[0]).toMatchObject({ variables: { first: 20, filter: null } });
  });

  it('reports an API that does not listen as unreachable (real socket)', async () => {
    const apiUrl = `http://127.0.0.1:${await closedPort()}/graphql`;
    const list = await listProcedures({ apiUrl, search: '' });
    expect(list).toMatchObject({ ok: false, problem: 'unreachable' });
  });

  it('reports GraphQL errors', async () => {
    const { impl } = fakeFetch(() => json({ data: null, errors: [{ message: 'Cannot query field' }] }, 400));
    const list = await listProcedures({ apiUrl: 'x', search: '', fetch: impl });
    expect(list).toEqual({ ok: false, problem: 'graphql-error', detail: 'Cannot query field' });
  });

  it('reports a response that is not JSON or lacks the connection as invalid', async () => {
    const html = fakeFetch(() => new Response('<h1>502</h1>', { status: 502 }));
    expect(await listProcedures({ apiUrl: 'x', search: '', fetch: html.impl })).toMatchObject({
      ok: false,
      problem: 'invalid-response',
    });
    const empty = fakeFetch(() => json({ data: { procedures: null } }));
    expect(await listProcedures({ apiUrl: 'x', search: '', fetch: empty.impl })).toMatchObject({
      ok: false,
      problem: 'invalid-response',
    });
  });

  it('reports a timeout', async () => {
    const server = createServer(() => {
      // Never answers.
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const { graphqlRequest } = await import('./graphql');
      await expect(
        graphqlRequest({
          apiUrl: `http://127.0.0.1:${port}/graphql`,
          document: AdminProcedureListDocument,
          variables: { first: 1 },
          timeoutMs: 100,
        }),
      ).rejects.toMatchObject({ problem: 'timeout' });
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
