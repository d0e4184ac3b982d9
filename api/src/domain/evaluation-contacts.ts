// Indicators 3 and 4 of the 9-indicator evaluation computed from the supplement requests of the dossiers
// an agency finished in the quarter (docs/domain.md §4.2; Decree 61/2018/NĐ-CP, Circular 01/2018/TT-VPCP).
//
// The one-stop system records each time the applicant was asked to complete the dossier (a
// SUPPLEMENT_REQUESTED event), and the supplement is handed in where the dossier was received:
// - indicator 3, contacts with the receiving point to complete the dossier, is the dossier's count of
//   supplement requests (indicator3Contacts: none 2, one 1, more 0). Whose fault a second request was
//   is not recorded; the project already holds a second request against the agency (§3.6, it makes
//   the dossier late), so it scores 0;
// - indicator 4, agencies the applicant had to contact, is none without a request (2) and only the
//   one-stop desk with one or more (1, indicator4Agencies): each dossier is received and resolved by
//   one agency through its desk, so the data never shows another agency to contact (0).
// The agency's score is its worst dossier's, as for indicators 1 and 2 (services/evaluation.ts):
// one dossier that needed a second request is enough for 0. The mean points go beside it.

import { type IndicatorScore, indicator3Contacts, indicator4Agencies } from './one-stop-evaluation.ts';
import { assertCount } from './ratios.ts';

/** Dossiers processed to a result in the quarter, by their number of supplement requests. */
export interface SupplementCounts {
  /** No supplement request. */
  none: number;
  /** Exactly one. */
  once: number;
  /** Two or more. */
  several: number;
}

export interface ContactScore {
  judged: number;
  /** The worst dossier's points; null when no dossier was judged. */
  score: IndicatorScore | null;
  /** Mean of the per-dossier points; null when no dossier was judged. */
  averagePoints: number | null;
}

function combine(
  counts: SupplementCounts,
  points: Record<keyof SupplementCounts, IndicatorScore>,
): ContactScore {
  for (const key of ['none', 'once', 'several'] as const) assertCount(key, counts[key]);
  const judged = counts.none + counts.once + counts.several;
  if (judged === 0) return { judged, score: null, averagePoints: null };
  const present = (['none', 'once', 'several'] as const).filter((k) => counts[k] > 0);
  const score = Math.min(...present.map((k) => points[k])) as IndicatorScore;
  const total = counts.none * points.none + counts.once * points.once + counts.several * points.several;
  return { judged, score, averagePoints: total / judged };
}

/** Indicator 3 from the supplement requests: 2 none, 1 one, 0 more, the worst dossier's (see the header). */
export function contactsIndicator(counts: SupplementCounts): ContactScore {
  return combine(counts, {
    none: indicator3Contacts(0),
    once: indicator3Contacts(1),
    several: indicator3Contacts(2),
  });
}

/** Indicator 4 from the supplement requests: 2 without any, 1 (only the one-stop desk) with some. */
export function agenciesIndicator(counts: SupplementCounts): ContactScore {
  const desk = indicator4Agencies(1, true);
  return combine(counts, { none: indicator4Agencies(0, false), once: desk, several: desk });
}
