// A WebSocket connection is authenticated once, when it opens, and its subscriptions then run on
// that principal for as long as the socket lives (hours, for a dashboard). A key revoked or a
// session ended meanwhile must not keep receiving events: the credential is checked again every
// minute, and the connection closed (4403) once it is refused. One indexed query per keyed
// connection and minute; anonymous connections have nothing to check.
import { GraphQLError } from 'graphql';

/** How often the credential of an open connection is checked again. */
export const RECHECK_EVERY_MS = 60_000;

/**
 * Runs `check` every `everyMs` until the returned function is called, and calls `refused` (once)
 * when the credential is refused (UNAUTHENTICATED). Any other failure, the database briefly away,
 * leaves the connection open: the next round decides.
 */
export function recheckCredential(
  check: () => Promise<unknown>,
  refused: () => void,
  everyMs = RECHECK_EVERY_MS,
): () => void {
  let checking = false;
  const timer = setInterval(() => {
    if (checking) return;
    checking = true;
    check()
      .then(
        () => {},
        (err: unknown) => {
          if (err instanceof GraphQLError && err.extensions?.code === 'UNAUTHENTICATED') {
            clearInterval(timer);
            refused();
          }
        },
      )
      .finally(() => {
        checking = false;
      });
  }, everyMs);
  // An open connection keeps the process alive through its socket, not through this timer.
  timer.unref();
  return () => clearInterval(timer);
}
