// The navigation of the layout. Each section appends its entry here; `visibleTo` only hides a link
// from those who could not use the page (the API refuses them anyway).
import { canEditCatalogue, isAdmin, type Viewer } from './viewer';

export interface NavEntry {
  href: string;
  label: string;
  visibleTo: (viewer: Viewer) => boolean;
}

const everyone = () => true;

export const NAV: NavEntry[] = [
  { href: '/', label: 'Tổng quan', visibleTo: everyone },
  { href: '/procedures', label: 'Thủ tục hành chính', visibleTo: everyone },
  { href: '/procedures/import', label: 'Nhập, xuất thủ tục', visibleTo: canEditCatalogue },
  // Agencies, calendar, questionnaires, dossiers: everyone reads (the API scopes what they see);
  // the questionnaires page is for administrators (only SYSTEM_ADMIN publishes).
  { href: '/agencies', label: 'Cơ quan, đơn vị', visibleTo: everyone },
  { href: '/calendar', label: 'Lịch làm việc', visibleTo: everyone },
  { href: '/questionnaires', label: 'Phiếu khảo sát', visibleTo: isAdmin },
  { href: '/dossiers', label: 'Tra cứu hồ sơ', visibleTo: everyone },
  // Comments: any role reads its subtree's; hiding is for administrators (the page offers it).
  { href: '/ratings', label: 'Đánh giá, bình luận', visibleTo: everyone },
  { href: '/reform-tasks', label: 'Nhiệm vụ cải cách hành chính', visibleTo: everyone },
  { href: '/reports', label: 'Báo cáo định kỳ', visibleTo: everyone },
  { href: '/users', label: 'Tài khoản cán bộ', visibleTo: isAdmin },
  { href: '/api-keys', label: 'Khóa API', visibleTo: isAdmin },
  { href: '/audit', label: 'Nhật ký thay đổi', visibleTo: isAdmin },
  { href: '/settings', label: 'Thiết lập thực tiễn địa phương', visibleTo: isAdmin },
  { href: '/account', label: 'Tài khoản của tôi', visibleTo: everyone },
];

/** The entries this official sees, in order. */
export function navFor(viewer: Viewer | null, entries: readonly NavEntry[] = NAV): NavEntry[] {
  return viewer ? entries.filter((entry) => entry.visibleTo(viewer)) : [];
}

/**
 * The entry of the current page: the longest href that is the path or a parent of it, so that
 * /procedures/1.001193 marks "Thủ tục hành chính" but /procedures/import marks its own entry.
 */
export function currentEntry(pathname: string, entries: readonly NavEntry[]): NavEntry | null {
  let best: NavEntry | null = null;
  for (const entry of entries) {
    const matches =
      entry.href === '/'
        ? pathname === '/'
        : pathname === entry.href || pathname.startsWith(`${entry.href}/`);
    if (matches && (!best || entry.href.length > best.href.length)) best = entry;
  }
  return best;
}
