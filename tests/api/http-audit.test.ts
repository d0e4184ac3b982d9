// GraphQL over HTTP conformance: the audits of `graphql-http` (the reference implementation of the
// GraphQL-over-HTTP specification) against the real API. Portals, dashboards and other agencies'
// systems use whatever GraphQL client they have; conformance is what lets them all work unchanged.
// Every MUST and every SHOULD has to pass. The MAYs are printed, not asserted: the specification
// leaves them to the server.
//
// The API refuses a POST without a JSON content type (415, a CSRF defence: server/cross-origin.ts).
// The audits send JSON, so they must pass with the defence on — and the last test checks it is on,
// so that they do not pass merely because it was switched off.
import type { AuditFail, AuditResult } from 'graphql-http';
import { serverAudits } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.ts';

let t: TestApi;
beforeAll(async () => {
  // No data needed: the audits ask for `{ __typename }` and `__type(name: …)`.
  t = await startTestApi();
});
afterAll(async () => {
  await t?.close();
});

// The URL is read when each audit runs (after beforeAll), so the list can be built now and every
// audit becomes a test of its own, named as the specification names it.
const audits = serverAudits({ url: () => t.url });
const results: AuditResult[] = [];

const failed = (r: AuditResult): r is AuditFail => r.status !== 'ok';
const describeFailure = (r: AuditFail) => `${r.id} ${r.name}: ${r.reason} (HTTP ${r.response.status})`;

describe('graphql-http server audits', () => {
  it('covers every requirement level (the audit list did not come back empty)', () => {
    // A broken import or an API change of graphql-http must not turn this file into zero tests.
    expect(audits.filter((a) => a.name.startsWith('MUST')).length).toBeGreaterThan(10);
    expect(audits.filter((a) => a.name.startsWith('SHOULD')).length).toBeGreaterThan(5);
  });

  for (const audit of audits) {
    const level = audit.name.split(' ')[0];
    it(`${audit.id} ${audit.name}`, async () => {
      const result = await audit.fn();
      results.push(result);
      if (level === 'MAY') return; // optional: reported in the summary below
      // The audit's own verdict; on failure the message carries its reason and HTTP status.
      expect(failed(result) ? describeFailure(result) : result.status).toBe('ok');
    });
  }

  it('summary: no MUST fails (error), no SHOULD fails (warn)', () => {
    expect(results.length).toBe(audits.length);
    const failures = results.filter(failed);
    const byStatus = (s: AuditFail['status']) => failures.filter((r) => r.status === s);
    console.log(
      `graphql-http audits: ${results.length} run, ${results.length - failures.length} ok, ` +
        `${byStatus('error').length} MUST failed, ${byStatus('warn').length} SHOULD failed, ` +
        `${byStatus('notice').length} MAY not followed`,
    );
    for (const r of failures) console.log(`  [${r.status}] ${describeFailure(r)}`);
    expect(byStatus('error').map(describeFailure)).toEqual([]);
    expect(byStatus('warn').map(describeFailure)).toEqual([]);
  });
});

describe('the CSRF defence is on while the audits pass', () => {
  it('a form-encoded or text/plain POST is refused with 415 and nothing runs', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data']) {
      const res = await fetch(t.url, {
        method: 'POST',
        headers: { 'content-type': type, accept: 'application/json' },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      expect(res.status, type).toBe(415);
      const body = (await res.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
      expect(body.data).toBeUndefined();
      expect(body.errors?.[0]?.extensions?.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    }
  });
});
