// Reading typed settings from the environment: an invalid value stops the process with a clear message.
import { isValidDay } from '../domain/time.ts';

export function intVar(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be an integer between ${min} and ${max}, got "${raw}"`);
  }
  return value;
}

export function boolVar(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name]?.toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new Error(`${name} must be true or false, got "${env[name]}"`);
}

/** A day, YYYY-MM-DD, or undefined when unset. */
export function dayVar(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  if (!isValidDay(raw)) throw new Error(`${name} must be a day written YYYY-MM-DD, got "${raw}"`);
  return raw;
}

/** A secret of at least `minLength` characters, or undefined when unset (short ones are guessable). */
export function secretVar(env: NodeJS.ProcessEnv, name: string, minLength: number): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  if (raw.length < minLength || /\s/.test(raw)) {
    throw new Error(`${name} must be at least ${minLength} characters without spaces`);
  }
  return raw;
}
