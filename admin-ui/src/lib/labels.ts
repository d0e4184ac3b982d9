// Vietnamese wording of API values shown to officials. Pure: unit-tested in labels.test.ts.

import type { OnlineLevel } from './graphql/generated/graphql';

// Mức độ dịch vụ công trực tuyến theo Nghị định 42/2022/NĐ-CP.
const ONLINE_LEVEL_LABELS: Record<OnlineLevel, string> = {
  FULL: 'Toàn trình',
  PARTIAL: 'Một phần',
  INFO_ONLY: 'Chỉ cung cấp thông tin',
};

export const NOT_SET = 'Chưa xác định';

/** A level the API adds later is shown as sent rather than hidden. */
export function onlineLevelLabel(level: string | null | undefined): string {
  if (!level) return NOT_SET;
  return ONLINE_LEVEL_LABELS[level as OnlineLevel] ?? level;
}

/** Whole numbers with a dot between thousands, as Vietnamese documents write them: 2.642. */
export function formatCount(value: number): string {
  return String(Math.trunc(value)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

export type ApiProblem = 'unreachable' | 'timeout' | 'invalid-response' | 'graphql-error';

const API_PROBLEM_MESSAGES: Record<ApiProblem, string> = {
  unreachable: 'Không kết nối được với máy chủ dữ liệu (API).',
  timeout: 'Máy chủ dữ liệu (API) không phản hồi kịp thời.',
  'invalid-response': 'Máy chủ dữ liệu (API) trả về dữ liệu không hợp lệ.',
  'graphql-error': 'Máy chủ dữ liệu (API) báo lỗi khi xử lý yêu cầu.',
};

export function apiProblemMessage(problem: ApiProblem): string {
  return API_PROBLEM_MESSAGES[problem];
}
