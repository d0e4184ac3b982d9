// GraphQL Code Generator: api/schema.graphql + the *.graphql operations of each front end → typed
// documents, committed under each front end's graphql/generated/. `npm run codegen` rewrites them;
// `npm run check:generated` (CI) fails when they, or api/schema.graphql, are stale.
import type { CodegenConfig } from '@graphql-codegen/cli';

// Operations live in .graphql files and are used through the generated `…Document` constants, not
// through `graphql()` calls plucked from .ts/.svelte sources: no svelte2tsx to keep in step with Svelte,
// and the widget's bundle carries each query's text once (the `graphql()` lookup table would add it
// twice more).
const frontEnd = (documents: string | string[]): CodegenConfig['generates'][string] => ({
  preset: 'client',
  documents,
  presetConfig: {
    // No fragments yet; fragment masking would only add an unused module.
    fragmentMasking: false,
    // index.ts would only re-export gql.ts's `graphql()`, which nothing uses (see above).
    skipIndexFile: true,
    // persisted-documents.json: "sha256:<hex>" → normalized text of each operation (GraphQL over HTTP,
    // appendix A), for the API's allow-list. Each document also carries its hash in `__meta__.hash`.
    persistedDocuments: true,
  },
  config: {
    // TypedDocumentString: the query text, typed. Both front ends POST text; a DocumentNode would
    // bring graphql-js's AST (and print()) into the widget's bundle for nothing.
    documentMode: 'string',
    useTypeImports: true,
    enumsAsTypes: true,
    // A new custom scalar must be mapped here rather than silently typed `any`.
    strictScalars: true,
    scalars: { Date: 'string', DateTime: 'string' },
  },
});

const config: CodegenConfig = {
  schema: 'api/schema.graphql',
  // A glob that matches nothing is a mistake, not an empty client.
  ignoreNoDocuments: false,
  // The API's allow-list and the widget's ids, merged from the front ends' persisted-documents.json.
  hooks: { afterAllFileWrite: ['tsx scripts/persisted-manifest.ts'] },
  generates: {
    'admin-ui/src/lib/graphql/generated/': frontEnd('admin-ui/src/**/*.graphql'),
    'portal-plugin/src/graphql/generated/': frontEnd([
      'portal-plugin/src/**/*.graphql',
      '!portal-plugin/src/satisfaction/**/*.graphql',
    ]),
    // The satisfaction widget's operations on their own: the other widget's bundle imports its
    // generated documents, and these would be carried along (a `new` expression is not tree-shaken).
    'portal-plugin/src/satisfaction/generated/': frontEnd('portal-plugin/src/satisfaction/**/*.graphql'),
    // A third party's client, as docs/api.md "Quick start" tells one to set it up (no allow-list ids:
    // its operations are not the API's own); tests/api/third-party-example.test.ts runs it.
    'tests/examples/third-party/generated/': {
      preset: 'client',
      documents: 'tests/examples/third-party/*.graphql',
      presetConfig: { fragmentMasking: false },
      config: {
        documentMode: 'string',
        useTypeImports: true,
        enumsAsTypes: true,
        strictScalars: true,
        scalars: { Date: 'string', DateTime: 'string' },
        // Node's ESM (and tsx, tsc with NodeNext) want the file's extension in a relative import.
        importExtension: '.ts',
      },
    },
  },
};

export default config;
