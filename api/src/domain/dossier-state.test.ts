// The fold of a dossier's events into its state (dossier-state.ts), against the real 2025–2026
// calendar. Every expected value is worked out by hand in the comments (working hours 07:00–11:30 and
// 13:30–17:00: a full working day is 480 minutes; March 2026 has no holiday).
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type CalendarException, WorkingCalendar } from './calendar.ts';
import {
  countsOnTimeFor766,
  DOSSIER_STATUSES,
  type DossierEventFact,
  type DossierState,
  type DossierStatusName,
  distinctEventsBySequence,
  type FoldContext,
  foldDossierEvents,
  isFinished,
  nationalStatusCode,
} from './dossier-state.ts';
import type { TimeLimit } from './due-date.ts';

const holidays: CalendarException[] = JSON.parse(
  readFileSync(new URL('../../../prisma/seed-data/holidays.json', import.meta.url), 'utf8'),
);
const calendar = new WorkingCalendar(holidays);

/** An instant written as Asia/Ho_Chi_Minh local time, 'YYYY-MM-DD HH:mm'. */
const local = (s: string): Date => new Date(`${s.replace(' ', 'T')}:00+07:00`);

const FIVE_WORKING_DAYS: TimeLimit = { value: 5, unit: 'WORKING_DAYS' };
const ctx: FoldContext = { calendar, limit: FIVE_WORKING_DAYS, asOf: local('2026-03-20 17:00') };

/** Events numbered 1, 2, … in the order given: [status, local time, extra]. */
function events(...list: Array<[DossierStatusName, string, Partial<DossierEventFact>?]>): DossierEventFact[] {
  return list.map(([status, at, extra], i) => ({
    sequence: i + 1,
    status,
    occurredAt: local(at),
    ...extra,
  }));
}

const fold = (e: readonly DossierEventFact[], c: Partial<FoldContext> = {}) =>
  foldDossierEvents(e, { ...ctx, ...c });

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]),
  );
}

// Received Mon 2/3/2026 08:00 under 5 working days = 2,400 working minutes: Mon 08:00–17:00 gives
// 210 + 210 = 420, Tue–Fri 4 × 480 = 1,920 (2,340), then 60 more on Mon 9/3 → due Mon 9/3 08:00.
// A supplement is requested Tue 3/3 10:00 and answered Thu 5/3 14:00: paused Tue 90 + 210, Wed 480,
// Thu 270 + 30 = 1,080 working minutes. The due date moves by 1,080 from Mon 9/3 08:00: Mon 210 +
// 210 = 420, Tue 480 (900), Wed 07:00 + 180 → Wed 11/3 10:00.
// Resolved Wed 11/3 16:00: reception → end = Mon 420 + Tue–Fri 1,920 + Mon 9/3 480 + Tue 480 +
// Wed (270 + 150) = 3,720, minus the 1,080 paused = 2,640; the due day → ON_TIME.
const story = events(
  ['SUBMITTED', '2026-03-01 20:00'],
  ['RECEIVED', '2026-03-02 08:00'],
  ['SUPPLEMENT_REQUESTED', '2026-03-03 10:00'],
  ['PROCESSING', '2026-03-05 14:00'],
  ['RESOLVED', '2026-03-11 16:00'],
);
const storyState: DossierState = {
  status: 'RESOLVED',
  lastSequence: 5,
  submittedAt: local('2026-03-01 20:00'),
  receivedAt: local('2026-03-02 08:00'),
  resolvedAt: local('2026-03-11 16:00'),
  returnedAt: null,
  endedAt: local('2026-03-11 16:00'),
  endKind: 'RESOLVED',
  dueAt: local('2026-03-11 10:00'),
  initialDueAt: local('2026-03-09 08:00'),
  timelinessDueAt: local('2026-03-11 10:00'),
  pausedMinutes: 1080,
  supplementRequests: 1,
  supplementPendingSince: null,
  unansweredSupplementSince: null,
  apologies: 0,
  processingMinutes: 2640,
  timeliness: 'ON_TIME',
  // Rule 10: the request of Tue 3/3, no apology.
  counterDays: { supplementRequests: ['2026-03-03'], apologies: [] },
  dueDateChanges: [
    {
      reason: 'INITIAL',
      previousDueAt: null,
      newDueAt: local('2026-03-09 08:00'),
      apologyRef: null,
      changedAt: local('2026-03-02 08:00'),
    },
    {
      reason: 'SUPPLEMENT',
      previousDueAt: local('2026-03-09 08:00'),
      newDueAt: local('2026-03-11 10:00'),
      apologyRef: null,
      changedAt: local('2026-03-05 14:00'),
    },
  ],
  // Rule 9, by hand: open Mon 2/3 – Tue 10/3 (resolved Wed 11/3). Due Mon 9/3 until the request on Tue
  // 3/3 (on time 2/3); waiting 3/3–4/3 with the request before the due day (paused, on time); from the
  // answer on Thu 5/3 due Wed 11/3 ≥ every open day → on time throughout, one range.
  openJudgements: [{ from: '2026-03-02', to: '2026-03-10', late: false }],
};

