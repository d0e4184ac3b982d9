// Vietnamese wording of the audit log's actions, entities, fields and actors. An action or field the
// API adds later is shown as recorded rather than hidden. Pure: audit-labels.test.ts.

/** Families of actions (the part before the dot), as AuditLogFilter.action accepts them. */
export const ACTION_FAMILIES: Record<string, string> = {
  user: 'Tài khoản cán bộ',
  'api-key': 'Khóa API',
  agency: 'Cơ quan, đơn vị',
  procedure: 'Thủ tục hành chính',
  calendar: 'Lịch làm việc',
  questionnaire: 'Phiếu khảo sát',
  evaluation: 'Điểm đánh giá',
  rating: 'Bình luận đánh giá',
};

export const ACTION_LABELS: Record<string, string> = {
  'user.create': 'Tạo tài khoản',
  'user.update': 'Sửa thông tin tài khoản',
  'user.set-roles': 'Đổi vai trò tài khoản',
  'user.deactivate': 'Khóa tài khoản',
  'user.reactivate': 'Mở khóa tài khoản',
  'user.set-password': 'Đặt lại mật khẩu',
  'user.change-password': 'Tự đổi mật khẩu',
  'api-key.create': 'Tạo khóa API',
  'api-key.revoke': 'Thu hồi khóa API',
  'agency.create': 'Tạo cơ quan, đơn vị',
  'agency.update': 'Sửa thông tin cơ quan, đơn vị',
  'agency.move': 'Chuyển đơn vị cấp trên',
  'agency.merge': 'Sáp nhập cơ quan, đơn vị',
  'agency.set-procedures': 'Đổi thủ tục đơn vị thực hiện',
  'procedure.create': 'Tạo thủ tục',
  'procedure.update': 'Sửa thủ tục',
  'procedure.publish': 'Công bố thủ tục',
  'procedure.withdraw': 'Rút thủ tục khỏi danh mục',
  'procedure.import': 'Nhập danh mục thủ tục',
  'calendar.set-days': 'Sửa lịch làm việc',
  'questionnaire.publish': 'Ban hành phiên bản phiếu khảo sát',
  'evaluation.set-scores': 'Nhập điểm đánh giá',
  'rating.hide-comment': 'Ẩn bình luận',
  'rating.restore-comment': 'Khôi phục bình luận',
};

export const ENTITY_LABELS: Record<string, string> = {
  User: 'Tài khoản',
  ApiKey: 'Khóa API',
  Agency: 'Cơ quan, đơn vị',
  Procedure: 'Thủ tục',
  ProcedureImport: 'Tệp nhập thủ tục',
  CalendarDay: 'Lịch làm việc',
  Questionnaire: 'Phiếu khảo sát',
  Rating: 'Đánh giá',
  EvaluationScore: 'Điểm đánh giá',
};

