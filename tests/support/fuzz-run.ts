// Sending fuzz requests (support/fuzz-requests.ts) and judging the answers, for api/fuzz.test.ts.
// The oracle is the API's own contract (docs/limits.md §6): whatever the request, the answer is JSON,
// never HTTP 500 nor INTERNAL_SERVER_ERROR, a 5xx only as the documented 503s, every error carries
// a stable `extensions.code`, a 429 says RATE_LIMITED with Retry-After, and no stack trace leaks.
import { Agent, request as httpRequest } from 'node:http';
import type { FuzzRequest } from './graphql-fuzz.ts';

export interface Answer {
  status: number;
  contentType: string | null;
  retryAfter: string | null;
  text: string;
  /** The parsed body (the first event's data for an event stream); undefined when not JSON. */
  json?: unknown;
  /** A subscription stream that stayed open without an event while we waited: nothing to judge. */
  openStream?: boolean;
  /** No answer at all: connection refused or reset, or nothing within REQUEST_TIMEOUT_MS. */
  error?: string;
  ms: number;
}

export interface GraphQLErrorBody {
  message?: unknown;
  path?: unknown[];
  extensions?: { code?: unknown } & Record<string, unknown>;
}

/** How long an event stream (subscription over SSE) may stay silent before we hang up. */
const STREAM_WAIT_MS = 500;
/** Twice the server's 10 s execution deadline: past it the server has stopped answering. */
const REQUEST_TIMEOUT_MS = 20_000;

// node:http with a keep-alive agent rather than fetch: the API runs in this same process, so the
// client's CPU is taken from the server's, and fetch's web streams cost enough to matter (the same
// fuzz ran at ~90 requests/s with fetch, ~150/s with this).
const agent = new Agent({ keepAlive: true, maxSockets: 64 });

export async function send(baseUrl: string, req: FuzzRequest, auth: Record<string, string>): Promise<Answer> {
  const answer = await sendOnce(baseUrl, req, auth);
  // A kept-alive socket the server closed just as we reused it: the request never reached the
  // server (Node's documented race, `request.reusedSocket`), so it is sent again, once.
  return answer.retry ? sendOnce(baseUrl, req, auth) : answer;
}

function sendOnce(
  baseUrl: string,
  req: FuzzRequest,
  auth: Record<string, string>,
): Promise<Answer & { retry?: boolean }> {
  const started = performance.now();
  const headers: Record<string, string> = { ...auth };
  if (req.accept !== null) headers.accept = req.accept;
  if (req.contentType !== null) headers['content-type'] = req.contentType;
  const body = req.method === 'POST' ? Buffer.from(req.body) : undefined;
  if (body) headers['content-length'] = String(body.length);
  const origin = new URL(baseUrl);
  const path = req.method === 'GET' ? `${req.path}?${req.body}` : req.path;
  return new Promise((resolve) => {
    let answered = false;
    const failed = (err: Error & { code?: string }) => {
      clearTimeout(timer);
      resolve({
        status: 0,
        contentType: null,
        retryAfter: null,
        text: '',
        error: err.message,
        ms: performance.now() - started,
        retry: !answered && request.reusedSocket && err.code === 'ECONNRESET',
      });
    };
    const request = httpRequest(
      { host: origin.hostname, port: origin.port, path, method: req.method, headers, agent },
      (res) => {
        answered = true;
        const contentType = res.headers['content-type'] ?? null;
        const retryAfter = (res.headers['retry-after'] as string | undefined) ?? null;
        const status = res.statusCode ?? 0;
        const stream = contentType?.startsWith('text/event-stream') ?? false;
        const chunks: Buffer[] = [];
        let streamWait: NodeJS.Timeout | undefined;
        const finish = (text: string, openStream: boolean) => {
          clearTimeout(streamWait);
          clearTimeout(timer);
          const ms = performance.now() - started;
          if (openStream) resolve({ status, contentType, retryAfter, text, openStream: true, ms });
          else resolve({ status, contentType, retryAfter, text, json: parse(text), ms });
        };
        if (stream) {
          // A subscription (or any operation) over SSE: judge the first event, then hang up.
          streamWait = setTimeout(() => {
            finish('', true);
            request.destroy();
          }, STREAM_WAIT_MS);
        }
        res.on('data', (chunk: Buffer) => {
          chunks.push(chunk);
          if (!stream) return;
          const data = firstEventData(Buffer.concat(chunks).toString('utf8'));
          if (data !== null) {
            finish(data, false);
            request.destroy();
          }
        });
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          if (!stream) finish(text, false);
          else finish(firstEventData(text) ?? '', firstEventData(text) === null);
        });
        res.on('error', () => {});
        // Reset after the headers: no complete answer (a no-op once `finish` has resolved).
        res.on('close', () => {
          if (!res.complete) failed(new Error('connection closed before the answer was complete'));
        });
      },
    );
    const timer = setTimeout(() => {
      request.destroy();
      failed(new Error(`no answer in ${REQUEST_TIMEOUT_MS / 1000} s`));
    }, REQUEST_TIMEOUT_MS);
    request.on('error', failed);
    request.end(body);
  });
}

