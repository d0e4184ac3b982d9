// Persisted operations by id and the cache of public reads (docs/api.md "Persisted reads and
// caching"), over real HTTP against a real API and database: the widget's figures by GET with
// Cache-Control, ETag and 304; a hit that is the same answer; a change of the procedure's figures that
// drops it while a change elsewhere does not; ids by POST body and Apollo's extension; the rating form
// through /graphql; keyed reads kept private; the budget charged for a persisted operation.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DvcAgencyFigures,
  DvcProcedureFigures,
  SubmitRating,
} from '../../portal-plugin/src/satisfaction/generated/persisted-ids.ts';
import type { TestApi } from '../support/api.ts';
import { keyFor } from '../support/keys.ts';
import { startSeededApi } from '../support/seeded.ts';

let t: TestApi;
let ingest: Record<string, string>;
const PERIOD = { from: '2026-01-01', to: '2026-12-31' };
const procedureVars = { s: { procedureCode: '1.001193' }, p: PERIOD, c: '1.001193' };
const manifest = JSON.parse(
  readFileSync(new URL('../../api/persisted-documents.json', import.meta.url), 'utf8'),
) as Record<string, string>;
/** The older procedure widget's query (portal-plugin/src/procedure.graphql). */
const WidgetProcedure = Object.keys(manifest).find((id) =>
  manifest[id]!.startsWith('query WidgetProcedure('),
)!;

const urlOf = (id: string, variables: unknown) =>
  `${t.url}?documentId=${encodeURIComponent(id)}&variables=${encodeURIComponent(JSON.stringify(variables))}`;

type Figures = { stats: { finished: number; ratings: number }; procedure?: { name: string } };

async function read(id: string, variables: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(urlOf(id, variables), { headers });
  const text = await res.text();
  return {
    status: res.status,
    headers: res.headers,
    text,
    body: text ? (JSON.parse(text) as { data?: Figures; errors?: { extensions: { code: string } }[] }) : null,
  };
}

/** A dossier of `procedure` at xã Ninh Phước, received and resolved on 2 November 2026. */
async function finishDossier(code: string, procedure: string) {
  const events = [
    { status: 'RECEIVED', occurredAt: '2026-11-02T08:00:00+07:00', sequence: 1 },
    { status: 'RESOLVED', occurredAt: '2026-11-02T10:00:00+07:00', sequence: 2 },
  ].map((e) => ({
    ...e,
    dossierCode: code,
    procedureCode: procedure,
    agencyCode: '22870',
    channel: 'IN_PERSON',
  }));
  const recorded = await t.gql(
    'mutation($e: [DossierEventInput!]!) { recordDossierEvents(events: $e) { accepted } }',
    { e: events },
    ingest,
  );
  expect(recorded.data).toEqual({ recordDossierEvents: { accepted: 2 } });
}

beforeAll(async () => {
  t = await startSeededApi(300);
  ingest = await keyFor(t, 'INGEST');
});
afterAll(async () => {
  await t?.close();
});

