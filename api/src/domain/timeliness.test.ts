import { describe, expect, it } from 'vitest';
import {
  classifyTimeliness,
  compareEndWithDue,
  countsAsOnTimeFor766,
  type Timeliness,
  type TimelinessInput,
} from './timeliness.ts';

/** An instant written as Asia/Ho_Chi_Minh local time, 'YYYY-MM-DD HH:mm[:ss[.SSS]]'. */
const local = (s: string): Date => new Date(`${s.replace(' ', 'T')}${s.length === 16 ? ':00' : ''}+07:00`);

// A dossier received Mon 2/3/2026 08:00, due Fri 6/3/2026 17:00, no supplements.
const base: TimelinessInput = {
  receivedAt: local('2026-03-02 08:00'),
  dueAt: local('2026-03-06 17:00'),
  endedAt: null,
  endKind: null,
  supplementRequests: 0,
};
const finishedAt = (end: string, extra: Partial<TimelinessInput> = {}): TimelinessInput => ({
  ...base,
  endedAt: local(end),
  endKind: 'RESOLVED',
  ...extra,
});

describe('finished dossiers: "on time if end ≤ due date; early if the end\'s date is before the due date\'s date; late after" (docs/domain.md §3.8)', () => {
  it.each([
    ['2026-03-05 10:00', 'EARLY', 'Thu 5/3 is before Fri 6/3'],
    ['2026-03-06 08:00', 'ON_TIME', 'same day, before the due time'],
    ['2026-03-06 16:00', 'ON_TIME', 'same day'],
    ['2026-03-06 17:30', 'ON_TIME', 'same day after 17:00: days are compared, not instants (local practice)'],
    ['2026-03-06 23:59', 'ON_TIME', 'still Fri 6/3'],
    ['2026-03-07 00:00', 'LATE', 'Sat 7/3 is after the due day'],
    ['2026-03-09 08:00', 'LATE', 'Mon 9/3'],
  ])('ended %s → %s (%s)', (end, expected) => {
    expect(classifyTimeliness(finishedAt(end))).toBe(expected);
  });

  it('days are Asia/Ho_Chi_Minh days, not UTC days', () => {
    // 2026-03-05T17:30Z is Fri 6/3 00:30 local: the due day → ON_TIME (the UTC date 5/3 would say EARLY).
    expect(
      classifyTimeliness({ ...base, endedAt: new Date('2026-03-05T17:30:00Z'), endKind: 'RESOLVED' }),
    ).toBe('ON_TIME');
    // 2026-03-06T17:30Z is Sat 7/3 00:30 local → LATE (the UTC date 6/3 would say ON_TIME).
    expect(
      classifyTimeliness({ ...base, endedAt: new Date('2026-03-06T17:30:00Z'), endKind: 'RESOLVED' }),
    ).toBe('LATE');
  });

  it("granularity 'instant': late as soon as the end passes the due instant; early is still by day", () => {
    const instant = { granularity: 'instant' } as const;
    expect(classifyTimeliness(finishedAt('2026-03-06 17:00'), instant)).toBe('ON_TIME'); // end = due
    expect(classifyTimeliness(finishedAt('2026-03-06 17:00:01'), instant)).toBe('LATE');
    expect(classifyTimeliness(finishedAt('2026-03-06 10:00'), instant)).toBe('ON_TIME'); // same day: not early
    expect(classifyTimeliness(finishedAt('2026-03-05 10:00'), instant)).toBe('EARLY');
  });

  it('compareEndWithDue is the same comparison on its own', () => {
    expect(compareEndWithDue(local('2026-03-06 17:30'), local('2026-03-06 17:00'))).toBe('ON_TIME');
    expect(compareEndWithDue(local('2026-03-06 17:30'), local('2026-03-06 17:00'), 'instant')).toBe('LATE');
  });

  it('rejects an unknown granularity', () => {
    expect(() =>
      classifyTimeliness(finishedAt('2026-03-05 10:00'), { granularity: 'hour' as 'day' }),
    ).toThrow(RangeError);
  });
});

