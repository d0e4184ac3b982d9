// Issue "Satisfaction", capture: rating links for finished dossiers, ratings with their tokens, every
// rejection leaving everything as it was, idempotency (also across two API instances), masking of
// personal data in comments, rate limits, live rating events over graphql-ws and SSE (the comment
// only for officials), and rollups rebuilt from the raw rows equal to the incremental ones.
import { createApiKey, type RunningApi, signRatingToken, startApi } from '@tthc/api';
import { rebuildRollups } from '@tthc/api/rollups';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { TestApi } from '../support/api.ts';
import { dossierEvents } from '../support/dossier-events.ts';
import { keyFor } from '../support/keys.ts';
import { rollupSnapshot } from '../support/rollup-snapshot.ts';
import { startSeededApi } from '../support/seeded.ts';

const SECRET = 'ratings-test-secret-'.padEnd(64, 'x');
const TOKEN_DAYS = 3650; // tokens of the dossiers below stay valid for years, so the test does not age
const PER_IP = 20;
const PER_DOSSIER = 4;
const RATING_PAGE = 'https://dichvucong.khanhhoa.gov.vn/danh-gia?nguon=mot-cua';

let t: TestApi;
let ingest: Record<string, string>;
let read: Record<string, string>;
beforeAll(async () => {
  t = await startSeededApi(0, {
    ratingSecret: SECRET,
    ratingTokenDays: TOKEN_DAYS,
    ratingPageUrl: RATING_PAGE,
    trustProxy: true,
    ratingLimitPerIpPerMinute: PER_IP,
    ratingLimitPerDossierPerMinute: PER_DOSSIER,
  });
  ingest = await keyFor(t, 'INGEST');
  read = await keyFor(t, 'READ');
  await recordFixtures();
});
afterAll(async () => {
  await t?.close();
});

const A = '22870'; // Xã Ninh Phước
const B = '22873'; // Xã Phước Hậu (before 1/7/2025: Xã Phước Sơn)
const TTHN = '1.004873';
const KHAI_SINH = '1.001193';

/** A dossier received at `received` and, when `resolved` is given, resolved then (finished). */
function dossier(
  code: string,
  agencyCode: string,
  procedureCode: string,
  received: string,
  resolved?: string,
) {
  return dossierEvents(code, agencyCode, procedureCode, 'IN_PERSON', [
    ['RECEIVED', received],
    ...(resolved ? [['RESOLVED', resolved] as [string, string]] : []),
  ]);
}

// Agency A, marriage-status certificate: R1 and R2 finish in October 2026, R4 is still open.
// Agency A, birth registration: the dossiers the other tests rate, all finished in October.
// Agency B: R5, for scope filtering. OLD finished in 2015: its rating period is long over.
const FIXTURES = [
  ...dossier('R1', A, TTHN, '2026-10-05T08:00', '2026-10-07T10:00'),
  ...dossier('R2', A, TTHN, '2026-10-05T09:00', '2026-10-08T10:00'),
  ...dossier('R4', A, TTHN, '2026-10-12T08:00'),
  ...['R3', 'I1', 'I2', 'I3', 'M1', 'L1', 'P1', 'P2'].flatMap((code) =>
    dossier(code, A, KHAI_SINH, '2026-10-06T08:00', '2026-10-06T10:00'),
  ),
  ...dossier('R5', B, KHAI_SINH, '2026-10-06T08:00', '2026-10-06T10:00'),
  ...dossier('OLD', B, TTHN, '2015-03-02T08:00', '2015-03-04T10:00'),
];

async function recordFixtures() {
  const res = await t.gql<{ recordDossierEvents: { accepted: number; errors: unknown[] } }>(
    `mutation($events: [DossierEventInput!]!) { recordDossierEvents(events: $events) { accepted errors { index code } } }`,
    { events: FIXTURES },
    ingest,
  );
  expect(res.data!.recordDossierEvents).toEqual({ accepted: FIXTURES.length, errors: [] });
}

const LINK = `mutation($code: String!) { ratingLink(dossierCode: $code) { token url expiresAt } }`;
const SUBMIT = `mutation($input: SubmitRatingInput!) { submitRating(input: $input) { ok replaced error { index code message } } }`;
const STATS = `query($scope: StatsScope!) {
  stats(scope: $scope, period: { from: "2026-10-01", to: "2026-10-31" }) {
    finished ratingLinksIssued ratings verySatisfied satisfied dissatisfied satisfactionRate responseRate } }`;

