// Issue 12, rules 1–4 and 7, through the real API: a dossier still open at a period's end is judged by
// what was true then (docs/domain.md §3.9) — its due date as it stood, its clock stopped while a
// supplement request waits, late from a second request — for indicator 2.1 (`index766`), `lateOpen`
// and `Dossier.timeliness` alike; events dated after a period leave its figures unchanged; a refusal
// after reception is counted as refused. Then a rebuild of the rollups from the raw rows equals the
// incremental rows.
//
// Calendar (prisma/seed-data/holidays.json): working hours 07:00–11:30, 13:30–17:00, 480 minutes a
// day; 7/4/2025 (Giỗ Tổ), 30/4, 1/5, 2/5/2025 off; no day off in June 2026. Procedure 1.004873
// (xác nhận tình trạng hôn nhân) has 3 working days = 1,440 working minutes. Units: 22882 (xã Phước
// Thuận) existed until 30/6/2025, so the 2025 cases use it; 22870 and 22873 for June 2026.
import { startApi } from '@tthc/api';
import { rebuildRollups } from '@tthc/api/rollups';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApi } from '../support/api.ts';
import { at, type DossierEventInput } from '../support/dossier-events.ts';
import { keyFor } from '../support/keys.ts';
import { rollupSnapshot } from '../support/rollup-snapshot.ts';
import { startSeededApi } from '../support/seeded.ts';

let t: TestApi;
let ingest: Record<string, string>;
beforeAll(async () => {
  t = await startSeededApi(0); // catalogue, units and calendar; no dossiers
  ingest = await keyFor(t, 'INGEST');
});
afterAll(async () => {
  await t?.close();
});

const TTHN = '1.004873';
const PHUOC_THUAN = '22882';
const NINH_PHUOC = '22870';
const PHUOC_HAU = '22873';

/** Events of one dossier with the sequences given: [sequence, status, local time]. */
function dossier(code: string, agencyCode: string, steps: [number, string, string][]): DossierEventInput[] {
  return steps.map(([sequence, status, time]) => ({
    dossierCode: code,
    procedureCode: TTHN,
    agencyCode,
    channel: 'IN_PERSON',
    status,
    occurredAt: at(time),
    sequence,
  }));
}

const RECORD = `mutation($events: [DossierEventInput!]!) {
  recordDossierEvents(events: $events) { accepted errors { index code message } } }`;
const STATS = `query($scope: StatsScope!, $from: Date!, $to: Date!) {
  stats(scope: $scope, period: { from: $from, to: $to }) {
    received finished early onTime late withdrawn stopped refused lateOpen asOf } }`;
const INDEX = `query($code: String!, $from: Date!, $to: Date!) {
  index766(agencyCode: $code, period: { from: $from, to: $to }) { indicators { id numerator denominator } } }`;
const TIMELINESS = `query($code: String!) { dossier(code: $code) { timeliness status } }`;

async function record(events: DossierEventInput[]) {
  const res = await t.gql<{ recordDossierEvents: { accepted: number; errors: unknown[] } }>(
    RECORD,
    { events },
    ingest,
  );
  expect(res.errors).toBeUndefined();
  expect(res.data!.recordDossierEvents).toEqual({ accepted: events.length, errors: [] });
}

/** Indicator 2.1 as numerator / denominator, lateOpen and the counters of a unit over a period. */
async function figures(agencyCode: string, from: string, to: string) {
  const stats = await t.gql<{ stats: Record<string, unknown> }>(STATS, { scope: { agencyCode }, from, to });
  const index = await t.gql<{
    index766: { indicators: { id: string; numerator: number; denominator: number }[] };
  }>(INDEX, { code: agencyCode, from, to });
  expect(stats.errors).toBeUndefined();
  expect(index.errors).toBeUndefined();
  const i21 = index.data!.index766.indicators.find((i) => i.id === '2.1')!;
  return { ...stats.data!.stats, '2.1': `${i21.numerator}/${i21.denominator}` };
}

