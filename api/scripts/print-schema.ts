// Prints the schema to api/schema.graphql (committed, so every API change shows up in review).
// `--check` fails when the committed file is stale instead of writing it.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { printSchema } from 'graphql';
import { sortedSchema } from '../src/schema/index.ts';

const target = fileURLToPath(new URL('../schema.graphql', import.meta.url));
const printed = `${printSchema(sortedSchema())}\n`;

if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch {}
  if (current !== printed) {
    console.error('api/schema.graphql is stale: run `npm run build -w @tthc/api` and commit it.');
    process.exit(1);
  }
  console.log('api/schema.graphql is up to date.');
} else {
  writeFileSync(target, printed);
  console.log(`Wrote ${target}`);
}
