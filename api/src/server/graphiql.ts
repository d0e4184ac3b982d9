// GET /graphql from a browser: GraphiQL, served entirely from the API's own files, so that it works
// offline, on an intranet and behind a firewall that blocks CDNs (Yoga's default page loads its
// scripts from unpkg). The bundle is @graphql-yoga/render-graphiql's: React, GraphiQL, Monaco, its
// three workers, the fonts and icons inlined as data: URLs — it makes no request of its own but to
// the GraphQL endpoint. Its `renderGraphiQL` would inline all of it (9 MB) into every page; instead
// the page is a few KB and names the parts by content hash under /graphql/graphiql/, each gzipped
// once and cached for a year. Hence also a strict policy: no inline script (the options travel as a
// JSON data block, which never runs), connections to this host only.
// On in every environment (GRAPHIQL=off disables it): third parties explore the public schema
// without a key, within the anonymous budget of docs/limits.md, like any other caller.
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import { gzip as gzipCallback } from 'node:zlib';
import { addDays, addMonths, dayOf } from '../domain/time.ts';
import { refuseUnlessGetOrHead, sendJson } from './http-io.ts';
import { etagMatches, SCHEMA_DOWNLOAD_PATH } from './schema-download.ts';

const gzip = promisify(gzipCallback);

export const GRAPHIQL_ASSETS_PREFIX = '/graphql/graphiql/';

/** Yoga's rule for its own GraphiQL: a browser navigating to the endpoint asks for HTML. */
export function wantsGraphiQL(req: IncomingMessage): boolean {
  return (
    (req.method === 'GET' || req.method === 'HEAD') && String(req.headers.accept ?? '').includes('text/html')
  );
}

interface Asset {
  body: Buffer;
  gzip: Buffer;
  type: string;
  etag: string;
}

interface Assets {
  files: Map<string, Asset>;
  /** Paths of the parts, by role. */
  paths: {
    start: string;
    script: string;
    stylesheet: string;
    favicon: string;
    /** Monaco's workers by the label it asks for (getWorkerUrl). */
    workers: Record<'editorWorkerService' | 'json' | 'graphql', string>;
  };
}

// Runs before the bundle: Monaco reads MonacoEnvironment when it loads, and its workers come from
// this API's own files (render-graphiql turns them into blob: URLs; a file needs no `worker-src blob:`).
// GraphiQL renders once the bundle, the next script, has run.
const START_SCRIPT = `'use strict';
(function () {
  var setup = JSON.parse(document.getElementById('graphiql-setup').textContent);
  self.MonacoEnvironment = {
    globalAPI: false,
    getWorkerUrl: function (_moduleId, label) {
      return setup.workers[label] || setup.workers.editorWorkerService;
    },
  };
  // GraphiQL 5 fills the variables editor from its \`variables\` option, not from the first default
  // tab; once the visitor's tabs are stored, it restores them itself (given then, the option would
  // add an untitled tab at every visit).
  var stored = null;
  try {
    stored = localStorage.getItem('graphiql:tabState');
  } catch (_) {}
  if (!stored && setup.options.defaultTabs) setup.options.variables = setup.options.defaultTabs[0].variables;
  document.addEventListener('DOMContentLoaded', function () {
    YogaGraphiQL.renderYogaGraphiQL(document.getElementById('root'), setup.options);
  });
})();
`;

const JS = 'text/javascript; charset=utf-8';

async function asset(body: Buffer, type: string): Promise<Asset> {
  const digest = createHash('sha256').update(body).digest('base64url');
  // Weak: the gzip and identity bodies are the same file.
  return { body, gzip: await gzip(body, { level: 9 }), type, etag: `W/"${digest.slice(0, 27)}"` };
}

