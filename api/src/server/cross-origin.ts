// Cross-origin rules for everything Yoga serves (/graphql). Browsers reach the API from two kinds of
// pages: portals embedding the widget, on any site, anonymous; and pages of our own that may send
// credentials (cookies, HTTP authentication). So:
//
// - any origin may call without credentials: `Access-Control-Allow-Origin: *`, which browsers never
//   combine with credentials, so a foreign page reads only what anyone may read;
// - only the origins of CORS_CREDENTIAL_ORIGINS get their origin echoed with
//   `Access-Control-Allow-Credentials: true`;
// - a POST must carry a JSON body. HTML forms and other "simple" requests (form-encoded, multipart,
//   text/plain) go cross-site without a preflight, so any page could make its visitors' browsers run
//   a mutation from their addresses; a JSON POST from another origin is preflighted, and answered
//   by the rules above. GET stays open to queries: Yoga refuses mutations over GET (405).
//
// Yoga's own CORS (@whatwg-node/server) cannot send a literal `*`: it echoes every origin it allows
// and adds Allow-Credentials unless told otherwise. So it is turned off (`cors: false`) and the
// headers are set here on the Node response, before Yoga writes its own.
import type { IncomingMessage, ServerResponse } from 'node:http';

/** The error code of a POST to /graphql without a JSON content type (HTTP 415). */
export const UNSUPPORTED_MEDIA_TYPE = 'UNSUPPORTED_MEDIA_TYPE';
export const UNSUPPORTED_MEDIA_TYPE_MESSAGE =
  'Yêu cầu POST tới /graphql phải gửi nội dung JSON (Content-Type: application/json).';

/**
 * The JSON bodies Yoga reads (both need a preflight when sent cross-origin).
 * `application/graphql-response+json` names a response: Yoga cannot read a body sent as it.
 */
const JSON_MEDIA_TYPES = new Set(['application/json', 'application/graphql+json']);

const ALLOWED_METHODS = 'GET, POST, OPTIONS';
const PREFLIGHT_MAX_AGE_SECONDS = '86400';

/**
 * CORS_CREDENTIAL_ORIGINS: a comma-separated list of origins (`https://admin.example.gov.vn`), each
 * normalised as browsers send it (lower-case, no default port, no trailing slash). `*` is refused:
 * credentials for every origin is the hole this list exists to close.
 */
export function parseCredentialOrigins(raw: string | undefined, fallback: readonly string[]): string[] {
  if (raw === undefined) return [...fallback];
  return raw
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
    .map((entry) => {
      const origin = originOf(entry);
      if (origin === undefined) {
        throw new Error(
          `CORS_CREDENTIAL_ORIGINS must list origins such as https://admin.example.gov.vn (no path, no *), got "${entry}"`,
        );
      }
      return origin;
    });
}

function originOf(entry: string): string | undefined {
  let url: URL;
  try {
    url = new URL(entry);
  } catch {
    return undefined;
  }
  const web = url.protocol === 'http:' || url.protocol === 'https:';
  const bare = url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password;
  return web && bare ? url.origin : undefined;
}

/**
 * Sets the CORS headers of a request Yoga is about to serve, and answers it instead when it is a
 * preflight (204) or a POST without a JSON content type (415, nothing executed). Returns whether it
 * answered.
 */
export function answerCrossOrigin(
  req: IncomingMessage,
  res: ServerResponse,
  credentialOrigins: readonly string[],
): boolean {
  // The answer depends on the Origin (`*` or the origin itself): caches must keep them apart.
  res.setHeader('vary', 'Origin');
  const origin = req.headers.origin;
  if (origin !== undefined) {
    if (credentialOrigins.includes(origin)) {
      res.setHeader('access-control-allow-origin', origin);
      res.setHeader('access-control-allow-credentials', 'true');
    } else {
      res.setHeader('access-control-allow-origin', '*');
    }
  }

  if (req.method === 'OPTIONS') {
    if (origin !== undefined) {
      res.setHeader('access-control-allow-methods', ALLOWED_METHODS);
      // Any request header: without credentials a header carries nothing of the visitor's (curl could
      // send it as well), and the origins given credentials are our own pages.
      const requested = req.headers['access-control-request-headers'];
      if (requested) {
        res.setHeader('access-control-allow-headers', requested);
        res.setHeader('vary', 'Origin, Access-Control-Request-Headers');
      }
      res.setHeader('access-control-max-age', PREFLIGHT_MAX_AGE_SECONDS);
    }
    // Safari waits for a body of a 204 without an explicit length.
    res.writeHead(204, { 'content-length': '0' }).end();
    return true;
  }

  if (req.method === 'POST' && !JSON_MEDIA_TYPES.has(mediaTypeOf(req.headers['content-type']))) {
    const body = JSON.stringify({
      errors: [{ message: UNSUPPORTED_MEDIA_TYPE_MESSAGE, extensions: { code: UNSUPPORTED_MEDIA_TYPE } }],
    });
    res.writeHead(415, {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
    });
    res.end(body);
    return true;
  }
  // Media types are case-insensitive (RFC 9110 §8.3.1) but Yoga's body parsers compare them as
  // written: hand Yoga the type in lower case, so `Application/JSON` is read like `application/json`.
  const type = req.headers['content-type'];
  if (type && type !== type.toLowerCase()) req.headers['content-type'] = type.toLowerCase();
  return false;
}

/** `Application/JSON; charset=utf-8` → `application/json`. */
function mediaTypeOf(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}