/** The data of the first event of a GraphQL-over-SSE stream, or null while there is none. */
function firstEventData(buffer: string): string | null {
  for (const block of buffer.split('\n\n').slice(0, -1)) {
    const data = block
      .split('\n')
      .filter((l) => l.startsWith('data:'))
      .map((l) => l.slice(5).trim())
      .join('\n');
    if (data) return data;
  }
  return null;
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The errors of an answer (an empty list when there are none or the body is not JSON). */
export function errorsOf(a: Answer): GraphQLErrorBody[] {
  const body = a.json as { errors?: unknown } | undefined;
  return Array.isArray(body?.errors) ? (body.errors as GraphQLErrorBody[]) : [];
}

export const codesOf = (a: Answer): string[] =>
  errorsOf(a).map((e) => (typeof e.extensions?.code === 'string' ? e.extensions.code : '(none)'));

const DOCUMENTED_503 = new Set(['QUERY_TIMEOUT', 'SERVICE_UNAVAILABLE']);
const STACK_FRAME = /\bat [^\n"]*\(?[^\s"()]+\.(ts|js|mjs|cjs):\d+:\d+/;

export interface Violation {
  /** What is wrong: HTTP_500, NOT_JSON, ERROR_WITHOUT_CODE, INTERNAL_SERVER_ERROR, … */
  kind: string;
  /** The error it is about, when there is one. */
  error?: GraphQLErrorBody;
}

/** Everything in an answer that breaks the contract; empty when it is fine. */
export function violations(a: Answer): Violation[] {
  if (a.error !== undefined) return [{ kind: 'NO_ANSWER' }];
  const found: Violation[] = [];
  const errors = errorsOf(a);
  const documented503 =
    a.status === 503 && codesOf(a).length > 0 && codesOf(a).every((c) => DOCUMENTED_503.has(c));
  if (a.status === 500) found.push({ kind: 'HTTP_500' });
  else if (a.status > 500 && !documented503) {
    found.push({ kind: 'HTTP_5XX_UNDOCUMENTED' });
  }
  if (a.openStream) return found;
  // A browser's GET (Accept: text/html) is shown GraphiQL: a page, by design (server/graphiql.ts).
  if (a.status === 200 && a.contentType?.startsWith('text/html') && a.text.includes('GraphiQL')) return found;
  if (a.json === undefined || a.json === null || typeof a.json !== 'object' || Array.isArray(a.json)) {
    found.push({ kind: 'NOT_JSON' });
    return found;
  }
  const body = a.json as { data?: unknown; errors?: unknown };
  if (body.errors !== undefined && !Array.isArray(body.errors)) found.push({ kind: 'ERRORS_NOT_A_LIST' });
  for (const e of errors) {
    const code = e.extensions?.code;
    if (typeof code !== 'string' || code === '') found.push({ kind: 'ERROR_WITHOUT_CODE', error: e });
    else if (code === 'INTERNAL_SERVER_ERROR') found.push({ kind: 'INTERNAL_SERVER_ERROR', error: e });
  }
  if (a.status >= 400 && errors.length === 0) found.push({ kind: 'ERROR_STATUS_WITHOUT_ERRORS' });
  if (a.status < 300 && !('data' in body) && errors.length === 0)
    found.push({ kind: 'NEITHER_DATA_NOR_ERRORS' });
  if (a.status === 429 && (!codesOf(a).includes('RATE_LIMITED') || !a.retryAfter)) {
    found.push({ kind: 'HTTP_429_WITHOUT_RATE_LIMITED_AND_RETRY_AFTER' });
  }
  if (STACK_FRAME.test(a.text)) found.push({ kind: 'STACK_TRACE' });
  return found;
}

/**
 * A failure class: what is wrong, the status, the code and the message with numbers, quoted values
 * and whatever follows a colon blanked, so that one bug met with many inputs (or under many aliases)
 * is one class. A fault without a message of its own (HTTP 500, no answer) is told apart by the
 * generator branch of the request instead.
 */
export function classOf(v: Violation, a: Answer, req: FuzzRequest): string {
  const e = v.error ?? errorsOf(a)[0];
  const code = typeof e?.extensions?.code === 'string' ? e.extensions.code : '-';
  // A 500 answers INTERNAL_SERVER_ERROR: one class for the two violations, not two.
  const kind = v.kind === 'HTTP_500' ? 'INTERNAL_SERVER_ERROR' : v.kind;
  const opaque = kind === 'INTERNAL_SERVER_ERROR' || kind === 'NO_ANSWER' || kind === 'HTTP_5XX_UNDOCUMENTED';
  const detail =
    kind === 'NOT_JSON'
      ? `${a.contentType ?? 'no content-type'}: ${JSON.stringify(a.text.slice(0, 60))}`
      : kind === 'NO_ANSWER'
        ? (a.error ?? '')
        : normalise(typeof e?.message === 'string' ? e.message : '');
  return [kind, `HTTP ${a.status}`, code, opaque ? `${req.method} ${req.label}` : '', detail]
    .filter(Boolean)
    .join(' | ');
}

function normalise(message: string): string {
  return message
    .replace(/"[^"]*"/g, '"…"')
    .replace(/\d+/g, '#')
    .replace(/: .*$/s, ': …')
    .slice(0, 120);
}

/**
 * What the mutations said in their payloads (docs/limits.md §6: batch mutations report per-item
 * errors by index): `recordDossierEvents accepted`, `submitRating INVALID_TOKEN`, … — to see that
 * the generated mutations reach the domain rules, not only the type checks.
 */
export function payloadOutcomes(a: Answer): string[] {
  const data = (a.json as { data?: unknown } | undefined)?.data;
  if (!data || typeof data !== 'object') return [];
  const found: string[] = [];
  for (const [field, payload] of Object.entries(data)) {
    if (!payload || typeof payload !== 'object') continue;
    const p = payload as { accepted?: unknown; ok?: unknown; error?: { code?: unknown }; errors?: unknown };
    if (typeof p.accepted === 'number' && p.accepted > 0) found.push(`${field} accepted`);
    if (p.ok === true) found.push(`${field} ok`);
    const errors = [...(Array.isArray(p.errors) ? p.errors : []), ...(p.error ? [p.error] : [])] as {
      code?: unknown;
    }[];
    for (const code of new Set(errors.map((e) => e?.code).filter((c) => typeof c === 'string'))) {
      found.push(`${field} ${code}`);
    }
  }
  return found;
}

/** A value for printing: strings over 120 characters shortened, with their length. */
export function abbreviate(value: unknown): unknown {
  if (typeof value === 'string') {
    return value.length > 120 ? `${value.slice(0, 40)}…⟨${value.length} chars⟩` : value;
  }
  if (Array.isArray(value)) {
    const items = value.slice(0, 5).map(abbreviate);
    return value.length > 5 ? [...items, `…⟨${value.length} items⟩`] : items;
  }
  if (value !== null && typeof value === 'object') {
    if ('toJSON' in value && typeof value.toJSON === 'function') return value.toJSON();
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, abbreviate(v)]));
  }
  return value;
}

