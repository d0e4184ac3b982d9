// Cross-origin requests to /graphql (api/src/server/cross-origin.ts): any origin reads without
// credentials, only the configured origins get credentials, and requests a page can send cross-site
// without a preflight (HTML forms, text/plain) never run an operation.
import { loadConfig } from '@tthc/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.ts';
import { keyFor } from '../support/keys.ts';

const ADMIN_ORIGIN = 'https://quantri.example.gov.vn';
const PORTAL_ORIGIN = 'https://dichvucong.example.vn';

let t: TestApi;
let admin: Record<string, string>;
beforeAll(async () => {
  t = await startTestApi({ config: { corsCredentialOrigins: [ADMIN_ORIGIN] } });
  admin = await keyFor(t, 'ADMIN');
});
afterAll(async () => {
  await t?.close();
});

const base = () => t.url.replace('/graphql', '');

const SET_DAY = 'mutation($days: [CalendarDayInput!]!) { setCalendarDays(days: $days) { date } }';
const daysOff = (date: string) => ({ days: [{ date, working: false, note: 'nghỉ bù' }] });

async function calendarDays(from: string, to: string): Promise<{ date: string }[]> {
  const res = await t.gql<{ calendarDays: { date: string }[] }>(
    'query($from: Date!, $to: Date!) { calendarDays(from: $from, to: $to) { date } }',
    { from, to },
  );
  expect(res.errors).toBeUndefined();
  return res.data!.calendarDays;
}

function preflight(origin: string, path = '/graphql') {
  return fetch(`${base()}${path}`, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type, authorization',
    },
  });
}

