// Sectors and procedures: the 56 procedures of procedures.json with time limits, fees and their
// publication decision, plus names and codes from the national index (procedure-index.tsv) so the
// catalogue looks full. Index-only procedures are INFO_ONLY without time limits: they get no dossiers.
import {
  channelsTextOf,
  decisionNumberIn,
  defaultOnlineLevel,
  feeChannelIn,
  feeNote,
  implementingTextIn,
  isSameDayByNotes,
  SAME_DAY_CUTOFF_MINUTE,
} from '../domain/national-procedure.ts';
import { toSearchText } from '../domain/search-text.ts';
import { REFORM_DAY, type SeededAgency } from './agencies.ts';
import { arrayLiteral, insertColumns, type Queryable } from './bulk-insert.ts';
import type {
  ChannelName,
  FeeEntry,
  IndexedProcedure,
  ProcedureEntry,
  TimeLimitEntry,
  TimeUnitName,
} from './reference-data.ts';

type OnlineLevelName = 'INFO_ONLY' | 'PARTIAL' | 'FULL';
type ImplementingLevelName = 'MINISTRY' | 'PROVINCE' | 'DISTRICT' | 'COMMUNE';

export interface SeededProcedure {
  id: number;
  code: string;
  name: string;
  sectorName: string;
  onlineLevel: OnlineLevelName;
  sameDayCutoffMinute: number | null;
  timeLimits: ReadonlyMap<ChannelName, { value: number; unit: TimeUnitName }>;
  /** Whether some fee has a positive amount (payment step, online payment). */
  charged: boolean;
  agencyIds: number[];
}

/**
 * Sector → the provincial agency that handles its PROVINCE-level procedures. Patterns match the
 * accent-free sector name (toSearchText), so spelling variants (hòa/hoà) and case do not matter.
 * Lý lịch tư pháp goes to Công an tỉnh, not Sở Tư pháp: the data note on 3.000333 says the police
 * took it over in 2025.
 */
const SECTOR_DEPARTMENTS: ReadonlyArray<readonly [RegExp, string]> = [
  [
    /ly lich tu phap|cu tru|giay phep lai xe|xuat nhap canh|vu khi|can cuoc|phuong tien giao thong|trat tu an toan giao thong|an ninh trat tu|con dau|phong chay|dinh danh|cai nghien/,
    '56.CAT',
  ],
  [
    /ho tich|chung thuc|nuoi con nuoi|hoa giai|cong chung|luat su|thua phat lai|tro giup phap ly|trong tai|dau gia|giam dinh tu phap|quan tai vien|tu van phap luat|bien phap bao dam|quoc tich|boi thuong nha nuoc/,
    '56.STP',
  ],
  [
    /doanh nghiep|ho kinh doanh|hop tac xa|to hop tac|dau tu|dau thau|cong san|tai chinh dat dai|quan ly gia|^bao hiem$/,
    '56.STC',
  ],
  [
    /dat dai|dia chat|khoang san|thuy loi|de dieu|thien tai|thuy san|thu y|lam nghiep|kiem lam|tai nguyen nuoc|trong trot|chan nuoi|bien va hai dao|nong lam san|da dang sinh hoc|phat trien nong thon|giam ngheo|khi hau|moi truong|khi tuong|do dac/,
    '56.SNNMT',
  ],
  [
    /xay dung|do thi|duong bo|duong thuy|duong sat|dang kiem|nha o|bat dong san|quy hoach|kien truc|ha tang ky thuat|an toan lao dong/,
    '56.SXD',
  ],
  [/bao tro xa hoi|an toan thuc pham|y te|duoc|kham benh/, '56.SYT'],
  [/nguoi co cong|to chuc can bo/, '56.SNV'],
  [/khoa hoc/, '56.SKHCN'],
  [/khieu nai|to cao/, '56.TTT'],
];
const DEFAULT_DEPARTMENT = '56.VPUBND';