type Payload = { ok: boolean; error: { index: number; code: string; message: string } | null };
type Link = { token: string; url: string; expiresAt: string };

let ipCounter = 0;
/** A client address of its own (the API trusts X-Forwarded-For in this test), so limits do not mix. */
const freshIp = () => ({ 'x-forwarded-for': `203.0.113.${++ipCounter}, 10.0.0.1` });

async function link(code: string): Promise<Link> {
  const res = await t.gql<{ ratingLink: Link }>(LINK, { code }, ingest);
  expect(res.errors).toBeUndefined();
  return res.data!.ratingLink;
}

async function submit(input: Record<string, unknown>, headers: Record<string, string> = freshIp()) {
  const res = await t.gql<{ submitRating: Payload }>(SUBMIT, { input }, headers);
  expect(res.errors).toBeUndefined();
  return res.data!.submitRating;
}

const stats = async (scope: Record<string, string>) =>
  (await t.gql<{ stats: Record<string, unknown> }>(STATS, { scope })).data!.stats;

async function ratingRows(code: string) {
  const { rows } = await t.api.services.db.pool.query(
    `SELECT r.level::text, r.comment, r.current, r."replacedAt" IS NOT NULL AS replaced
       FROM "Rating" r JOIN "Dossier" d ON d.id = r."dossierId" WHERE d.code = $1 ORDER BY r.id`,
    [code],
  );
  return rows as { level: string; comment: string | null; current: boolean; replaced: boolean }[];
}

async function tableCounts() {
  const { rows } = await t.api.services.db.pool.query(
    `SELECT (SELECT count(*) FROM "Rating")::int AS ratings, (SELECT count(*) FROM "RatingLink")::int AS links,
            (SELECT count(*) FROM "Dossier" WHERE rating IS NOT NULL)::int AS rated`,
  );
  return rows[0];
}

const S1 = { agencyCode: A, procedureCode: TTHN };
const tokens: Record<string, string> = {};

