// docs/limits.md §7 is where a third party looks a code up: it must name every code of the registry
// (errors.ts ERROR_CODES), and nothing the registry does not have.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from './errors.ts';

const limits = readFileSync(new URL('../../docs/limits.md', import.meta.url), 'utf8');

/** The text of "## 7. Error codes", up to the next section of the same level. */
function errorCodesSection(markdown: string): string {
  const start = markdown.indexOf('\n## 7. Error codes');
  if (start < 0) throw new Error('docs/limits.md has no "## 7. Error codes" section');
  const end = markdown.indexOf('\n## ', start + 1);
  return markdown.slice(start, end < 0 ? undefined : end);
}

/** Every `CODE` written in code style. */
const codesIn = (text: string) =>
  new Set([...text.matchAll(/`([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+|[A-Z]{4,})`/g)].map((m) => m[1]!));

describe('docs/limits.md §7 "Error codes"', () => {
  const documented = codesIn(errorCodesSection(limits));

  it('lists every code of api/src/errors.ts', () => {
    const missing = Object.keys(ERROR_CODES).filter((code) => !documented.has(code));
    expect(missing, 'add these codes to docs/limits.md §7').toEqual([]);
  });

  it('lists no code the API does not have', () => {
    expect([...documented].filter((code) => !(code in ERROR_CODES))).toEqual([]);
  });

  it('finds a code that is missing (the check itself)', () => {
    const without = errorCodesSection(limits).replaceAll('`WEAK_PASSWORD`', '');
    expect(codesIn(without).has('WEAK_PASSWORD')).toBe(false);
  });
});
