// One item of the national portal's dossier sync (`DongBoHoSoMC`, docs/domain.md §6) → dossier events.
//
// An item is a SNAPSHOT of a dossier ("as it is now"), not an event. One-stop systems send the same
// dossier again every time something changes, and sometimes again when nothing did. Ingestion is
// idempotent on (dossierCode, sequence) and folds a dossier's events by sequence (domain/dossier-state.ts),
// so the mapping gives every event it can derive from a snapshot a sequence number that depends only
// on WHAT the event is, never on how many other events the snapshot happens to contain:
//
//   seq          status                when (occurredAt)          dueAt / notes
//   1            SUBMITTED             NgayNopHoSo                only when NgayNopHoSo is given
//   2            RECEIVED              NgayTiepNhan               the ORIGINAL due date (below)
//   3            PROCESSING            NgayTiepNhan               statuses 4–10 with a reception: processing
//                                                                  starts at reception (status 4 carries no
//                                                                  date of its own; see "Undated statuses")
//   100 + 2i     SUPPLEMENT_REQUESTED  supplement i NgayBoSung
//   101 + 2i     PROCESSING            supplement i NgayTiepNhanBoSung   NgayHenTraMoi (when given)
//   1000 + d     PROCESSING            see "Undated statuses"     NgayHenTra: a due date moved by an apology
//                                                                  (d = calendar days from the reception day
//                                                                  to the NgayHenTra day)
//   9000         AWAITING_PAYMENT      see "Undated statuses"     status 6 only
//   9001         REFUSED               NgayTuChoi                 status 3
//   9002         WITHDRAWN             NgayKetThucXuLy, else NgayTra      status 7
//   9003         STOPPED               NgayKetThucXuLy, else NgayTra      status 8
//   9004         RESOLVED              NgayKetThucXuLy            status 9; status 10 when given
//   9005         RETURNED              NgayTra                    status 10
//
// Why these numbers:
// - Sequence order is fold order, so the blocks follow the life of a dossier: submission, reception,
//   supplements, apology, payment, end. Gaps leave room: a later snapshot with one more supplement
//   adds 100 + 2n and 101 + 2n and nothing else; the same snapshot sent again adds nothing.
// - Supplement i is the i-th supplement request by NgayBoSung (ties keep the payload's order), counted
//   over the whole DanhSachHoSoBoSung list, so the numbering does not change when the list grows at
//   the end, nor when the sender reorders it. At most MAX_SUPPLEMENTS per dossier (far more than any
//   real dossier: a second request already makes a dossier late).
// - Each end has its own number, so a corrected status (stopped → resolved) is a new event and shows
//   in the history instead of being dropped as a duplicate.
// - The apology's number grows with the new due day, so a second apology (a later NgayHenTra) is a
//   new, later event; the same NgayHenTra sent again is a duplicate. Two apologies to the same day at
//   different hours collapse into the first one (a documented loss; the day is what timeliness uses).
//
// The original due date (RECEIVED's dueAt). NgayHenTra is the due date IN FORCE: after a supplement
// it is the moved date, after an apology the promised one. The original is, in this order:
//   the first supplement's NgayHenTraTruoc (the date in force before the first pause); else the initial
//   due date we already hold for this dossier (context.recordedInitialDueAt, looked up by the handler;
//   a RECEIVED already stored is never replaced anyway); else NgayHenTra when there is no supplement;
//   else none — then ingestion computes it from the procedure's time limit. A dossier synced for the
//   first time after an apology and without supplements cannot be told apart from one that was
//   always due on NgayHenTra: the payload does not carry the earlier date.
//
// Apology inference. The fold turns a due date supplied on a later event into an APOLOGY when it is
// later than the date in force (domain/dossier-state.ts rule 6). We supply one (seq 1000 + d) only
// when the NgayHenTra DAY is after the day the dossier should be due without an apology — the last
// answered supplement's NgayHenTraMoi, else the original due date — and only when no supplement is
// pending (a PROCESSING event would be read as the answer) and the dates needed are present. A
// NgayHenTra that is earlier or on the same day is taken as a sender that did not update it: nothing
// is inferred (never a CORRECTION that would make a dossier late). The payload has no apology
// reference, so apologyRef stays null; the due-date history still records the APOLOGY.
//
// Undated statuses. The payload dates reception, supplements and the ends, but not "in process" (4),
// "awaiting payment" (6) nor an apology. No time is invented: such events are recorded at the latest
// dated moment of the snapshot that precedes them — the reception, or the last supplement request or
// answer — i.e. the earliest instant at which they can have happened. This keeps occurredAt in the
// same order as the sequence. None of them moves the clock (docs/domain.md §3.4: processing and payment both
// "running"; an apology never changes timeliness), so no statistic depends on that choice. Known
// limit: a dossier that goes 6 → 4 (paid) keeps the status AWAITING_PAYMENT until its end, because a
// status-4 snapshot cannot say whether a payment happened before.
//
// Resending. Ingestion compares an event with the one recorded under the same sequence and refuses
// other content as IDEMPOTENCY_CONFLICT (domain/event-admission.ts rule 1). What the mapping infers
// rather than reads is marked `derived` and not compared, since a later snapshot may infer it
// differently while saying nothing new: the RECEIVED's due date (the original is reconstructed, see
// above; the one recorded first stands), and the instants of the undated events (PROCESSING from
// reception, the apology — whose due date is also derived, the day being in its sequence — and
// AWAITING_PAYMENT). A changed NgayTiepNhan, end date, supplement date or NgayHenTraMoi is a
// conflict: the dossier's recorded history is never rewritten by a snapshot.
//
// Reading the statuses (docs/domain.md §3.4):
// - 1: NgayNopHoSo required; a NgayTiepNhan contradicts it (INCONSISTENT).
// - 3 (refused at reception, the clock never started): NgayTuChoi required; NgayTiepNhan is ignored.
// - 5 and 7 may come without NgayTiepNhan (a supplement asked for, or a withdrawal, before reception:
//   the clock never started); NgayNopHoSo is then required. Every other status needs NgayTiepNhan.
// - Supplement requests made before the reception (online dossiers checked before they are received)
//   do not pause a clock that has not started and are not "supplement requests" in the sense of §3
//   (where a second one makes the dossier late): they produce no event.
// - 5 needs a pending (unanswered) supplement after the reception; 2, 4 and 6 must not have one.
// - Terminal dates are read only for the statuses that end with them (NgayKetThucXuLy of a status-4
//   dossier, NgayTra of a status-9 one, NgayTuChoi of anything but 3 are ignored).
//
// Personal data (docs/domain.md §6): only codes, the channel, the applicant TYPE, the status and dates are
// read. ChuHoSo, SoGiayToChuHoSo, DinhDanhCHS, Email, SoDienThoai, Fax, TrichYeuHoSo, ThongTinKhac,
// NoiNopHoSo, the people in DanhSachHoSoBoSung, attachments and fees are never copied into an event
// (nor into an error message). TenTTHC, MaLinhVuc and TenLinhVuc are ignored: the catalogue is ours.
// DuocThanhToanTrucTuyen and DanhSachLePhi are not events and are ignored.
//
// Values may come as strings or numbers ("2" or 2), as real senders do; "" and null mean absent.
//
// The date checks below that compare the reception, the ends and the submission are the chronology
// rule of domain/event-admission.ts (rule 2) applied to the snapshot's own fields, so that the message
// can name them; ingestion applies the rule again against the events already recorded.

