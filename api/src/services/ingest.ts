// Dossier events from the one-stop systems (architecture.md "Data flow"): validated one by one, then
// one transaction per batch with set-based SQL — batch-load the dossiers, insert the new events,
// fold each touched dossier again from all its events, write the rows, and apply the difference of
// each dossier's rollup contribution as one aggregated upsert per rollup key (performance.md).
import type { ApplicantType, Channel, DossierStatus } from '@tthc/db';
import type pg from 'pg';
import type { WorkingCalendar } from '../domain/calendar.ts';
import { type DossierEventFact, type DossierState, foldDossierEvents } from '../domain/dossier-state.ts';
import { type DossierFacts, RollupDelta } from '../domain/rollup-contribution.ts';
import { dayOf } from '../domain/time.ts';
import type { Services } from '../server/context.ts';
import { loadReferenceData, type ReferenceData } from './ingest-reference.ts';
import { type EventRow, loadDossiers, type StoredDossier, writeBatch } from './ingest-store.ts';
import { PhaseTimer } from './phase-timer.ts';

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
interface ResolvedEvent {
  index: number;
  input: DossierEventInput;
  procedureId: number;
  agencyId: number;
}

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
  const timer = new PhaseTimer();
  const reference = await loadReferenceData(services.db.pool, events);
  timer.mark('reference');
  const resolved = validate(events, reference, errors);
  if (resolved.length === 0) return { accepted: 0, duplicates: 0, errors };

  const calendar = await services.calendars.get();
  const client = await services.db.pool.connect();
  timer.mark('connect');
  let outcome: { accepted: number; duplicates: number; change: StatsChange };
  try {
    await client.query('BEGIN');
    outcome = await ingestInTransaction(client, resolved, reference, calendar, options, errors, timer);
    await client.query('COMMIT');
    timer.mark('commit');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
  services.logger.debug(
    { events: events.length, accepted: outcome.accepted, ms: timer.phases },
    'ingest batch',
  );
  if (outcome.accepted > 0) services.pubsub.publish('stats:changed', outcome.change);
  errors.sort((a, b) => a.index - b.index);
  return { accepted: outcome.accepted, duplicates: outcome.duplicates, errors };
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
    else resolved.push({ index, input, ...outcome });
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

async function ingestInTransaction(
  client: pg.PoolClient,
  resolved: ResolvedEvent[],
  reference: ReferenceData,
  calendar: WorkingCalendar,
  options: IngestOptions,
  errors: InputError[],
  timer: PhaseTimer,
) {
  const byCode = new Map<string, ResolvedEvent[]>();
  for (const e of resolved) {
    const list = byCode.get(e.input.dossierCode);
    if (list) list.push(e);
    else byCode.set(e.input.dossierCode, [e]);
  }
  const codes = [...byCode.keys()].sort();
  const existing = await loadDossiers(client, codes);
  timer.mark('load');

  let duplicates = 0;
  const newEvents: EventRow[] = [];
  const touched: {
    code: string;
    stored: StoredDossier | undefined;
    identity: Identity;
    fresh: ResolvedEvent[];
  }[] = [];
  for (const code of codes) {
    const stored = existing.get(code);
    const identity: Identity = stored?.identity ?? identityOf(byCode.get(code)![0]!);
    const seen = new Set(stored?.events.map((e) => e.sequence));
    const fresh: ResolvedEvent[] = [];
    for (const e of byCode.get(code)!) {
      if (!sameDossier(identity, e, reference)) {
        errors.push({
          index: e.index,
          code: 'INCONSISTENT_DOSSIER',
          message: `Hồ sơ ${code} đã được ghi nhận với thủ tục, cơ quan hoặc kênh khác.`,
        });
        continue;
      }
      if (seen.has(e.input.sequence)) {
        duplicates += 1;
        continue;
      }
      seen.add(e.input.sequence);
      fresh.push(e);
    }
    if (fresh.length > 0) touched.push({ code, stored, identity, fresh });
  }

  const delta = new RollupDelta();
  const states: {
    code: string;
    identity: Identity;
    stored: StoredDossier | undefined;
    state: DossierState;
  }[] = [];
  for (const t of touched) {
    const facts: DossierEventFact[] = [
      ...(t.stored?.events ?? []),
      ...t.fresh.map((e) => ({
        sequence: e.input.sequence,
        status: e.input.status,
        occurredAt: e.input.occurredAt,
        dueAt: e.input.dueAt ?? null,
        apologyRef: e.input.apologyRef ?? null,
      })),
    ];
    const procedure = reference.procedureById.get(t.identity.procedureId)!;
    const state = foldDossierEvents(facts, {
      calendar,
      limit: procedure.limits.get(t.identity.channel) ?? null,
      sameDayCutoffMinute: procedure.sameDayCutoffMinute,
    });
    if (t.stored) delta.add(t.stored.facts, -1);
    delta.add(factsOf(t.identity, state, t.stored), 1);
    states.push({ code: t.code, identity: t.identity, stored: t.stored, state });
    for (const e of t.fresh) {
      newEvents.push({
        code: t.code,
        sequence: e.input.sequence,
        status: e.input.status,
        occurredAt: e.input.occurredAt,
        dueAt: e.input.dueAt ?? null,
        apologyRef: e.input.apologyRef ?? null,
      });
    }
  }
  timer.mark('fold');
  if (states.length > 0) await writeBatch(client, states, newEvents, delta, options.source, timer);
  const change: StatsChange = {
    agencyIds: [...new Set(states.map((s) => s.identity.agencyId))],
    procedureIds: [...new Set(states.map((s) => s.identity.procedureId))],
  };
  return { accepted: newEvents.length, duplicates, change };
}

/** What identifies a dossier beyond its code; fixed by its first recorded event. */
export interface Identity {
  procedureId: number;
  agencyId: number;
  agencyCode: string;
  channel: Channel;
  applicantType: ApplicantType | null;
}

function identityOf(e: ResolvedEvent): Identity {
  return {
    procedureId: e.procedureId,
    agencyId: e.agencyId,
    agencyCode: e.input.agencyCode,
    channel: e.input.channel,
    applicantType: e.input.applicantType ?? null,
  };
}

/**
 * An event belongs to a dossier when it names the same procedure, channel and unit. The unit is
 * compared by code: a dossier received by TT Phước Dân (22870) before 1/7/2025 may get its result
 * event after the merger, when 22870 names xã Ninh Phước — still the same desk.
 */
function sameDossier(identity: Identity, e: ResolvedEvent, reference: ReferenceData): boolean {
  return (
    identity.procedureId === e.procedureId &&
    identity.channel === e.input.channel &&
    (identity.agencyId === e.agencyId || reference.agencyCode(identity.agencyId) === e.input.agencyCode)
  );
}

export function factsOf(identity: Identity, state: DossierState, stored?: StoredDossier): DossierFacts {
  return {
    agencyId: identity.agencyId,
    procedureId: identity.procedureId,
    channel: identity.channel,
    status: state.status,
    receivedAt: state.receivedAt,
    resolvedAt: state.resolvedAt,
    returnedAt: state.returnedAt,
    endedAt: state.endedAt,
    timeliness: state.timeliness,
    timelinessDueAt: state.timelinessDueAt,
    supplementPendingSince: state.supplementPendingSince,
    supplementRequests: state.supplementRequests,
    apologies: state.apologies,
    processingMinutes: state.processingMinutes,
    // A dossier that reopens (e.g. a late RECEIVED folds an end away) keeps its rating row, but the
    // rating only counts while the dossier is finished (rollup-contribution counts it at the end).
    rating: stored?.facts.rating ?? null,
    ratingLinkIssued: stored?.facts.ratingLinkIssued ?? false,
    hasPetition: stored?.facts.hasPetition ?? false,
  };
}
