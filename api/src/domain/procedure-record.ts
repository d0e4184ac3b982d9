// The procedure record an official edits (docs/domain.md §2.1: the mandatory components of Decree
// 63/2010/NĐ-CP Art. 8(2)), as plain values: every field of the procedure, of its latest version and
// its implementing agencies. An input (createProcedure, updateProcedure, one row of an import) is
// checked here field by field and brought to one canonical form, so that a save, an import row and an
// export compare equal exactly when nothing changed.
import { TIME_UNITS, type TimeUnit } from './due-date.ts';
import { isValidDay } from './time.ts';

export const CHANNELS = ['IN_PERSON', 'ONLINE', 'POSTAL'] as const;
export type ChannelName = (typeof CHANNELS)[number];
export const IMPLEMENTING_LEVELS = ['MINISTRY', 'PROVINCE', 'DISTRICT', 'COMMUNE'] as const;
export type ImplementingLevelName = (typeof IMPLEMENTING_LEVELS)[number];
export const ONLINE_LEVELS = ['INFO_ONLY', 'PARTIAL', 'FULL'] as const;
export type OnlineLevelName = (typeof ONLINE_LEVELS)[number];

export interface RecordTimeLimit {
  channel: ChannelName;
  value: number;
  unit: TimeUnit;
  note: string | null;
}
export interface RecordFee {
  /** Null: every channel. */
  channel: ChannelName | null;
  name: string;
  /** Null: set by the provincial People's Council, or not known. */
  amountVnd: number | null;
  note: string | null;
}
/** Trình tự thực hiện: the steps of one case ("Trường hợp …"), or of every case when `case` is null. */
export interface StepGroup {
  case: string | null;
  steps: string[];
}
/** Thành phần hồ sơ: a document, how many originals and copies, and its form when it has one. */
export interface DossierComponent {
  name: string;
  originals: number | null;
  copies: number | null;
  form: string | null;
}
export interface ProcedureForm {
  name: string;
  url: string | null;
}
export interface LegalBasisItem {
  number: string | null;
  title: string;
}

/** One procedure as the catalogue holds it; dates are local days (YYYY-MM-DD). */
export interface ProcedureRecord {
  code: string;
  variantCode: string | null;
  name: string;
  sectorCode: string;
  levels: ImplementingLevelName[];
  onlineLevel: OnlineLevelName;
  eligibleForFullOnline: boolean;
  /** Same-day cut-off "HH:MM" (docs/domain.md §2.3); null: not a same-day procedure. */
  sameDayCutoff: string | null;
  /** One per channel at most, in the order of CHANNELS. */
  timeLimits: RecordTimeLimit[];
  fees: RecordFee[];
  steps: StepGroup[];
  channelsText: string | null;
  dossierComponents: DossierComponent[];
  applicants: string[];
  implementingText: string | null;
  /** Codes of the units (valid today) that implement the procedure, sorted. */
  agencyCodes: string[];
  results: string[];
  forms: ProcedureForm[];
  conditions: string | null;
  legalBasis: LegalBasisItem[];
  decisionNumber: string | null;
  decisionDate: string | null;
  effectiveFrom: string | null;
  effectiveTo: string | null;
  source: string | null;
}

export type RecordField = keyof ProcedureRecord;

/** The fields in the order forms, exports and change lists show them. */
export const RECORD_FIELDS: readonly RecordField[] = [
  'code',
  'variantCode',
  'name',
  'sectorCode',
  'levels',
  'onlineLevel',
  'eligibleForFullOnline',
  'sameDayCutoff',
  'timeLimits',
  'fees',
  'steps',
  'channelsText',
  'dossierComponents',
  'applicants',
  'implementingText',
  'agencyCodes',
  'results',
  'forms',
  'conditions',
  'legalBasis',
  'decisionNumber',
  'decisionDate',
  'effectiveFrom',
  'effectiveTo',
  'source',
];