describe('"its state is the fold of all its distinct events by sequence" (docs/domain.md §3.5)', () => {
  it('folds a received, paused, answered and resolved dossier (hand-computed above)', () => {
    expect(fold(story)).toEqual(storyState);
    expect(isFinished(storyState)).toBe(true);
    expect(countsOnTimeFor766(storyState)).toBe(true);
  });

  it('"Events are applied in sequence order whatever order they are given in": all 120 orders of 5 events agree', () => {
    const orders = permutations(story);
    expect(orders).toHaveLength(120);
    for (const order of orders) expect(fold(order)).toEqual(storyState);
  });

  it('"The status is the status of the highest sequence", not of the latest time', () => {
    const state = fold([
      { sequence: 1, status: 'RECEIVED', occurredAt: local('2026-03-02 08:00') },
      { sequence: 3, status: 'RESOLVED', occurredAt: local('2026-03-04 10:00') },
      // Recorded late by the one-stop system with an earlier sequence.
      { sequence: 2, status: 'PROCESSING', occurredAt: local('2026-03-04 11:00') },
    ]);
    expect(state).toMatchObject({ status: 'RESOLVED', lastSequence: 3, endedAt: local('2026-03-04 10:00') });
  });

  it('"a repeated sequence is applied once": every event delivered twice gives the same state', () => {
    expect(fold([...story, ...story])).toEqual(storyState);
    expect(fold([story[4]!, ...story, story[2]!, story[2]!])).toEqual(storyState);
  });

  it('"first occurrence wins" when a repeated sequence carries a different event', () => {
    const withdrawn: DossierEventFact = { ...story[4]!, status: 'WITHDRAWN' };
    expect(fold([...story, withdrawn])).toEqual(storyState);
    const state = fold([withdrawn, ...story]);
    expect(state).toMatchObject({ status: 'WITHDRAWN', endKind: 'WITHDRAWN', timeliness: 'ON_TIME' });
    expect(distinctEventsBySequence([withdrawn, ...story]).map((e) => e.status)).toEqual([
      'SUBMITTED',
      'RECEIVED',
      'SUPPLEMENT_REQUESTED',
      'PROCESSING',
      'WITHDRAWN',
    ]);
  });

  it('"a RESOLVED that arrives before its RECEIVED is folded in when the RECEIVED comes"', () => {
    const withoutReception = story.filter((e) => e.status !== 'RECEIVED');
    const early = fold(withoutReception);
    expect(early).toEqual({
      ...storyState,
      receivedAt: null,
      endedAt: null,
      endKind: null,
      dueAt: null,
      initialDueAt: null,
      timelinessDueAt: null,
      pausedMinutes: 0,
      supplementRequests: 0,
      processingMinutes: null,
      timeliness: null,
      dueDateChanges: [],
      openJudgements: [],
      // Not received: its request does not count (rule 2), so no day either (rule 10).
      counterDays: { supplementRequests: [], apologies: [] },
    });
    expect(early.resolvedAt).toEqual(local('2026-03-11 16:00'));
    expect(isFinished(early)).toBe(false);
    expect(countsOnTimeFor766(early)).toBe(false);
    // The RECEIVED arrives last: the whole history is folded again.
    expect(fold([...withoutReception, story[1]!])).toEqual(storyState);
  });

  it('rejects an empty history and malformed events', () => {
    expect(() => fold([])).toThrow(RangeError);
    expect(() => fold([{ ...story[0]!, sequence: 1.5 }])).toThrow(RangeError);
    expect(() => fold([{ ...story[0]!, status: 'DONE' as DossierStatusName }])).toThrow(RangeError);
    expect(() => fold([{ ...story[0]!, occurredAt: new Date(Number.NaN) }])).toThrow(RangeError);
    expect(() => fold([{ ...story[1]!, dueAt: new Date(Number.NaN) }])).toThrow(RangeError);
  });

  it('numbers the statuses as the national TrangThaiHoSo 1..10', () => {
    expect(nationalStatusCode('SUBMITTED')).toBe(1);
    expect(nationalStatusCode('SUPPLEMENT_REQUESTED')).toBe(5);
    expect(nationalStatusCode('RETURNED')).toBe(10);
  });
});

