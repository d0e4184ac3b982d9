// The direct run of anonymous persisted reads (persisted-executor.ts) against a real API and database:
// the same data as the operation through Yoga, the scopes of its figures recorded for the cache, the
// anonymous budgets counted with their refusal, and anything else handed back to Yoga.
import { readFileSync } from 'node:fs';
import { createTestDatabase, type TestDatabase } from '@tthc/db';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../schema/index.ts';
import { seed } from '../seed/index.ts';
import type { Scope } from '../services/stats.ts';
import { loadLimits } from './limits-config.ts';
import { PersistedDocuments, type PersistedOperation } from './persisted-documents.ts';
import { createDirectReads } from './persisted-executor.ts';
import { RequestBudgets } from './request-budget.ts';
import { type RunningApi, startApi } from './start.ts';

let database: TestDatabase | undefined;
try {
  database = await createTestDatabase();
} catch (error) {
  if (process.env.CI) throw error;
  console.warn(
    `persisted-executor.test.ts skipped: no PostgreSQL server reachable (${(error as Error).message})`,
  );
}

const logger = pino({ level: 'silent' });
const manifest = JSON.parse(
  readFileSync(new URL('../../persisted-documents.json', import.meta.url), 'utf8'),
) as Record<string, string>;
const documents = new PersistedDocuments(manifest);
const idOf = (name: string) =>
  Object.keys(manifest).find((id) => manifest[id]!.startsWith(`query ${name}(`))!;
const figures = documents.get(idOf('DvcProcedureFigures')) as PersistedOperation;
const variables = {
  s: { procedureCode: '1.001193' },
  p: { from: '2026-01-01', to: '2026-12-31' },
  c: '1.001193',
};

describe.skipIf(!database)('createDirectReads', () => {
  let api: RunningApi;
  const runWith = (requestsPerMinute: number) =>
    createDirectReads({
      schema,
      services: api.services,
      budgets: new RequestBudgets(undefined, logger),
      limits: loadLimits({ LIMIT_ANONYMOUS_REQUESTS_PER_MINUTE: String(requestsPerMinute) }),
    });

  beforeAll(async () => {
    api = await startApi({
      port: 0,
      host: '127.0.0.1',
      databaseUrl: database!.url,
      redisUrl: undefined,
      seedOnEmpty: false,
      env: 'test',
      logLevel: 'silent',
    });
    await seed(api.services.db, { today: '2026-11-27', dossiers: 200 });
  });
  afterAll(async () => {
    await api?.stop();
    await database?.drop();
  });

  it('answers what Yoga answers for the same operation, and records the scope of its figures', async () => {
    const figureScopes: Scope[] = [];
    const ran = await runWith(600)(figures, JSON.stringify(variables), '192.0.2.1', { logger, figureScopes });
    if (!('body' in ran)) throw new Error(`expected an answer, got ${JSON.stringify(ran)}`);
    const viaYoga = (await (
      await fetch(api.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: figures.text, variables }),
      })
    ).json()) as { data: unknown };
    expect(JSON.parse(ran.body.toString('utf8'))).toEqual({ data: viaYoga.data });
    const procedure = await api.services.prisma.procedure.findFirstOrThrow({ where: { code: '1.001193' } });
    expect(figureScopes).toEqual([expect.objectContaining({ procedureId: procedure.id })]);
  });

  it('counts the anonymous request budget and refuses past it with RATE_LIMITED and its headers', async () => {
    const run = runWith(1);
    const extra = { logger, figureScopes: [] };
    expect(await run(figures, JSON.stringify(variables), '192.0.2.2', extra)).toHaveProperty('body');
    const refused = await run(figures, JSON.stringify(variables), '192.0.2.2', extra);
    expect(refused).toMatchObject({ status: 429, refusal: { extensions: { code: 'RATE_LIMITED' } } });
    expect((refused as { headers: Record<string, string> }).headers).toHaveProperty('Retry-After');
    // Another address has its own budget.
    expect(await run(figures, JSON.stringify(variables), '192.0.2.3', extra)).toHaveProperty('body');
  });

  it('hands back to Yoga what it does not answer: bad variables, an error in the answer, a mutation', async () => {
    const run = runWith(600);
    const extra = { logger, figureScopes: [] };
    for (const sent of ['{not json', '[]', JSON.stringify({ ...variables, p: { from: 'hôm qua', to: 1 } })]) {
      expect(await run(figures, sent, '192.0.2.4', extra)).toEqual({ fallback: true });
    }
    const unknown = { ...variables, s: { procedureCode: 'KHONG-CO' } };
    expect(await run(figures, JSON.stringify(unknown), '192.0.2.4', extra)).toEqual({ fallback: true });
    const mutation = Object.keys(manifest).find((id) => manifest[id]!.startsWith('mutation '))!;
    expect(await run(documents.get(mutation)!, '{}', '192.0.2.4', extra)).toEqual({ fallback: true });
  });
});
