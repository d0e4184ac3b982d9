// The catalogue an event batch refers to: its procedures (with every version's time limit per
// channel and same-day cut-off, so that each dossier gets the rules of the version in force at its
// reception, docs/domain.md §2.3–§2.4) and its agencies (codes resolved on a day, as codes are reused across mergers).
import type { Channel } from '@tthc/db';
import type pg from 'pg';
import type { TimeLimit } from '../../domain/due-date.ts';
import type { Day } from '../../domain/time.ts';
import { versionInForce } from '../../domain/version-in-force.ts';

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
): { limit: TimeLimit | null; sameDayCutoffMinute: number | null } {
  const version = versionInForce(procedure.versions, receivedAt);
  return {
    limit: version?.limits.get(channel) ?? null,
    sameDayCutoffMinute: version?.sameDayCutoffMinute ?? null,
  };
}

export interface ReferenceData {
  procedures: Map<string, ProcedureRef>;
  procedureById: Map<number, ProcedureRef>;
  /** The id of the unit holding `code` on `day`, or null. */
  agencyOn(code: string, day: Day): number | null;
  agencyCode(id: number): string | undefined;
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
  const [procedureRows, agencyRows] = await Promise.all([
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
    pool.query<AgencyRow>(
      `SELECT id, code, to_char("validFrom", 'YYYY-MM-DD') AS valid_from, to_char("validTo", 'YYYY-MM-DD') AS valid_to
         FROM "Agency" WHERE code = ANY($1::text[])`,
      [agencyCodes],
    ),
  ]);
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
  };
}