/** Vietnamese names of the fields, for messages and change lists. */
export const FIELD_LABELS: Record<RecordField, string> = {
  code: 'Mã thủ tục',
  variantCode: 'Mã biến thể',
  name: 'Tên thủ tục',
  sectorCode: 'Lĩnh vực',
  levels: 'Cấp thực hiện',
  onlineLevel: 'Mức độ dịch vụ công trực tuyến',
  eligibleForFullOnline: 'Đủ điều kiện trực tuyến toàn trình',
  sameDayCutoff: 'Giờ chốt trả trong ngày',
  timeLimits: 'Thời hạn giải quyết',
  fees: 'Phí, lệ phí',
  steps: 'Trình tự thực hiện',
  channelsText: 'Cách thức thực hiện',
  dossierComponents: 'Thành phần hồ sơ',
  applicants: 'Đối tượng thực hiện',
  implementingText: 'Cơ quan thực hiện',
  agencyCodes: 'Đơn vị thực hiện (mã)',
  results: 'Kết quả thực hiện',
  forms: 'Mẫu đơn, tờ khai',
  conditions: 'Yêu cầu, điều kiện',
  legalBasis: 'Căn cứ pháp lý',
  decisionNumber: 'Số quyết định công bố',
  decisionDate: 'Ngày ban hành quyết định',
  effectiveFrom: 'Ngày hiệu lực',
  effectiveTo: 'Ngày hết hiệu lực',
  source: 'Nguồn',
};

export const CHANNEL_LABELS: Record<ChannelName, string> = {
  IN_PERSON: 'Trực tiếp',
  ONLINE: 'Trực tuyến',
  POSTAL: 'Dịch vụ bưu chính',
};

export const UNIT_LABELS: Record<TimeUnit, string> = {
  HOURS: 'giờ làm việc',
  WORKING_DAYS: 'ngày làm việc',
  DAYS: 'ngày',
  MONTHS: 'tháng',
};

/**
 * What an input gives: any field. An absent field (undefined) is left as it is; null clears it
 * (an empty list for list fields). Values are as received, checked by checkRecordInput.
 */
export interface ProcedureRecordInput {
  code?: string | null;
  variantCode?: string | null;
  name?: string | null;
  sectorCode?: string | null;
  levels?: readonly string[] | null;
  onlineLevel?: string | null;
  eligibleForFullOnline?: boolean | null;
  sameDayCutoff?: string | null;
  timeLimits?:
    | readonly { channel: string; value: number; unit: string; note?: string | null | undefined }[]
    | null;
  fees?:
    | readonly {
        channel?: string | null | undefined;
        name: string;
        amountVnd?: number | null | undefined;
        note?: string | null | undefined;
      }[]
    | null;
  steps?: readonly { case?: string | null | undefined; steps: readonly string[] }[] | null;
  channelsText?: string | null;
  dossierComponents?:
    | readonly {
        name: string;
        originals?: number | null | undefined;
        copies?: number | null | undefined;
        form?: string | null | undefined;
      }[]
    | null;
  applicants?: readonly string[] | null;
  implementingText?: string | null;
  agencyCodes?: readonly string[] | null;
  results?: readonly string[] | null;
  forms?: readonly { name: string; url?: string | null | undefined }[] | null;
  conditions?: string | null;
  legalBasis?: readonly { number?: string | null | undefined; title: string }[] | null;
  decisionNumber?: string | null;
  decisionDate?: string | null;
  effectiveFrom?: string | null;
  effectiveTo?: string | null;
  source?: string | null;
}

/** Why a value is refused; the codes are members of the API's ErrorCode registry. */
export type RecordProblemCode =
  | 'INVALID_PROCEDURE_CODE'
  | 'EMPTY_TEXT'
  | 'TEXT_TOO_LONG'
  | 'TOO_MANY'
  | 'BAD_USER_INPUT'
  | 'INVALID_TIME_LIMIT'
  | 'DUPLICATE_CHANNEL'
  | 'INVALID_CUTOFF'
  | 'INVALID_DATE'
  | 'UNKNOWN_SECTOR'
  | 'UNKNOWN_AGENCY'
  | 'EFFECTIVE_DATE_PAST'
  | 'PROCEDURE_EXISTS'
  | 'NOT_FOUND';

