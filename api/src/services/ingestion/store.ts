// Set-based reads and writes of an ingestion batch: a handful of statements per batch whatever its
// size, arrays sent through unnest() (docs/benchmarks.md "Machine baselines": ~30× faster than row-at-a-time).
import type pg from 'pg';
import { withApologyTiming } from '../../domain/apology-timing.ts';
import type { WorkingCalendar } from '../../domain/calendar.ts';
import {
  type DossierEventFact,
  type DossierState,
  recordedDueDateChanges,
} from '../../domain/dossier-state.ts';
import type { DossierFacts, RollupDelta } from '../../domain/rollup-contribution.ts';
import { DOSSIER_FACTS_COLUMNS, LOCK_DOSSIER_CODES_SQL } from '../dossier-lock.ts';
import type { PhaseTimer } from '../phase-timer.ts';
import { applyRollupDelta } from '../rollup-writes.ts';
import type { Identity } from './types.ts';

export interface StoredDossier {
  id: string;
  code: string;
  identity: Identity;
  events: DossierEventFact[];
  facts: DossierFacts;
}

export interface EventRow {
  code: string;
  sequence: number;
  status: string;
  occurredAt: Date;
  dueAt: Date | null;
  apologyRef: string | null;
  source: string;
}

interface DossierRow {
  id: string;
  code: string;
  procedureId: number;
  agencyId: number;
  agencyCode: string;
  channel: Identity['channel'];
  applicantType: Identity['applicantType'];
  status: string;
  receivedAt: Date | null;
  resolvedAt: Date | null;
  returnedAt: Date | null;
  endedAt: Date | null;
  timeliness: DossierFacts['timeliness'];
  timelinessDueAt: Date | null;
  supplementPendingSince: Date | null;
  supplementRequests: number;
  apologies: number;
  processingMinutes: number | null;
  rating: DossierFacts['rating'];
  ratingLinkIssued: boolean;
  hasPetition: boolean;
  openJudgements: DossierFacts['openJudgements'];
  counterDays: DossierFacts['counterDays'];
}

/**
 * Locks the dossiers of a batch (creating none yet) and loads those that exist with all their
 * events. Locks are transaction-scoped advisory locks on the codes, taken in code order so that two
 * batches touching the same dossiers never deadlock, and held until commit so concurrent batches
 * for one dossier apply one after the other.
 */
export async function loadDossiers(
  client: pg.PoolClient,
  codes: string[],
): Promise<Map<string, StoredDossier>> {
  await client.query(LOCK_DOSSIER_CODES_SQL, [codes]);
  const dossiers = await client.query<DossierRow>(
    `SELECT d.id::text AS id, d.code, a.code AS "agencyCode", d."applicantType", ${DOSSIER_FACTS_COLUMNS}
       FROM "Dossier" d JOIN "Agency" a ON a.id = d."agencyId"
      WHERE d.code = ANY($1::text[])`,
    [codes],
  );
  const result = new Map<string, StoredDossier>();
  if (dossiers.rows.length === 0) return result;
  const events = await client.query<{ dossierId: string } & DossierEventFact>(
    `SELECT "dossierId"::text AS "dossierId", sequence, status, "occurredAt", "dueAt", "apologyRef"
       FROM "DossierEvent" WHERE "dossierId" = ANY($1::bigint[])`,
    [dossiers.rows.map((d) => d.id)],
  );
  const eventsById = new Map<string, DossierEventFact[]>();
  for (const { dossierId, ...event } of events.rows) {
    const list = eventsById.get(dossierId);
    if (list) list.push(event);
    else eventsById.set(dossierId, [event]);
  }
  for (const row of dossiers.rows) {
    result.set(row.code, {
      id: row.id,
      code: row.code,
      identity: {
        procedureId: row.procedureId,
        agencyId: row.agencyId,
        agencyCode: row.agencyCode,
        channel: row.channel,
        applicantType: row.applicantType,
      },
      events: eventsById.get(row.id) ?? [],
      facts: {
        agencyId: row.agencyId,
        procedureId: row.procedureId,
        channel: row.channel,
        status: row.status,
        receivedAt: row.receivedAt,
        resolvedAt: row.resolvedAt,
        returnedAt: row.returnedAt,
        endedAt: row.endedAt,
        timeliness: row.timeliness,
        timelinessDueAt: row.timelinessDueAt,
        supplementPendingSince: row.supplementPendingSince,
        supplementRequests: row.supplementRequests,
        apologies: row.apologies,
        processingMinutes: row.processingMinutes,
        rating: row.rating,
        ratingLinkIssued: row.ratingLinkIssued,
        hasPetition: row.hasPetition,
        openJudgements: row.openJudgements,
        counterDays: row.counterDays,
      },
    });
  }
  return result;
}

