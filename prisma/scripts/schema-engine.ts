// Loads Prisma's schema engine compiled to WebAssembly (@prisma/schema-engine-wasm): the native
// engine cannot be downloaded here (docs/toolchain.md). The package's entry point imports the .wasm
// file as an ES module, which Node 20 cannot do, so we instantiate it against the package's JS glue
// ourselves. Instantiate once per process; the engine itself is created afresh for every step.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';
import * as glue from '@prisma/schema-engine-wasm/schema_engine_bg';

export type { SchemaEngine } from '@prisma/schema-engine-wasm/schema_engine_bg';

// Node has WebAssembly, but the project's type libraries (ES2023 + @types/node 20) do not declare it.
declare const WebAssembly: {
  instantiate(
    bytes: Uint8Array,
    imports: object,
  ): Promise<{ instance: { exports: Record<string, unknown> } }>;
};

let instantiated: Promise<void> | undefined;

function instantiateOnce(): Promise<void> {
  instantiated ??= (async () => {
    const gluePath = createRequire(import.meta.url).resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const bytes = await readFile(path.join(path.dirname(gluePath), 'schema_engine_bg.wasm'));
    // The module imports everything from its JS glue under this module name.
    const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': glue });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
  })();
  return instantiated;
}

export interface SchemaFile {
  path: string;
  content: string;
}

/** A new engine bound to the given adapter factory (connections are opened lazily). */
export async function createSchemaEngine(
  schema: SchemaFile,
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  onLog: (message: string) => void = () => {},
): Promise<glue.SchemaEngine> {
  await instantiateOnce();
  return glue.SchemaEngine.new(
    { datamodels: [[schema.path, schema.content]] },
    onLog,
    bindMigrationAwareSqlAdapterFactory(adapterFactory),
  );
}
