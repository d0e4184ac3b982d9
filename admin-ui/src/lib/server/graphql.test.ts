import { describe, expect, it } from 'vitest';
import { AdminViewerDocument } from '../graphql/generated/graphql';
import { ApiRequestError, createApiClient } from './graphql';

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

function recordingFetch(respond: () => Response) {
  const calls: { url: string; headers: Record<string, string> }[] = [];
  const impl = (async (url: string, init: RequestInit) => {
    calls.push({ url, headers: init.headers as Record<string, string> });
    return respond();
  }) as unknown as typeof fetch;
  return { impl, calls };
}

const anonymousViewer = { viewer: { kind: 'ANONYMOUS', name: null, username: null, roles: [] } };

describe('createApiClient', () => {
  it('sends the session token as a Bearer header', async () => {
    const { impl, calls } = recordingFetch(() => json({ data: anonymousViewer }));
    const api = createApiClient({ apiUrl: 'http://api.test/graphql', token: 'tthcs_abc', fetch: impl });
    await api.request(AdminViewerDocument, {});
    expect(calls[0]?.headers.authorization).toBe('Bearer tthcs_abc');
  });

  it("passes the official's address on, for the API's limits per client", async () => {
    const { impl, calls } = recordingFetch(() => json({ data: anonymousViewer }));
    const api = createApiClient({ apiUrl: 'x', token: null, clientAddress: '203.0.113.7', fetch: impl });
    await api.request(AdminViewerDocument, {});
    expect(calls[0]?.headers['x-forwarded-for']).toBe('203.0.113.7');
    await createApiClient({ apiUrl: 'x', token: null, fetch: impl }).request(AdminViewerDocument, {});
    expect(calls[1]?.headers).not.toHaveProperty('x-forwarded-for');
  });

  it('sends the operation by its persisted id, and its text to an API that does not know the id', async () => {
    const bodies: Record<string, unknown>[] = [];
    let known = true;
    let refusal = 'PERSISTED_QUERY_NOT_FOUND';
    const impl = (async (_url: string, init: RequestInit) => {
      bodies.push(JSON.parse(init.body as string) as Record<string, unknown>);
      return known || 'query' in bodies.at(-1)!
        ? json({ data: anonymousViewer })
        : json({ errors: [{ message: 'không có', extensions: { code: refusal } }] });
    }) as unknown as typeof fetch;
    const api = createApiClient({ apiUrl: 'x', token: null, fetch: impl });
    expect(await api.request(AdminViewerDocument, {})).toEqual(anonymousViewer);
    expect(bodies[0]).toEqual({ documentId: AdminViewerDocument.__meta__?.hash, variables: {} });
    expect(String(bodies[0]?.documentId)).toMatch(/^sha256:[0-9a-f]{64}$/);

    known = false;
    expect(await api.request(AdminViewerDocument, {})).toEqual(anonymousViewer);
    expect(bodies.slice(1)).toEqual([
      { documentId: AdminViewerDocument.__meta__?.hash, variables: {} },
      { query: AdminViewerDocument.toString(), variables: {} },
    ]);
    // An API older than persisted operations refuses the parameter itself: the text goes too.
    refusal = 'BAD_REQUEST';
    expect(await api.request(AdminViewerDocument, {})).toEqual(anonymousViewer);
    expect(bodies.at(-1)).toEqual({ query: AdminViewerDocument.toString(), variables: {} });
  });

  it('sends no Authorization header without a session', async () => {
    const { impl, calls } = recordingFetch(() => json({ data: anonymousViewer }));
    await createApiClient({ apiUrl: 'x', token: null, fetch: impl }).request(AdminViewerDocument, {});
    expect(calls[0]?.headers).not.toHaveProperty('authorization');
  });

  it('tells an ended session, a refusal and throttling apart by the API’s error code', async () => {
    const failing = (code: string, message: string) =>
      createApiClient({
        apiUrl: 'x',
        token: 't',
        fetch: recordingFetch(() => json({ errors: [{ message, extensions: { code } }] })).impl,
      }).request(AdminViewerDocument, {});

    await expect(failing('UNAUTHENTICATED', 'Phiên đăng nhập không hợp lệ.')).rejects.toMatchObject({
      problem: 'unauthenticated',
      code: 'UNAUTHENTICATED',
    });
    await expect(failing('FORBIDDEN', 'Bạn không có quyền sửa danh mục thủ tục.')).rejects.toMatchObject({
      problem: 'forbidden',
      apiMessage: 'Bạn không có quyền sửa danh mục thủ tục.',
    });
    await expect(failing('RATE_LIMITED', 'Thử lại sau 15 phút.')).rejects.toMatchObject({
      problem: 'rate-limited',
    });
    await expect(failing('SERVICE_UNAVAILABLE', 'Tạm gián đoạn.')).rejects.toMatchObject({
      problem: 'service-unavailable',
    });
    const other = await failing('GRAPHQL_VALIDATION_FAILED', 'Cannot query field "x"').catch(
      (e: unknown) => e,
    );
    expect(other).toBeInstanceOf(ApiRequestError);
    expect(other).toMatchObject({
      problem: 'graphql-error',
      code: 'GRAPHQL_VALIDATION_FAILED',
      apiMessage: null,
    });
  });
});
