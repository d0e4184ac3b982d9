// Indicator 2.1 on each day a dossier was open (fold rule 9, open-judgement.ts) and the period-end
// ranges made of it (rollup-contribution.ts intervalRows), against the real 2025 calendar. Expected
// values are worked out by hand in the comments: working hours 07:00–11:30 and 13:30–17:00 (480
// minutes a day); in 2025, Mon 7/4 (Giỗ Tổ Hùng Vương), 30/4, 1/5 and Fri 2/5 are days off.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type CalendarException, WorkingCalendar } from './calendar.ts';
import { type DossierEventFact, type DossierStatusName, foldDossierEvents } from './dossier-state.ts';
import type { TimeLimit } from './due-date.ts';
import { judgementOn } from './open-judgement.ts';
import { type DossierFacts, intervalRows } from './rollup-contribution.ts';

const holidays: CalendarException[] = JSON.parse(
  readFileSync(new URL('../../../prisma/seed-data/holidays.json', import.meta.url), 'utf8'),
);
const calendar = new WorkingCalendar(holidays);
const local = (s: string): Date => new Date(`${s.replace(' ', 'T')}:00+07:00`);
const THREE_WORKING_DAYS: TimeLimit = { value: 3, unit: 'WORKING_DAYS' };

function events(...list: Array<[DossierStatusName, string, Partial<DossierEventFact>?]>): DossierEventFact[] {
  return list.map(([status, at, extra], i) => ({
    sequence: (i + 1) * 10,
    status,
    occurredAt: local(at),
    ...extra,
  }));
}
const fold = (e: DossierEventFact[]) =>
  foldDossierEvents(e, { calendar, limit: THREE_WORKING_DAYS, asOf: local('2025-12-31 17:00') });

/** The rollup facts of a folded dossier (agency 1, procedure 2). */
function factsOf(e: DossierEventFact[]): DossierFacts {
  const s = fold(e);
  return {
    agencyId: 1,
    procedureId: 2,
    channel: 'IN_PERSON',
    ...s,
    rating: null,
    ratingLinkIssued: false,
    hasPetition: false,
  };
}

// Issue 12 rule 1. Received Tue 1/4/2025 08:00; 3 working days = 1,440 minutes: Tue 420, Wed 480
// (900), Thu 480 (1,380), Fri +60 → due Fri 4/4 08:00. A supplement requested Tue 15/4 (after the
// due day), answered Tue 6/5 08:00, resolved Wed 7/5. The pause moves the due date by the working time
// paused (15/4 09:00 → 6/5 08:00), to a day in late April — before 6/5 in any case — so the final
// outcome is LATE. But the judgement of a day before the request is the due date then, 4/4.
const RULE_1 = events(
  ['RECEIVED', '2025-04-01 08:00'],
  ['SUPPLEMENT_REQUESTED', '2025-04-15 09:00'],
  ['PROCESSING', '2025-05-06 08:00'],
  ['RESOLVED', '2025-05-07 10:00'],
);

