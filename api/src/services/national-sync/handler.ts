// POST /api/dvcqg/dong-bo-ho-so: one-stop systems point the dossier sync they already run for the
// national portal (`DongBoHoSoMC`, domain.md §6) at us. The body is what they send the portal:
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
import { AppError } from '../../errors.ts';
import { actorOf, hasScope, type Principal } from '../../server/auth.ts';
import type { Services } from '../../server/context.ts';
import {
  DATABASE_UNAVAILABLE_MESSAGE,
  isDatabaseUnavailable,
  UNAVAILABLE_HTTP,
} from '../../server/database-errors.ts';
import { authenticate } from '../api-keys.ts';
import { type DossierEventInput, recordDossierEvents } from '../ingest.ts';
import { isDossierCode } from '../ingest-validate.ts';
import { type AgencyScope, agencyScopeOf } from '../key-agency-scope.ts';
import { dossierCodeOf, mapDongBoHoSo } from './mapping.ts';

export const NATIONAL_SYNC_PATH = '/api/dvcqg/dong-bo-ho-so';
export const MAX_BODY_BYTES = 5 * 1024 * 1024;
export const MAX_ITEMS = 1000;
export const MAX_EVENTS_PER_CALL = 1000;
/**
 * A body over the limit is read and thrown away up to this size, so that the client, still sending,
 * can read the 413; past it the connection is closed.
 */
const DISCARD_LIMIT = 4 * MAX_BODY_BYTES;

export interface SyncItemError {
  /** Position of the item in the list sent. */
  index: number;
  maHoSo: string | null;
  code: string;
  message: string;
}

export interface SyncResult {
  accepted: number;
  duplicates: number;
  errors: SyncItemError[];
}

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
    const items = itemsOf(parseJson(await readBody(req)));
    const actor = actorOf(principal);
    const scope = await agencyScopeOf(services.prisma, principal);
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
    send(res, 200, result);
  } catch (error) {
    if (error instanceof HttpFailure) {
      send(res, error.status, { code: error.code, message: error.message }, error.headers);
      return;
    }
    if (isDatabaseUnavailable(error) && !res.headersSent) {
      services.logger.warn(
        { err: (error as Error).message },
        'Đồng bộ hồ sơ DVCQG: mất kết nối cơ sở dữ liệu',
      );
      const body = { code: 'SERVICE_UNAVAILABLE', message: DATABASE_UNAVAILABLE_MESSAGE };
      send(res, UNAVAILABLE_HTTP.status, body, { ...UNAVAILABLE_HTTP.headers });
      return;
    }
    services.logger.error({ err: error }, 'Đồng bộ hồ sơ DVCQG thất bại');
    if (!res.headersSent) send(res, 500, { code: 'INTERNAL', message: INTERNAL_MESSAGE });
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

function readBody(req: IncomingMessage): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > DISCARD_LIMIT) return Promise.reject(tooLarge(true));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > DISCARD_LIMIT) {
        req.off('data', onData);
        req.pause();
        reject(tooLarge(true));
        return;
      }
      if (size > MAX_BODY_BYTES) {
        over = true;
        chunks.length = 0;
      }
      if (!over) chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => (over ? reject(tooLarge(false)) : resolve(Buffer.concat(chunks))));
    req.once('error', reject);
  });
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

interface MappedItem {
  index: number;
  maHoSo: string | null;
  events: DossierEventInput[];
}

/** Maps and records the items of one request; errors are reported per item. */
export async function syncItems(
  services: Services,
  items: unknown[],
  { actor, scope }: { actor: string; scope: AgencyScope },
): Promise<SyncResult> {
  const recorded = await recordedInitialDueDates(services, items, scope);
  const errors: SyncItemError[] = [];
  const mapped: MappedItem[] = [];
  items.forEach((item, index) => {
    const maHoSo = dossierCodeOf(item);
    const result = mapDongBoHoSo(item, { recordedInitialDueAt: (maHoSo && recorded.get(maHoSo)) || null });
    if ('error' in result) errors.push({ index, maHoSo, ...result.error });
    else if (result.events.length > 0) mapped.push({ index, maHoSo, events: result.events });
  });

  let accepted = 0;
  let duplicates = 0;
  for (const chunk of chunksOf(mapped)) {
    const events = chunk.flatMap((m) => m.events);
    const owners = chunk.flatMap((m) => m.events.map(() => m));
    const result = await recordDossierEvents(services, events, { source: 'NATIONAL_SYNC', actor, scope });
    accepted += result.accepted;
    duplicates += result.duplicates;
    // One error per item and code: an unknown procedure fails every event of the dossier alike.
    const reported = new Set<string>();
    for (const error of result.errors) {
      const owner = owners[error.index];
      if (!owner) throw new Error(`Ingestion reported an error for event ${error.index} of ${events.length}`);
      const key = `${owner.index}\u0000${error.code}`;
      if (reported.has(key)) continue;
      reported.add(key);
      errors.push({ index: owner.index, maHoSo: owner.maHoSo, code: error.code, message: error.message });
    }
  }
  errors.sort((a, b) => a.index - b.index);
  return { accepted, duplicates, errors };
}

/** Items packed into calls of at most MAX_EVENTS_PER_CALL events; an item is never split. */
function chunksOf(mapped: MappedItem[]): MappedItem[][] {
  const chunks: MappedItem[][] = [];
  let current: MappedItem[] = [];
  let size = 0;
  for (const item of mapped) {
    if (current.length > 0 && size + item.events.length > MAX_EVENTS_PER_CALL) {
      chunks.push(current);
      current = [];
      size = 0;
    }
    current.push(item);
    size += item.events.length;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/**
 * The initial due dates we already hold for the dossiers of a request (for apology inference). Only
 * codes ingestion would accept reach the query (a NUL byte would fail it for the whole request), and
 * only the dossiers the key may write for count: another unit's dossier must not shape the mapping
 * (its events are refused as OUT_OF_SCOPE anyway).
 */
async function recordedInitialDueDates(
  services: Services,
  items: unknown[],
  scope: AgencyScope,
): Promise<Map<string, Date | null>> {
  const codes = [...new Set(items.map(dossierCodeOf).filter(isDossierCode))];
  if (codes.length === 0) return new Map();
  const rows = await services.prisma.dossier.findMany({
    where: { code: { in: codes } },
    select: { code: true, agencyId: true, initialDueAt: true },
  });
  return new Map(rows.filter((r) => scope.isAllowed(r.agencyId)).map((r) => [r.code, r.initialDueAt]));
}

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(JSON.stringify(body));
}
