// One dossier's story as a sequence of events (docs/domain.md §3): reception, processing, supplement
// requests that pause the clock, payment, an apology when it will be late, resolution and return;
// or withdrawal, refusal at reception, or a stop. The timeline may run past the anchor day: the seed
// keeps only what happened by then (dossiers.ts), so recent dossiers are still open. The events are
// shaped as the one-stop systems send them, so foldDossierEvents (domain/dossier-state.ts) reads them
// as intended: the answer to a supplement request is a PROCESSING event carrying the moved due date,
// and an apology is a PROCESSING event carrying the new, later due date and the apology reference.
import {
  atLocalMinute,
  type DossierStatusName,
  dayOf,
  dueDate,
  MINUTES_PER_WORKING_DAY,
  minuteOfDay,
  moveDueDateForPause,
  type WorkingCalendar,
} from '../domain/index.ts';
import type { DossierSlot } from './dossier-volume.ts';
import type { Random } from './random.ts';

export interface PlannedEvent {
  status: DossierStatusName;
  at: Date;
  /** The due date the one-stop system states with this event (reception, supplement answered, apology). */
  dueAt?: Date;
  /** This event carries an apology (phiếu xin lỗi và hẹn lại ngày trả kết quả). */
  apology?: boolean;
}

export interface DossierStory {
  slot: DossierSlot;
  events: PlannedEvent[];
  paidOnline: boolean;
}

/** Outcome shares (of all dossiers). Late dossiers get an apology, so lateness is only planned where
 * an apology can be issued at least one day before the deadline (docs/domain.md §3.7). */
const SHARES = {
  refusedOnline: 0.025, // of online submissions: refused at reception
  withdrawn: 0.015,
  stopped: 0.007,
  notCollected: 0.02, // resolved but the result was never collected
  stalledRecent: 0.2, // of dossiers received in the last STALL_WINDOW_DAYS: still open at the anchor
} as const;
const STALL_WINDOW_DAYS = 45;

function lateShare(slot: DossierSlot): number {
  if (slot.procedure.sameDayCutoffMinute !== null) return 0.02;
  if (/đất đai|xây dựng/i.test(slot.procedure.sectorName)) return 0.2;
  return 0.08;
}

function supplementCount(random: Random, slot: DossierSlot): number {
  const sameDay = slot.procedure.sameDayCutoffMinute !== null;
  const u = random.next();
  if (u < (sameDay ? 0.002 : 0.017)) return 2;
  return u < (sameDay ? 0.02 : 0.13) ? 1 : 0;
}

/** Reception time of day: busy mornings, and about a quarter of receptions after 15:00. */
function receptionMinute(random: Random): number {
  return random.chance(0.6) ? 7 * 60 + random.next() * 270 : 13 * 60 + 30 + random.next() * 210;
}

class Timeline {
  readonly events: PlannedEvent[] = [];
  constructor(private readonly calendar: WorkingCalendar) {}

  add(status: DossierStatusName, at: Date, extra: Omit<PlannedEvent, 'status' | 'at'> = {}): Date {
    this.events.push({ status, at, ...extra });
    return at;
  }

  /** Working minutes between two instants (0 when reversed). */
  span(from: Date, to: Date): number {
    return this.calendar.workingMinutesBetween(from, to);
  }

  /** The instant `fraction` of the working time from `from` to `to`, at least one minute after `from`. */
  between(from: Date, to: Date, fraction: number): Date {
    return this.calendar.addWorkingMinutes(from, Math.max(1, Math.round(fraction * this.span(from, to))));
  }

  after(from: Date, workingMinutes: number): Date {
    return this.calendar.addWorkingMinutes(from, Math.max(1, Math.round(workingMinutes)));
  }
}

/** The latest working instant at or before `t` (apologies are issued during office hours). */
function workingInstantAtOrBefore(calendar: WorkingCalendar, t: Date): Date {
  if (calendar.isWorkingTime(t)) return t;
  const day = dayOf(t);
  if (calendar.isWorkingDay(day)) {
    const minute = minuteOfDay(t);
    const ended = [...calendar.hours.sessions].reverse().find(([, end]) => end <= minute);
    if (ended) return atLocalMinute(day, ended[1] - 1);
  }
  const previous = calendar.previousWorkingDay(day);
  const last = calendar.hours.sessions[calendar.hours.sessions.length - 1]!;
  return atLocalMinute(previous, last[1] - 1);
}

