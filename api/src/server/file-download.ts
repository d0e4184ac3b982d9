// The steps every file download under /exports/ shares: who is asking (a bad or expired token is a 401
// with a code, not a silent anonymous download), whether the request budget admits it, the headers of
// an attachment, and what a failure becomes — a JSON answer with a code while nothing is sent yet, a
// cut connection once part of the file is out (so that no client takes half a file for a whole one).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { AppError, type ErrorCode } from '../errors.ts';
import type { Principal } from '../services/access/principal.ts';
import { authenticate } from '../services/api-keys.ts';
import type { Services } from '../services/context.ts';
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable, UNAVAILABLE_HTTP } from './database-errors.ts';
import { sendJson } from './http-io.ts';
import type { RequestAdmission } from './national-sync-endpoint.ts';

/** The caller, once authenticated and admitted by its budget; null when a refusal was sent. */
export async function admitDownload(
  services: Services,
  req: IncomingMessage,
  res: ServerResponse,
  admit: RequestAdmission,
): Promise<Principal | null> {
  let principal: Principal;
  try {
    principal = await authenticate(services.prisma, req.headers.authorization, services.sessions);
  } catch (error) {
    if (error instanceof AppError && error.code === 'UNAUTHENTICATED') {
      sendJson(res, 401, { code: error.code, message: error.message }, { 'www-authenticate': 'Bearer' });
      return null;
    }
    throw error;
  }
  const refusal = await admit(principal);
  if (refusal) {
    sendJson(res, refusal.status, { code: refusal.code, message: refusal.message }, refusal.headers);
    return null;
  }
  return principal;
}

/** Sends the headers of an attachment; false for a HEAD request (answered, nothing to write). */
export function startDownload(
  req: IncomingMessage,
  res: ServerResponse,
  file: { type: string; fileName: string },
): boolean {
  res.writeHead(200, {
    'content-type': file.type,
    'content-disposition': `attachment; filename="${file.fileName}"`,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  if (req.method !== 'HEAD') return true;
  res.end();
  return false;
}

const STATUS: Partial<Record<ErrorCode, number>> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
};

/**
 * Answers a failed download. `what` names it in the log ("Xuất danh mục thủ tục"). An expected failure
 * (AppError) is the caller's to fix: 401, 403 or 404 as its code says, else 400.
 */
export function failDownload(services: Services, res: ServerResponse, error: unknown, what: string): void {
  if (res.headersSent) {
    services.logger.error({ err: error }, `${what} bị gián đoạn`);
    res.destroy();
    return;
  }
  if (error instanceof AppError) {
    sendJson(res, STATUS[error.code] ?? 400, { code: error.code, message: error.message });
    return;
  }
  if (isDatabaseUnavailable(error)) {
    sendJson(
      res,
      UNAVAILABLE_HTTP.status,
      { code: 'SERVICE_UNAVAILABLE', message: DATABASE_UNAVAILABLE_MESSAGE },
      { ...UNAVAILABLE_HTTP.headers },
    );
    return;
  }
  services.logger.error({ err: error }, `${what} thất bại`);
  sendJson(res, 500, { code: 'INTERNAL_SERVER_ERROR', message: 'Lỗi hệ thống, vui lòng thử lại sau.' });
}
