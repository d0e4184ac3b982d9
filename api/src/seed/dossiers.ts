// ~20,000 demo dossiers over the 18 months before the anchor day, with their events and due-date
// history, written with a few set-based INSERTs (docs/benchmarks.md "Machine baselines", PostgreSQL writes).
// Every Dossier row and its DueDateChange rows are foldDossierEvents (domain/dossier-state.ts) of the
// events stored with it — exactly what ingestion would store for the same events.

import { withApologyTiming } from '../domain/apology-timing.ts';
import {
  type Day,
  type DossierEventFact,
  type DossierState,
  dayOf,
  foldDossierEvents,
  recordedDueDateChanges,
  type Timeliness,
  type WorkingCalendar,
} from '../domain/index.ts';
import type { SeededAgency } from './agencies.ts';
import { type Queryable, RowBuffer } from './bulk-insert.ts';
import { type DossierStory, type PlannedEvent, planDossier } from './dossier-lifecycle.ts';
import { type DossierSlot, DossierVolume } from './dossier-volume.ts';
import type { SeededProcedure } from './procedures.ts';
import type { Random } from './random.ts';

export interface SeededDossier extends DossierState {
  id: string;
  code: string;
  slot: DossierSlot;
  /** The stored events: those of the story that happened by the anchor, numbered 1..n. */
  events: DossierEventFact[];
}

/** Mã hồ sơ {prefix}-{yyMMdd}-{seq}, e.g. 22870-260512-0042 (docs/domain.md §1; seq per desk and day). */
function dossierCode(prefix: string, day: Day, seq: number): string {
  return `${prefix}-${day.slice(2, 4)}${day.slice(5, 7)}${day.slice(8, 10)}-${String(seq).padStart(4, '0')}`;
}

/** Reference of the apology letter (phiếu xin lỗi và hẹn lại ngày trả kết quả). */
export function apologyRef(code: string): string {
  return `PXL-${code}`;
}

function assignCodes(stories: DossierStory[]): { story: DossierStory; code: string }[] {
  const firstAt = (s: DossierStory) => s.events[0]!.at.getTime();
  const sorted = [...stories].sort((a, b) => firstAt(a) - firstAt(b));
  const seqs = new Map<string, number>();
  return sorted.map((story) => {
    const day = dayOf(story.events[0]!.at);
    const prefix = story.slot.agency.code;
    const key = `${prefix}|${day}`;
    const seq = (seqs.get(key) ?? 0) + 1;
    seqs.set(key, seq);
    return { story, code: dossierCode(prefix, day, seq) };
  });
}