import { DOSSIER_STATUSES } from '../../domain/dossier-state.ts';
import type { DerivedField } from '../../domain/event-admission.ts';
import { epochDayOf, parseNationalDateTime } from '../../domain/time.ts';
import type { DossierEventInput } from '../ingestion/ingest.ts';

export type MappingErrorCode =
  | 'MISSING_FIELD'
  | 'INVALID_FIELD'
  | 'INVALID_DATE'
  | 'INVALID_CHANNEL'
  | 'INVALID_STATUS'
  | 'INCONSISTENT';

export interface MappingError {
  code: MappingErrorCode;
  message: string;
}

export type MappingResult = { events: DossierEventInput[] } | { error: MappingError };

export interface MappingContext {
  /** The initial due date already recorded for this dossier (Dossier.initialDueAt), if any. */
  recordedInitialDueAt?: Date | null;
}

/** The sequence numbers of the table above. */
export const SEQUENCE = Object.freeze({
  SUBMITTED: 1,
  RECEIVED: 2,
  PROCESSING_STARTED: 3,
  /** Request of supplement i: SUPPLEMENT_FIRST + 2i; its answer: SUPPLEMENT_FIRST + 2i + 1. */
  SUPPLEMENT_FIRST: 100,
  /** Apology moving the due date d days after the reception day: APOLOGY_FIRST + d. */
  APOLOGY_FIRST: 1000,
  AWAITING_PAYMENT: 9000,
  REFUSED: 9001,
  WITHDRAWN: 9002,
  STOPPED: 9003,
  RESOLVED: 9004,
  RETURNED: 9005,
});