/** A refused value: its path in the record (list positions as numbers), a code and a message. */
export interface RecordProblem {
  path: (string | number)[];
  code: RecordProblemCode;
  message: string;
}

/** National code: one digit, a dot, six digits (1.001193; the index has 2,642 of them, all this way). */
export const PROCEDURE_CODE = /^\d\.\d{6}$/;
/** Local variant: the national code, then .000.00.00 and the province (1.003560.000.00.00.H56). */
const VARIANT_CODE = /^\d\.\d{6}\.\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$/;
const CUTOFF = /^([01]\d|2[0-3]):([0-5]\d)$/;
const URL = /^https?:\/\/[^\s]+$/i;
/**
 * Whether a text holds what no form field does: a C0 control but TAB, LF and CR; DEL; a UTF-16 half
 * without its pair. The API refuses these at its edge; an import file is read by the API itself, so
 * its texts are checked here.
 */
export function hasUnfitCharacter(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f) return true;
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      else return true;
    } else if (c >= 0xdc00 && c <= 0xdfff) return true;
  }
  return false;
}

/** The longest name of the national index (procedure-index.tsv) has 1,094 characters. */
export const MAX_NAME_LENGTH = 2000;
export const MAX_SHORT_TEXT = 200;
export const MAX_LONG_TEXT = 10_000;
export const MAX_LIST_ITEMS = 200;
const MAX_URL_LENGTH = 2000;
const MAX_COPIES = 100;
const MAX_FEE_VND = 2_000_000_000;

/**
 * The largest limit each unit sensibly takes (docs/domain.md §2.2). Longer periods are written in a
 * larger unit: 240 working hours are 30 working days, and the longest published limits are a few
 * months. Beyond these a value is almost surely a slip of the unit (60 months for 60 days).
 */
export const MAX_LIMIT: Record<TimeUnit, number> = { HOURS: 240, WORKING_DAYS: 365, DAYS: 730, MONTHS: 36 };