/** Sectors of central agencies' local branches (customs, tax, treasury, social insurance, banks,
 * securities, judgment enforcement): no agency of this tree handles them, so index entries in them
 * are skipped. */
const CENTRAL_BRANCH_SECTORS =
  /^(hai quan|thue|kho bac nha nuoc|chinh sach|nong nghiep|du tru)$|quan ly thue|ngan hang|ngoai hoi|chung khoan|bhxh|bhyt|bao hiem xa hoi|thi hanh an|an ninh hang khong/;
const CENTRAL_BRANCH_FOLDERS = new Set(['ngan-hang-nha-nuoc', 'toa-an-nhan-dan']);

/** Until 30/6/2025 these COMMUNE-level procedures were the district's (e.g. the 1.013225 note: building
 * permits moved from the district to the commune on 1/7/2025), so they go to the former district. */
const FORMER_DISTRICT_SECTORS = /ho kinh doanh|hoat dong xay dung/;

/** Sector codes are slugs of the name ("Hộ tịch" → "ho-tich"): the data carries no MALINHVUC. */
export function sectorCode(name: string): string {
  return toSearchText(name).replace(/ /g, '-');
}

export function departmentForSector(sectorName: string): string | null {
  const key = toSearchText(sectorName);
  return SECTOR_DEPARTMENTS.find(([pattern]) => pattern.test(key))?.[1] ?? null;
}

interface CatalogueItem {
  code: string;
  name: string;
  sectorName: string;
  levels: ImplementingLevelName[];
  onlineLevel: OnlineLevelName;
  sameDayCutoffMinute: number | null;
  decisionNumber: string | null;
  source: string | null;
  channelsText: string | null;
  implementingText: string | null;
  timeLimits: readonly TimeLimitEntry[];
  fees: readonly FeeEntry[];
}

/** The national package's entry, read as an import reads it (domain/national-procedure.ts). */
function fromEntry(entry: ProcedureEntry): CatalogueItem {
  return {
    code: entry.code,
    name: entry.name,
    sectorName: entry.sector.name,
    levels: entry.levels,
    // The data's FULL where a source says "toàn trình"; otherwise from the channels (Decree 42/2022).
    onlineLevel: entry.onlineLevel ?? defaultOnlineLevel(entry.timeLimits),
    sameDayCutoffMinute: isSameDayByNotes(entry.timeLimits) ? SAME_DAY_CUTOFF_MINUTE : null,
    decisionNumber: decisionNumberIn(entry.source),
    source: entry.source ?? null,
    channelsText: channelsTextOf(entry.timeLimits),
    implementingText: implementingTextIn(entry.note),
    timeLimits: entry.timeLimits,
    fees: entry.fees,
  };
}

const INDEX_LEVELS: Record<string, ImplementingLevelName> = {
  'Cấp bộ': 'MINISTRY',
  'Cấp tỉnh': 'PROVINCE',
  'Cấp xã': 'COMMUNE',
};

function fromIndex(row: IndexedProcedure): CatalogueItem | null {
  const levels = row.levels.map((l) => INDEX_LEVELS[l]).filter((l): l is ImplementingLevelName => Boolean(l));
  const local = levels.includes('PROVINCE') || levels.includes('COMMUNE');
  if (
    !local ||
    CENTRAL_BRANCH_FOLDERS.has(row.ministryFolder) ||
    CENTRAL_BRANCH_SECTORS.test(toSearchText(row.sector))
  )
    return null;
  return {
    code: row.code,
    name: row.name,
    sectorName: row.sector || 'Khác',
    levels,
    onlineLevel: 'INFO_ONLY',
    sameDayCutoffMinute: null,
    // "QĐ/0001-BCA" in the index is a placeholder, not a decision number: the pattern skips it.
    decisionNumber: decisionNumberIn(row.decision),
    source: `procedure-index.tsv (${row.ministryFolder}/${row.code})`,
    channelsText: null,
    implementingText: null,
    timeLimits: [],
    fees: [],
  };
}

