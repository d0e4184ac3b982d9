// Issue "Processing times": a scripted set of dossiers for two communes goes through the real API
// (HTTP and WebSocket) and comes out as hand-computed counts and Decision 766 scores; redelivery and
// reordering change nothing; rollups rebuilt from raw rows equal the incremental ones.
//
// Calendar facts used below (holidays.json has no holiday in March–April 2026 apart from none; 30/4
// is outside the periods): working hours 07:00–11:30, 13:30–17:00; 1 working day = 480 minutes.
import { rebuildRollups } from '@tthc/api/rollups';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { TestApi } from '../support/api.ts';
import { at, dossierEvents } from '../support/dossier-events.ts';
import { keyFor } from '../support/keys.ts';
import { rollupSnapshot } from '../support/rollup-snapshot.ts';
import { startSeededApi } from '../support/seeded.ts';

let t: TestApi;
let ingest: Record<string, string>;
beforeAll(async () => {
  t = await startSeededApi(0); // the catalogue, agencies and calendar, but no dossiers
  ingest = await keyFor(t, 'INGEST');
});
afterAll(async () => {
  await t?.close();
});

const A = '22870'; // Xã Ninh Phước
const B = '22873'; // Xã Phước Hậu
const TTHN = '1.004873'; // xác nhận tình trạng hôn nhân: 3 working days
const KHAI_SINH = '1.001193'; // đăng ký khai sinh: same day, cut-off 15:00

const dossier = dossierEvents;

// Agency A, TTHN, in person. Due dates by hand (3 working days = 1,440 working minutes):
const A1 = dossier('A1', A, TTHN, 'IN_PERSON', [
  // Mon 2/3 08:00 → Mon 420 + Tue 480 + Wed 480 = 1,380, Thu +60 → due Thu 5/3 08:00.
  ['RECEIVED', '2026-03-02T08:00'],
  ['RESOLVED', '2026-03-04T10:00'], // Wed, a day before the due day → EARLY
  ['RETURNED', '2026-03-04T15:00'],
]);
const A2 = dossier('A2', A, TTHN, 'IN_PERSON', [
  ['RECEIVED', '2026-03-02T09:00'], // due Thu 5/3 09:00
  ['RESOLVED', '2026-03-05T16:00'], // the due day itself → ON_TIME (compared by day)
]);
const A3 = dossier('A3', A, TTHN, 'IN_PERSON', [
  ['RECEIVED', '2026-03-03T08:00'], // due Fri 6/3 08:00
  // An apology on Thu 5/3 (≥ 1 day before the deadline) gives a new date; it stays LATE.
  ['PROCESSING', '2026-03-05T10:00', { dueAt: at('2026-03-09T17:00'), apologyRef: 'PXL-A3' }],
  ['RESOLVED', '2026-03-09T11:00'], // Mon 9/3 > Fri 6/3 → LATE
]);
const A4 = dossier('A4', A, TTHN, 'IN_PERSON', [
  ['RECEIVED', '2026-03-04T08:00'], // due Mon 9/3 08:00
  // Supplement Thu 5/3 08:00 → answered Mon 9/3 08:00: Thu 420 + Fri 480 + Mon 07:00–08:00 60 = 960
  // working minutes paused; the due moves 960 from Mon 08:00: Mon 420, Tue 480 (900), Wed +60 → Wed 11/3 08:00.
  ['SUPPLEMENT_REQUESTED', '2026-03-05T08:00'],
  ['PROCESSING', '2026-03-09T08:00'],
  ['RESOLVED', '2026-03-10T10:00'], // Tue, the day before the moved due day → EARLY
]);
const A5 = dossier('A5', A, TTHN, 'IN_PERSON', [
  ['RECEIVED', '2026-03-05T08:00'],
  ['WITHDRAWN', '2026-03-06T09:00'], // withdrawn: handled on time (docs/domain.md §3.8)
]);
const A6 = dossier('A6', A, TTHN, 'IN_PERSON', [
  ['RECEIVED', '2026-03-09T08:00'],
  ['SUPPLEMENT_REQUESTED', '2026-03-09T10:00'],
  ['PROCESSING', '2026-03-10T08:00'],
  ['SUPPLEMENT_REQUESTED', '2026-03-10T09:00'], // a second request: LATE whatever the dates
  ['PROCESSING', '2026-03-11T08:00'],
  ['RESOLVED', '2026-03-11T15:00'],
]);
const A7 = dossier('A7', A, TTHN, 'IN_PERSON', [
  ['RECEIVED', '2026-03-30T08:00'], // Mon 30/3 → due Thu 2/4 08:00
  ['RESOLVED', '2026-04-06T10:00'], // LATE, but at 31/3 it was open and not yet due
]);
const A8 = dossier('A8', A, TTHN, 'IN_PERSON', [
  ['RECEIVED', '2026-03-24T08:00'], // Tue 24/3 → due Fri 27/3 08:00
  ['RESOLVED', '2026-04-01T10:00'], // LATE; at 31/3 open and past due
]);
// Agency B, birth registration online (same day, cut-off 15:00):
const B1 = dossier('B1', B, KHAI_SINH, 'ONLINE', [
  ['RECEIVED', '2026-03-06T10:00'], // Fri before 15:00 → due Fri 17:00
  ['RESOLVED', '2026-03-06T16:00'], // ON_TIME
]);
const B2 = dossier('B2', B, KHAI_SINH, 'ONLINE', [
  ['RECEIVED', '2026-03-06T16:00'], // after the cut-off → due Mon 9/3 17:00
  ['RESOLVED', '2026-03-09T09:00'], // ON_TIME
]);
const B3 = dossier('B3', B, KHAI_SINH, 'ONLINE', [
  ['RECEIVED', '2026-03-06T16:00'], // due Mon 9/3 17:00
  ['RESOLVED', '2026-03-10T09:00'], // LATE
]);
const B4 = dossier('B4', B, KHAI_SINH, 'ONLINE', [['REFUSED', '2026-03-12T09:00']]); // refused at reception

