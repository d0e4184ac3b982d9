// Vietnamese wording of API values shown to officials. Pure: unit-tested in labels.test.ts.

import type { OnlineLevel } from './graphql/generated/graphql';

/** A value the API adds later is shown as sent rather than hidden. */
function labelOf(labels: Readonly<Record<string, string>>, value: string | null | undefined): string {
  if (!value) return NOT_SET;
  return labels[value] ?? value;
}

export const NOT_SET = 'Chưa xác định';

// Mức độ dịch vụ công trực tuyến theo Nghị định 42/2022/NĐ-CP.
export const ONLINE_LEVEL_LABELS: Record<OnlineLevel, string> = {
  FULL: 'Toàn trình',
  PARTIAL: 'Một phần',
  INFO_ONLY: 'Chỉ cung cấp thông tin',
};

export const onlineLevelLabel = (level: string | null | undefined) => labelOf(ONLINE_LEVEL_LABELS, level);

// Cách thức thực hiện (KenhThucHien of the national catalogue).
export const CHANNEL_LABELS = {
  IN_PERSON: 'Trực tiếp',
  ONLINE: 'Trực tuyến',
  POSTAL: 'Dịch vụ bưu chính',
} as const;
export type ChannelValue = keyof typeof CHANNEL_LABELS;
export const CHANNELS = Object.keys(CHANNEL_LABELS) as ChannelValue[];

/** A fee whose channel is null applies to every channel. */
export function channelLabel(channel: string | null | undefined): string {
  return channel ? labelOf(CHANNEL_LABELS, channel) : 'Mọi cách thức';
}

// Cấp thực hiện.
export const IMPLEMENTING_LEVEL_LABELS = {
  PROVINCE: 'Cấp tỉnh',
  DISTRICT: 'Cấp huyện',
  COMMUNE: 'Cấp xã',
  MINISTRY: 'Cấp bộ, ngành',
} as const;
export type ImplementingLevelValue = keyof typeof IMPLEMENTING_LEVEL_LABELS;

export const implementingLevelLabel = (level: string | null | undefined) =>
  labelOf(IMPLEMENTING_LEVEL_LABELS, level);

export const AGENCY_LEVEL_LABELS = {
  MINISTRY: 'Bộ, ngành',
  PROVINCE: 'Tỉnh',
  DEPARTMENT: 'Sở, ban, ngành',
  DISTRICT: 'Huyện (trước 1/7/2025)',
  COMMUNE: 'Xã, phường, đặc khu',
} as const;

export const agencyLevelLabel = (level: string | null | undefined) => labelOf(AGENCY_LEVEL_LABELS, level);

export const ROLE_LABELS = {
  SYSTEM_ADMIN: 'Quản trị hệ thống',
  UNIT_ADMIN: 'Quản trị đơn vị',
  OFFICER: 'Cán bộ xử lý',
  VIEWER: 'Người xem',
  REFORM_MONITOR: 'Theo dõi cải cách hành chính',
} as const;

export const roleLabel = (role: string | null | undefined) => labelOf(ROLE_LABELS, role);

// Đơn vị của thời hạn giải quyết; HOURS are working hours (8 per working day).
export const TIME_UNIT_LABELS = {
  WORKING_DAYS: 'ngày làm việc',
  DAYS: 'ngày',
  HOURS: 'giờ làm việc',
  MONTHS: 'tháng',
} as const;
export type TimeUnitValue = keyof typeof TIME_UNIT_LABELS;

export const timeUnitLabel = (unit: string | null | undefined) => labelOf(TIME_UNIT_LABELS, unit);

export type ApiProblem =
  | 'unreachable'
  | 'timeout'
  | 'invalid-response'
  | 'graphql-error'
  | 'unauthenticated'
  | 'forbidden'
  | 'not-found'
  | 'rate-limited'
  | 'service-unavailable';

const API_PROBLEM_MESSAGES: Record<ApiProblem, string> = {
  unreachable: 'Không kết nối được với máy chủ dữ liệu (API).',
  timeout: 'Máy chủ dữ liệu (API) không phản hồi kịp thời.',
  'invalid-response': 'Máy chủ dữ liệu (API) trả về dữ liệu không hợp lệ.',
  'graphql-error': 'Máy chủ dữ liệu (API) báo lỗi khi xử lý yêu cầu.',
  unauthenticated: 'Phiên đăng nhập đã hết hạn hoặc đã kết thúc. Vui lòng đăng nhập lại.',
  forbidden: 'Tài khoản của bạn không có quyền thực hiện thao tác này.',
  'not-found': 'Không tìm thấy dữ liệu được yêu cầu.',
  'rate-limited': 'Bạn đã gửi quá nhiều yêu cầu trong thời gian ngắn. Vui lòng thử lại sau ít phút.',
  'service-unavailable': 'Máy chủ dữ liệu (API) đang tạm thời gián đoạn. Vui lòng thử lại sau ít phút.',
};

export function apiProblemMessage(problem: ApiProblem): string {
  return API_PROBLEM_MESSAGES[problem];
}

/** The HTTP status of the page that reports the problem. */
export function apiProblemStatus(problem: ApiProblem): number {
  switch (problem) {
    case 'unauthenticated':
      return 401;
    case 'forbidden':
      return 403;
    case 'not-found':
      return 404;
    case 'rate-limited':
      return 429;
    case 'timeout':
      return 504;
    case 'unreachable':
    case 'invalid-response':
    case 'graphql-error':
      return 502;
    case 'service-unavailable':
      return 503;
  }
}

/** Who saved a version or made a change, as the audit log names them (USER:12, API_KEY:3, CLI). */
export function actorLabel(actor: string | null | undefined): string {
  if (!actor) return 'Dữ liệu gốc (Cơ sở dữ liệu quốc gia)';
  const [kind, id] = actor.split(':');
  if (kind === 'USER' && id) return `Tài khoản #${id}`;
  if (kind === 'API_KEY' && id) return `Khóa API #${id}`;
  if (kind === 'CLI') return 'Dòng lệnh quản trị';
  return actor;
}
