// Dossier events from the one-stop systems (architecture.md "Data flow"): validated one by one, then
// written with set-based SQL (ingest-apply.ts). Batches that arrive while a transaction is running
// wait and then go together in the next one (group commit): one process never has two ingestion
// transactions fighting over the same rollup rows, and a busy stream pays for one commit per group.
import type { ApplicantType, Channel, DossierStatus } from '@tthc/db';
import { dayOf } from '../domain/time.ts';
import type { Services } from '../server/context.ts';
import { applyGroup, type IngestJob } from './ingest-apply.ts';
import { loadReferenceData, type ReferenceData } from './ingest-reference.ts';

export const MAX_EVENTS_PER_BATCH = 1000;

export interface DossierEventInput {
  dossierCode: string;
  procedureCode: string;
  agencyCode: string;
  channel: Channel;
  status: DossierStatus;
  occurredAt: Date;
  sequence: number;
  dueAt?: Date | null;
  apologyRef?: string | null;
  applicantType?: ApplicantType | null;
}

export interface InputError {
  index: number;
  code: string;
  message: string;
}

export interface IngestResult {
  accepted: number;
  duplicates: number;
  errors: InputError[];
}

export interface IngestOptions {
  source: 'GRAPHQL' | 'NATIONAL_SYNC';
  actor: string;
}

/** What changed, for live subscribers: the agencies and procedures whose figures moved. */
export interface StatsChange {
  agencyIds: number[];
  procedureIds: number[];
}

const DOSSIER_CODE = /^[A-Za-z0-9][A-Za-z0-9._\-/]{0,63}$/;
const MAX_SEQUENCE = 1_000_000;
/** Clock skew tolerated between a one-stop system and us. */
const FUTURE_TOLERANCE_MS = 10 * 60_000;

/** A valid event, resolved against the catalogue. */
export interface ResolvedEvent {
  index: number;
  input: DossierEventInput;
  procedureId: number;
  agencyId: number;
  reference: ReferenceData;
}

/** Events of one group transaction at most (a few batches arriving together). */
const MAX_EVENTS_PER_GROUP = 4 * MAX_EVENTS_PER_BATCH;

/** Records a batch of dossier events; see the contract's `recordDossierEvents`. */
export async function recordDossierEvents(
  services: Pick<Services, 'db' | 'calendars' | 'pubsub' | 'logger'>,
  events: DossierEventInput[],
  options: IngestOptions,
): Promise<IngestResult> {
  if (events.length > MAX_EVENTS_PER_BATCH) {
    return {
      accepted: 0,
      duplicates: 0,
      errors: [
        {
          index: MAX_EVENTS_PER_BATCH,
          code: 'BATCH_TOO_LARGE',
          message: `Mỗi lần gửi tối đa ${MAX_EVENTS_PER_BATCH} sự kiện (nhận được ${events.length}).`,
        },
      ],
    };
  }
  const errors: InputError[] = [];
  const reference = await loadReferenceData(services.db.pool, events);
  const resolved = validate(events, reference, errors);
  if (resolved.length === 0) return { accepted: 0, duplicates: 0, errors };
  const outcome = await queueFor(services).submit({
    resolved,
    errors,
    validationErrors: errors.length,
    options,
    accepted: 0,
    duplicates: 0,
  });
  errors.sort((a, b) => a.index - b.index);
  return { accepted: outcome.accepted, duplicates: outcome.duplicates, errors };
}

type IngestServices = Pick<Services, 'db' | 'calendars' | 'pubsub' | 'logger'>;

interface Waiting {
  job: IngestJob;
  resolve: (job: IngestJob) => void;
  reject: (error: unknown) => void;
}

/**
 * A few writers per process and database (INGEST_WRITERS, default 2): batches queue while the
 * writers are busy, then a free writer takes everything waiting (up to MAX_EVENTS_PER_GROUP events)
 * as one group. More writers use more cores but make transactions wait on each other's rollup rows;
 * two keep both cores of a small server busy. If a group fails, each of its batches is retried
 * alone, so a batch that breaks something fails alone and the others are stored.
 */
class IngestQueue {
  private readonly waiting: Waiting[] = [];
  private active = 0;

  constructor(
    private readonly services: IngestServices,
    private readonly writers: number,
  ) {}

