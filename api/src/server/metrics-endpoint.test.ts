// Who may read /metrics (a 403 from a public address cannot be reached from the tests' loopback).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { Metrics } from '../services/metrics.ts';
import { parseTrustProxy } from './client-ip.ts';
import { bearerMatches, handleMetrics, isPrivateAddress } from './metrics-endpoint.ts';

describe('isPrivateAddress', () => {
  it('accepts loopback and the private ranges, IPv4 and IPv6', () => {
    for (const address of [
      '127.0.0.1',
      '127.9.8.7',
      '::1',
      '10.0.0.1',
      '10.255.255.255',
      '172.16.0.1',
      '172.31.255.254',
      '192.168.1.20',
      'fc00::1',
      'fd12:3456:789a::1',
      '::ffff:10.1.2.3',
      '::ffff:127.0.0.1',
    ]) {
      expect(isPrivateAddress(address), address).toBe(true);
    }
  });

  it('refuses public addresses, the edges of the ranges, and what is not an address', () => {
    for (const address of [
      '203.0.113.9',
      '8.8.8.8',
      '172.15.255.255',
      '172.32.0.1',
      '192.169.0.1',
      '11.0.0.1',
      '2001:db8::1',
      'fe80::1',
      '::ffff:203.0.113.9',
      'localhost',
      '',
      null,
    ]) {
      expect(isPrivateAddress(address), String(address)).toBe(false);
    }
  });
});

describe('bearerMatches', () => {
  const token = 'm'.repeat(40);
  it('accepts exactly the configured token', () => {
    expect(bearerMatches(`Bearer ${token}`, token)).toBe(true);
    expect(bearerMatches(`bearer ${token}`, token)).toBe(true);
    expect(bearerMatches(`Bearer ${token}x`, token)).toBe(false);
    expect(bearerMatches(`Bearer ${token.slice(1)}`, token)).toBe(false);
    expect(bearerMatches(token, token)).toBe(false);
    expect(bearerMatches(undefined, token)).toBe(false);
  });
  it('accepts nothing when no token is configured', () => {
    expect(bearerMatches('Bearer ', undefined)).toBe(false);
    expect(bearerMatches('Bearer anything', undefined)).toBe(false);
  });
});

/** A GET /metrics from `peer`, answered into a plain object. */
async function scrapeFrom(
  peer: string,
  options: { token?: string; authorization?: string; forwardedFor?: string; trustProxy?: string } = {},
) {
  const headers: Record<string, string> = {};
  if (options.authorization) headers.authorization = options.authorization;
  if (options.forwardedFor) headers['x-forwarded-for'] = options.forwardedFor;
  const req = { method: 'GET', url: '/metrics', headers, socket: { remoteAddress: peer } };
  const answer = { status: 0, headers: {} as Record<string, string>, body: '' };
  const res = {
    writeHead(status: number, head: Record<string, string>) {
      answer.status = status;
      answer.headers = head;
      return this;
    },
    end(body?: string) {
      answer.body = body ?? '';
    },
  };
  await handleMetrics(
    new Metrics(),
    { metricsToken: options.token, trustProxy: parseTrustProxy(options.trustProxy) },
    req as unknown as IncomingMessage,
    res as unknown as ServerResponse,
  );
  return answer;
}

describe('handleMetrics', () => {
  const token = 't'.repeat(32);

  it('serves a private address without a token', async () => {
    const answer = await scrapeFrom('10.1.2.3');
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(answer.body).toContain('# TYPE tthc_requests_total counter');
  });

  it('refuses a public address with 403 FORBIDDEN in the JSON error shape, unless it has the token', async () => {
    const refused = await scrapeFrom('203.0.113.9');
    expect(refused.status).toBe(403);
    expect(JSON.parse(refused.body)).toEqual({
      errors: [{ message: expect.stringContaining('mạng nội bộ'), extensions: { code: 'FORBIDDEN' } }],
    });
    expect((await scrapeFrom('203.0.113.9', { token })).status).toBe(403);
    expect((await scrapeFrom('203.0.113.9', { token, authorization: 'Bearer wrong' })).status).toBe(403);
    expect((await scrapeFrom('203.0.113.9', { token, authorization: `Bearer ${token}` })).status).toBe(200);
    // Without METRICS_TOKEN no bearer opens it.
    expect((await scrapeFrom('203.0.113.9', { authorization: 'Bearer ' })).status).toBe(403);
  });

  it('judges the client behind a trusted proxy, not the proxy', async () => {
    // Our load balancer (10.0.0.2) forwards a client from the Internet: refused.
    expect((await scrapeFrom('10.0.0.2', { trustProxy: '1', forwardedFor: '203.0.113.9' })).status).toBe(403);
    // A scraper inside the network through the same balancer: served.
    expect((await scrapeFrom('10.0.0.2', { trustProxy: '1', forwardedFor: '10.0.5.5' })).status).toBe(200);
    // A forged X-Forwarded-For from a public peer is not believed without TRUST_PROXY.
    expect((await scrapeFrom('203.0.113.9', { forwardedFor: '127.0.0.1' })).status).toBe(403);
  });
});