describe('initial due date: "the dueAt supplied on the RECEIVED event, else dueDate(…), else null"', () => {
  it('uses the due date the one-stop system printed at reception', () => {
    const state = fold(events(['RECEIVED', '2026-03-02 08:00', { dueAt: local('2026-03-10 17:00') }]));
    expect(state).toMatchObject({
      dueAt: local('2026-03-10 17:00'),
      initialDueAt: local('2026-03-10 17:00'),
      timelinessDueAt: local('2026-03-10 17:00'),
      dueDateChanges: [
        {
          reason: 'INITIAL',
          previousDueAt: null,
          newDueAt: local('2026-03-10 17:00'),
          apologyRef: null,
          changedAt: local('2026-03-02 08:00'),
        },
      ],
    });
  });

  it('computes it from the limit otherwise (5 working days from Mon 08:00 → next Mon 08:00)', () => {
    const state = fold(events(['RECEIVED', '2026-03-02 08:00']));
    expect(state.initialDueAt).toEqual(local('2026-03-09 08:00'));
  });

  it('same-day procedure (1 WORKING_DAY, cut-off 15:00) received 16:00 on Friday → end of Monday', () => {
    const sameDay = { limit: { value: 1, unit: 'WORKING_DAYS' } as const, sameDayCutoffMinute: 900 };
    // Fri 6/3 16:00 is after 15:00 → due at the end of the next working day, Mon 9/3 17:00.
    // Resolved Mon 9/3 10:00: Fri 16:00–17:00 = 60 + Mon 07:00–10:00 = 180 → 240 minutes, the due day.
    const state = fold(
      events(
        ['RECEIVED', '2026-03-06 16:00'],
        ['RESOLVED', '2026-03-09 10:00'],
        ['RETURNED', '2026-03-09 10:30'],
      ),
      sameDay,
    );
    expect(state).toMatchObject({
      status: 'RETURNED',
      dueAt: local('2026-03-09 17:00'),
      endedAt: local('2026-03-09 10:00'),
      endKind: 'RESOLVED',
      returnedAt: local('2026-03-09 10:30'),
      processingMinutes: 240,
      timeliness: 'ON_TIME',
    });
    // Fri 24/4/2026 16:00: Sat 25, Sun 26 (Giỗ Tổ) and Mon 27/4 (its compensatory day) are off → Tue 28/4 17:00.
    const holiday = fold(events(['RECEIVED', '2026-04-24 16:00'], ['RESOLVED', '2026-04-28 09:00']), sameDay);
    expect(holiday).toMatchObject({
      dueAt: local('2026-04-28 17:00'),
      processingMinutes: 180,
      timeliness: 'ON_TIME',
    });
    // Fri 6/3 14:00, before the cut-off: due the same day at 17:00, so Mon 9/3 09:00 is LATE (as 8
    // working hours it would have been due Mon 9/3 14:00 — the cut-off is passed through).
    const beforeCutoff = fold(
      events(['RECEIVED', '2026-03-06 14:00'], ['RESOLVED', '2026-03-09 09:00']),
      sameDay,
    );
    expect(beforeCutoff).toMatchObject({ dueAt: local('2026-03-06 17:00'), timeliness: 'LATE' });
    const asHours = fold(events(['RECEIVED', '2026-03-06 14:00'], ['RESOLVED', '2026-03-09 09:00']), {
      limit: sameDay.limit,
    });
    expect(asHours).toMatchObject({ dueAt: local('2026-03-09 14:00'), timeliness: 'ON_TIME' });
  });

  it('no limit and no due date: no due date at all; nothing can be late, and nothing is early', () => {
    // Mon 2/3 08:00 → Fri 20/3 10:00: 420 + 1,920 + 2,400 + 1,920 (Mon–Thu 16–19/3) + 180 = 6,840.
    const state = fold(events(['RECEIVED', '2026-03-02 08:00'], ['RESOLVED', '2026-03-20 10:00']), {
      limit: null,
    });
    expect(state).toMatchObject({
      dueAt: null,
      initialDueAt: null,
      timelinessDueAt: null,
      dueDateChanges: [],
      processingMinutes: 6840,
      timeliness: 'ON_TIME',
    });
    const open = fold(events(['RECEIVED', '2026-03-02 08:00']), { limit: null });
    expect(open.timeliness).toBe('IN_PROGRESS_ON_TIME');
  });
});

