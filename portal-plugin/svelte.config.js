// Read by vite-plugin-svelte and svelte-check alike.
/** @type {import('@sveltejs/vite-plugin-svelte').SvelteConfig} */
export default {
  compilerOptions: {
    runes: true,
    // The widget lives in a shadow root: Svelte appends each component's <style> to the root node it is
    // mounted in, so host-page CSS never reaches it and ours never leaks out.
    css: 'injected',
  },
};
