// procedureRowByCode reads the Procedure row without Prisma (the widget's hot path): it must give what
// Prisma gives — same fields, same values, same types — for every procedure of the catalogue.
import { createTestDatabase, type Database, openDatabase, type TestDatabase } from '@tthc/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seed } from '../seed/index.ts';
import { procedureRowByCode, resolveProcedureRow } from './procedures.ts';

let database: TestDatabase | undefined;
try {
  database = await createTestDatabase();
} catch (error) {
  // Under CI a database is part of the run: a test that cannot reach it fails, it does not skip.
  if (process.env.CI) throw error;
  console.warn(`procedures.test.ts skipped: no PostgreSQL server reachable (${(error as Error).message})`);
}

describe.skipIf(!database)('procedureRowByCode', () => {
  let db: Database;

  beforeAll(async () => {
    db = await openDatabase({ url: database!.url, poolSize: 3 });
    await seed(db, { today: '2026-03-16', dossiers: 0 });
  });

  afterAll(async () => {
    await db?.close();
    await database?.drop();
  });

  it('reads every procedure as Prisma does', async () => {
    // Every kind of value at least once: a local variant code, several levels, a current version.
    const first = await db.prisma.procedure.findFirstOrThrow({ orderBy: { code: 'asc' } });
    await db.prisma.procedure.update({
      where: { id: first.id },
      data: { variantCode: `${first.code}.000.00.00.H56` },
    });
    const procedures = await db.prisma.procedure.findMany({ orderBy: { code: 'asc' } });
    expect(procedures.length).toBeGreaterThan(10);
    expect(procedures.some((p) => p.variantCode !== null)).toBe(true);
    expect(procedures.some((p) => p.levels.length > 1)).toBe(true);
    expect(procedures.some((p) => p.currentVersionId !== null)).toBe(true);
    for (const procedure of procedures) {
      expect(await procedureRowByCode(db.pool, procedure.code)).toStrictEqual(procedure);
    }
  });

  it('answers null for a code the catalogue does not have, and NOT_FOUND when resolving it', async () => {
    expect(await procedureRowByCode(db.pool, '9.999999')).toBeNull();
    await expect(resolveProcedureRow(db.pool, '9.999999')).rejects.toMatchObject({
      extensions: { code: 'NOT_FOUND' },
    });
  });
});