describe('supplements: "Supplement requests pause the clock … the due date moves accordingly" (docs/domain.md §3.6)', () => {
  it('answered without a supplied due date: the due date moves by the working time paused', () => {
    // Without the move the due day would be Mon 9/3 and the resolution on Wed 11/3 would be LATE.
    expect(fold(story)).toMatchObject({
      pausedMinutes: 1080,
      dueAt: local('2026-03-11 10:00'),
      timeliness: 'ON_TIME',
    });
  });

  it('answered with a supplied due date: both due dates move to it', () => {
    const supplied = story.map((e) => (e.sequence === 4 ? { ...e, dueAt: local('2026-03-12 17:00') } : e));
    supplied[4] = { ...supplied[4]!, occurredAt: local('2026-03-12 16:00') };
    const state = fold(supplied);
    expect(state).toMatchObject({
      pausedMinutes: 1080,
      dueAt: local('2026-03-12 17:00'),
      timelinessDueAt: local('2026-03-12 17:00'),
      timeliness: 'ON_TIME', // Thu 12/3: LATE against the computed Wed 11/3
    });
    expect(state.dueDateChanges[1]).toEqual({
      reason: 'SUPPLEMENT',
      previousDueAt: local('2026-03-09 08:00'),
      newDueAt: local('2026-03-12 17:00'),
      apologyRef: null,
      changedAt: local('2026-03-05 14:00'),
    });
  });

  it('a RESOLVED answers a pending request too', () => {
    // Requested Tue 3/3 10:00, resolved Thu 5/3 14:00: 1,080 paused; reception → end = 420 + 480 + 480
    // + 300 = 1,680, minus 1,080 = 600. Due moved to Wed 11/3 10:00 → EARLY.
    const state = fold(
      events(
        ['RECEIVED', '2026-03-02 08:00'],
        ['SUPPLEMENT_REQUESTED', '2026-03-03 10:00'],
        ['RESOLVED', '2026-03-05 14:00'],
      ),
    );
    expect(state).toMatchObject({
      pausedMinutes: 1080,
      processingMinutes: 600,
      dueAt: local('2026-03-11 10:00'),
      supplementPendingSince: null,
      timeliness: 'EARLY',
    });
  });

  const unanswered = events(
    ['RECEIVED', '2026-03-02 08:00'],
    ['SUPPLEMENT_REQUESTED', '2026-03-03 10:00'],
    ['WITHDRAWN', '2026-03-16 09:00'],
  );

  it('"A supplement that was never answered makes the request time the end": withdrawn while waiting', () => {
    // Clock: Mon 2/3 08:00 → Tue 3/3 10:00 = 420 + 180 = 600 working minutes (the wait is not processing).
    const state = fold(unanswered);
    expect(state).toMatchObject({
      status: 'WITHDRAWN',
      endedAt: local('2026-03-16 09:00'),
      endKind: 'WITHDRAWN',
      dueAt: local('2026-03-09 08:00'),
      pausedMinutes: 0,
      supplementRequests: 1,
      supplementPendingSince: null,
      unansweredSupplementSince: local('2026-03-03 10:00'),
      processingMinutes: 600,
      timeliness: 'ON_TIME',
    });
    expect(state.dueDateChanges.map((c) => c.reason)).toEqual(['INITIAL']);
    expect(countsOnTimeFor766(state)).toBe(true);
    const stopped = fold(
      unanswered.map((e) => (e.status === 'WITHDRAWN' ? { ...e, status: 'STOPPED' as const } : e)),
    );
    expect(stopped).toMatchObject({ endKind: 'STOPPED', processingMinutes: 600, timeliness: 'ON_TIME' });
    expect(countsOnTimeFor766(stopped)).toBe(true);
  });

  it('still waiting: supplementPendingSince = the request; judged at the request time, not finished', () => {
    const state = fold(unanswered.slice(0, 2));
    expect(state).toMatchObject({
      status: 'SUPPLEMENT_REQUESTED',
      endedAt: null,
      supplementPendingSince: local('2026-03-03 10:00'),
      unansweredSupplementSince: local('2026-03-03 10:00'),
      processingMinutes: null,
      // Unfinished: judged with the clock stopped at the request (Tue 3/3), before the due day Mon 9/3
      // — in progress, on time; never a finished class (docs/domain.md §3.9).
      timeliness: 'IN_PROGRESS_ON_TIME',
      openJudgements: [{ from: '2026-03-02', to: null, late: false }],
    });
    expect(isFinished(state)).toBe(false);
    expect(countsOnTimeFor766(state)).toBe(false);
  });

  // The story, then a second request Fri 6/3 08:00 answered Mon 9/3 08:00: Fri 420 + Mon 60 = 480
  // paused (1,560 in all); the due date moves from Wed 11/3 10:00 by 480: Wed 90 + 210 = 300, Thu
  // 07:00 + 180 → Thu 12/3 10:00. Resolved Tue 10/3 10:00: 420 + 1,920 + 480 + 180 = 3,000 − 1,560 = 1,440.
  const twice = events(
    ['RECEIVED', '2026-03-02 08:00'],
    ['SUPPLEMENT_REQUESTED', '2026-03-03 10:00'],
    ['PROCESSING', '2026-03-05 14:00'],
    ['SUPPLEMENT_REQUESTED', '2026-03-06 08:00'],
    ['PROCESSING', '2026-03-09 08:00'],
    ['RESOLVED', '2026-03-10 10:00'],
  );

  it('"A second supplement request on one dossier counts as late", even resolved before its due day', () => {
    const state = fold(twice);
    expect(state).toMatchObject({
      supplementRequests: 2,
      pausedMinutes: 1560,
      dueAt: local('2026-03-12 10:00'),
      timelinessDueAt: local('2026-03-12 10:00'),
      processingMinutes: 1440,
      timeliness: 'LATE',
    });
    expect(state.dueDateChanges.map((c) => [c.reason, c.newDueAt])).toEqual([
      ['INITIAL', local('2026-03-09 08:00')],
      ['SUPPLEMENT', local('2026-03-11 10:00')],
      ['SUPPLEMENT', local('2026-03-12 10:00')],
    ]);
    expect(countsOnTimeFor766(state)).toBe(false);
    expect(fold(twice.slice(0, 5), { asOf: local('2026-03-10 12:00') }).timeliness).toBe('IN_PROGRESS_LATE');
  });
});