export const MAX_SUPPLEMENTS = 400;
/** Apology blocks end before AWAITING_PAYMENT: a due date at most this many days after reception. */
export const MAX_APOLOGY_DAYS = SEQUENCE.AWAITING_PAYMENT - SEQUENCE.APOLOGY_FIRST - 1;

type Status = DossierEventInput['status'];
type Channel = DossierEventInput['channel'];
type ApplicantType = NonNullable<DossierEventInput['applicantType']>;

/** TrangThaiHoSo 1..10, docs/domain.md §3.4. */
const STATUSES: readonly Status[] = DOSSIER_STATUSES;
/** KenhThucHien 1..3. */
const CHANNELS: readonly Channel[] = ['IN_PERSON', 'ONLINE', 'POSTAL'];
/** LoaiDoiTuong 1..4. */
const APPLICANT_TYPES: readonly ApplicantType[] = [
  'CITIZEN',
  'BUSINESS',
  'STATE_AGENCY',
  'OTHER_ORGANISATION',
];

/** Statuses that may come without a reception (see the header). */
const RECEPTION_OPTIONAL: ReadonlySet<Status> = new Set(['SUPPLEMENT_REQUESTED', 'WITHDRAWN']);
/** Statuses with the clock running: no supplement may be pending. */
const CLOCK_RUNNING: ReadonlySet<Status> = new Set(['RECEIVED', 'PROCESSING', 'AWAITING_PAYMENT']);

class MappingFailure extends Error {
  constructor(
    readonly code: MappingErrorCode,
    message: string,
  ) {
    super(message);
  }
}

const fail = (code: MappingErrorCode, message: string): never => {
  throw new MappingFailure(code, message);
};
const inconsistent = (message: string): never => fail('INCONSISTENT', `Dữ liệu không nhất quán: ${message}`);

type Item = Record<string, unknown>;

function isRecord(v: unknown): v is Item {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A scalar field as trimmed text; null when absent, null or "". */
function text(item: Item, field: string, label = field): string | null {
  const v = item[field];
  if (v === undefined || v === null) return null;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v !== 'string') return fail('INVALID_FIELD', `Trường ${label} phải là chuỗi ký tự.`);
  const s = v.trim();
  return s === '' ? null : s;
}

function requiredText(item: Item, field: string): string {
  return text(item, field) ?? fail('MISSING_FIELD', `Thiếu trường bắt buộc ${field}.`);
}

/** A `yyyyMMddHHmmss` date (Asia/Ho_Chi_Minh); null when absent. The bad value is not echoed back. */
function date(item: Item, field: string, label = field): Date | null {
  const s = text(item, field, label);
  if (s === null) return null;
  try {
    return parseNationalDateTime(s);
  } catch {
    return fail('INVALID_DATE', `Trường ${label} không đúng định dạng ngày giờ yyyyMMddHHmmss.`);
  }
}

/** A small code 1..n (string or number) → the n-th value. */
function coded<T>(item: Item, field: string, values: readonly T[]): T | null | 'invalid' {
  const s = text(item, field);
  if (s === null) return null;
  if (!/^\d{1,2}$/.test(s)) return 'invalid';
  return values[Number(s) - 1] ?? 'invalid';
}

interface Supplement {
  /** Position in DanhSachHoSoBoSung, for messages. */
  position: number;
  requestedAt: Date;
  answeredAt: Date | null;
  dueBefore: Date | null;
  dueAfter: Date | null;
}

