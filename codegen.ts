// GraphQL Code Generator: api/schema.graphql → typed documents for the admin UI and the widget.
// Run with `npm run codegen` after the schema changes (the schema is printed by the API's build).
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: 'api/schema.graphql',
  ignoreNoDocuments: true,
  generates: {
    'admin-ui/src/lib/graphql/': {
      preset: 'client',
      documents: ['admin-ui/src/**/*.{ts,svelte}', '!admin-ui/src/lib/graphql/**'],
      config: { useTypeImports: true, enumsAsTypes: true },
    },
    'portal-plugin/src/graphql/': {
      preset: 'client',
      documents: ['portal-plugin/src/**/*.{ts,svelte}', '!portal-plugin/src/graphql/**'],
      config: { useTypeImports: true, enumsAsTypes: true },
    },
  },
};

export default config;
