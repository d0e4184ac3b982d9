import { defineConfig } from 'vitest/config';

export default defineConfig({
  // graphql 16 ships CJS (main) and ESM (module) builds without an exports map. Node loads the CJS
  // one for the libraries (yoga, Pothos); Vite would give our inlined sources the ESM one, and then
  // `instanceof GraphQLError` fails across the two copies. Use the copy Node uses.
  resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
  test: {
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', 'bench/**'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