const timeliness = async (code: string) =>
  (await t.gql<{ dossier: { timeliness: string | null; status: string } }>(TIMELINESS, { code }, ingest))
    .data!.dossier;

describe('rule 1: an open dossier is judged by its due date as it stood at the period end', () => {
  // Received Tue 1/4/2025 08:00: Tue 420 + Wed 480 + Thu 480 = 1,380, Fri +60 → due Fri 4/4 08:00.
  const received = dossier('R1', PHUOC_THUAN, [[10, 'RECEIVED', '2025-04-01T08:00']]);
  // Later: a request Tue 15/4 (after the due day), answered Tue 6/5, resolved Wed 7/5. The pause moves
  // the due date by the working time paused (15/4 09:00 → 6/5 08:00) to a day in late April, so the
  // final outcome is LATE — but it is the final due date, after 10/4, that used to make 10/4 "on time".
  const later = dossier('R1', PHUOC_THUAN, [
    [20, 'SUPPLEMENT_REQUESTED', '2025-04-15T09:00'],
    [30, 'PROCESSING', '2025-05-06T08:00'],
    [40, 'RESOLVED', '2025-05-07T10:00'],
  ]);
  let closed: Record<string, unknown>;

  it('open on 10/4 and due 4/4: late at the end of 1/4–10/4 (2.1 = 0/1, lateOpen 1)', async () => {
    await record(received);
    closed = await figures(PHUOC_THUAN, '2025-04-01', '2025-04-10');
    expect(closed).toEqual({
      received: 1,
      finished: 0,
      early: 0,
      onTime: 0,
      late: 0,
      withdrawn: 0,
      stopped: 0,
      refused: 0,
      lateOpen: 1,
      asOf: '2025-04-10',
      '2.1': '0/1',
    });
  });

  it('boundaries: a period ending on the due day counts it on time; the day after, late', async () => {
    expect(await figures(PHUOC_THUAN, '2025-04-01', '2025-04-04')).toMatchObject({
      lateOpen: 0,
      '2.1': '1/1',
    });
    expect(await figures(PHUOC_THUAN, '2025-04-01', '2025-04-05')).toMatchObject({
      lateOpen: 1,
      '2.1': '0/1',
    });
  });

  it('closed period stability: events dated after 10/4 leave the period’s figures unchanged', async () => {
    await record(later);
    expect(await figures(PHUOC_THUAN, '2025-04-01', '2025-04-10')).toEqual(closed);
    // The dossier itself ended late (7/5 after the moved due day), and its May figure says so.
    expect(await timeliness('R1')).toEqual({ timeliness: 'LATE', status: 'RESOLVED' });
    expect(await figures(PHUOC_THUAN, '2025-05-01', '2025-05-31')).toMatchObject({ finished: 1, late: 1 });
  });

  it('an event dated inside the period that arrives late does change it', async () => {
    // A request on Thu 3/4 10:00 (before the due day) delivered now under sequence 15: on 10/4 the
    // dossier was waiting on a request made in time → paused, on time: 2.1 = 1/1, lateOpen 0. The
    // request of 15/4 is now a second one: late from 15/4 on.
    await record(dossier('R1', PHUOC_THUAN, [[15, 'SUPPLEMENT_REQUESTED', '2025-04-03T10:00']]));
    expect(await figures(PHUOC_THUAN, '2025-04-01', '2025-04-10')).toMatchObject({
      lateOpen: 0,
      '2.1': '1/1',
    });
    expect(await figures(PHUOC_THUAN, '2025-04-01', '2025-04-14')).toMatchObject({
      lateOpen: 0,
      '2.1': '1/1',
    });
    expect(await figures(PHUOC_THUAN, '2025-04-01', '2025-04-15')).toMatchObject({
      lateOpen: 1,
      '2.1': '0/1',
    });
  });
});

