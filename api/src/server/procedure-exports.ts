// GET /exports/procedures.xlsx | .csv | .json and /exports/procedures-template.xlsx: the published
// catalogue as a file to download (services/procedure-export.ts; docs/api.md "Import and export").
// Public data: anonymous callers may download it, counted against their per-IP request budget like
// any other request (a key or a session against its own); the file is streamed as it is written.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { AppError } from '../errors.ts';
import type { Principal } from '../services/access/principal.ts';
import { authenticate } from '../services/api-keys.ts';
import type { Services } from '../services/context.ts';
import { exportCatalogue, exportTemplate } from '../services/procedure-export.ts';
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable, UNAVAILABLE_HTTP } from './database-errors.ts';
import { refuseUnlessGetOrHead, sendJson } from './http-io.ts';
import type { RequestAdmission } from './national-sync-endpoint.ts';

export const EXPORTS_PREFIX = '/exports/';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const FILES: Record<
  string,
  { type: string; name: string; write: (services: Services, res: ServerResponse) => Promise<void> }
> = {
  'procedures.xlsx': {
    type: XLSX,
    name: 'danh-muc-thu-tuc-hanh-chinh',
    write: (s, res) => exportCatalogue(s.prisma, 'XLSX', res),
  },
  'procedures.csv': {
    type: 'text/csv; charset=utf-8',
    name: 'danh-muc-thu-tuc-hanh-chinh',
    write: (s, res) => exportCatalogue(s.prisma, 'CSV', res),
  },
  'procedures.json': {
    type: 'application/json; charset=utf-8',
    name: 'danh-muc-thu-tuc-hanh-chinh',
    write: (s, res) => exportCatalogue(s.prisma, 'JSON', res),
  },
  'procedures-template.xlsx': {
    type: XLSX,
    name: 'mau-nhap-thu-tuc-hanh-chinh',
    write: (_s, res) => exportTemplate(res),
  },
};

/** 20261127, in local time: the day the file was taken. */
const stamp = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10).replace(/-/g, '');

export async function handleProcedureExport(
  services: Services,
  req: IncomingMessage,
  res: ServerResponse,
  admit: RequestAdmission,
): Promise<void> {
  const name = (req.url ?? '').split('?')[0]!.slice(EXPORTS_PREFIX.length);
  const file = Object.hasOwn(FILES, name) ? FILES[name] : undefined;
  if (!file) {
    sendJson(res, 404, {
      code: 'NOT_FOUND',
      message: `Không có tệp "${name.slice(0, 80)}". Các tệp tải được: ${Object.keys(FILES)
        .map((f) => EXPORTS_PREFIX + f)
        .join(', ')}.`,
    });
    return;
  }
  if (refuseUnlessGetOrHead(req, res)) return;
  try {
    let principal: Principal;
    try {
      principal = await authenticate(services.prisma, req.headers.authorization, services.sessions);
    } catch (error) {
      if (error instanceof AppError && error.code === 'UNAUTHENTICATED') {
        sendJson(
          res,
          401,
          { code: 'UNAUTHENTICATED', message: error.message },
          { 'www-authenticate': 'Bearer' },
        );
        return;
      }
      throw error;
    }
    const refusal = await admit(principal);
    if (refusal) {
      sendJson(res, refusal.status, { code: refusal.code, message: refusal.message }, refusal.headers);
      return;
    }
    const extension = name.slice(name.lastIndexOf('.'));
    const fileName = `${file.name}-${stamp()}${extension}`;
    res.writeHead(200, {
      'content-type': file.type,
      'content-disposition': `attachment; filename="${fileName}"`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    await file.write(services, res);
  } catch (error) {
    if (res.headersSent) {
      // Part of the file is out: cut the connection so the client cannot take it for whole.
      services.logger.error({ err: error }, 'Xuất danh mục thủ tục bị gián đoạn');
      res.destroy();
      return;
    }
    if (isDatabaseUnavailable(error)) {
      sendJson(
        res,
        UNAVAILABLE_HTTP.status,
        { code: 'SERVICE_UNAVAILABLE', message: DATABASE_UNAVAILABLE_MESSAGE },
        {
          ...UNAVAILABLE_HTTP.headers,
        },
      );
      return;
    }
    services.logger.error({ err: error }, 'Xuất danh mục thủ tục thất bại');
    sendJson(res, 500, { code: 'INTERNAL_SERVER_ERROR', message: 'Lỗi hệ thống, vui lòng thử lại sau.' });
  }
}
