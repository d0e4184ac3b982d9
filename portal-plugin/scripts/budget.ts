// `npm run budget --workspace @tthc/portal-plugin`: builds the hosted widget and prints its gzip sizes
// against the budgets (scripts/widget-budget.ts); exits 1 above a hard limit.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { budgetReport } from './widget-budget.ts';
import type { WidgetManifest } from './widget-manifest.ts';

const packageDir = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
if (!process.argv.includes('--no-build')) {
  execFileSync('npx', ['vite', 'build', '-c', 'vite.widget.config.ts', '--logLevel', 'warn'], {
    cwd: packageDir,
    stdio: 'inherit',
  });
}
const manifest = JSON.parse(
  readFileSync(path.join(packageDir, 'dist/widget/manifest.json'), 'utf8'),
) as WidgetManifest;
const { lines, problems } = budgetReport(manifest);
console.log(lines.join('\n'));
if (problems.length) {
  console.error(`Over budget: ${problems.join('; ')}`);
  process.exit(1);
}
