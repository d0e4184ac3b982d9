// Which due dates a change of the working calendar moves, before the official confirms it.
//
// A dossier's due date is the fold of its events on the working calendar (docs/domain.md §3.3, §3.5
// rule 4, §3.6): ingestion folds a dossier again, with the calendar of the day, whenever one of its
// events arrives. So each open dossier the change could reach is folded twice — on the calendar in
// force and on the calendar with the change applied — with the same domain functions
// (foldDossierEvents → dueDate, moveDueDateForPause) and the time limit and same-day cut-off of the
// procedure version in force at its reception, and the two due dates are compared. A due date the one-stop system
// supplied, or an apology's, does not depend on the calendar and does not move; such dossiers are
// counted apart when a due date computed on the calendar would move (the one-stop system may have
// to print a new one).
import type { Channel, Database } from '@tthc/db';
import type { WorkingCalendar } from '../domain/calendar.ts';
import { type DossierEventFact, type FoldContext, foldDossierEvents } from '../domain/dossier-state.ts';
import type { TimeLimit } from '../domain/due-date.ts';
import { calendarWithPractice, practiceInForce } from '../domain/practice-settings.ts';
import { addDays, type Day, dayOf, startOfDay } from '../domain/time.ts';
import type { CalendarChangeInput, CalendarService } from './calendar.ts';
import { practiceByAgency } from './practice-settings.ts';

/** One open dossier whose due date the change would move. */
export interface DueDateMove {
  dossierCode: string;
  procedureCode: string;
  procedureName: string;
  agencyCode: string;
  agencyName: string;
  receivedAt: Date;
  dueBefore: Date;
  dueAfter: Date;
}

export interface CalendarChangePreview {
  /** Days whose working status the change turns (a new note alone turns none). */
  turnedDays: Day[];
  /** Open dossiers (received, not finished) whose due date would move. */
  moved: number;
  /** …of which to a later instant, and to an earlier one. */
  movedLater: number;
  movedEarlier: number;
  /**
   * Open dossiers whose due date the one-stop system supplied (it does not follow this calendar, so
   * it does not move here) but whose due date computed on the calendar would move: the one-stop
   * system may need to give the applicant a new date.
   */
  suppliedDueDates: number;
  /** Up to `examples` of them, the soonest due first. */
  examples: DueDateMove[];
}

export const MAX_PREVIEW_EXAMPLES = 20;

/** Dossiers loaded and folded per round trip: bounds memory on a province with many open dossiers. */
const PAGE = 2000;

interface CandidateRow {
  id: string;
  code: string;
  channel: Channel;
  receivedAt: Date;
  procedureCode: string;
  procedureName: string;
  cutoff: number | null;
  agencyId: number;
  agencyCode: string;
  agencyName: string;
  limitValue: string | null;
  limitUnit: TimeLimit['unit'] | null;
}

/**
 * Open dossiers the change can reach, with the time limit and same-day cut-off of the procedure
 * version in force at their reception (the one with the latest appliesFrom not after it; null appliesFrom = since always).
 *
 * Which ones: a fold reads the calendar only on the days from the reception to the due date (and, for
 * an answered supplement request, to the answer), so a day can move a due date only if it lies between
 * the dossier's reception day and its due day, or the dossier had a supplement request (whose answer
 * may come after the due date). Dossiers without a due date have no limit nor a supplied date: none
 * can appear.
 */
const CANDIDATES_SQL = `
  SELECT d.id::text AS id, d.code, d.channel, d."receivedAt",
         p.code AS "procedureCode", p.name AS "procedureName", v."sameDayCutoffMinute" AS cutoff,
         a.id AS "agencyId", a.code AS "agencyCode", a.name AS "agencyName",
         l.value::text AS "limitValue", l.unit AS "limitUnit"
    FROM "Dossier" d
    JOIN "Procedure" p ON p.id = d."procedureId"
    JOIN "Agency" a ON a.id = d."agencyId"
    LEFT JOIN LATERAL (
      SELECT v.id, v."sameDayCutoffMinute" FROM "ProcedureVersion" v
       WHERE v."procedureId" = p.id AND (v."appliesFrom" IS NULL OR v."appliesFrom" <= d."receivedAt")
       ORDER BY v."appliesFrom" DESC NULLS LAST, v.version DESC
       LIMIT 1
    ) v ON true
    LEFT JOIN "ProcedureTimeLimit" l
      ON l."procedureId" = p.id AND l.channel = d.channel AND l."versionId" IS NOT DISTINCT FROM v.id
   WHERE d."endedAt" IS NULL AND d."receivedAt" IS NOT NULL AND d."dueAt" IS NOT NULL
     AND d."receivedAt" < $2
     AND (d."dueAt" >= $1 OR d."supplementRequests" > 0)
     AND d.id > $3::bigint
   ORDER BY d.id
   LIMIT ${PAGE}`;

