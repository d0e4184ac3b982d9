// GET /graphql/schema.graphql: the schema in SDL, for code generators (GraphQL Code Generator reads a
// URL ending in .graphql as SDL) and for reading. Printed from the running schema exactly as
// api/schema.graphql is (api/scripts/print-schema.ts), so what a client generates against is what this
// instance serves, whatever its version. Public like introspection: any origin, no key, not counted.
// An ETag lets a build ask "still the same?" and get a 304.
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import { printSchema } from 'graphql';
import { sortedSchema } from '../schema/index.ts';
import { refuseUnlessGetOrHead } from './http-io.ts';

export const SCHEMA_DOWNLOAD_PATH = '/graphql/schema.graphql';
/** The name a browser saves it under. */
export const SCHEMA_FILE_NAME = 'tthc-api-schema.graphql';

interface PrintedSchema {
  body: Buffer;
  gzip: Buffer;
  etag: string;
}

let printed: PrintedSchema | null = null;

/** The text of api/schema.graphql, printed once per process on first use. */
export function printedSchema(): PrintedSchema {
  if (!printed) {
    const body = Buffer.from(`${printSchema(sortedSchema())}\n`, 'utf8');
    const digest = createHash('sha256').update(body).digest('base64url');
    // Weak: the gzip and identity bodies are the same text.
    printed = { body, gzip: gzipSync(body), etag: `W/"${digest.slice(0, 27)}"` };
  }
  return printed;
}

/** If-None-Match as RFC 9110 compares it for GET: weakly, any tag of a list, or `*`. */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const opaque = etag.replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => {
    const trimmed = tag.trim();
    return trimmed === '*' || trimmed.replace(/^W\//, '') === opaque;
  });
}

export function handleSchemaDownload(req: IncomingMessage, res: ServerResponse): void {
  const shared = { 'access-control-allow-origin': '*', 'x-content-type-options': 'nosniff' };
  if (req.method === 'OPTIONS') {
    // A script's own If-None-Match is not a CORS-safelisted header: its GET is preflighted.
    res.writeHead(204, {
      ...shared,
      'access-control-allow-methods': 'GET, HEAD',
      'access-control-allow-headers': 'If-None-Match',
      'access-control-max-age': '86400',
    });
    res.end();
    return;
  }
  if (refuseUnlessGetOrHead(req, res, shared)) return;
  const schema = printedSchema();
  const headers: Record<string, string> = {
    ...shared,
    'content-type': 'text/plain; charset=utf-8',
    'content-disposition': `attachment; filename="${SCHEMA_FILE_NAME}"`,
    // It changes with a new version of the API: a short cache, then a cheap revalidation.
    'cache-control': 'public, max-age=300',
    etag: schema.etag,
    'access-control-expose-headers': 'ETag',
    vary: 'Accept-Encoding',
  };
  if (etagMatches(req.headers['if-none-match'], schema.etag)) {
    res.writeHead(304, headers).end();
    return;
  }
  const gzipped = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  const body = gzipped ? schema.gzip : schema.body;
  if (gzipped) headers['content-encoding'] = 'gzip';
  headers['content-length'] = String(body.length);
  res.writeHead(200, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
}
