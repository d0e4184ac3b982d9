// ~20,000 demo dossiers over the 18 months before the anchor day, with their events and due-date
// history, written with a few set-based INSERTs (docs/performance.md "PostgreSQL writes").
import { type Day, dayOf, type Timeliness, type WorkingCalendar } from '../domain/index.ts';
import type { SeededAgency } from './agencies.ts';
import { type Queryable, RowBuffer } from './bulk-insert.ts';
import { type FoldedDossier, foldDossier } from './dossier-fold.ts';
import { type DossierStory, planDossier } from './dossier-lifecycle.ts';
import { type DossierSlot, DossierVolume } from './dossier-volume.ts';
import type { SeededProcedure } from './procedures.ts';
import type { Random } from './random.ts';

export interface SeededDossier extends FoldedDossier {
  id: string;
  code: string;
  slot: DossierSlot;
}

/** Mã hồ sơ {prefix}-{yyMMdd}-{seq}, e.g. 22870-260512-0042 (domain.md §1; seq per desk and day). */
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
  const coded = assignCodes(stories).map(({ story, code }) => ({
    story,
    code,
    folded: foldDossier(calendar, story.events, range.asOf),
  }));

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
    { name: 'resolvedAt', type: 'timestamptz' },
    { name: 'returnedAt', type: 'timestamptz' },
    { name: 'endedAt', type: 'timestamptz' },
    { name: 'pausedMinutes', type: 'int' },
    { name: 'supplementRequests', type: 'int' },
    { name: 'apologies', type: 'int' },
    { name: 'processingMinutes', type: 'int' },
    { name: 'timeliness', type: '"Timeliness"' },
    { name: 'paidOnline', type: 'boolean' },
    { name: 'lastSequence', type: 'int' },
    { name: 'createdAt', type: 'timestamptz' },
    { name: 'updatedAt', type: 'timestamptz' },
  ]);
  for (const { story, code, folded } of coded) {
    const { slot } = story;
    const paid = story.paidOnline && folded.events.some((e) => e.status === 'PROCESSING');
    dossierRows.push({
      code,
      procedureId: slot.procedure.id,
      agencyId: slot.agency.id,
      channel: slot.channel,
      applicantType: slot.applicantType,
      status: folded.status,
      submittedAt: folded.submittedAt,
      receivedAt: folded.receivedAt,
      dueAt: folded.dueAt,
      initialDueAt: folded.initialDueAt,
      resolvedAt: folded.resolvedAt,
      returnedAt: folded.returnedAt,
      endedAt: folded.endedAt,
      pausedMinutes: folded.pausedMinutes,
      supplementRequests: folded.supplementRequests,
      apologies: folded.apologies,
      processingMinutes: folded.processingMinutes,
      timeliness: folded.timeliness satisfies Timeliness | null,
      paidOnline: paid,
      lastSequence: folded.events.length,
      createdAt: folded.events[0]!.at,
      updatedAt: folded.events[folded.events.length - 1]!.at,
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
  ]);
  const seeded: SeededDossier[] = [];
  for (const { story, code, folded } of coded) {
    const id = idByCode.get(code)!;
    folded.events.forEach((event, i) => {
      eventRows.push({
        dossierId: id,
        sequence: i + 1,
        status: event.status,
        occurredAt: event.at,
        dueAt: event.dueAt ?? null,
        apologyRef: event.apology ? apologyRef(code) : null,
        source: 'SEED',
        recordedAt: event.at,
      });
    });
    for (const change of folded.dueDateChanges) {
      changeRows.push({
        dossierId: id,
        reason: change.reason,
        previousDueAt: change.previousDueAt,
        newDueAt: change.newDueAt,
        apologyRef: change.apology ? apologyRef(code) : null,
        changedAt: change.changedAt,
      });
    }
    seeded.push({ ...folded, id, code, slot: story.slot });
  }
  await eventRows.insert(db, 'DossierEvent');
  await changeRows.insert(db, 'DueDateChange');
  return seeded;
}
