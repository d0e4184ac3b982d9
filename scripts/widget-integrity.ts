// `npm run widget:integrity`: the lines a portal team pastes, for the widget built now
// (portal-plugin/dist/widget/, or WIDGET_DIR) — the pinned version with its subresource-integrity hash,
// and the stable /widget/v1.js that follows new versions. The hash is computed from the file itself
// (and checked against manifest.json), so the docs never carry a hash that has gone stale.
// PUBLIC_URL (default http://localhost:4000) is the API's address as portals reach it.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const dir = process.env.WIDGET_DIR || path.join(root, 'portal-plugin/dist/widget');
const base = (process.env.PUBLIC_URL || `http://localhost:${process.env.PORT || 4000}`).replace(/\/+$/, '');

let manifest: { entry: string; files: Record<string, { integrity?: string; gzipBytes?: number }> };
try {
  manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
} catch {
  console.error(`Chưa dựng widget (${dir}/manifest.json): npm run build --workspace @tthc/portal-plugin`);
  process.exit(1);
}
const integrity = `sha384-${createHash('sha384')
  .update(readFileSync(path.join(dir, manifest.entry)))
  .digest('base64')}`;
const listed = manifest.files[manifest.entry]?.integrity;
if (listed && listed !== integrity) {
  console.error(`manifest.json ghi ${listed} nhưng tệp ${manifest.entry} có ${integrity}: dựng lại widget.`);
  process.exit(1);
}

console.log(`Phiên bản cố định (integrity kiểm tra đúng tệp này; đổi khi có phiên bản mới):
  <script type="module" src="${base}/widget/${manifest.entry}" integrity="${integrity}" crossorigin="anonymous"></script>
  <dvc-satisfaction procedure-code="1.001193"></dvc-satisfaction>

Luôn dùng phiên bản mới nhất của v1 (không có integrity, vì nội dung đổi theo phiên bản):
  <script type="module" src="${base}/widget/v1.js"></script>
  <dvc-satisfaction procedure-code="1.001193"></dvc-satisfaction>`);
