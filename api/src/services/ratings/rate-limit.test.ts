import { randomUUID } from 'node:crypto';
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { RatingRateLimits } from './rate-limit.ts';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

function recordingLogger() {
  const warnings: unknown[][] = [];
  const ignore = () => {};
  const logger = {
    warn: (...args: unknown[]) => warnings.push(args),
    info: ignore,
    debug: ignore,
    error: ignore,
  };
  return { logger: logger as never, warnings };
}

async function redisReachable(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect(Number(port || 6379), hostname, () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
}

const opened: RatingRateLimits[] = [];
afterEach(async () => {
  for (const limits of opened.splice(0)) await limits.close();
});
function limits(options: Partial<ConstructorParameters<typeof RatingRateLimits>[0]> = {}) {
  const created = new RatingRateLimits({
    perIpPerMinute: 3,
    perDossierPerMinute: 2,
    redisUrl: undefined,
    logger: recordingLogger().logger,
    ...options,
  });
  opened.push(created);
  return created;
}

describe('rating rate limits', () => {
  it('count per client address and per dossier, in memory without Redis', async () => {
    const l = limits();
    for (let i = 0; i < 3; i++) expect(await l.ip('203.0.113.1')).toEqual({ allowed: true });
    const refused = await l.ip('203.0.113.1');
    expect(refused).toMatchObject({ allowed: false });
    expect(refused.allowed === false && refused.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(await l.ip('203.0.113.2')).toEqual({ allowed: true });
    expect(await l.dossier('A-1')).toEqual({ allowed: true });
    expect(await l.dossier('A-1')).toEqual({ allowed: true });
    expect(await l.dossier('A-1')).toMatchObject({ allowed: false });
  });

  it('still accept ratings when Redis is unreachable, and say so once', async () => {
    const { logger, warnings } = recordingLogger();
    const l = limits({ redisUrl: 'redis://127.0.0.1:1', logger }); // nothing listens on port 1
    for (let i = 0; i < 3; i++) expect(await l.ip('198.51.100.9')).toEqual({ allowed: true });
    // The in-memory insurance still limits.
    expect(await l.ip('198.51.100.9')).toMatchObject({ allowed: false });
    await new Promise((resolve) => setTimeout(resolve, 300)); // reconnection attempts fail meanwhile
    expect(warnings).toHaveLength(1);
    expect(String(warnings[0]![1])).toMatch(/Redis không phản hồi/);
  });

  it('are shared by every instance through Redis', async (context) => {
    if (!(await redisReachable(REDIS_URL))) return context.skip();
    const one = limits({ redisUrl: REDIS_URL });
    const two = limits({ redisUrl: REDIS_URL });
    await Promise.all([one.whenConnected(), two.whenConnected()]);
    const dossier = `TEST-${randomUUID()}`;
    expect(await one.dossier(dossier)).toEqual({ allowed: true });
    expect(await two.dossier(dossier)).toEqual({ allowed: true });
    // The third attempt is refused whichever instance takes it.
    expect(await one.dossier(dossier)).toMatchObject({ allowed: false });
    expect(await two.dossier(dossier)).toMatchObject({ allowed: false });
  });
});
