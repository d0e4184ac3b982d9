// The rating form's persisted operation (/graphql/submit-rating) must answer exactly as /graphql
// does for the same document and variables, and store the same rows.
import { RATING_FAST_PATH, SUBMIT_RATING_DOCUMENT } from '@tthc/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApi } from '../support/api.ts';
import { keyFor } from '../support/keys.ts';
import { startSeededApi } from '../support/seeded.ts';

let t: TestApi;
let fast: string;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  t = await startSeededApi(0);
  fast = t.url.replace('/graphql', RATING_FAST_PATH);
  const ingest = await keyFor(t, 'INGEST');
  // Two finished birth registrations (same-day procedure) at xã Ninh Phước.
  const events = ['F1', 'F2'].flatMap((code) => [
    {
      dossierCode: code,
      procedureCode: '1.001193',
      agencyCode: '22870',
      channel: 'IN_PERSON',
      status: 'RECEIVED',
      occurredAt: '2026-11-02T08:00:00+07:00',
      sequence: 1,
    },
    {
      dossierCode: code,
      procedureCode: '1.001193',
      agencyCode: '22870',
      channel: 'IN_PERSON',
      status: 'RESOLVED',
      occurredAt: '2026-11-02T10:00:00+07:00',
      sequence: 2,
    },
  ]);
  const recorded = await t.gql(
    `mutation($e: [DossierEventInput!]!) { recordDossierEvents(events: $e) { accepted } }`,
    { e: events },
    ingest,
  );
  expect(recorded.data).toEqual({ recordDossierEvents: { accepted: 4 } });
  for (const code of ['F1', 'F2']) {
    const link = await t.gql<{ ratingLink: { token: string } }>(
      `mutation($c: String!) { ratingLink(dossierCode: $c) { token } }`,
      { c: code },
      ingest,
    );
    tokens[code] = link.data!.ratingLink.token;
  }
});
afterAll(async () => {
  await t?.close();
});

/** The answer of /graphql without its `extensions` (the cost report of docs/limits.md, /graphql's own). */
const viaGraphql = async (variables: unknown) => {
  const { extensions: _cost, ...answer } = (await (
    await fetch(t.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query: SUBMIT_RATING_DOCUMENT, variables }),
    })
  ).json()) as Record<string, unknown>;
  return answer;
};
const viaFastPath = async (body: unknown) => {
  const res = await fetch(fast, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json(), cors: res.headers.get('access-control-allow-origin') };
};

describe('the rating form’s persisted operation', () => {
  it('accepts a rating like /graphql does, and the statistics count it once', async () => {
    const input = { dossierCode: 'F1', token: tokens.F1, level: 'VERY_SATISFIED', idempotencyKey: 'fast-1' };
    const fastAnswer = await viaFastPath({ variables: { input } });
    expect(fastAnswer).toEqual({
      status: 200,
      body: { data: { submitRating: { ok: true, replaced: false, error: null } } },
      cors: '*',
    });
    // The same submission through /graphql is a replay of the same idempotency key: the same answer.
    expect(await viaGraphql({ input })).toEqual(fastAnswer.body);
    const stats = await t.gql<{ stats: { ratings: number; verySatisfied: number } }>(
      `{ stats(scope: { agencyCode: "22870" }, period: { from: "2026-11-01", to: "2026-11-30" }) { ratings verySatisfied } }`,
    );
    expect(stats.data!.stats).toEqual({ ratings: 1, verySatisfied: 1 });
  });

  it('gives the same rejections as /graphql', async () => {
    for (const input of [
      { dossierCode: 'F2', token: tokens.F1, level: 'SATISFIED' }, // someone else's token
      { dossierCode: 'NOPE', token: tokens.F1, level: 'SATISFIED' },
      { dossierCode: 'F2', token: tokens.F2, level: 'SATISFIED', comment: 'x'.repeat(1001) },
    ]) {
      const fastAnswer = await viaFastPath({ query: SUBMIT_RATING_DOCUMENT, variables: { input } });
      expect(fastAnswer.body.data.submitRating.ok).toBe(false);
      expect(await viaGraphql({ input })).toEqual(fastAnswer.body);
    }
  });

  it('coerces variables with the schema: a bad level or a missing field is BAD_USER_INPUT, stored nothing', async () => {
    for (const input of [
      { dossierCode: 'F2', token: tokens.F2, level: 'DELIGHTED' },
      { dossierCode: 'F2', level: 'SATISFIED' },
    ]) {
      const fastAnswer = await viaFastPath({ variables: { input } });
      expect(fastAnswer.status).toBe(200);
      expect(fastAnswer.body.data).toBeUndefined();
      expect(fastAnswer.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
      const graphql = (await viaGraphql({ input })) as { errors: { extensions: { code: string } }[] };
      expect(graphql.errors[0]!.extensions.code).toBe('BAD_USER_INPUT');
    }
    const rows = await t.api.services.db.pool.query(
      `SELECT count(*)::int AS n FROM "Rating" r JOIN "Dossier" d ON d.id = r."dossierId" WHERE d.code = 'F2'`,
    );
    expect(rows.rows[0].n).toBe(0);
  });

  it('refuses other operations, other methods, bad JSON and large bodies with stable codes', async () => {
    const other = await viaFastPath({ query: '{ __typename }', variables: {} });
    expect(other.status).toBe(400);
    expect(other.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_MISMATCH');
    const bad = await fetch(fast, {
      method: 'POST',
      body: '{"variables":',
      headers: { 'content-type': 'application/json' },
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors[0].extensions.code).toBe('BAD_JSON');
    const big = await fetch(fast, {
      method: 'POST',
      body: JSON.stringify({ variables: { pad: 'x'.repeat(20_000) } }),
    });
    expect(big.status).toBe(413);
    const get = await fetch(fast);
    expect(get.status).toBe(405);
    const preflight = await fetch(fast, { method: 'OPTIONS' });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
  });
});
