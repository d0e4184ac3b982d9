import { describe, expect, it } from 'vitest';
import { clientIpOf, parseTrustProxy } from './client-ip.ts';
import { loadConfig } from './config.ts';

/** A request as Node gives it: the socket's peer and, maybe, an X-Forwarded-For header. */
function request(peer: string, forwardedFor?: string) {
  return {
    req: {
      headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor },
      socket: { remoteAddress: peer },
    },
  };
}

const ipOf = (trustProxy: string, peer: string, forwardedFor?: string) =>
  clientIpOf(request(peer, forwardedFor), parseTrustProxy(trustProxy));

describe('clientIpOf', () => {
  it('takes the socket peer and ignores X-Forwarded-For when no proxy is trusted (the default)', () => {
    expect(ipOf('false', '198.51.100.20', '203.0.113.9')).toBe('198.51.100.20');
    expect(clientIpOf(request('198.51.100.20', '203.0.113.9'), loadConfig({}).trustProxy)).toBe(
      '198.51.100.20',
    );
  });

  it('ignores a spoofed left-most entry: one trusted hop gives the address our proxy appended', () => {
    // The client sent "X-Forwarded-For: 1.2.3.4"; our proxy (10.0.0.2) appended the real peer.
    expect(ipOf('1', '10.0.0.2', '1.2.3.4, 203.0.113.9')).toBe('203.0.113.9');
    // A fresh spoofed value each time does not give a fresh rate-limit bucket.
    expect(ipOf('1', '10.0.0.2', '5.6.7.8, 203.0.113.9')).toBe('203.0.113.9');
  });

  it('counts hops: two proxies in front of us', () => {
    expect(ipOf('2', '10.0.0.2', '1.2.3.4, 203.0.113.9, 10.0.0.7')).toBe('203.0.113.9');
    // More hops trusted than the chain has: the furthest address (nothing else is left).
    expect(ipOf('3', '10.0.0.2', '203.0.113.9')).toBe('203.0.113.9');
    expect(ipOf('0', '10.0.0.2', '203.0.113.9')).toBe('10.0.0.2');
  });

  it('trusts a list of CIDRs and presets, and only those', () => {
    const trust = '10.0.0.0/8, 192.168.0.0/16';
    expect(ipOf(trust, '10.0.0.2', '1.2.3.4, 203.0.113.9, 192.168.1.1')).toBe('203.0.113.9');
    // A peer outside the list is the client itself, whatever it claims.
    expect(ipOf(trust, '198.51.100.20', '203.0.113.9')).toBe('198.51.100.20');
    expect(ipOf('loopback', '127.0.0.1', '1.2.3.4, 203.0.113.9')).toBe('203.0.113.9');
    expect(ipOf('loopback,uniquelocal', '127.0.0.1', '1.2.3.4, 203.0.113.9, 172.16.3.4')).toBe('203.0.113.9');
  });

  it('handles IPv6 peers and entries', () => {
    expect(ipOf('fd00::/8', 'fd00::1', '2001:db8::66, 2001:db8::5')).toBe('2001:db8::5');
    expect(ipOf('uniquelocal', 'fd12::3', '1.2.3.4, 203.0.113.9')).toBe('203.0.113.9');
    expect(ipOf('loopback', '::1', '2001:db8::5')).toBe('2001:db8::5');
    expect(ipOf('loopback', '2001:db8::7', '2001:db8::5')).toBe('2001:db8::7');
  });

  it('matches IPv4-mapped peers against IPv4 ranges and writes them as IPv4', () => {
    // Node reports IPv4 clients of a dual-stack listener as ::ffff:a.b.c.d.
    expect(ipOf('10.0.0.0/8', '::ffff:10.0.0.2', '1.2.3.4, ::ffff:203.0.113.9')).toBe('203.0.113.9');
    expect(ipOf('10.0.0.0/8', '::ffff:198.51.100.20', '203.0.113.9')).toBe('198.51.100.20');
    expect(ipOf('false', '::FFFF:198.51.100.20')).toBe('198.51.100.20');
  });

  it('trusts every hop with TRUST_PROXY=true: the client then chooses its address', () => {
    expect(ipOf('true', '10.0.0.2', '1.2.3.4, 203.0.113.9')).toBe('1.2.3.4');
  });

  it('counts a non-address entry against the peer, and reads Fetch request headers too', () => {
    expect(ipOf('1', '10.0.0.2', 'unknown')).toBe('10.0.0.2');
    expect(ipOf('1', '10.0.0.2')).toBe('10.0.0.2');
    const headers = new Headers({ 'x-forwarded-for': '1.2.3.4, 203.0.113.9' });
    expect(clientIpOf({ ...request('10.0.0.2'), request: { headers } }, parseTrustProxy('1'))).toBe(
      '203.0.113.9',
    );
    expect(clientIpOf({}, parseTrustProxy('1'))).toBeNull();
  });
});

describe('parseTrustProxy', () => {
  it('reads booleans, hop counts and address lists', () => {
    expect(parseTrustProxy(undefined)).toBe(false);
    expect(parseTrustProxy('off')).toBe(false);
    expect(parseTrustProxy('TRUE')).toBe(true);
    expect(typeof parseTrustProxy('1')).toBe('function');
    expect(typeof parseTrustProxy('loopback, 10.0.0.0/8, 2001:db8::/32')).toBe('function');
  });

  it('stops on an invalid value with a message naming the variable', () => {
    expect(() => parseTrustProxy('10.0.0.0/8, proxy.local')).toThrow(/TRUST_PROXY must be .*proxy\.local/);
    expect(() => parseTrustProxy('10.0.0.0/99')).toThrow(/TRUST_PROXY/);
    expect(() => loadConfig({ TRUST_PROXY: 'maybe' })).toThrow(/TRUST_PROXY/);
  });
});
