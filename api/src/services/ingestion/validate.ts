// The checks of one dossier event's own fields, made before anything reaches the database. An event
// that fails one is refused alone, by its index; the others of the batch go on. Everything that
// could make PostgreSQL, the calendar or the day arithmetic throw inside the group transaction — and
// so fail every batch of the group — is refused here: NUL and other control characters (PostgreSQL
// text cannot hold U+0000), broken UTF-16 (stored as U+FFFD, so the resend would no longer be a
// duplicate), dates beyond what the working calendar walks (100 years) or a day number can write,
// sequences beyond a 32-bit integer. The national sync's events pass here too: the GraphQL edge
// checks of input strings are not relied upon.
import { ApplicantType, Channel, DossierStatus } from '@tthc/db';
import type { DerivedField } from '../../domain/event-admission.ts';
import { isServiceInstant } from '../../domain/time.ts';
import type { ErrorCode } from '../../errors.ts';
import type { DossierEventInput } from './types.ts';

/** Rejection of one event: a stable code, a message for the official reading it, the field at fault. */
export interface EventProblem {
  code: ErrorCode;
  message: string;
  field?: keyof DossierEventInput;
}

const DOSSIER_CODE = /^[A-Za-z0-9][A-Za-z0-9._\-/]{0,63}$/;
/** Catalogue codes are at most 22 characters today (1.001193.000.00.00.H56); room to spare. */
const MAX_CODE_LENGTH = 64;
const MAX_APOLOGY_REF_LENGTH = 100;
export const MAX_SEQUENCE = 1_000_000;
/** Clock skew tolerated between a one-stop system and us. */
const FUTURE_TOLERANCE_MS = 10 * 60_000;
/** A due date may correct an earlier one, but not by more than a year before the event. */
const DUE_DATE_PAST_LIMIT_MS = 366 * 86_400_000;

const CHANNELS: ReadonlySet<string> = new Set(Object.values(Channel));
const STATUSES: ReadonlySet<string> = new Set(Object.values(DossierStatus));
const APPLICANT_TYPES: ReadonlySet<string> = new Set(Object.values(ApplicantType));
const DERIVED_FIELDS: ReadonlySet<string> = new Set<DerivedField>(['occurredAt', 'dueAt']);

/**
 * Why a text is not fit to store: a C0 or C1 control character (U+0000–U+001F, U+007F–U+009F) or a
 * lone surrogate; null when it is fine.
 */
function unprintable(s: string): string | null {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) return 'ký tự điều khiển';
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      else return 'ký tự Unicode không hợp lệ';
    } else if (c >= 0xdc00 && c <= 0xdfff) return 'ký tự Unicode không hợp lệ';
  }
  return null;
}

/** The problem of a text field, or null. */
function textProblem(label: string, value: unknown, max: number): string | null {
  if (typeof value !== 'string') return `${label} phải là chuỗi ký tự.`;
  if (value.trim() === '') return `${label} không được để trống.`;
  if (value.length > max) return `${label} dài tối đa ${max} ký tự.`;
  const bad = unprintable(value);
  return bad ? `${label} chứa ${bad}.` : null;
}

/** Whether a value is a dossier code we store (also used to filter look-ups before they reach SQL). */
export function isDossierCode(value: unknown): value is string {
  return typeof value === 'string' && DOSSIER_CODE.test(value);
}

const isInstant = (d: unknown): d is Date => d instanceof Date && Number.isFinite(d.getTime());

/**
 * The first problem of an event's own fields (nothing looked up), or null. `now` bounds occurredAt:
 * an event cannot have happened later than now (with some clock skew).
 */