function buildCatalogue(
  entries: readonly ProcedureEntry[],
  index: readonly IndexedProcedure[],
): CatalogueItem[] {
  const items = entries.map(fromEntry);
  const seen = new Set(items.map((i) => i.code));
  for (const row of index) {
    if (seen.has(row.code)) continue;
    const item = fromIndex(row);
    if (!item) continue;
    seen.add(row.code);
    items.push(item);
  }
  return items;
}

/** Which agencies implement a procedure (see the module comment of seed/index.ts for the rules). */
function agenciesFor(item: CatalogueItem, agencies: readonly SeededAgency[]): number[] {
  const ids: number[] = [];
  const current = (a: SeededAgency) => a.validTo === null;
  const former = (a: SeededAgency) => a.validTo !== null && a.validTo < REFORM_DAY;
  if (item.levels.includes('COMMUNE')) {
    const formerDistrict = FORMER_DISTRICT_SECTORS.test(toSearchText(item.sectorName));
    for (const a of agencies) {
      if (a.level === 'COMMUNE' && (current(a) || (former(a) && !formerDistrict))) ids.push(a.id);
      if (a.level === 'DISTRICT' && formerDistrict && former(a)) ids.push(a.id);
    }
  }
  if (item.levels.includes('PROVINCE')) {
    const code = departmentForSector(item.sectorName) ?? DEFAULT_DEPARTMENT;
    const department = agencies.find((a) => a.code === code);
    if (department) ids.push(department.id);
  }
  return ids;
}