const ALL = [...A1, ...A2, ...A3, ...A4, ...A5, ...A6, ...A7, ...A8, ...B1, ...B2, ...B3, ...B4];

const RECORD = `mutation($events: [DossierEventInput!]!) {
  recordDossierEvents(events: $events) { accepted duplicates errors { index code message } } }`;
const STATS = `query($scope: StatsScope!, $from: Date!, $to: Date!) {
  stats(scope: $scope, period: { from: $from, to: $to }) {
    received finished early onTime late withdrawn refused onTimeRate lateOpen asOf apologies supplementRequests
    averageProcessingWorkingDays byChannel { channel received finished } byMonth { month received finished }
  } }`;
const INDEX = `query($code: String!, $from: Date!, $to: Date!) {
  index766(agencyCode: $code, period: { from: $from, to: $to }) {
    total indicators { id score maxScore numerator denominator } } }`;

type Stats = Record<string, unknown>;
const stats = async (scope: Record<string, string>, from: string, to: string) =>
  (await t.gql<{ stats: Stats }>(STATS, { scope, from, to })).data!.stats;
const index766 = async (code: string, from: string, to: string) =>
  (
    await t.gql<{ index766: { total: number | null; indicators: Record<string, unknown>[] } }>(INDEX, {
      code,
      from,
      to,
    })
  ).data!.index766;

