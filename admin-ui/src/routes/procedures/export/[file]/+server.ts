// The catalogue files of the API (/exports/… on the API server: the catalogue as XLSX, CSV, JSON,
// and the import template), passed through this server so that the browser talks only to the UI.
// Sent with the official's session, so the download counts against the official's budget.
import { error } from '@sveltejs/kit';
import { apiUrl } from '$lib/server/api';
import { SESSION_COOKIE } from '$lib/server/session';
import type { RequestHandler } from './$types';

const EXPORT_FILES = ['procedures.xlsx', 'procedures.csv', 'procedures.json', 'procedures-template.xlsx'];

export const GET: RequestHandler = async ({ params, cookies, fetch }) => {
  if (!EXPORT_FILES.includes(params.file)) error(404, { message: 'Không có tệp này.' });
  const token = cookies.get(SESSION_COOKIE);
  let response: Response;
  try {
    response = await fetch(new URL(`/exports/${params.file}`, apiUrl()), {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
  } catch (caught) {
    console.error(`[admin-ui] export ${params.file}: ${String(caught)}`);
    error(502, { message: 'Không kết nối được với máy chủ dữ liệu (API).' });
  }
  if (!response.ok || !response.body) {
    console.error(`[admin-ui] export ${params.file}: API HTTP ${response.status}`);
    error(response.status === 429 ? 429 : 502, {
      message:
        response.status === 429
          ? 'Bạn đã tải quá nhiều lần trong thời gian ngắn. Vui lòng thử lại sau ít phút.'
          : 'Máy chủ dữ liệu (API) không trả về tệp.',
    });
  }
  const headers = new Headers({ 'cache-control': 'private, no-store' });
  for (const name of ['content-type', 'content-disposition']) {
    const value = response.headers.get(name);
    if (value) headers.set(name, value);
  }
  return new Response(response.body, { status: 200, headers });
};