/** The parts, named `<role>.<hash>.<ext>`: a new render-graphiql version gets new names. */
async function loadAssets(): Promise<Assets> {
  // 9 MB of strings: loaded on the first visit, not at every start of the API (tests start dozens).
  const bundle = await import('@graphql-yoga/render-graphiql/graphiql');
  const favicon = /^data:([^;,]+);base64,(.*)$/s.exec(bundle.favicon);
  const parts: [string, string, Buffer, string][] = [
    ['start', 'js', Buffer.from(START_SCRIPT), JS],
    ['script', 'js', Buffer.from(bundle.js), JS],
    ['stylesheet', 'css', Buffer.from(bundle.css), 'text/css; charset=utf-8'],
    ['editorWorkerService', 'js', Buffer.from(bundle.editorWorkerService), JS],
    ['json', 'js', Buffer.from(bundle.jsonWorker), JS],
    ['graphql', 'js', Buffer.from(bundle.graphqlWorker), JS],
    [
      'favicon',
      'ico',
      favicon ? Buffer.from(favicon[2]!, 'base64') : Buffer.alloc(0),
      favicon?.[1] ?? 'image/x-icon',
    ],
  ];
  const files = new Map<string, Asset>();
  const paths: Record<string, string> = {};
  await Promise.all(
    parts.map(async ([role, ext, body, type]) => {
      const file = await asset(body, type);
      const name = `${role}.${file.etag.slice(3, 15)}.${ext}`;
      files.set(name, file);
      paths[role] = `${GRAPHIQL_ASSETS_PREFIX}${name}`;
    }),
  );
  return {
    files,
    paths: {
      start: paths.start!,
      script: paths.script!,
      stylesheet: paths.stylesheet!,
      favicon: paths.favicon!,
      workers: {
        editorWorkerService: paths.editorWorkerService!,
        json: paths.json!,
        graphql: paths.graphql!,
      },
    },
  };
}

// One copy per process, whatever the number of apps in it.
let loading: Promise<Assets> | null = null;
const graphiqlAssets = () => {
  loading ??= loadAssets().catch((err) => {
    loading = null;
    throw err;
  });
  return loading;
};

/** A tab of GraphiQL as its `defaultTabs` option takes it. */
export interface ExampleTab {
  query: string;
  variables?: string;
  headers?: string;
}

const json = (value: unknown) => JSON.stringify(value, null, 2);

/**
 * The operations GraphiQL opens with (until the visitor's own tabs are stored in the browser): what
 * the portal widget reads, the catalogue page by page, the live figures, and who the API sees. The
 * period is the widget's, the last 12 months up to `today` (a day in Vietnam). Validated against the
 * schema by graphiql.test.ts, so a renamed field fails the tests, not the visitor.
 */
export function exampleTabs(today: string): ExampleTab[] {
  const period = { from: addDays(addMonths(today, -12), 1), to: today };
  return [
    {
      // Lines of at most 50 characters: the editor's width beside the result at 1280 px.
      query: `# API thủ tục hành chính (TTHC) — GraphiQL.
# Chạy: Ctrl-Enter hoặc nút ▶. Số liệu công khai
# không cần khóa API. Các thẻ khác: danh mục
# có phân trang, số liệu trực tiếp, khóa API.
# Lược đồ: ${SCHEMA_DOWNLOAD_PATH}
#
# Số liệu 12 tháng của một thủ tục: đúng truy
# vấn widget cổng dịch vụ công đọc.
query DvcFigures($s: StatsScope!, $p: PeriodInput!, $c: String!) {
  stats(scope: $s, period: $p) {
    ratings
    satisfactionRate
    finished
    onTimeRate
    medianProcessingWorkingDays
  }
  procedure(code: $c) {
    name
    timeLimits {
      channel
      value
      unit
    }
  }
}
`,
      variables: json({ s: { procedureCode: '1.001193' }, p: period, c: '1.001193' }),
    },
    {
      query: `# Danh mục thủ tục, từng trang (first ≤ 100).
# Trang sau: "after" = pageInfo.endCursor.
query Procedures($first: Int, $after: String, $search: String) {
  procedures(first: $first, after: $after, filter: { search: $search }) {
    totalCount
    pageInfo {
      endCursor
      hasNextPage
    }
    edges {
      node {
        code
        name
        sector {
          name
        }
      }
    }
  }
}
`,
      variables: json({ first: 5, after: null, search: 'khai sinh' }),
    },
    {
      query: `# Số liệu trực tiếp qua WebSocket: gửi ngay,
# rồi sau mỗi thay đổi. Nhấn ▶ lần nữa để dừng.
# GraphiQL không gửi Headers qua WebSocket.
subscription FiguresChanged($s: StatsScope!, $p: PeriodInput!) {
  statsChanged(scope: $s, period: $p) {
    received
    finished
    onTime
    late
    onTimeRate
  }
}
`,
      variables: json({ s: { agencyCode: '56' }, p: period }),
    },
    {
      query: `# Ai đang gọi: thay <khóa API> trong Headers
# bằng khóa của bạn; không có khóa: ANONYMOUS.
# Cấp khóa: quản trị viên (createApiKey), hoặc
#   npm run cli -- api-key create --name "…"
#   --scopes read
# Headers không được lưu lại trong trình duyệt.
query Viewer {
  viewer {
    kind
    name
    scopes
  }
}
`,
      headers: json({ authorization: 'Bearer <khóa API>' }),
    },
  ];
}

