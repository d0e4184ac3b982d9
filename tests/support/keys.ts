import { createApiKey } from '@tthc/api';
import type { ApiScope } from '@tthc/db';
import type { TestApi } from './api.ts';

/** Creates an API key straight through the service (the CLI path is tested in cli/). */
export async function keyFor(t: TestApi, ...scopes: ApiScope[]): Promise<Record<string, string>> {
  const { key } = await createApiKey(
    t.api.services.prisma,
    { name: `test ${scopes.join('+')}`, scopes },
    'TEST',
  );
  return { authorization: `Bearer ${key}` };
}
