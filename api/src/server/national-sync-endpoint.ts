// POST /api/dvcqg/dong-bo-ho-so: one-stop systems point the dossier sync they already run for the
// national portal (`DongBoHoSoMC`, docs/domain.md §6) at us. The body is what they send the portal:
//
//   { "service": "DongBoHoSoMC", "isUpdating": "True", "session": "…", "madonvi": "…", "data": [item, …] }
//
// (the envelope of the national adapter as built by public one-stop software, e.g. OpenCPS), or the
// bare list of items some systems post (`[item, …]`), or a single item. `service`, when given, must
// be DongBoHoSoMC; `session`, `madonvi` and `isUpdating` are ignored (a snapshot is folded in the same
// way whether it is new or an update; authentication is our API key, never the portal's session).
//
// Each item is mapped onto events (mapping.ts) and recorded with the ingestion service in calls of at
// most MAX_EVENTS_PER_CALL events, a dossier's events always in one call. Ingestion judges each event
// as it does for recordDossierEvents: its fields, the catalogue, the key's agency scope
// (OUT_OF_SCOPE: the item's unit, or the unit the dossier was recorded under, is outside the subtree
// of a key limited to an agency), then against the dossier's recorded events (IDEMPOTENCY_CONFLICT,
// INCONSISTENT: domain/event-admission.ts). An item whose events are refused is reported once per
// code; its other events are still recorded, as are the other items. The answer is 200 with the
// totals and the errors per item (`index` is the item's position in the list):
//
//   { "accepted": 12, "duplicates": 30, "errors": [{ "index": 3, "maHoSo": "…", "code": "INVALID_DATE", "message": "…" }] }
//
// Errors of the request as a whole: 401 UNAUTHENTICATED, 403 FORBIDDEN (the key lacks the ingest
// scope), 429 RATE_LIMITED (the key's requests per minute, docs/limits.md), 405 METHOD_NOT_ALLOWED, 413 PAYLOAD_TOO_LARGE (over 5 MB), 400 BAD_JSON, INVALID_PAYLOAD,
// UNSUPPORTED_SERVICE, TOO_MANY_ITEMS (over 1,000 items); anything unexpected is 500 INTERNAL, logged,
// without details. Calls already recorded before an unexpected failure stay recorded: re-sending the
// request is safe, as ingestion is idempotent.
//
// Personal data: the body is never logged, and nothing but codes and dates reaches the events.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { AppError } from '../errors.ts';
import { agencyScopeOf } from '../services/access/agency-scope.ts';
import { actorOf, hasScope, type Principal } from '../services/access/principal.ts';
import { authenticate } from '../services/api-keys.ts';
import type { Services } from '../services/context.ts';
import { syncItems } from '../services/national-sync/sync.ts';
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable, UNAVAILABLE_HTTP } from './database-errors.ts';
import { readBody, sendJson } from './http-io.ts';

export const NATIONAL_SYNC_PATH = '/api/dvcqg/dong-bo-ho-so';
export const MAX_BODY_BYTES = 5 * 1024 * 1024;
export const MAX_ITEMS = 1000;
/**
 * A body over the limit is read and thrown away up to this size, so that the client, still sending,
 * can read the 413; past it the connection is closed.
 */
const DISCARD_LIMIT = 4 * MAX_BODY_BYTES;

class HttpFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

const INTERNAL_MESSAGE = 'Lỗi hệ thống, vui lòng thử lại sau.';

/**
 * Counts a request against the caller's budget (server/request-budget.ts): null when it may go on,
 * else the refusal (429 with its Retry-After and RateLimit headers).
 */
export type RequestAdmission = (
  principal: Principal,
) => Promise<{ status: number; code: string; message: string; headers: Record<string, string> } | null>;

