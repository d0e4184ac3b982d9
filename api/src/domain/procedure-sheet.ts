// The catalogue as a spreadsheet (XLSX or CSV; docs/api.md "Import and export"): one procedure per
// row, Vietnamese column headers, and one documented way to write a field that holds several values
// in one cell. Export writes with formatCell, import reads with readSheetRow, and the two are inverse:
// an exported file imported again changes nothing.
//
// Several values in a cell: one per line. An item with several parts separates them with " | " in the
// fixed order its column's help gives; inside a part, "\|" stands for "|", "\n" for a line break and
// "\\" for "\". In "Trình tự thực hiện", a line starting with "#" names a case ("# Trường hợp nộp trực
// tuyến") and the lines under it are its steps.
import type { TimeUnit } from './due-date.ts';
import {
  CHANNEL_LABELS,
  CHANNELS,
  type ChannelName,
  formatDayVi,
  IMPLEMENTING_LEVELS,
  type ImplementingLevelName,
  ONLINE_LEVELS,
  type OnlineLevelName,
  type ProcedureRecord,
  type ProcedureRecordInput,
  type RecordField,
  type RecordTimeLimit,
  UNIT_LABELS,
} from './procedure-record.ts';
import { toSearchText } from './search-text.ts';
import { isValidDay } from './time.ts';

export const LEVEL_LABELS: Record<ImplementingLevelName, string> = {
  MINISTRY: 'Cấp bộ',
  PROVINCE: 'Cấp tỉnh',
  DISTRICT: 'Cấp huyện',
  COMMUNE: 'Cấp xã',
};
export const ONLINE_LEVEL_LABELS: Record<OnlineLevelName, string> = {
  FULL: 'Toàn trình',
  PARTIAL: 'Một phần',
  INFO_ONLY: 'Cung cấp thông tin',
};
const SHORT_CHANNEL_LABELS: Record<ChannelName, string> = {
  IN_PERSON: 'trực tiếp',
  ONLINE: 'trực tuyến',
  POSTAL: 'bưu chính',
};

/** A column of the sheet: its header, the record field it fills, and how to write it (for the template). */
export interface SheetColumn {
  key: string;
  header: string;
  field: RecordField;
  /** For the limit columns: the channel, and whether the column holds the limit or its note. */
  channel?: ChannelName;
  part?: 'limit' | 'note';
  help: string;
  example: string;
  width: number;
}

const limitColumns = (channel: ChannelName): SheetColumn[] => [
  {
    key: `limit:${channel}`,
    header: `Thời hạn ${SHORT_CHANNEL_LABELS[channel]}`,
    field: 'timeLimits',
    channel,
    part: 'limit',
    help: `Thời hạn giải quyết khi nộp ${SHORT_CHANNEL_LABELS[channel]}: số và đơn vị (giờ làm việc, ngày làm việc, ngày, tháng). Để trống: không nhận hồ sơ theo hình thức này.`,
    example: '15 ngày làm việc',
    width: 18,
  },
  {
    key: `note:${channel}`,
    header: `Ghi chú thời hạn ${SHORT_CHANNEL_LABELS[channel]}`,
    field: 'timeLimits',
    channel,
    part: 'note',
    help: 'Ghi chú của thời hạn, như công bố.',
    example: 'Trường hợp cần xác minh thì không quá 05 ngày làm việc',
    width: 30,
  },
];