describe('open days judged as they stood (docs/domain.md §3.9)', () => {
  it('rule 1: the due date as it stood at each day, not the final one', () => {
    const state = fold(RULE_1);
    expect(state.initialDueAt).toEqual(local('2025-04-04 08:00'));
    expect(state.timeliness).toBe('LATE');
    // On time 1/4–4/4 (due day included), late from 5/4: past due until 15/4, then waiting on a
    // request made after the due day (late), then due in late April < 6/5: late up to 6/5 (the
    // day before the end).
    expect(state.openJudgements).toEqual([
      { from: '2025-04-01', to: '2025-04-04', late: false },
      { from: '2025-04-05', to: '2025-05-06', late: true },
    ]);
    // The events after 10/4 change nothing of 10/4: the fold of those known on 10/4 is late too.
    const known = fold(RULE_1.slice(0, 1));
    expect(judgementOn(known.openJudgements, '2025-04-10')).toEqual({
      from: '2025-04-05',
      to: null,
      late: true,
    });
    expect(judgementOn(state.openJudgements, '2025-04-10')?.late).toBe(true);
    expect(judgementOn(state.openJudgements, '2025-05-07')).toBeNull(); // ended that day
  });

  it('rule 2: waiting for a supplement is paused at the request, also when stopped later', () => {
    // Received Mon 5/5/2025 08:00 → due Thu 8/5 08:00 (Mon 420, Tue 480, Wed 480 = 1,380, Thu +60);
    // requested Tue 6/5 (before the due day), never answered, stopped Fri 20/6. Final: the request is
    // the end, and a stop counts on time → ON_TIME. Every open day 5/5–19/6: on time (paused in time).
    const state = fold(
      events(
        ['RECEIVED', '2025-05-05 08:00'],
        ['SUPPLEMENT_REQUESTED', '2025-05-06 09:00'],
        ['STOPPED', '2025-06-20 10:00'],
      ),
    );
    expect(state.timeliness).toBe('ON_TIME');
    expect(state.openJudgements).toEqual([{ from: '2025-05-05', to: '2025-06-19', late: false }]);
  });

  it('rule 3: late from the day of a second request, as the dossier’s own timeliness', () => {
    // Received Mon 2/6/2025 08:00 → due Thu 5/6 08:00. Request Tue 3/6 08:00 answered Wed 4/6 08:00
    // (480 minutes paused → due Fri 6/6 08:00); a second request Wed 4/6 10:00, still waiting.
    const state = fold(
      events(
        ['RECEIVED', '2025-06-02 08:00'],
        ['SUPPLEMENT_REQUESTED', '2025-06-03 08:00'],
        ['PROCESSING', '2025-06-04 08:00'],
        ['SUPPLEMENT_REQUESTED', '2025-06-04 10:00'],
      ),
    );
    expect(state.timelinessDueAt).toEqual(local('2025-06-06 08:00'));
    expect(state.timeliness).toBe('IN_PROGRESS_LATE');
    expect(state.openJudgements).toEqual([
      { from: '2025-06-02', to: '2025-06-03', late: false },
      { from: '2025-06-04', to: null, late: true },
    ]);
  });

  it('rule 4 and the due day: a request on the due day, still waiting, is IN_PROGRESS_ON_TIME', () => {
    // Received Mon 9/6/2025 08:00 → due Thu 12/6 08:00; requested Thu 12/6 10:00 — after the due
    // instant but on the due day (days are compared) → paused in time, whatever the day judged.
    const state = fold(
      events(['RECEIVED', '2025-06-09 08:00'], ['SUPPLEMENT_REQUESTED', '2025-06-12 10:00']),
    );
    expect(state.timeliness).toBe('IN_PROGRESS_ON_TIME');
    expect(state.openJudgements).toEqual([{ from: '2025-06-09', to: null, late: false }]);
  });

  it('an event dated inside a period that arrives late does change that day', () => {
    // RULE_1 with a request on Thu 3/4 (before the due day) delivered late, under sequence 15: on 10/4
    // the dossier was waiting on a request made in time → on time; the request of 15/4 is a second
    // one → late from 15/4 on.
    const withEarlyRequest = [
      ...RULE_1,
      { sequence: 15, status: 'SUPPLEMENT_REQUESTED' as const, occurredAt: local('2025-04-03 10:00') },
    ];
    const state = fold(withEarlyRequest);
    expect(state.timeliness).toBe('LATE');
    expect(state.openJudgements).toEqual([
      { from: '2025-04-01', to: '2025-04-14', late: false },
      { from: '2025-04-15', to: '2025-05-06', late: true },
    ]);
  });

  it('a refusal after reception: open days judged, final outcome not on time', () => {
    // Received Tue 1/4 → due Fri 4/4; refused Wed 9/4 (after the due day).
    const state = fold(events(['RECEIVED', '2025-04-01 08:00'], ['REFUSED', '2025-04-09 09:00']));
    expect(state).toMatchObject({ endKind: 'REFUSED', timeliness: null });
    expect(state.openJudgements).toEqual([
      { from: '2025-04-01', to: '2025-04-04', late: false },
      { from: '2025-04-05', to: '2025-04-08', late: true },
    ]);
  });
});

describe('period-end ranges: where the judgement of a day differs from the final outcome, or is late', () => {
  const key = { agencyId: 1, procedureId: 2, dossiers: 1 };

  it('rule 1: on time days of a late dossier are IN_TIME_NOT_ON_TIME; late days OVERDUE_LATE', () => {
    expect(intervalRows(factsOf(RULE_1))).toEqual([
      {
        kind: 'IN_TIME_NOT_ON_TIME',
        ...key,
        receivedDay: '2025-04-01',
        fromDay: '2025-04-01',
        toDay: '2025-04-04',
      },
      { kind: 'OVERDUE_LATE', ...key, receivedDay: '2025-04-01', fromDay: '2025-04-05', toDay: '2025-05-06' },
    ]);
  });

  it('rule 2: on time every open day and in the end → no range at all', () => {
    const stopped = events(
      ['RECEIVED', '2025-05-05 08:00'],
      ['SUPPLEMENT_REQUESTED', '2025-05-06 09:00'],
      ['STOPPED', '2025-06-20 10:00'],
    );
    expect(intervalRows(factsOf(stopped))).toEqual([]);
  });

  it('an on-time dossier that was past due for a while: OVERDUE_ON_TIME on those days', () => {
    // Received Tue 1/4 → due Fri 4/4 08:00; withdrawn Thu 10/4 (counts on time): late 5/4–9/4.
    const withdrawn = events(['RECEIVED', '2025-04-01 08:00'], ['WITHDRAWN', '2025-04-10 09:00']);
    expect(intervalRows(factsOf(withdrawn))).toEqual([
      {
        kind: 'OVERDUE_ON_TIME',
        ...key,
        receivedDay: '2025-04-01',
        fromDay: '2025-04-05',
        toDay: '2025-04-09',
      },
    ]);
  });

  it('still open: the last range runs to the open end', () => {
    const open = events(['RECEIVED', '2025-04-01 08:00']);
    expect(intervalRows(factsOf(open))).toEqual([
      {
        kind: 'IN_TIME_NOT_ON_TIME',
        ...key,
        receivedDay: '2025-04-01',
        fromDay: '2025-04-01',
        toDay: '2025-04-04',
      },
      { kind: 'OVERDUE_LATE', ...key, receivedDay: '2025-04-01', fromDay: '2025-04-05', toDay: '9999-12-31' },
    ]);
  });
});
