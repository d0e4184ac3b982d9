import { describe, expect, it } from 'vitest';
import { WidgetProcedureDocument } from './graphql/generated/graphql.ts';
import { fetchProcedure, WidgetApiError, type WidgetProcedure } from './procedure-api.ts';

const birthRegistration: WidgetProcedure = {
  code: '1.001193',
  name: 'Thủ tục đăng ký khai sinh',
  sector: { name: 'Hộ tịch' },
  timeLimits: [{ channel: 'IN_PERSON', value: 1, unit: 'WORKING_DAYS' }],
};

function fakeFetch(respond: () => Response | Promise<Response>) {
  const calls: { url: string; init: RequestInit }[] = [];
  const impl = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return respond();
  }) as unknown as typeof fetch;
  return { impl, calls };
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('fetchProcedure', () => {
  it('POSTs the generated query with the code as a variable and returns the procedure', async () => {
    const { impl, calls } = fakeFetch(() => json({ data: { procedure: birthRegistration } }));
    const procedure = await fetchProcedure({
      apiUrl: 'https://api.test/graphql',
      code: '1.001193',
      fetch: impl,
    });

    expect(procedure).toEqual(birthRegistration);
    expect(calls).toHaveLength(1);
    const [call] = calls;
    expect(call?.url).toBe('https://api.test/graphql');
    expect(call?.init.method).toBe('POST');
    expect(call?.init.credentials).toBe('omit');
    expect(JSON.parse(String(call?.init.body))).toEqual({
      query: WidgetProcedureDocument.toString(),
      variables: { code: '1.001193' },
    });
  });

  it('returns null when the API knows no procedure with that code', async () => {
    const { impl } = fakeFetch(() => json({ data: { procedure: null } }));
    await expect(fetchProcedure({ apiUrl: 'x', code: '9.999999', fetch: impl })).resolves.toBeNull();
  });

  it('fails on GraphQL errors, even with HTTP 200', async () => {
    const { impl } = fakeFetch(() => json({ data: null, errors: [{ message: 'boom' }] }));
    await expect(fetchProcedure({ apiUrl: 'x', code: '1', fetch: impl })).rejects.toThrow(WidgetApiError);
  });

  it('fails on an HTTP error that is not JSON', async () => {
    const { impl } = fakeFetch(() => new Response('<h1>Bad gateway</h1>', { status: 502 }));
    await expect(fetchProcedure({ apiUrl: 'x', code: '1', fetch: impl })).rejects.toThrow(/HTTP 502/);
  });

  it('wraps network failures', async () => {
    const { impl } = fakeFetch(() => Promise.reject(new TypeError('fetch failed')));
    const failure = fetchProcedure({ apiUrl: 'x', code: '1', fetch: impl });
    await expect(failure).rejects.toBeInstanceOf(WidgetApiError);
  });

  it('passes an abort through unchanged so the caller can ignore it', async () => {
    const controller = new AbortController();
    controller.abort();
    const { impl } = fakeFetch(() => Promise.reject(new DOMException('aborted', 'AbortError')));
    const failure = fetchProcedure({ apiUrl: 'x', code: '1', fetch: impl, signal: controller.signal });
    await expect(failure).rejects.toMatchObject({ name: 'AbortError' });
  });
});