export const SHEET_COLUMNS: readonly SheetColumn[] = [
  {
    key: 'code',
    header: 'Mã thủ tục',
    field: 'code',
    help: 'Bắt buộc. Mã trên Cơ sở dữ liệu quốc gia về TTHC.',
    example: '1.001193',
    width: 12,
  },
  {
    key: 'variantCode',
    header: 'Mã biến thể',
    field: 'variantCode',
    help: 'Mã biến thể của địa phương, nếu có.',
    example: '1.001193.000.00.00.H56',
    width: 24,
  },
  {
    key: 'name',
    header: 'Tên thủ tục',
    field: 'name',
    help: 'Bắt buộc khi tạo mới.',
    example: 'Thủ tục đăng ký khai sinh',
    width: 50,
  },
  {
    key: 'sector',
    header: 'Lĩnh vực',
    field: 'sectorCode',
    help: 'Tên hoặc mã lĩnh vực đã có trong danh mục.',
    example: 'Hộ tịch',
    width: 20,
  },
  {
    key: 'levels',
    header: 'Cấp thực hiện',
    field: 'levels',
    help: 'Một hoặc nhiều cấp, cách nhau bằng dấu chấm phẩy: Cấp bộ; Cấp tỉnh; Cấp huyện; Cấp xã.',
    example: 'Cấp xã',
    width: 16,
  },
  {
    key: 'onlineLevel',
    header: 'Mức độ dịch vụ công trực tuyến',
    field: 'onlineLevel',
    help: 'Toàn trình, Một phần, hoặc Cung cấp thông tin.',
    example: 'Toàn trình',
    width: 18,
  },
  {
    key: 'eligibleForFullOnline',
    header: 'Đủ điều kiện trực tuyến toàn trình',
    field: 'eligibleForFullOnline',
    help: 'Có hoặc Không.',
    example: 'Có',
    width: 14,
  },
  {
    key: 'sameDayCutoff',
    header: 'Giờ chốt trả trong ngày',
    field: 'sameDayCutoff',
    help: 'Thủ tục giải quyết trong ngày (thời hạn 1 ngày làm việc): nhận sau giờ này (HH:MM) thì trả ngày làm việc tiếp theo. Để trống nếu không áp dụng.',
    example: '15:00',
    width: 12,
  },
  ...CHANNELS.flatMap(limitColumns),
  {
    key: 'fees',
    header: 'Phí, lệ phí',
    field: 'fees',
    help: 'Mỗi dòng một khoản: Tên | số tiền (đồng; để trống nếu do HĐND tỉnh quy định) | hình thức (trực tiếp, trực tuyến, bưu chính; để trống: mọi hình thức) | ghi chú.',
    example: 'Lệ phí đăng ký khai sinh | 0 | | Miễn lệ phí khi đăng ký đúng hạn',
    width: 40,
  },
  {
    key: 'steps',
    header: 'Trình tự thực hiện',
    field: 'steps',
    help: 'Mỗi dòng một bước. Dòng bắt đầu bằng # nêu một trường hợp; các dòng sau là các bước của trường hợp đó.',
    example: 'Bước 1: Nộp hồ sơ tại Bộ phận Một cửa\nBước 2: Nhận kết quả',
    width: 50,
  },
  {
    key: 'channelsText',
    header: 'Cách thức thực hiện',
    field: 'channelsText',
    help: 'Như công bố.',
    example: 'Trực tiếp; Trực tuyến; Dịch vụ bưu chính',
    width: 30,
  },
  {
    key: 'dossierComponents',
    header: 'Thành phần hồ sơ',
    field: 'dossierComponents',
    help: 'Mỗi dòng một giấy tờ: Tên | số bản chính | số bản sao | mẫu đơn, tờ khai.',
    example: 'Tờ khai đăng ký khai sinh | 1 | 0 | Mẫu tờ khai',
    width: 50,
  },
  {
    key: 'applicants',
    header: 'Đối tượng thực hiện',
    field: 'applicants',
    help: 'Mỗi dòng một đối tượng.',
    example: 'Công dân Việt Nam',
    width: 24,
  },
  {
    key: 'implementingText',
    header: 'Cơ quan thực hiện',
    field: 'implementingText',
    help: 'Như công bố.',
    example: 'Ủy ban nhân dân cấp xã',
    width: 30,
  },
  {
    key: 'agencyCodes',
    header: 'Mã đơn vị thực hiện',
    field: 'agencyCodes',
    help: 'Mã các đơn vị đang hoạt động thực hiện thủ tục, cách nhau bằng dấu chấm phẩy.',
    example: '22870; 22873',
    width: 24,
  },
  {
    key: 'results',
    header: 'Kết quả thực hiện',
    field: 'results',
    help: 'Mỗi dòng một kết quả.',
    example: 'Giấy khai sinh',
    width: 24,
  },
  {
    key: 'forms',
    header: 'Mẫu đơn, tờ khai',
    field: 'forms',
    help: 'Mỗi dòng một mẫu: Tên | địa chỉ tải về (http…).',
    example: 'Tờ khai đăng ký khai sinh | https://example.gov.vn/to-khai.docx',
    width: 40,
  },
  {
    key: 'conditions',
    header: 'Yêu cầu, điều kiện',
    field: 'conditions',
    help: 'Như công bố.',
    example: 'Không',
    width: 30,
  },
  {
    key: 'legalBasis',
    header: 'Căn cứ pháp lý',
    field: 'legalBasis',
    help: 'Mỗi dòng một văn bản: Số, ký hiệu | trích yếu.',
    example: '60/2014/QH13 | Luật Hộ tịch',
    width: 40,
  },
  {
    key: 'decisionNumber',
    header: 'Số quyết định công bố',
    field: 'decisionNumber',
    help: 'Số, ký hiệu quyết định công bố thủ tục.',
    example: '163/QĐ-BTP',
    width: 18,
  },
  {
    key: 'decisionDate',
    header: 'Ngày ban hành quyết định',
    field: 'decisionDate',
    help: 'dd/mm/yyyy.',
    example: '20/02/2025',
    width: 14,
  },
  {
    key: 'effectiveFrom',
    header: 'Ngày hiệu lực',
    field: 'effectiveFrom',
    help: 'dd/mm/yyyy. Khi sửa: thay đổi áp dụng cho hồ sơ tiếp nhận từ 00:00 ngày này (không trước hôm nay); để như cũ: áp dụng từ lúc nhập.',
    example: '01/03/2025',
    width: 14,
  },
  {
    key: 'effectiveTo',
    header: 'Ngày hết hiệu lực',
    field: 'effectiveTo',
    help: 'dd/mm/yyyy, nếu có.',
    example: '',
    width: 14,
  },
  {
    key: 'source',
    header: 'Nguồn',
    field: 'source',
    help: 'Nguồn của dữ liệu (đường dẫn, văn bản).',
    example: '',
    width: 30,
  },
];

