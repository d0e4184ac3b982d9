// The widget's size budgets (issue 10; floors in docs/benchmarks.md "Widget script size"):
// what every portal page view pays to show the live badge, and everything including the rating form.
import type { WidgetManifest } from './widget-manifest.ts';

export const BADGE_GOAL_GZIP = 4 * 1024;
export const BADGE_LIMIT_GZIP = 8 * 1024;
export const TOTAL_LIMIT_GZIP = 30 * 1024;

export interface WidgetSizes {
  /** The entry and every file it imports statically: what renders the live badge. */
  badgeFiles: string[];
  badgeGzip: number;
  totalGzip: number;
}

export function widgetSizes(manifest: WidgetManifest): WidgetSizes {
  const badgeFiles: string[] = [];
  const visit = (file: string) => {
    if (badgeFiles.includes(file)) return;
    const described = manifest.files[file];
    if (!described) throw new Error(`manifest.json names ${file} but does not describe it`);
    badgeFiles.push(file);
    for (const imported of described.imports) visit(imported);
  };
  visit(manifest.entry);
  const gzipOf = (files: string[]) => files.reduce((sum, file) => sum + manifest.files[file]!.gzipBytes, 0);
  return { badgeFiles, badgeGzip: gzipOf(badgeFiles), totalGzip: gzipOf(Object.keys(manifest.files)) };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(2)} KB`;

/** The lines `npm run budget` prints, and the problems that make it fail. */
export function budgetReport(manifest: WidgetManifest): { lines: string[]; problems: string[] } {
  const sizes = widgetSizes(manifest);
  const lines = [
    `badge path (${sizes.badgeFiles.join(' + ')}): ${kb(sizes.badgeGzip)} gzip — goal ${kb(BADGE_GOAL_GZIP)}, limit ${kb(BADGE_LIMIT_GZIP)}`,
    ...Object.entries(manifest.files).map(
      ([file, described]) => `  ${file}: ${kb(described.gzipBytes)} gzip (${described.bytes} bytes)`,
    ),
    `everything: ${kb(sizes.totalGzip)} gzip — limit ${kb(TOTAL_LIMIT_GZIP)}`,
  ];
  const problems: string[] = [];
  if (sizes.badgeGzip > BADGE_LIMIT_GZIP) problems.push(`badge path over ${kb(BADGE_LIMIT_GZIP)}`);
  if (sizes.totalGzip > TOTAL_LIMIT_GZIP) problems.push(`total over ${kb(TOTAL_LIMIT_GZIP)}`);
  if (sizes.badgeGzip > BADGE_GOAL_GZIP) lines.push(`note: badge path over the ${kb(BADGE_GOAL_GZIP)} goal`);
  return { lines, problems };
}