describe('the widget’s read by GET', () => {
  it('answers with public caching headers and an ETag, then from the cache, then 304', async () => {
    const first = await read(DvcProcedureFigures, procedureVars);
    expect(first.status).toBe(200);
    expect(first.body?.errors).toBeUndefined();
    expect(first.body?.data?.procedure?.name).toBeTruthy();
    expect(first.headers.get('cache-control')).toBe('public, max-age=15, stale-while-revalidate=15');
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[\w-]{27}"$/);
    expect(first.headers.get('x-cache')).toBe('miss');

    const second = await read(DvcProcedureFigures, procedureVars);
    expect(second.headers.get('x-cache')).toBe('hit');
    expect(second.text).toBe(first.text);
    expect(second.headers.get('etag')).toBe(etag);

    const revalidated = await read(DvcProcedureFigures, procedureVars, { 'if-none-match': etag! });
    expect(revalidated.status).toBe(304);
    expect(revalidated.text).toBe('');
    expect(revalidated.headers.get('etag')).toBe(etag);

    // Operators see the same in /metrics (docs/operations.md): one miss, one hit, one 304 so far.
    const metrics = await (await fetch(t.url.replace('/graphql', '/metrics'))).text();
    const lookups = (result: string) =>
      Number(
        new RegExp(`^tthc_response_cache_lookups_total\\{result="${result}"\\} (\\d+)`, 'm').exec(
          metrics,
        )?.[1],
      );
    expect([lookups('miss'), lookups('hit'), lookups('revalidated')]).toEqual([1, 1, 1]);
  });

  it('shows a change of the procedure’s figures at once, and keeps the answer when another procedure changes', async () => {
    const before = await read(DvcProcedureFigures, procedureVars);
    // Warm, then a change to a procedure outside the answer's scope (1.000894, another procedure).
    await finishDossier('PR-OTHER-1', '1.000894');
    const untouched = await read(DvcProcedureFigures, procedureVars);
    expect(untouched.headers.get('x-cache')).toBe('hit');
    expect(untouched.text).toBe(before.text);

    await finishDossier('PR-SAME-1', '1.001193');
    // The change event travels through the event bus: the next read after it is a fresh one.
    await expect
      .poll(async () => (await read(DvcProcedureFigures, procedureVars)).body?.data?.stats.finished, {
        timeout: 5000,
      })
      .toBe(before.body!.data!.stats.finished + 1);
    const after = await read(DvcProcedureFigures, procedureVars, {
      'if-none-match': before.headers.get('etag')!,
    });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(before.headers.get('etag'));
  });

  it('keeps answers apart by variables', async () => {
    const agency = await read(DvcAgencyFigures, { s: { agencyCode: '22870' }, p: PERIOD, c: '22870' });
    expect(agency.status).toBe(200);
    expect(agency.body?.data).toHaveProperty('agency');
    const otherPeriod = await read(DvcProcedureFigures, {
      ...procedureVars,
      p: { from: '2026-11-01', to: '2026-11-30' },
    });
    expect(otherPeriod.headers.get('x-cache')).toBe('miss');
  });

  it('does not keep an answer with errors, nor a keyed read', async () => {
    const unknown = { ...procedureVars, s: { procedureCode: 'KHONG-CO' }, c: 'KHONG-CO' };
    const failed = await read(DvcProcedureFigures, unknown);
    expect(failed.body?.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
    expect(failed.headers.get('cache-control')).toBe('no-store');
    expect((await read(DvcProcedureFigures, unknown)).headers.get('x-cache')).toBe('miss');

    const keyed = await read(DvcProcedureFigures, procedureVars, await keyFor(t, 'READ'));
    expect(keyed.status).toBe(200);
    expect(keyed.headers.get('cache-control')).toBe('private, no-store');
    expect(keyed.headers.get('x-cache')).toBe('bypass');
  });
});

describe('ids the API does not know, and methods', () => {
  it('refuses an unknown id with PERSISTED_QUERY_NOT_FOUND', async () => {
    const answer = await read(`sha256:${'0'.repeat(64)}`, {});
    expect(answer.status).toBe(400);
    expect(answer.body?.errors?.[0]?.extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });

  it('refuses an id sent with another document', async () => {
    const res = await fetch(
      `${urlOf(WidgetProcedure, { code: '1.001193' })}&query=${encodeURIComponent('{ __typename }')}`,
    );
    expect(res.status).toBe(400);
    expect(
      ((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code,
    ).toBe('PERSISTED_QUERY_MISMATCH');
  });

  it('refuses other parameters, which would only make new cache entries of the same answer', async () => {
    const res = await fetch(`${urlOf(DvcProcedureFigures, procedureVars)}&x=${Math.random()}`);
    expect(res.status).toBe(400);
    expect(
      ((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code,
    ).toBe('BAD_REQUEST');
  });

  it('runs the text when Apollo retries an unknown hash with its query', async () => {
    const res = await fetch(t.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: '{ procedure(code: "1.001193") { code } }',
        extensions: { persistedQuery: { version: 1, sha256Hash: 'ab'.repeat(32) } },
      }),
    });
    expect(await res.json()).toMatchObject({ data: { procedure: { code: '1.001193' } } });
  });

  it('refuses a mutation by GET with 405', async () => {
    const answer = await read(SubmitRating, {});
    expect(answer.status).toBe(405);
    expect(answer.headers.get('allow')).toBe('POST');
  });
});

describe('ids by POST', () => {
  it('runs the id in the body (GraphQL over HTTP) and Apollo’s persisted-query extension', async () => {
    for (const body of [
      { documentId: WidgetProcedure, variables: { code: '1.001193' } },
      {
        variables: { code: '1.001193' },
        extensions: { persistedQuery: { version: 1, sha256Hash: WidgetProcedure.slice('sha256:'.length) } },
      },
    ]) {
      const res = await fetch(t.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ data: { procedure: { code: '1.001193' } } });
    }
  });

  it('takes the rating form’s operation at /graphql?documentId=…', async () => {
    const res = await fetch(`${t.url}?documentId=${SubmitRating}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        variables: { input: { dossierCode: 'KHONG-CO', token: 'x'.repeat(40), level: 'SATISFIED' } },
      }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      data: { submitRating: { ok: boolean; error: { code: string } } };
      extensions?: unknown;
    };
    expect(body.data.submitRating.ok).toBe(false);
    expect(body.data.submitRating.error.code).toBeTruthy();
    // Answered by the rating form's own handler, not through Yoga (which adds the cost report).
    expect(body).not.toHaveProperty('extensions');
  });

  it('charges a persisted operation a tenth of its cost, rounded up', async () => {
    const text = manifest[DvcProcedureFigures]!;
    const cost = async (body: object) =>
      (
        (await (
          await fetch(t.url, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ ...body, variables: procedureVars }),
          })
        ).json()) as { extensions: { cost: { requestedQueryCost: number } } }
      ).extensions.cost.requestedQueryCost;
    // The same document written otherwise (one more space) is not a persisted one: full cost.
    const full = await cost({ query: text.replace('{', ' {') });
    expect(full).toBeGreaterThan(1);
    expect(await cost({ documentId: DvcProcedureFigures })).toBe(Math.ceil(full / 10));
    expect(await cost({ query: text })).toBe(Math.ceil(full / 10));
  });
});

describe('the list of persisted operations', () => {
  it('holds every operation of the admin UI and the widget', () => {
    for (const file of [
      '../../admin-ui/src/lib/graphql/generated/persisted-documents.json',
      '../../portal-plugin/src/graphql/generated/persisted-documents.json',
      '../../portal-plugin/src/satisfaction/generated/persisted-documents.json',
    ]) {
      const frontEnd = JSON.parse(readFileSync(new URL(file, import.meta.url), 'utf8')) as Record<
        string,
        string
      >;
      expect(Object.keys(frontEnd).length).toBeGreaterThan(0);
      for (const [id, text] of Object.entries(frontEnd)) expect(manifest[id]).toBe(text);
    }
  });
});
