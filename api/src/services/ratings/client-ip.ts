import { isIP } from 'node:net';

interface RequestLike {
  request?: { headers: { get(name: string): string | null } };
  req?: { headers?: Record<string, string | string[] | undefined>; socket?: { remoteAddress?: string } };
}

/**
 * The caller's IP address, for per-client limits: the first hop of X-Forwarded-For when the API runs
 * behind a proxy it trusts (TRUST_PROXY=true; otherwise a client could choose its own address),
 * else the socket's peer address. IPv4-mapped IPv6 addresses are written as IPv4.
 */
export function clientIpOf(initial: RequestLike, trustProxy: boolean): string | null {
  if (trustProxy) {
    const header =
      initial.request?.headers.get('x-forwarded-for') ?? headerOf(initial.req, 'x-forwarded-for');
    const first = header?.split(',')[0]?.trim();
    if (first && isIP(plain(first))) return plain(first);
  }
  const address = initial.req?.socket?.remoteAddress;
  return address ? plain(address) : null;
}

function headerOf(req: RequestLike['req'], name: string): string | null {
  const value = req?.headers?.[name];
  return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
}

const plain = (address: string) => (address.startsWith('::ffff:') ? address.slice(7) : address);
