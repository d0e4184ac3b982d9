// GET /live/stats?don-vi=…[&thu-tuc=…]&<period>: the dashboard's live stream (text/event-stream).
// This server subscribes to the API's statsChanged over Server-Sent Events with the official's
// session token — which stays in the httpOnly cookie and on this server — and relays "the figures
// changed" to the browser (relay.ts). The upstream request is closed when the browser disconnects.
import { error } from '@sveltejs/kit';
import { PROCEDURE_PARAM, UNIT_PARAM, unitCodeFrom } from '$lib/dashboard/scope';
import { AdminStatsChangedDocument } from '$lib/graphql/generated/graphql';
import { parsePeriod, periodRange, todayInVietnam } from '$lib/periods';
import { apiUrl } from '$lib/server/api';
import { SESSION_COOKIE } from '$lib/server/session';
import type { RequestHandler } from './$types';
import { relayStream } from './relay';

export const GET: RequestHandler = async (event) => {
  const token = event.cookies.get(SESSION_COOKIE);
  // hooks.server.ts sends anyone without a session to /login before this runs; this is the backstop.
  if (!token || !event.locals.viewer) error(401, { message: 'Cần đăng nhập để theo dõi số liệu trực tiếp.' });
  const code = unitCodeFrom(event.url.searchParams.get(UNIT_PARAM));
  if (!code) error(400, { message: 'Thiếu mã đơn vị (don-vi).' });
  const procedure = unitCodeFrom(event.url.searchParams.get(PROCEDURE_PARAM));
  const period = periodRange(parsePeriod(event.url.searchParams, todayInVietnam(), 'month'));

  const abort = new AbortController();
  let upstream: Response;
  try {
    upstream = await fetch(apiUrl(), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'text/event-stream',
        authorization: `Bearer ${token}`,
        ...clientAddressHeader(event),
      },
      body: JSON.stringify({
        query: AdminStatsChangedDocument.toString(),
        variables: { code, procedure, period },
      }),
      signal: abort.signal,
    });
  } catch {
    error(502, { message: 'Không kết nối được máy chủ dữ liệu để theo dõi trực tiếp.' });
  }
  const type = upstream.headers.get('content-type') ?? '';
  if (!upstream.ok || !upstream.body || !type.startsWith('text/event-stream')) {
    abort.abort();
    error(upstream.status === 429 ? 429 : 502, {
      message: 'Máy chủ dữ liệu không nhận theo dõi trực tiếp lúc này.',
    });
  }
  return new Response(
    relayStream(upstream.body, () => abort.abort()),
    {
      headers: {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'private, no-store',
        // Reverse proxies (nginx) must not buffer an event stream.
        'x-accel-buffering': 'no',
      },
    },
  );
};

/** The official's address for the API's per-client limits, as lib/server/graphql.ts sends it. */
function clientAddressHeader(event: Parameters<RequestHandler>[0]): Record<string, string> {
  try {
    return { 'x-forwarded-for': event.getClientAddress() };
  } catch {
    return {};
  }
}
