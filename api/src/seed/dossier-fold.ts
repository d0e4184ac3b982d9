// A dossier row is the fold of its events (prisma schema: "the current state of a dossier"): the
// seed derives every Dossier field from the events that happened by the anchor, the way ingestion
// would, so rows, events and due-date history always agree.
import {
  classifyTimeliness,
  type DossierEndKind,
  moveDueDateForPause,
  type Timeliness,
  type WorkingCalendar,
} from '../domain/index.ts';
import type { DossierStatusName, PlannedEvent } from './dossier-lifecycle.ts';

export interface DueDateChangeRow {
  reason: 'INITIAL' | 'SUPPLEMENT' | 'APOLOGY';
  previousDueAt: Date | null;
  newDueAt: Date;
  apology: boolean;
  changedAt: Date;
}

export interface FoldedDossier {
  events: PlannedEvent[];
  dueDateChanges: DueDateChangeRow[];
  status: DossierStatusName;
  submittedAt: Date | null;
  receivedAt: Date | null;
  dueAt: Date | null;
  initialDueAt: Date | null;
  resolvedAt: Date | null;
  returnedAt: Date | null;
  endedAt: Date | null;
  endKind: DossierEndKind | null;
  pausedMinutes: number;
  supplementRequests: number;
  apologies: number;
  processingMinutes: number | null;
  timeliness: Timeliness | null;
}

const TERMINAL: ReadonlySet<DossierStatusName> = new Set(['WITHDRAWN', 'STOPPED', 'REFUSED']);

/** Folds the events that happened by `asOf` (the anchor's end of day) into the dossier's state. */
export function foldDossier(
  calendar: WorkingCalendar,
  planned: readonly PlannedEvent[],
  asOf: Date,
): FoldedDossier {
  const events = planned.filter((e) => e.at.getTime() <= asOf.getTime());
  const at = (status: DossierStatusName) => events.find((e) => e.status === status)?.at ?? null;
  const receivedAt = at('RECEIVED');
  const resolvedAt = at('RESOLVED');
  const returnedAt = at('RETURNED');
  const terminal = events.find((e) => TERMINAL.has(e.status)) ?? null;
  // domain.md §3: the end is resolved (9) first, else returned (10), else stopped / refused / withdrawn.
  const endedAt = resolvedAt ?? returnedAt ?? terminal?.at ?? null;
  const endKind: DossierEndKind | null = resolvedAt
    ? 'RESOLVED'
    : returnedAt
      ? 'RETURNED'
      : ((terminal?.status as DossierEndKind | undefined) ?? null);

  const dueDateChanges: DueDateChangeRow[] = [];
  let dueAt: Date | null = null;
  let statutoryDueAt: Date | null = null;
  let pausedMinutes = 0;
  let supplementRequests = 0;
  let apologies = 0;
  let pausedSince: Date | null = null;
  for (const event of events) {
    if (event.status === 'SUPPLEMENT_REQUESTED') {
      supplementRequests++;
      pausedSince = event.at;
      continue;
    }
    if (pausedSince && event.status === 'PROCESSING') {
      // The supplement was answered: the clock resumes and the due date moves by the pause.
      pausedMinutes += calendar.workingMinutesBetween(pausedSince, event.at);
      statutoryDueAt = moveDueDateForPause(calendar, statutoryDueAt!, pausedSince, event.at);
      pausedSince = null;
    }
    if (event.apology) apologies++;
    if (event.dueAt && event.dueAt.getTime() !== dueAt?.getTime()) {
      const reason = event.status === 'RECEIVED' ? 'INITIAL' : event.apology ? 'APOLOGY' : 'SUPPLEMENT';
      dueDateChanges.push({
        reason,
        previousDueAt: dueAt,
        newDueAt: event.dueAt,
        apology: Boolean(event.apology),
        changedAt: event.at,
      });
      dueAt = event.dueAt;
      if (reason === 'INITIAL') statutoryDueAt = event.dueAt;
    }
  }
  // A supplement never answered: the clock stayed paused from the request to the end (domain.md §3).
  const unansweredSupplementSince = pausedSince;
  if (pausedSince && endedAt) pausedMinutes += calendar.workingMinutesBetween(pausedSince, endedAt);

  const processingMinutes =
    receivedAt && endedAt
      ? Math.round(calendar.workingMinutesBetween(receivedAt, endedAt) - pausedMinutes)
      : null;
  const timeliness = classifyTimeliness({
    receivedAt,
    dueAt: statutoryDueAt,
    endedAt,
    endKind,
    supplementRequests,
    unansweredSupplementSince,
    asOf,
  });

  return {
    events,
    dueDateChanges,
    status: events[events.length - 1]!.status,
    submittedAt: at('SUBMITTED'),
    receivedAt,
    dueAt,
    initialDueAt: dueDateChanges[0]?.newDueAt ?? null,
    resolvedAt,
    returnedAt,
    endedAt,
    endKind,
    pausedMinutes: Math.round(pausedMinutes),
    supplementRequests,
    apologies,
    processingMinutes,
    timeliness,
  };
}
