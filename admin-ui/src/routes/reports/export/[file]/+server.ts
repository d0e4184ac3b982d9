// The report's files (/exports/report.xlsx and /exports/report-<table>.csv on the API server), passed
// through this server so that the browser talks only to the UI, with the official's session: the
// API decides whether the unit is in the official's subtree and counts the download in the
// official's budget. The body is relayed as it streams, so the page can show the bytes arriving.
import { error } from '@sveltejs/kit';
import { isReportFile } from '$lib/report/report-params';
import { apiUrl } from '$lib/server/api';
import { SESSION_COOKIE } from '$lib/server/session';
import type { RequestHandler } from './$types';

const MESSAGES: Record<number, string> = {
  400: 'Kỳ báo cáo hoặc đơn vị không hợp lệ.',
  401: 'Phiên đăng nhập đã hết. Vui lòng đăng nhập lại.',
  403: 'Đơn vị nằm ngoài phạm vi tài khoản được xem báo cáo.',
  404: 'Không tìm thấy đơn vị hoặc bảng số liệu.',
  429: 'Bạn đã tải quá nhiều lần trong thời gian ngắn. Vui lòng thử lại sau ít phút.',
};

export const GET: RequestHandler = async ({ params, url, cookies, fetch }) => {
  if (!isReportFile(params.file)) error(404, { message: 'Không có tệp này.' });
  const token = cookies.get(SESSION_COOKIE);
  const target = new URL(`/exports/${params.file}`, apiUrl());
  for (const name of ['agency', 'from', 'to'])
    target.searchParams.set(name, url.searchParams.get(name) ?? '');
  let response: Response;
  try {
    response = await fetch(target, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  } catch (caught) {
    console.error(`[admin-ui] report export ${params.file}: ${String(caught)}`);
    error(502, { message: 'Không kết nối được với máy chủ dữ liệu (API).' });
  }
  if (!response.ok || !response.body) {
    const body = (await response.json().catch(() => null)) as { code?: string } | null;
    if (response.status >= 500)
      console.error(`[admin-ui] report export ${params.file}: API HTTP ${response.status}`);
    const status = response.status in MESSAGES ? response.status : 502;
    error(status, {
      message: MESSAGES[status] ?? 'Máy chủ dữ liệu (API) không trả về tệp.',
      ...(body?.code ? { code: body.code } : {}),
    });
  }
  const headers = new Headers({ 'cache-control': 'private, no-store' });
  for (const name of ['content-type', 'content-disposition']) {
    const value = response.headers.get(name);
    if (value) headers.set(name, value);
  }
  return new Response(response.body, { status: 200, headers });
};
