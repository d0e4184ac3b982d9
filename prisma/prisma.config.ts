// Prisma CLI configuration. The native schema engine cannot be downloaded on these machines
// (docs/toolchain: binaries.prisma.sh is unreachable), so point the CLI at a stand-in before it
// looks for one: `prisma generate` then works offline. Migrations are applied by src/migrate.ts
// and created by scripts/create-migration.ts.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'prisma/config';

const here = path.dirname(fileURLToPath(import.meta.url));
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(here, 'scripts/no-schema-engine.sh');

export default defineConfig({
  schema: path.join(here, 'schema.prisma'),
  migrations: { path: path.join(here, 'migrations') },
});