export async function handleNationalSync(
  services: Services,
  req: IncomingMessage,
  res: ServerResponse,
  admit: RequestAdmission,
): Promise<void> {
  try {
    if (req.method !== 'POST') {
      throw new HttpFailure(405, 'METHOD_NOT_ALLOWED', 'Chỉ nhận phương thức POST.', { allow: 'POST' });
    }
    const principal = await authorize(services, req);
    const refusal = await admit(principal);
    if (refusal) throw new HttpFailure(refusal.status, refusal.code, refusal.message, refusal.headers);
    const items = itemsOf(parseJson(await bodyOf(req)));
    const actor = actorOf(principal);
    const scope = await agencyScopeOf(services.prisma, principal, 'INGEST');
    const result = await syncItems(services, items, { actor, scope });
    services.logger.info(
      {
        actor,
        items: items.length,
        accepted: result.accepted,
        duplicates: result.duplicates,
        errors: result.errors.length,
      },
      'Đồng bộ hồ sơ DVCQG',
    );
    sendJson(res, 200, result);
  } catch (error) {
    if (error instanceof HttpFailure) {
      sendJson(res, error.status, { code: error.code, message: error.message }, error.headers);
      return;
    }
    if (isDatabaseUnavailable(error) && !res.headersSent) {
      services.logger.warn(
        { err: (error as Error).message },
        'Đồng bộ hồ sơ DVCQG: mất kết nối cơ sở dữ liệu',
      );
      const body = { code: 'SERVICE_UNAVAILABLE', message: DATABASE_UNAVAILABLE_MESSAGE };
      sendJson(res, UNAVAILABLE_HTTP.status, body, { ...UNAVAILABLE_HTTP.headers });
      return;
    }
    services.logger.error({ err: error }, 'Đồng bộ hồ sơ DVCQG thất bại');
    if (!res.headersSent) sendJson(res, 500, { code: 'INTERNAL', message: INTERNAL_MESSAGE });
    else res.destroy();
  }
}

async function authorize(services: Services, req: IncomingMessage): Promise<Principal> {
  let principal: Principal;
  try {
    principal = await authenticate(services.prisma, req.headers.authorization);
  } catch (error) {
    if (error instanceof AppError && error.code === 'UNAUTHENTICATED') {
      throw new HttpFailure(401, 'UNAUTHENTICATED', error.message, { 'www-authenticate': 'Bearer' });
    }
    throw error;
  }
  if (principal.kind === 'anonymous') {
    throw new HttpFailure(
      401,
      'UNAUTHENTICATED',
      'Cần khóa API trong tiêu đề Authorization: "Bearer <khóa API>".',
      { 'www-authenticate': 'Bearer' },
    );
  }
  if (!hasScope(principal, 'INGEST')) {
    throw new HttpFailure(403, 'FORBIDDEN', 'Khóa API không có quyền gửi dữ liệu hồ sơ (phạm vi ingest).');
  }
  return principal;
}

function tooLarge(closing: boolean): HttpFailure {
  return new HttpFailure(
    413,
    'PAYLOAD_TOO_LARGE',
    `Nội dung gửi vượt quá ${MAX_BODY_BYTES / 1024 / 1024} MB: hãy chia thành nhiều lần gửi.`,
    closing ? { connection: 'close' } : {},
  );
}

async function bodyOf(req: IncomingMessage): Promise<Buffer> {
  const read = await readBody(req, MAX_BODY_BYTES, DISCARD_LIMIT);
  if ('tooLarge' in read) throw tooLarge(read.closing);
  return read.body;
}

function parseJson(body: Buffer): unknown {
  let text = body.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // a BOM, as some .NET clients send
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpFailure(400, 'BAD_JSON', 'Nội dung yêu cầu không phải JSON hợp lệ.');
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The items of the accepted envelopes (header). */
function itemsOf(payload: unknown): unknown[] {
  let items: unknown[] | null = null;
  if (Array.isArray(payload)) items = payload;
  else if (isRecord(payload)) {
    const service = payload.service;
    if (service !== undefined && service !== null && service !== '') {
      if (typeof service !== 'string' || service.trim().toLowerCase() !== 'dongbohosomc') {
        throw new HttpFailure(400, 'UNSUPPORTED_SERVICE', 'Điểm nhận này chỉ nhận dịch vụ DongBoHoSoMC.');
      }
    }
    if (Array.isArray(payload.data)) items = payload.data;
    else if (isRecord(payload.data)) items = [payload.data];
    else if (payload.data === undefined && 'MaHoSo' in payload) items = [payload];
  }
  if (!items) {
    throw new HttpFailure(
      400,
      'INVALID_PAYLOAD',
      'Nội dung phải là danh sách hồ sơ, hoặc một đối tượng có trường "data" là danh sách hồ sơ DongBoHoSoMC.',
    );
  }
  if (items.length > MAX_ITEMS) {
    throw new HttpFailure(
      400,
      'TOO_MANY_ITEMS',
      `Mỗi lần gửi tối đa ${MAX_ITEMS} hồ sơ (nhận được ${items.length}): hãy chia thành nhiều lần gửi.`,
    );
  }
  return items;
}