// ─── Writing ────────────────────────────────────────────────────────────────────────────────────

const escapePart = (part: string) =>
  part.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '\\n');

/** An item of several parts; empty trailing parts are left out. */
function item(parts: readonly (string | number | null)[]): string {
  const texts = parts.map((p) => (p === null ? '' : escapePart(String(p))));
  while (texts.length > 1 && texts[texts.length - 1] === '') texts.pop();
  return texts.join(' | ');
}

/** 0,5 — the decimal comma, as Vietnamese is written. */
export const formatDecimal = (value: number) => String(value).replace('.', ',');
/** 1.234.000 */
export const formatAmount = (value: number) => String(value).replace(/\B(?=(\d{3})+(?!\d))/g, '.');

export const formatLimit = (limit: { value: number; unit: TimeUnit }) =>
  `${formatDecimal(limit.value)} ${UNIT_LABELS[limit.unit]}`;

/** The text of one field's value, as a cell holds it (and as a list of changes shows it). */
export function formatValue(field: RecordField, value: unknown): string {
  if (value === null || value === undefined) return '';
  switch (field) {
    case 'levels':
      return (value as ImplementingLevelName[]).map((l) => LEVEL_LABELS[l]).join('; ');
    case 'onlineLevel':
      return ONLINE_LEVEL_LABELS[value as OnlineLevelName];
    case 'eligibleForFullOnline':
      return value ? 'Có' : 'Không';
    case 'timeLimits':
      return (value as RecordTimeLimit[])
        .map((l) => `${CHANNEL_LABELS[l.channel]}: ${formatLimit(l)}${l.note ? ` (${l.note})` : ''}`)
        .join('\n');
    case 'fees':
      return (value as ProcedureRecord['fees'])
        .map((f) =>
          item([
            f.name,
            f.amountVnd === null ? null : formatAmount(f.amountVnd),
            f.channel ? SHORT_CHANNEL_LABELS[f.channel] : null,
            f.note,
          ]),
        )
        .join('\n');
    case 'steps':
      return (value as ProcedureRecord['steps'])
        .flatMap((g) => [
          ...(g.case === null ? [] : [`# ${escapePart(g.case)}`]),
          // A step that starts with "#" would read as a case: "\#" keeps it a step.
          ...g.steps.map((s) => (s.startsWith('#') ? `\\${item([s])}` : item([s]))),
        ])
        .join('\n');
    case 'dossierComponents':
      return (value as ProcedureRecord['dossierComponents'])
        .map((c) => item([c.name, c.originals, c.copies, c.form]))
        .join('\n');
    case 'applicants':
    case 'results':
      return (value as string[]).map((s) => item([s])).join('\n');
    case 'agencyCodes':
      return (value as string[]).join('; ');
    case 'forms':
      return (value as ProcedureRecord['forms']).map((f) => item([f.name, f.url])).join('\n');
    case 'legalBasis':
      return (value as ProcedureRecord['legalBasis']).map((l) => item([l.number, l.title])).join('\n');
    case 'decisionDate':
    case 'effectiveFrom':
    case 'effectiveTo':
      return formatDayVi(value as string);
    default:
      return String(value);
  }
}

