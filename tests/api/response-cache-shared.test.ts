// The response cache shared through Redis (docs/api.md "Persisted reads and caching"): two API
// instances on one database and one Redis of the test's own. An answer computed on A is served by B
// without running it again; a change recorded on B drops the answer on both, so neither serves the
// figures from before it.
import { createApiKey, type RunningApi, startApi } from '@tthc/api';
import { seed } from '@tthc/api/seed';
import { createTestDatabase, type TestDatabase } from '@tthc/db';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DvcProcedureFigures } from '../../portal-plugin/src/satisfaction/generated/persisted-ids.ts';
import { type RedisServer, startRedis } from '../support/redis-server.ts';

let redis: RedisServer;
let database: TestDatabase;
let a: RunningApi;
let b: RunningApi;
let bStarted = 0;

const variables = {
  s: { procedureCode: '1.001193' },
  p: { from: '2026-01-01', to: '2026-12-31' },
  c: '1.001193',
};
const readOn = async (api: RunningApi) => {
  const res = await fetch(
    `${api.url}?documentId=${DvcProcedureFigures}&variables=${encodeURIComponent(JSON.stringify(variables))}`,
  );
  const body = (await res.json()) as { data: { stats: { finished: number } } };
  return {
    how: res.headers.get('x-cache'),
    finished: body.data.stats.finished,
    etag: res.headers.get('etag'),
  };
};

beforeAll(async () => {
  redis = await startRedis();
  database = await createTestDatabase();
  const config = {
    port: 0,
    host: '127.0.0.1',
    databaseUrl: database.url,
    redisUrl: redis.url,
    seedOnEmpty: false,
    env: 'test' as const,
    logLevel: 'warn',
  };
  a = await startApi(config);
  await seed(a.services.db, { today: '2026-11-27', dossiers: 300 });
  b = await startApi(config);
  bStarted = Date.now();
});
afterAll(async () => {
  await Promise.allSettled([a?.stop(), b?.stop()]);
  await redis?.kill();
  await database?.drop();
});

it('serves on B the answer computed on A, and drops it on both after a change recorded on B', async () => {
  // Both relays are listening before anything is cached (readiness says so).
  for (const api of [a, b]) {
    await expect
      .poll(
        async () =>
          (
            (await (await fetch(api.url.replace('/graphql', '/readyz'))).json()) as {
              live: { state?: string };
            }
          ).live.state,
        {
          timeout: 15_000,
        },
      )
      .toBe('up');
  }
  // B vouches only for answers computed after it began to hear of changes, allowing 2 s of clock skew
  // between instances (response-cache.ts): wait that long so that A's answer is one.
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, bStarted + 2100 - Date.now())));
  const first = await readOn(a);
  expect(first.how).toBe('miss');
  const onB = await readOn(b);
  expect(onB).toEqual({ ...first, how: 'hit-shared' });
  expect((await readOn(b)).how).toBe('hit');

  const { key } = await createApiKey(b.services.prisma, { name: 'shared cache', scopes: ['INGEST'] }, 'TEST');
  const events = [
    { status: 'RECEIVED', occurredAt: '2026-11-02T08:00:00+07:00', sequence: 1 },
    { status: 'RESOLVED', occurredAt: '2026-11-02T10:00:00+07:00', sequence: 2 },
  ].map((e) => ({
    ...e,
    dossierCode: 'SHARED-1',
    procedureCode: '1.001193',
    agencyCode: '22870',
    channel: 'IN_PERSON',
  }));
  const res = await fetch(b.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({
      query: 'mutation($e: [DossierEventInput!]!) { recordDossierEvents(events: $e) { accepted } }',
      variables: { e: events },
    }),
  });
  expect(await res.json()).toMatchObject({ data: { recordDossierEvents: { accepted: 2 } } });

  for (const api of [a, b]) {
    await expect.poll(async () => (await readOn(api)).finished, { timeout: 5000 }).toBe(first.finished + 1);
  }
});