export function planDossier(
  random: Random,
  calendar: WorkingCalendar,
  slot: DossierSlot,
  asOf: Date,
): DossierStory {
  const t = new Timeline(calendar);
  const { procedure, channel } = slot;
  const limit = procedure.timeLimits.get(channel)!;
  const receivedAt = new Date(
    atLocalMinute(slot.day, receptionMinute(random)).getTime() + random.int(0, 59) * 1000,
  );
  const paidOnline = channel === 'ONLINE' && procedure.charged && random.chance(0.7);
  const story: DossierStory = { slot, events: t.events, paidOnline };

  if (channel === 'ONLINE') {
    // Submitted on the portal some time before an officer received it (evenings and weekends included).
    t.add('SUBMITTED', new Date(receivedAt.getTime() - random.int(5, 18 * 60) * 60_000));
    if (random.chance(SHARES.refusedOnline)) {
      t.add('REFUSED', receivedAt);
      return story;
    }
  }

  const initialDue = dueDate(calendar, receivedAt, limit, {
    sameDayCutoffMinute: procedure.sameDayCutoffMinute,
  });
  t.add('RECEIVED', receivedAt, { dueAt: initialDue });
  let due = initialDue;
  let previous = t.add(
    'PROCESSING',
    t.after(receivedAt, Math.min(random.int(2, 90), 0.1 * t.span(receivedAt, due))),
  );

  const u = random.next();
  if (u < SHARES.withdrawn) {
    t.add('WITHDRAWN', t.between(previous, due, 0.1 + 0.8 * random.next()));
    return story;
  }
  if (u < SHARES.withdrawn + SHARES.stopped) {
    if (random.chance(0.6)) {
      // Asked for a supplement that never came: processing stops after weeks of waiting.
      const requested = t.add('SUPPLEMENT_REQUESTED', t.between(previous, due, 0.1 + 0.5 * random.next()));
      t.add('STOPPED', t.after(requested, random.int(15, 30) * MINUTES_PER_WORKING_DAY));
    } else {
      t.add('STOPPED', t.between(previous, due, 0.2 + 0.7 * random.next()));
    }
    return story;
  }

  const recent = asOf.getTime() - receivedAt.getTime() < STALL_WINDOW_DAYS * 86_400_000;
  const stalled = recent && random.chance(SHARES.stalledRecent);
  const waitingForApplicant = stalled && random.chance(0.35) && previous < asOf;

  const supplements = waitingForApplicant ? 1 : supplementCount(random, slot);
  for (let i = 0; i < supplements; i++) {
    const until = waitingForApplicant && due > asOf ? asOf : due;
    const requested = t.add('SUPPLEMENT_REQUESTED', t.between(previous, until, 0.1 + 0.4 * random.next()));
    const answered = waitingForApplicant
      ? t.after(asOf, random.int(1, 10) * MINUTES_PER_WORKING_DAY)
      : t.after(requested, random.int(1, 10) * MINUTES_PER_WORKING_DAY - random.int(0, 300));
    const moved = moveDueDateForPause(calendar, due, requested, answered);
    t.add('PROCESSING', answered, { dueAt: moved });
    due = moved;
    previous = answered;
  }

  // When the result will be ready: within the time limit, after the due day (late), or not by the anchor.
  const late = random.chance(lateShare(slot));
  let resolveAt: Date;
  if (stalled && !waitingForApplicant) {
    resolveAt = t.after(asOf > previous ? asOf : previous, random.int(60, 15 * MINUTES_PER_WORKING_DAY));
  } else if (late) {
    const nextDayStart = calendar.startOfWorkingDay(calendar.nextWorkingDay(dayOf(due)));
    resolveAt = t.after(nextDayStart, random.int(15, random.int(1, 4) * MINUTES_PER_WORKING_DAY - 1));
  } else {
    const remaining = t.span(previous, due);
    const fraction = random.chance(0.15) ? 0.9 + 0.1 * random.next() : 0.05 + 0.85 * random.next() ** 1.3;
    resolveAt = remaining < 2 ? due : t.between(previous, due, fraction);
  }

  // A dossier that will miss its due day gets an apology with a new due date, issued no later than one
  // day before the deadline (docs/domain.md §3.7); where that is no longer possible it is resolved in time.
  let apologyAt: Date | undefined;
  if (dayOf(resolveAt) > dayOf(due)) {
    const latest = workingInstantAtOrBefore(
      calendar,
      new Date(due.getTime() - 86_400_000 - random.int(0, 240) * 60_000),
    );
    if (latest.getTime() - previous.getTime() > 10 * 60_000) {
      apologyAt = latest;
    } else if (!stalled) {
      resolveAt = t.between(previous, due, 0.5 + 0.5 * random.next());
    }
  }

  const beforeResolution = apologyAt ?? resolveAt;
  if (procedure.charged && random.chance(0.35) && t.span(previous, beforeResolution) > 120) {
    const billed = t.add(
      'AWAITING_PAYMENT',
      t.between(previous, beforeResolution, 0.2 + 0.3 * random.next()),
    );
    previous = t.add('PROCESSING', t.between(billed, beforeResolution, 0.2 + 0.6 * random.next()));
  }
  if (apologyAt) {
    const promisedDays = Math.max(
      1,
      calendar.workingMinutesBetween(due, resolveAt) / MINUTES_PER_WORKING_DAY,
    );
    const extraDays = Math.ceil(promisedDays) + (random.chance(0.85) ? random.int(0, 2) : -1);
    const newDue = calendar.endOfWorkingDay(
      dayOf(t.after(due, Math.max(1, extraDays) * MINUTES_PER_WORKING_DAY)),
    );
    t.add('PROCESSING', apologyAt, { dueAt: newDue, apology: true });
  }
  t.add('RESOLVED', resolveAt);

  if (random.chance(SHARES.notCollected)) return story;
  const electronic = channel === 'ONLINE' && random.chance(0.5);
  const returnedAt = electronic
    ? new Date(resolveAt.getTime() + random.int(1, 30) * 60_000)
    : t.after(
        resolveAt,
        channel === 'POSTAL' ? random.int(480, 1920) : random.int(10, random.int(0, 3) * 480 + 60),
      );
  t.add('RETURNED', returnedAt);
  return story;
}