describe('ratingLink', () => {
  it('needs the ingest scope', async () => {
    expect((await t.gql(LINK, { code: 'R1' })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await t.gql(LINK, { code: 'R1' }, read)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses an unknown dossier, an unfinished one, and one whose rating period is over', async () => {
    const before = await tableCounts();
    const code = async (dossierCode: string) =>
      (await t.gql(LINK, { code: dossierCode }, ingest)).errors?.[0]?.extensions?.code;
    expect(await code('KHONG-CO')).toBe('UNKNOWN_DOSSIER');
    expect(await code('R4')).toBe('NOT_FINISHED');
    expect(await code('OLD')).toBe('RATING_CLOSED'); // ended 4/3/2015 + 3,650 days < today
    // A key limited to agency B does not see agency A's dossiers.
    const { key } = await createApiKey(
      t.api.services.prisma,
      { name: 'một cửa Phước Hậu', scopes: ['INGEST'], agencyCode: B },
      'TEST',
    );
    const limited = await t.gql(LINK, { code: 'R1' }, { authorization: `Bearer ${key}` });
    expect(limited.errors?.[0]?.extensions?.code).toBe('UNKNOWN_DOSSIER');
    expect(await tableCounts()).toEqual(before);
  });

  it('signs a token valid until the end + RATING_TOKEN_DAYS and counts the dossier as asked once', async () => {
    // Finished in October: R1, R2 → 2; nobody asked yet.
    expect(await stats(S1)).toMatchObject({ finished: 2, ratingLinksIssued: 0, ratings: 0 });
    const first = await link('R1');
    // R1 ended Wed 7/10/2026 10:00 (+07:00) = 03:00Z; + 3,650 days.
    expect(Date.parse(first.expiresAt)).toBe(Date.parse('2026-10-07T03:00:00Z') + TOKEN_DAYS * 86_400_000);
    const url = new URL(first.url);
    expect(`${url.origin}${url.pathname}`).toBe('https://dichvucong.khanhhoa.gov.vn/danh-gia');
    expect(url.searchParams.get('nguon')).toBe('mot-cua');
    expect(url.searchParams.get('ma-ho-so')).toBe('R1');
    expect(url.searchParams.get('token')).toBe(first.token);
    expect(await stats(S1)).toMatchObject({ finished: 2, ratingLinksIssued: 1 });
    // A second link for R1 is recorded, but R1 was already asked: still 1.
    const second = await link('R1');
    expect(second.token).not.toBe(first.token);
    expect(await stats(S1)).toMatchObject({ ratingLinksIssued: 1 });
    tokens.R1 = second.token;
    tokens.R2 = (await link('R2')).token;
    expect(await stats(S1)).toMatchObject({ ratingLinksIssued: 2 });
    const { rows } = await t.api.services.db.pool.query(
      `SELECT d.code, count(l.*)::int AS links, d."ratingLinkIssued" FROM "Dossier" d
         LEFT JOIN "RatingLink" l ON l."dossierId" = d.id WHERE d.code IN ('R1', 'R2') GROUP BY d.id ORDER BY d.code`,
    );
    expect(rows).toEqual([
      { code: 'R1', links: 2, ratingLinkIssued: true },
      { code: 'R2', links: 1, ratingLinkIssued: true },
    ]);
  });
});

describe('submitRating', () => {
  it('stores a rating and moves the figures of the period the dossier finished in', async () => {
    // The dossier's first rating: nothing replaced.
    expect(await submit({ dossierCode: 'R1', token: tokens.R1, level: 'VERY_SATISFIED' })).toEqual({
      ok: true,
      replaced: false,
      error: null,
    });
    // 1 rating of 2 finished: very satisfied 1 → satisfaction 1/1, response 1/2.
    expect(await stats(S1)).toEqual({
      finished: 2,
      ratingLinksIssued: 2,
      ratings: 1,
      verySatisfied: 1,
      satisfied: 0,
      dissatisfied: 0,
      satisfactionRate: 1,
      responseRate: 0.5,
    });
  });

  it('replaces the older rating in the statistics and keeps it as history', async () => {
    // The citizen is told the new answer took the place of the earlier one.
    expect(await submit({ dossierCode: 'R1', token: tokens.R1, level: 'DISSATISFIED' })).toMatchObject({
      ok: true,
      replaced: true,
    });
    expect(await stats(S1)).toMatchObject({
      ratings: 1,
      verySatisfied: 0,
      dissatisfied: 1,
      satisfactionRate: 0,
    });
    expect(await ratingRows('R1')).toEqual([
      { level: 'VERY_SATISFIED', comment: null, current: false, replaced: true },
      { level: 'DISSATISFIED', comment: null, current: true, replaced: false },
    ]);
    expect(await submit({ dossierCode: 'R2', token: tokens.R2, level: 'SATISFIED' })).toMatchObject({
      ok: true,
    });
    // R1 dissatisfied, R2 satisfied: 2 ratings, 1 of 2 satisfied; both finished dossiers rated.
    expect(await stats(S1)).toEqual({
      finished: 2,
      ratingLinksIssued: 2,
      ratings: 2,
      verySatisfied: 0,
      satisfied: 1,
      dissatisfied: 1,
      satisfactionRate: 0.5,
      responseRate: 1,
    });
  });

  it('rejects with a stable code, and a rejection changes nothing', async () => {
    const before = {
      stats: await stats({ agencyCode: '56' }),
      tables: await tableCounts(),
      rollups: await rollupSnapshot(t.api.services.db.pool),
    };
    const future = new Date(Date.now() + 86_400_000);
    const past = new Date(Date.now() - 1000);
    const cases: [string, Record<string, unknown>][] = [
      // A token signed with the server's secret for a dossier that does not exist (or no longer).
      ['UNKNOWN_DOSSIER', { dossierCode: 'KHONG-CO', token: signRatingToken(SECRET, 'KHONG-CO', future) }],
      // ratingLink refuses R4; a token for it can only have been made otherwise.
      ['NOT_FINISHED', { dossierCode: 'R4', token: signRatingToken(SECRET, 'R4', future) }],
      ['INVALID_TOKEN', { dossierCode: 'R2', token: tokens.R1 }], // R1's token for R2
      ['INVALID_TOKEN', { dossierCode: 'R2', token: 'khong-phai-ma' }],
      ['INVALID_TOKEN', { dossierCode: 'R2', token: signRatingToken('x'.repeat(64), 'R2', future) }],
      ['TOKEN_EXPIRED', { dossierCode: 'R2', token: signRatingToken(SECRET, 'R2', past) }],
      ['COMMENT_TOO_LONG', { dossierCode: 'R2', token: tokens.R2, comment: 'a'.repeat(1001) }],
      ['INVALID_IDEMPOTENCY_KEY', { dossierCode: 'R2', token: tokens.R2, idempotencyKey: 'k'.repeat(101) }],
    ];
    for (const [code, input] of cases) {
      const payload = await submit({ level: 'VERY_SATISFIED', ...input });
      expect(payload.ok).toBe(false);
      expect(payload.error).toMatchObject({ index: 0, code });
      expect(payload.error!.message).toMatch(/\P{ASCII}/u); // Vietnamese, with diacritics
    }
    expect({
      stats: await stats({ agencyCode: '56' }),
      tables: await tableCounts(),
      rollups: await rollupSnapshot(t.api.services.db.pool),
    }).toEqual(before);
  });

  it('counts the length of a comment after trimming, in characters', async () => {
    const { token } = await link('P1');
    // 1,000 letters (decomposed: 2,000 UTF-16 units before NFC) between spaces: accepted.
    const comment = `   ${'ệ'.normalize('NFD').repeat(1000)}   `;
    expect(await submit({ dossierCode: 'P1', token, level: 'SATISFIED', comment })).toMatchObject({
      ok: true,
    });
    expect((await ratingRows('P1'))[0]!.comment).toBe('ệ'.repeat(1000));
  });
});

describe('idempotency', () => {
  it('the same key again answers ok and stores nothing', async () => {
    const { token } = await link('I1');
    const input = { dossierCode: 'I1', token, level: 'SATISFIED', idempotencyKey: 'phieu-I1-lan-1' };
    expect(await submit(input)).toMatchObject({ ok: true, replaced: false });
    // A replay is not a new rating: it replaced nothing either.
    expect(await submit(input)).toMatchObject({ ok: true, replaced: false });
    expect(await ratingRows('I1')).toHaveLength(1);
  });

  it('concurrent identical submissions store one rating', async () => {
    const { token } = await link('I2');
    const input = { dossierCode: 'I2', token, level: 'VERY_SATISFIED', idempotencyKey: 'phieu-I2' };
    const results = await Promise.all([submit(input), submit(input), submit(input)]);
    expect(results.map((r) => r.ok)).toEqual([true, true, true]);
    expect(await ratingRows('I2')).toHaveLength(1);
  });

  it('…also when two API instances take them at the same moment', async () => {
    const second: RunningApi = await startApi({
      port: 0,
      host: '127.0.0.1',
      databaseUrl: t.api.services.db.url,
      redisUrl: undefined,
      seedOnEmpty: false,
      env: 'test',
      logLevel: 'warn',
      ratingSecret: SECRET,
    });
    try {
      const { token } = await link('I3');
      const post = (url: string, key: string) =>
        fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...freshIp() },
          body: JSON.stringify({
            query: SUBMIT,
            variables: { input: { dossierCode: 'I3', token, level: 'DISSATISFIED', idempotencyKey: key } },
          }),
        }).then((r) => r.json() as Promise<{ data: { submitRating: Payload } }>);
      for (const key of ['I3-a', 'I3-b', 'I3-c']) {
        const results = await Promise.all([post(t.url, key), post(second.url, key)]);
        expect(results.map((r) => r.data.submitRating.ok)).toEqual([true, true]);
      }
      // Three keys: three ratings, the last one current.
      const rows = await ratingRows('I3');
      expect(rows).toHaveLength(3);
      expect(rows.filter((r) => r.current)).toHaveLength(1);
    } finally {
      await second.stop();
    }
  });
});

