// The dependency rules of the API (.dependency-cruiser.cjs, run by CI as `npm run depcheck`) must
// refuse what they are there to refuse: a fixture with a service importing the server, a schema
// module importing the server, and an import cycle. And the API itself must pass them.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cruise, type IReporterOutput } from 'dependency-cruiser';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const rules = createRequire(import.meta.url)(path.join(root, '.dependency-cruiser.cjs'));

async function violations(folder: string): Promise<string[]> {
  const previous = process.cwd();
  process.chdir(root);
  try {
    const result: IReporterOutput = await cruise([folder], {
      ...rules.options,
      validate: true,
      ruleSet: { forbidden: rules.forbidden },
    });
    if (typeof result.output === 'string') throw new Error(result.output);
    return result.output.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);
  } finally {
    process.chdir(previous);
  }
}

describe('layer rules', () => {
  it('refuse back-arrows and cycles (fixture)', async () => {
    const found = await violations('tests/architecture/fixtures/back-arrow');
    const fixture = 'tests/architecture/fixtures/back-arrow/api/src';
    expect(found).toEqual(
      expect.arrayContaining([
        `services-below-schema: ${fixture}/services/api-keys.ts → ${fixture}/server/auth.ts`,
        `schema-below-server: ${fixture}/schema/stats.ts → ${fixture}/server/auth.ts`,
        expect.stringMatching(/^no-cycles: .*domain\/(a|b)\.ts/),
      ]),
    );
  });

  it('hold for the API', async () => {
    expect(await violations('api/src')).toEqual([]);
  }, 60_000);
});