describe('apologies: "An apology does not turn a late dossier into an on-time one" (docs/domain.md §3.7)', () => {
  // Due Mon 9/3 08:00; on Thu 5/3 the agency apologises and promises Wed 11/3 17:00; resolved Wed 11/3
  // 15:00, by the promise but after the statutory due day. Reception → end: 420 + 1,920 + 480 + 480 + 360 = 3,660.
  const apologised = events(
    ['RECEIVED', '2026-03-02 08:00'],
    ['PROCESSING', '2026-03-02 09:00'],
    ['PROCESSING', '2026-03-05 10:00', { dueAt: local('2026-03-11 17:00'), apologyRef: 'PXL-0001' }],
    ['RESOLVED', '2026-03-11 15:00'],
  );

  it('moves dueAt (what the citizen is told), keeps the history, and the dossier stays LATE', () => {
    const state = fold(apologised);
    expect(state).toMatchObject({
      dueAt: local('2026-03-11 17:00'),
      initialDueAt: local('2026-03-09 08:00'),
      timelinessDueAt: local('2026-03-09 08:00'),
      apologies: 1,
      processingMinutes: 3660,
      timeliness: 'LATE',
    });
    expect(state.dueDateChanges).toEqual([
      {
        reason: 'INITIAL',
        previousDueAt: null,
        newDueAt: local('2026-03-09 08:00'),
        apologyRef: null,
        changedAt: local('2026-03-02 08:00'),
      },
      {
        reason: 'APOLOGY',
        previousDueAt: local('2026-03-09 08:00'),
        newDueAt: local('2026-03-11 17:00'),
        apologyRef: 'PXL-0001',
        changedAt: local('2026-03-05 10:00'),
      },
    ]);
    expect(countsOnTimeFor766(state)).toBe(false);
  });

  it('an apologised dossier resolved on its statutory due day is still on time', () => {
    const state = fold([
      ...apologised.slice(0, 3),
      { ...apologised[3]!, occurredAt: local('2026-03-09 15:00') },
    ]);
    expect(state).toMatchObject({ apologies: 1, timeliness: 'ON_TIME' });
  });

  it('a supplement after an apology moves the statutory due date by the pause, not to the supplied date', () => {
    // Request Fri 6/3 08:00, answered Mon 9/3 08:00 (480 paused) with the promised date moved to Thu
    // 12/3 17:00. For timeliness, Mon 9/3 08:00 + 480 = Mon 420 + Tue 07:00 + 60 → Tue 10/3 08:00.
    const state = fold([
      ...apologised.slice(0, 3),
      { sequence: 4, status: 'SUPPLEMENT_REQUESTED', occurredAt: local('2026-03-06 08:00') },
      {
        sequence: 5,
        status: 'PROCESSING',
        occurredAt: local('2026-03-09 08:00'),
        dueAt: local('2026-03-12 17:00'),
      },
      { sequence: 6, status: 'RESOLVED', occurredAt: local('2026-03-11 10:00') },
    ]);
    expect(state).toMatchObject({
      dueAt: local('2026-03-12 17:00'),
      timelinessDueAt: local('2026-03-10 08:00'),
      pausedMinutes: 480,
      timeliness: 'LATE',
    });
    // Without a supplied date the promise moves by the pause as well: Wed 11/3 17:00 + 480 → Thu 12/3 17:00.
    const computed = fold([
      ...apologised.slice(0, 3),
      { sequence: 4, status: 'SUPPLEMENT_REQUESTED', occurredAt: local('2026-03-06 08:00') },
      { sequence: 5, status: 'PROCESSING', occurredAt: local('2026-03-09 08:00') },
    ]);
    expect(computed).toMatchObject({
      dueAt: local('2026-03-12 17:00'),
      timelinessDueAt: local('2026-03-10 08:00'),
    });
  });
});

