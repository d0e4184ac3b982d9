// The national procedure package (JSON, one entry per procedure, as prisma/seed-data/procedures.json
// samples it: code, name, sector, levels, timeLimits, fees, onlineLevel, source, note) read as a
// procedure record input; and the readings of its free text that the seed and an import share — the
// same-day rule in a limit's note, the decision number in the source, a fee's channel in its name.
// An entry may also carry any field of the record by its own name (variantCode, steps, agencyCodes,
// effectiveFrom, …): the export writes them so, and they win over what the free text suggests.

import type { TimeUnit } from './due-date.ts';
import {
  CHANNEL_LABELS,
  CHANNELS,
  type ChannelName,
  type OnlineLevelName,
  type ProcedureRecordInput,
  UNIT_LABELS,
} from './procedure-record.ts';
import { LEVEL_LABELS } from './procedure-sheet.ts';
import { toSearchText } from './search-text.ts';

/** "… trường hợp nhận hồ sơ sau 15 giờ … trả kết quả trong ngày làm việc tiếp theo" (docs/domain.md §2.3). */
const AFTER_15H = /sau 15 giờ/;
export const SAME_DAY_CUTOFF_MINUTE = 15 * 60;

/** A publication decision number, e.g. 163/QĐ-BTP, 1523/QĐ-BCA-C06 ("QĐ/0001-BCA" is a placeholder, not one). */
const DECISION = /\d+\/Q[ĐD]-[\p{Lu}\d]+(?:-[\p{Lu}\d]+)*/u;

export function isSameDayByNotes(limits: readonly { note?: string | null }[]): boolean {
  return limits.some((l) => AFTER_15H.test(l.note ?? ''));
}

export function decisionNumberIn(source: string | null | undefined): string | null {
  return DECISION.exec(source ?? '')?.[0] ?? null;
}

/** Fee rows name their channel in brackets ("… (trực tuyến)"); others apply to every channel. */
export function feeChannelIn(name: string): ChannelName | null {
  if (/\(trực tuyến\)/i.test(name)) return 'ONLINE';
  if (/\(trực tiếp\)/i.test(name)) return 'IN_PERSON';
  return null;
}

/** The note of a fee, marked when no source confirmed its amount (seed-data README convention). */
export function feeNote(fee: { note?: string | null; unverified?: boolean }): string | null {
  return fee.unverified ? `${fee.note ?? ''} (chưa xác minh)`.trim() : (fee.note ?? null);
}

/** "Trực tiếp: 01 ngày làm việc; Trực tuyến: …" — the channels as the portal lists them. */
export function channelsTextOf(
  limits: readonly { channel: ChannelName; value: number; unit: TimeUnit }[],
): string | null {
  if (limits.length === 0) return null;
  return limits
    .map((t) => `${CHANNEL_LABELS[t.channel]}: ${String(t.value).padStart(2, '0')} ${UNIT_LABELS[t.unit]}`)
    .join('; ');
}

/** "Cơ quan thực hiện: …" in an entry's note. */
export function implementingTextIn(note: string | null | undefined): string | null {
  const match = /Cơ quan (?:thực hiện|giải quyết): ([^.;]+)/.exec(note ?? '');
  return match?.[1]?.trim() ?? null;
}

/** Decree 42/2022 level where the package gives none: PARTIAL when online submission is listed. */
export function defaultOnlineLevel(limits: readonly { channel: string }[]): OnlineLevelName {
  return limits.some((t) => t.channel === 'ONLINE') ? 'PARTIAL' : 'INFO_ONLY';
}

export interface NationalEntryProblem {
  path: (string | number)[];
  message: string;
}

export interface ReadNationalEntry {
  code: string | null;
  input: ProcedureRecordInput;
  problems: NationalEntryProblem[];
  /** Channels whose limit the package marks unverified. */
  unverifiedChannels: Set<ChannelName>;
}

