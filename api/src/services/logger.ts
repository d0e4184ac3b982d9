import { pino } from 'pino';

export type Logger = pino.Logger;

/** JSON lines on stdout, or on `destination` (tests read the access log this way). */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino({ level, base: { service: 'tthc-api' } }, destination);
}