describe('rules 2 and 4: waiting for a supplement stops the clock at the request', () => {
  // Received Mon 5/5/2025 08:00: Mon 420 + Tue 480 + Wed 480 = 1,380, Thu +60 → due Thu 8/5 08:00.
  // Requested Tue 6/5 (before the due day), never answered; stopped Fri 20/6.
  const waiting = dossier('R2', PHUOC_THUAN, [
    [1, 'RECEIVED', '2025-05-05T08:00'],
    [2, 'SUPPLEMENT_REQUESTED', '2025-05-06T09:00'],
  ]);

  it('while waiting: on time at the end of 5/5–9/5, and IN_PROGRESS_ON_TIME, not a finished class', async () => {
    await record(waiting);
    // R1 (received in April) ended 7/5: not open on 9/5. So only R2: received 1, on time → 1/1.
    expect(await figures(PHUOC_THUAN, '2025-05-05', '2025-05-09')).toMatchObject({
      received: 1,
      lateOpen: 0,
      '2.1': '1/1',
    });
    expect(await timeliness('R2')).toEqual({
      timeliness: 'IN_PROGRESS_ON_TIME',
      status: 'SUPPLEMENT_REQUESTED',
    });
  });

  it('stopped later: the period 5/5–9/5 still counts it on time', async () => {
    await record(dossier('R2', PHUOC_THUAN, [[3, 'STOPPED', '2025-06-20T10:00']]));
    expect(await figures(PHUOC_THUAN, '2025-05-05', '2025-05-09')).toMatchObject({
      lateOpen: 0,
      '2.1': '1/1',
    });
    // Its end: the unanswered request (6/5); a stop counts as handled on time.
    expect(await timeliness('R2')).toEqual({ timeliness: 'ON_TIME', status: 'STOPPED' });
    expect(await figures(PHUOC_THUAN, '2025-06-01', '2025-06-30')).toMatchObject({ finished: 1, stopped: 1 });
  });
});

describe('rule 3: a second supplement request makes an open dossier late, for 2.1 and for itself', () => {
  // Received Mon 1/6/2026 08:00 → due Thu 4/6 08:00. Request Tue 2/6 08:00 answered Wed 3/6 08:00:
  // 480 minutes paused → due Fri 5/6 08:00. A second request Wed 3/6 10:00, still waiting (today).
  const twice = dossier('R3', NINH_PHUOC, [
    [1, 'RECEIVED', '2026-06-01T08:00'],
    [2, 'SUPPLEMENT_REQUESTED', '2026-06-02T08:00'],
    [3, 'PROCESSING', '2026-06-03T08:00'],
    [4, 'SUPPLEMENT_REQUESTED', '2026-06-03T10:00'],
  ]);

  it('on time at the end of 1/6–2/6; late from 3/6, the day of the second request', async () => {
    await record(twice);
    expect(await figures(NINH_PHUOC, '2026-06-01', '2026-06-02')).toMatchObject({
      lateOpen: 0,
      '2.1': '1/1',
    });
    // 3/6 is before the due day 5/6, yet late: the second request.
    expect(await figures(NINH_PHUOC, '2026-06-01', '2026-06-03')).toMatchObject({
      lateOpen: 1,
      '2.1': '0/1',
    });
  });

  it('the dossier’s own timeliness says the same: IN_PROGRESS_LATE, counted in lateOpen and not in 2.1', async () => {
    expect(await timeliness('R3')).toEqual({
      timeliness: 'IN_PROGRESS_LATE',
      status: 'SUPPLEMENT_REQUESTED',
    });
    expect(await figures(NINH_PHUOC, '2026-06-01', '2026-06-30')).toMatchObject({
      received: 1,
      finished: 0,
      lateOpen: 1,
      '2.1': '0/1',
    });
  });
});