/** Deterministic shuffle, so "any order" is tested reproducibly. */
function shuffled<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('recordDossierEvents', () => {
  it('needs the ingest scope', async () => {
    const res = await t.gql(RECORD, { events: A1 }, await keyFor(t, 'READ'));
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('stores good events and reports bad ones by index with stable codes', async () => {
    const bad = [
      { ...A1[0]!, dossierCode: 'X1', procedureCode: '9.999999' },
      { ...A1[0]!, dossierCode: 'X2', agencyCode: '00000' },
      { ...A1[0]!, dossierCode: 'X3', sequence: 0 },
      { ...A1[0]!, dossierCode: 'X4', occurredAt: at('2099-01-01T08:00') },
      { ...A1[0]!, dossierCode: 'bad code with spaces' },
    ];
    const res = await t.gql<{
      recordDossierEvents: { accepted: number; errors: { index: number; code: string }[] };
    }>(RECORD, { events: [...bad, ...A1] }, ingest);
    expect(res.data!.recordDossierEvents.accepted).toBe(3);
    expect(res.data!.recordDossierEvents.errors.map((e) => [e.index, e.code])).toEqual([
      [0, 'UNKNOWN_PROCEDURE'],
      [1, 'UNKNOWN_AGENCY'],
      [2, 'INVALID_SEQUENCE'],
      [3, 'FUTURE_EVENT'],
      [4, 'INVALID_DOSSIER_CODE'],
    ]);
  });

  it('takes the rest in shuffled batches, counting what was already delivered as duplicates', async () => {
    const events = shuffled(ALL, 7);
    let accepted = 0;
    let duplicates = 0;
    for (let i = 0; i < events.length; i += 7) {
      const res = await t.gql<{
        recordDossierEvents: { accepted: number; duplicates: number; errors: unknown[] };
      }>(RECORD, { events: events.slice(i, i + 7) }, ingest);
      expect(res.data!.recordDossierEvents.errors).toEqual([]);
      accepted += res.data!.recordDossierEvents.accepted;
      duplicates += res.data!.recordDossierEvents.duplicates;
    }
    expect(duplicates).toBe(A1.length); // A1 went in with the previous test
    expect(accepted).toBe(ALL.length - A1.length);
  });
});

describe('hand-computed statistics', () => {
  it('agency A, first quarter 2026', async () => {
    // Received A1–A8 = 8. Finished in Q1: A1–A6 = 6 (A7, A8 end in April). Early A1, A4; late A3 (after
    // its due day; the apology does not help) and A6 (two supplements); on time A2, A5 (withdrawn).
    // At 31/3 A8 is open and past due (Fri 27/3) → lateOpen 1; A7 is open but due 2/4.
    expect(await stats({ agencyCode: A }, '2026-01-01', '2026-03-31')).toMatchObject({
      received: 8,
      finished: 6,
      early: 2,
      onTime: 2,
      late: 2,
      withdrawn: 1,
      refused: 0,
      onTimeRate: 4 / 6,
      lateOpen: 1,
      asOf: '2026-03-31',
      apologies: 1,
      supplementRequests: 3,
      byChannel: [
        { channel: 'IN_PERSON', received: 8, finished: 6 },
        { channel: 'ONLINE', received: 0, finished: 0 },
        { channel: 'POSTAL', received: 0, finished: 0 },
      ],
      byMonth: [{ month: '2026-03-01', received: 8, finished: 6 }],
    });
  });

  it('agency A, Decision 766 for the first quarter', async () => {
    const idx = await index766(A, '2026-01-01', '2026-03-31');
    const byId = Object.fromEntries(idx.indicators.map((i) => [i.id, i]));
    // 2.1: on time at the period's end = A1, A2, A4, A5 (finished on time) + A7 (open, due 2/4 ≥ 31/3)
    // = 5 of 8 received → 20 × 5/8 = 12.5.
    expect(byId['2.1']).toEqual({ id: '2.1', score: 12.5, maxScore: 20, numerator: 5, denominator: 8 });
    // 3.3: 0 of 8 online → 0 (not null: there are dossiers).
    expect(byId['3.3']).toMatchObject({ score: 0, numerator: 0, denominator: 8 });
    // 5.4: 100% − 2/6 late − 0 disliked = 66.67% → 6 × 0.6667 / 0.90 = 4.4444.
    expect(byId['5.4']).toMatchObject({ maxScore: 6, denominator: 6 });
    expect(byId['5.4']!.score).toBeCloseTo(4.4444, 3);
  });

  it('agency A, second quarter: A7 and A8 finish late; nothing received → 2.1 has no data', async () => {
    expect(await stats({ agencyCode: A }, '2026-04-01', '2026-06-30')).toMatchObject({
      received: 0,
      finished: 2,
      late: 2,
      lateOpen: 0,
    });
    const byId = Object.fromEntries(
      (await index766(A, '2026-04-01', '2026-06-30')).indicators.map((i) => [i.id, i]),
    );
    expect(byId['2.1']).toMatchObject({ score: null, numerator: 0, denominator: 0 });
  });

  it('agency B: the cut-off hour, online share and a refusal', async () => {
    // B1, B2 on time (B2 was received after 15:00 on Friday, due Monday 17:00); B3 late; B4 refused
    // at reception, never received, not finished.
    expect(await stats({ agencyCode: B }, '2026-03-01', '2026-03-31')).toMatchObject({
      received: 3,
      finished: 3,
      early: 0,
      onTime: 2,
      late: 1,
      refused: 1,
    });
    const byId = Object.fromEntries(
      (await index766(B, '2026-03-01', '2026-03-31')).indicators.map((i) => [i.id, i]),
    );
    // 3.3: 3 of 3 online = 100% ≥ 50% → capped at 6.
    expect(byId['3.3']).toMatchObject({ score: 6, numerator: 3, denominator: 3 });
  });

  it('the province covers both communes; a procedure scope only its own dossiers', async () => {
    expect(await stats({ agencyCode: '56' }, '2026-03-01', '2026-03-31')).toMatchObject({
      received: 11,
      finished: 9,
      early: 2,
      onTime: 4,
      late: 3,
      refused: 1,
    });
    expect(await stats({ procedureCode: KHAI_SINH }, '2026-03-01', '2026-03-31')).toMatchObject({
      received: 3,
      finished: 3,
    });
  });

  it('a period inside one month, and one spanning months, read the same rows', async () => {
    // 2–4 March: received A1, A2 (2/3), A3 (3/3), A4 (4/3) = 4; finished A1 (4/3) = 1.
    expect(await stats({ agencyCode: A }, '2026-03-02', '2026-03-04')).toMatchObject({
      received: 4,
      finished: 1,
    });
    // 15/2–15/4: all of A received (8); finished A1–A6 + A8 (1/4) + A7 (6/4) = 8.
    expect(await stats({ agencyCode: A }, '2026-02-15', '2026-04-15')).toMatchObject({
      received: 8,
      finished: 8,
    });
  });

  it('rejects an inverted period', async () => {
    const res = await t.gql(STATS, { scope: { agencyCode: A }, from: '2026-03-31', to: '2026-03-01' });
    expect(res.errors?.[0]?.extensions?.code).toBe('INVALID_PERIOD');
  });
});

describe('history of the 1/7/2025 merger', () => {
  it('a dossier of a merged commune counts under its successor today, and under itself', async () => {
    // Xã Phước Thuận (22882) existed until 30/6/2025 and was merged into xã Ninh Phước (22870).
    const H1 = dossier('H1', '22882', TTHN, 'IN_PERSON', [
      ['RECEIVED', '2025-06-10T08:00'], // Tue → due Fri 13/6 08:00
      ['RESOLVED', '2025-06-12T10:00'], // EARLY
    ]);
    const res = await t.gql<{ recordDossierEvents: { accepted: number; errors: unknown[] } }>(
      RECORD,
      { events: H1 },
      ingest,
    );
    expect(res.data!.recordDossierEvents).toMatchObject({ accepted: 2, errors: [] });
    const june = (code: string) => stats({ agencyCode: code }, '2025-06-01', '2025-06-30');
    expect(await june('22882')).toMatchObject({ received: 1, finished: 1, early: 1 }); // itself
    // 22870 in June 2025 is thị trấn Phước Dân, not yet xã Ninh Phước (the code was reused, docs/domain.md
    // §0): Phước Thuận's successor is asked for by the day it holds the code.
    expect(await june(A)).toMatchObject({ received: 0 });
    expect(await stats({ agencyCode: A, activeOn: '2025-07-01' }, '2025-06-01', '2025-06-30')).toMatchObject({
      received: 1,
      finished: 1,
    }); // today's successor
    // 56 in June 2025 is the former Khánh Hòa, without Ninh Thuận; today's province holds it.
    expect(await june('56')).toMatchObject({ received: 0 });
    expect(
      await stats({ agencyCode: '56', activeOn: '2025-07-01' }, '2025-06-01', '2025-06-30'),
    ).toMatchObject({
      received: 1,
    }); // today's province, via Ninh Thuận
    expect(await june(B)).toMatchObject({ received: 0 }); // another commune
    // The same code after the merger names the new commune: 22882 no longer exists then.
    const late = await t.gql(
      RECORD,
      { events: dossier('H2', '22882', TTHN, 'IN_PERSON', [['RECEIVED', '2025-07-02T08:00']]) },
      ingest,
    );
    expect(late.data).toMatchObject({
      recordDossierEvents: { accepted: 0, errors: [{ index: 0, code: 'UNKNOWN_AGENCY' }] },
    });
  });
});

describe('the dossier timeline', () => {
  it('shows events, due-date history and timeliness to a key', async () => {
    const q = `{ dossier(code: "A4") { status timeliness dueAt initialDueAt pausedWorkingMinutes
      events { sequence status } dueDateChanges { reason previousDueAt newDueAt } } }`;
    const anonymous = await t.gql(q);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const res = await t.gql<{ dossier: Record<string, unknown> }>(q, {}, ingest);
    expect(res.data!.dossier).toEqual({
      status: 'RESOLVED',
      timeliness: 'EARLY',
      dueAt: '2026-03-11T08:00:00+07:00',
      initialDueAt: '2026-03-09T08:00:00+07:00',
      pausedWorkingMinutes: 960,
      events: [
        { sequence: 1, status: 'RECEIVED' },
        { sequence: 2, status: 'SUPPLEMENT_REQUESTED' },
        { sequence: 3, status: 'PROCESSING' },
        { sequence: 4, status: 'RESOLVED' },
      ],
      dueDateChanges: [
        { reason: 'INITIAL', previousDueAt: null, newDueAt: '2026-03-09T08:00:00+07:00' },
        {
          reason: 'SUPPLEMENT',
          previousDueAt: '2026-03-09T08:00:00+07:00',
          newDueAt: '2026-03-11T08:00:00+07:00',
        },
      ],
    });
  });

  it('keeps the apology in the history while the dossier stays late', async () => {
    const res = await t.gql<{ dossier: Record<string, unknown> }>(
      `{ dossier(code: "A3") { timeliness dueAt dueDateChanges { reason newDueAt apologyRef } } }`,
      {},
      ingest,
    );
    expect(res.data!.dossier).toEqual({
      timeliness: 'LATE',
      dueAt: '2026-03-09T17:00:00+07:00',
      dueDateChanges: [
        { reason: 'INITIAL', newDueAt: '2026-03-06T08:00:00+07:00', apologyRef: null },
        { reason: 'APOLOGY', newDueAt: '2026-03-09T17:00:00+07:00', apologyRef: 'PXL-A3' },
      ],
    });
  });
});

describe('idempotence and rollups', () => {
  it('redelivering everything in another order changes nothing', async () => {
    const before = await stats({ agencyCode: '56' }, '2026-01-01', '2026-06-30');
    const res = await t.gql<{ recordDossierEvents: { accepted: number; duplicates: number } }>(
      RECORD,
      { events: shuffled(ALL, 99) },
      ingest,
    );
    expect(res.data!.recordDossierEvents).toMatchObject({ accepted: 0, duplicates: ALL.length });
    expect(await stats({ agencyCode: '56' }, '2026-01-01', '2026-06-30')).toEqual(before);
  });

  it('concurrent deliveries of the same events store them once', async () => {
    const events = dossier('C1', B, KHAI_SINH, 'POSTAL', [
      ['RECEIVED', '2026-05-04T08:00'],
      ['RESOLVED', '2026-05-04T10:00'],
      ['RETURNED', '2026-05-04T11:00'],
    ]);
    const results = await Promise.all(
      [0, 1, 2, 3, 4].map((i) =>
        t.gql<{ recordDossierEvents: { accepted: number; duplicates: number } }>(
          RECORD,
          { events: shuffled(events, i + 1) },
          ingest,
        ),
      ),
    );
    const outcome = results.map((r) => r.data!.recordDossierEvents);
    expect(outcome.reduce((n, r) => n + r.accepted, 0)).toBe(3);
    expect(outcome.reduce((n, r) => n + r.duplicates, 0)).toBe(12);
    expect(await stats({ procedureCode: KHAI_SINH }, '2026-05-01', '2026-05-31')).toMatchObject({
      received: 1,
      finished: 1,
      byChannel: [
        { channel: 'IN_PERSON', received: 0, finished: 0 },
        { channel: 'ONLINE', received: 0, finished: 0 },
        { channel: 'POSTAL', received: 1, finished: 1 },
      ],
    });
  });

  it('a rebuild from the raw rows gives exactly the incremental rollups', async () => {
    const snapshot = () => rollupSnapshot(t.api.services.db.pool);
    const incremental = await snapshot();
    expect(incremental.counters.length).toBeGreaterThan(0);
    await rebuildRollups(t.api.services.db.pool);
    expect(await snapshot()).toEqual(incremental);
  });
});

describe('statsChanged', () => {
  it('pushes the current figures, then fresh ones after a change in scope', async () => {
    const client = createClient({ url: t.url.replace('http', 'ws'), webSocketImpl: WebSocket });
    const seen: { received: number }[] = [];
    const done = new Promise<void>((resolve, reject) => {
      client.subscribe<{ statsChanged: { received: number } }>(
        {
          query: `subscription { statsChanged(scope: { agencyCode: "${B}" }, period: { from: "2026-03-01", to: "2026-03-31" }) { received finished } }`,
        },
        { next: (m) => seen.push(m.data!.statsChanged), error: reject, complete: resolve },
      );
    });
    await expect.poll(() => seen.length, { timeout: 5000 }).toBe(1);
    expect(seen[0]).toMatchObject({ received: 3 });
    // A change for agency A does not concern B's subscribers…
    await t.gql(
      RECORD,
      { events: dossier('A9', A, TTHN, 'IN_PERSON', [['RECEIVED', '2026-03-16T08:00']]) },
      ingest,
    );
    // …one for B does, within a second.
    const started = Date.now();
    await t.gql(
      RECORD,
      { events: dossier('B5', B, KHAI_SINH, 'IN_PERSON', [['RECEIVED', '2026-03-16T08:00']]) },
      ingest,
    );
    await expect.poll(() => seen.length, { timeout: 5000 }).toBe(2);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(seen[1]).toMatchObject({ received: 4 });
    await client.dispose();
    await done.catch(() => {});
  });
});
