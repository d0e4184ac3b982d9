// GET /exports/procedures.xlsx | .csv | .json and /exports/procedures-template.xlsx: the published
// catalogue as a file to download (services/procedure-export.ts; docs/api.md "Import and export").
// Public data: anonymous callers may download it, counted against their per-IP request budget like
// any other request (a key or a session against its own); the file is streamed as it is written.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Services } from '../services/context.ts';
import { exportCatalogue, exportTemplate } from '../services/procedure-export.ts';
import { admitDownload, failDownload, startDownload } from './file-download.ts';
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
    if (!(await admitDownload(services, req, res, admit))) return;
    const extension = name.slice(name.lastIndexOf('.'));
    if (startDownload(req, res, { type: file.type, fileName: `${file.name}-${stamp()}${extension}` })) {
      await file.write(services, res);
    }
  } catch (error) {
    failDownload(services, res, error, 'Xuất danh mục thủ tục');
  }
}