/** Names of recorded fields (services' audit snapshots) as an official reads them. */
export const FIELD_LABELS: Record<string, string> = {
  username: 'Tên đăng nhập',
  displayName: 'Họ và tên',
  email: 'Thư điện tử',
  active: 'Đang hoạt động',
  roles: 'Vai trò',
  name: 'Tên',
  shortName: 'Tên viết tắt',
  code: 'Mã',
  level: 'Cấp',
  parentCode: 'Mã đơn vị cấp trên',
  successorCode: 'Mã đơn vị kế thừa',
  validFrom: 'Hiệu lực từ',
  validTo: 'Hiệu lực đến',
  dossierPrefix: 'Tiền tố mã hồ sơ',
  note: 'Ghi chú',
  prefix: 'Tiền tố khóa',
  scopes: 'Quyền',
  agencyCode: 'Mã cơ quan, đơn vị',
  rateLimitPerMinute: 'Giới hạn lượt gọi mỗi phút',
  revokedAt: 'Thu hồi lúc',
  hidden: 'Đã ẩn',
  reason: 'Lý do',
  dossierCode: 'Mã hồ sơ',
  sessionsEnded: 'Số phiên đăng nhập đã kết thúc',
  published: 'Đã công bố',
  // Seeded demo accounts (api/src/seed).
  demo: 'Tài khoản mẫu',
  role: 'Vai trò',
  passwordChanged: 'Đã đổi mật khẩu',
  // Procedures (the record of services/procedures, as the form names its parts).
  variantCode: 'Mã biến thể địa phương',
  sectorCode: 'Lĩnh vực',
  onlineLevel: 'Mức độ dịch vụ công trực tuyến',
  sameDayCutoff: 'Giờ chốt trả trong ngày',
  levels: 'Cấp thực hiện',
  eligibleForFullOnline: 'Đủ điều kiện trực tuyến toàn trình',
  timeLimits: 'Thời hạn giải quyết',
  fees: 'Phí, lệ phí',
  steps: 'Trình tự thực hiện',
  channelsText: 'Cách thức thực hiện',
  dossierComponents: 'Thành phần hồ sơ',
  applicants: 'Đối tượng thực hiện',
  results: 'Kết quả thực hiện',
  implementingText: 'Cơ quan thực hiện',
  agencyCodes: 'Mã đơn vị thực hiện',
  forms: 'Mẫu đơn, tờ khai',
  conditions: 'Yêu cầu, điều kiện',
  legalBasis: 'Căn cứ pháp lý',
  decisionNumber: 'Số quyết định công bố',
  decisionDate: 'Ngày ban hành quyết định',
  effectiveFrom: 'Ngày hiệu lực',
  effectiveTo: 'Ngày hết hiệu lực',
  source: 'Nguồn',
  version: 'Phiên bản',
  appliesFrom: 'Áp dụng cho hồ sơ tiếp nhận từ',
  // Imports of the catalogue.
  fileName: 'Tên tệp',
  format: 'Định dạng',
  rows: 'Số dòng',
  created: 'Thêm mới',
  updated: 'Thay đổi',
  unchanged: 'Không đổi',
  rejected: 'Bị từ chối',
  // Agencies.
  effectiveDate: 'Có hiệu lực từ',
  added: 'Thêm',
  removed: 'Bỏ',
  total: 'Tổng số sau thay đổi',
  // Calendar days.
  kind: 'Loại ngày',
  working: 'Ngày làm việc',
  // Questionnaires.
  factors: 'Số yếu tố',
  questions: 'Số câu hỏi',
  retiredVersions: 'Số phiên bản được thay thế',
};

export const actionLabel = (action: string) => ACTION_LABELS[action] ?? action;
export const entityLabel = (entity: string) => ENTITY_LABELS[entity] ?? entity;

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * "roles" → "Vai trò"; a nested path by its last known part, the path kept ("owner.email" →
 * "Thư điện tử (owner.email)"); under a day, the day in dd/mm/yyyy instead (a calendar entry is
 * keyed by its days: "2026-12-08.kind" → "Loại ngày (08/12/2026)").
 */
export function fieldLabel(field: string): string {
  if (FIELD_LABELS[field]) return FIELD_LABELS[field];
  const parts = field.split('.');
  const last = parts.at(-1) ?? field;
  if (!FIELD_LABELS[last]) return field;
  const prefix = parts.slice(0, -1);
  const path = prefix.some((part) => ISO_DAY.test(part))
    ? prefix.map((part) => part.replace(ISO_DAY, '$3/$2/$1')).join('.')
    : field;
  return `${FIELD_LABELS[last]} (${path})`;
}

/** The select of the filter: each family ("every change of accounts"), then its actions. */
export function actionOptions(): { value: string; label: string }[] {
  const options: { value: string; label: string }[] = [];
  for (const [family, familyLabel] of Object.entries(ACTION_FAMILIES)) {
    options.push({ value: family, label: `${familyLabel}: mọi thao tác` });
    for (const [action, label] of Object.entries(ACTION_LABELS)) {
      if (action.startsWith(`${family}.`)) options.push({ value: action, label: `${familyLabel}: ${label}` });
    }
  }
  return options;
}

export interface ActorLike {
  kind: string;
  name?: string | null;
  username?: string | null;
}

/** "Nguyễn Văn An (nv.an)", "Khóa API Cổng DVC (tthc_ab12cd_…)", "Dòng lệnh (CLI)". */
export function actorText(who: ActorLike, recorded: string): string {
  switch (who.kind) {
    case 'USER':
      return who.name ? `${who.name}${who.username ? ` (${who.username})` : ''}` : (who.username ?? recorded);
    case 'API_KEY':
      return `Khóa API ${who.name ?? ''}${who.username ? ` (tthc_${who.username}_…)` : ''}`
        .replace(/\s+/g, ' ')
        .trim();
    case 'CLI':
      return 'Dòng lệnh (CLI)';
    default:
      // The server itself, e.g. the demo accounts seeded at the first start.
      if (recorded === 'SYSTEM' && !who.name) return 'Hệ thống (tự động)';
      return who.name ?? recorded;
  }
}
