// Procedures as records (domain/procedure-record.ts): read from the database in the canonical form a
// save, an import row and an export compare, with the catalogue lookups the checks need. The record
// of a procedure is its latest version (Procedure.currentVersionId: the version a new save copies;
// it may still wait for its effective date, docs/domain.md §2.4) and its units valid today.
import type {
  Channel,
  Prisma,
  PrismaClient,
  Procedure,
  ProcedureFee,
  ProcedureTimeLimit,
  ProcedureVersion,
} from '@tthc/db';
import type { StoredProcedure } from '../domain/procedure-plan.ts';
import {
  type CatalogueLookups,
  CHANNELS,
  cutoffOfMinute,
  type DossierComponent,
  IMPLEMENTING_LEVELS,
  type LegalBasisItem,
  type ProcedureForm,
  type ProcedureRecord,
  type StepGroup,
} from '../domain/procedure-record.ts';
import { toSearchText } from '../domain/search-text.ts';
import { dayOf } from '../domain/time.ts';
import { validOn } from './agencies.ts';
import { dayOfDateColumn } from './date-columns.ts';

type Db = PrismaClient | Prisma.TransactionClient;

/** A stored procedure with what writing a new version needs besides its record. */
export interface StoredRow extends StoredProcedure {
  id: number;
  active: boolean;
  /** Channels whose limit no source confirmed (seed-data convention), kept while the limit is unchanged. */
  unverifiedChannels: ReadonlySet<Channel>;
}

const text = (value: string | null | undefined): string | null => {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
};

const texts = (values: readonly string[] | null | undefined): string[] =>
  (values ?? []).map((v) => v.trim()).filter((v) => v !== '');

const list = (json: Prisma.JsonValue | null | undefined): Record<string, unknown>[] =>
  Array.isArray(json)
    ? (json.filter((x) => x && typeof x === 'object' && !Array.isArray(x)) as Record<string, unknown>[])
    : [];

const str = (v: unknown): string | null => (typeof v === 'string' ? text(v) : null);
const int = (v: unknown): number | null => (typeof v === 'number' && Number.isInteger(v) ? v : null);

/** The JSON columns of a version, read leniently: a malformed item is skipped, not a failure. */
export const stepsOf = (json: Prisma.JsonValue | null | undefined): StepGroup[] =>
  list(json).map((g) => ({
    case: str(g.case),
    steps: Array.isArray(g.steps) ? texts(g.steps.filter((s): s is string => typeof s === 'string')) : [],
  }));

export const componentsOf = (json: Prisma.JsonValue | null | undefined): DossierComponent[] =>
  list(json)
    .filter((c) => str(c.name))
    .map((c) => ({
      name: str(c.name)!,
      originals: int(c.originals),
      copies: int(c.copies),
      form: str(c.form),
    }));

export const formsOf = (json: Prisma.JsonValue | null | undefined): ProcedureForm[] =>
  list(json)
    .filter((f) => str(f.name))
    .map((f) => ({ name: str(f.name)!, url: str(f.url) }));

export const legalBasisOf = (json: Prisma.JsonValue | null | undefined): LegalBasisItem[] =>
  list(json)
    .filter((l) => str(l.title))
    .map((l) => ({ number: str(l.number), title: str(l.title)! }));

const day = (value: Date | null | undefined): string | null => (value ? dayOfDateColumn(value) : null);

/**
 * A procedure as stored: its row, its sector's code, its latest version with limits and fees, and the
 * codes of its units valid today.
 */
export interface StoredProcedureRow {
  procedure: Procedure;
  sectorCode: string;
  version: (ProcedureVersion & { timeLimits: ProcedureTimeLimit[]; fees: ProcedureFee[] }) | null;
  agencyCodes: string[];
}

/**
 * The stored procedures matching `where`, in code order. One query per table, one after the other:
 * inside a transaction Prisma would load nested relations concurrently on its one connection.
 */
export async function loadStoredRows(
  db: Db,
  where: Prisma.ProcedureWhereInput,
  now: Date,
  take?: number,
): Promise<StoredProcedureRow[]> {
  const procedures = await db.procedure.findMany({
    where,
    orderBy: { code: 'asc' },
    ...(take ? { take } : {}),
  });
  if (procedures.length === 0) return [];
  const ids = procedures.map((p) => p.id);
  const versionIds = procedures.flatMap((p) => (p.currentVersionId === null ? [] : [p.currentVersionId]));
  const sectors = await db.sector.findMany({
    where: { id: { in: [...new Set(procedures.map((p) => p.sectorId))] } },
  });
  const versions = await db.procedureVersion.findMany({ where: { id: { in: versionIds } } });
  const limits = await db.procedureTimeLimit.findMany({
    where: { versionId: { in: versionIds } },
    orderBy: { id: 'asc' },
  });
  const fees = await db.procedureFee.findMany({
    where: { versionId: { in: versionIds } },
    orderBy: { id: 'asc' },
  });
  const links = await db.procedureAgency.findMany({
    where: { procedureId: { in: ids }, agency: validOn(dayOf(now)) },
    select: { procedureId: true, agencyId: true },
  });
  const agencies = await db.agency.findMany({
    where: { id: { in: [...new Set(links.map((l) => l.agencyId))] } },
    select: { id: true, code: true },
  });
  const sectorCode = new Map(sectors.map((x) => [x.id, x.code]));
  const agencyCode = new Map(agencies.map((a) => [a.id, a.code]));
  const byVersion = <T extends { versionId: number | null }>(rows: T[]) => {
    const map = new Map<number, T[]>();
    for (const row of rows) {
      const list = map.get(row.versionId!);
      if (list) list.push(row);
      else map.set(row.versionId!, [row]);
    }
    return map;
  };
  const limitsOf = byVersion(limits);
  const feesOf = byVersion(fees);
  const versionById = new Map(versions.map((v) => [v.id, v]));
  return procedures.map((procedure) => {
    const version =
      procedure.currentVersionId === null ? undefined : versionById.get(procedure.currentVersionId);
    return {
      procedure,
      sectorCode: sectorCode.get(procedure.sectorId)!,
      version: version
        ? { ...version, timeLimits: limitsOf.get(version.id) ?? [], fees: feesOf.get(version.id) ?? [] }
        : null,
      agencyCodes: links
        .filter((l) => l.procedureId === procedure.id)
        .map((l) => agencyCode.get(l.agencyId)!),
    };
  });
}

