import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';

// Library build: one self-contained ES module that a portal page loads with <script type="module">.
export default defineConfig(({ command }) => {
  // Vite and Svelte build in dev mode when NODE_ENV is anything else (Vitest sets "test", CI shells
  // sometimes "development"); a portal must never get that build. Vite reads NODE_ENV after this file.
  if (command === 'build') process.env.NODE_ENV = 'production';
  return {
    plugins: [svelte({ emitCss: false })],
    build: {
      target: 'es2022',
      lib: {
        entry: 'src/procedure-widget-entry.ts',
        formats: ['es'],
        fileName: () => 'tthc-widget.js',
      },
      // Vite keeps whitespace and annotations in ES library output so that bundlers can tree-shake it.
      // This file goes to browsers as is, so minify it fully.
      rolldownOptions: {
        output: { minify: true, comments: false },
      },
    },
  };
});