function supplementsOf(item: Item): Supplement[] {
  const list = item.DanhSachHoSoBoSung;
  if (list === undefined || list === null || list === '') return [];
  if (!Array.isArray(list)) return fail('INVALID_FIELD', 'Trường DanhSachHoSoBoSung phải là một danh sách.');
  if (list.length > MAX_SUPPLEMENTS) {
    return fail('INVALID_FIELD', `DanhSachHoSoBoSung có quá ${MAX_SUPPLEMENTS} lần bổ sung.`);
  }
  const supplements = list.map((entry, position): Supplement => {
    const at = `DanhSachHoSoBoSung[${position}]`;
    if (!isRecord(entry)) return fail('INVALID_FIELD', `${at} phải là một đối tượng.`);
    const requestedAt =
      date(entry, 'NgayBoSung', `${at}.NgayBoSung`) ??
      fail('MISSING_FIELD', `Thiếu trường bắt buộc ${at}.NgayBoSung.`);
    const answeredAt = date(entry, 'NgayTiepNhanBoSung', `${at}.NgayTiepNhanBoSung`);
    if (answeredAt && answeredAt < requestedAt) {
      inconsistent(`${at}: ngày tiếp nhận bổ sung trước ngày yêu cầu bổ sung.`);
    }
    return {
      position,
      requestedAt,
      answeredAt,
      dueBefore: date(entry, 'NgayHenTraTruoc', `${at}.NgayHenTraTruoc`),
      dueAfter: date(entry, 'NgayHenTraMoi', `${at}.NgayHenTraMoi`),
    };
  });
  // By request time; Array.prototype.sort is stable, so ties keep the payload's order.
  return supplements.sort((a, b) => a.requestedAt.getTime() - b.requestedAt.getTime());
}

const before = (a: Date, b: Date) => a.getTime() < b.getTime();
const latest = (dates: Date[]): Date => dates.reduce((a, b) => (before(a, b) ? b : a));