describe('corrections: a supplied due date earlier than the one in force', () => {
  it('moves both due dates; a supplied date equal to the one in force changes nothing', () => {
    // Printed at reception as Fri 13/3 17:00, corrected on Tue 3/3 to Mon 9/3 17:00; resolved Tue 10/3.
    const state = fold(
      events(
        ['RECEIVED', '2026-03-02 08:00', { dueAt: local('2026-03-13 17:00') }],
        ['PROCESSING', '2026-03-03 09:00', { dueAt: local('2026-03-09 17:00') }],
        ['PROCESSING', '2026-03-04 09:00', { dueAt: local('2026-03-09 17:00') }],
        ['RESOLVED', '2026-03-10 09:00'],
      ),
    );
    expect(state).toMatchObject({
      initialDueAt: local('2026-03-13 17:00'),
      dueAt: local('2026-03-09 17:00'),
      timelinessDueAt: local('2026-03-09 17:00'),
      apologies: 0,
      timeliness: 'LATE',
    });
    expect(state.dueDateChanges).toEqual([
      {
        reason: 'INITIAL',
        previousDueAt: null,
        newDueAt: local('2026-03-13 17:00'),
        apologyRef: null,
        changedAt: local('2026-03-02 08:00'),
      },
      {
        reason: 'CORRECTION',
        previousDueAt: local('2026-03-13 17:00'),
        newDueAt: local('2026-03-09 17:00'),
        apologyRef: null,
        changedAt: local('2026-03-03 09:00'),
      },
    ]);
  });

  it("correcting an apology's date does not let the apology count", () => {
    // Due Mon 9/3 08:00; apology to Fri 13/3 17:00; corrected to Wed 11/3 17:00: the citizen is told
    // Wed 11/3, timeliness is still judged against Mon 9/3 (the earlier of the two).
    const apologyThenCorrection = events(
      ['RECEIVED', '2026-03-02 08:00'],
      ['PROCESSING', '2026-03-05 10:00', { dueAt: local('2026-03-13 17:00'), apologyRef: 'PXL-0002' }],
      ['PROCESSING', '2026-03-06 09:00', { dueAt: local('2026-03-11 17:00') }],
      ['RESOLVED', '2026-03-10 09:00'],
    );
    const state = fold(apologyThenCorrection);
    expect(state).toMatchObject({
      dueAt: local('2026-03-11 17:00'),
      timelinessDueAt: local('2026-03-09 08:00'),
      apologies: 1,
      timeliness: 'LATE',
    });
    expect(state.dueDateChanges.map((c) => c.reason)).toEqual(['INITIAL', 'APOLOGY', 'CORRECTION']);
    // A correction below the statutory date moves both to it.
    const below = fold(
      apologyThenCorrection.map((e) => (e.sequence === 3 ? { ...e, dueAt: local('2026-03-06 17:00') } : e)),
    );
    expect(below).toMatchObject({
      dueAt: local('2026-03-06 17:00'),
      timelinessDueAt: local('2026-03-06 17:00'),
    });
  });

  it('a due date supplied when none is in force (no limit) sets both', () => {
    const state = fold(
      events(
        ['RECEIVED', '2026-03-02 08:00'],
        ['PROCESSING', '2026-03-03 09:00', { dueAt: local('2026-03-06 17:00') }],
      ),
      { limit: null },
    );
    expect(state).toMatchObject({
      initialDueAt: null,
      dueAt: local('2026-03-06 17:00'),
      timelinessDueAt: local('2026-03-06 17:00'),
      apologies: 0,
    });
    expect(state.dueDateChanges).toEqual([
      {
        reason: 'CORRECTION',
        previousDueAt: null,
        newDueAt: local('2026-03-06 17:00'),
        apologyRef: null,
        changedAt: local('2026-03-03 09:00'),
      },
    ]);
  });
});