/** A JSON block inside <script>: nothing in it may close the element. */
const scriptJson = (value: unknown) =>
  JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');

function pageHtml(assets: Assets, today: string): string {
  const setup = {
    workers: assets.paths.workers,
    // Yoga's GraphiQLOptions (graphql-yoga 5.24), read by render-graphiql's bundle.
    options: {
      title: `API TTHC · <a href="${SCHEMA_DOWNLOAD_PATH}" download>schema.graphql</a>`,
      subscriptionsProtocol: 'WS',
      defaultTabs: exampleTabs(today),
      // An API key typed into Headers stays in the tab, not in localStorage for the next visitor.
      shouldPersistHeaders: false,
      favicon: assets.paths.favicon,
    },
  };
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>API TTHC — GraphiQL</title>
<link rel="icon" href="${assets.paths.favicon}">
<link rel="stylesheet" href="${assets.paths.stylesheet}">
</head>
<body id="body" class="no-focus-outline">
<noscript>GraphiQL cần JavaScript. Lược đồ API: <a href="${SCHEMA_DOWNLOAD_PATH}">schema.graphql</a>.</noscript>
<div id="root"></div>
<script type="application/json" id="graphiql-setup">${scriptJson(setup)}</script>
<script src="${assets.paths.start}"></script>
<script src="${assets.paths.script}"></script>
</body>
</html>
`;
}

/**
 * The page's policy: scripts and workers from this API only, no inline script; inline styles, which
 * React and Monaco set at run time; fonts and icons inlined as data: URLs in the stylesheet;
 * connections to this host only (its ws/wss URL named for browsers before CSP Level 3).
 */
export function graphiqlCsp(req: IncomingMessage): string {
  const host = String(req.headers.host ?? '').replace(/[^A-Za-z0-9.:[\]-]/g, '');
  const sockets = host ? ` ws://${host} wss://${host}` : '';
  return [
    "default-src 'none'",
    "script-src 'self'",
    "worker-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "font-src 'self' data:",
    "img-src 'self' data:",
    `connect-src 'self'${sockets}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The page at GET /graphql (wantsGraphiQL). */
export async function handleGraphiQLPage(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const assets = await graphiqlAssets();
  const body = Buffer.from(pageHtml(assets, dayOf(new Date())), 'utf8');
  res.writeHead(200, {
    'content-type': 'text/html; charset=utf-8',
    'content-length': String(body.length),
    'content-security-policy': graphiqlCsp(req),
    // The example period moves with the day.
    'cache-control': 'no-store',
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
    vary: 'Accept',
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** A part of GraphiQL under GRAPHIQL_ASSETS_PREFIX: immutable, gzipped when accepted. */
export async function handleGraphiQLAsset(req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (refuseUnlessGetOrHead(req, res)) return;
  const name = (req.url ?? '').split('?')[0]!.slice(GRAPHIQL_ASSETS_PREFIX.length);
  const asset = (await graphiqlAssets()).files.get(name);
  if (!asset) {
    sendJson(res, 404, { code: 'NOT_FOUND', message: `Không có tệp GraphiQL "${name.slice(0, 80)}".` });
    return;
  }
  const headers: Record<string, string> = {
    'content-type': asset.type,
    'cache-control': 'public, max-age=31536000, immutable',
    etag: asset.etag,
    vary: 'Accept-Encoding',
    'x-content-type-options': 'nosniff',
  };
  if (etagMatches(req.headers['if-none-match'], asset.etag)) {
    res.writeHead(304, headers).end();
    return;
  }
  const gzipped = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  const body = gzipped ? asset.gzip : asset.body;
  if (gzipped) headers['content-encoding'] = 'gzip';
  headers['content-length'] = String(body.length);
  res.writeHead(200, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
}
