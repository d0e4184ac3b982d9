// An uploaded catalogue file, as the import mutations take it: XLSX in base64, CSV and JSON as text
// (api/schema.graphql ProcedureImportInput). Pure: import-file.test.ts.
import type { ProcedureImportFormat } from '../graphql/generated/graphql';

/** The API refuses larger files (ProcedureImportInput); saying so before sending saves the upload. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

export const ACCEPTED_EXTENSIONS = '.xlsx,.csv,.json';

const BY_EXTENSION: Record<string, ProcedureImportFormat> = { xlsx: 'XLSX', csv: 'CSV', json: 'JSON' };
const BY_TYPE: Record<string, ProcedureImportFormat> = {
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'XLSX',
  'text/csv': 'CSV',
  'application/json': 'JSON',
};

/** The format by the file's extension, else by its declared type; null when it is none of the three. */
export function importFormatOf(fileName: string, type: string): ProcedureImportFormat | null {
  const extension = /\.([A-Za-z]+)$/.exec(fileName)?.[1]?.toLowerCase();
  if (extension && Object.hasOwn(BY_EXTENSION, extension)) return BY_EXTENSION[extension] ?? null;
  const base = type.split(';')[0]?.trim().toLowerCase() ?? '';
  return Object.hasOwn(BY_TYPE, base) ? (BY_TYPE[base] ?? null) : null;
}

/** Why the file cannot be sent, in Vietnamese; null when it can. */
export function checkImportFile(file: { name: string; size: number; type: string } | null): string | null {
  if (!file || file.size === 0) return 'Chọn tệp cần nhập (.xlsx, .csv hoặc .json).';
  if (file.size > MAX_IMPORT_BYTES) return 'Tệp lớn hơn 10 MB: hãy chia thành nhiều tệp nhỏ hơn.';
  if (!importFormatOf(file.name, file.type))
    return 'Chỉ nhận tệp Excel (.xlsx), CSV (.csv) hoặc JSON (.json).';
  return null;
}

/** The `content` of ProcedureImportInput: the workbook in base64, text files as UTF-8 text. */
export function importContent(bytes: Uint8Array, format: ProcedureImportFormat): string {
  if (format === 'XLSX') return Buffer.from(bytes).toString('base64');
  // A BOM (Excel's "CSV UTF-8") is not part of the first header.
  return new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
}

export const IMPORT_ACTION_LABELS = {
  CREATE: 'Thêm mới',
  UPDATE: 'Thay đổi',
  UNCHANGED: 'Không đổi',
  REJECTED: 'Bị từ chối',
} as const;
