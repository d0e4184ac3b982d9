// The catalogue an event batch refers to: its procedures (with every version's time limit per
// channel and same-day cut-off, so that each dossier gets the rules of the version in force at its
// reception, docs/domain.md §2.3–§2.4) and its agencies (codes resolved on a day, as codes are reused across mergers).
import type { Channel } from '@tthc/db';
import type pg from 'pg';
import type { WorkingCalendar } from '../../domain/calendar.ts';
import type { TimeLimit } from '../../domain/due-date.ts';
import {
  calendarWithPractice,
  type DatedPracticeSettings,
  practiceInForce,
} from '../../domain/practice-settings.ts';
import { type Day, dayOf } from '../../domain/time.ts';
import type { ComparisonGranularity } from '../../domain/timeliness.ts';
import { versionInForce } from '../../domain/version-in-force.ts';
import { practiceByAgency } from '../practice-settings.ts';

export interface ProcedureRef {
  id: number;
  code: string;
  /** Every version with its limits and cut-off; a procedure saved before versioning has one, since always. */
  versions: {
    version: number;
    appliesFrom: Date | null;
    sameDayCutoffMinute: number | null;
    limits: Map<Channel, TimeLimit>;
  }[];
}

/**
 * The time limit for `channel` (null: none) and the same-day cut-off of the version in force at
 * `receivedAt` (docs/domain.md §2.4): what the fold of a dossier received then computes its due date with.
 */
export function rulesAt(
  procedure: ProcedureRef,
  channel: Channel,
  receivedAt: Date,
  practice: readonly DatedPracticeSettings[] = [],
  calendar?: WorkingCalendar,
): {
  limit: TimeLimit | null;
  sameDayCutoffMinute: number | null;
  granularity: ComparisonGranularity;
  calendar?: WorkingCalendar;
} {
  const version = versionInForce(procedure.versions, receivedAt);
  // The province's practice in force on the reception day (docs/domain.md, top): a dossier keeps it,
  // as it keeps the procedure version of its reception (§2.4) — its comparison by day or instant
  // (§3.8) and, given the calendar, its working hours (§3.2).
  const practiceThen = practiceInForce(practice, dayOf(receivedAt));
  return {
    limit: version?.limits.get(channel) ?? null,
    sameDayCutoffMinute: version?.sameDayCutoffMinute ?? null,
    granularity: practiceThen.granularity,
    ...(calendar ? { calendar: calendarWithPractice(calendar, practiceThen) } : {}),
  };
}

export interface ReferenceData {
  procedures: Map<string, ProcedureRef>;
  procedureById: Map<number, ProcedureRef>;
  /** The id of the unit holding `code` on `day`, or null. */
  agencyOn(code: string, day: Day): number | null;
  agencyCode(id: number): string | undefined;
  /** The local practice rows governing the unit (its province's; none: the defaults). */
  practiceOf(agencyId: number): readonly DatedPracticeSettings[];
}

interface AgencyRow {
  id: number;
  code: string;
  valid_from: string | null;
  valid_to: string | null;
}

export async function loadReferenceData(
  pool: pg.Pool | pg.PoolClient,
  events: readonly { procedureCode: string; agencyCode: string }[],
): Promise<ReferenceData> {
  const procedureCodes = [...new Set(events.map((e) => e.procedureCode))];
  const agencyCodes = [...new Set(events.map((e) => e.agencyCode))];
  // Three reads at once on a pool; one after the other on a client, which runs one query at a time
  // (the start-up refold passes its transaction's client).
  const reads = [
    () =>
      // One query for the batch: procedures × versions × limits, a few rows per procedure.
      pool.query<{
        id: number;
        code: string;
        cutoff: number | null;
        version: number | null;
        applies_from: Date | null;
        channel: Channel | null;
        value: string;
        unit: TimeLimit['unit'];
      }>(
        `SELECT p.id, p.code, v.version, v."appliesFrom" AS applies_from, v."sameDayCutoffMinute" AS cutoff,
                l.channel, l.value, l.unit
           FROM "Procedure" p
           LEFT JOIN "ProcedureVersion" v ON v."procedureId" = p.id
           LEFT JOIN "ProcedureTimeLimit" l ON l."procedureId" = p.id
                AND (l."versionId" = v.id OR (v.id IS NULL AND l."versionId" IS NULL))
          WHERE p.code = ANY($1::text[])`,
        [procedureCodes],
      ),
    () =>
      pool.query<AgencyRow>(
        `SELECT id, code, to_char("validFrom", 'YYYY-MM-DD') AS valid_from, to_char("validTo", 'YYYY-MM-DD') AS valid_to
           FROM "Agency" WHERE code = ANY($1::text[])`,
        [agencyCodes],
      ),
    () => practiceByAgency(pool, agencyCodes),
  ] as const;
  const [procedureRows, agencyRows, practice] =
    'release' in pool
      ? [await reads[0](), await reads[1](), await reads[2]()]
      : await Promise.all([reads[0](), reads[1](), reads[2]()]);
  const procedures = new Map<string, ProcedureRef>();
  for (const row of procedureRows.rows) {
    let ref = procedures.get(row.code);
    if (!ref) {
      ref = { id: row.id, code: row.code, versions: [] };
      procedures.set(row.code, ref);
    }
    const number = row.version ?? 0;
    let version = ref.versions.find((v) => v.version === number);
    if (!version) {
      version = {
        version: number,
        appliesFrom: row.applies_from,
        sameDayCutoffMinute: row.cutoff,
        limits: new Map(),
      };
      ref.versions.push(version);
    }
    if (row.channel) version.limits.set(row.channel, { value: Number(row.value), unit: row.unit });
  }
  const agenciesByCode = new Map<string, AgencyRow[]>();
  for (const row of agencyRows.rows) {
    const list = agenciesByCode.get(row.code);
    if (list) list.push(row);
    else agenciesByCode.set(row.code, [row]);
  }
  const codeById = new Map(agencyRows.rows.map((r) => [r.id, r.code]));
  return {
    procedures,
    procedureById: new Map([...procedures.values()].map((p) => [p.id, p])),
    agencyOn: (code, day) => {
      const match = agenciesByCode
        .get(code)
        ?.find(
          (a) => (a.valid_from === null || a.valid_from <= day) && (a.valid_to === null || a.valid_to >= day),
        );
      return match?.id ?? null;
    },
    agencyCode: (id) => codeById.get(id),
    practiceOf: (agencyId) => practice.get(agencyId) ?? [],
  };
}
