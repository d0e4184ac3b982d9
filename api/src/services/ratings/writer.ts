// Ratings written by group commit (services/group-commit.ts): submissions that arrive while earlier
// batches are being written go together in the next transaction — a handful of statements and one
// commit for the whole group — and each is answered only after the COMMIT that made it durable.
import type pg from 'pg';
import { isFinished } from '../../domain/dossier-state.ts';
import type { RatingLevel } from '../../domain/rollup-contribution.ts';
import { GroupCommitQueue } from '../group-commit.ts';
import type { Logger } from '../logger.ts';
import { PhaseTimer } from '../phase-timer.ts';
import { inTransaction } from '../transaction.ts';
import { insertRatings, type LockedDossier, lockDossiers, type NewRating } from './store.ts';

export interface RatingSubmission {
  dossierCode: string;
  level: RatingLevel;
  /** Already normalized and masked. */
  comment: string | null;
  idempotencyKey: string | null;
}

export type WriteOutcome =
  /** `replaced`: the rating took the place of an earlier one of the dossier (false for a replay). */
  | { ok: true; replay: boolean; replaced: boolean }
  | { ok: false; code: 'UNKNOWN_DOSSIER' | 'NOT_FINISHED'; message: string };

export interface AcceptedRating {
  ratingId: string;
  agencyId: number;
  procedureId: number;
  level: RatingLevel;
  submittedAt: Date;
}

export interface WriterOptions {
  /** Most submissions in one transaction. */
  maxBatch: number;
  /** Transactions at once (each holds a pooled connection). */
  maxInFlight: number;
}

/** Conflicts another attempt resolves: a concurrent identical submission (then found by its key), a deadlock. */
const RETRYABLE = new Set(['23505', '40P01', '40001']);
const MAX_ATTEMPTS = 3;

export class RatingWriter {
  private readonly queue: GroupCommitQueue<RatingSubmission, WriteOutcome>;
  /** Dossier codes and idempotency keys of the batches being written. */
  private readonly busyCodes = new Set<string>();
  private readonly busyKeys = new Set<string>();

  constructor(
    private readonly pool: pg.Pool,
    private readonly onCommit: (accepted: AcceptedRating[]) => void,
    private readonly logger: Logger,
    private readonly options: WriterOptions = { maxBatch: 200, maxInFlight: 3 },
  ) {
    this.queue = new GroupCommitQueue({
      name: 'ratings',
      concurrency: options.maxInFlight,
      pick: (waiting) => this.pick(waiting),
      settled: (batch) => {
        for (const item of batch) {
          this.busyCodes.delete(item.dossierCode);
          if (item.idempotencyKey) this.busyKeys.delete(item.idempotencyKey);
        }
      },
      write: (batch) => this.commit(batch),
      logger,
    });
  }

  write(item: RatingSubmission): Promise<WriteOutcome> {
    return this.queue.submit(item);
  }

  /**
   * The next batch, in arrival order. A dossier (or key) appears at most once among the batches in
   * flight: a second rating of the same dossier waits for the first to commit, then replaces it.
   */
  private pick(waiting: readonly RatingSubmission[]): RatingSubmission[] {
    const batch: RatingSubmission[] = [];
    for (const item of waiting) {
      if (batch.length >= this.options.maxBatch) break;
      const { dossierCode, idempotencyKey } = item;
      if (this.busyCodes.has(dossierCode) || (idempotencyKey && this.busyKeys.has(idempotencyKey))) continue;
      batch.push(item);
      this.busyCodes.add(dossierCode);
      if (idempotencyKey) this.busyKeys.add(idempotencyKey);
    }
    return batch;
  }

  private async commit(batch: RatingSubmission[]): Promise<WriteOutcome[]> {
    const timer = new PhaseTimer();
    const { outcomes, accepted } = await this.commitWithRetries(batch, timer);
    // Committed: whatever happens next must not make the queue write the batch again.
    this.logger.debug(
      { size: batch.length, accepted: accepted.length, ms: timer.phases, waiting: this.queue.backlog },
      'rating batch',
    );
    try {
      if (accepted.length > 0) this.onCommit(accepted);
    } catch (err) {
      this.logger.error({ err }, 'publishing accepted ratings failed');
    }
    return outcomes;
  }

  private async commitWithRetries(items: RatingSubmission[], timer?: PhaseTimer) {
    for (let attempt = 1; ; attempt++) {
      try {
        return await inTransaction(this.pool, (client) => writeBatch(client, items, timer), timer);
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (attempt >= MAX_ATTEMPTS || !code || !RETRYABLE.has(code)) throw error;
      }
    }
  }
}

const UNKNOWN_DOSSIER = (code: string): WriteOutcome => ({
  ok: false,
  code: 'UNKNOWN_DOSSIER',
  message: `Không tìm thấy hồ sơ "${code}".`,
});
const NOT_FINISHED = (code: string): WriteOutcome => ({
  ok: false,
  code: 'NOT_FINISHED',
  message: `Hồ sơ "${code}" chưa giải quyết xong nên chưa thể đánh giá.`,
});

/** One transaction: lock the dossiers, check them and the keys, store what is new. */
async function writeBatch(client: pg.PoolClient, items: RatingSubmission[], timer?: PhaseTimer) {
  const { dossiers, knownKeys: known } = await lockDossiers(
    client,
    [...new Set(items.map((i) => i.dossierCode))],
    items.flatMap((i) => (i.idempotencyKey ? [i.idempotencyKey] : [])),
  );
  timer?.mark('lock');
  const outcomes: WriteOutcome[] = [];
  const writes: NewRating[] = [];
  const rated = new Set<LockedDossier['id']>();
  for (const item of items) {
    const dossier = dossiers.get(item.dossierCode);
    if (!dossier) outcomes.push(UNKNOWN_DOSSIER(item.dossierCode));
    else if (!isFinished(dossier.facts)) outcomes.push(NOT_FINISHED(item.dossierCode));
    else if (item.idempotencyKey && known.has(item.idempotencyKey))
      outcomes.push({ ok: true, replay: true, replaced: false });
    else {
      // An earlier rating of the dossier, stored before this batch or earlier in it, becomes history.
      const replaced = dossier.facts.rating != null || rated.has(dossier.id);
      rated.add(dossier.id);
      outcomes.push({ ok: true, replay: false, replaced });
      writes.push({ dossier, level: item.level, comment: item.comment, idempotencyKey: item.idempotencyKey });
    }
  }
  if (writes.length === 0) return { outcomes, accepted: [] };
  const stored = await insertRatings(client, writes, timer);
  const byDossier = new Map(writes.map((w) => [w.dossier.id, w]));
  const accepted = stored.map((s): AcceptedRating => {
    const w = byDossier.get(s.dossierId)!;
    return {
      ratingId: s.ratingId,
      agencyId: w.dossier.facts.agencyId,
      procedureId: w.dossier.facts.procedureId,
      level: w.level,
      submittedAt: s.submittedAt,
    };
  });
  return { outcomes, accepted };
}
