import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import proxyaddr from 'proxy-addr';

interface RequestLike {
  request?: { headers: { get(name: string): string | null } };
  req?: { headers?: Record<string, string | string[] | undefined>; socket?: { remoteAddress?: string } };
}

/**
 * Which peers are proxies of ours (TRUST_PROXY): false, none (the default: the client is the socket's
 * peer); true, every hop (the left-most X-Forwarded-For entry, which the client writes itself); or a
 * trust function over (address, hop), hop 0 being the socket's peer, as Express's `trust proxy`.
 */
export type TrustProxy = boolean | ((address: string, hop: number) => boolean);

const TRUST_PROXY_FORMS =
  'false, true, a hop count (e.g. 1) or a comma-separated list of addresses and CIDRs (loopback, linklocal, uniquelocal, 10.0.0.0/8, …)';

/** TRUST_PROXY as written in the environment; an invalid value throws a message for the operator. */
export function parseTrustProxy(raw: string | undefined): TrustProxy {
  const value = raw?.trim() ?? '';
  const lower = value.toLowerCase();
  if (['', 'false', 'no', 'off'].includes(lower)) return false;
  if (['true', 'yes', 'on'].includes(lower)) return true;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    return hops === 0 ? false : (_address, hop) => hop < hops;
  }
  try {
    return proxyaddr.compile(value.split(',').map((entry) => entry.trim()));
  } catch (error) {
    throw new Error(`TRUST_PROXY must be ${TRUST_PROXY_FORMS}, got "${raw}" (${(error as Error).message})`);
  }
}

const trustEveryHop = () => true;

/**
 * The caller's IP address, for per-client limits. Without trusted proxies, the socket's peer. With
 * them, the right-most address of the chain (X-Forwarded-For, then the peer) that no trusted proxy
 * added, as Express does: every entry left of what our own proxies appended is written by the client
 * and must not choose its rate-limit bucket. IPv4-mapped IPv6 addresses are written as IPv4.
 */
export function clientIpOf(initial: RequestLike, trustProxy: TrustProxy): string | null {
  const peer = initial.req?.socket?.remoteAddress;
  if (!peer) return null;
  if (trustProxy === false) return plain(peer);
  const header = initial.request?.headers.get('x-forwarded-for') ?? headerOf(initial.req, 'x-forwarded-for');
  // proxy-addr reads only these two fields of a request.
  const chain = { headers: { 'x-forwarded-for': header ?? undefined }, socket: { remoteAddress: peer } };
  const address = plain(
    proxyaddr(chain as unknown as IncomingMessage, trustProxy === true ? trustEveryHop : trustProxy),
  );
  // Not an address (`unknown`, garbage): only a client can have written it; count it against the peer.
  return isIP(address) ? address : plain(peer);
}

function headerOf(req: RequestLike['req'], name: string): string | null {
  const value = req?.headers?.[name];
  return Array.isArray(value) ? value.join(', ') : (value ?? null);
}

const plain = (address: string) => address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');