export async function seedProcedures(
  db: Queryable,
  entries: readonly ProcedureEntry[],
  index: readonly IndexedProcedure[],
  agencies: readonly SeededAgency[],
): Promise<{ procedures: SeededProcedure[]; sectors: number; indexOnly: number }> {
  const items = buildCatalogue(entries, index);

  const sectorNames = new Map<string, string>();
  for (const item of items) {
    const code = sectorCode(item.sectorName);
    if (!sectorNames.has(code)) sectorNames.set(code, item.sectorName);
  }
  const sectorRows = await insertColumns<{ id: number; code: string }>(
    db,
    'Sector',
    [
      { name: 'code', type: 'text' },
      { name: 'name', type: 'text' },
    ],
    [[...sectorNames.keys()], [...sectorNames.values()]],
    'id, code',
  );
  const sectorIds = new Map(sectorRows.map((r) => [r.code, r.id]));

  const now = new Date();
  const procedureRows = await insertColumns<{ id: number; code: string }>(
    db,
    'Procedure',
    [
      { name: 'code', type: 'text' },
      { name: 'name', type: 'text' },
      { name: 'searchText', type: 'text' },
      { name: 'sectorId', type: 'int' },
      { name: 'levels', type: 'text', cast: '::"ImplementingLevel"[]' },
      { name: 'onlineLevel', type: '"OnlineLevel"' },
      { name: 'eligibleForFullOnline', type: 'boolean' },
      { name: 'updatedAt', type: 'timestamptz' },
    ],
    [
      items.map((i) => i.code),
      items.map((i) => i.name),
      items.map((i) => toSearchText(i.name)),
      items.map((i) => sectorIds.get(sectorCode(i.sectorName))),
      items.map((i) => arrayLiteral(i.levels)),
      items.map((i) => i.onlineLevel),
      items.map((i) => i.onlineLevel === 'FULL'),
      items.map(() => now),
    ],
    'id, code',
  );
  const procedureIds = new Map(procedureRows.map((r) => [r.code, r.id]));
  const idOf = (item: CatalogueItem) => procedureIds.get(item.code)!;

  const versionRows = await insertColumns<{ id: number; procedureId: number }>(
    db,
    'ProcedureVersion',
    [
      { name: 'procedureId', type: 'int' },
      { name: 'version', type: 'int' },
      { name: 'name', type: 'text' },
      { name: 'decisionNumber', type: 'text' },
      { name: 'channelsText', type: 'text' },
      { name: 'implementingText', type: 'text' },
      { name: 'applicants', type: 'text', cast: '::text[]' },
      { name: 'results', type: 'text', cast: '::text[]' },
      { name: 'source', type: 'text' },
      // Versioned with the time limits it qualifies (docs/domain.md §2.3–§2.4).
      { name: 'sameDayCutoffMinute', type: 'int' },
    ],
    [
      items.map(idOf),
      items.map(() => 1),
      items.map((i) => i.name),
      items.map((i) => i.decisionNumber),
      items.map((i) => i.channelsText),
      items.map((i) => i.implementingText),
      items.map(() => '{}'),
      items.map(() => '{}'),
      items.map((i) => i.source),
      items.map((i) => i.sameDayCutoffMinute),
    ],
    '"procedureId", id',
  );
  const versionIds = new Map(versionRows.map((r) => [r.procedureId, r.id]));
  await db.query(
    `UPDATE "Procedure" p SET "currentVersionId" = v.id FROM "ProcedureVersion" v
      WHERE v."procedureId" = p.id AND v.version = 1`,
  );

  const limits = items.flatMap((i) => i.timeLimits.map((t) => ({ procedureId: idOf(i), t })));
  await insertColumns(
    db,
    'ProcedureTimeLimit',
    [
      { name: 'procedureId', type: 'int' },
      { name: 'versionId', type: 'int' },
      { name: 'channel', type: '"Channel"' },
      { name: 'value', type: 'numeric' },
      { name: 'unit', type: '"TimeUnit"' },
      { name: 'note', type: 'text' },
      { name: 'unverified', type: 'boolean' },
    ],
    [
      limits.map((l) => l.procedureId),
      limits.map((l) => versionIds.get(l.procedureId)),
      limits.map((l) => l.t.channel),
      limits.map((l) => l.t.value),
      limits.map((l) => l.t.unit),
      limits.map((l) => l.t.note ?? null),
      limits.map((l) => l.t.unverified === true),
    ],
  );

  const fees = items.flatMap((i) => i.fees.map((f) => ({ procedureId: idOf(i), f })));
  await insertColumns(
    db,
    'ProcedureFee',
    [
      { name: 'procedureId', type: 'int' },
      { name: 'versionId', type: 'int' },
      { name: 'channel', type: '"Channel"' },
      { name: 'name', type: 'text' },
      { name: 'amountVnd', type: 'int' },
      { name: 'note', type: 'text' },
    ],
    [
      fees.map((x) => x.procedureId),
      fees.map((x) => versionIds.get(x.procedureId)),
      fees.map((x) => feeChannelIn(x.f.name)),
      fees.map((x) => x.f.name),
      fees.map((x) => x.f.amountVnd),
      fees.map((x) => feeNote(x.f)),
    ],
  );

  const seeded: SeededProcedure[] = items.map((item) => ({
    id: idOf(item),
    code: item.code,
    name: item.name,
    sectorName: item.sectorName,
    onlineLevel: item.onlineLevel,
    sameDayCutoffMinute: item.sameDayCutoffMinute,
    timeLimits: new Map(item.timeLimits.map((t) => [t.channel, { value: t.value, unit: t.unit }])),
    charged: item.fees.some((f) => (f.amountVnd ?? 0) > 0),
    agencyIds: agenciesFor(item, agencies),
  }));
  const links = seeded.flatMap((p) => p.agencyIds.map((agencyId) => [p.id, agencyId] as const));
  await insertColumns(
    db,
    'ProcedureAgency',
    [
      { name: 'procedureId', type: 'int' },
      { name: 'agencyId', type: 'int' },
    ],
    [links.map((l) => l[0]), links.map((l) => l[1])],
  );
  return { procedures: seeded, sectors: sectorNames.size, indexOnly: items.length - entries.length };
}