describe('CORS', () => {
  it('answers a preflight from any origin with * and no credentials', async () => {
    const res = await preflight(PORTAL_ORIGIN);
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    expect(res.headers.get('access-control-allow-methods')).toContain('POST');
    expect(res.headers.get('access-control-allow-headers')).toContain('content-type');
    expect(res.headers.get('vary')).toContain('Origin');
  });

  it('answers a preflight from a configured origin with that origin and credentials', async () => {
    const res = await preflight(ADMIN_ORIGIN);
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(ADMIN_ORIGIN);
    expect(res.headers.get('access-control-allow-credentials')).toBe('true');
    expect(res.headers.get('vary')).toContain('Origin');
    // A look-alike origin is just another origin.
    const other = await preflight(`${ADMIN_ORIGIN}.evil.example`);
    expect(other.headers.get('access-control-allow-origin')).toBe('*');
    expect(other.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('gives the same headers on the answers themselves, POST and GET', async () => {
    const query = '{ calendarDays(from: "2026-01-01", to: "2026-01-31") { date } }';
    const post = (origin: string) =>
      fetch(t.url, {
        method: 'POST',
        headers: { origin, 'content-type': 'application/json' },
        body: JSON.stringify({ query }),
      });
    const publicRead = await post(PORTAL_ORIGIN);
    expect(publicRead.status).toBe(200);
    expect(publicRead.headers.get('access-control-allow-origin')).toBe('*');
    expect(publicRead.headers.get('access-control-allow-credentials')).toBeNull();
    const adminRead = await post(ADMIN_ORIGIN);
    expect(adminRead.headers.get('access-control-allow-origin')).toBe(ADMIN_ORIGIN);
    expect(adminRead.headers.get('access-control-allow-credentials')).toBe('true');

    const get = await fetch(`${t.url}?query=${encodeURIComponent(query)}`, {
      headers: { origin: PORTAL_ORIGIN, accept: 'application/json' },
    });
    expect(get.status).toBe(200);
    expect(get.headers.get('access-control-allow-origin')).toBe('*');
    expect(((await get.json()) as { data: unknown }).data).toEqual({ calendarDays: [] });
  });

  it('reads CORS_CREDENTIAL_ORIGINS: the admin UI outside production, none in production, never *', () => {
    expect(loadConfig({}).corsCredentialOrigins).toEqual(['http://localhost:3000']);
    expect(loadConfig({ ADMIN_PORT: '3100' }).corsCredentialOrigins).toEqual(['http://localhost:3100']);
    const production = { NODE_ENV: 'production', RATING_SECRET: 's'.repeat(32) };
    expect(loadConfig(production).corsCredentialOrigins).toEqual([]);
    expect(
      loadConfig({
        ...production,
        CORS_CREDENTIAL_ORIGINS: 'https://A.example.vn/, http://b.example.vn:8080',
      }).corsCredentialOrigins,
    ).toEqual(['https://a.example.vn', 'http://b.example.vn:8080']);
    expect(loadConfig({ CORS_CREDENTIAL_ORIGINS: '' }).corsCredentialOrigins).toEqual([]);
    expect(() => loadConfig({ CORS_CREDENTIAL_ORIGINS: '*' })).toThrow(/CORS_CREDENTIAL_ORIGINS/);
    expect(() => loadConfig({ CORS_CREDENTIAL_ORIGINS: 'https://a.example.vn/quan-tri' })).toThrow(
      /CORS_CREDENTIAL_ORIGINS/,
    );
  });
});

describe('requests sent without a preflight run nothing', () => {
  const operations = (date: string) => JSON.stringify({ query: SET_DAY, variables: daysOff(date) });

  const refused: [string, (date: string) => RequestInit][] = [
    [
      'form-encoded',
      (date) => ({
        body: new URLSearchParams({ query: SET_DAY, variables: JSON.stringify(daysOff(date)) }),
      }),
    ],
    [
      'multipart',
      (date) => {
        const form = new FormData();
        form.set('operations', operations(date));
        form.set('map', '{}');
        return { body: form };
      },
    ],
    ['text/plain', (date) => ({ body: operations(date), headers: { 'content-type': 'text/plain' } })],
    ['no content type', (date) => ({ body: new Blob([operations(date)]) })],
  ];

  it.each(refused)('%s POST: 415 with a stable code, and the mutation did not run', async (_kind, init) => {
    for (const path of ['/graphql', '/graphql/', '/?to=/graphql']) {
      const request = init('2026-03-02');
      const res = await fetch(`${base()}${path}`, {
        method: 'POST',
        ...request,
        headers: { origin: PORTAL_ORIGIN, ...admin, ...(request.headers as Record<string, string>) },
      });
      expect(res.status, path).toBe(415);
      expect(res.headers.get('access-control-allow-origin')).toBe('*');
      const body = (await res.json()) as { errors: { message: string; extensions: { code: string } }[] };
      expect(body.errors[0]!.extensions.code).toBe('UNSUPPORTED_MEDIA_TYPE');
      expect(body.errors[0]!.message).toContain('Content-Type: application/json');
    }
    expect(await calendarDays('2026-03-01', '2026-03-31')).toEqual([]);
  });

  it('a mutation over GET is refused by Yoga (405), and runs nothing', async () => {
    const url = `${t.url}?query=${encodeURIComponent(SET_DAY)}&variables=${encodeURIComponent(JSON.stringify(daysOff('2026-04-06')))}`;
    const res = await fetch(url, {
      headers: { origin: PORTAL_ORIGIN, accept: 'application/json', ...admin },
    });
    expect(res.status).toBe(405);
    expect(await calendarDays('2026-04-01', '2026-04-30')).toEqual([]);
  });

  it('the same mutation as JSON runs (the refusals above are not about the key or the document)', async () => {
    for (const contentType of ['application/json', 'application/json; charset=utf-8']) {
      const res = await fetch(t.url, {
        method: 'POST',
        headers: { origin: ADMIN_ORIGIN, 'content-type': contentType, ...admin },
        body: operations('2026-05-04'),
      });
      expect(res.status).toBe(200);
      expect(((await res.json()) as { errors?: unknown }).errors).toBeUndefined();
    }
    expect(await calendarDays('2026-05-01', '2026-05-31')).toEqual([{ date: '2026-05-04' }]);
  });
});
