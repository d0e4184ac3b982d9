import { defineConfig } from 'vitest/config';

export default defineConfig({
  // graphql 16 ships CJS (main) and ESM (module) builds without an exports map. Node loads the CJS
  // one for the libraries (yoga, Pothos); Vite would give our inlined sources the ESM one, and then
  // `instanceof GraphQLError` fails across the two copies. Use the copy Node uses.
  resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
  test: {
    exclude: ['node_modules/**', 'bench/**'],
    projects: [
      {
        extends: true,
        test: {
          name: 'api',
          include: ['**/*.test.ts'],
          exclude: ['node_modules/**', 'bench/**', 'browser/**'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
      {
        // Headless Chromium against the built admin UI (browser/support/harness.ts): a page load,
        // a form round trip through the UI server and the API, and axe-core at two widths take
        // seconds, not milliseconds; starting the seeded API, the UI server and Chromium longer.
        extends: true,
        test: {
          name: 'browser',
          include: ['browser/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
});
