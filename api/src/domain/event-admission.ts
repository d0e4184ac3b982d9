// Whether an event arriving for a dossier is new, a resend of one already recorded, or contradicts
// what is recorded. Ingestion applies these rules to every event, whichever way it came in
// (recordDossierEvents or the national sync) and in whatever order events arrive; the fold
// (dossier-state.ts) only ever sees admitted events.
//
// 1. Idempotency. (dossier code, sequence) names an event. The same sequence again with the same
//    content — status, occurredAt (to the millisecond, as stored), dueAt, apologyRef — is a
//    DUPLICATE and changes nothing. With other content it is a CONFLICT and is refused: what was
//    recorded first stands, and the sender learns that its data disagrees (as a payment API refuses
//    an idempotency key reused with other parameters). A field the sender marks as derived — a value
//    it inferred rather than read, see national-sync/mapping.ts — is not compared.
// 2. Chronology (docs/domain.md §3.5: the clock runs from the reception to the end of processing). Taken by
//    sequence, no event lies on the wrong side in time of a milestone — a RECEIVED or an end
//    (RESOLVED, RETURNED, WITHDRAWN, STOPPED, REFUSED): events of lower sequence are dated no later
//    than the milestone, events of higher sequence no earlier. Without it the fold would measure a
//    negative time (an end before the reception counted as 0 minutes, EARLY). Events between two
//    milestones may be in any time order among themselves: the fold measures no time between them
//    but a supplement's pause, which is never negative (calendar.workingMinutesBetween), and the
//    national sync numbers some undated events ahead of later dated ones on purpose.
// 3. First recorded wins. An event is judged against the events admitted before it (stored ones
//    first, then those of the batch in the order they arrive). Of two events that contradict each
//    other the later arrival is refused, whichever has the lower sequence — as for the dossier's
//    identity (its first event fixes procedure, agency and channel). A stored history that already
//    breaks rule 2 (recorded before the rule) is left as it is; only new events are judged.

import type { DossierEventFact, DossierStatusName } from './dossier-state.ts';

/** Fields of an event a sender may mark as inferred rather than stated (not compared by rule 1). */
export type DerivedField = 'occurredAt' | 'dueAt';

export type EventField = 'status' | 'occurredAt' | 'dueAt' | 'apologyRef';

export interface AdmissionCandidate extends DossierEventFact {
  derived?: readonly DerivedField[] | undefined;
}

export type Admission =
  | { kind: 'NEW' }
  | { kind: 'DUPLICATE' }
  /** Rule 1: the recorded event of the same sequence, and the fields that differ. */
  | { kind: 'CONFLICT'; recorded: DossierEventFact; fields: EventField[] }
  /** Rule 2: an admitted event the candidate is on the wrong side of in time. */
  | { kind: 'OUT_OF_ORDER'; against: DossierEventFact };

/** RECEIVED and the ends of docs/domain.md §3.4: the instants the clock starts and stops at (rule 2). */
const MILESTONES: ReadonlySet<DossierStatusName> = new Set([
  'RECEIVED',
  'RESOLVED',
  'RETURNED',
  'WITHDRAWN',
  'STOPPED',
  'REFUSED',
]);

export function isMilestone(status: DossierStatusName): boolean {
  return MILESTONES.has(status);
}

function sameInstant(a: Date | null | undefined, b: Date | null | undefined): boolean {
  if (!a || !b) return !a && !b;
  return a.getTime() === b.getTime();
}

/** The fields of rule 1 in which `candidate` differs from `recorded` (derived fields skipped). */
export function differingFields(recorded: DossierEventFact, candidate: AdmissionCandidate): EventField[] {
  const derived = new Set(candidate.derived ?? []);
  const fields: EventField[] = [];
  if (recorded.status !== candidate.status) fields.push('status');
  if (!derived.has('occurredAt') && !sameInstant(recorded.occurredAt, candidate.occurredAt)) {
    fields.push('occurredAt');
  }
  if (!derived.has('dueAt') && !sameInstant(recorded.dueAt, candidate.dueAt)) fields.push('dueAt');
  // An empty reference is no reference.
  if ((recorded.apologyRef || null) !== (candidate.apologyRef || null)) fields.push('apologyRef');
  return fields;
}

/** Rule 2 for one pair: whether `a` and `b` lie in contradictory time order. */
export function outOfOrder(a: DossierEventFact, b: DossierEventFact): boolean {
  if (!isMilestone(a.status) && !isMilestone(b.status)) return false;
  const [lower, higher] = a.sequence < b.sequence ? [a, b] : [b, a];
  return lower.occurredAt.getTime() > higher.occurredAt.getTime();
}

/** The events admitted for one dossier so far; `admit` judges the next one (rules in the header). */
export class DossierEventLog {
  private readonly bySequence = new Map<number, DossierEventFact>();

  /** `recorded`: the events already stored, admitted as they are (rule 3). */
  constructor(recorded: Iterable<DossierEventFact> = []) {
    for (const event of recorded) {
      if (!this.bySequence.has(event.sequence)) this.bySequence.set(event.sequence, event);
    }
  }

  /** Judges `candidate` and, when it is NEW, admits it. */
  admit(candidate: AdmissionCandidate): Admission {
    const recorded = this.bySequence.get(candidate.sequence);
    if (recorded) {
      const fields = differingFields(recorded, candidate);
      return fields.length === 0 ? { kind: 'DUPLICATE' } : { kind: 'CONFLICT', recorded, fields };
    }
    for (const event of this.bySequence.values()) {
      if (outOfOrder(event, candidate)) return { kind: 'OUT_OF_ORDER', against: event };
    }
    this.bySequence.set(candidate.sequence, candidate);
    return { kind: 'NEW' };
  }
}
