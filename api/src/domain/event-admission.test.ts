// The admission of a dossier's events (event-admission.ts): duplicates, conflicting resends and
// contradictory dates, whatever the order events arrive in.
import { describe, expect, it } from 'vitest';
import type { DossierEventFact, DossierStatusName } from './dossier-state.ts';
import { type Admission, type AdmissionCandidate, DossierEventLog, outOfOrder } from './event-admission.ts';

/** An instant written as Asia/Ho_Chi_Minh local time, 'YYYY-MM-DD HH:mm'. */
const local = (s: string): Date => new Date(`${s.replace(' ', 'T')}:00+07:00`);

const event = (
  sequence: number,
  status: DossierStatusName,
  at: string,
  extra: Partial<AdmissionCandidate> = {},
): AdmissionCandidate => ({ sequence, status, occurredAt: local(at), ...extra });

const kinds = (log: DossierEventLog, events: AdmissionCandidate[]): Admission['kind'][] =>
  events.map((e) => log.admit(e).kind);

describe('rule 1: idempotency on (code, sequence)', () => {
  const received = event(1, 'RECEIVED', '2026-03-02 08:00', { dueAt: local('2026-03-05 08:00') });

  it('takes the same content again as a duplicate, including a copy of its dates', () => {
    const log = new DossierEventLog([received]);
    // Other Date objects for the same instants, and null vs absent apology reference: the same event.
    const copy = { ...received, occurredAt: local('2026-03-02 08:00'), dueAt: local('2026-03-05 08:00') };
    expect(log.admit({ ...copy, apologyRef: null })).toEqual({ kind: 'DUPLICATE' });
    expect(log.admit({ ...copy, apologyRef: '' })).toEqual({ kind: 'DUPLICATE' });
  });

  it('refuses the same sequence with other content, naming the fields that differ', () => {
    const log = new DossierEventLog([received]);
    expect(log.admit({ ...received, occurredAt: local('2026-03-02 08:01') })).toEqual({
      kind: 'CONFLICT',
      recorded: received,
      fields: ['occurredAt'],
    });
    // A due date where none was recorded is other content too, as is another status.
    const admission = log.admit({ ...received, status: 'PROCESSING', dueAt: null, apologyRef: 'PXL-1' });
    expect(admission).toMatchObject({ kind: 'CONFLICT', fields: ['status', 'dueAt', 'apologyRef'] });
  });

  it('does not compare the fields the sender marks as derived', () => {
    const log = new DossierEventLog([received]);
    expect(log.admit({ ...received, dueAt: null, derived: ['dueAt'] }).kind).toBe('DUPLICATE');
    expect(log.admit({ ...received, occurredAt: local('2026-03-03 08:00'), derived: ['dueAt'] }).kind).toBe(
      'CONFLICT',
    );
  });

  it('applies within one delivery too: the second of two events with the same sequence is judged against the first', () => {
    const log = new DossierEventLog();
    expect(
      kinds(log, [
        event(1, 'RECEIVED', '2026-03-02 08:00'),
        event(1, 'RECEIVED', '2026-03-02 08:00'),
        event(1, 'RESOLVED', '2026-03-02 08:00'),
      ]),
    ).toEqual(['NEW', 'DUPLICATE', 'CONFLICT']);
  });
});