/** The cell of `column` for a record; `sectorName` gives the name the sheet shows for a sector code. */
export function formatCell(
  column: SheetColumn,
  record: ProcedureRecord,
  sectorName: (code: string) => string,
): string {
  if (column.key === 'sector') return sectorName(record.sectorCode);
  if (column.channel) {
    const limit = record.timeLimits.find((l) => l.channel === column.channel);
    if (!limit) return '';
    return column.part === 'limit' ? formatLimit(limit) : (limit.note ?? '');
  }
  return formatValue(column.field, record[column.field]);
}

// ─── Reading ────────────────────────────────────────────────────────────────────────────────────

export interface CellProblem {
  column: string;
  path: (string | number)[];
  code: 'BAD_USER_INPUT' | 'INVALID_TIME_LIMIT' | 'INVALID_DATE' | 'UNKNOWN_SECTOR';
  message: string;
}

/** The columns of a header row: which sheet column each position holds (null: not ours). */
export function matchHeader(header: readonly string[]): {
  columns: (SheetColumn | null)[];
  ignored: string[];
} {
  const byKey = new Map(SHEET_COLUMNS.map((c) => [toSearchText(c.header), c]));
  const taken = new Set<string>();
  const ignored: string[] = [];
  const columns = header.map((h) => {
    const column = byKey.get(toSearchText(h ?? ''));
    if (!column || taken.has(column.key)) {
      if ((h ?? '').trim() !== '') ignored.push(h.trim());
      return null;
    }
    taken.add(column.key);
    return column;
  });
  return { columns, ignored };
}

/** Splits a multi-valued cell into items, and each item into its parts (unescaped). */
export function splitItems(cell: string): string[][] {
  return cell
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const parts: string[] = [];
      let current = '';
      for (let i = 0; i < line.length; i++) {
        const c = line[i]!;
        if (c === '\\' && i + 1 < line.length) {
          const next = line[i + 1]!;
          current += next === 'n' ? '\n' : next;
          i++;
        } else if (c === '|') {
          parts.push(current.trim());
          current = '';
        } else current += c;
      }
      parts.push(current.trim());
      return parts;
    });
}

const part = (parts: readonly string[], i: number): string | null => {
  const p = parts[i]?.trim() ?? '';
  return p === '' ? null : p;
};

const byLabel = <T extends string>(labels: Record<T, string>, extra: Record<string, T> = {}) => {
  const map = new Map<string, T>();
  for (const [value, label] of Object.entries(labels) as [T, string][]) {
    map.set(toSearchText(label), value);
    map.set(toSearchText(value), value);
  }
  for (const [k, v] of Object.entries(extra)) map.set(toSearchText(k), v);
  return (text: string): T | undefined => map.get(toSearchText(text));
};

