import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, inject, it } from 'vitest';

const distDir = inject('widgetDistDir');
const bundlePath = path.join(distDir, 'tthc-widget.js');

// The Svelte runtime alone is ~10 KB gzip (docs/benchmarks.md "Machine baselines"). Every portal page view pays for this
// file, so growth past the budget has to be a decision, not an accident.
const GZIP_BUDGET_BYTES = 18 * 1024;

// Loads the bundle in a fresh Node process with just enough of a browser to register custom elements,
// twice, as a portal page that includes the script twice would.
const LOAD_IN_FRESH_PROCESS = `
const registry = new Map();
const defined = [];
globalThis.HTMLElement = class {};
globalThis.customElements = {
  get: (name) => registry.get(name),
  define(name, constructor) {
    if (registry.has(name)) throw new Error('already defined: ' + name);
    registry.set(name, constructor);
    defined.push(name);
  },
};
const url = process.argv[1];
const module = await import(url);
await import(url + '?loaded-again');
const element = customElements.get('tthc-procedure-widget');
console.log(JSON.stringify({
  defined,
  observedAttributes: element?.observedAttributes,
  extendsHTMLElement: element?.prototype instanceof HTMLElement,
  exportsTheRegisteredClass: module.ProcedureWidgetElement === element,
  tag: module.WIDGET_TAG,
}));
`;

describe('dist/tthc-widget.js', () => {
  let code = '';
  beforeAll(async () => {
    code = await readFile(bundlePath, 'utf8');
  });

  it('is the only file the build emits: no CSS file, no chunks to load', async () => {
    expect(await readdir(distDir)).toEqual(['tthc-widget.js']);
  });

  it('is self-contained and minified', () => {
    expect(code).not.toMatch(/(^|[;}\s])import\s*[{*"'`]/);
    expect(code).not.toMatch(/from\s*["']svelte/);
    // Whole-file minification: Vite leaves whitespace in ES library output unless told otherwise.
    expect(code.split('\n').length).toBeLessThan(20);
  });

  it('carries its styles inside the script, scoped to the shadow root', () => {
    expect(code).toContain(':host');
    expect(code).toContain('Thời hạn giải quyết');
  });

  it('adopts its styles instead of injecting a <style> that a strict CSP would block', () => {
    expect(code).toContain('adoptedStyleSheets');
    // Svelte's injected CSS comes with scoping classes "svelte-<hash>"; none is left.
    expect(code).not.toMatch(/svelte-[a-z0-9]{4,10}(?![a-z0-9-])/);
  });

  it(`stays within ${GZIP_BUDGET_BYTES} bytes gzip -9`, () => {
    const gzipped = gzipSync(code, { level: 9 }).length;
    expect(gzipped).toBeLessThanOrEqual(GZIP_BUDGET_BYTES);
  });

  it('registers <tthc-procedure-widget> once when loaded, even when loaded twice', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [
      '--input-type=module',
      '--eval',
      LOAD_IN_FRESH_PROCESS,
      pathToFileURL(bundlePath).href,
    ]);
    expect(JSON.parse(stdout)).toEqual({
      defined: ['tthc-procedure-widget'],
      observedAttributes: ['procedure-code', 'api-url'],
      extendsHTMLElement: true,
      exportsTheRegisteredClass: true,
      tag: 'tthc-procedure-widget',
    });
  });
});
