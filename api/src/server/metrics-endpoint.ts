// GET /metrics: the instance's figures in Prometheus's text format (services/metrics.ts, the table in
// docs/operations.md "Metrics"). A scraper inside the network reads it freely: loopback and private
// addresses (10/8, 172.16/12, 192.168/16, fc00::/7). From anywhere else it takes
// `Authorization: Bearer <METRICS_TOKEN>`, and without METRICS_TOKEN it is refused: the figures name
// the operations in use and show the load. The address is the client's as TRUST_PROXY resolves it —
// behind a load balancer with TRUST_PROXY unset every caller would look like the balancer's private
// address, which is why docs/operations.md says to keep /metrics off the public listener as well.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import proxyaddr from 'proxy-addr';
import type { Metrics } from '../services/metrics.ts';
import { clientIpOf, type TrustProxy } from './client-ip.ts';
import { refuseUnlessGetOrHead, sendJson } from './http-io.ts';

export const METRICS_PATH = '/metrics';

const privateRange = proxyaddr.compile(['loopback', 'uniquelocal']);

/** Loopback or a private range; an IPv4-mapped IPv6 address counts as its IPv4 address. */
export function isPrivateAddress(address: string | null): boolean {
  if (!address) return false;
  try {
    return privateRange(address, 0);
  } catch {
    return false; // not an address at all
  }
}

const digest = (text: string) => createHash('sha256').update(text).digest();

/** Whether `Authorization: Bearer <token>` carries the token (compared in constant time). */
export function bearerMatches(header: string | undefined, token: string | undefined): boolean {
  if (!token || !header) return false;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  return match !== null && timingSafeEqual(digest(match[1]!), digest(token));
}

export async function handleMetrics(
  metrics: Metrics,
  options: { metricsToken: string | undefined; trustProxy: TrustProxy },
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  if (refuseUnlessGetOrHead(req, res)) return;
  const address = clientIpOf({ req }, options.trustProxy);
  if (!isPrivateAddress(address) && !bearerMatches(req.headers.authorization, options.metricsToken)) {
    const message = options.metricsToken
      ? 'Số liệu giám sát chỉ mở cho mạng nội bộ, hoặc kèm "Authorization: Bearer <METRICS_TOKEN>" đúng.'
      : 'Số liệu giám sát chỉ mở cho mạng nội bộ (địa chỉ loopback hoặc dải riêng).';
    return sendJson(res, 403, { errors: [{ message, extensions: { code: 'FORBIDDEN' } }] });
  }
  const { contentType, body } = await metrics.scrape();
  res.writeHead(200, { 'content-type': contentType, 'cache-control': 'no-store' });
  res.end(req.method === 'HEAD' ? undefined : body);
}