export function fieldProblem(input: DossierEventInput, now: number): EventProblem | null {
  if (typeof input !== 'object' || input === null) {
    return { code: 'BAD_USER_INPUT', message: 'Mỗi sự kiện phải là một đối tượng.' };
  }
  const dossierCode: unknown = input.dossierCode;
  if (!isDossierCode(dossierCode)) {
    // Echoed back only when it can be read: not a control character nor a page of text.
    const shown =
      typeof dossierCode === 'string' && dossierCode.length <= MAX_CODE_LENGTH && !unprintable(dossierCode)
        ? ` "${dossierCode}"`
        : '';
    return {
      code: 'INVALID_DOSSIER_CODE',
      message: `Mã hồ sơ${shown} không hợp lệ (1–64 ký tự chữ, số, . _ - /).`,
      field: 'dossierCode',
    };
  }
  const procedureProblem = textProblem('Mã thủ tục hành chính', input.procedureCode, MAX_CODE_LENGTH);
  if (procedureProblem) return { code: 'BAD_USER_INPUT', message: procedureProblem, field: 'procedureCode' };
  const agencyProblem = textProblem('Mã cơ quan, đơn vị', input.agencyCode, MAX_CODE_LENGTH);
  if (agencyProblem) return { code: 'BAD_USER_INPUT', message: agencyProblem, field: 'agencyCode' };
  if (!Number.isInteger(input.sequence) || input.sequence < 1 || input.sequence > MAX_SEQUENCE) {
    return {
      code: 'INVALID_SEQUENCE',
      message: `Số thứ tự sự kiện phải là số nguyên từ 1 đến ${MAX_SEQUENCE}.`,
      field: 'sequence',
    };
  }
  if (!CHANNELS.has(input.channel)) {
    return { code: 'BAD_USER_INPUT', message: 'Kênh tiếp nhận không hợp lệ.', field: 'channel' };
  }
  if (!STATUSES.has(input.status)) {
    return { code: 'BAD_USER_INPUT', message: 'Trạng thái hồ sơ không hợp lệ.', field: 'status' };
  }
  if (input.applicantType != null && !APPLICANT_TYPES.has(input.applicantType)) {
    return { code: 'BAD_USER_INPUT', message: 'Loại đối tượng không hợp lệ.', field: 'applicantType' };
  }
  if (!isInstant(input.occurredAt) || !isServiceInstant(input.occurredAt)) {
    return {
      code: 'INVALID_DATE',
      message: 'Thời điểm sự kiện phải nằm trong khoảng từ ngày 01/01/2000 đến ngày 31/12/2100.',
      field: 'occurredAt',
    };
  }
  if (input.occurredAt.getTime() > now + FUTURE_TOLERANCE_MS) {
    return {
      code: 'FUTURE_EVENT',
      message: `Thời điểm ${input.occurredAt.toISOString()} ở tương lai.`,
      field: 'occurredAt',
    };
  }
  if (input.dueAt != null) {
    if (!isInstant(input.dueAt) || !isServiceInstant(input.dueAt)) {
      return {
        code: 'INVALID_DUE_DATE',
        message: 'Ngày hẹn trả phải nằm trong khoảng từ ngày 01/01/2000 đến ngày 31/12/2100.',
        field: 'dueAt',
      };
    }
    if (input.dueAt.getTime() < input.occurredAt.getTime() - DUE_DATE_PAST_LIMIT_MS) {
      return {
        code: 'INVALID_DUE_DATE',
        message: 'Ngày hẹn trả sớm hơn thời điểm sự kiện quá một năm.',
        field: 'dueAt',
      };
    }
  }
  // An empty reference is no reference (some systems send "" for none).
  if (input.apologyRef != null && input.apologyRef !== '') {
    const apologyProblem = textProblem('Số phiếu xin lỗi', input.apologyRef, MAX_APOLOGY_REF_LENGTH);
    if (apologyProblem) return { code: 'BAD_USER_INPUT', message: apologyProblem, field: 'apologyRef' };
  }
  if (input.derived != null && !input.derived.every((f) => DERIVED_FIELDS.has(f))) {
    // Only the national mapping sets it; a bad value is a bug of the caller, refused like bad input.
    return { code: 'BAD_USER_INPUT', message: 'Danh sách trường suy ra không hợp lệ.', field: 'derived' };
  }
  return null;
}