function build(item: unknown, context: MappingContext): DossierEventInput[] {
  if (!isRecord(item)) return fail('INVALID_FIELD', 'Mỗi phần tử phải là một đối tượng hồ sơ DongBoHoSoMC.');

  const dossierCode = requiredText(item, 'MaHoSo');
  const procedureCode = requiredText(item, 'MaTTHC');
  const agencyCode = requiredText(item, 'DonViXuLy');
  const channel = coded(item, 'KenhThucHien', CHANNELS);
  if (channel === null) fail('MISSING_FIELD', 'Thiếu trường bắt buộc KenhThucHien.');
  if (channel === 'invalid') {
    fail(
      'INVALID_CHANNEL',
      'KenhThucHien phải là 1 (trực tiếp), 2 (trực tuyến) hoặc 3 (bưu chính công ích).',
    );
  }
  const status = coded(item, 'TrangThaiHoSo', STATUSES);
  if (status === null) fail('MISSING_FIELD', 'Thiếu trường bắt buộc TrangThaiHoSo.');
  if (status === 'invalid') fail('INVALID_STATUS', 'TrangThaiHoSo phải là một số từ 1 đến 10.');
  const applicantType = coded(item, 'LoaiDoiTuong', APPLICANT_TYPES);
  if (applicantType === 'invalid') fail('INVALID_FIELD', 'LoaiDoiTuong phải là một số từ 1 đến 4.');

  const submittedAt = date(item, 'NgayNopHoSo');
  const statedReceivedAt = date(item, 'NgayTiepNhan');
  const dueInForce = date(item, 'NgayHenTra');
  const processingEndedAt = date(item, 'NgayKetThucXuLy');
  const returnedAt = date(item, 'NgayTra');
  const refusedAt = date(item, 'NgayTuChoi');
  const allSupplements = supplementsOf(item);

  const s = status as Status;
  const code = STATUSES.indexOf(s) + 1;

  // Reception, per status (header: "Reading the statuses").
  if (s === 'SUBMITTED') {
    if (!submittedAt) fail('MISSING_FIELD', 'Thiếu trường NgayNopHoSo (bắt buộc với hồ sơ trạng thái 1).');
    if (statedReceivedAt) inconsistent('hồ sơ trạng thái 1 (mới đăng ký) nhưng đã có NgayTiepNhan.');
  }
  const receivedAt = s === 'REFUSED' || s === 'SUBMITTED' ? null : statedReceivedAt;
  if (!receivedAt && s !== 'SUBMITTED' && s !== 'REFUSED') {
    if (!RECEPTION_OPTIONAL.has(s) || !submittedAt) {
      fail('MISSING_FIELD', `Thiếu trường NgayTiepNhan (bắt buộc với hồ sơ trạng thái ${code}).`);
    }
  }
  if (submittedAt && receivedAt && before(receivedAt, submittedAt)) {
    inconsistent('NgayNopHoSo sau NgayTiepNhan.');
  }
  if (receivedAt && dueInForce && before(dueInForce, receivedAt)) {
    inconsistent('NgayHenTra trước NgayTiepNhan.');
  }

  // The end, per status.
  let end: { status: Status; sequence: number; at: Date } | null = null;
  let resolvedAt: Date | null = null;
  const missingEnd = (field: string) =>
    fail('MISSING_FIELD', `Thiếu trường ${field} (bắt buộc với hồ sơ trạng thái ${code}).`);
  switch (s) {
    case 'REFUSED':
      end = { status: s, sequence: SEQUENCE.REFUSED, at: refusedAt ?? missingEnd('NgayTuChoi') };
      break;
    case 'WITHDRAWN':
    case 'STOPPED':
      end = {
        status: s,
        sequence: s === 'WITHDRAWN' ? SEQUENCE.WITHDRAWN : SEQUENCE.STOPPED,
        at: processingEndedAt ?? returnedAt ?? missingEnd('NgayKetThucXuLy'),
      };
      break;
    case 'RESOLVED':
      resolvedAt = processingEndedAt ?? missingEnd('NgayKetThucXuLy');
      end = { status: s, sequence: SEQUENCE.RESOLVED, at: resolvedAt };
      break;
    case 'RETURNED':
      resolvedAt = processingEndedAt;
      end = { status: s, sequence: SEQUENCE.RETURNED, at: returnedAt ?? missingEnd('NgayTra') };
      if (resolvedAt && before(end.at, resolvedAt)) inconsistent('NgayTra trước NgayKetThucXuLy.');
      break;
    default:
      break;
  }
  const firstEnd = resolvedAt ?? end?.at ?? null;
  if (firstEnd && receivedAt && before(firstEnd, receivedAt)) {
    inconsistent('hồ sơ kết thúc xử lý (hoặc bị từ chối, rút, dừng) trước NgayTiepNhan.');
  }
  if (firstEnd && submittedAt && before(firstEnd, submittedAt)) {
    inconsistent('hồ sơ kết thúc (hoặc bị từ chối, rút, dừng) trước NgayNopHoSo.');
  }

  // Supplements after the reception (header: requests before it produce no event).
  const numbered = allSupplements.map((supplement, i) => ({ supplement, i }));
  const afterReception = receivedAt
    ? numbered.filter(({ supplement }) => !before(supplement.requestedAt, receivedAt))
    : [];
  afterReception.forEach(({ supplement }, k) => {
    const at = `DanhSachHoSoBoSung[${supplement.position}]`;
    const next = afterReception[k + 1]?.supplement;
    if (next && !supplement.answeredAt) {
      inconsistent(`${at} chưa được tiếp nhận bổ sung nhưng đã có yêu cầu bổ sung sau đó.`);
    }
    if (next && supplement.answeredAt && before(next.requestedAt, supplement.answeredAt)) {
      inconsistent(`${at} được tiếp nhận bổ sung sau khi có yêu cầu bổ sung tiếp theo.`);
    }
    if (
      firstEnd &&
      (before(firstEnd, supplement.requestedAt) ||
        (supplement.answeredAt && before(firstEnd, supplement.answeredAt)))
    ) {
      inconsistent(`${at} sau khi hồ sơ đã kết thúc.`);
    }
  });
  const lastSupplement = afterReception[afterReception.length - 1]?.supplement;
  const pending = lastSupplement !== undefined && lastSupplement.answeredAt === null;
  if (s === 'SUPPLEMENT_REQUESTED' && receivedAt && !pending) {
    inconsistent(
      'hồ sơ trạng thái 5 (yêu cầu bổ sung) nhưng không có yêu cầu bổ sung nào đang chờ tiếp nhận.',
    );
  }
  if (CLOCK_RUNNING.has(s) && pending) {
    inconsistent(`hồ sơ trạng thái ${code} nhưng yêu cầu bổ sung cuối cùng chưa được tiếp nhận.`);
  }

  // Events.
  const events: DossierEventInput[] = [];
  const add = (
    sequence: number,
    eventStatus: Status,
    occurredAt: Date,
    dueAt?: Date | null,
    derived?: DerivedField[],
  ) => {
    const event: DossierEventInput = {
      dossierCode,
      procedureCode,
      agencyCode,
      channel: channel as Channel,
      status: eventStatus,
      occurredAt,
      sequence,
      applicantType: applicantType as ApplicantType | null,
    };
    if (dueAt !== undefined) event.dueAt = dueAt;
    if (derived) event.derived = derived;
    events.push(event);
  };

  if (submittedAt) add(SEQUENCE.SUBMITTED, 'SUBMITTED', submittedAt);
  if (receivedAt) {
    const firstAfter = afterReception[0]?.supplement;
    const originalDue = firstAfter
      ? (firstAfter.dueBefore ?? context.recordedInitialDueAt ?? null)
      : (context.recordedInitialDueAt ?? dueInForce);
    add(SEQUENCE.RECEIVED, 'RECEIVED', receivedAt, originalDue, ['dueAt']);
    if (s !== 'RECEIVED')
      add(SEQUENCE.PROCESSING_STARTED, 'PROCESSING', receivedAt, undefined, ['occurredAt']);

    for (const { supplement, i } of afterReception) {
      add(SEQUENCE.SUPPLEMENT_FIRST + 2 * i, 'SUPPLEMENT_REQUESTED', supplement.requestedAt);
      if (supplement.answeredAt) {
        add(SEQUENCE.SUPPLEMENT_FIRST + 2 * i + 1, 'PROCESSING', supplement.answeredAt, supplement.dueAfter);
      }
    }

    // Undated events: at the latest dated moment before them (header: "Undated statuses").
    const lastDated = latest([
      receivedAt,
      ...afterReception.flatMap(({ supplement }) =>
        supplement.answeredAt ? [supplement.requestedAt, supplement.answeredAt] : [supplement.requestedAt],
      ),
    ]);
    const withoutApology = lastSupplement ? lastSupplement.dueAfter : (context.recordedInitialDueAt ?? null);
    if (dueInForce && withoutApology && !pending && s !== 'SUPPLEMENT_REQUESTED') {
      if (epochDayOf(dueInForce) > epochDayOf(withoutApology)) {
        const days = epochDayOf(dueInForce) - epochDayOf(receivedAt);
        if (days > MAX_APOLOGY_DAYS) inconsistent('NgayHenTra quá xa so với NgayTiepNhan.');
        add(SEQUENCE.APOLOGY_FIRST + days, 'PROCESSING', lastDated, dueInForce, ['occurredAt', 'dueAt']);
      }
    }
    if (s === 'AWAITING_PAYMENT') {
      add(SEQUENCE.AWAITING_PAYMENT, 'AWAITING_PAYMENT', lastDated, undefined, ['occurredAt']);
    }
  }
  if (resolvedAt) add(SEQUENCE.RESOLVED, 'RESOLVED', resolvedAt);
  if (end && end.status !== 'RESOLVED') add(end.sequence, end.status, end.at);
  return events;
}

/**
 * Maps one `DongBoHoSoMC` item (a snapshot of a dossier) onto dossier events with stable sequence
 * numbers, or a validation error with a stable code. Pure: no I/O, no clock. Rules in the header.
 */
export function mapDongBoHoSo(item: unknown, context: MappingContext = {}): MappingResult {
  try {
    return { events: build(item, context) };
  } catch (error) {
    if (error instanceof MappingFailure) return { error: { code: error.code, message: error.message } };
    throw error;
  }
}

/** MaHoSo of an item, for error reports (null when it has none usable). */
export function dossierCodeOf(item: unknown): string | null {
  if (!isRecord(item)) return null;
  const v = item.MaHoSo;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
}