const LEVEL_BY_LABEL = new Map(
  Object.entries(LEVEL_LABELS).flatMap(([level, label]) => [
    [toSearchText(label), level],
    [toSearchText(level), level],
  ]),
);

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * One entry of the package as a record input. `exists` says whether the catalogue has the code: a
 * new procedure takes the package's defaults (online level from its channels), while for an existing
 * one a field the entry does not give, or gives as null where the package means "not known"
 * (onlineLevel), is left as it is.
 */
export function readNationalEntry(
  entry: unknown,
  exists: boolean,
  sectorCodeOf: (codeOrName: string) => string | null,
): ReadNationalEntry {
  const problems: NationalEntryProblem[] = [];
  const input: ProcedureRecordInput = {};
  const unverifiedChannels = new Set<ChannelName>();
  if (!isObject(entry)) {
    return {
      code: null,
      input,
      problems: [{ path: [], message: 'Mục này không phải một thủ tục (đối tượng JSON).' }],
      unverifiedChannels,
    };
  }
  const has = (key: string) => Object.hasOwn(entry, key);
  const wrongType = (path: (string | number)[], expected: string) =>
    problems.push({ path, message: `Trường "${path.join('.')}" phải là ${expected}.` });
  const str = (value: unknown, path: (string | number)[]): string | null | undefined => {
    if (value === null || value === undefined) return null;
    if (typeof value === 'string') return value;
    if (typeof value === 'number') return String(value);
    wrongType(path, 'chuỗi ký tự');
    return undefined;
  };
  const arr = (value: unknown, path: (string | number)[]): unknown[] | undefined => {
    if (value === null || value === undefined) return [];
    if (Array.isArray(value)) return value;
    wrongType(path, 'danh sách');
    return undefined;
  };
  const strings = (key: string) => {
    const items = arr(entry[key], [key]);
    if (!items) return undefined;
    const out: string[] = [];
    items.forEach((v, i) => {
      const s = str(v, [key, i]);
      if (typeof s === 'string') out.push(s);
    });
    return out;
  };
  const objects = (key: string) =>
    arr(entry[key], [key])?.map((v, i): Json => {
      if (isObject(v)) return v;
      wrongType([key, i], 'đối tượng');
      return {};
    });

  const code = str(entry.code, ['code']);
  input.code = code ?? null;
  for (const key of [
    'variantCode',
    'name',
    'channelsText',
    'implementingText',
    'conditions',
    'decisionNumber',
    'decisionDate',
    'effectiveFrom',
    'effectiveTo',
    'source',
    'sameDayCutoff',
  ] as const) {
    if (has(key)) {
      const value = str(entry[key], [key]);
      if (value !== undefined) input[key] = value;
    }
  }
  if (has('sector') || has('sectorCode')) {
    const sector = entry.sectorCode ?? entry.sector;
    const given = isObject(sector)
      ? (str(sector.code, ['sector', 'code']) ?? str(sector.name, ['sector', 'name']))
      : str(sector, ['sector']);
    if (given) {
      const resolved = sectorCodeOf(given);
      if (!resolved)
        problems.push({
          path: ['sectorCode'],
          message: `Lĩnh vực "${given}" chưa có trong danh mục lĩnh vực.`,
        });
      else input.sectorCode = resolved;
    } else if (given === null) input.sectorCode = null;
  }
  if (has('levels')) {
    const levels = strings('levels');
    if (levels) input.levels = levels.map((l) => LEVEL_BY_LABEL.get(toSearchText(l)) ?? l);
  }
  if (has('timeLimits')) {
    const limits = objects('timeLimits');
    if (limits) {
      input.timeLimits = limits.map((l, i) => {
        if (l.unverified === true && CHANNELS.includes(l.channel as ChannelName))
          unverifiedChannels.add(l.channel as ChannelName);
        return {
          channel: String(l.channel ?? ''),
          value: typeof l.value === 'number' ? l.value : Number.NaN,
          unit: String(l.unit ?? ''),
          note: str(l.note, ['timeLimits', i, 'note']) ?? null,
        };
      });
      const valid = input.timeLimits.filter((l) => CHANNELS.includes(l.channel as ChannelName)) as {
        channel: ChannelName;
        value: number;
        unit: TimeUnit;
      }[];
      if (!has('sameDayCutoff')) input.sameDayCutoff = isSameDayByNotes(input.timeLimits) ? '15:00' : null;
      if (!has('channelsText')) input.channelsText = channelsTextOf(valid);
      if (!exists && !has('onlineLevel')) input.onlineLevel = defaultOnlineLevel(valid);
    }
  }
  if (has('onlineLevel') && entry.onlineLevel !== null) {
    const level = str(entry.onlineLevel, ['onlineLevel']);
    if (level) input.onlineLevel = level;
  } else if (!exists && input.onlineLevel === undefined)
    input.onlineLevel = defaultOnlineLevel(input.timeLimits ?? []);
  if (has('eligibleForFullOnline')) {
    if (typeof entry.eligibleForFullOnline === 'boolean')
      input.eligibleForFullOnline = entry.eligibleForFullOnline;
    else wrongType(['eligibleForFullOnline'], 'true hoặc false');
  } else if (!exists) input.eligibleForFullOnline = input.onlineLevel === 'FULL';
  if (has('fees')) {
    input.fees = objects('fees')?.map((f, i) => {
      const name = str(f.name, ['fees', i, 'name']) ?? '';
      const amount = f.amountVnd;
      if (amount !== null && amount !== undefined && typeof amount !== 'number')
        wrongType(['fees', i, 'amountVnd'], 'số');
      return {
        name,
        amountVnd: typeof amount === 'number' ? amount : null,
        channel: Object.hasOwn(f, 'channel')
          ? (str(f.channel, ['fees', i, 'channel']) ?? null)
          : feeChannelIn(name),
        note: feeNote({ note: str(f.note, ['fees', i, 'note']), unverified: f.unverified === true }),
      };
    });
  }
  if (!has('decisionNumber') && has('source')) {
    const found = decisionNumberIn(input.source);
    if (found) input.decisionNumber = found;
  }
  if (!has('implementingText') && has('note')) {
    const found = implementingTextIn(typeof entry.note === 'string' ? entry.note : null);
    if (found) input.implementingText = found;
  }
  for (const key of ['applicants', 'results', 'agencyCodes'] as const) {
    if (has(key)) input[key] = strings(key);
  }
  if (has('steps')) {
    input.steps = objects('steps')?.map((g, i) => ({
      case: str(g.case, ['steps', i, 'case']) ?? null,
      steps: (arr(g.steps, ['steps', i, 'steps']) ?? []).map((s) => (typeof s === 'string' ? s : String(s))),
    }));
  }
  if (has('dossierComponents')) {
    input.dossierComponents = objects('dossierComponents')?.map((c, i) => ({
      name: str(c.name, ['dossierComponents', i, 'name']) ?? '',
      originals: typeof c.originals === 'number' ? c.originals : null,
      copies: typeof c.copies === 'number' ? c.copies : null,
      form: str(c.form, ['dossierComponents', i, 'form']) ?? null,
    }));
  }
  if (has('forms')) {
    input.forms = objects('forms')?.map((f, i) => ({
      name: str(f.name, ['forms', i, 'name']) ?? '',
      url: str(f.url, ['forms', i, 'url']) ?? null,
    }));
  }
  if (has('legalBasis')) {
    input.legalBasis = objects('legalBasis')?.map((l, i) => ({
      number: str(l.number, ['legalBasis', i, 'number']) ?? null,
      title: str(l.title, ['legalBasis', i, 'title']) ?? '',
    }));
  }
  return { code: typeof code === 'string' ? code.trim() : null, input, problems, unverifiedChannels };
}