describe('supplements (docs/domain.md §3.8)', () => {
  it('"A second supplement request on one dossier counts as late", even when it ended early', () => {
    expect(classifyTimeliness(finishedAt('2026-03-04 10:00', { supplementRequests: 2 }))).toBe('LATE');
    expect(classifyTimeliness(finishedAt('2026-03-04 10:00', { supplementRequests: 3 }))).toBe('LATE');
  });

  it('one supplement request is not late by itself (the due date passed in is already moved by the pause)', () => {
    expect(classifyTimeliness(finishedAt('2026-03-06 10:00', { supplementRequests: 1 }))).toBe('ON_TIME');
  });

  it('an unfinished dossier with a second request is IN_PROGRESS_LATE even before its due date', () => {
    expect(classifyTimeliness({ ...base, supplementRequests: 2, asOf: local('2026-03-03 12:00') })).toBe(
      'IN_PROGRESS_LATE',
    );
  });

  it('"A supplement that was never answered makes the request time the end"', () => {
    // Requested Wed 4/3 10:00, never answered; the dossier was returned on Mon 16/3 (after the due date).
    // End = 4/3, before the due day 6/3 → EARLY (16/3 would have been LATE).
    const input = finishedAt('2026-03-16 09:00', {
      endKind: 'RETURNED',
      supplementRequests: 1,
      unansweredSupplementSince: local('2026-03-04 10:00'),
    });
    expect(classifyTimeliness(input)).toBe('EARLY');
    // Still waiting and no end yet: unfinished, judged with the clock stopped at the request (4/3 ≤ the
    // due day 6/3) — in progress on time, never a finished class, whatever asOf (rule 4 of issue 12).
    const waiting = { ...input, endedAt: null, endKind: null };
    expect(classifyTimeliness(waiting)).toBe('IN_PROGRESS_ON_TIME');
    expect(classifyTimeliness({ ...waiting, asOf: local('2026-04-30 17:00') })).toBe('IN_PROGRESS_ON_TIME');
    // Withdrawn later (16/3) but judged at 10/3, while it was waiting: unfinished then, paused.
    expect(classifyTimeliness({ ...input, endKind: 'WITHDRAWN', asOf: local('2026-03-10 17:00') })).toBe(
      'IN_PROGRESS_ON_TIME',
    );
  });

  it('an unfinished dossier waiting on a request made after its due day is IN_PROGRESS_LATE', () => {
    // Due Fri 6/3; requested Mon 9/3 and still waiting → the clock stopped after the due day.
    const waiting = finishedAt('2026-03-16 09:00', {
      endedAt: null,
      endKind: null,
      supplementRequests: 1,
      unansweredSupplementSince: local('2026-03-09 10:00'),
    });
    expect(classifyTimeliness(waiting)).toBe('IN_PROGRESS_LATE');
    // A second request while unfinished: IN_PROGRESS_LATE even when the first came in time.
    expect(
      classifyTimeliness({
        ...waiting,
        supplementRequests: 2,
        unansweredSupplementSince: local('2026-03-04 10:00'),
      }),
    ).toBe('IN_PROGRESS_LATE');
  });

  it('an unanswered request time after the recorded end does not move the end later', () => {
    const input = finishedAt('2026-03-06 10:00', { unansweredSupplementSince: local('2026-03-10 10:00') });
    expect(classifyTimeliness(input)).toBe('ON_TIME');
  });
});

