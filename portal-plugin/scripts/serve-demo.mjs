// Serves the demo portal page (demo/) and the built widget (dist/) with node:http only.
// Run: `npm start --workspace @tthc/portal-plugin` (WIDGET_PORT, API_URL, HOST), or import
// startDemoServer() from another script.
import { realpathSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const packageDir = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

export const DEFAULT_PORT = 5173;
export const DEFAULT_API_URL = 'http://localhost:4000/graphql';
const API_URL_PLACEHOLDER = '{{API_URL}}';

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/** @param {string} value */
function escapeAttribute(value) {
  return value.replace(
    /[&"'<>]/g,
    (char) => ({ '&': '&amp;', '"': '&quot;', "'": '&#39;', '<': '&lt;', '>': '&gt;' })[char] ?? char,
  );
}

/**
 * The file under `root` that a URL path names, or null when the path escapes `root`.
 * @param {string} root
 * @param {string} urlPath
 */
function resolveInside(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const file = path.resolve(root, `.${path.posix.normalize(`/${decoded}`)}`);
  return file === root || file.startsWith(root + path.sep) ? file : null;
}

/**
 * @param {{ port?: number, host?: string, apiUrl?: string, demoDir?: string, distDir?: string }} [options]
 *   port 0 picks a free port; distDir defaults to the package's dist/.
 * @returns {Promise<{ url: string, port: number, close: () => Promise<void> }>}
 */
export async function startDemoServer(options = {}) {
  const {
    port = DEFAULT_PORT,
    host = '127.0.0.1',
    apiUrl = DEFAULT_API_URL,
    demoDir = path.join(packageDir, 'demo'),
    distDir = path.join(packageDir, 'dist'),
  } = options;
  const roots = { demo: path.resolve(demoDir), dist: path.resolve(distDir) };

  const server = createServer(async (request, response) => {
    const send = (/** @type {number} */ status, /** @type {string} */ text) => {
      response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
      response.end(request.method === 'HEAD' ? undefined : text);
    };
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('allow', 'GET, HEAD');
      return send(405, 'Method not allowed\n');
    }

    const { pathname } = new URL(request.url ?? '/', 'http://demo.invalid');
    const isPage = pathname === '/' || pathname === '/index.html';
    const inDist = pathname.startsWith('/dist/');
    const file = isPage
      ? path.join(roots.demo, 'index.html')
      : inDist
        ? resolveInside(roots.dist, pathname.slice('/dist'.length))
        : resolveInside(roots.demo, pathname);
    if (!file) return send(404, 'Not found\n');

    let body;
    try {
      body = await readFile(file);
    } catch {
      const hint = inDist ? ' (build the widget first: npm run build --workspace @tthc/portal-plugin)' : '';
      return send(404, `Not found${hint}\n`);
    }
    if (isPage) {
      body = Buffer.from(body.toString('utf8').replaceAll(API_URL_PLACEHOLDER, escapeAttribute(apiUrl)));
    }
    response.writeHead(200, {
      'content-type':
        CONTENT_TYPES[/** @type {keyof CONTENT_TYPES} */ (path.extname(file))] ?? 'application/octet-stream',
      'content-length': body.length,
      'cache-control': 'no-cache',
      'x-content-type-options': 'nosniff',
    });
    response.end(request.method === 'HEAD' ? undefined : body);
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(undefined);
    });
  });

  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const anyHost = host === '0.0.0.0' || host === '::' || host === '';
  const urlHost = anyHost ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${actualPort}/`,
    port: actualPort,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        // Browsers keep connections alive; without this close() would wait for them to time out.
        server.closeAllConnections();
      }),
  };
}

function isMain() {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMain()) {
  const apiUrl = process.env.API_URL || DEFAULT_API_URL;
  try {
    const server = await startDemoServer({
      port: Number(process.env.WIDGET_PORT || DEFAULT_PORT),
      host: process.env.HOST || '127.0.0.1',
      apiUrl,
    });
    console.log(`Widget demo: ${server.url} (API: ${apiUrl})`);
    const stop = async (/** @type {NodeJS.Signals} */ signal) => {
      console.log(`Widget demo: ${signal}, stopping`);
      await server.close();
      process.exit(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  } catch (error) {
    console.error(`Widget demo: could not start: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
}
