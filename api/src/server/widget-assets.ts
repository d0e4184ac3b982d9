// GET /widget/v1.js and /widget/<content-hashed file>: the portal widget (<dvc-satisfaction>, built by
// portal-plugin into dist/widget/ with a manifest.json), served by the API so that a portal pastes one
// script tag (docs/api.md "The portal widget"). The stable name answers the current entry with a short
// cache and an ETag, so a new version reaches portals within minutes; the hashed files never change
// and are cached for a year. Scripts are public: any origin may load them (CORS *), and
// Cross-Origin-Resource-Policy lets portals that isolate themselves (COEP) embed them.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Logger } from '../services/logger.ts';
import { refuseUnlessGetOrHead, sendJson } from './http-io.ts';

export const WIDGET_PREFIX = '/widget/';
/** The stable name portals paste; the major version changes only with a breaking change of the element. */
export const WIDGET_ENTRY_NAME = 'v1.js';

/** Where `npm run build --workspace @tthc/portal-plugin` writes the widget (WIDGET_DIR overrides it). */
export const DEFAULT_WIDGET_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../portal-plugin/dist/widget',
);

/** manifest.json as the portal-plugin build writes it. */
export interface WidgetManifest {
  entry: string;
  files: Record<string, { bytes: number; gzipBytes: number; integrity: string }>;
}

interface Asset {
  body: Buffer;
  gzip: Buffer | null;
  type: string;
  etag: string;
  integrity: string;
}

export interface WidgetAssets {
  entry: string;
  integrity: string;
  files: Map<string, Asset>;
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

// A file name as the build writes it: no directory, no "..", nothing a URL could smuggle in.
const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/**
 * Reads the manifest and every file it lists into memory (a few tens of KB), once at start. Without
 * a built widget the API still starts: /widget/ answers 404 and the log says how to build it.
 */
export function loadWidgetAssets(dir: string, logger: Logger): WidgetAssets | null {
  let manifest: WidgetManifest;
  try {
    manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as WidgetManifest;
  } catch (err) {
    logger.warn(
      { dir, reason: (err as Error).message },
      'Widget cổng DVC chưa được dựng: /widget/v1.js trả 404. Dựng bằng: npm run build --workspace @tthc/portal-plugin',
    );
    return null;
  }
  const files = new Map<string, Asset>();
  for (const [name, meta] of Object.entries(manifest.files ?? {})) {
    const type = TYPES[path.extname(name)];
    if (!SAFE_NAME.test(name) || name === WIDGET_ENTRY_NAME || !type) {
      logger.warn({ name }, 'widget manifest: file name refused, not served');
      continue;
    }
    const body = readFileSync(path.join(dir, name));
    const digest = createHash('sha384').update(body).digest('base64');
    if (meta.integrity && meta.integrity !== `sha384-${digest}`) {
      logger.warn({ name }, 'widget manifest: integrity does not match the file; serving the file as it is');
    }
    files.set(name, {
      body,
      gzip: type.startsWith('text/') || type.startsWith('application/') ? gzipSync(body, { level: 9 }) : null,
      type,
      // Weak: the gzip and identity bodies are the same file.
      etag: `W/"${digest.slice(0, 27)}"`,
      integrity: `sha384-${digest}`,
    });
  }
  const entry = files.get(manifest.entry);
  if (!entry) {
    logger.warn(
      { dir, entry: manifest.entry },
      'widget manifest: the entry file is missing; /widget/ answers 404',
    );
    return null;
  }
  logger.info({ entry: manifest.entry, files: files.size }, 'Widget cổng DVC: /widget/v1.js');
  return { entry: manifest.entry, integrity: entry.integrity, files };
}

const LONG_CACHE = 'public, max-age=31536000, immutable';
const SHORT_CACHE = 'public, max-age=300';

/** Answers a request under /widget/. */
export function handleWidgetAsset(
  assets: WidgetAssets | null,
  req: IncomingMessage,
  res: ServerResponse,
): void {
  const name = (req.url ?? '').split('?')[0]!.slice(WIDGET_PREFIX.length);
  const stable = name === WIDGET_ENTRY_NAME;
  const asset = !assets ? undefined : stable ? assets.files.get(assets.entry) : assets.files.get(name);
  const shared = {
    'access-control-allow-origin': '*',
    'cross-origin-resource-policy': 'cross-origin',
    'x-content-type-options': 'nosniff',
  };
  if (req.method === 'OPTIONS') {
    res.writeHead(204, {
      ...shared,
      'access-control-allow-methods': 'GET, HEAD',
      'access-control-max-age': '86400',
    });
    res.end();
    return;
  }
  if (!asset) {
    sendJson(
      res,
      404,
      {
        code: 'NOT_FOUND',
        message: assets
          ? `Không có tệp widget "${name.slice(0, 80)}". Nhúng widget bằng ${WIDGET_PREFIX}${WIDGET_ENTRY_NAME}.`
          : 'Widget chưa được dựng trên máy chủ này.',
      },
      shared,
    );
    return;
  }
  if (refuseUnlessGetOrHead(req, res, shared)) return;
  const headers: Record<string, string> = {
    ...shared,
    'content-type': asset.type,
    'cache-control': stable ? SHORT_CACHE : LONG_CACHE,
    etag: asset.etag,
    vary: 'Accept-Encoding',
  };
  if (req.headers['if-none-match'] === asset.etag) {
    res.writeHead(304, headers).end();
    return;
  }
  const gzip = asset.gzip && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  const body = gzip ? asset.gzip! : asset.body;
  if (gzip) headers['content-encoding'] = 'gzip';
  headers['content-length'] = String(body.length);
  res.writeHead(200, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
}