describe('ends that count as handled on time (docs/domain.md §3.8, Decision 766 indicator 2.1)', () => {
  it.each([
    ['WITHDRAWN', 'ON_TIME'], // status 7, withdrawn by the applicant
    ['STOPPED', 'ON_TIME'], // status 8, handed back unprocessed
    ['REFUSED', 'LATE'], // status 3 after reception: not an end counted on time (the fold gives it no timeliness)
    ['RETURNED', 'LATE'], // status 10, a result returned: compared like a resolution
    ['RESOLVED', 'LATE'],
  ] as const)('%s ten days after the due date → %s', (endKind, expected) => {
    expect(classifyTimeliness(finishedAt('2026-03-16 09:00', { endKind }))).toBe(expected);
  });

  it('a withdrawal counts on time even after a second supplement request (the status decides, as in 2.1)', () => {
    expect(
      classifyTimeliness(finishedAt('2026-03-16 09:00', { endKind: 'WITHDRAWN', supplementRequests: 2 })),
    ).toBe('ON_TIME');
  });

  it('a dossier never received (clock never started) cannot be late', () => {
    const refused = {
      ...base,
      receivedAt: null,
      dueAt: null,
      endedAt: local('2026-03-02 08:00'),
      endKind: 'REFUSED' as const,
    };
    expect(classifyTimeliness(refused)).toBe('ON_TIME');
    expect(
      classifyTimeliness({ ...refused, endedAt: null, endKind: null, asOf: local('2026-04-01 00:00') }),
    ).toBe('IN_PROGRESS_ON_TIME');
  });
});

describe('unfinished at the end of a reporting period: "in time if due ≥ period end, else late (provisional)"', () => {
  it.each([
    ['2026-03-31 23:59:59.999', 'IN_PROGRESS_LATE', 'period March 2026: due 6/3 has passed'],
    [
      '2026-03-06 23:59:59.999',
      'IN_PROGRESS_ON_TIME',
      'period ending on the due day: due day ≥ period-end day',
    ],
    ['2026-03-04 10:00', 'IN_PROGRESS_ON_TIME', 'live view before the due date'],
    ['2026-03-07 00:00', 'IN_PROGRESS_LATE', 'the day after the due day'],
  ])('asOf %s → %s (%s)', (asOf, expected) => {
    expect(classifyTimeliness({ ...base, asOf: local(asOf) })).toBe(expected);
  });

  it("granularity 'instant' compares the due instant with asOf", () => {
    // Due Fri 6/3 17:00 < asOf 6/3 23:59:59.999 → late by instant, in time by day.
    const input = { ...base, asOf: local('2026-03-06 23:59:59.999') };
    expect(classifyTimeliness(input, { granularity: 'instant' })).toBe('IN_PROGRESS_LATE');
    expect(classifyTimeliness({ ...base, asOf: local('2026-03-06 17:00') }, { granularity: 'instant' })).toBe(
      'IN_PROGRESS_ON_TIME',
    );
  });

  it('a dossier that ended after the period end is judged as unfinished at that time', () => {
    // Resolved Thu 5/3 (early), but for a period ending Wed 4/3 it was still in progress and not yet due.
    expect(
      classifyTimeliness(finishedAt('2026-03-05 10:00', { asOf: local('2026-03-04 23:59:59.999') })),
    ).toBe('IN_PROGRESS_ON_TIME');
    // A withdrawal after the period end does not count as a withdrawal for that period.
    const withdrawnLater = finishedAt('2026-03-20 10:00', {
      endKind: 'WITHDRAWN',
      asOf: local('2026-03-10 00:00'),
    });
    expect(classifyTimeliness(withdrawnLater)).toBe('IN_PROGRESS_LATE');
  });

  it('needs asOf', () => {
    expect(() => classifyTimeliness(base)).toThrow(/asOf/);
  });
});