describe('comments', () => {
  it('are stored with phone numbers, ID numbers and e-mail addresses masked, as plain text, in NFC', async () => {
    const { token } = await link('M1');
    const comment =
      '  Hồ sơ M1 (mã H56.14-261008-0975) trả ngày 06/10/2026, lệ phí 50.000 đồng. ' +
      'Gọi 0912 345 678 hoặc +84 386 123 456, CCCD 056190001234, email nguyen.van.a@gmail.com. ' +
      '<script>alert("x")</script> Cán bộ tận tình!  ';
    expect(
      await submit({ dossierCode: 'M1', token, level: 'VERY_SATISFIED', comment: comment.normalize('NFD') }),
    ).toMatchObject({ ok: true });
    expect((await ratingRows('M1'))[0]!.comment).toBe(
      'Hồ sơ M1 (mã H56.14-261008-0975) trả ngày 06/10/2026, lệ phí 50.000 đồng. ' +
        'Gọi [đã ẩn số điện thoại] hoặc [đã ẩn số điện thoại], CCCD [đã ẩn số định danh], email [đã ẩn thư điện tử]. ' +
        '<script>alert("x")</script> Cán bộ tận tình!',
    );
  });
});

describe('rate limits', () => {
  it(`refuses more than ${PER_DOSSIER} ratings of one dossier a minute, changing nothing`, async () => {
    const { token } = await link('L1');
    const levels = ['SATISFIED', 'DISSATISFIED', 'SATISFIED', 'VERY_SATISFIED'];
    for (const level of levels) {
      expect(await submit({ dossierCode: 'L1', token, level })).toMatchObject({ ok: true });
    }
    const before = await stats({ agencyCode: A, procedureCode: KHAI_SINH });
    const refused = await submit({ dossierCode: 'L1', token, level: 'DISSATISFIED' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    expect(refused.error!.message).toMatch(/thử lại sau \d+ giây/);
    expect(await ratingRows('L1')).toHaveLength(PER_DOSSIER);
    expect(await stats({ agencyCode: A, procedureCode: KHAI_SINH })).toEqual(before);
  });

  it(`refuses more than ${PER_IP} attempts a minute from one client address`, async () => {
    const ip = { 'x-forwarded-for': '198.51.100.7' };
    for (let i = 0; i < PER_IP; i++) {
      const attempt = await submit({ dossierCode: 'P2', token: 'sai', level: 'SATISFIED' }, ip);
      expect(attempt.error?.code).toBe('INVALID_TOKEN'); // every attempt counts
    }
    const { token } = await link('P2');
    expect(await submit({ dossierCode: 'P2', token, level: 'SATISFIED' }, ip)).toMatchObject({
      ok: false,
      error: { code: 'RATE_LIMITED' },
    });
    expect(await ratingRows('P2')).toHaveLength(0);
    // Another address is not affected.
    expect(await submit({ dossierCode: 'P2', token, level: 'SATISFIED' })).toMatchObject({ ok: true });
  });
});

describe('ratingSubmitted', () => {
  const SUBSCRIPTION = `subscription($scope: StatsScope!) {
    ratingSubmitted(scope: $scope) { level submittedAt agencyCode procedureCode comment } }`;
  type Event = {
    level: string;
    submittedAt: string;
    agencyCode: string;
    procedureCode: string;
    comment: string | null;
  };

  function wsSubscribe(scope: Record<string, string>, authorization?: string) {
    const client = createClient({
      url: t.url.replace('http', 'ws'),
      webSocketImpl: WebSocket,
      ...(authorization ? { connectionParams: { authorization } } : {}),
    });
    const events: Event[] = [];
    const ready = new Promise<void>((resolve) => client.on('connected', () => resolve()));
    client.subscribe<{ ratingSubmitted: Event }>(
      { query: SUBSCRIPTION, variables: { scope } },
      { next: (m) => events.push(m.data!.ratingSubmitted), error: () => {}, complete: () => {} },
    );
    return { events, ready, close: () => client.dispose() };
  }

  /** graphql-yoga's SSE transport ("distinct connections" mode): POST with Accept: text/event-stream. */
  function sseSubscribe(scope: Record<string, string>, headers: Record<string, string> = {}) {
    const controller = new AbortController();
    const events: Event[] = [];
    const started = fetch(t.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...headers },
      body: JSON.stringify({ query: SUBSCRIPTION, variables: { scope } }),
      signal: controller.signal,
    }).then(async (res) => {
      expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
      const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
      void (async () => {
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read().catch(() => ({ value: '', done: true }));
          if (done) return;
          buffer += value;
          for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
            const data = buffer
              .slice(0, end)
              .split('\n')
              .find((l) => l.startsWith('data:'));
            buffer = buffer.slice(end + 2);
            const event = data && data.length > 5 ? JSON.parse(data.slice(5))?.data?.ratingSubmitted : null;
            if (event) events.push(event);
          }
        }
      })();
    });
    return { events, started, close: () => controller.abort() };
  }

  it('delivers ratings of the scope live, the comment only to an official who may read it', async () => {
    const { key: limitedToB } = await createApiKey(
      t.api.services.prisma,
      { name: 'cán bộ Phước Hậu', scopes: ['READ'], agencyCode: B },
      'TEST',
    );
    const anonymous = wsSubscribe({ agencyCode: A });
    const official = wsSubscribe({ agencyCode: A }, read.authorization);
    const otherAgency = wsSubscribe({ agencyCode: A }, `Bearer ${limitedToB}`);
    const birthOnly = sseSubscribe({ procedureCode: KHAI_SINH });
    const bOnly = sseSubscribe({ agencyCode: B }, read);
    await Promise.all([anonymous.ready, official.ready, otherAgency.ready, birthOnly.started, bOnly.started]);
    await new Promise((resolve) => setTimeout(resolve, 200)); // subscriptions registered

    const r3 = await link('R3');
    expect(
      await submit({ dossierCode: 'R3', token: r3.token, level: 'SATISFIED', comment: 'Liên hệ 0912345678' }),
    ).toMatchObject({ ok: true });
    const expected = { level: 'SATISFIED', agencyCode: A, procedureCode: KHAI_SINH };
    await expect.poll(() => anonymous.events.length).toBe(1);
    await expect.poll(() => official.events.length).toBe(1);
    await expect.poll(() => otherAgency.events.length).toBe(1);
    await expect.poll(() => birthOnly.events.length).toBe(1);
    expect(anonymous.events[0]).toMatchObject({ ...expected, comment: null });
    expect(otherAgency.events[0]).toMatchObject({ ...expected, comment: null });
    expect(official.events[0]).toMatchObject({ ...expected, comment: 'Liên hệ [đã ẩn số điện thoại]' });
    expect(birthOnly.events[0]).toMatchObject({ ...expected, comment: null });
    expect(Date.now() - Date.parse(official.events[0]!.submittedAt)).toBeLessThan(10_000);

    // A rating in agency B reaches B's subscriber (an official: with the comment), not A's.
    const r5 = await link('R5');
    await submit({ dossierCode: 'R5', token: r5.token, level: 'DISSATISFIED', comment: 'Chờ lâu' });
    await expect.poll(() => bOnly.events.length).toBe(1);
    expect(bOnly.events[0]).toMatchObject({ level: 'DISSATISFIED', agencyCode: B, comment: 'Chờ lâu' });
    await expect.poll(() => birthOnly.events.length).toBe(2); // same procedure, any agency
    expect(anonymous.events).toHaveLength(1);
    expect(official.events).toHaveLength(1);

    for (const s of [anonymous, official, otherAgency, birthOnly, bOnly]) await s.close();
  });
});