const levelOf = byLabel(LEVEL_LABELS, { tỉnh: 'PROVINCE', xã: 'COMMUNE', huyện: 'DISTRICT', bộ: 'MINISTRY' });
const onlineLevelOf = byLabel(ONLINE_LEVEL_LABELS, {
  'Toàn trình': 'FULL',
  'Một phần': 'PARTIAL',
  'Chỉ cung cấp thông tin': 'INFO_ONLY',
});
const channelOf = byLabel(SHORT_CHANNEL_LABELS, {
  'Trực tiếp': 'IN_PERSON',
  'Trực tuyến': 'ONLINE',
  'Dịch vụ bưu chính': 'POSTAL',
});
const UNIT_BY_TEXT: Record<string, TimeUnit> = {
  'gio lam viec': 'HOURS',
  gio: 'HOURS',
  hours: 'HOURS',
  'ngay lam viec': 'WORKING_DAYS',
  'working days': 'WORKING_DAYS',
  ngay: 'DAYS',
  days: 'DAYS',
  thang: 'MONTHS',
  months: 'MONTHS',
};

/** "15 ngày làm việc", "0,5 ngày làm việc", "4 giờ làm việc": a limit, or why not. */
export function parseLimit(text: string): { value: number; unit: TimeUnit } | string {
  const match = /^(\d+(?:[.,]\d+)?)\s*(.+)$/.exec(text.trim());
  const unit = match ? UNIT_BY_TEXT[toSearchText(match[2]!)] : undefined;
  if (!match || !unit) {
    return `"${text.slice(0, 40)}" không đọc được: cần số và đơn vị, ví dụ "15 ngày làm việc", "4 giờ làm việc", "30 ngày", "3 tháng".`;
  }
  return { value: Number(match[1]!.replace(',', '.')), unit };
}

/** "8.000", "8.000 đồng", "8000đ": whole đồng, or why not. */
export function parseAmount(text: string): number | string {
  const digits = text.trim().replace(/\s*(đồng|đ|vnđ|vnd)$/i, '');
  if (!/^\d{1,3}([.,\s]?\d{3})*$/.test(digits))
    return `Số tiền "${text.slice(0, 40)}" không đọc được: ghi số đồng, ví dụ 8.000.`;
  return Number(digits.replace(/[.,\s]/g, ''));
}

/** dd/mm/yyyy (d/m/yyyy) or yyyy-mm-dd, to a day; or why not. */
export function parseDay(text: string): string | { problem: string } {
  const t = text.trim();
  const vi = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  const day = vi ? `${vi[3]}-${vi[2]!.padStart(2, '0')}-${vi[1]!.padStart(2, '0')}` : t;
  if (!isValidDay(day))
    return { problem: `Ngày "${t.slice(0, 20)}" không hợp lệ: ghi dạng dd/mm/yyyy, ví dụ 01/03/2026.` };
  return day;
}

const YES = new Set(['co', 'x', 'true', '1', 'yes', 'dung']);
const NO = new Set(['khong', '', 'false', '0', 'no', 'sai']);

/** The limits of a row: the row's limit and note cells over the stored limits (absent columns keep them). */
export interface LimitCells {
  limit?: string;
  note?: string;
}

/**
 * Reads one row (cells by column key; an absent key is a column the sheet does not have, left
 * unchanged). `stored` is the procedure's record when it exists, for the limit columns a sheet may
 * hold only some of. Problems of a cell name its column; what the cell holds is then checked again,
 * with the other inputs, by checkRecordInput.
 */