describe('no due date: "on time if (end − start − paused time) ≤ the statutory time limit" (docs/domain.md §3.8)', () => {
  const noDue = { ...base, dueAt: null, statutoryLimitMinutes: 1440 }; // 3 working days × 480

  it.each([
    [1440, 'ON_TIME', 'exactly the limit'],
    [100, 'ON_TIME', 'well within (never EARLY: no due day to compare with)'],
    [1441, 'LATE', 'one minute over'],
  ])('finished after %d net working minutes → %s (%s)', (elapsed, expected) => {
    expect(
      classifyTimeliness({ ...noDue, endedAt: local('2026-03-10 10:00'), workingMinutesElapsed: elapsed }),
    ).toBe(expected);
  });

  it('workingMinutesElapsed already excludes paused time: pausedMinutes is not subtracted again', () => {
    // 1500 net minutes > 1440 → LATE, whatever the 600 paused minutes.
    const input = {
      ...noDue,
      endedAt: local('2026-03-10 10:00'),
      workingMinutesElapsed: 1500,
      pausedMinutes: 600,
    };
    expect(classifyTimeliness(input)).toBe('LATE');
  });

  it('unfinished: elapsed up to asOf against the limit', () => {
    const asOf = local('2026-03-31 23:59:59.999');
    expect(classifyTimeliness({ ...noDue, workingMinutesElapsed: 960, asOf })).toBe('IN_PROGRESS_ON_TIME');
    expect(classifyTimeliness({ ...noDue, workingMinutesElapsed: 2000, asOf })).toBe('IN_PROGRESS_LATE');
  });

  it('with no statutory limit either, nothing can be late', () => {
    const none = { ...base, dueAt: null, statutoryLimitMinutes: null };
    expect(classifyTimeliness({ ...none, endedAt: local('2026-09-01 10:00') })).toBe('ON_TIME');
    expect(classifyTimeliness({ ...none, asOf: local('2026-12-31 23:59') })).toBe('IN_PROGRESS_ON_TIME');
  });

  it('a statutory limit without the elapsed time is an input error', () => {
    expect(() => classifyTimeliness({ ...noDue, endedAt: local('2026-03-10 10:00') })).toThrow(RangeError);
  });
});

describe('apologies: "An apology does not turn a late dossier into an on-time one" (docs/domain.md §3.7)', () => {
  it('the apology due date is ignored: the due date in force before the apology decides', () => {
    // Due Fri 6/3; apology moved it to Fri 13/3; resolved Tue 10/3 → late against 6/3.
    const input = finishedAt('2026-03-10 10:00', { apologyDueAt: local('2026-03-13 17:00') });
    expect(classifyTimeliness(input)).toBe('LATE');
  });
});

describe('countsAsOnTimeFor766: numerator of indicator 2.1 (docs/domain.md §5)', () => {
  it.each([
    ['EARLY', null, true],
    ['ON_TIME', null, true],
    ['IN_PROGRESS_ON_TIME', null, true],
    ['LATE', null, false],
    ['IN_PROGRESS_LATE', null, false],
    ['LATE', 'WITHDRAWN', true],
    ['LATE', 'STOPPED', true],
    ['LATE', 'RETURNED', false],
    ['ON_TIME', 'REFUSED', false], // refused after reception: counted as refused, not on time
  ] as const)('%s (end %s) → %s', (t, endKind, expected) => {
    expect(countsAsOnTimeFor766(t, endKind)).toBe(expected);
  });

  it('six dossiers received in March 2026: 4 count → ratio 4/6, score 20 × 4/6 ≈ 13.33', () => {
    const asOf = local('2026-03-31 23:59:59.999');
    const dossiers: TimelinessInput[] = [
      finishedAt('2026-03-05 10:00', { asOf }), // EARLY ✓
      finishedAt('2026-03-06 16:00', { asOf }), // ON_TIME ✓
      finishedAt('2026-03-09 10:00', { asOf }), // LATE ✗
      finishedAt('2026-03-20 10:00', { asOf, endKind: 'WITHDRAWN' }), // withdrawn ✓
      { ...base, dueAt: local('2026-04-03 17:00'), asOf }, // unfinished, not yet due ✓
      { ...base, asOf }, // unfinished, due 6/3 passed ✗
    ];
    const classes: Timeliness[] = dossiers.map((d) => classifyTimeliness(d));
    expect(classes).toEqual([
      'EARLY',
      'ON_TIME',
      'LATE',
      'ON_TIME',
      'IN_PROGRESS_ON_TIME',
      'IN_PROGRESS_LATE',
    ]);
    const counted = classes.filter((t, i) => countsAsOnTimeFor766(t, dossiers[i]!.endKind)).length;
    expect(counted).toBe(4);
    expect((20 * counted) / dossiers.length).toBeCloseTo(13.333, 3);
  });
});