/** Minutes after midnight of a cut-off "HH:MM"; the inverse of cutoffOfMinute. */
export function minuteOfCutoff(cutoff: string): number {
  const match = CUTOFF.exec(cutoff);
  if (!match) throw new RangeError(`Not a cut-off HH:MM: ${cutoff}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

export function cutoffOfMinute(minute: number | null): string | null {
  if (minute === null) return null;
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

/** dd/mm/yyyy, as officials write dates. */
export function formatDayVi(day: string): string {
  return `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;
}

/** What the catalogue knows, for the checks that need it (sectors, units valid today). */
export interface CatalogueLookups {
  hasSector(code: string): boolean;
  hasAgency(code: string): boolean;
}

export interface CheckedInput {
  /** The given fields in canonical form (only those given, and only when valid). */
  values: Partial<ProcedureRecord>;
  problems: RecordProblem[];
}

type Path = (string | number)[];

/** Collects problems while reading an input; every reader returns undefined when it refused. */
class Reader {
  readonly problems: RecordProblem[] = [];

  refuse(path: Path, code: RecordProblemCode, message: string): undefined {
    this.problems.push({ path, code, message });
    return undefined;
  }

  /** Trimmed text, or null when empty and allowed; refused when too long or with unfit characters. */
  text(
    path: Path,
    value: string | null | undefined,
    label: string,
    options: { required?: boolean; max?: number } = {},
  ): string | null | undefined {
    const max = options.max ?? MAX_LONG_TEXT;
    const trimmed = typeof value === 'string' ? value.trim() : '';
    if (trimmed === '') {
      return options.required ? this.refuse(path, 'EMPTY_TEXT', `${label} không được để trống.`) : null;
    }
    if (hasUnfitCharacter(trimmed)) {
      return this.refuse(
        path,
        'BAD_USER_INPUT',
        `${label} chứa ký tự điều khiển hoặc ký tự không hợp lệ; hãy gõ lại hoặc dán dạng văn bản thuần.`,
      );
    }
    if (trimmed.length > max) {
      return this.refuse(
        path,
        'TEXT_TOO_LONG',
        `${label} dài ${trimmed.length.toLocaleString('vi-VN')} ký tự, vượt quá ${max.toLocaleString('vi-VN')} ký tự cho phép.`,
      );
    }
    return trimmed;
  }

  list<T, R>(
    path: Path,
    items: readonly T[] | null | undefined,
    label: string,
    read: (item: T, at: Path) => R | undefined,
  ): R[] | undefined {
    const list = items ?? [];
    if (list.length > MAX_LIST_ITEMS) {
      return this.refuse(
        path,
        'TOO_MANY',
        `${label} có ${list.length} mục, vượt quá ${MAX_LIST_ITEMS} mục cho phép.`,
      );
    }
    const before = this.problems.length;
    const out: R[] = [];
    list.forEach((item, i) => {
      const value = read(item, [...path, i]);
      if (value !== undefined) out.push(value);
    });
    return this.problems.length === before ? out : undefined;
  }

  /** A list of texts; empty lines are dropped (a form's blank rows). */
  texts(path: Path, items: readonly string[] | null | undefined, label: string): string[] | undefined {
    const read = this.list(path, items, label, (item, at) => this.text(at, item, label));
    return read?.filter((t): t is string => t !== null);
  }

  day(path: Path, value: string | null | undefined, label: string): string | null | undefined {
    if (value === null || value === undefined || value.trim() === '') return null;
    if (!isValidDay(value.trim())) {
      return this.refuse(
        path,
        'INVALID_DATE',
        `${label} "${value}" không phải một ngày có thật (dạng YYYY-MM-DD).`,
      );
    }
    const year = Number(value.slice(0, 4));
    if (year < 1945 || year > 2100) {
      return this.refuse(path, 'INVALID_DATE', `${label} phải trong khoảng năm 1945 đến năm 2100.`);
    }
    return value.trim();
  }

  count(path: Path, value: number | null | undefined, label: string): number | null | undefined {
    if (value === null || value === undefined) return null;
    if (!Number.isInteger(value) || value < 0 || value > MAX_COPIES) {
      return this.refuse(path, 'BAD_USER_INPUT', `${label} phải là số nguyên từ 0 đến ${MAX_COPIES}.`);
    }
    return value;
  }

  channel(path: Path, value: string, label: string): ChannelName | undefined {
    if ((CHANNELS as readonly string[]).includes(value)) return value as ChannelName;
    return this.refuse(
      path,
      'BAD_USER_INPUT',
      `${label} "${value}" không phải hình thức nộp hồ sơ (trực tiếp, trực tuyến hoặc dịch vụ bưu chính).`,
    );
  }
}

const sortedBy =
  <T extends string>(order: readonly T[]) =>
  (a: T, b: T) =>
    order.indexOf(a) - order.indexOf(b);

/** Only the fields an input gives (undefined = not given). */
function given<K extends keyof ProcedureRecordInput>(input: ProcedureRecordInput, key: K): boolean {
  return input[key] !== undefined;
}

/**
 * Checks the fields an input gives and brings them to canonical form. Rules (docs/domain.md §2.1–§2.3):
 * the national code format; a name; known levels and online level; the cut-off as HH:MM; per channel at
 * most one limit, above 0, whole for days and months, within MAX_LIMIT; fees with a name and an amount
 * in whole đồng; dates that exist, the effective period in order and not before the decision; known
 * sectors and units. Cross-field rules that need the stored record are in procedure-plan.ts.
 */
export function checkRecordInput(input: ProcedureRecordInput, lookups: CatalogueLookups): CheckedInput {
  const r = new Reader();
  const values: Partial<ProcedureRecord> = {};
  const set = <K extends RecordField>(key: K, value: ProcedureRecord[K] | undefined) => {
    if (value !== undefined) values[key] = value;
  };
  const L = FIELD_LABELS;

  if (given(input, 'code')) set('code', readCode(r, input.code));
  if (given(input, 'variantCode')) {
    const variant = r.text(['variantCode'], input.variantCode, L.variantCode, { max: 40 });
    if (variant && !VARIANT_CODE.test(variant)) {
      r.refuse(
        ['variantCode'],
        'INVALID_PROCEDURE_CODE',
        `Mã biến thể "${variant}" không đúng dạng mã TTHC kèm mã địa phương, ví dụ 1.003560.000.00.00.H56.`,
      );
    } else set('variantCode', variant);
  }
  if (given(input, 'name')) {
    set('name', r.text(['name'], input.name, L.name, { required: true, max: MAX_NAME_LENGTH }) ?? undefined);
  }
  if (given(input, 'sectorCode')) {
    const sector = r.text(['sectorCode'], input.sectorCode, L.sectorCode, {
      required: true,
      max: MAX_SHORT_TEXT,
    });
    if (sector && !lookups.hasSector(sector)) {
      r.refuse(['sectorCode'], 'UNKNOWN_SECTOR', `Lĩnh vực "${sector}" chưa có trong danh mục lĩnh vực.`);
    } else set('sectorCode', sector ?? undefined);
  }
  if (given(input, 'levels')) set('levels', readLevels(r, input.levels));
  if (given(input, 'onlineLevel')) {
    const level = input.onlineLevel;
    if (level === null || level === undefined) {
      r.refuse(['onlineLevel'], 'EMPTY_TEXT', `${L.onlineLevel} không được để trống.`);
    } else if (!(ONLINE_LEVELS as readonly string[]).includes(level)) {
      r.refuse(['onlineLevel'], 'BAD_USER_INPUT', `${L.onlineLevel} "${level}" không hợp lệ.`);
    } else set('onlineLevel', level as OnlineLevelName);
  }
  if (given(input, 'eligibleForFullOnline'))
    set('eligibleForFullOnline', input.eligibleForFullOnline === true);
  if (given(input, 'sameDayCutoff')) set('sameDayCutoff', readCutoff(r, input.sameDayCutoff));
  if (given(input, 'timeLimits')) set('timeLimits', readLimits(r, input.timeLimits));
  if (given(input, 'fees')) set('fees', readFees(r, input.fees));
  if (given(input, 'steps')) {
    set(
      'steps',
      r
        .list(['steps'], input.steps, L.steps, (group, at) => {
          const kase = r.text([...at, 'case'], group.case, 'Tên trường hợp', { max: MAX_NAME_LENGTH });
          const steps = r.texts([...at, 'steps'], group.steps, 'Bước thực hiện');
          if (kase === undefined || steps === undefined) return undefined;
          return { case: kase, steps };
        })
        // A group with neither a case nor a step is a blank row of a form.
        ?.filter((g) => g.case !== null || g.steps.length > 0),
    );
  }
  for (const key of ['channelsText', 'implementingText', 'conditions', 'source'] as const) {
    if (given(input, key)) set(key, r.text([key], input[key], L[key]));
  }
  if (given(input, 'dossierComponents')) {
    set(
      'dossierComponents',
      r.list(['dossierComponents'], input.dossierComponents, L.dossierComponents, (c, at) => {
        const name = r.text([...at, 'name'], c.name, 'Tên giấy tờ', { required: true });
        const originals = r.count([...at, 'originals'], c.originals, 'Số bản chính');
        const copies = r.count([...at, 'copies'], c.copies, 'Số bản sao');
        const form = r.text([...at, 'form'], c.form, 'Mẫu đơn, tờ khai', { max: MAX_NAME_LENGTH });
        if (!name || originals === undefined || copies === undefined || form === undefined) return undefined;
        return { name, originals, copies, form };
      }),
    );
  }
  for (const key of ['applicants', 'results'] as const) {
    if (given(input, key)) set(key, r.texts([key], input[key], L[key]));
  }
  if (given(input, 'agencyCodes')) set('agencyCodes', readAgencies(r, input.agencyCodes, lookups));
  if (given(input, 'forms')) {
    set(
      'forms',
      r.list(['forms'], input.forms, L.forms, (f, at) => {
        const name = r.text([...at, 'name'], f.name, 'Tên mẫu', { required: true, max: MAX_NAME_LENGTH });
        const url = r.text([...at, 'url'], f.url, 'Địa chỉ tải mẫu', { max: MAX_URL_LENGTH });
        if (url && !URL.test(url)) {
          return r.refuse(
            [...at, 'url'],
            'BAD_USER_INPUT',
            `Địa chỉ tải mẫu phải bắt đầu bằng http:// hoặc https:// (nhận được "${url.slice(0, 60)}").`,
          );
        }
        if (!name || url === undefined) return undefined;
        return { name, url };
      }),
    );
  }
  if (given(input, 'legalBasis')) {
    set(
      'legalBasis',
      r.list(['legalBasis'], input.legalBasis, L.legalBasis, (item, at) => {
        const number = r.text([...at, 'number'], item.number, 'Số, ký hiệu văn bản', { max: MAX_SHORT_TEXT });
        const title = r.text([...at, 'title'], item.title, 'Trích yếu văn bản', { required: true });
        if (number === undefined || !title) return undefined;
        return { number, title };
      }),
    );
  }
  if (given(input, 'decisionNumber')) {
    set(
      'decisionNumber',
      r.text(['decisionNumber'], input.decisionNumber, L.decisionNumber, { max: MAX_SHORT_TEXT }),
    );
  }
  for (const key of ['decisionDate', 'effectiveFrom', 'effectiveTo'] as const) {
    if (given(input, key)) set(key, r.day([key], input[key], L[key]));
  }
  return { values, problems: r.problems };
}

function readCode(r: Reader, value: string | null | undefined): string | undefined {
  const code = r.text(['code'], value, FIELD_LABELS.code, { required: true, max: 40 });
  if (!code) return undefined;
  if (!PROCEDURE_CODE.test(code)) {
    return r.refuse(
      ['code'],
      'INVALID_PROCEDURE_CODE',
      `Mã thủ tục "${code}" không đúng dạng mã của Cơ sở dữ liệu quốc gia về TTHC: một chữ số, dấu chấm, sáu chữ số (ví dụ 1.001193).`,
    );
  }
  return code;
}

function readLevels(
  r: Reader,
  value: readonly string[] | null | undefined,
): ImplementingLevelName[] | undefined {
  const levels = new Set<ImplementingLevelName>();
  for (const [i, level] of (value ?? []).entries()) {
    if (!(IMPLEMENTING_LEVELS as readonly string[]).includes(level)) {
      return r.refuse(['levels', i], 'BAD_USER_INPUT', `Cấp thực hiện "${level}" không hợp lệ.`);
    }
    levels.add(level as ImplementingLevelName);
  }
  if (levels.size === 0) {
    return r.refuse(['levels'], 'EMPTY_TEXT', 'Cần chọn ít nhất một cấp thực hiện (tỉnh, xã…).');
  }
  return [...levels].sort(sortedBy(IMPLEMENTING_LEVELS));
}

function readCutoff(r: Reader, value: string | null | undefined): string | null | undefined {
  const text = value?.trim() ?? '';
  if (text === '') return null;
  // "9:30" is how many people type it.
  const padded = /^\d:\d\d$/.test(text) ? `0${text}` : text;
  if (!CUTOFF.test(padded)) {
    return r.refuse(
      ['sameDayCutoff'],
      'INVALID_CUTOFF',
      `Giờ chốt trả trong ngày "${text.slice(0, 20)}" phải có dạng giờ:phút từ 00:00 đến 23:59, ví dụ 15:00.`,
    );
  }
  return padded;
}

/** Decimal(8,2) in the database: two decimals at most. */
const hasAtMostTwoDecimals = (value: number) => Math.abs(Math.round(value * 100) - value * 100) < 1e-6;

function readLimits(r: Reader, value: ProcedureRecordInput['timeLimits']): RecordTimeLimit[] | undefined {
  const seen = new Map<ChannelName, number>();
  const limits = r.list(
    ['timeLimits'],
    value,
    FIELD_LABELS.timeLimits,
    (limit, at): RecordTimeLimit | undefined => {
      let channel = r.channel([...at, 'channel'], limit.channel, 'Hình thức');
      if (channel) {
        const first = seen.get(channel);
        if (first !== undefined) {
          channel = r.refuse(
            [...at, 'channel'],
            'DUPLICATE_CHANNEL',
            `Hình thức "${CHANNEL_LABELS[channel]}" đã có thời hạn ở dòng ${first + 1}: mỗi hình thức chỉ có một thời hạn giải quyết.`,
          );
        } else seen.set(channel, at[at.length - 1] as number);
      }
      const unit = (TIME_UNITS as readonly string[]).includes(limit.unit)
        ? (limit.unit as TimeUnit)
        : undefined;
      if (!unit) {
        r.refuse([...at, 'unit'], 'INVALID_TIME_LIMIT', `Đơn vị tính thời hạn "${limit.unit}" không hợp lệ.`);
      }
      const value = unit ? readLimitValue(r, [...at, 'value'], limit.value, unit) : undefined;
      const note = r.text([...at, 'note'], limit.note, 'Ghi chú thời hạn');
      if (!channel || !unit || value === undefined || note === undefined) return undefined;
      return { channel, value, unit, note };
    },
  );
  return limits?.sort((a, b) => sortedBy(CHANNELS)(a.channel, b.channel));
}

function readLimitValue(r: Reader, path: Path, value: number, unit: TimeUnit): number | undefined {
  const label = UNIT_LABELS[unit];
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    return r.refuse(path, 'INVALID_TIME_LIMIT', 'Thời hạn giải quyết phải là một số lớn hơn 0.');
  }
  if ((unit === 'DAYS' || unit === 'MONTHS') && !Number.isInteger(value)) {
    return r.refuse(
      path,
      'INVALID_TIME_LIMIT',
      `Thời hạn tính bằng ${label} phải là số nguyên (Bộ luật Dân sự 2015, Điều 147–148, không tính phần lẻ của ngày, tháng); hãy dùng đơn vị ngày làm việc hoặc giờ làm việc cho thời hạn lẻ.`,
    );
  }
  if (!hasAtMostTwoDecimals(value)) {
    return r.refuse(
      path,
      'INVALID_TIME_LIMIT',
      'Thời hạn giải quyết chỉ được có tối đa hai chữ số thập phân.',
    );
  }
  if (value > MAX_LIMIT[unit]) {
    return r.refuse(
      path,
      'INVALID_TIME_LIMIT',
      `Thời hạn ${value.toLocaleString('vi-VN')} ${label} vượt quá mức hợp lý (tối đa ${MAX_LIMIT[unit]} ${label}); hãy kiểm tra lại số và đơn vị tính.`,
    );
  }
  return value;
}