export function readSheetRow(
  cells: ReadonlyMap<string, string>,
  lookups: { sectorCodeOf(codeOrName: string): string | null },
  stored: ProcedureRecord | null,
): { input: ProcedureRecordInput; problems: CellProblem[] } {
  const input: ProcedureRecordInput = {};
  const problems: CellProblem[] = [];
  const columnOf = new Map(SHEET_COLUMNS.map((c) => [c.key, c]));
  const refuse = (key: string, path: (string | number)[], code: CellProblem['code'], message: string) =>
    problems.push({
      column: columnOf.get(key)!.header,
      path,
      code,
      message: `${columnOf.get(key)!.header}: ${message}`,
    });
  const has = (key: string) => cells.has(key);
  const cell = (key: string) => cells.get(key)?.trim() ?? '';

  for (const key of [
    'code',
    'variantCode',
    'name',
    'channelsText',
    'implementingText',
    'conditions',
    'decisionNumber',
    'source',
  ] as const) {
    if (has(key)) input[key] = cell(key) === '' ? null : cells.get(key)!;
  }
  if (has('sector')) {
    const text = cell('sector');
    const code = text === '' ? null : lookups.sectorCodeOf(text);
    if (text !== '' && code === null) {
      refuse(
        'sector',
        ['sectorCode'],
        'UNKNOWN_SECTOR',
        `"${text.slice(0, 60)}" chưa có trong danh mục lĩnh vực.`,
      );
    } else input.sectorCode = code;
  }
  if (has('levels')) {
    const levels: string[] = [];
    for (const text of cell('levels')
      .split(/[;,\n]/)
      .map((s) => s.trim())
      .filter(Boolean)) {
      const level = levelOf(text);
      if (!level)
        refuse(
          'levels',
          ['levels'],
          'BAD_USER_INPUT',
          `"${text.slice(0, 40)}" không phải cấp thực hiện (${IMPLEMENTING_LEVELS.map((l) => LEVEL_LABELS[l]).join(', ')}).`,
        );
      else levels.push(level);
    }
    input.levels = levels;
  }
  if (has('onlineLevel')) {
    const text = cell('onlineLevel');
    const level = text === '' ? null : onlineLevelOf(text);
    if (level === undefined) {
      refuse(
        'onlineLevel',
        ['onlineLevel'],
        'BAD_USER_INPUT',
        `"${text.slice(0, 40)}" không phải mức độ (${ONLINE_LEVELS.map((l) => ONLINE_LEVEL_LABELS[l]).join(', ')}).`,
      );
    } else input.onlineLevel = level;
  }
  if (has('eligibleForFullOnline')) {
    const key = toSearchText(cell('eligibleForFullOnline'));
    if (YES.has(key)) input.eligibleForFullOnline = true;
    else if (NO.has(key)) input.eligibleForFullOnline = false;
    else
      refuse('eligibleForFullOnline', ['eligibleForFullOnline'], 'BAD_USER_INPUT', 'ghi "Có" hoặc "Không".');
  }
  if (has('sameDayCutoff')) input.sameDayCutoff = cell('sameDayCutoff');
  readLimits(cells, stored, input, refuse);
  if (has('fees')) {
    input.fees = splitItems(cell('fees')).map((parts, i) => {
      const amountText = part(parts, 1);
      const amount = amountText === null ? null : parseAmount(amountText);
      if (typeof amount === 'string')
        refuse('fees', ['fees', i, 'amountVnd'], 'BAD_USER_INPUT', `dòng ${i + 1}: ${amount}`);
      const channelText = part(parts, 2);
      const channel = channelText === null ? null : (channelOf(channelText) ?? channelText);
      return {
        name: parts[0] ?? '',
        amountVnd: typeof amount === 'number' ? amount : null,
        channel,
        note: part(parts, 3),
      };
    });
  }
  if (has('steps')) input.steps = readSteps(cell('steps'));
  if (has('dossierComponents')) {
    input.dossierComponents = splitItems(cell('dossierComponents')).map((parts, i) => {
      const count = (j: number, label: string) => {
        const text = part(parts, j);
        if (text === null) return null;
        if (!/^\d{1,3}$/.test(text)) {
          refuse(
            'dossierComponents',
            ['dossierComponents', i, j === 1 ? 'originals' : 'copies'],
            'BAD_USER_INPUT',
            `dòng ${i + 1}: ${label} "${text.slice(0, 20)}" phải là số nguyên.`,
          );
          return null;
        }
        return Number(text);
      };
      return {
        name: parts[0] ?? '',
        originals: count(1, 'số bản chính'),
        copies: count(2, 'số bản sao'),
        form: part(parts, 3),
      };
    });
  }
  for (const key of ['applicants', 'results'] as const) {
    if (has(key)) input[key] = splitItems(cell(key)).map((parts) => parts.join(' | '));
  }
  if (has('agencyCodes'))
    input.agencyCodes = cell('agencyCodes')
      .split(/[;,\n]/)
      .map((s) => s.trim())
      .filter(Boolean);
  if (has('forms'))
    input.forms = splitItems(cell('forms')).map((parts) => ({ name: parts[0] ?? '', url: part(parts, 1) }));
  if (has('legalBasis')) {
    input.legalBasis = splitItems(cell('legalBasis')).map((parts) =>
      parts.length === 1
        ? { number: null, title: parts[0] ?? '' }
        : { number: part(parts, 0), title: parts.slice(1).join(' | ') },
    );
  }
  for (const key of ['decisionDate', 'effectiveFrom', 'effectiveTo'] as const) {
    if (!has(key)) continue;
    const text = cell(key);
    if (text === '') {
      input[key] = null;
      continue;
    }
    const day = parseDay(text);
    if (typeof day === 'string') input[key] = day;
    else refuse(key, [key], 'INVALID_DATE', day.problem);
  }
  return { input, problems };
}

