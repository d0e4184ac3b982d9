// `npm run bench -- <name> [options]`: load benchmarks that print figures next to a baseline measured
// in the same run on the same machine (docs/benchmarks.md records them). Not part of `npm test`.
const benches: Record<string, () => Promise<{ run(args: string[]): Promise<void> }>> = {
  ingest: () => import('./ingest.ts'),
  reads: () => import('./reads.ts'),
  ratings: () => import('./ratings.ts'),
  fanout: () => import('./fanout.ts'),
  limits: () => import('./limits.ts'),
  'public-reads': () => import('./public-reads.ts'),
};

const [name, ...args] = process.argv.slice(2);
const load = name ? benches[name] : undefined;
if (!load) {
  console.error(`usage: npm run bench -- <${Object.keys(benches).join('|')}> [options]`);
  process.exit(2);
}
await (await load()).run(args);
process.exit(0);
