// Writes saved procedure records (domain/procedure-plan.ts) in the caller's transaction, set-based so
// that an import of the whole catalogue (1,119 procedures) takes a few statements per kind of row,
// not a few per procedure; and one audit entry per procedure, with what changed before and after.
import { type Channel, Prisma } from '@tthc/db';
import type { FieldChange, ProcedurePlan } from '../domain/procedure-plan.ts';
import { minuteOfCutoff, type ProcedureRecord, type RecordField } from '../domain/procedure-record.ts';
import { toSearchText } from '../domain/search-text.ts';
import { audit } from './audit.ts';
import { dateColumn } from './date-columns.ts';
import type { Catalogue, StoredRow } from './procedure-records.ts';

type Tx = Prisma.TransactionClient;

/** A plan to write, with the stored procedure it starts from (none for a creation). */
export type WritablePlan =
  | {
      plan: Extract<ProcedurePlan, { action: 'CREATE' }>;
      stored: null;
      unverifiedChannels?: ReadonlySet<Channel>;
    }
  | {
      plan: Extract<ProcedurePlan, { action: 'UPDATE' }>;
      stored: StoredRow;
      unverifiedChannels?: ReadonlySet<Channel>;
    };

export interface Written {
  code: string;
  procedureId: number;
  /** The version written (1 for a creation), or null when only the units changed. */
  version: { id: number; number: number } | null;
}

/**
 * Fields held on the Procedure row itself (they apply at once, docs/domain.md §2.4). The same-day
 * cut-off is not one of them: it is versioned with the time limits it qualifies (§2.3).
 */
const PROCEDURE_FIELDS: readonly RecordField[] = [
  'variantCode',
  'name',
  'sectorCode',
  'levels',
  'onlineLevel',
  'eligibleForFullOnline',
];

function procedureColumns(record: ProcedureRecord, catalogue: Catalogue) {
  return {
    variantCode: record.variantCode,
    name: record.name,
    searchText: toSearchText(record.name),
    sectorId: catalogue.sectorId(record.sectorCode),
    levels: record.levels,
    onlineLevel: record.onlineLevel,
    eligibleForFullOnline: record.eligibleForFullOnline,
  };
}

/** An empty list is stored as NULL: Decision 766 indicator 1.3 counts a component only when present. */
const json = (items: readonly unknown[]): Prisma.InputJsonValue | typeof Prisma.DbNull =>
  items.length === 0 ? Prisma.DbNull : (items as Prisma.InputJsonValue);

const dateOrNull = (day: string | null) => (day === null ? null : dateColumn(day));

/** JSON of a change list for the version row and the audit log (values are plain JSON already). */
const changesJson = (changes: readonly FieldChange[]) => changes as unknown as Prisma.InputJsonValue;

