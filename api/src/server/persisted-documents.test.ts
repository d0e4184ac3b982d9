// Which persisted operations an anonymous caller gets at the persisted rate (query-budget.ts): the
// public reads only — the catalogue and `stats` — not the admin UI's heavier operations.
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { PersistedDocuments } from './persisted-documents.ts';

const PUBLIC =
  'query Figures($c: String!) { procedure(code: $c) { name stats(period: { from: "2026-01-01", to: "2026-01-31" }) { finished } } }';
const ADMIN =
  'query Breakdown { statsBreakdown(by: UNIT, scope: {}, period: { from: "2026-01-01", to: "2026-01-31" }) { rows { received } } }';
const documents = new PersistedDocuments({ 'sha256:1': PUBLIC, 'sha256:2': ADMIN });

describe('PersistedDocuments', () => {
  it('knows its operations by id, by name and by their exact text', () => {
    expect(documents.get('sha256:1')).toMatchObject({ name: 'Figures', type: 'query', scopedFigures: true });
    expect(documents.get('sha256:2')).toMatchObject({ name: 'Breakdown', scopedFigures: false });
    expect(documents.idOfName('Breakdown')).toBe('sha256:2');
    expect(documents.operationOf(parse(PUBLIC))?.id).toBe('sha256:1');
    // The same operation written otherwise is not one of ours.
    expect(documents.operationOf(parse(PUBLIC.replace('{ name', '{  name')))).toBeUndefined();
  });

  it('discounts the public reads for everyone, the other operations for keys and sessions only', () => {
    expect(documents.discounted(parse(PUBLIC), true)).toBe(true);
    expect(documents.discounted(parse(ADMIN), true)).toBe(false);
    expect(documents.discounted(parse(ADMIN), false)).toBe(true);
    expect(documents.discounted(parse('{ __typename }'), false)).toBe(false);
  });
});
