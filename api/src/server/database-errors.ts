// When PostgreSQL goes away (a restart, a failover, `pg_terminate_backend`), what was in flight fails
// with one of a handful of error shapes. Those are not bugs of ours: the client may simply send the
// same request again once the pool has connected afresh. This module recognises them, so that every
// entry point answers 503 SERVICE_UNAVAILABLE (with Retry-After) instead of a masked 500.
//
// The shapes, as provoked against PostgreSQL 18 with pg 8 and Prisma 7 over @prisma/adapter-pg:
// - pg's DatabaseError with the server's SQLSTATE: 57P01 "terminating connection due to
//   administrator command" (a terminated backend, also a fast shutdown), 57P03 while starting or
//   stopping, class 08 connection exceptions;
// - plain Errors from pg once the socket is gone: "Connection terminated unexpectedly", and "Client
//   has encountered a connection error and is not queryable" for the next query on that client
//   (Prisma passes both through unchanged);
// - Node socket errors: ECONNREFUSED while the server is down, ECONNRESET, EPIPE;
// - Prisma's PrismaClientKnownRequestError: P1001 / P1017 from the adapter's socket mapping, or
//   P2010 / P2039 carrying the SQLSTATE in `meta.driverAdapterError.cause.originalCode`.
import { PothosValidationError } from '@pothos/core';
import { GraphQLError } from 'graphql';
import { type MaskError, maskError as yogaMaskError } from 'graphql-yoga';
import type { ErrorCode } from '../errors.ts';
import { errorAt } from './error-at.ts';

export const DATABASE_UNAVAILABLE_MESSAGE =
  'Cơ sở dữ liệu tạm thời không truy cập được, vui lòng thử lại sau.';

/** A restart takes seconds; a client retrying sooner only adds load to the reconnecting pool. */
export const RETRY_AFTER_SECONDS = 5;

/** What an HTTP answer to such a failure carries besides its body. */
export const UNAVAILABLE_HTTP = {
  status: 503,
  headers: { 'retry-after': String(RETRY_AFTER_SECONDS) },
} as const;

const SQLSTATES = new Set([
  '57P01', // admin_shutdown: pg_terminate_backend, or a fast/smart shutdown
  '57P02', // crash_shutdown: another backend crashed and the server is resetting
  '57P03', // cannot_connect_now: starting up, shutting down, recovering
  '57P05', // idle_session_timeout
  '53300', // too_many_connections: nothing is wrong with the request either
]);
/** Class 08, connection exception (08000, 08003, 08006, 08001, 08004, …). */
const CONNECTION_EXCEPTION = /^08[0-9A-Z]{3}$/;
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'ECONNABORTED',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
/** Prisma's own codes for an unreachable server, a timeout, a closed connection. */
const PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017']);
/** @prisma/adapter-pg's error kinds for the same (in `meta.driverAdapterError.cause.kind`). */
const ADAPTER_KINDS = new Set([
  'DatabaseNotReachable',
  'ConnectionClosed',
  'SocketTimeout',
  'TooManyConnections',
]);
const PG_MESSAGES = new Set([
  'Connection terminated unexpectedly',
  'Connection terminated due to connection timeout',
  'Client has encountered a connection error and is not queryable',
]);

/** Whether `error` (or what it wraps) says the database could not be reached or dropped the connection. */
export function isDatabaseUnavailable(error: unknown): boolean {
  return visit(error, new Set());
}

function visit(error: unknown, seen: Set<unknown>): boolean {
  if (typeof error !== 'object' || error === null || seen.has(error) || seen.size > 20) return false;
  seen.add(error);
  const e = error as {
    code?: unknown;
    originalCode?: unknown;
    kind?: unknown;
    message?: unknown;
    cause?: unknown;
    originalError?: unknown;
    errors?: unknown;
    meta?: { driverAdapterError?: unknown };
  };
  for (const code of [e.code, e.originalCode]) {
    if (typeof code !== 'string') continue;
    if (SQLSTATES.has(code) || CONNECTION_EXCEPTION.test(code) || SOCKET_CODES.has(code)) return true;
    if (PRISMA_CODES.has(code)) return true;
  }
  if (typeof e.kind === 'string' && ADAPTER_KINDS.has(e.kind)) return true;
  if (typeof e.message === 'string' && PG_MESSAGES.has(e.message)) return true;
  // What wraps what: GraphQL around a resolver's error, Prisma around the adapter's, the adapter's
  // error around pg's, an AggregateError around each address tried.
  const inner = [
    e.originalError,
    e.cause,
    e.meta?.driverAdapterError,
    ...(Array.isArray(e.errors) ? e.errors : []),
  ];
  return inner.some((wrapped) => visit(wrapped, seen));
}

/** The error clients get instead: a stable code, and for HTTP a 503 with Retry-After (Yoga applies both). */
export function databaseUnavailableError(at?: GraphQLError): GraphQLError {
  return errorAt(at, DATABASE_UNAVAILABLE_MESSAGE, {
    code: 'SERVICE_UNAVAILABLE' satisfies ErrorCode,
    http: { status: UNAVAILABLE_HTTP.status, headers: { ...UNAVAILABLE_HTTP.headers } },
  });
}

/**
 * Yoga's masking (unexpected errors become "Unexpected error." with INTERNAL_SERVER_ERROR and are
 * logged; our GraphQLErrors pass as they are), except that a lost database connection becomes
 * SERVICE_UNAVAILABLE (the client should retry, not report a bug), and the arguments Pothos's
 * plugins refuse before our resolvers run (`first: -1`, `before` with `after`, a cursor that does
 * not decode) are BAD_USER_INPUT with Pothos's message.
 */
export const maskError: MaskError = (error, message, isDev) => {
  if (isDatabaseUnavailable(error)) {
    return databaseUnavailableError(error instanceof GraphQLError ? error : undefined);
  }
  const original = error instanceof GraphQLError ? error.originalError : error;
  if (original instanceof PothosValidationError) {
    return errorAt(error instanceof GraphQLError ? error : undefined, original.message, {
      code: 'BAD_USER_INPUT' satisfies ErrorCode,
    });
  }
  return yogaMaskError(error, message, isDev);
};
