// The hand-written documents of queries.ts and rating/rating-api.ts, validated against the API's schema
// (api/schema.graphql, printed by `npm run build --workspace @tthc/api`).
import { readFileSync } from 'node:fs';
import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { figuresQuery, figuresSubscription } from './queries.ts';

const schema = buildSchema(readFileSync(new URL('../../../api/schema.graphql', import.meta.url), 'utf8'));
const hasTimeliness = /satisfactionByTimeliness/.test(
  readFileSync(new URL('../../../api/schema.graphql', import.meta.url), 'utf8'),
);
const errorsOf = (document: string) => validate(schema, parse(document)).map((error) => error.message);

describe('the widget documents', () => {
  it.each([
    ['procedure', { procedureCode: '1.001193' }],
    ['agency', { agencyCode: '22870' }],
  ])('the %s display query without satisfactionByTimeliness is valid', (_name, scope) => {
    expect(errorsOf(figuresQuery(scope, false))).toEqual([]);
    expect(errorsOf(figuresSubscription(false))).toEqual([]);
  });

  it.skipIf(!hasTimeliness)('with satisfactionByTimeliness, once the API has it, is valid', () => {
    expect(errorsOf(figuresQuery({ procedureCode: '1.001193' }, true))).toEqual([]);
    expect(errorsOf(figuresSubscription(true))).toEqual([]);
  });

  it('an API without satisfactionByTimeliness names the field in its error, which the widget retries on', () => {
    if (hasTimeliness) return;
    expect(errorsOf(figuresQuery({ procedureCode: '1.001193' }, true)).join(' ')).toContain(
      'satisfactionByTimeliness',
    );
  });
});