function readFees(r: Reader, value: ProcedureRecordInput['fees']): RecordFee[] | undefined {
  return r.list(['fees'], value, FIELD_LABELS.fees, (fee, at): RecordFee | undefined => {
    const channel =
      fee.channel === null || fee.channel === undefined || fee.channel === ''
        ? null
        : r.channel([...at, 'channel'], fee.channel, 'Hình thức');
    const name = r.text([...at, 'name'], fee.name, 'Tên phí, lệ phí', {
      required: true,
      max: MAX_NAME_LENGTH,
    });
    let amount: number | null | undefined = fee.amountVnd ?? null;
    if (amount !== null && (!Number.isInteger(amount) || amount < 0 || amount > MAX_FEE_VND)) {
      amount = r.refuse(
        [...at, 'amountVnd'],
        'BAD_USER_INPUT',
        `Mức phí phải là số tiền nguyên (đồng) từ 0 đến ${MAX_FEE_VND.toLocaleString('vi-VN')}; để trống khi do HĐND tỉnh quy định hoặc chưa rõ.`,
      );
    }
    const note = r.text([...at, 'note'], fee.note, 'Ghi chú phí');
    if (channel === undefined || !name || amount === undefined || note === undefined) return undefined;
    return { channel, name, amountVnd: amount, note };
  });
}