describe('rollups', () => {
  it('a rebuild from the raw rows gives exactly the incremental rollups', async () => {
    const incremental = await rollupSnapshot(t.api.services.db.pool);
    const rated = incremental.counters.filter(
      (r) => r.verySatisfied !== 0 || r.satisfied !== 0 || r.dissatisfied !== 0 || r.ratingLinksIssued !== 0,
    );
    expect(rated.length).toBeGreaterThan(0);
    await rebuildRollups(t.api.services.db.pool);
    expect(await rollupSnapshot(t.api.services.db.pool)).toEqual(incremental);
  });

  it('the agency figures add up by hand', async () => {
    // Agency A, birth registration, October: R3, I1, I2, I3, M1, L1, P1, P2 finished = 8, all asked.
    // Current ratings: R3 satisfied, I1 satisfied, I2 very satisfied, I3 dissatisfied, M1 very
    // satisfied, L1 very satisfied (its 4th), P1 satisfied, P2 satisfied → 8 ratings, 1 dissatisfied.
    expect(await stats({ agencyCode: A, procedureCode: KHAI_SINH })).toEqual({
      finished: 8,
      ratingLinksIssued: 8,
      ratings: 8,
      verySatisfied: 3,
      satisfied: 4,
      dissatisfied: 1,
      satisfactionRate: 7 / 8,
      responseRate: 1,
    });
  });
});
