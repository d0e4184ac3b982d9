// Officials' sessions (docs/api.md "Signing in"): a user signs in with username and password
// (argon2id) and gets a random token, sent back as `Authorization: Bearer <token>` like an API key;
// only its SHA-256 is stored. A session slides (each use extends it by the idle time, written at
// most once a minute) up to an absolute maximum, and ends with signOut, when the user is
// deactivated, or when the password changes (every session of the user is deleted then).
import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { PrismaClient, Role } from '@tthc/db';
import { AppError } from '../../errors.ts';
import { LimiterStore, type LimitWindow } from '../limiter-store.ts';
import type { Logger } from '../logger.ts';
import type { Principal } from './principal.ts';

/** Session tokens: URL-safe, 256 random bits, recognisable (API keys start with `tthc_`). */
export const SESSION_TOKEN_PREFIX = 'tthcs_';
const TOKEN_PATTERN = /^tthcs_[A-Za-z0-9_-]{43}$/;

export interface SessionSettings {
  /** A session unused this long ends. */
  idleMinutes: number;
  /** A session ends this long after sign-in, however it is used. */
  maxHours: number;
  /**
   * Sign-in attempts allowed per 15 minutes: per username (a password guessed slowly from many
   * places) and per client IP (many usernames tried from one place). Shared through Redis.
   */
  attemptsPerUsername: number;
  attemptsPerIp: number;
  redisUrl: string | undefined;
}

const ATTEMPT_WINDOW_SECONDS = 15 * 60;

/** Sliding expiry is written at most this often, so a busy session does not write on every request. */
const SLIDE_EVERY_MS = 60_000;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** One answer for an unknown user and a wrong password: the form must not tell which. */
const INVALID_CREDENTIALS = 'Tên đăng nhập hoặc mật khẩu không đúng.';

/** Verified against when the username is unknown, so both answers take an argon2 verification. */
let dummyHash: Promise<string> | null = null;
const unknownUserHash = () => {
  dummyHash ??= hash(randomBytes(16).toString('hex'));
  return dummyHash;
};

export interface SignedIn {
  token: string;
  expiresAt: Date;
  /** Who the new session acts as. */
  principal: Principal;
}

/** The principal a session acts as: its user and the user's roles. */
function sessionPrincipal(
  sessionId: number,
  user: {
    id: number;
    username: string;
    displayName: string;
    roles: { role: Role; agencyId: number | null }[];
  },
): Principal {
  return {
    kind: 'session',
    sessionId,
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    roles: user.roles.map((r) => ({ role: r.role, agencyId: r.agencyId })),
  };
}

export type SignInOutcome =
  | { ok: true; session: SignedIn }
  | { ok: false; code: 'INVALID_CREDENTIALS'; message: string };

export class SessionService {
  private readonly limits: LimiterStore;
  private readonly perUsername: LimitWindow;
  private readonly perIp: LimitWindow;

  constructor(
    private readonly prisma: PrismaClient,
    private readonly settings: SessionSettings,
    logger: Logger,
  ) {
    this.limits = new LimiterStore(settings.redisUrl, logger, 'lượt đăng nhập');
    const window = (name: string, points: number): LimitWindow => ({
      name,
      points,
      durationSeconds: ATTEMPT_WINDOW_SECONDS,
    });
    this.perUsername = window('sign-in-user', settings.attemptsPerUsername);
    this.perIp = window('sign-in-ip', settings.attemptsPerIp);
  }

