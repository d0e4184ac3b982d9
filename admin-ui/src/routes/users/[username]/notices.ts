// What the account page says after a change (?msg=… of the redirect that follows each form). Pure.
const NOTICES: Record<string, string> = {
  created: 'Đã tạo tài khoản. Hãy trao mật khẩu tạm thời cho cán bộ qua kênh an toàn.',
  updated: 'Đã lưu thông tin tài khoản.',
  roles: 'Đã lưu vai trò. Vai trò mới có hiệu lực từ yêu cầu tiếp theo của tài khoản.',
  password: 'Đã đặt lại mật khẩu. Mọi phiên đăng nhập của tài khoản đã kết thúc.',
  deactivated: 'Đã khóa tài khoản. Tài khoản không đăng nhập được nữa; mọi phiên đăng nhập đã kết thúc.',
  reactivated: 'Đã mở khóa tài khoản. Cán bộ có thể đăng nhập lại.',
};

export type NoticeCode = keyof typeof NOTICES;

/** The message of a known code; null for anything else (a hand-typed URL shows nothing). */
export const noticeOf = (code: string | null): string | null => (code && NOTICES[code]) || null;
