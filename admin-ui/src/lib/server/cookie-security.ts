// Secure or not, for this deployment and request (session.ts secureCookieWanted says why).
import { dev } from '$app/environment';
import { env } from '$env/dynamic/private';
import { secureCookieWanted } from './session';

export const secureCookies = (url: URL): boolean =>
  secureCookieWanted({ dev, production: env.NODE_ENV === 'production', protocol: url.protocol });
