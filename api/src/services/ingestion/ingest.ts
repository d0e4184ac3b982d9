// Dossier events from the one-stop systems (docs/architecture.md "Data flow"): validated one by one — own
// fields (ingest-validate.ts), then the catalogue and the key's agency scope — then written with
// set-based SQL (ingest-apply.ts), where each event is also judged against the dossier's recorded
// events (domain/event-admission.ts). A bad event is refused alone, by its index. Batches that
// arrive while a transaction is running wait and then go together in the next one (group commit):
// one process never has two ingestion transactions fighting over the same rollup rows, and a busy
// stream pays for one commit per group.
import { dayOf } from '../../domain/time.ts';
import type { AgencyScope } from '../access/agency-scope.ts';
import type { Services } from '../context.ts';
import { GroupCommitQueue } from '../group-commit.ts';
import { applyGroup } from './apply.ts';
import { loadReferenceData, type ReferenceData } from './reference.ts';
import type {
  DossierEventInput,
  IngestJob,
  IngestOptions,
  IngestResult,
  InputError,
  ResolvedEvent,
} from './types.ts';
import { type EventProblem, fieldProblem } from './validate.ts';

export type { DossierEventInput, IngestOptions, IngestResult, InputError, StatsChange } from './types.ts';

export const MAX_EVENTS_PER_BATCH = 1000;

/** Events of one group transaction at most (a few batches arriving together). */
const MAX_EVENTS_PER_GROUP = 4 * MAX_EVENTS_PER_BATCH;

/** Records a batch of dossier events; see the contract's `recordDossierEvents`. */
export async function recordDossierEvents(
  services: IngestServices,
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
          inputField: 'events',
        },
      ],
    };
  }
  const errors: InputError[] = [];
  const wellFormed = checkFields(events, errors);
  // Only well-formed codes reach the catalogue query (a NUL byte would fail it for the whole batch).
  const reference = await loadReferenceData(
    services.db.pool,
    wellFormed.map((e) => e.input),
  );
  const resolved = resolve(wellFormed, reference, options.scope, errors);
  if (resolved.length === 0) {
    errors.sort((a, b) => a.index - b.index);
    return { accepted: 0, duplicates: 0, errors };
  }
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

type IngestServices = Pick<Services, 'db' | 'calendars' | 'pubsub' | 'logger' | 'ingestWriters' | 'metrics'>;

/**
 * A few writers per process and database (INGEST_WRITERS, default 2): batches queue while the
 * writers are busy, then a free writer takes everything waiting (up to MAX_EVENTS_PER_GROUP events)
 * as one group (services/group-commit.ts). More writers use more cores but make transactions wait
 * on each other's rollup rows; two keep both cores of a small server busy. If a group fails, each
 * of its batches is written again alone, so a batch that breaks something fails alone.
 */
function ingestQueue(services: IngestServices): GroupCommitQueue<IngestJob, IngestJob> {
  return new GroupCommitQueue<IngestJob, IngestJob>({
    name: 'ingest',
    concurrency: services.ingestWriters ?? 2,
    pick: (waiting) => {
      const group: IngestJob[] = [];
      let size = 0;
      for (const job of waiting) {
        if (group.length > 0 && size + job.resolved.length > MAX_EVENTS_PER_GROUP) break;
        group.push(job);
        size += job.resolved.length;
      }
      return group;
    },
    write: async (group) => {
      await applyGroup(services, group);
      return group;
    },
    // Back to what validation left: the group's transaction was rolled back.
    reset: (job) => {
      job.accepted = 0;
      job.duplicates = 0;
      job.errors.length = job.validationErrors;
    },
    logger: services.logger,
    metrics: services.metrics,
  });
}

const queues = new WeakMap<object, GroupCommitQueue<IngestJob, IngestJob>>();

function queueFor(services: IngestServices): GroupCommitQueue<IngestJob, IngestJob> {
  let queue = queues.get(services.db);
  if (!queue) {
    queue = ingestQueue(services);
    queues.set(services.db, queue);
  }
  return queue;
}

/** The events whose own fields are fine, the empty apology reference read as none; errors for the others. */
function checkFields(
  events: DossierEventInput[],
  errors: InputError[],
): { index: number; input: DossierEventInput }[] {
  const now = Date.now();
  const wellFormed: { index: number; input: DossierEventInput }[] = [];
  events.forEach((input, index) => {
    const problem = fieldProblem(input, now);
    if (problem) errors.push({ index, ...problem });
    else wellFormed.push({ index, input: input.apologyRef === '' ? { ...input, apologyRef: null } : input });
  });
  return wellFormed;
}

function resolve(
  events: { index: number; input: DossierEventInput }[],
  reference: ReferenceData,
  scope: AgencyScope,
  errors: InputError[],
): ResolvedEvent[] {
  const resolved: ResolvedEvent[] = [];
  for (const { index, input } of events) {
    const outcome = checkCatalogue(input, reference, scope);
    if ('code' in outcome) errors.push({ index, ...outcome });
    else resolved.push({ index, input, reference, ...outcome });
  }
  return resolved;
}

/** The catalogue ids an event refers to, or why it is rejected (a stable code and a message). */
function checkCatalogue(
  input: DossierEventInput,
  reference: ReferenceData,
  scope: AgencyScope,
): { procedureId: number; agencyId: number } | EventProblem {
  const procedure = reference.procedures.get(input.procedureCode);
  if (!procedure) {
    return {
      code: 'UNKNOWN_PROCEDURE',
      message: `Không có thủ tục mã "${input.procedureCode}".`,
      field: 'procedureCode',
    };
  }
  const day = dayOf(input.occurredAt);
  const agencyId = reference.agencyOn(input.agencyCode, day);
  if (agencyId === null) {
    return {
      code: 'UNKNOWN_AGENCY',
      message: `Không có cơ quan, đơn vị mã "${input.agencyCode}" vào ngày ${day}.`,
      field: 'agencyCode',
    };
  }
  if (!scope.isAllowed(agencyId)) {
    return {
      code: 'OUT_OF_SCOPE',
      message: `Cơ quan, đơn vị mã "${input.agencyCode}" không thuộc phạm vi của khóa API: khóa chỉ được gửi hồ sơ của đơn vị mình và các đơn vị trực thuộc.`,
      field: 'agencyCode',
    };
  }
  return { procedureId: procedure.id, agencyId };
}
