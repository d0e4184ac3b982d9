import type { Config } from '@tthc/api';
import { seed } from '@tthc/api/seed';
import { startTestApi, type TestApi } from './api.ts';

/** The fixed anchor day of the test seed, so expected values never depend on today's date. */
export const SEED_TODAY = '2026-11-27';

/** A test API on its own database with the demo seed (fewer dossiers than the default, for speed). */
export async function startSeededApi(dossiers = 2000, config?: Partial<Config>): Promise<TestApi> {
  const t = await startTestApi({ config });
  await seed(t.api.services.db, { today: SEED_TODAY, dossiers });
  return t;
}
