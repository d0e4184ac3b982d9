// The hosted build (vite.widget.config.ts) as the API serves it: manifest.json is the contract
// (docs: README "Embedding"), and the budgets of issue 10 are hard limits here.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import {
  BADGE_LIMIT_GZIP,
  budgetReport,
  TOTAL_LIMIT_GZIP,
  widgetSizes,
} from '../../scripts/widget-budget.ts';
import { describeFile, type WidgetManifest } from '../../scripts/widget-manifest.ts';

const distDir = inject('satisfactionDistDir');
let manifest: WidgetManifest;
const code: Record<string, string> = {};

beforeAll(async () => {
  manifest = JSON.parse(await readFile(path.join(distDir, 'manifest.json'), 'utf8')) as WidgetManifest;
  for (const file of Object.keys(manifest.files))
    code[file] = await readFile(path.join(distDir, file), 'utf8');
});

describe('dist/widget', () => {
  it('holds the content-hashed loader, its lazy chunks and manifest.json, nothing else', async () => {
    expect(manifest.entry).toMatch(/^dvc-satisfaction\.[\w-]{8}\.js$/);
    const files = Object.keys(manifest.files);
    expect(files.some((file) => /^rating-form\.[\w-]{8}\.js$/.test(file))).toBe(true);
    expect(files.some((file) => /^card\.[\w-]{8}\.js$/.test(file))).toBe(true);
    expect((await readdir(distDir)).sort()).toEqual([...files, 'manifest.json'].sort());
  });

  it('describes every file truly: bytes, gzip -9 bytes and sha384 integrity', () => {
    for (const [file, described] of Object.entries(manifest.files)) {
      expect({ ...described, imports: undefined, dynamicImports: undefined }, file).toEqual({
        ...describeFile(code[file]!),
        imports: undefined,
        dynamicImports: undefined,
      });
      expect(described.integrity).toMatch(/^sha384-[A-Za-z0-9+/]{64}$/);
    }
  });

  it('loads the card and the rating form lazily, by URLs relative to the loader', () => {
    const loader = code[manifest.entry]!;
    const entry = manifest.files[manifest.entry]!;
    expect(entry.imports).toEqual([]);
    expect(entry.dynamicImports.sort()).toEqual(
      Object.keys(manifest.files)
        .filter((file) => file !== manifest.entry)
        .sort(),
    );
    for (const chunk of entry.dynamicImports) expect(loader).toContain(`import(\`./${chunk}\`)`);
    // No Vite preload helper: it would resolve chunks against the page instead of the script.
    expect(loader).not.toContain('modulepreload');
  });

  it('has chunks that never import the loader back (it runs under /widget/v1.js, another URL)', () => {
    for (const [file, described] of Object.entries(manifest.files)) {
      if (file === manifest.entry) continue;
      expect(described.imports, file).not.toContain(manifest.entry);
      expect(code[file], file).not.toContain(manifest.entry);
    }
  });

  it('keeps the Svelte runtime out of the loader', () => {
    const loader = code[manifest.entry]!;
    expect(loader).not.toMatch(/svelte/i);
    expect(code[Object.keys(code).find((file) => file.startsWith('rating-form'))!]).toContain('Gửi đánh giá');
  });

  it('uses no eval, no cookies, no storage but the offline queue, and no inline style attributes', () => {
    for (const [file, text] of Object.entries(code)) {
      expect(text, file).not.toMatch(/\beval\(|new Function\(|document\.cookie/);
      // setAttribute('style', …) and style="…" in templates are what a strict style-src blocks.
      expect(text, file).not.toMatch(/style="|setAttribute\(["']style/);
    }
    expect(code[manifest.entry]).not.toContain('localStorage');
  });

  it(`stays within the budgets: badge path ≤ ${BADGE_LIMIT_GZIP} B, everything ≤ ${TOTAL_LIMIT_GZIP} B gzip`, () => {
    const sizes = widgetSizes(manifest);
    expect(sizes.badgeFiles).toEqual([manifest.entry]);
    expect(sizes.badgeGzip).toBeLessThanOrEqual(BADGE_LIMIT_GZIP);
    expect(sizes.totalGzip).toBeLessThanOrEqual(TOTAL_LIMIT_GZIP);
    expect(budgetReport(manifest).problems).toEqual([]);
  });
});

describe('budgetReport', () => {
  const file = (gzipBytes: number, imports: string[] = []) => ({
    bytes: gzipBytes * 3,
    gzipBytes,
    integrity: 'sha384-x',
    imports,
    dynamicImports: [],
  });

  it('counts the entry and its static imports as the badge path, and fails above a hard limit', () => {
    const over: WidgetManifest = {
      entry: 'a.js',
      // a 5 KB + b 4 KB (imported statically) = 9 KB > 8 KB; total 9 + 22 = 31 KB > 30 KB.
      files: { 'a.js': file(5 * 1024, ['b.js']), 'b.js': file(4 * 1024), 'c.js': file(22 * 1024) },
    };
    expect(widgetSizes(over)).toEqual({
      badgeFiles: ['a.js', 'b.js'],
      badgeGzip: 9 * 1024,
      totalGzip: 31 * 1024,
    });
    expect(budgetReport(over).problems).toEqual(['badge path over 8.00 KB', 'total over 30.00 KB']);
  });
});