describe('end of processing: "resolved (9) first, else returned (10), else stopped / refused / withdrawn"', () => {
  it('refused at reception: never received, ended at the refusal, no timeliness, not finished', () => {
    const state = fold(events(['SUBMITTED', '2026-03-01 20:00'], ['REFUSED', '2026-03-02 08:30']));
    expect(state).toEqual({
      status: 'REFUSED',
      lastSequence: 2,
      submittedAt: local('2026-03-01 20:00'),
      receivedAt: null,
      resolvedAt: null,
      returnedAt: null,
      endedAt: local('2026-03-02 08:30'),
      endKind: 'REFUSED',
      dueAt: null,
      initialDueAt: null,
      timelinessDueAt: null,
      pausedMinutes: 0,
      supplementRequests: 0,
      supplementPendingSince: null,
      unansweredSupplementSince: null,
      apologies: 0,
      processingMinutes: null,
      timeliness: null,
      dueDateChanges: [],
      openJudgements: [],
      counterDays: { supplementRequests: [], apologies: [] },
    } satisfies DossierState);
    expect(isFinished(state)).toBe(false);
    expect(countsOnTimeFor766(state)).toBe(false);
  });

  it('withdrawn before reception: not an end (only for dossiers already received)', () => {
    const state = fold(events(['SUBMITTED', '2026-03-01 20:00'], ['WITHDRAWN', '2026-03-02 08:30']));
    expect(state).toMatchObject({ status: 'WITHDRAWN', endedAt: null, endKind: null, timeliness: null });
  });

  it('refused after reception: an end, counted as refused — no timeliness, not on time', () => {
    const state = fold(events(['RECEIVED', '2026-03-02 08:00'], ['REFUSED', '2026-03-02 10:00']));
    expect(state).toMatchObject({
      receivedAt: local('2026-03-02 08:00'),
      endedAt: local('2026-03-02 10:00'),
      endKind: 'REFUSED',
      processingMinutes: 120,
      timeliness: null,
      openJudgements: [], // ended on its reception day: never open at a day's end
    });
    expect(isFinished(state)).toBe(true); // ended after reception (the applicant has an answer)
    expect(countsOnTimeFor766(state)).toBe(false);
  });

  it('returned without a resolution: the return is the end', () => {
    const state = fold(events(['RECEIVED', '2026-03-02 08:00'], ['RETURNED', '2026-03-04 10:00']));
    expect(state).toMatchObject({
      endedAt: local('2026-03-04 10:00'),
      endKind: 'RETURNED',
      timeliness: 'EARLY',
    });
  });

  it('the clock stops at the end: a request recorded after the resolution pauses nothing', () => {
    const state = fold(
      events(
        ['RECEIVED', '2026-03-02 08:00'],
        ['RESOLVED', '2026-03-04 10:00'],
        ['SUPPLEMENT_REQUESTED', '2026-03-04 11:00'],
        ['RETURNED', '2026-03-05 10:00'],
      ),
    );
    expect(state).toMatchObject({
      status: 'RETURNED',
      supplementRequests: 0,
      pausedMinutes: 0,
      processingMinutes: 420 + 480 + 180,
      timeliness: 'EARLY',
    });
  });
});

