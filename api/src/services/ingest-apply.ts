// One group of ingestion batches in one transaction, set-based: lock and load the dossiers touched,
// keep each batch's new events (a sequence already stored, or earlier in the group, is a duplicate),
// fold every touched dossier again from all its events, write rows and events, and apply the
// difference of each dossier's rollup contribution as one aggregated upsert per key (performance.md).
import type { ApplicantType, Channel } from '@tthc/db';
import type pg from 'pg';
import type { WorkingCalendar } from '../domain/calendar.ts';
import { type DossierEventFact, type DossierState, foldDossierEvents } from '../domain/dossier-state.ts';
import { type DossierFacts, RollupDelta } from '../domain/rollup-contribution.ts';
import type { Services } from '../server/context.ts';
import type { IngestOptions, InputError, ResolvedEvent, StatsChange } from './ingest.ts';
import { type EventRow, loadDossiers, type StoredDossier, writeBatch } from './ingest-store.ts';
import { PhaseTimer } from './phase-timer.ts';

/** One batch as submitted, and what became of it (filled in by applyGroup). */
export interface IngestJob {
  resolved: ResolvedEvent[];
  errors: InputError[];
  /** Errors found before the transaction (validation); a retry starts again from these. */
  validationErrors: number;
  options: IngestOptions;
  accepted: number;
  duplicates: number;
}

export async function applyGroup(
  services: Pick<Services, 'db' | 'calendars' | 'pubsub' | 'logger'>,
  jobs: IngestJob[],
): Promise<void> {
  const timer = new PhaseTimer();
  const calendar = await services.calendars.get();
  const client = await services.db.pool.connect();
  timer.mark('connect');
  let change: StatsChange;
  try {
    await client.query('BEGIN');
    change = await ingestInTransaction(client, jobs, calendar, timer);
    await client.query('COMMIT');
    timer.mark('commit');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
  const events = jobs.reduce((n, j) => n + j.resolved.length, 0);
  const accepted = jobs.reduce((n, j) => n + j.accepted, 0);
  services.logger.debug({ batches: jobs.length, events, accepted, ms: timer.phases }, 'ingest group');
  if (accepted > 0) services.pubsub.publish('stats:changed', change);
}

interface Tagged extends ResolvedEvent {
  job: IngestJob;
}

async function ingestInTransaction(
  client: pg.PoolClient,
  jobs: IngestJob[],
  calendar: WorkingCalendar,
  timer: PhaseTimer,
): Promise<StatsChange> {
  const byCode = new Map<string, Tagged[]>();
  const tagged = jobs.flatMap((job) => job.resolved.map((e): Tagged => ({ ...e, job })));
  for (const e of tagged) {
    const list = byCode.get(e.input.dossierCode);
    if (list) list.push(e);
    else byCode.set(e.input.dossierCode, [e]);
  }
  const codes = [...byCode.keys()].sort();
  const existing = await loadDossiers(client, codes);
  timer.mark('load');

  const newEvents: EventRow[] = [];
  const touched: {
    code: string;
    stored: StoredDossier | undefined;
    identity: Identity;
    fresh: Tagged[];
  }[] = [];
  for (const code of codes) {
    const stored = existing.get(code);
    const identity: Identity = stored?.identity ?? identityOf(byCode.get(code)![0]!);
    const seen = new Set(stored?.events.map((e) => e.sequence));
    const fresh: Tagged[] = [];
    for (const e of byCode.get(code)!) {
      if (!sameDossier(identity, e)) {
        e.job.errors.push({
          index: e.index,
          code: 'INCONSISTENT_DOSSIER',
          message: `Hồ sơ ${code} đã được ghi nhận với thủ tục, cơ quan hoặc kênh khác.`,
        });
        continue;
      }
      if (seen.has(e.input.sequence)) {
        e.job.duplicates += 1;
        continue;
      }
      seen.add(e.input.sequence);
      e.job.accepted += 1;
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
    // The procedure is in the catalogue data of the batch that named it (every batch of the group
    // that touches this dossier names the same procedure, or its event was rejected above).
    const procedure = t.fresh[0]!.reference.procedureById.get(t.identity.procedureId)!;
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
        source: e.job.options.source,
      });
    }
  }
  timer.mark('fold');
  if (states.length > 0) await writeBatch(client, states, newEvents, delta, timer);
  return {
    agencyIds: [...new Set(states.map((s) => s.identity.agencyId))],
    procedureIds: [...new Set(states.map((s) => s.identity.procedureId))],
  };
}

/** What identifies a dossier beyond its code; fixed by its first recorded event. */
export interface Identity {
  procedureId: number;
  agencyId: number;
  agencyCode: string;
  channel: Channel;
  applicantType: ApplicantType | null;
}

export function identityOf(e: ResolvedEvent): Identity {
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
export function sameDossier(identity: Identity, e: ResolvedEvent): boolean {
  return (
    identity.procedureId === e.procedureId &&
    identity.channel === e.input.channel &&
    (identity.agencyId === e.agencyId || e.reference.agencyCode(identity.agencyId) === e.input.agencyCode)
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
