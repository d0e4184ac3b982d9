// Who may hold a WebSocket connection (docs/limits.md §5), over a real graphql-ws client: a
// credential that is malformed, unknown, revoked (through the admin API) or an ended session closes
// the connection with 4403 when it opens; a key revoked or a session ended while the connection is
// open closes it with 4403 at its next subscription (and within a minute otherwise:
// api/src/server/credential-recheck.test.ts), ending the subscriptions it carried.
import { createHash } from 'node:crypto';
import { createApiKey } from '@tthc/api';
import { type Client, createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { TestApi } from '../support/api.ts';
import { addOfficial, sessionOf } from '../support/officials.ts';
import { startSeededApi } from '../support/seeded.ts';

let t: TestApi;
let admin: Record<string, string>;
beforeAll(async () => {
  t = await startSeededApi(0);
  await addOfficial(t, 'qtht', 'SYSTEM_ADMIN');
  await addOfficial(t, 'xem.tinh', 'VIEWER', '56');
  admin = await sessionOf(t, 'qtht');
});
afterAll(async () => {
  await t?.close();
});

const VIEWER = '{ viewer { kind } }';
const STATS =
  'subscription { statsChanged(scope: { agencyCode: "56" }, period: { from: "2026-01-01", to: "2026-01-31" }) { received } }';
/** Well-formed, but never issued. */
const UNKNOWN_KEY = `tthc_000000000000_${'A'.repeat(43)}`;

interface Connection {
  client: Client;
  /** The close code, once the connection closes. */
  closed: Promise<number>;
}

function connect(connectionParams?: Record<string, unknown>, webSocketImpl: unknown = WebSocket): Connection {
  const client = createClient({
    url: t.url.replace('http', 'ws'),
    webSocketImpl,
    retryAttempts: 0,
    ...(connectionParams ? { connectionParams } : {}),
  });
  const closed = new Promise<number>((resolve) =>
    client.on('closed', (e) => resolve((e as { code: number }).code)),
  );
  return { client, closed };
}

type Outcome = { next: unknown } | { error: unknown } | { complete: true };

/** Starts an operation; `first` is its first outcome, `end` how it ended (error or complete). */
function start(client: Client, query: string) {
  let first: (o: Outcome) => void = () => {};
  let end: (o: Outcome) => void = () => {};
  const firstP = new Promise<Outcome>((resolve) => {
    first = resolve;
  });
  const endP = new Promise<Outcome>((resolve) => {
    end = resolve;
  });
  client.subscribe(
    { query },
    {
      next: (value) => first({ next: value }),
      error: (error) => {
        first({ error });
        end({ error });
      },
      complete: () => {
        first({ complete: true });
        end({ complete: true });
      },
    },
  );
  return { first: firstP, end: endP };
}

/** Opens a connection with these parameters and asks who is calling: the close code, or the kind. */
async function viewerOver(connectionParams?: Record<string, unknown>): Promise<number | string> {
  const { client, closed } = connect(connectionParams);
  const outcome = await Promise.race([start(client, VIEWER).first, closed.then((code) => ({ code }))]);
  await client.dispose();
  if ('code' in outcome) return outcome.code;
  if ('next' in outcome) return (outcome.next as { data: { viewer: { kind: string } } }).data.viewer.kind;
  return JSON.stringify(outcome);
}

async function revokeThroughAdminApi(id: number): Promise<void> {
  const res = await t.gql<{ revokeApiKey: { apiKey: { active: boolean }; userErrors: unknown[] } }>(
    'mutation($input: RevokeApiKeyInput!) { revokeApiKey(input: $input) { apiKey { active } userErrors { code } } }',
    { input: { id: String(id) } },
    admin,
  );
  expect(res.errors).toBeUndefined();
  expect(res.data?.revokeApiKey).toEqual({ apiKey: { active: false }, userErrors: [] });
}

const newKey = (name: string) => createApiKey(t.api.services.prisma, { name, scopes: ['READ'] }, 'TEST');
const tokenHash = (authorization: string) =>
  createHash('sha256')
    .update(authorization.replace(/^Bearer /, ''))
    .digest('hex');

describe('when the connection opens', () => {
  it('lets an anonymous client and a valid key in', async () => {
    expect(await viewerOver()).toBe('ANONYMOUS');
    const { key } = await newKey('valide');
    expect(await viewerOver({ authorization: `Bearer ${key}` })).toBe('API_KEY');
    // The parameter's other spelling, as an HTTP header would be written.
    expect(await viewerOver({ Authorization: `Bearer ${key}` })).toBe('API_KEY');
  });

  it('closes with 4403 for a malformed credential', async () => {
    for (const authorization of [
      'Bearer nope',
      'Basic dXNlcjpwYXNz',
      UNKNOWN_KEY, // without "Bearer"
      `Bearer ${UNKNOWN_KEY} extra`,
      'Bearer tthcs_short',
      42, // not a string: a client's mistake, not an anonymous connection
      { token: UNKNOWN_KEY },
    ]) {
      expect(await viewerOver({ authorization }), JSON.stringify(authorization)).toBe(4403);
    }
  });

  it('closes with 4403 for a well-formed key that was never issued', async () => {
    expect(await viewerOver({ authorization: `Bearer ${UNKNOWN_KEY}` })).toBe(4403);
  });

  it('reads the Authorization header of the upgrade request when the parameters carry none', async () => {
    class WithHeader extends WebSocket {
      constructor(url: string, protocols?: string | string[]) {
        super(url, protocols, { headers: { authorization: `Bearer ${UNKNOWN_KEY}` } });
      }
    }
    const { client, closed } = connect(undefined, WithHeader);
    start(client, VIEWER);
    expect(await closed).toBe(4403);
    await client.dispose();
  });

  it('closes with 4403 for a key revoked through the admin API', async () => {
    const { id, key } = await newKey('thu hồi');
    expect(await viewerOver({ authorization: `Bearer ${key}` })).toBe('API_KEY');
    await revokeThroughAdminApi(id);
    expect(await viewerOver({ authorization: `Bearer ${key}` })).toBe(4403);
  });

  it('closes with 4403 for a session that expired or was signed out', async () => {
    const expired = await sessionOf(t, 'xem.tinh');
    expect(await viewerOver(expired)).toBe('SESSION');
    await t.api.services.prisma.session.update({
      where: { tokenHash: tokenHash(expired.authorization!) },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(await viewerOver(expired)).toBe(4403);

    const signedOut = await sessionOf(t, 'xem.tinh');
    expect(await viewerOver(signedOut)).toBe('SESSION');
    const out = await t.gql('mutation { signOut { ok } }', undefined, signedOut);
    expect(out.data).toEqual({ signOut: { ok: true } });
    expect(await viewerOver(signedOut)).toBe(4403);
  });
});

describe('while the connection is open', () => {
  it('closes it with 4403 when the key, revoked meanwhile, subscribes again, ending its open subscription', async () => {
    const { id, key } = await newKey('đang mở');
    const { client, closed } = connect({ authorization: `Bearer ${key}` });
    const open = start(client, STATS);
    expect(await open.first).toMatchObject({ next: { data: { statsChanged: {} } } });

    await revokeThroughAdminApi(id);
    const again = start(client, STATS);
    // Both operations end with the connection: the refused one and the one that was running.
    for (const op of [again, open]) {
      expect(((await op.end) as { error?: { code?: number } }).error?.code).toBe(4403);
    }
    expect(await closed).toBe(4403);
    await client.dispose();
    // And the next connection is refused when it opens.
    expect(await viewerOver({ authorization: `Bearer ${key}` })).toBe(4403);
  });

  it('does the same for a session that ends while the connection is open', async () => {
    const session = await sessionOf(t, 'xem.tinh');
    const { client, closed } = connect(session);
    const open = start(client, STATS);
    expect(await open.first).toHaveProperty('next');
    const out = await t.gql('mutation { signOut { ok } }', undefined, session);
    expect(out.data).toEqual({ signOut: { ok: true } });
    const again = start(client, VIEWER);
    expect(((await again.end) as { error?: { code?: number } }).error?.code).toBe(4403);
    expect(((await open.end) as { error?: { code?: number } }).error?.code).toBe(4403);
    expect(await closed).toBe(4403);
    await client.dispose();
  });

  it('keeps a valid key’s connection open across subscriptions', async () => {
    const { key } = await newKey('vẫn dùng');
    const { client } = connect({ authorization: `Bearer ${key}` });
    const open = start(client, STATS);
    expect(await open.first).toHaveProperty('next');
    const viewer = start(client, VIEWER);
    expect(await viewer.first).toMatchObject({ next: { data: { viewer: { kind: 'API_KEY' } } } });
    expect(await viewer.end).toEqual({ complete: true });
    await client.dispose();
  });
});
