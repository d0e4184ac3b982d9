// Reading request bodies and writing JSON answers for the API's own HTTP endpoints (the national
// sync, the rating form's path, health and readiness), written once.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ErrorCode } from '../errors.ts';

/** The body of a refusal outside Yoga, in GraphQL's error shape with the API's stable code. */
export const errorBody = (code: ErrorCode, message: string) => ({
  errors: [{ message, extensions: { code } }],
});

/** A JSON answer that no cache keeps. */
export function sendJson(
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

/**
 * For a read-only endpoint: answers 405 (JSON, `Allow: GET, HEAD`) to any other method and returns
 * true, or returns false for GET and HEAD.
 */
export function refuseUnlessGetOrHead(
  req: IncomingMessage,
  res: ServerResponse,
  headers: Record<string, string> = {},
): boolean {
  if (req.method === 'GET' || req.method === 'HEAD') return false;
  sendJson(
    res,
    405,
    { code: 'METHOD_NOT_ALLOWED', message: 'Chỉ nhận phương thức GET.' },
    { ...headers, allow: 'GET, HEAD' },
  );
  return true;
}

/** The body, or why not: over `maxBytes` (and whether the connection must close to stop it). */
export type BodyRead = { body: Buffer } | { tooLarge: true; closing: boolean };

/**
 * Reads a body of at most `maxBytes`. A larger one is read and thrown away up to `discardUpTo`, so
 * that a client still sending can read the 413; past that (or when Content-Length already says so)
 * reading stops and the answer must close the connection.
 */
export function readBody(
  req: IncomingMessage,
  maxBytes: number,
  discardUpTo = 4 * maxBytes,
): Promise<BodyRead> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > discardUpTo)
    return Promise.resolve({ tooLarge: true, closing: true });
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > discardUpTo) {
        req.off('data', onData);
        req.pause();
        resolve({ tooLarge: true, closing: true });
        return;
      }
      if (size <= maxBytes) chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () =>
      resolve(size > maxBytes ? { tooLarge: true, closing: false } : { body: Buffer.concat(chunks) }),
    );
    req.once('error', reject);
  });
}
