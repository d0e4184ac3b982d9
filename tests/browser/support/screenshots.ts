// Screenshots of the main pages as test artifacts (tests/artifacts/screenshots/, gitignored): each
// page at an office laptop's width (1280 px) and a phone's (390 px), the whole page.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

export const SCREENSHOT_DIR = fileURLToPath(new URL('../../artifacts/screenshots/', import.meta.url));

export const WIDTHS = [
  { name: 'may-tinh', width: 1280, height: 800 },
  { name: 'dien-thoai', width: 390, height: 844 },
] as const;

/** Saves `<name>-1280.png` and `<name>-390.png`; the page keeps the viewport it had. */
export async function saveScreenshots(page: Page, name: string): Promise<string[]> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const before = page.viewportSize();
  const files: string[] = [];
  for (const { width, height } of WIDTHS) {
    await page.setViewportSize({ width, height });
    const file = `${SCREENSHOT_DIR}${name}-${width}.png`;
    await page.screenshot({ path: file, fullPage: true });
    files.push(file);
  }
  if (before) await page.setViewportSize(before);
  return files;
}
