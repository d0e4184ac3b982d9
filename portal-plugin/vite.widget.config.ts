import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';
import { widgetManifest } from './scripts/widget-manifest.ts';

// The hosted <dvc-satisfaction> widget: dist/widget/dvc-satisfaction.<hash>.js (the loader, served as
// /widget/v1.js) and content-hashed chunks it imports lazily, by URLs relative to its own
// (import.meta.url), so the stable name works. manifest.json lists them with sizes and SRI hashes.
export default defineConfig(({ command }) => {
  // As in vite.config.ts: never ship Svelte's dev build.
  if (command === 'build') process.env.NODE_ENV = 'production';
  return {
    // Svelte's injected <style> would be blocked by a strict CSP; the form adopts its CSS instead.
    plugins: [svelte({ emitCss: false }), widgetManifest()],
    build: {
      target: 'es2022',
      outDir: 'dist/widget',
      emptyOutDir: true,
      // No preload helper: it would resolve chunks against the page, not against the script.
      modulePreload: false,
      lib: {
        entry: { 'dvc-satisfaction': 'src/satisfaction/widget-entry.ts' },
        formats: ['es'],
      },
      rolldownOptions: {
        output: {
          entryFileNames: '[name].[hash].js',
          // rating/mount.svelte.ts → rating-form.<hash>.js: names that say what a file is in the manifest.
          chunkFileNames: (chunk) =>
            `${chunk.name === 'mount.svelte' ? 'rating-form' : chunk.name}.[hash].js`,
          minify: true,
          comments: false,
        },
      },
    },
  };
});