function readAgencies(
  r: Reader,
  value: readonly string[] | null | undefined,
  lookups: CatalogueLookups,
): string[] | undefined {
  const codes = r.texts(['agencyCodes'], value, 'Mã đơn vị');
  if (!codes) return undefined;
  const before = r.problems.length;
  for (const [i, code] of codes.entries()) {
    if (!lookups.hasAgency(code)) {
      r.refuse(
        ['agencyCodes', i],
        'UNKNOWN_AGENCY',
        `Không có cơ quan, đơn vị mã "${code}" đang hoạt động (đơn vị đã sáp nhập không nhận thêm thủ tục).`,
      );
    }
  }
  return r.problems.length === before ? [...new Set(codes)].sort() : undefined;
}

/**
 * Rules across fields, on the record as it would be saved (the stored one with the input's changes):
 * the effective period in order and not before its decision, and a same-day cut-off only with a limit
 * of exactly 1 working day (docs/domain.md §2.3: the cut-off is ignored for any other limit, so one
 * set there would say something the due dates do not do). `touched` are the fields the input gave:
 * a rule is checked only when the input touches one of its fields, so a record stored before a rule
 * existed can still be edited elsewhere.
 */
export function checkRecordConsistency(
  record: ProcedureRecord,
  touched: ReadonlySet<RecordField>,
): RecordProblem[] {
  const problems: RecordProblem[] = [];
  const touches = (...fields: RecordField[]) => fields.some((f) => touched.has(f));
  const { decisionDate, effectiveFrom, effectiveTo } = record;
  if (
    touches('effectiveFrom', 'effectiveTo') &&
    effectiveFrom &&
    effectiveTo &&
    effectiveTo < effectiveFrom
  ) {
    problems.push({
      path: ['effectiveTo'],
      code: 'INVALID_DATE',
      message: `Ngày hết hiệu lực (${formatDayVi(effectiveTo)}) không được trước ngày hiệu lực (${formatDayVi(effectiveFrom)}).`,
    });
  }
  if (
    touches('decisionDate', 'effectiveFrom') &&
    decisionDate &&
    effectiveFrom &&
    effectiveFrom < decisionDate
  ) {
    problems.push({
      path: ['effectiveFrom'],
      code: 'INVALID_DATE',
      message: `Ngày hiệu lực (${formatDayVi(effectiveFrom)}) không được trước ngày ban hành quyết định (${formatDayVi(decisionDate)}).`,
    });
  }
  if (
    touches('sameDayCutoff', 'timeLimits') &&
    record.sameDayCutoff !== null &&
    !record.timeLimits.some((l) => l.unit === 'WORKING_DAYS' && l.value === 1)
  ) {
    problems.push({
      path: ['sameDayCutoff'],
      code: 'INVALID_CUTOFF',
      message:
        'Giờ chốt trả trong ngày chỉ dùng cho thủ tục giải quyết trong ngày (thời hạn đúng 1 ngày làm việc); hãy bỏ giờ chốt hoặc sửa thời hạn.',
    });
  }
  return problems;
}