describe('rule 2: no event on the wrong side in time of a reception or an end', () => {
  it('refuses a RESOLVED dated before the RECEIVED of a lower sequence', () => {
    const log = new DossierEventLog([event(1, 'RECEIVED', '2026-03-02 08:00')]);
    const resolved = event(2, 'RESOLVED', '2026-03-01 16:00');
    expect(log.admit(resolved)).toMatchObject({ kind: 'OUT_OF_ORDER', against: { sequence: 1 } });
  });

  it('refuses, in the other arrival order, the RECEIVED that comes after its RESOLVED', () => {
    // Sequence 2 arrived first and is recorded; the reception of sequence 1, dated after it, is the
    // contradiction and is refused (rule 3: the first recorded wins).
    const log = new DossierEventLog([event(2, 'RESOLVED', '2026-03-01 16:00')]);
    expect(log.admit(event(1, 'RECEIVED', '2026-03-02 08:00'))).toMatchObject({
      kind: 'OUT_OF_ORDER',
      against: { sequence: 2, status: 'RESOLVED' },
    });
  });

  it('checks every admitted milestone, not only the neighbours by sequence', () => {
    // 1 RECEIVED 08:00, 3 PROCESSING 09:00, 5 RETURNED 10:00. A RESOLVED at sequence 4 at 07:30 is
    // after PROCESSING by sequence (a non-milestone pair would pass) but before the RECEIVED.
    const log = new DossierEventLog([
      event(1, 'RECEIVED', '2026-03-02 08:00'),
      event(3, 'PROCESSING', '2026-03-02 09:00'),
      event(5, 'RETURNED', '2026-03-02 10:00'),
    ]);
    expect(log.admit(event(4, 'RESOLVED', '2026-03-02 07:30'))).toMatchObject({
      kind: 'OUT_OF_ORDER',
      against: { sequence: 1 },
    });
    // A PROCESSING between RECEIVED and RETURNED by sequence must lie between them in time as well.
    expect(log.admit(event(4, 'PROCESSING', '2026-03-02 10:30'))).toMatchObject({
      kind: 'OUT_OF_ORDER',
      against: { sequence: 5 },
    });
    expect(log.admit(event(4, 'RESOLVED', '2026-03-02 09:30'))).toEqual({ kind: 'NEW' });
  });

  it('leaves events between two milestones free among themselves, and allows equal instants', () => {
    // The national sync numbers an apology (1000 + d) after later supplements (100 + 2i) on purpose:
    // neither is a milestone, so their times are not compared.
    const log = new DossierEventLog([
      event(2, 'RECEIVED', '2026-03-02 08:00'),
      event(1005, 'PROCESSING', '2026-03-04 09:00', { dueAt: local('2026-03-10 17:00') }),
    ]);
    expect(
      kinds(log, [
        event(3, 'PROCESSING', '2026-03-02 08:00'), // the same instant as the reception
        event(102, 'SUPPLEMENT_REQUESTED', '2026-03-05 09:00'),
        event(103, 'PROCESSING', '2026-03-06 09:00'),
        event(9004, 'RESOLVED', '2026-03-06 09:00'),
      ]),
    ).toEqual(['NEW', 'NEW', 'NEW', 'NEW']);
  });

  it('treats every end and the submission like the national checks do', () => {
    // A submission (not a milestone) after the reception; a withdrawal before the submission.
    const received: DossierEventFact = event(2, 'RECEIVED', '2026-03-02 08:00');
    expect(outOfOrder(event(1, 'SUBMITTED', '2026-03-02 09:00'), received)).toBe(true);
    expect(
      outOfOrder(event(1, 'SUBMITTED', '2026-03-02 09:00'), event(9002, 'WITHDRAWN', '2026-03-02 08:30')),
    ).toBe(true);
    // Two undated-style events in reversed time order, neither a milestone: no contradiction.
    expect(
      outOfOrder(
        event(9000, 'AWAITING_PAYMENT', '2026-03-02 08:00'),
        event(100, 'SUPPLEMENT_REQUESTED', '2026-03-03 08:00'),
      ),
    ).toBe(false);
  });

  it('leaves a stored history that already breaks the rule as it is, judging only new events', () => {
    // Recorded before the rule existed: RESOLVED before RECEIVED. Resending either is a duplicate.
    const stored = [event(1, 'RECEIVED', '2026-03-02 08:00'), event(2, 'RESOLVED', '2026-03-01 08:00')];
    const log = new DossierEventLog(stored);
    expect(kinds(log, stored)).toEqual(['DUPLICATE', 'DUPLICATE']);
    expect(log.admit(event(3, 'RETURNED', '2026-03-02 09:00')).kind).toBe('NEW');
  });
});

describe('any arrival order', () => {
  it('admits a consistent history whole in every order of arrival', () => {
    const history = [
      event(1, 'SUBMITTED', '2026-03-01 20:00'),
      event(2, 'RECEIVED', '2026-03-02 08:00'),
      event(3, 'SUPPLEMENT_REQUESTED', '2026-03-02 10:00'),
      event(4, 'PROCESSING', '2026-03-03 09:00'),
      event(5, 'RESOLVED', '2026-03-04 10:00'),
      event(6, 'RETURNED', '2026-03-04 15:00'),
    ];
    // All 720 orders.
    const permutations = (list: AdmissionCandidate[]): AdmissionCandidate[][] =>
      list.length <= 1
        ? [list]
        : list.flatMap((first, i) =>
            permutations([...list.slice(0, i), ...list.slice(i + 1)]).map((rest) => [first, ...rest]),
          );
    const orders = permutations(history);
    expect(orders).toHaveLength(720);
    for (const order of orders) {
      expect(kinds(new DossierEventLog(), order).every((k) => k === 'NEW')).toBe(true);
    }
  });
});
