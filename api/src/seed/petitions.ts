// A few petitions (phản ánh, kiến nghị) for Decision 766 indicators 5.2 and 5.4: most about late
// dossiers, a few about staff harassment; most handled within 10 working days, some late, some open.
import { dayOf, MINUTES_PER_WORKING_DAY, type WorkingCalendar } from '../domain/index.ts';
import { type Queryable, RowBuffer } from './bulk-insert.ts';
import type { SeededDossier } from './dossiers.ts';
import type { Random } from './random.ts';

/** Working days to handle a petition: Nghị định 20/2008/NĐ-CP Điều 11 (10 working days). */
const HANDLING_WORKING_DAYS = 10;
const PETITIONS = 60;

export async function seedPetitions(
  db: Queryable,
  random: Random,
  calendar: WorkingCalendar,
  dossiers: readonly SeededDossier[],
  asOf: Date,
): Promise<number> {
  const late = dossiers.filter((d) => d.timeliness === 'LATE' || d.timeliness === 'IN_PROGRESS_LATE');
  const finished = dossiers.filter((d) => d.endedAt && d.receivedAt);
  if (finished.length === 0) return 0; // e.g. a catalogue-only seed (dossiers: 0)
  const rows = new RowBuffer([
    { name: 'code', type: 'text' },
    { name: 'agencyId', type: 'int' },
    { name: 'dossierId', type: 'bigint' },
    { name: 'harassment', type: 'boolean' },
    { name: 'receivedAt', type: 'timestamptz' },
    { name: 'dueAt', type: 'timestamptz' },
    { name: 'resolvedAt', type: 'timestamptz' },
  ]);
  const planned: { dossier: SeededDossier; linked: boolean; harassment: boolean; receivedAt: Date }[] = [];
  for (let i = 0; i < PETITIONS; i++) {
    const aboutLateDossier = late.length > 0 && random.chance(0.6);
    const dossier = aboutLateDossier ? random.pick(late) : random.pick(finished);
    const from = aboutLateDossier ? dossier.dueAt! : dossier.receivedAt!;
    const receivedAt = calendar.addWorkingMinutes(from, random.int(30, 5 * MINUTES_PER_WORKING_DAY));
    if (receivedAt > asOf) continue;
    planned.push({
      dossier,
      linked: aboutLateDossier || random.chance(0.3),
      harassment: random.chance(0.07),
      receivedAt,
    });
  }
  planned.sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime());
  const seqs = new Map<string, number>();
  for (const p of planned) {
    const month = dayOf(p.receivedAt).slice(0, 7);
    const seq = (seqs.get(month) ?? 0) + 1;
    seqs.set(month, seq);
    const dueAt = calendar.addWorkingMinutes(p.receivedAt, HANDLING_WORKING_DAYS * MINUTES_PER_WORKING_DAY);
    const u = random.next();
    const handledIn =
      u < 0.82
        ? random.int(60, HANDLING_WORKING_DAYS * MINUTES_PER_WORKING_DAY)
        : random.int(11, 20) * MINUTES_PER_WORKING_DAY;
    const resolvedAt = calendar.addWorkingMinutes(p.receivedAt, handledIn);
    rows.push({
      code: `PAKN-${month.replace('-', '')}-${String(seq).padStart(3, '0')}`,
      agencyId: p.dossier.slot.agency.id,
      dossierId: p.linked ? p.dossier.id : null,
      harassment: p.harassment,
      receivedAt: p.receivedAt,
      dueAt,
      resolvedAt: resolvedAt <= asOf ? resolvedAt : null,
    });
  }
  await rows.insert(db, 'Petition');
  return rows.length;
}
