// The error code registry (errors.ts ERROR_CODES) is the only source of codes: the printed schema's
// ErrorCode enum documents each of them, and no service or schema file returns a code it lacks.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSchema, GraphQLEnumType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, type ErrorCode } from '../errors.ts';
import { indexedUserErrors, pathUserErrors, singleUserErrors } from './user-errors.ts';

const SRC = fileURLToPath(new URL('..', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('ErrorCode', () => {
  it('lists every code of the registry in the printed schema, each with its description', () => {
    const printed = readFileSync(new URL('../../schema.graphql', import.meta.url), 'utf8');
    const type = buildSchema(printed).getType('ErrorCode');
    expect(type).toBeInstanceOf(GraphQLEnumType);
    const values = (type as GraphQLEnumType).getValues();
    expect(values.map((v) => v.name).sort()).toEqual(Object.keys(ERROR_CODES).sort());
    for (const value of values) {
      expect(value.description, value.name).toBe(ERROR_CODES[value.name as ErrorCode]);
    }
  });

  it('documents each code in one English sentence, without pointing outside the repository', () => {
    for (const [code, description] of Object.entries(ERROR_CODES)) {
      expect(code).toMatch(/^[A-Z][A-Z0-9_]*$/);
      expect(description, code).toMatch(/^[A-Z`].*\.$/);
      expect(description, code).not.toMatch(/\.md\b|https?:|§/);
    }
  });

  it('is the only source of the codes written in services, schema and server files', () => {
    // A cheap guard against free strings; the types (ErrorCode fields) catch the rest.
    const patterns = [
      /\bcode:\s*'([A-Z][A-Z0-9_]*)'/g,
      /\bnew AppError\(\s*'([A-Z][A-Z0-9_]*)'/g,
      /\b(?:HttpFailure\(\d+,|limitError\(|failure\(|withCode\(\w+,)\s*'([A-Z][A-Z0-9_]*)'/g,
      /\b(?:fail|reject|rejected|refuse)\(\s*(?:'[a-z][A-Za-z]*',\s*|`[^`]*`,\s*|[a-z][A-Za-z.]*,\s*)?'([A-Z][A-Z0-9_]*)'/g,
    ];
    const unknown: string[] = [];
    let found = 0;
    for (const dir of ['services', 'schema', 'server']) {
      for (const file of sourceFiles(join(SRC, dir))) {
        const text = readFileSync(file, 'utf8');
        for (const pattern of patterns) {
          for (const [, code] of text.matchAll(pattern)) {
            found += 1;
            if (!(code! in ERROR_CODES)) unknown.push(`${file.slice(SRC.length)}: ${code}`);
          }
        }
      }
    }
    expect(found).toBeGreaterThan(50);
    expect(unknown).toEqual([]);
  });
});

describe('UserError paths', () => {
  it('point into a list by position, or at the input, or at nothing', () => {
    const at = { input: ['input'], list: 'answers' };
    expect(
      indexedUserErrors(
        [
          { index: 2, code: 'VALUE_OUT_OF_SCALE', message: 'm', field: 'value' },
          { index: 1, code: 'EMPTY_SCORE', message: 'm' },
          { index: -1, code: 'INVALID_TOKEN', message: 'm', inputField: 'token' },
          { index: -1, code: 'RATE_LIMITED', message: 'm' },
        ],
        at,
      ).map((e) => e.field),
    ).toEqual([['input', 'answers', '2', 'value'], ['input', 'answers', '1'], ['input', 'token'], null]);
    // recordDossierEvents: arguments without an input object; the batch's size is about the list.
    expect(
      indexedUserErrors([{ index: 1000, code: 'BATCH_TOO_LARGE', message: 'm', inputField: 'events' }], {
        input: [],
        list: 'events',
      })[0]!.field,
    ).toEqual(['events']);
  });

  it('split questionnaire paths into steps', () => {
    const errors = pathUserErrors(
      [
        { path: 'questions[3].scaleCode', code: 'UNKNOWN_SCALE', message: 'm' },
        { path: 'scales[0].levels[1].label', code: 'EMPTY_TEXT', message: 'm' },
        { path: 'kind', code: 'KIND_CHANGED', message: 'm' },
      ],
      ['input'],
    );
    expect(errors.map((e) => e.field)).toEqual([
      ['input', 'questions', '3', 'scaleCode'],
      ['input', 'scales', '0', 'levels', '1', 'label'],
      ['input', 'kind'],
    ]);
  });

  it('keep the code and message of the single error they come from', () => {
    expect(singleUserErrors(null, ['input', 'token'])).toEqual([]);
    expect(
      singleUserErrors({ code: 'TOKEN_EXPIRED', message: 'Mã đánh giá đã hết hạn.' }, ['input', 'token']),
    ).toEqual([{ field: ['input', 'token'], code: 'TOKEN_EXPIRED', message: 'Mã đánh giá đã hết hạn.' }]);
  });
});