export function recordOf({
  procedure: p,
  sectorCode,
  version: v,
  agencyCodes,
}: StoredProcedureRow): ProcedureRecord {
  return {
    code: p.code,
    variantCode: text(p.variantCode),
    name: p.name.trim(),
    sectorCode,
    levels: IMPLEMENTING_LEVELS.filter((l) => p.levels.includes(l)),
    onlineLevel: p.onlineLevel,
    eligibleForFullOnline: p.eligibleForFullOnline,
    sameDayCutoff: cutoffOfMinute(v?.sameDayCutoffMinute ?? null),
    timeLimits: [...(v?.timeLimits ?? [])]
      .sort((a, b) => CHANNELS.indexOf(a.channel) - CHANNELS.indexOf(b.channel))
      .map((l) => ({ channel: l.channel, value: Number(l.value), unit: l.unit, note: text(l.note) })),
    fees: (v?.fees ?? []).map((f) => ({
      channel: f.channel,
      name: f.name.trim(),
      amountVnd: f.amountVnd,
      note: text(f.note),
    })),
    steps: stepsOf(v?.steps),
    channelsText: text(v?.channelsText),
    dossierComponents: componentsOf(v?.dossierComponents),
    applicants: texts(v?.applicants),
    implementingText: text(v?.implementingText),
    agencyCodes: [...new Set(agencyCodes)].sort(),
    results: texts(v?.results),
    forms: formsOf(v?.forms),
    conditions: text(v?.conditions),
    legalBasis: legalBasisOf(v?.legalBasis),
    decisionNumber: text(v?.decisionNumber),
    decisionDate: day(v?.decisionDate),
    effectiveFrom: day(v?.effectiveFrom),
    effectiveTo: day(v?.effectiveTo),
    source: text(v?.source),
  };
}

export function storedRowOf(row: StoredProcedureRow): StoredRow {
  const v = row.version;
  return {
    id: row.procedure.id,
    active: row.procedure.active,
    record: recordOf(row),
    latest: { version: v?.version ?? 0, appliesFrom: v?.appliesFrom ?? null },
    unverifiedChannels: new Set((v?.timeLimits ?? []).filter((l) => l.unverified).map((l) => l.channel)),
  };
}

/** The stored procedures with these codes, by code. */
export async function loadStoredProcedures(
  db: Db,
  codes: readonly string[],
  now: Date,
): Promise<Map<string, StoredRow>> {
  if (codes.length === 0) return new Map();
  const rows = await loadStoredRows(db, { code: { in: [...codes] } }, now);
  return new Map(rows.map((row) => [row.procedure.code, storedRowOf(row)]));
}

/** Sectors by code and by name, and the units valid today by code. */
export interface Catalogue extends CatalogueLookups {
  sectorId(code: string): number;
  /** The code of the sector a spreadsheet cell names by code or by name (accents and case ignored). */
  sectorCodeOf(codeOrName: string): string | null;
  sectorName(code: string): string;
  agencyId(code: string): number;
  /** Ids of units valid today: links to other units are history and never touched. */
  currentAgencyIds: ReadonlySet<number>;
}

export async function loadCatalogue(db: Db, now: Date): Promise<Catalogue> {
  const sectors = await db.sector.findMany({ select: { id: true, code: true, name: true } });
  const agencies = await db.agency.findMany({ where: validOn(dayOf(now)), select: { id: true, code: true } });
  const sectorByCode = new Map(sectors.map((s) => [s.code, s]));
  const sectorByKey = new Map<string, string>();
  for (const s of sectors) {
    const key = toSearchText(s.name);
    if (!sectorByKey.has(key)) sectorByKey.set(key, s.code);
  }
  const agencyByCode = new Map(agencies.map((a) => [a.code, a.id]));
  return {
    hasSector: (code) => sectorByCode.has(code),
    hasAgency: (code) => agencyByCode.has(code),
    sectorId: (code) => sectorByCode.get(code)!.id,
    sectorName: (code) => sectorByCode.get(code)?.name ?? code,
    sectorCodeOf: (value) => {
      const trimmed = value.trim();
      if (sectorByCode.has(trimmed)) return trimmed;
      return sectorByKey.get(toSearchText(trimmed)) ?? null;
    },
    agencyId: (code) => agencyByCode.get(code)!,
    currentAgencyIds: new Set(agencies.map((a) => a.id)),
  };
}
