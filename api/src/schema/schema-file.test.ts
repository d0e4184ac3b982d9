// api/schema.graphql is the reviewed, committed contract: it must match what the code builds.
import { readFileSync } from 'node:fs';
import { printSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { sortedSchema } from './index.ts';

describe('api/schema.graphql', () => {
  it('is up to date (run `npm run build -w @tthc/api` and commit it)', () => {
    const committed = readFileSync(new URL('../../schema.graphql', import.meta.url), 'utf8');
    expect(committed).toBe(`${printSchema(sortedSchema())}\n`);
  });

  it('keeps the public contract names of docs/api.md', () => {
    const fields = sortedSchema().getQueryType()!.getFields();
    for (const name of ['procedure', 'procedures', 'agency', 'agencies', 'dueDate'])
      expect(fields).toHaveProperty(name);
    expect(String(fields.procedures!.type)).toBe('ProcedureConnection!');
    expect(String(fields.agencies!.type)).toBe('AgencyConnection!');
    expect(String(fields.dueDate!.type)).toBe('DateTime!');
    const mutations = sortedSchema().getMutationType()!.getFields();
    expect(String(mutations.setCalendarDays!.type)).toBe('[CalendarDay!]!');
  });
});
