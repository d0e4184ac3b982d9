import { defineConfig } from 'vitest/config';

// Separate from vite.config.ts so unit tests do not load the Svelte plugin; the bundle tests build the
// widget with the real vite.config.ts in scripts/build-widget-for-tests.ts.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['./scripts/build-widget-for-tests.ts'],
  },
});