/** A request as a reader needs it to reproduce it by hand (no key: only the kind of caller). */
export function describeRequest(req: FuzzRequest): string {
  const head = `${req.method} ${req.path}  auth=${req.auth}  accept=${req.accept ?? '(none)'}  content-type=${req.contentType ?? '(none)'}  [${req.label}]`;
  if (req.document !== undefined) {
    const doc =
      req.document.length > 1_500
        ? `${req.document.slice(0, 1_500)}…⟨${req.document.length} chars⟩`
        : req.document;
    return `${head}\n    document: ${doc}\n    variables: ${JSON.stringify(abbreviate(req.variables ?? {}))}`;
  }
  const body = req.body.length > 600 ? `${req.body.slice(0, 600)}…⟨${req.body.length} chars⟩` : req.body;
  return `${head}\n    body: ${JSON.stringify(body)}`;
}

export function describeAnswer(a: Answer): string {
  if (a.error !== undefined) return `no answer after ${Math.round(a.ms)} ms: ${a.error}`;
  const text = a.text.length > 600 ? `${a.text.slice(0, 600)}…` : a.text;
  return `HTTP ${a.status} (${a.contentType ?? 'no content-type'}) in ${Math.round(a.ms)} ms: ${text}`;
}

/** Runs `work` over the items, `concurrency` at a time, in order of index. */
export async function inPool<T, R>(
  items: readonly T[],
  concurrency: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** `{ a: 3, b: 1 }` of a list, largest first, as printable lines. */
export function tally(values: Iterable<string>): [string, number][] {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((x, y) => y[1] - x[1]);
}
