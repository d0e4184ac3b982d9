import { fail, redirect } from '@sveltejs/kit';
import type { FieldErrors } from '$lib/form-errors';
import { AdminSignInDocument } from '$lib/graphql/generated/graphql';
import { apiProblemMessage } from '$lib/labels';
import { secureCookies } from '$lib/server/cookie-security';
import { ApiRequestError } from '$lib/server/graphql';
import { safeNextPath, setSessionCookie } from '$lib/server/session';
import type { Actions, PageServerLoad } from './$types';

const REASONS: Record<string, string> = {
  expired: 'Phiên đăng nhập đã hết hạn hoặc đã kết thúc. Vui lòng đăng nhập lại.',
  'signed-out': 'Bạn đã đăng xuất.',
};

export const load: PageServerLoad = ({ locals, url }) => {
  const next = safeNextPath(url.searchParams.get('next'));
  if (locals.viewer) redirect(303, next);
  const reason = url.searchParams.get('reason');
  return { next, notice: (reason && REASONS[reason]) || null };
};

/**
 * A refusal: the username kept, never the password; messages by field ("username", "password", or
 * "" for the form as a whole).
 */
const refuse = (status: number, username: string, errors: FieldErrors) => fail(status, { username, errors });

export const actions: Actions = {
  default: async ({ request, cookies, locals, url }) => {
    const form = await request.formData();
    const username = String(form.get('username') ?? '').trim();
    const password = String(form.get('password') ?? '');
    const next = safeNextPath(String(form.get('next') ?? url.searchParams.get('next') ?? ''));

    const errors: FieldErrors = {};
    if (!username) errors.username = 'Vui lòng nhập tên đăng nhập.';
    if (!password) errors.password = 'Vui lòng nhập mật khẩu.';
    if (Object.keys(errors).length > 0) return refuse(400, username, errors);

    let payload: Awaited<ReturnType<typeof signIn>>;
    try {
      payload = await signIn(locals, username, password);
    } catch (caught) {
      if (!(caught instanceof ApiRequestError)) throw caught;
      // Throttled sign-in: the API says how long to wait, in Vietnamese.
      if (caught.problem === 'rate-limited') {
        return refuse(429, username, { '': caught.apiMessage ?? apiProblemMessage('rate-limited') });
      }
      console.error(`[admin-ui] signIn: API ${caught.problem}: ${caught.message}`);
      return refuse(503, username, { '': apiProblemMessage(caught.problem) });
    }
    if (!payload.token || !payload.expiresAt || payload.userErrors.length > 0) {
      // One message for an unknown user and a wrong password: the API's, which does not tell them apart.
      const message =
        payload.userErrors.map((e) => e.message).join(' ') || 'Tên đăng nhập hoặc mật khẩu không đúng.';
      return refuse(400, username, { '': message });
    }
    setSessionCookie(cookies, payload.token, new Date(payload.expiresAt), secureCookies(url));
    redirect(303, next);
  },
};

async function signIn(locals: App.Locals, username: string, password: string) {
  const data = await locals.api.request(AdminSignInDocument, { input: { username, password } });
  return data.signIn;
}
