// The Khánh Hòa / Ninh Phước unit tree of agencies.json: provinces, the former Ninh Phước district,
// communes before and after 1/7/2025, and provincial departments. A unit is keyed by (code, validFrom)
// because codes are reused across the merger (docs/domain.md §0: 22870 = TT Phước Dân, then xã Ninh Phước).
import { toSearchText } from '../domain/search-text.ts';
import { addDays, type Day } from '../domain/time.ts';
import { insertColumns, type Queryable } from './bulk-insert.ts';
import type { AgencyEntry, LevelName } from './reference-data.ts';

/**
 * Departments have no code in the data (their mã định danh "H56.xx" was not found), so the seed gives
 * them LOCAL codes "56.<acronym>". These are this project's own codes, NOT official mã định danh;
 * replace them when the province publishes its list.
 */
export const DEPARTMENT_CODES: ReadonlyArray<readonly [namePrefix: string, code: string]> = [
  ['Văn phòng Ủy ban nhân dân tỉnh', '56.VPUBND'],
  ['Sở Nội vụ', '56.SNV'],
  ['Sở Tư pháp', '56.STP'],
  ['Sở Tài chính', '56.STC'],
  ['Sở Công Thương', '56.SCT'],
  ['Sở Nông nghiệp và Môi trường', '56.SNNMT'],
  ['Sở Xây dựng', '56.SXD'],
  ['Sở Khoa học và Công nghệ', '56.SKHCN'],
  ['Sở Giáo dục và Đào tạo', '56.SGDDT'],
  ['Sở Y tế', '56.SYT'],
  ['Sở Văn hóa, Thể thao và Du lịch', '56.SVHTTDL'],
  ['Sở Dân tộc và Tôn giáo', '56.SDTTG'],
  ['Thanh tra tỉnh', '56.TTT'],
  ['Công an tỉnh', '56.CAT'],
];

/** Stands for "still valid" when resolving the parent of a unit without an end date. */
const OPEN_END: Day = '9999-12-31';

/** The day of the two-tier reform: districts end, merged communes start (docs/domain.md §0). */
export const REFORM_DAY: Day = '2025-07-01';

export interface SeededAgency {
  id: number;
  code: string;
  name: string;
  level: LevelName;
  validFrom: Day | null;
  validTo: Day | null;
  parentId: number | null;
  successorId: number | null;
  /** Number of former units merged into it (1 when not a merger): a proxy for its dossier volume. */
  mergedUnits: number;
}

function departmentCode(name: string): string {
  const match = DEPARTMENT_CODES.find(([prefix]) => name.startsWith(prefix));
  if (!match)
    throw new Error(`No local code for department ${JSON.stringify(name)}: add it to DEPARTMENT_CODES`);
  return match[1];
}

function validOn(entry: { validFrom: Day | null; validTo: Day | null }, day: Day): boolean {
  return (
    (entry.validFrom === null || entry.validFrom <= day) && (entry.validTo === null || entry.validTo >= day)
  );
}

function noteOf(entry: AgencyEntry): string | null {
  const parts = [
    entry.note,
    entry.validFromNote,
    entry.formedFrom?.length ? `Hình thành từ: ${entry.formedFrom.join('; ')}` : undefined,
    entry.unverified?.length ? `Chưa xác minh: ${entry.unverified.join('; ')}` : undefined,
  ].filter((p): p is string => Boolean(p));
  return parts.length > 0 ? parts.join('. ') : null;
}

/** Inserts the tree, then links parents (by code, valid on the child's last day) and successors
 * (by name, valid on the day after the unit's last day). */
export async function seedAgencies(db: Queryable, entries: readonly AgencyEntry[]): Promise<SeededAgency[]> {
  const units = entries.map((entry) => {
    const code = entry.code ?? departmentCode(entry.name);
    const isDepartment = entry.level === 'DEPARTMENT';
    return {
      entry,
      code,
      shortName: isDepartment ? entry.name.replace(/ tỉnh Khánh Hòa$/, '') : null,
      // The one-stop desk's prefix in dossier codes: the unit's code (a local choice, see DEPARTMENT_CODES).
      dossierPrefix: entry.level === 'PROVINCE' ? null : code,
    };
  });
  const keys = new Set<string>();
  for (const u of units) {
    const key = `${u.code}|${u.entry.validFrom ?? ''}`;
    if (keys.has(key)) throw new Error(`Duplicate agency key (code, validFrom): ${key}`);
    keys.add(key);
  }

  const now = new Date();
  const rows = await insertColumns<{ id: number; key: string }>(
    db,
    'Agency',
    [
      { name: 'code', type: 'text' },
      { name: 'name', type: 'text' },
      { name: 'searchText', type: 'text' },
      { name: 'shortName', type: 'text' },
      { name: 'level', type: '"AgencyLevel"' },
      { name: 'validFrom', type: 'date' },
      { name: 'validTo', type: 'date' },
      { name: 'dossierPrefix', type: 'text' },
      { name: 'note', type: 'text' },
      { name: 'source', type: 'text' },
      { name: 'updatedAt', type: 'timestamptz' },
    ],
    [
      units.map((u) => u.code),
      units.map((u) => u.entry.name),
      units.map((u) => toSearchText(u.entry.name)),
      units.map((u) => u.shortName),
      units.map((u) => u.entry.level),
      units.map((u) => u.entry.validFrom),
      units.map((u) => u.entry.validTo),
      units.map((u) => u.dossierPrefix),
      units.map((u) => noteOf(u.entry)),
      units.map((u) => u.entry.source ?? null),
      units.map(() => now),
    ],
    `id, code || '|' || coalesce("validFrom"::text, '') AS key`,
  );
  const idByKey = new Map(rows.map((r) => [r.key, r.id]));

  const seeded: SeededAgency[] = units.map((u) => ({
    id: idByKey.get(`${u.code}|${u.entry.validFrom ?? ''}`)!,
    code: u.code,
    name: u.entry.name,
    level: u.entry.level,
    validFrom: u.entry.validFrom,
    validTo: u.entry.validTo,
    parentId: null,
    successorId: null,
    mergedUnits: Math.max(1, u.entry.formedFrom?.length ?? 1),
  }));

  for (const [i, unit] of units.entries()) {
    const agency = seeded[i]!;
    const lastDay = agency.validTo ?? OPEN_END;
    if (unit.entry.parent) {
      const parent = seeded.find((a) => a.code === unit.entry.parent && validOn(a, lastDay));
      if (!parent) throw new Error(`Parent ${unit.entry.parent} of ${agency.name} not found on ${lastDay}`);
      agency.parentId = parent.id;
    }
    if (unit.entry.successor) {
      const firstDayAfter = addDays(lastDay, 1);
      const successor = seeded.find((a) => a.name === unit.entry.successor && validOn(a, firstDayAfter));
      if (!successor)
        throw new Error(`Successor ${unit.entry.successor} of ${agency.name} not found on ${firstDayAfter}`);
      agency.successorId = successor.id;
    }
  }

  await db.query(
    `UPDATE "Agency" a SET "parentId" = u.parent, "successorId" = u.successor
       FROM unnest($1::int[], $2::int[], $3::int[]) AS u(id, parent, successor) WHERE a.id = u.id`,
    [seeded.map((a) => a.id), seeded.map((a) => a.parentId), seeded.map((a) => a.successorId)],
  );
  return seeded;
}
