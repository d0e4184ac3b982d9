// Officials for integration tests: an account with one role (on an agency subtree), and the
// Authorization header of a real session obtained through signIn over HTTP.
import { createUser } from '@tthc/api';
import type { Role } from '@tthc/db';
import type { TestApi } from './api.ts';

export const TEST_PASSWORD = 'mật-khẩu-đủ-dài-2026';

/** Creates `username` with `role` on `agencyCode`'s subtree (none for SYSTEM_ADMIN). */
export async function addOfficial(
  t: TestApi,
  username: string,
  role: Role,
  agencyCode?: string,
  displayName = username,
): Promise<void> {
  await createUser(
    t.api.services.prisma,
    { username, displayName, password: TEST_PASSWORD, role, agencyCode },
    'TEST',
  );
}

const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { token userErrors { code } } }`;

/** Signs in over HTTP and returns `{ authorization: 'Bearer tthcs_…' }`. */
export async function sessionOf(t: TestApi, username: string): Promise<Record<string, string>> {
  const res = await t.gql<{ signIn: { token: string | null; userErrors: { code: string }[] } }>(SIGN_IN, {
    input: { username, password: TEST_PASSWORD },
  });
  const token = res.data?.signIn.token;
  if (!token)
    throw new Error(`signIn ${username}: ${JSON.stringify(res.errors ?? res.data?.signIn.userErrors)}`);
  return { authorization: `Bearer ${token}` };
}
