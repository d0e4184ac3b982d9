// Locking dossiers and reading their facts, written once for every writer that changes a dossier's
// rollup contribution (ingestion, ratings, rating links). All take transaction-scoped advisory
// locks keyed by the dossier code, in code order (no deadlock between two writers), before they
// read: a rating cannot slip in between ingestion's read and its write, nor the reverse.

/** Takes the locks of the codes in `$1` (text[]), in order; yields one row (`n`). */
export const LOCK_DOSSIER_CODES_SQL = `SELECT count(pg_advisory_xact_lock(hashtextextended(code, 766))) AS n
  FROM (SELECT code FROM unnest($1::text[]) AS code ORDER BY code) AS ordered`;

/** The columns of a dossier's rollup facts (domain/rollup-contribution.ts DossierFacts), from `d`. */
export const DOSSIER_FACTS_COLUMNS = `d."agencyId", d."procedureId", d.channel, d.status, d."receivedAt",
  d."resolvedAt", d."returnedAt", d."endedAt", d.timeliness, d."timelinessDueAt",
  d."supplementPendingSince", d."supplementRequests", d.apologies, d."processingMinutes",
  d.rating, d."ratingLinkIssued", d."hasPetition", d."openJudgements",
  d."counterDays"`;
