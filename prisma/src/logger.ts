// The logging surface the database package needs: a subset of pino's, so the API can pass its pino
// logger straight in. The default says nothing.
export type LogFn = (objOrMessage: unknown, message?: string) => void;

export interface Logger {
  info: LogFn;
  warn: LogFn;
  error: LogFn;
  debug?: LogFn;
}

const ignore: LogFn = () => {};

export const silentLogger: Logger = { info: ignore, warn: ignore, error: ignore, debug: ignore };