const EVENTS_SQL = `
  SELECT "dossierId"::text AS "dossierId", sequence, status, "occurredAt", "dueAt", "apologyRef"
    FROM "DossierEvent" WHERE "dossierId" = ANY($1::bigint[])`;

/** Soonest due first, then by code: the dossiers an official must warn first come first. */
const bySoonestDue = (a: DueDateMove, b: DueDateMove) =>
  a.dueBefore.getTime() - b.dueBefore.getTime() || (a.dossierCode < b.dossierCode ? -1 : 1);

/**
 * The open dossiers whose due date `change` would move (nothing is written). Refuses what
 * `updateCalendarDays` would refuse, with the same errors (CalendarService.propose).
 */
export async function previewCalendarChange(
  services: { db: Pick<Database, 'pool'>; calendars: CalendarService },
  change: CalendarChangeInput,
  maxExamples = MAX_PREVIEW_EXAMPLES,
): Promise<CalendarChangePreview> {
  const { current, proposed, turnedDays } = await services.calendars.propose(change);
  const preview: CalendarChangePreview = {
    turnedDays,
    moved: 0,
    movedLater: 0,
    movedEarlier: 0,
    suppliedDueDates: 0,
    examples: [],
  };
  if (turnedDays.length === 0) return preview;
  const firstStart = startOfDay(turnedDays[0]!);
  const lastEnd = startOfDay(addDays(turnedDays[turnedDays.length - 1]!, 1));
  // Timeliness is not compared here; a fixed asOf keeps the two folds identical but for the calendar.
  const asOf = new Date();

  for (let after = '0'; ; ) {
    const { rows } = await services.db.pool.query<CandidateRow>(CANDIDATES_SQL, [firstStart, lastEnd, after]);
    if (rows.length === 0) break;
    after = rows[rows.length - 1]!.id;
    const [events, practice] = await Promise.all([
      eventsOf(
        services.db,
        rows.map((r) => r.id),
      ),
      practiceByAgency(services.db.pool, [...new Set(rows.map((r) => r.agencyCode))]),
    ]);
    for (const row of rows) {
      const facts = events.get(row.id) ?? [];
      const limit =
        row.limitValue !== null && row.limitUnit
          ? { value: Number(row.limitValue), unit: row.limitUnit }
          : null;
      const fold = { limit, sameDayCutoffMinute: row.cutoff, asOf };
      // With the working hours of the province in force at reception, as ingestion folds it.
      const hours = practiceInForce(practice.get(row.agencyId) ?? [], dayOf(row.receivedAt));
      const [before, after] = [calendarWithPractice(current, hours), calendarWithPractice(proposed, hours)];
      const dueBefore = foldDossierEvents(facts, { ...fold, calendar: before }).dueAt;
      const dueAfter = foldDossierEvents(facts, { ...fold, calendar: after }).dueAt;
      if (!dueBefore || !dueAfter || dueBefore.getTime() === dueAfter.getTime()) {
        if (facts.some((e) => e.dueAt) && movesWhenComputed(facts, fold, before, after))
          preview.suppliedDueDates += 1;
        continue;
      }
      preview.moved += 1;
      if (dueAfter > dueBefore) preview.movedLater += 1;
      else preview.movedEarlier += 1;
      preview.examples.push({
        dossierCode: row.code,
        procedureCode: row.procedureCode,
        procedureName: row.procedureName,
        agencyCode: row.agencyCode,
        agencyName: row.agencyName,
        receivedAt: row.receivedAt,
        dueBefore,
        dueAfter,
      });
    }
    preview.examples.sort(bySoonestDue).splice(maxExamples);
    if (rows.length < PAGE) break;
  }
  return preview;
}

/** Whether the due date computed on the calendar, ignoring every date the one-stop system supplied, would move. */
function movesWhenComputed(
  facts: readonly DossierEventFact[],
  fold: Omit<FoldContext, 'calendar'>,
  current: WorkingCalendar,
  proposed: WorkingCalendar,
): boolean {
  const computed = facts.map((e) => ({ ...e, dueAt: null, apologyRef: null }));
  const before = foldDossierEvents(computed, { ...fold, calendar: current }).dueAt;
  const after = foldDossierEvents(computed, { ...fold, calendar: proposed }).dueAt;
  return !!before && !!after && before.getTime() !== after.getTime();
}

async function eventsOf(db: Pick<Database, 'pool'>, ids: string[]): Promise<Map<string, DossierEventFact[]>> {
  const { rows } = await db.pool.query<{ dossierId: string } & DossierEventFact>(EVENTS_SQL, [ids]);
  const byDossier = new Map<string, DossierEventFact[]>();
  for (const { dossierId, ...event } of rows) {
    const list = byDossier.get(dossierId);
    if (list) list.push(event);
    else byDossier.set(dossierId, [event]);
  }
  return byDossier;
}
