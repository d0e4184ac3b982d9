// Group commit of ratings (docs/benchmarks.md "Machine baselines": single submissions are bounded by round trips — keep
// them to a few statements, or group-commit concurrent ones). Submissions that arrive while earlier
// batches are being written wait together and go in the next transaction: a handful of statements
// and one commit for the whole group, so throughput grows with load while a lone rating still goes
// alone, at once. Each submission is answered only after the COMMIT that made it durable.
import type pg from 'pg';
import { isFinished } from '../../domain/dossier-state.ts';
import type { RatingLevel } from '../../domain/rollup-contribution.ts';
import type { Logger } from '../logger.ts';
import { PhaseTimer } from '../phase-timer.ts';
import { inTransaction } from '../transaction.ts';
import { insertRatings, lockDossiers, type NewRating } from './store.ts';

export interface RatingSubmission {
  dossierCode: string;
  level: RatingLevel;
  /** Already normalized and masked. */
  comment: string | null;
  idempotencyKey: string | null;
}

export type WriteOutcome =
  | { ok: true; replay: boolean }
  | { ok: false; code: 'UNKNOWN_DOSSIER' | 'NOT_FINISHED'; message: string };

export interface AcceptedRating {
  ratingId: string;
  agencyId: number;
  procedureId: number;
  level: RatingLevel;
  submittedAt: Date;
}

interface Pending {
  item: RatingSubmission;
  resolve(outcome: WriteOutcome): void;
  reject(error: unknown): void;
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
  private queue: Pending[] = [];
  /** Dossier codes and idempotency keys of the batches being written. */
  private readonly busyCodes = new Set<string>();
  private readonly busyKeys = new Set<string>();
  private inFlight = 0;
  private scheduled = false;

  constructor(
    private readonly pool: pg.Pool,
    private readonly onCommit: (accepted: AcceptedRating[]) => void,
    private readonly logger: Logger,
    private readonly options: WriterOptions = { maxBatch: 200, maxInFlight: 3 },
  ) {}

  write(item: RatingSubmission): Promise<WriteOutcome> {
    return new Promise((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.schedule();
    });
  }

  // setImmediate: the submissions parsed in the same turn of the event loop start together.
  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.pump();
    });
  }

  private pump(): void {
    while (this.inFlight < this.options.maxInFlight && this.queue.length > 0) {
      const batch = this.take();
      if (batch.length === 0) return; // what waits concerns dossiers being written now
      this.inFlight += 1;
      void this.run(batch).finally(() => {
        this.inFlight -= 1;
        for (const { item } of batch) {
          this.busyCodes.delete(item.dossierCode);
          if (item.idempotencyKey) this.busyKeys.delete(item.idempotencyKey);
        }
        if (this.queue.length > 0) this.schedule();
      });
    }
  }

  /**
   * The next batch, in arrival order. A dossier (or key) appears at most once among the batches in
   * flight: a second rating of the same dossier waits for the first to commit, then replaces it.
   */
  private take(): Pending[] {
    const batch: Pending[] = [];
    const rest: Pending[] = [];
    for (const pending of this.queue) {
      const { dossierCode, idempotencyKey } = pending.item;
      const free =
        batch.length < this.options.maxBatch &&
        !this.busyCodes.has(dossierCode) &&
        !(idempotencyKey && this.busyKeys.has(idempotencyKey));
      if (!free) {
        rest.push(pending);
        continue;
      }
      batch.push(pending);
      this.busyCodes.add(dossierCode);
      if (idempotencyKey) this.busyKeys.add(idempotencyKey);
    }
    this.queue = rest;
    return batch;
  }

  private async run(batch: Pending[]): Promise<void> {
    const timer = new PhaseTimer();
    let written: Awaited<ReturnType<typeof writeBatch>>;
    try {
      written = await this.commitWithRetries(
        batch.map((p) => p.item),
        timer,
      );
    } catch (error) {
      if (batch.length === 1) {
        batch[0]!.reject(error);
        return;
      }
      // One submission must not sink the others: write them one by one.
      this.logger.warn(
        { err: (error as Error).message, batch: batch.length },
        'rating batch failed; retrying singly',
      );
      for (const pending of batch) await this.run([pending]);
      return;
    }
    // Committed: whatever happens next must not write the batch again.
    const { outcomes, accepted } = written;
    this.logger.debug(
      { size: batch.length, accepted: accepted.length, ms: timer.phases, waiting: this.queue.length },
      'rating batch',
    );
    for (const [i, p] of batch.entries()) p.resolve(outcomes[i]!);
    try {
      if (accepted.length > 0) this.onCommit(accepted);
    } catch (err) {
      this.logger.error({ err }, 'publishing accepted ratings failed');
    }
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
  for (const item of items) {
    const dossier = dossiers.get(item.dossierCode);
    if (!dossier) outcomes.push(UNKNOWN_DOSSIER(item.dossierCode));
    else if (!isFinished(dossier.facts)) outcomes.push(NOT_FINISHED(item.dossierCode));
    else if (item.idempotencyKey && known.has(item.idempotencyKey)) outcomes.push({ ok: true, replay: true });
    else {
      outcomes.push({ ok: true, replay: false });
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