interface TouchedDossier {
  code: string;
  identity: Identity;
  stored: StoredDossier | undefined;
  state: DossierState;
}

const STATE_COLUMNS = `status, "submittedAt", "receivedAt", "dueAt", "initialDueAt", "timelinessDueAt", "resolvedAt",
  "returnedAt", "endedAt", "pausedMinutes", "supplementRequests", "supplementPendingSince", apologies,
  "processingMinutes", timeliness, "lastSequence", "openJudgements", "counterDays"`;

/** The state columns as parallel arrays, in STATE_COLUMNS order, with their SQL array types. */
function stateArrays(states: DossierState[]): { values: unknown[]; types: string[] } {
  const col = <T>(f: (s: DossierState) => T) => states.map(f);
  return {
    values: [
      col((s) => s.status),
      col((s) => s.submittedAt),
      col((s) => s.receivedAt),
      col((s) => s.dueAt),
      col((s) => s.initialDueAt),
      col((s) => s.timelinessDueAt),
      col((s) => s.resolvedAt),
      col((s) => s.returnedAt),
      col((s) => s.endedAt),
      col((s) => s.pausedMinutes),
      col((s) => s.supplementRequests),
      col((s) => s.supplementPendingSince),
      col((s) => s.apologies),
      col((s) => s.processingMinutes),
      col((s) => s.timeliness),
      col((s) => s.lastSequence),
      col((s) => JSON.stringify(s.openJudgements)),
      col((s) => JSON.stringify(s.counterDays)),
    ],
    types: [
      'text[]',
      'timestamptz[]',
      'timestamptz[]',
      'timestamptz[]',
      'timestamptz[]',
      'timestamptz[]',
      'timestamptz[]',
      'timestamptz[]',
      'timestamptz[]',
      'int[]',
      'int[]',
      'timestamptz[]',
      'int[]',
      'int[]',
      'text[]',
      'int[]',
      'text[]',
      'text[]',
    ],
  };
}

const STATE_CASTS = [
  'status::"DossierStatus"',
  '"submittedAt"',
  '"receivedAt"',
  '"dueAt"',
  '"initialDueAt"',
  '"timelinessDueAt"',
  '"resolvedAt"',
  '"returnedAt"',
  '"endedAt"',
  '"pausedMinutes"',
  '"supplementRequests"',
  '"supplementPendingSince"',
  'apologies',
  '"processingMinutes"',
  'timeliness::"Timeliness"',
  '"lastSequence"',
  '"openJudgements"::jsonb',
  '"counterDays"::jsonb',
];

