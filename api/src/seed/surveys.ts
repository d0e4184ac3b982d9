// ~1,500 SIPAS responses with raw answers (docs/domain.md §4.3: store raw answers, never only a score),
// spread over the agencies and quarters of the seeded period. Some respondents are linked to a
// dossier they had resolved; the rest were surveyed at the desk.
import { atLocalMinute, dayOf, type WorkingCalendar } from '../domain/index.ts';
import type { SeededAgency } from './agencies.ts';
import { arrayLiteral, insertColumns, type Queryable, RowBuffer } from './bulk-insert.ts';
import type { SeededDossier } from './dossiers.ts';
import { EXPECTATION_OPTIONS, SIPAS_FACTORS, type SipasInstrument } from './questionnaires.ts';
import { type Random, WeightedPicker } from './random.ts';

const LINKED_SHARE = 0.4;
/** Respondents leave about 2% of questions blank. */
const SKIP_SHARE = 0.02;
/** How often each criterion is judged met (equipment is the weak point, staff courtesy the strong one). */
const CRITERION_MET: Readonly<Record<string, readonly number[]>> = {
  F1: [0.86, 0.84, 0.74, 0.82],
  F2: [0.93, 0.92, 0.9, 0.94, 0.88],
  F3: [0.92, 0.9, 0.89, 0.9, 0.9, 0.93],
  F4: [0.95, 0.93, 0.94],
  F5: [0.8, 0.76, 0.78, 0.74],
};

interface Respondent {
  agency: SeededAgency;
  dossier: SeededDossier | null;
  submittedAt: Date;
}

function respondents(
  random: Random,
  calendar: WorkingCalendar,
  dossiers: readonly SeededDossier[],
  count: number,
  asOf: Date,
): Respondent[] {
  const resolved = dossiers.filter((d) => d.endKind === 'RESOLVED' || d.endKind === 'RETURNED');
  const out: Respondent[] = [];
  if (resolved.length === 0) return out; // e.g. a catalogue-only seed (dossiers: 0)
  for (let i = 0; i < count; i++) {
    const dossier = random.pick(resolved);
    if (random.chance(LINKED_SHARE)) {
      const at = calendar.addWorkingMinutes(dossier.returnedAt ?? dossier.endedAt!, random.int(5, 5 * 480));
      if (at <= asOf) {
        out.push({ agency: dossier.slot.agency, dossier, submittedAt: at });
        continue;
      }
    }
    // Surveyed at the desk: an agency in proportion to its resolved dossiers, on a day it worked.
    const day = dayOf(dossier.endedAt!);
    const minute = random.chance(0.6) ? 7 * 60 + random.next() * 270 : 13 * 60 + 30 + random.next() * 210;
    const at = atLocalMinute(day, minute);
    out.push({ agency: dossier.slot.agency, dossier: null, submittedAt: at <= asOf ? at : asOf });
  }
  return out.sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime());
}

/** A 1–5 satisfaction answer consistent with how many of the factor's criteria were met. */
function satisfactionValue(random: Random, metShare: number, mood: number): number {
  const score = 0.55 * metShare + 0.3 * mood + 0.15 * random.next();
  if (score > 0.8) return random.chance(0.45) ? 5 : 4;
  if (score > 0.62) return random.chance(0.8) ? 4 : 3;
  if (score > 0.45) return random.chance(0.6) ? 3 : 2;
  return random.chance(0.6) ? 2 : 1;
}

export async function seedSurveys(
  db: Queryable,
  random: Random,
  calendar: WorkingCalendar,
  instrument: SipasInstrument,
  dossiers: readonly SeededDossier[],
  count: number,
  asOf: Date,
): Promise<{ responses: number; answers: number }> {
  const people = respondents(random, calendar, dossiers, count, asOf);
  const responseRows = await insertColumns<{ id: string; idempotencyKey: string }>(
    db,
    'SurveyResponse',
    [
      { name: 'questionnaireId', type: 'int' },
      { name: 'agencyId', type: 'int' },
      { name: 'dossierId', type: 'bigint' },
      { name: 'idempotencyKey', type: 'text' },
      { name: 'submittedAt', type: 'timestamptz' },
    ],
    [
      people.map(() => instrument.questionnaireId),
      people.map((p) => p.agency.id),
      people.map((p) => p.dossier?.id ?? null),
      people.map((_, i) => `seed-sipas-${String(i + 1).padStart(5, '0')}`),
      people.map((p) => p.submittedAt),
    ],
    'id, "idempotencyKey"',
  );
  const responseIds = new Map(responseRows.map((r) => [r.idempotencyKey, r.id]));

  const answers = new RowBuffer([
    { name: 'responseId', type: 'bigint' },
    { name: 'questionId', type: 'int' },
    { name: 'value', type: 'int' },
    { name: 'options', type: 'text', cast: '::text[]' },
  ]);
  const expectationPicker = new WeightedPicker(EXPECTATION_OPTIONS, [10, 14, 16, 9, 8, 7, 6, 12]);
  people.forEach((person, i) => {
    const responseId = responseIds.get(`seed-sipas-${String(i + 1).padStart(5, '0')}`)!;
    const late = person.dossier?.timeliness === 'LATE';
    const mood = Math.min(1, Math.max(0, 0.75 + 0.25 * (random.next() - 0.5) - (late ? 0.25 : 0)));
    for (const factor of SIPAS_FACTORS) {
      const met = CRITERION_MET[factor.code]!;
      let metCount = 0;
      instrument.assessment.get(factor.code)!.forEach((questionId, c) => {
        const yes = random.chance(Math.min(0.99, met[c]! + (mood - 0.75) * 0.4));
        if (yes) metCount++;
        if (!random.chance(SKIP_SHARE))
          answers.push({ responseId, questionId, value: yes ? 2 : 1, options: null });
      });
      if (random.chance(SKIP_SHARE)) continue;
      answers.push({
        responseId,
        questionId: instrument.satisfaction.get(factor.code)!,
        value: satisfactionValue(random, metCount / met.length, mood),
        options: null,
      });
    }
    if (random.chance(0.85)) {
      const chosen = new Set<string>();
      const wanted = random.int(1, 3);
      for (let k = 0; k < wanted; k++) chosen.add(expectationPicker.pick(random).code);
      answers.push({
        responseId,
        questionId: instrument.expectation,
        value: null,
        options: arrayLiteral([...chosen].sort()),
      });
    }
  });
  await answers.insert(db, 'SurveyAnswer');
  return { responses: people.length, answers: answers.length };
}
