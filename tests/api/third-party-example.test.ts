// The third party's typed client of docs/api.md "Quick start" (tests/examples/third-party/), run as the
// guide runs it: a key made with the command line the guide gives, a public query, the authenticated
// query with that key, a refusal with its code, and a subscription's first result and the tick that a
// new dossier event brings.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { TthcApiError, tthcClient } from '../examples/third-party/client.ts';
import {
  CatalogueDocument,
  KeyedOverviewDocument,
  LiveFiguresDocument,
  type LiveFiguresSubscription,
  ProcedureFiguresDocument,
} from '../examples/third-party/generated/graphql.ts';
import type { TestApi } from '../support/api.ts';
import { dossierEvents } from '../support/dossier-events.ts';
import { keyFor } from '../support/keys.ts';
import { startSeededApi } from '../support/seeded.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const run = promisify(execFile);

let t: TestApi;
let key: string;

beforeAll(async () => {
  t = await startSeededApi(300);
  // `npm run cli -- api-key create --name … --scopes read`, on the test's database: the key alone on
  // stdout, as the guide's `TTHC_KEY=$(…)` expects.
  const { stdout } = await run(
    process.execPath,
    [
      '--import',
      'tsx',
      path.join(root, 'api/src/cli/main.ts'),
      'api-key',
      'create',
      '--name',
      'Bảng điều khiển của tỉnh (ví dụ)',
      '--scopes',
      'read',
    ],
    { cwd: root, env: { ...process.env, DATABASE_URL: t.api.services.db.url } },
  );
  key = stdout.trim();
  expect(key).toMatch(/^tthc_[A-Za-z0-9]+_[A-Za-z0-9_-]+$/);
});
afterAll(async () => {
  await t?.close();
});

const period = { from: '2026-03-01', to: '2026-03-31' };

describe('the third-party typed client', () => {
  it('reads a procedure and a page of the catalogue without a key', async () => {
    const api = tthcClient({ url: t.url });
    const { procedure } = await api.request(ProcedureFiguresDocument, { code: '1.001193', period });
    expect(procedure?.code).toBe('1.001193');
    expect(procedure?.name).toMatch(/khai sinh/i);
    expect(procedure?.timeLimits.length).toBeGreaterThan(0);
    expect(procedure?.stats.received).toBeGreaterThanOrEqual(procedure!.stats.finished);

    const first = await api.request(CatalogueDocument, { first: 2 });
    expect(first.procedures.edges).toHaveLength(2);
    expect(first.procedures.pageInfo.hasNextPage).toBe(true);
    const next = await api.request(CatalogueDocument, {
      first: 2,
      after: first.procedures.pageInfo.endCursor,
    });
    expect(next.procedures.edges[0]!.node.code).not.toBe(first.procedures.edges[0]!.node.code);
    await api.close();
  });

  it('makes the authenticated query with the key, and reports a refusal by its code', async () => {
    const api = tthcClient({ url: t.url, key });
    const { viewer, lateDossiers } = await api.request(KeyedOverviewDocument, { first: 3 });
    expect(viewer).toEqual({ kind: 'API_KEY', name: 'Bảng điều khiển của tỉnh (ví dụ)', scopes: ['read'] });
    expect(lateDossiers.totalCount).toBeGreaterThanOrEqual(lateDossiers.edges.length);

    const anonymous = tthcClient({ url: t.url });
    const refusal = await anonymous.request(KeyedOverviewDocument, { first: 3 }).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(TthcApiError);
    expect((refusal as TthcApiError).code).toBe('UNAUTHENTICATED');
    await Promise.all([api.close(), anonymous.close()]);
  });

  it('receives the figures over the WebSocket at once, then again after a new dossier event', async () => {
    const api = tthcClient({ url: t.url, key, webSocketImpl: WebSocket });
    const ticks: LiveFiguresSubscription['statsChanged'][] = [];
    const errors: unknown[] = [];
    const stop = api.subscribe(
      LiveFiguresDocument,
      { scope: { procedureCode: '1.001193' }, period },
      (data) => ticks.push(data.statsChanged),
      (error) => errors.push(error),
    );
    await expect.poll(() => ticks.length, { timeout: 10_000 }).toBe(1);

    const ingest = await keyFor(t, 'INGEST');
    const recorded = await t.gql<{ recordDossierEvents: { accepted: number } }>(
      `mutation($e: [DossierEventInput!]!) { recordDossierEvents(events: $e) { accepted } }`,
      {
        e: dossierEvents('H56.14-260305-0901', '22870', '1.001193', 'IN_PERSON', [
          ['RECEIVED', '2026-03-05T08:10'],
        ]),
      },
      ingest,
    );
    expect(recorded.data?.recordDossierEvents.accepted).toBe(1);
    await expect.poll(() => ticks.length, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
    expect(ticks.at(-1)!.received).toBe(ticks[0]!.received + 1);
    expect(errors).toEqual([]);
    stop();
    await api.close();
  });
});