describe('rule 7: a refusal after reception is counted as refused', () => {
  // Received Mon 8/6/2026 08:00 (due Thu 11/6 08:00) and refused Tue 9/6; another received Mon 8/6
  // 09:00 and resolved Tue 9/6, two days before its due day Thu 11/6 → EARLY.
  it('refused, not finished, not on time; the 9-indicator evaluation leaves it out', async () => {
    await record([
      ...dossier('R7', PHUOC_HAU, [
        [1, 'RECEIVED', '2026-06-08T08:00'],
        [2, 'REFUSED', '2026-06-09T10:00'],
      ]),
      ...dossier('R7B', PHUOC_HAU, [
        [1, 'RECEIVED', '2026-06-08T09:00'],
        [2, 'RESOLVED', '2026-06-09T15:00'],
      ]),
    ]);
    // received 2; finished 1 (R7B, early); refused 1 (R7). 2.1: R7B on time, R7 not → 1/2.
    expect(await figures(PHUOC_HAU, '2026-06-01', '2026-06-30')).toEqual({
      received: 2,
      finished: 1,
      early: 1,
      onTime: 0,
      late: 0,
      withdrawn: 0,
      stopped: 0,
      refused: 1,
      lateOpen: 0,
      asOf: '2026-06-30',
      '2.1': '1/2',
    });
    expect(await timeliness('R7')).toEqual({ timeliness: null, status: 'REFUSED' });
    // Indicator 1 of the evaluation, Q2 2026: judged = the dossiers processed to a result = R7B only,
    // shorter than the limit.
    const res = await t.gql<{
      oneStopEvaluation: { indicators: { number: number; timeComparison: Record<string, number> | null }[] };
    }>(
      `query { oneStopEvaluation(agencyCode: "${PHUOC_HAU}", year: 2026, quarter: 2) {
        indicators { number timeComparison { judged shorter equal longer } } } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.oneStopEvaluation.indicators.find((i) => i.number === 1)!.timeComparison).toEqual({
      judged: 1,
      shorter: 1,
      equal: 0,
      longer: 0,
    });
  });
});

describe('supplement requests and apologies count on the day they were made', () => {
  // docs/statistics.md: `supplementRequests` = requests made in the period, `apologies` = apologies
  // issued in it, whenever the dossier was received. July 2026 has no day off.
  // R8: received Mon 6/7/2026 08:00: Mon 420 + Tue 480 + Wed 480 = 1,380, Thu +60 → due Thu 9/7 08:00.
  // R8B: received Tue 30/6/2026 08:00, a request Wed 8/7 09:00 (inside 6/7–10/7), still waiting.
  const COUNTERS = `query($scope: StatsScope!, $from: Date!, $to: Date!) {
    stats(scope: $scope, period: { from: $from, to: $to }) { received supplementRequests apologies } }`;
  const counters = async (from: string, to: string) => {
    const res = await t.gql<{ stats: Record<string, number> }>(COUNTERS, {
      scope: { agencyCode: PHUOC_HAU },
      from,
      to,
    });
    expect(res.errors).toBeUndefined();
    return res.data!.stats;
  };
  // Later, all after 10/7: a request Mon 13/7 09:00, answered Tue 14/7 09:00 — paused Mon 150 + 210
  // + Tue 120 = 480 working minutes, so the due date moves one working day to Fri 10/7 08:00; then
  // Wed 15/7 a new due date Fri 24/7 08:00, later than 10/7: an apology; resolved Mon 20/7.
  const later = dossier('R8', PHUOC_HAU, [
    [2, 'SUPPLEMENT_REQUESTED', '2026-07-13T09:00'],
    [3, 'PROCESSING', '2026-07-14T09:00'],
    [5, 'RESOLVED', '2026-07-20T16:00'],
  ]);
  const apology = {
    ...dossier('R8', PHUOC_HAU, [[4, 'PROCESSING', '2026-07-15T10:00']])[0]!,
    dueAt: at('2026-07-24T08:00'),
    apologyRef: 'XL-R8',
  };
  let closed: Record<string, number>;

  it('a request counts in the period it was made, not the one the dossier was received in', async () => {
    await record([
      ...dossier('R8', PHUOC_HAU, [[1, 'RECEIVED', '2026-07-06T08:00']]),
      ...dossier('R8B', PHUOC_HAU, [
        [1, 'RECEIVED', '2026-06-30T08:00'],
        [2, 'SUPPLEMENT_REQUESTED', '2026-07-08T09:00'],
      ]),
    ]);
    // 6/7–10/7: R8 received; R8B's request of 8/7 → received 1, supplementRequests 1, apologies 0.
    closed = await counters('2026-07-06', '2026-07-10');
    expect(closed).toEqual({ received: 1, supplementRequests: 1, apologies: 0 });
    // June: R7, R7B (above) and R8B received, none with a request made in June → 3, 0, 0.
    expect(await counters('2026-06-01', '2026-06-30')).toEqual({
      received: 3,
      supplementRequests: 0,
      apologies: 0,
    });
  });

  it('a request and an apology dated after the period leave it unchanged and count in the later one', async () => {
    await record([...later, apology]);
    expect(await counters('2026-07-06', '2026-07-10')).toEqual(closed);
    // 13/7–17/7: R8's request of 13/7 and its apology of 15/7; nothing received → 0, 1, 1.
    expect(await counters('2026-07-13', '2026-07-17')).toEqual({
      received: 0,
      supplementRequests: 1,
      apologies: 1,
    });
    // July: R8 received; requests 8/7 (R8B) and 13/7 (R8) → 2; the apology → 1.
    expect(await counters('2026-07-01', '2026-07-31')).toEqual({
      received: 1,
      supplementRequests: 2,
      apologies: 1,
    });
    // The dossier keeps its own totals (the 9-indicator evaluation's indicators 3 and 4 read them).
    const res = await t.gql<{ dossier: { supplementRequests: number; apologies: number } }>(
      `query { dossier(code: "R8") { supplementRequests apologies } }`,
      {},
      ingest,
    );
    expect(res.data!.dossier).toEqual({ supplementRequests: 1, apologies: 1 });
  });
});

describe('rollups', () => {
  it('a rebuild from the raw rows gives exactly the incremental rollups', async () => {
    const pool = t.api.services.db.pool;
    const incremental = await rollupSnapshot(pool);
    expect(incremental.intervals.length).toBeGreaterThan(0);
    await rebuildRollups(pool);
    expect(await rollupSnapshot(pool)).toEqual(incremental);
  });

  it('after the migration (judgements NULL, rollups emptied) a start folds again and rebuilds the same', async () => {
    const pool = t.api.services.db.pool;
    const before = await rollupSnapshot(pool);
    const stored = await pool.query(
      `SELECT code, "openJudgements", "counterDays", timeliness FROM "Dossier" ORDER BY code`,
    );
    // What migrations period_end_judgement and counter_days leave behind on a database folded before them.
    await pool.query(`UPDATE "Dossier" SET "openJudgements" = NULL, "counterDays" = NULL`);
    await pool.query(`DELETE FROM "DossierRollup"; DELETE FROM "DossierIntervalRollup"`);
    const again = await startApi({
      port: 0,
      host: '127.0.0.1',
      databaseUrl: t.api.services.db.url,
      redisUrl: undefined,
      seedOnEmpty: false,
      env: 'test',
      logLevel: 'warn',
    });
    try {
      expect(
        (
          await pool.query(
            `SELECT code, "openJudgements", "counterDays", timeliness FROM "Dossier" ORDER BY code`,
          )
        ).rows,
      ).toEqual(stored.rows);
      expect(await rollupSnapshot(pool)).toEqual(before);
    } finally {
      await again.stop();
    }
  });
});