  submit(job: IngestJob): Promise<IngestJob> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ job, resolve, reject });
      if (this.active < this.writers) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.active += 1;
    try {
      while (this.waiting.length > 0) {
        const group: Waiting[] = [];
        let size = 0;
        while (
          this.waiting.length > 0 &&
          (group.length === 0 || size + this.waiting[0]!.job.resolved.length <= MAX_EVENTS_PER_GROUP)
        ) {
          const next = this.waiting.shift()!;
          size += next.job.resolved.length;
          group.push(next);
        }
        await this.write(group);
      }
    } finally {
      this.active -= 1;
    }
  }

  private async write(group: Waiting[]): Promise<void> {
    try {
      await applyGroup(
        this.services,
        group.map((w) => w.job),
      );
      for (const w of group) w.resolve(w.job);
    } catch (error) {
      if (group.length === 1) {
        group[0]!.reject(error);
        return;
      }
      this.services.logger.warn(
        { err: (error as Error).message, batches: group.length },
        'ingest group failed; retrying batches one by one',
      );
      for (const w of group) {
        w.job.accepted = 0;
        w.job.duplicates = 0;
        w.job.errors.length = w.job.validationErrors;
        await this.write([w]);
      }
    }
  }
}

const queues = new WeakMap<object, IngestQueue>();

function queueFor(services: IngestServices): IngestQueue {
  let queue = queues.get(services.db);
  if (!queue) {
    queue = new IngestQueue(services, Number(process.env.INGEST_WRITERS) || 2);
    queues.set(services.db, queue);
  }
  return queue;
}

function validate(
  events: DossierEventInput[],
  reference: ReferenceData,
  errors: InputError[],
): ResolvedEvent[] {
  const now = Date.now();
  const resolved: ResolvedEvent[] = [];
  events.forEach((input, index) => {
    const outcome = checkEvent(input, reference, now);
    if ('code' in outcome) errors.push({ index, ...outcome });
    else resolved.push({ index, input, reference, ...outcome });
  });
  return resolved;
}

/** The catalogue ids an event refers to, or why it is rejected (a stable code and a message). */
function checkEvent(
  input: DossierEventInput,
  reference: ReferenceData,
  now: number,
): { procedureId: number; agencyId: number } | { code: string; message: string } {
  if (!DOSSIER_CODE.test(input.dossierCode)) {
    return {
      code: 'INVALID_DOSSIER_CODE',
      message: `Mã hồ sơ "${input.dossierCode}" không hợp lệ (1–64 ký tự chữ, số, . _ - /).`,
    };
  }
  if (!Number.isInteger(input.sequence) || input.sequence < 1 || input.sequence > MAX_SEQUENCE) {
    return {
      code: 'INVALID_SEQUENCE',
      message: `Số thứ tự sự kiện phải là số nguyên từ 1 đến ${MAX_SEQUENCE}.`,
    };
  }
  if (input.occurredAt.getTime() > now + FUTURE_TOLERANCE_MS) {
    return { code: 'FUTURE_EVENT', message: `Thời điểm ${input.occurredAt.toISOString()} ở tương lai.` };
  }
  if (input.dueAt && input.dueAt.getTime() < input.occurredAt.getTime() - 366 * 86_400_000) {
    return { code: 'INVALID_DUE_DATE', message: 'Ngày hẹn trả sớm hơn thời điểm sự kiện quá một năm.' };
  }
  if (input.apologyRef && input.apologyRef.length > 100) {
    return { code: 'BAD_USER_INPUT', message: 'Số phiếu xin lỗi tối đa 100 ký tự.' };
  }
  const procedure = reference.procedures.get(input.procedureCode);
  if (!procedure)
    return { code: 'UNKNOWN_PROCEDURE', message: `Không có thủ tục mã "${input.procedureCode}".` };
  const day = dayOf(input.occurredAt);
  const agencyId = reference.agencyOn(input.agencyCode, day);
  if (agencyId === null) {
    return {
      code: 'UNKNOWN_AGENCY',
      message: `Không có cơ quan, đơn vị mã "${input.agencyCode}" vào ngày ${day}.`,
    };
  }
  return { procedureId: procedure.id, agencyId };
}