export async function seedDossiers(
  db: Queryable,
  random: Random,
  calendar: WorkingCalendar,
  agencies: readonly SeededAgency[],
  procedures: readonly SeededProcedure[],
  range: { first: Day; last: Day; asOf: Date },
  count: number,
): Promise<SeededDossier[]> {
  const volume = new DossierVolume(calendar, agencies, procedures, range.first, range.last);
  const stories: DossierStory[] = [];
  for (let i = 0; i < count; i++)
    stories.push(planDossier(random, calendar, volume.draw(random), range.asOf));
  const coded = assignCodes(stories).map(({ story, code }) => {
    const events = eventFacts(story.events, code, range.asOf);
    const { procedure, channel } = story.slot;
    const state = foldDossierEvents(events, {
      calendar,
      limit: procedure.timeLimits.get(channel) ?? null,
      sameDayCutoffMinute: procedure.sameDayCutoffMinute,
      asOf: range.asOf,
    });
    return { story, code, events, state };
  });

  const dossierRows = new RowBuffer([
    { name: 'code', type: 'text' },
    { name: 'procedureId', type: 'int' },
    { name: 'agencyId', type: 'int' },
    { name: 'channel', type: '"Channel"' },
    { name: 'applicantType', type: '"ApplicantType"' },
    { name: 'status', type: '"DossierStatus"' },
    { name: 'submittedAt', type: 'timestamptz' },
    { name: 'receivedAt', type: 'timestamptz' },
    { name: 'dueAt', type: 'timestamptz' },
    { name: 'initialDueAt', type: 'timestamptz' },
    { name: 'timelinessDueAt', type: 'timestamptz' },
    { name: 'resolvedAt', type: 'timestamptz' },
    { name: 'returnedAt', type: 'timestamptz' },
    { name: 'endedAt', type: 'timestamptz' },
    { name: 'pausedMinutes', type: 'int' },
    { name: 'supplementRequests', type: 'int' },
    { name: 'supplementPendingSince', type: 'timestamptz' },
    { name: 'apologies', type: 'int' },
    { name: 'processingMinutes', type: 'int' },
    { name: 'timeliness', type: '"Timeliness"' },
    { name: 'paidOnline', type: 'boolean' },
    { name: 'lastSequence', type: 'int' },
    { name: 'openJudgements', type: 'jsonb' },
    { name: 'counterDays', type: 'jsonb' },
    { name: 'createdAt', type: 'timestamptz' },
    { name: 'updatedAt', type: 'timestamptz' },
  ]);
  for (const { story, code, events, state } of coded) {
    const { slot } = story;
    const paid = story.paidOnline && events.some((e) => e.status === 'PROCESSING');
    dossierRows.push({
      code,
      procedureId: slot.procedure.id,
      agencyId: slot.agency.id,
      channel: slot.channel,
      applicantType: slot.applicantType,
      status: state.status,
      submittedAt: state.submittedAt,
      receivedAt: state.receivedAt,
      dueAt: state.dueAt,
      initialDueAt: state.initialDueAt,
      timelinessDueAt: state.timelinessDueAt,
      resolvedAt: state.resolvedAt,
      returnedAt: state.returnedAt,
      endedAt: state.endedAt,
      pausedMinutes: state.pausedMinutes,
      supplementRequests: state.supplementRequests,
      supplementPendingSince: state.supplementPendingSince,
      apologies: state.apologies,
      processingMinutes: state.processingMinutes,
      timeliness: state.timeliness satisfies Timeliness | null,
      paidOnline: paid,
      lastSequence: state.lastSequence,
      openJudgements: JSON.stringify(state.openJudgements),
      counterDays: JSON.stringify(state.counterDays),
      createdAt: events[0]!.occurredAt,
      updatedAt: events[events.length - 1]!.occurredAt,
    });
  }
  const ids = await dossierRows.insert<{ id: string; code: string }>(db, 'Dossier', 'id, code');
  const idByCode = new Map(ids.map((r) => [r.code, r.id]));

  const eventRows = new RowBuffer([
    { name: 'dossierId', type: 'bigint' },
    { name: 'sequence', type: 'int' },
    { name: 'status', type: '"DossierStatus"' },
    { name: 'occurredAt', type: 'timestamptz' },
    { name: 'dueAt', type: 'timestamptz' },
    { name: 'apologyRef', type: 'text' },
    { name: 'source', type: '"EventSource"' },
    { name: 'recordedAt', type: 'timestamptz' },
  ]);
  const changeRows = new RowBuffer([
    { name: 'dossierId', type: 'bigint' },
    { name: 'reason', type: '"DueDateChangeReason"' },
    { name: 'previousDueAt', type: 'timestamptz' },
    { name: 'newDueAt', type: 'timestamptz' },
    { name: 'apologyRef', type: 'text' },
    { name: 'changedAt', type: 'timestamptz' },
    { name: 'apologyTimely', type: 'boolean' },
  ]);
  const seeded: SeededDossier[] = [];
  for (const { story, code, events, state } of coded) {
    const id = idByCode.get(code)!;
    for (const event of events) {
      eventRows.push({
        dossierId: id,
        sequence: event.sequence,
        status: event.status,
        occurredAt: event.occurredAt,
        dueAt: event.dueAt ?? null,
        apologyRef: event.apologyRef ?? null,
        source: 'SEED',
        recordedAt: event.occurredAt,
      });
    }
    for (const change of withApologyTiming(calendar, recordedDueDateChanges(state))) {
      changeRows.push({
        dossierId: id,
        reason: change.reason,
        previousDueAt: change.previousDueAt,
        newDueAt: change.newDueAt,
        apologyRef: change.apologyRef,
        changedAt: change.changedAt,
        apologyTimely: change.apologyTimely,
      });
    }
    seeded.push({ ...state, id, code, slot: story.slot, events });
  }
  await eventRows.insert(db, 'DossierEvent');
  await changeRows.insert(db, 'DueDateChange');
  return seeded;
}

/**
 * The events of a story that happened by the anchor, as delivered to ingestion: numbered 1..n in
 * story order (which is time order), an apology carrying its letter's reference.
 */
export function eventFacts(planned: readonly PlannedEvent[], code: string, asOf: Date): DossierEventFact[] {
  const facts: DossierEventFact[] = [];
  for (const event of planned) {
    if (event.at.getTime() > asOf.getTime()) continue;
    facts.push({
      sequence: facts.length + 1,
      status: event.status,
      occurredAt: event.at,
      dueAt: event.dueAt ?? null,
      apologyRef: event.apology ? apologyRef(code) : null,
    });
  }
  return facts;
}

/**
 * Mirrors on each Dossier row what the satisfaction tables say about it (prisma Dossier.rating,
 * ratingLinkIssued, hasPetition): its current rating, whether a rating link was issued, whether a
 * petition references it. One UPDATE after ratings and petitions are in, touching only the dossiers
 * concerned.
 */
export async function mirrorSatisfaction(db: Queryable): Promise<number> {
  const result = await db.query(`
    UPDATE "Dossier" d
       SET rating = s.rating, "ratingLinkIssued" = s.linked, "hasPetition" = s.petitioned
      FROM (SELECT x.id,
                   (SELECT r.level FROM "Rating" r WHERE r."dossierId" = x.id AND r.current) AS rating,
                   EXISTS (SELECT 1 FROM "RatingLink" l WHERE l."dossierId" = x.id) AS linked,
                   EXISTS (SELECT 1 FROM "Petition" p WHERE p."dossierId" = x.id) AS petitioned
              FROM (SELECT "dossierId" AS id FROM "RatingLink"
                    UNION SELECT "dossierId" FROM "Rating" WHERE current
                    UNION SELECT "dossierId" FROM "Petition" WHERE "dossierId" IS NOT NULL) x) s
     WHERE d.id = s.id`);
  return result.rowCount ?? 0;
}
