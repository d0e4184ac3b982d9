// Group commit, written once for ingestion and ratings (docs/benchmarks.md "Machine baselines":
// single submissions are bounded by round trips and commits). Jobs that arrive while earlier groups
// are being written wait together and go in the next transaction, so throughput grows with load
// while a lone job still goes alone, at once. Each job is answered only after the COMMIT that made
// it durable. When a group fails, its jobs are written again one by one: one bad job must not sink
// the others.
import type { Logger } from './logger.ts';
import type { Metrics } from './metrics.ts';

export interface GroupCommitOptions<J, R> {
  /** What the queue writes, for the log. */
  name: string;
  /** Groups written at once (each holds a pooled connection). */
  concurrency: number;
  /**
   * The next group from the waiting jobs, in arrival order; jobs it leaves out keep waiting (a job
   * may have to wait for another in flight to commit). An empty group means: nothing can go now.
   */
  pick(waiting: readonly J[]): J[];
  /** Called once a group has settled (committed or failed), to free what `pick` reserved. */
  settled?(group: readonly J[]): void;
  /** Writes a group in one transaction; one result per job, in order. */
  write(group: J[]): Promise<R[]>;
  /** Puts a job back as it was submitted before it is written again alone. */
  reset?(job: J): void;
  logger: Logger;
  /** Where the backlog (read at scrape time) and the size of each group are reported, by `name`. */
  metrics?: Metrics;
}

interface Pending<J, R> {
  job: J;
  resolve(result: R): void;
  reject(error: unknown): void;
}

export class GroupCommitQueue<J, R> {
  private waiting: Pending<J, R>[] = [];
  private inFlight = 0;
  private scheduled = false;

  constructor(private readonly options: GroupCommitOptions<J, R>) {
    options.metrics?.watchQueue(options.name, () => this.waiting.length);
  }

  submit(job: J): Promise<R> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ job, resolve, reject });
      this.schedule();
    });
  }

  /** Jobs waiting for a writer (for logs and tests). */
  get backlog(): number {
    return this.waiting.length;
  }

  // setImmediate: the jobs submitted in the same turn of the event loop start together.
  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.pump();
    });
  }

  private pump(): void {
    while (this.inFlight < this.options.concurrency && this.waiting.length > 0) {
      const picked = new Set(this.options.pick(this.waiting.map((p) => p.job)));
      if (picked.size === 0) return;
      const group = this.waiting.filter((p) => picked.has(p.job));
      this.waiting = this.waiting.filter((p) => !picked.has(p.job));
      this.inFlight += 1;
      this.options.metrics?.groupSize.observe({ queue: this.options.name }, group.length);
      void this.run(group).finally(() => {
        this.inFlight -= 1;
        this.options.settled?.(group.map((p) => p.job));
        if (this.waiting.length > 0) this.schedule();
      });
    }
  }

  private async run(group: Pending<J, R>[]): Promise<void> {
    let results: R[];
    try {
      results = await this.options.write(group.map((p) => p.job));
    } catch (error) {
      if (group.length === 1) {
        group[0]!.reject(error);
        return;
      }
      this.options.logger.warn(
        { err: (error as Error).message, jobs: group.length },
        `${this.options.name}: group failed; writing its jobs one by one`,
      );
      for (const pending of group) {
        this.options.reset?.(pending.job);
        await this.run([pending]);
      }
      return;
    }
    for (const [i, pending] of group.entries()) pending.resolve(results[i]!);
  }
}
