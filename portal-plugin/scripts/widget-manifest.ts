// Vite plugin of the hosted widget build: writes dist/widget/manifest.json, the contract with the API
// that serves the files (/widget/v1.js → `entry`, /widget/<file> for the rest) and with the budget
// check: every file's size, gzip -9 size and subresource-integrity hash.
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

export interface WidgetFile {
  bytes: number;
  gzipBytes: number;
  integrity: string;
  /** Files this one imports statically (loaded with it): the badge path is the entry and these. */
  imports: string[];
  /** Files it loads on demand. */
  dynamicImports: string[];
}

export interface WidgetManifest {
  entry: string;
  files: Record<string, WidgetFile>;
}

export function describeFile(
  code: string | Uint8Array,
): Pick<WidgetFile, 'bytes' | 'gzipBytes' | 'integrity'> {
  const buffer = typeof code === 'string' ? Buffer.from(code) : Buffer.from(code);
  return {
    bytes: buffer.length,
    gzipBytes: gzipSync(buffer, { level: 9 }).length,
    integrity: `sha384-${createHash('sha384').update(buffer).digest('base64')}`,
  };
}

export function widgetManifest(): Plugin {
  return {
    name: 'dvc-widget-manifest',
    apply: 'build',
    generateBundle(_options, bundle) {
      const manifest: WidgetManifest = { entry: '', files: {} };
      for (const [fileName, output] of Object.entries(bundle).sort(([a], [b]) => a.localeCompare(b))) {
        if (output.type !== 'chunk') {
          this.error(
            `unexpected asset ${fileName}: the widget must be JavaScript only (styles live in the code)`,
          );
        }
        if (output.isEntry) manifest.entry = fileName;
        manifest.files[fileName] = {
          ...describeFile(output.code),
          imports: output.imports,
          dynamicImports: output.dynamicImports,
        };
      }
      this.emitFile({
        type: 'asset',
        fileName: 'manifest.json',
        source: `${JSON.stringify(manifest, null, 2)}\n`,
      });
    },
  };
}
