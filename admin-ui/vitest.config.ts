import { defineConfig } from 'vitest/config';

// Without the SvelteKit plugin: the unit tests cover plain modules that import nothing from $app/$env.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