describe('unfinished dossiers: "in time if due ≥ period end, else late (provisional)"', () => {
  const open = events(['RECEIVED', '2026-03-02 08:00'], ['PROCESSING', '2026-03-02 09:00']);
  afterEach(() => {
    vi.useRealTimers();
  });

  it('are judged at ctx.asOf, by day', () => {
    expect(fold(open, { asOf: local('2026-03-09 23:00') })).toMatchObject({
      timeliness: 'IN_PROGRESS_ON_TIME',
      endedAt: null,
      processingMinutes: null,
    });
    expect(fold(open, { asOf: local('2026-03-10 00:00') }).timeliness).toBe('IN_PROGRESS_LATE');
  });

  it('are judged now when no asOf is given', () => {
    vi.useFakeTimers();
    vi.setSystemTime(local('2026-03-05 12:00'));
    expect(foldDossierEvents(open, { calendar, limit: FIVE_WORKING_DAYS }).timeliness).toBe(
      'IN_PROGRESS_ON_TIME',
    );
    vi.setSystemTime(local('2026-03-10 12:00'));
    expect(foldDossierEvents(open, { calendar, limit: FIVE_WORKING_DAYS }).timeliness).toBe(
      'IN_PROGRESS_LATE',
    );
  });
});

describe('property: any order of the same events, with repeats, gives the same state', () => {
  /** mulberry32: a small deterministic generator for the property test. */
  function prng(seed: number): () => number {
    let state = seed >>> 0;
    return () => {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
    };
  }
  const STATUSES = DOSSIER_STATUSES;

  function randomHistory(next: () => number): DossierEventFact[] {
    const n = 1 + Math.floor(next() * 9);
    let t = local('2026-01-05 08:00').getTime() + Math.floor(next() * 300) * 86_400_000;
    const list: DossierEventFact[] = [];
    for (let i = 0; i < n; i++) {
      // Mostly a plausible story (RECEIVED early, ends late), sometimes anything at all.
      const status: DossierStatusName =
        i === 1 && next() < 0.8 ? 'RECEIVED' : STATUSES[Math.floor(next() * STATUSES.length)]!;
      t += Math.floor(next() * 5 * 86_400_000);
      const withDue = next() < 0.3;
      list.push({
        sequence: i + 1,
        status,
        occurredAt: new Date(t),
        dueAt: withDue ? new Date(t + Math.floor((next() - 0.2) * 20 * 86_400_000)) : null,
        apologyRef: withDue && next() < 0.5 ? `PXL-${i}` : null,
      });
    }
    return list;
  }

  function shuffled<T>(items: readonly T[], next: () => number): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  }

  it('holds for 2,000 random histories, and the state keeps its invariants', () => {
    const next = prng(0x5eed);
    const limits: Array<TimeLimit | null> = [
      FIVE_WORKING_DAYS,
      { value: 15, unit: 'DAYS' },
      { value: 4, unit: 'HOURS' },
      null,
    ];
    for (let k = 0; k < 2000; k++) {
      const history = randomHistory(next);
      const c: Partial<FoldContext> = { limit: limits[k % limits.length]!, asOf: local('2026-12-31 17:00') };
      const expected = fold(history, c);
      const repeated = history.filter(() => next() < 0.3);
      expect(fold(shuffled([...history, ...repeated], next), c)).toEqual(expected);

      expect(expected.status).toBe(history[history.length - 1]!.status);
      expect(expected.dueAt === null).toBe(expected.timelinessDueAt === null);
      if (expected.dueAt && expected.timelinessDueAt) {
        expect(expected.timelinessDueAt.getTime()).toBeLessThanOrEqual(expected.dueAt.getTime());
      }
      expect(Number.isInteger(expected.pausedMinutes) && expected.pausedMinutes >= 0).toBe(true);
      if (expected.processingMinutes !== null) {
        expect(Number.isInteger(expected.processingMinutes) && expected.processingMinutes >= 0).toBe(true);
      }
      expect(expected.timeliness === null).toBe(
        expected.receivedAt === null || expected.endKind === 'REFUSED',
      );
      expect(expected.processingMinutes !== null).toBe(isFinished(expected));
      if (expected.supplementPendingSince) expect(expected.endedAt).toBeNull();
      expect(expected.apologies).toBe(expected.dueDateChanges.filter((ch) => ch.reason === 'APOLOGY').length);
    }
  });
});