/** Writes a folded batch: dossier rows, events, due-date history and the rollup differences. */
export async function writeBatch(
  client: pg.PoolClient,
  touched: TouchedDossier[],
  events: EventRow[],
  delta: RollupDelta,
  calendar: WorkingCalendar,
  timer?: PhaseTimer,
): Promise<void> {
  const ids = new Map<string, string>();
  const created = touched.filter((t) => !t.stored);
  const updated = touched.filter((t) => t.stored);
  for (const t of updated) ids.set(t.code, t.stored!.id);

  if (created.length > 0) {
    const { values, types } = stateArrays(created.map((t) => t.state));
    const offset = 5;
    const params = values.map((_, i) => `$${i + offset + 1}::${types[i]}`).join(', ');
    const rows = await client.query<{ id: string; code: string }>(
      `INSERT INTO "Dossier" (code, "procedureId", "agencyId", channel, "applicantType", ${STATE_COLUMNS}, "updatedAt")
       SELECT code, "procedureId", "agencyId", channel::"Channel", "applicantType"::"ApplicantType",
              ${STATE_CASTS.join(', ')}, now()
         FROM unnest($1::text[], $2::int[], $3::int[], $4::text[], $5::text[], ${params})
           AS u(code, "procedureId", "agencyId", channel, "applicantType", ${STATE_COLUMNS})
       RETURNING id::text AS id, code`,
      [
        created.map((t) => t.code),
        created.map((t) => t.identity.procedureId),
        created.map((t) => t.identity.agencyId),
        created.map((t) => t.identity.channel),
        created.map((t) => t.identity.applicantType),
        ...values,
      ],
    );
    for (const row of rows.rows) ids.set(row.code, row.id);
  }
  if (updated.length > 0) {
    const { values, types } = stateArrays(updated.map((t) => t.state));
    const params = values.map((_, i) => `$${i + 2}::${types[i]}`).join(', ');
    const assignments = STATE_COLUMNS.split(',')
      .map((c) => c.trim())
      .map((c, i) => `${c} = u.${STATE_CASTS[i]!.replace(/^"?(\w+)"?/, (_m, name) => `"${name}"`)}`)
      .join(', ');
    await client.query(
      `UPDATE "Dossier" d SET ${assignments}, "updatedAt" = now()
         FROM unnest($1::bigint[], ${params}) AS u(id, ${STATE_COLUMNS})
        WHERE d.id = u.id`,
      [updated.map((t) => t.stored!.id), ...values],
    );
  }

  timer?.mark('dossiers');
  await client.query(
    `INSERT INTO "DossierEvent" ("dossierId", sequence, status, "occurredAt", "dueAt", "apologyRef", source)
     SELECT "dossierId", sequence, status::"DossierStatus", "occurredAt", "dueAt", "apologyRef", source::"EventSource"
       FROM unnest($1::bigint[], $2::int[], $3::text[], $4::timestamptz[], $5::timestamptz[], $6::text[], $7::text[])
         AS u("dossierId", sequence, status, "occurredAt", "dueAt", "apologyRef", source)
     ON CONFLICT ("dossierId", sequence) DO NOTHING`,
    [
      events.map((e) => ids.get(e.code)),
      events.map((e) => e.sequence),
      events.map((e) => e.status),
      events.map((e) => e.occurredAt),
      events.map((e) => e.dueAt),
      events.map((e) => e.apologyRef),
      events.map((e) => e.source),
    ],
  );

  timer?.mark('events');
  await writeDueDateHistory(client, touched, ids, calendar);
  timer?.mark('dueDates');
  await applyRollupDelta(client, delta);
  timer?.mark('rollups');
}

/**
 * The due-date history is derived from the events: replace it for the dossiers of the batch (after
 * reception), each apology checked against the due date it moves (domain/apology-timing.ts).
 */
async function writeDueDateHistory(
  client: pg.PoolClient,
  touched: TouchedDossier[],
  ids: Map<string, string>,
  calendar: WorkingCalendar,
) {
  const existingIds = touched.filter((t) => t.stored).map((t) => t.stored!.id);
  if (existingIds.length > 0) {
    await client.query(`DELETE FROM "DueDateChange" WHERE "dossierId" = ANY($1::bigint[])`, [existingIds]);
  }
  const rows = touched.flatMap((t) =>
    withApologyTiming(calendar, recordedDueDateChanges(t.state)).map((c) => ({ id: ids.get(t.code)!, ...c })),
  );
  if (rows.length === 0) return;
  await client.query(
    `INSERT INTO "DueDateChange" ("dossierId", reason, "previousDueAt", "newDueAt", "apologyRef", "changedAt", "apologyTimely")
     SELECT "dossierId", reason::"DueDateChangeReason", "previousDueAt", "newDueAt", "apologyRef", "changedAt", "apologyTimely"
       FROM unnest($1::bigint[], $2::text[], $3::timestamptz[], $4::timestamptz[], $5::text[], $6::timestamptz[], $7::boolean[])
         AS u("dossierId", reason, "previousDueAt", "newDueAt", "apologyRef", "changedAt", "apologyTimely")`,
    [
      rows.map((r) => r.id),
      rows.map((r) => r.reason),
      rows.map((r) => r.previousDueAt),
      rows.map((r) => r.newDueAt),
      rows.map((r) => r.apologyRef),
      rows.map((r) => r.changedAt),
      rows.map((r) => r.apologyTimely),
    ],
  );
}
