// Indicator 2.1 at the end of each day a dossier was open (docs/domain.md §3.9; rule 9 of the fold in
// dossier-state.ts). A dossier still open at a period's end is judged by what was true then: its due
// date as it stood (moved by the supplements answered by then, not by later ones), its clock stopped
// while a request waits, late from the day of a second request. So the judgement of a day is the fold
// of the events dated on or before it, judged on it — and events dated later never change it, which
// keeps the figures of a closed period stable.
import { type Day, epochDayOf, fromEpochDay, localMidnightMs } from './time.ts';
import { countsAsOnTimeFor766, type DossierEndKind, type Timeliness } from './timeliness.ts';

/** Days of a dossier's open life with one judgement; `to` null = still open (every later day). */
export interface OpenJudgement {
  from: Day;
  to: Day | null;
  /** Not on time for indicator 2.1 at the end of each of these days (and then counted in lateOpen). */
  late: boolean;
}

/** What the fold of the events known on a day says, judged at the end of that day. */
export interface JudgementThen {
  timeliness: Timeliness | null;
  endKind: DossierEndKind | null;
  timelinessDueAt: Date | null;
}

/**
 * The open life of a dossier — from its reception day to the day before its end (open-ended while
 * unfinished) — cut into ranges of equal judgement. `foldKnown(events, asOf)` folds the events known
 * on a day and judges them at `asOf`, the last instant of that day.
 *
 * The events known change only on the days events are dated, and within such a stretch only the
 * comparison of the day with the due date then can change the judgement: so each stretch is judged
 * on its first day, on its due day and on the day after, not day by day.
 */
export function judgeOpenDays<E extends { occurredAt: Date }>(
  ordered: readonly E[],
  final: { receivedAt: Date | null; endedAt: Date | null },
  foldKnown: (known: E[], asOf: Date) => JudgementThen,
): OpenJudgement[] {
  if (!final.receivedAt) return [];
  const first = epochDayOf(final.receivedAt);
  const last = final.endedAt ? epochDayOf(final.endedAt) - 1 : Number.POSITIVE_INFINITY;
  if (last < first) return [];
  const eventDays = ordered.map((e) => epochDayOf(e.occurredAt));
  const starts = [...new Set([first, ...eventDays.filter((d) => d > first && d <= last)])].sort(
    (a, b) => a - b,
  );

  const ranges: { from: number; to: number; late: boolean }[] = [];
  const add = (from: number, to: number, late: boolean) => {
    const previous = ranges[ranges.length - 1];
    if (previous && previous.late === late && previous.to === from - 1) previous.to = to;
    else ranges.push({ from, to, late });
  };
  for (let i = 0; i < starts.length; i++) {
    const from = starts[i]!;
    const to = i + 1 < starts.length ? starts[i + 1]! - 1 : last;
    const known = ordered.filter((_, j) => eventDays[j]! <= from);
    const atFrom = foldKnown(known, endOfDay(from));
    const due = atFrom.timelinessDueAt ? epochDayOf(atFrom.timelinessDueAt) : null;
    // The days on which the judgement may turn within [from, to]: the due day and the day after.
    const cuts = [from, ...(due === null ? [] : [due, due + 1].filter((d) => d > from && d <= to))];
    cuts.forEach((cut, k) => {
      const late = isLate(k === 0 ? atFrom : foldKnown(known, endOfDay(cut)));
      add(cut, k + 1 < cuts.length ? cuts[k + 1]! - 1 : to, late);
    });
  }
  return ranges.map((r) => ({
    from: fromEpochDay(r.from),
    to: Number.isFinite(r.to) ? fromEpochDay(r.to) : null,
    late: r.late,
  }));
}

/** The last instant of a local day: what a period ending that day knows. */
const endOfDay = (epochDay: number) => new Date(localMidnightMs(epochDay + 1) - 1);

/** Not on time for indicator 2.1 (a state with no timeliness — a refusal then — is not on time either). */
const isLate = (then: JudgementThen) =>
  then.timeliness === null || !countsAsOnTimeFor766(then.timeliness, then.endKind);

/** The judgement of day `day` (YYYY-MM-DD) in a dossier's ranges; null when it was not open that day. */
export function judgementOn(judgements: readonly OpenJudgement[], day: Day): OpenJudgement | null {
  return judgements.find((j) => j.from <= day && (j.to === null || day <= j.to)) ?? null;
}
