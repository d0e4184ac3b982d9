// What the API's own HTML pages share (the citizen's rating page, server/rating-page.ts, and the demo
// portal pages, server/demo-pages.ts): a strict Content-Security-Policy with no inline script or
// style, the one small stylesheet they use (served at PAGE_STYLESHEET_PATH, so `style-src 'self'`
// suffices), HTML escaping and the document frame. The pages hold the widget the way a portal
// would: <script type="module" src="/widget/v1.js"> and the element.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { WIDGET_ENTRY_NAME, WIDGET_PREFIX } from './widget-assets.ts';

export const PAGE_STYLESHEET_PATH = '/trang.css';

const escapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => escapes[c]!);

/**
 * The policy of a page. The widget's live updates open a WebSocket to this API: `connect-src 'self'`
 * covers ws: on the same host in CSP Level 3 browsers only, so the ws/wss URL of the host is named too.
 * The Host header is reduced to host-name characters before it goes into the header.
 */
export function strictCsp(req: IncomingMessage, formAction: 'none' | 'self' = 'none'): string {
  const host = String(req.headers.host ?? '').replace(/[^A-Za-z0-9.:[\]-]/g, '');
  const sockets = host ? ` ws://${host} wss://${host}` : '';
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    `connect-src 'self'${sockets}`,
    "img-src 'self'",
    "base-uri 'none'",
    `form-action '${formAction}'`,
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Sends a whole HTML page under the strict policy; nothing caches it (pages may carry a token). */
export function sendPage(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  html: string,
  formAction: 'none' | 'self' = 'none',
): void {
  const body = Buffer.from(html, 'utf8');
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'content-length': String(body.length),
    'content-security-policy': strictCsp(req, formAction),
    'cache-control': 'no-store',
    // The rating token is in the page's URL: no Referer carries it to another site.
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** The frame of a page: Vietnamese, mobile-first, the stylesheet and the widget's loader. */
export function pageHtml(title: string, main: string, lang = 'vi'): string {
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="${PAGE_STYLESHEET_PATH}">
<script type="module" src="${WIDGET_PREFIX}${WIDGET_ENTRY_NAME}"></script>
</head>
<body>
${main}
</body>
</html>
`;
}

// Mobile first: one column from 320 px, system fonts, contrast ≥ 4.5:1 (#1f2937 and #0b4f8a on white).
// The dvc-satisfaction rules hold the widget's loading size (portal-plugin styles.ts) until its async
// script defines the element, so nothing below it moves (no layout shift; README "Embedding").
const STYLESHEET = `*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1f2937;background:#f6f7f9}
header.site{background:#a61b1b;color:#fff;padding:.75rem 1rem}
header.site p{margin:0;font-weight:600}
header.site a{color:#fff}
.muted-inverse{font-weight:400}
nav.demo{padding:.5rem 1rem;background:#fff;border-bottom:1px solid #d1d5db}
nav.demo a[aria-current]{font-weight:700}
main{max-width:44rem;margin:0 auto;padding:1rem}
h1{font-size:1.375rem;line-height:1.3;margin:.5rem 0 1rem}
h2{font-size:1.125rem;margin:1.5rem 0 .5rem}
a{color:#0b4f8a}
a:focus-visible,button:focus-visible,input:focus-visible{outline:3px solid #0b4f8a;outline-offset:2px}
.card{background:#fff;border:1px solid #d1d5db;border-radius:.5rem;padding:1rem;margin:1rem 0}
.card>h2:first-child{margin-top:0}
.facts{margin:0;display:grid;grid-template-columns:max-content 1fr;gap:.25rem .75rem}
.facts dt{font-weight:600}
.facts dd{margin:0;overflow-wrap:anywhere}
.notice{border-left:4px solid #a15c00;background:#fff8eb;padding:.75rem 1rem;margin:1rem 0}
.muted{color:#4b5563;font-size:.9375rem}
form.lookup{display:flex;flex-wrap:wrap;gap:.5rem;align-items:end}
form.lookup label{display:block;font-weight:600;width:100%}
form.lookup input{font:inherit;min-height:2.75rem;padding:.5rem;border:1px solid #6b7280;border-radius:.375rem;flex:1 1 14rem}
form.lookup button{font:inherit;min-height:2.75rem;padding:.5rem 1rem;border:0;border-radius:.375rem;background:#0b4f8a;color:#fff;cursor:pointer}
ul.plain{padding-left:1.25rem}
nav.demo a{margin-right:1rem}
dvc-satisfaction:not(:defined){display:inline-block;vertical-align:top;min-height:2.75rem;min-width:min(18rem,100%)}
dvc-satisfaction[variant=card]:not(:defined){display:block;min-height:10rem}
dvc-satisfaction[dossier-code]:not(:defined){display:block;min-height:16rem}
@media (prefers-reduced-motion:reduce){*{transition:none!important;animation:none!important}}
`;

/** GET /trang.css: the pages' stylesheet (cached an hour; it changes only with a release). */
export function handlePageStylesheet(req: IncomingMessage, res: ServerResponse): void {
  res.writeHead(200, {
    'content-type': 'text/css; charset=utf-8',
    'cache-control': 'public, max-age=3600',
    'x-content-type-options': 'nosniff',
  });
  res.end(req.method === 'HEAD' ? undefined : STYLESHEET);
}
