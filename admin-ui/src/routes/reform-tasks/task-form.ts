// The forms of /reform-tasks: entering or editing a task, and reporting progress. The values are
// read from FormData and checked here first, with the API's own limits (docs/api.md "Reform programme
// tasks"), so that an official sees every problem next to its field even before the API is asked;
// the API checks again and its userErrors land on the same fields. Pure: task-form.test.ts.
import type { FieldErrors } from '$lib/form-errors';
import type {
  CreateReformTaskInput,
  ReformTaskStatus,
  ReportReformTaskProgressInput,
} from '$lib/graphql/generated/graphql';

export const TASK_FIELDS = [
  'title',
  'agencyCode',
  'ownerAgencyCode',
  'deadline',
  'year',
  'document',
  'documentDate',
  'description',
] as const;
export const REPORT_FIELDS = [
  'status',
  'progressPercent',
  'completedOn',
  'note',
  'evidenceUrl',
  'evidenceRef',
] as const;

export const MAX_TITLE = 500;
export const MAX_DESCRIPTION = 5_000;
export const MAX_DOCUMENT = 200;
export const MAX_NOTE = 2_000;
export const MAX_URL = 2_000;
export const MAX_EVIDENCE_REF = 300;

export type TaskFormValues = Record<(typeof TASK_FIELDS)[number], string>;
export type ReportFormValues = Record<(typeof REPORT_FIELDS)[number], string>;

const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

export const taskFormValues = (form: FormData): TaskFormValues =>
  Object.fromEntries(TASK_FIELDS.map((name) => [name, text(form, name)])) as TaskFormValues;

export const reportFormValues = (form: FormData): ReportFormValues =>
  Object.fromEntries(REPORT_FIELDS.map((name) => [name, text(form, name)])) as ReportFormValues;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real day yyyy-mm-dd from 2000 to 2100 (what `<input type="date">` sends). */
export function isDay(value: string): boolean {
  const m = DAY.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    year >= 2000 &&
    year <= 2100 &&
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day
  );
}

/** An absolute http(s) address, as the API accepts for evidence. */
export function isWebAddress(value: string): boolean {
  try {
    const url = new URL(value);
    return (
      (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '' && !/\s/.test(value)
    );
  } catch {
    return false;
  }
}

const tooLong = (label: string, max: number) => `${label} dài tối đa ${max.toLocaleString('vi-VN')} ký tự.`;

/** The task form: the API's input, or the problems by field. */
export function parseTaskForm(values: TaskFormValues): {
  input: CreateReformTaskInput | null;
  errors: FieldErrors;
} {
  const errors: FieldErrors = {};
  if (!values.title) errors.title = 'Vui lòng nhập tên nhiệm vụ.';
  else if (values.title.length > MAX_TITLE) errors.title = tooLong('Tên nhiệm vụ', MAX_TITLE);
  if (!values.agencyCode) errors.agencyCode = 'Vui lòng chọn đơn vị chủ trì.';
  if (!values.deadline) errors.deadline = 'Vui lòng nhập thời hạn hoàn thành.';
  else if (!isDay(values.deadline))
    errors.deadline = 'Thời hạn hoàn thành không phải ngày hợp lệ (ngày/tháng/năm).';
  const year = Number(values.year);
  if (!/^\d{4}$/.test(values.year) || year < 2000 || year > 2100) {
    errors.year = 'Năm kế hoạch là số có 4 chữ số, từ 2000 đến 2100.';
  }
  if (values.document.length > MAX_DOCUMENT) errors.document = tooLong('Văn bản giao nhiệm vụ', MAX_DOCUMENT);
  if (values.documentDate && !isDay(values.documentDate)) {
    errors.documentDate = 'Ngày ban hành văn bản không phải ngày hợp lệ.';
  }
  if (values.description.length > MAX_DESCRIPTION)
    errors.description = tooLong('Nội dung, yêu cầu', MAX_DESCRIPTION);
  if (Object.keys(errors).length > 0) return { input: null, errors };
  return {
    input: {
      year,
      title: values.title,
      agencyCode: values.agencyCode,
      ownerAgencyCode: values.ownerAgencyCode || null,
      deadline: values.deadline,
      document: values.document || null,
      documentDate: values.documentDate || null,
      description: values.description || null,
    },
    errors,
  };
}

const REPORTABLE: readonly ReformTaskStatus[] = ['NOT_STARTED', 'IN_PROGRESS', 'DONE'];

/** The progress report form, for task `taskId`. */
export function parseReportForm(
  taskId: string,
  values: ReportFormValues,
): { input: ReportReformTaskProgressInput | null; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const status = values.status as ReformTaskStatus;
  if (values.status && !REPORTABLE.includes(status)) errors.status = 'Vui lòng chọn tình trạng thực hiện.';
  let progress: number | null = null;
  if (values.progressPercent) {
    progress = Number(values.progressPercent.replace('%', '').trim());
    if (!Number.isInteger(progress) || progress < 0 || progress > 100) {
      errors.progressPercent = 'Tiến độ là số nguyên từ 0 đến 100 (%).';
    } else if (status === 'DONE' && progress !== 100) {
      errors.progressPercent = 'Nhiệm vụ đã hoàn thành thì tiến độ là 100%.';
    }
  }
  if (values.completedOn && !isDay(values.completedOn))
    errors.completedOn = 'Ngày hoàn thành không phải ngày hợp lệ.';
  else if (values.completedOn && status !== 'DONE') {
    errors.completedOn = 'Chỉ ghi ngày hoàn thành khi báo cáo nhiệm vụ đã hoàn thành.';
  }
  if (values.note.length > MAX_NOTE) errors.note = tooLong('Nội dung báo cáo', MAX_NOTE);
  if (values.evidenceUrl && (values.evidenceUrl.length > MAX_URL || !isWebAddress(values.evidenceUrl))) {
    errors.evidenceUrl = 'Đường dẫn minh chứng phải là địa chỉ http:// hoặc https:// đầy đủ.';
  }
  if (values.evidenceRef.length > MAX_EVIDENCE_REF)
    errors.evidenceRef = tooLong('Văn bản, tệp minh chứng', MAX_EVIDENCE_REF);
  if (Object.keys(errors).length > 0) return { input: null, errors };
  return {
    input: {
      taskId,
      ...(values.status ? { status } : {}),
      ...(progress !== null ? { progressPercent: progress } : {}),
      ...(values.completedOn ? { completedOn: values.completedOn } : {}),
      note: values.note || null,
      evidenceUrl: values.evidenceUrl || null,
      evidenceRef: values.evidenceRef || null,
    },
    errors,
  };
}
