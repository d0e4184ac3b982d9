import adapter from '@sveltejs/adapter-node';

/** @type {import('@sveltejs/kit').Config} */
export default {
  compilerOptions: { runes: true },
  kit: {
    // `node build/index.js` (PORT, HOST, ORIGIN…): the root start script spawns it.
    adapter: adapter({ out: 'build' }),
  },
};
