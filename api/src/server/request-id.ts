// The id of an HTTP request, echoed in `X-Request-Id` and written on each of its log lines
// (docs/operations.md "Logs"). A proxy or client that sends a well-formed id keeps it, so one request
// can be followed from the load balancer to the API; otherwise the API makes one. Made cheaply: a
// random prefix per process and a counter, not a UUID per request (the cached reads are served at
// tens of thousands a second); unique across instances by the prefix, in order within one.
import { randomBytes } from 'node:crypto';

const ACCEPTED = /^[A-Za-z0-9._-]{1,64}$/;

const PREFIX = randomBytes(6).toString('base64url');
let counter = 0;

export function nextRequestId(): string {
  counter += 1;
  return `${PREFIX}-${counter.toString(36)}`;
}

/** The incoming `X-Request-Id` when it is 1–64 letters, digits, dots, underscores or hyphens. */
export function acceptedRequestId(header: string | string[] | undefined): string | null {
  return typeof header === 'string' && ACCEPTED.test(header) ? header : null;
}