function readSteps(text: string): { case: string | null; steps: string[] }[] {
  const groups: { case: string | null; steps: string[] }[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '') continue;
    if (line.trimStart().startsWith('#')) {
      groups.push({ case: splitItems(line.trimStart().slice(1))[0]?.join(' | ') ?? '', steps: [] });
      continue;
    }
    if (groups.length === 0) groups.push({ case: null, steps: [] });
    groups[groups.length - 1]!.steps.push(splitItems(line)[0]!.join(' | '));
  }
  return groups;
}

function readLimits(
  cells: ReadonlyMap<string, string>,
  stored: ProcedureRecord | null,
  input: ProcedureRecordInput,
  refuse: (key: string, path: (string | number)[], code: CellProblem['code'], message: string) => void,
): void {
  const present = CHANNELS.filter((c) => cells.has(`limit:${c}`) || cells.has(`note:${c}`));
  if (present.length === 0) return;
  const limits: NonNullable<ProcedureRecordInput['timeLimits']>[number][] = [];
  for (const channel of CHANNELS) {
    const kept = stored?.timeLimits.find((l) => l.channel === channel);
    const limitText = cells.has(`limit:${channel}`) ? cells.get(`limit:${channel}`)!.trim() : undefined;
    const noteText = cells.has(`note:${channel}`) ? cells.get(`note:${channel}`)!.trim() : undefined;
    let limit: { value: number; unit: TimeUnit } | null = kept
      ? { value: kept.value, unit: kept.unit }
      : null;
    if (limitText !== undefined) {
      const parsed = limitText === '' ? null : parseLimit(limitText);
      if (typeof parsed === 'string') {
        refuse(`limit:${channel}`, ['timeLimits'], 'INVALID_TIME_LIMIT', parsed);
        continue;
      }
      limit = parsed;
    }
    const note = noteText === undefined ? (kept?.note ?? null) : noteText === '' ? null : noteText;
    if (!limit) {
      if (noteText)
        refuse(
          `note:${channel}`,
          ['timeLimits'],
          'INVALID_TIME_LIMIT',
          'có ghi chú nhưng không có thời hạn.',
        );
      continue;
    }
    limits.push({ channel, ...limit, note });
  }
  input.timeLimits = limits;
}

/** The sheet column a record path refers to (for messages of checkRecordInput on a spreadsheet row). */
export function columnOfPath(path: readonly (string | number)[], input: ProcedureRecordInput): string | null {
  const field = path[0];
  if (field === 'timeLimits' && typeof path[1] === 'number') {
    const channel = input.timeLimits?.[path[1]]?.channel as ChannelName | undefined;
    const column = SHEET_COLUMNS.find(
      (c) => c.channel === channel && c.part === (path[2] === 'note' ? 'note' : 'limit'),
    );
    return column?.header ?? null;
  }
  return (
    SHEET_COLUMNS.find((c) => c.field === field && !c.channel)?.header ??
    SHEET_COLUMNS.find((c) => c.field === field)?.header ??
    null
  );
}
