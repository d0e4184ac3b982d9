// The real reference data shipped with the project (prisma/seed-data, sources in its README):
// procedures with national codes and time limits, the 2025–2026 working calendar, the Khánh Hòa /
// Ninh Phước unit tree, and the index of national procedures.
import { readFileSync } from 'node:fs';

const SEED_DATA_DIR = new URL('../../../prisma/seed-data/', import.meta.url);

export type ChannelName = 'IN_PERSON' | 'ONLINE' | 'POSTAL';
export type TimeUnitName = 'HOURS' | 'DAYS' | 'WORKING_DAYS' | 'MONTHS';
export type LevelName = 'MINISTRY' | 'PROVINCE' | 'DISTRICT' | 'COMMUNE' | 'DEPARTMENT';

export interface TimeLimitEntry {
  channel: ChannelName;
  value: number;
  unit: TimeUnitName;
  note?: string;
  unverified?: boolean;
}

export interface FeeEntry {
  name: string;
  amountVnd: number | null;
  note?: string;
  unverified?: boolean;
}

export interface ProcedureEntry {
  code: string;
  name: string;
  sector: { name: string };
  levels: Array<'PROVINCE' | 'COMMUNE'>;
  timeLimits: TimeLimitEntry[];
  fees: FeeEntry[];
  onlineLevel: 'FULL' | 'PARTIAL' | 'INFO_ONLY' | null;
  source?: string;
  note?: string;
  /** Fields no source confirmed. */
  unverified?: string[];
}

export interface AgencyEntry {
  code: string | null;
  name: string;
  level: LevelName;
  /** Parent's code; resolved on the child's validity. */
  parent: string | null;
  validFrom: string | null;
  validTo: string | null;
  /** Successor's name; resolved among the units valid on validTo + 1 day. */
  successor: string | null;
  formedFrom?: string[];
  source?: string;
  note?: string;
  unverified?: string[];
  validFromNote?: string;
}

export interface HolidayEntry {
  date: string;
  weekday: string;
  working: boolean;
  name: string;
  kind: 'HOLIDAY' | 'SWAP_DAY_OFF' | 'COMPENSATORY_DAY_OFF' | 'SWAP_WORKDAY' | 'OTHER';
  source?: string;
  note?: string;
}

/** One line of procedure-index.tsv (the crawl of the national catalogue). */
export interface IndexedProcedure {
  ministryFolder: string;
  code: string;
  /** "Cấp bộ, Cấp tỉnh, Cấp xã, Cơ quan khác" as on the portal. */
  levels: string[];
  sector: string;
  name: string;
  decision: string;
}

export interface ReferenceData {
  procedures: ProcedureEntry[];
  agencies: AgencyEntry[];
  holidays: HolidayEntry[];
  procedureIndex: IndexedProcedure[];
}

function readText(file: string): string {
  return readFileSync(new URL(file, SEED_DATA_DIR), 'utf8');
}

function readJson<T>(file: string): T {
  return JSON.parse(readText(file)) as T;
}

function parseProcedureIndex(tsv: string): IndexedProcedure[] {
  const rows: IndexedProcedure[] = [];
  for (const line of tsv.split('\n').slice(1)) {
    const [ministryFolder, code, levels, sector, name, decision] = line.split('\t');
    if (!ministryFolder || !code || !name) continue;
    rows.push({
      ministryFolder,
      code: code.trim(),
      levels: (levels ?? '').split(',').map((l) => l.trim()),
      sector: (sector ?? '').trim(),
      name: name.replace(/\s+/g, ' ').trim(),
      decision: (decision ?? '').trim(),
    });
  }
  return rows;
}

let cached: ReferenceData | undefined;

export function loadReferenceData(): ReferenceData {
  cached ??= {
    procedures: readJson<ProcedureEntry[]>('procedures.json'),
    agencies: readJson<AgencyEntry[]>('agencies.json'),
    holidays: readJson<HolidayEntry[]>('holidays.json'),
    procedureIndex: parseProcedureIndex(readText('procedure-index.tsv')),
  };
  return cached;
}
