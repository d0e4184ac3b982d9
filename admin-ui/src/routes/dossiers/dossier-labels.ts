// Vietnamese wording of a dossier's timeline: national statuses (TrangThaiHoSo), timeliness, reasons
// for a due-date change (docs/domain.md §3.4–§3.8). Pure: unit-tested in dossier-labels.test.ts.

export const DOSSIER_STATUS_LABELS: Record<string, string> = {
  SUBMITTED: 'Mới đăng ký',
  RECEIVED: 'Được tiếp nhận',
  REFUSED: 'Không được tiếp nhận',
  PROCESSING: 'Đang xử lý',
  SUPPLEMENT_REQUESTED: 'Yêu cầu bổ sung',
  AWAITING_PAYMENT: 'Chờ thực hiện nghĩa vụ tài chính',
  WITHDRAWN: 'Công dân rút hồ sơ',
  STOPPED: 'Dừng xử lý',
  RESOLVED: 'Đã xử lý xong',
  RETURNED: 'Đã trả kết quả',
};

export const TIMELINESS_LABELS: Record<string, string> = {
  EARLY: 'Trước hạn',
  ON_TIME: 'Đúng hạn',
  LATE: 'Quá hạn',
  IN_PROGRESS_ON_TIME: 'Đang giải quyết, còn trong hạn',
  IN_PROGRESS_LATE: 'Đang giải quyết, đã quá hạn',
};

export const DUE_CHANGE_LABELS: Record<string, string> = {
  INITIAL: 'Hẹn trả khi tiếp nhận',
  SUPPLEMENT: 'Dời hạn do yêu cầu bổ sung hồ sơ',
  APOLOGY: 'Hẹn lại theo phiếu xin lỗi',
  CORRECTION: 'Đính chính ngày hẹn trả',
};

export const APPLICANT_LABELS: Record<string, string> = {
  CITIZEN: 'Công dân',
  BUSINESS: 'Doanh nghiệp',
  STATE_AGENCY: 'Cơ quan nhà nước',
  OTHER_ORGANISATION: 'Tổ chức khác',
};

/** A value the API adds later is shown as sent rather than hidden. */
export const labelOf = (labels: Record<string, string>, value: string | null | undefined, empty = '—') =>
  value ? (labels[value] ?? value) : empty;

/** Working minutes as officials count them: 8 working hours = 1 working day (docs/domain.md §3.2). */
export function workingTime(minutes: number | null | undefined): string {
  if (minutes == null) return '—';
  if (minutes === 0) return '0 giờ làm việc';
  const days = Math.floor(minutes / 480);
  const hours = Math.floor((minutes % 480) / 60);
  const rest = minutes % 60;
  const parts = [days ? `${days} ngày` : '', hours ? `${hours} giờ` : '', rest ? `${rest} phút` : ''].filter(
    Boolean,
  );
  return `${parts.join(' ')} làm việc`;
}

/** A code as typed: spaces around it dropped; at most 64 characters like the API's dossier codes. */
export function dossierCodeFrom(param: string | null): string | null {
  const code = (param ?? '').trim();
  return code ? code.slice(0, 64) : null;
}