export async function writePlans(
  tx: Tx,
  items: readonly WritablePlan[],
  context: { actor: string; catalogue: Catalogue },
): Promise<Written[]> {
  const { actor, catalogue } = context;
  const creations = items.filter((i) => i.plan.action === 'CREATE');
  const created = creations.length
    ? await tx.procedure.createManyAndReturn({
        data: creations.map(({ plan }) => ({
          code: plan.record.code,
          ...procedureColumns(plan.record, catalogue),
        })),
        select: { id: true, code: true },
      })
    : [];
  const idOf = new Map<string, number>(created.map((p) => [p.code, p.id]));
  for (const item of items) if (item.stored) idOf.set(item.stored.record.code, item.stored.id);

  await updateProcedureRows(
    tx,
    items.flatMap(({ plan, stored }) =>
      plan.action === 'UPDATE' && stored && plan.changes.some((c) => PROCEDURE_FIELDS.includes(c.field))
        ? [{ id: stored.id, ...procedureColumns(plan.record, catalogue) }]
        : [],
    ),
  );

  const versioned = items.flatMap((item) => {
    const { plan } = item;
    if (plan.action === 'CREATE') {
      return [{ item, number: 1, appliesFrom: null as Date | null, changes: null as FieldChange[] | null }];
    }
    return plan.version
      ? [
          {
            item,
            number: plan.version.number,
            appliesFrom: plan.version.appliesFrom as Date | null,
            changes: plan.version.changes,
          },
        ]
      : [];
  });
  const versions = versioned.length
    ? await tx.procedureVersion.createManyAndReturn({
        data: versioned.map(({ item, number, appliesFrom, changes }) => {
          const r = item.plan.record;
          return {
            procedureId: idOf.get(r.code)!,
            version: number,
            name: r.name,
            decisionNumber: r.decisionNumber,
            decisionDate: dateOrNull(r.decisionDate),
            effectiveFrom: dateOrNull(r.effectiveFrom),
            effectiveTo: dateOrNull(r.effectiveTo),
            steps: json(r.steps),
            channelsText: r.channelsText,
            dossierComponents: json(r.dossierComponents),
            applicants: r.applicants,
            implementingText: r.implementingText,
            results: r.results,
            forms: json(r.forms),
            conditions: r.conditions,
            legalBasis: json(r.legalBasis),
            source: r.source,
            sameDayCutoffMinute: r.sameDayCutoff === null ? null : minuteOfCutoff(r.sameDayCutoff),
            appliesFrom,
            createdBy: actor,
            changes: changes === null ? Prisma.DbNull : changesJson(changes),
          };
        }),
        select: { id: true, procedureId: true },
      })
    : [];
  const versionOf = new Map(versions.map((v) => [v.procedureId, v.id]));

  const limits = versioned.flatMap(({ item }) => {
    const procedureId = idOf.get(item.plan.record.code)!;
    const before = item.stored?.record.timeLimits ?? [];
    return item.plan.record.timeLimits.map((l) => {
      const unchanged = before.some(
        (b) => b.channel === l.channel && b.value === l.value && b.unit === l.unit && b.note === l.note,
      );
      const unverified = item.unverifiedChannels
        ? item.unverifiedChannels.has(l.channel)
        : unchanged && (item.stored?.unverifiedChannels.has(l.channel) ?? false);
      return { procedureId, versionId: versionOf.get(procedureId)!, ...l, unverified };
    });
  });
  if (limits.length) await tx.procedureTimeLimit.createMany({ data: limits });
  const fees = versioned.flatMap(({ item }) => {
    const procedureId = idOf.get(item.plan.record.code)!;
    return item.plan.record.fees.map((f) => ({ procedureId, versionId: versionOf.get(procedureId)!, ...f }));
  });
  if (fees.length) await tx.procedureFee.createMany({ data: fees });
  if (versions.length) {
    // The latest version is the one the next save copies (procedure-records.ts).
    await tx.$executeRaw`UPDATE "Procedure" p SET "currentVersionId" = x.v, "updatedAt" = now()
      FROM unnest(${versions.map((v) => v.procedureId)}::int[], ${versions.map((v) => v.id)}::int[]) AS x(p, v)
      WHERE p.id = x.p`;
  }

  await writeAgencies(tx, items, idOf, catalogue);

  for (const { plan, stored } of items) {
    const version = plan.action === 'CREATE' ? 1 : (plan.version?.number ?? null);
    const data =
      plan.action === 'CREATE'
        ? { after: plan.record as unknown as Prisma.InputJsonValue }
        : {
            changes: changesJson(plan.changes),
            version,
            appliesFrom: plan.version?.appliesFrom.toISOString() ?? null,
          };
    await audit(
      tx,
      actor,
      stored ? 'procedure.update' : 'procedure.create',
      'Procedure',
      plan.record.code,
      data,
    );
  }
  return items.map(({ plan }) => {
    const procedureId = idOf.get(plan.record.code)!;
    const versionId = versionOf.get(procedureId);
    const number = plan.action === 'CREATE' ? 1 : plan.version?.number;
    return {
      code: plan.record.code,
      procedureId,
      version: versionId !== undefined && number !== undefined ? { id: versionId, number } : null,
    };
  });
}

/** The procedure-level fields of updated procedures, in one statement however many they are. */
async function updateProcedureRows(
  tx: Tx,
  rows: readonly ({ id: number } & ReturnType<typeof procedureColumns>)[],
): Promise<void> {
  if (rows.length === 0) return;
  const col = <K extends keyof (typeof rows)[number]>(key: K) => rows.map((r) => r[key]);
  // Levels travel as array literals ("{PROVINCE,COMMUNE}"): unnest() would flatten an array of arrays.
  const levels = rows.map((r) => `{${r.levels.join(',')}}`);
  await tx.$executeRaw`UPDATE "Procedure" p SET
      "variantCode" = x.variant, name = x.name, "searchText" = x.search, "sectorId" = x.sector,
      levels = x.levels::"ImplementingLevel"[], "onlineLevel" = x.online::"OnlineLevel",
      "eligibleForFullOnline" = x.eligible, "updatedAt" = now()
    FROM unnest(${col('id')}::int[], ${col('variantCode')}::text[], ${col('name')}::text[],
                ${col('searchText')}::text[], ${col('sectorId')}::int[], ${levels}::text[],
                ${col('onlineLevel')}::text[], ${col('eligibleForFullOnline')}::boolean[])
      AS x(id, variant, name, search, sector, levels, online, eligible)
    WHERE p.id = x.id`;
}

/**
 * The units valid today are set to the record's; links to units that have ended stay, as history
 * (their dossiers keep pointing at them, docs/domain.md §0).
 */
async function writeAgencies(
  tx: Tx,
  items: readonly WritablePlan[],
  idOf: ReadonlyMap<string, number>,
  catalogue: Catalogue,
): Promise<void> {
  const removed: { procedureId: number; agencyId: number }[] = [];
  const added: { procedureId: number; agencyId: number }[] = [];
  for (const { plan, stored } of items) {
    const before = new Set(stored?.record.agencyCodes ?? []);
    const after = new Set(plan.record.agencyCodes);
    const procedureId = idOf.get(plan.record.code)!;
    for (const code of before)
      if (!after.has(code)) removed.push({ procedureId, agencyId: catalogue.agencyId(code) });
    for (const code of after)
      if (!before.has(code)) added.push({ procedureId, agencyId: catalogue.agencyId(code) });
  }
  if (removed.length) {
    await tx.$executeRaw`DELETE FROM "ProcedureAgency" pa
      USING unnest(${removed.map((r) => r.procedureId)}::int[], ${removed.map((r) => r.agencyId)}::int[]) AS x(p, a)
      WHERE pa."procedureId" = x.p AND pa."agencyId" = x.a`;
  }
  if (added.length) await tx.procedureAgency.createMany({ data: added, skipDuplicates: true });
}