  async signIn(username: string, password: string, clientIp: string | null): Promise<SignInOutcome> {
    const name = username.trim().toLowerCase();
    const succeeded = await this.countPasswordAttempt(name, { clientIp }, 'Đăng nhập sai quá nhiều lần');
    const user = await this.prisma.user.findUnique({ where: { username: name }, include: { roles: true } });
    const matches = await verify(user?.passwordHash ?? (await unknownUserHash()), password).catch(
      () => false,
    );
    if (!user?.active || !matches) {
      return { ok: false, code: 'INVALID_CREDENTIALS', message: INVALID_CREDENTIALS };
    }
    const token = `${SESSION_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
    const expiresAt = this.nextExpiry(new Date());
    const session = await this.prisma.session.create({
      data: { tokenHash: sha256(token), userId: user.id, expiresAt },
    });
    await succeeded();
    return { ok: true, session: { token, expiresAt, principal: sessionPrincipal(session.id, user) } };
  }

  /**
   * Counts one try of `username`'s password (signing in, or proving the current password to change
   * it), or throws RATE_LIMITED. The try is counted before the password is checked, so parallel
   * guesses cannot slip past the limit; call the returned function when the password was right, to
   * give the try back: the windows bound wrong guesses, not use (an official signing in from several
   * devices is never locked out). A stolen session cannot guess the password faster than the
   * sign-in form. `from` null: the username's window only (a signed-in official proving its own).
   */
  async countPasswordAttempt(
    username: string,
    from: { clientIp: string | null } | null,
    what = 'Nhập mật khẩu sai quá nhiều lần',
  ) {
    const counted: [LimitWindow, string][] = [[this.perUsername, username.trim().toLowerCase()]];
    if (from) counted.push([this.perIp, from.clientIp ?? 'unknown']);
    const outcomes = await Promise.all(counted.map(([window, key]) => this.limits.take(window, key)));
    const refused = outcomes.find((o) => !o.allowed);
    if (refused) {
      throw new AppError(
        'RATE_LIMITED',
        `${what}. Vui lòng thử lại sau ${Math.ceil(refused.resetSeconds / 60)} phút.`,
        {
          retryAfterSeconds: refused.resetSeconds,
          http: { status: 429, headers: { 'Retry-After': String(refused.resetSeconds) } },
        },
      );
    }
    return async () => {
      await Promise.all(counted.map(([window, key]) => this.limits.refund(window, key)));
    };
  }

  /** Ends the session of this principal (no-op for other callers). */
  async signOut(principal: Principal): Promise<boolean> {
    if (principal.kind !== 'session') return false;
    const { count } = await this.prisma.session.deleteMany({ where: { id: principal.sessionId } });
    return count > 0;
  }

  /** The principal of a session token, or UNAUTHENTICATED when it is unknown, ended or expired. */
  async authenticate(token: string): Promise<Principal> {
    const ended = () =>
      new AppError(
        'UNAUTHENTICATED',
        'Phiên đăng nhập không hợp lệ, đã hết hạn hoặc đã đăng xuất. Vui lòng đăng nhập lại.',
      );
    if (!TOKEN_PATTERN.test(token)) throw ended();
    const session = await this.prisma.session.findUnique({
      where: { tokenHash: sha256(token) },
      include: { user: { include: { roles: true } } },
    });
    const now = new Date();
    if (!session?.user.active || session.expiresAt <= now || this.pastMaximum(session.createdAt, now)) {
      throw ended();
    }
    if (now.getTime() - session.lastSeenAt.getTime() > SLIDE_EVERY_MS) {
      // Best effort: a failed write only shortens this session by a minute.
      this.prisma.session
        .update({
          where: { id: session.id },
          data: { lastSeenAt: now, expiresAt: this.nextExpiry(session.createdAt, now) },
        })
        .catch(() => {});
    }
    return sessionPrincipal(session.id, session.user);
  }

  close(): Promise<void> {
    return this.limits.close();
  }

  /** Now plus the idle time, never past the absolute maximum counted from sign-in. */
  private nextExpiry(createdAt: Date, now = createdAt): Date {
    const idle = now.getTime() + this.settings.idleMinutes * 60_000;
    const max = createdAt.getTime() + this.settings.maxHours * 3_600_000;
    return new Date(Math.min(idle, max));
  }

  private pastMaximum(createdAt: Date, now: Date): boolean {
    return now.getTime() >= createdAt.getTime() + this.settings.maxHours * 3_600_000;
  }
}

/** Whether an Authorization token is a session's (else it is an API key's). */
export const isSessionToken = (token: string) => token.startsWith(SESSION_TOKEN_PREFIX);
