// `npm run check:generated` (CI): fails when a committed generated file no longer matches its source.
// - api/schema.graphql against the Pothos schema in api/src (api/scripts/print-schema.ts --check);
// - the typed documents of codegen.ts (the front ends' and the third-party example's,
//   tests/examples/third-party/) against api/schema.graphql and the *.graphql operations;
// - the pinned widget lines in docs/api.md (scripts/widget-integrity.ts) against a fresh widget build.
// Nothing is written: codegen runs in memory and its output is compared with the files on disk, so the
// check can run in a tree where others are working, and a clean clone (CI) compares what was committed.
import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from '@graphql-codegen/cli';
import config from '../codegen.ts';
import { FRONT_END_MANIFESTS, persistedOutputs } from './persisted-manifest.ts';
import { currentDocsBlock, DOCS_FILE, docsBlock, pinnedWidget } from './widget-integrity.ts';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
// codegen.ts names its paths from the repository root.
process.chdir(root);

const problems: string[] = [];

// 1. The printed schema. A child process: print-schema imports the whole API (Prisma client included).
const schema = spawnSync('npx', ['tsx', 'api/scripts/print-schema.ts', '--check'], {
  cwd: root,
  encoding: 'utf8',
});
if (schema.status !== 0) {
  problems.push(
    schema.stderr.includes('is stale')
      ? 'api/schema.graphql không khớp với mã nguồn API: chạy `npm run build -w @tthc/api` rồi `npm run codegen`, và commit kết quả.'
      : `Không in được lược đồ GraphQL từ mã nguồn API (api/scripts/print-schema.ts):\n${schema.stderr || schema.error}`,
  );
}

// 2. The codegen output, from the committed api/schema.graphql (a stale schema is reported above).
const outputDirs = Object.keys(config.generates);
try {
  const generated = await generate({ ...config, silent: true }, false);
  // The merged allow-list and widget ids (codegen.ts's hook), from the manifests just generated.
  const manifestOf = (file: string) =>
    JSON.parse(
      generated.find((o) => path.relative(root, path.resolve(root, o.filename)) === file)?.content ?? '{}',
    ) as Record<string, string>;
  const outputs = [
    ...generated,
    ...persistedOutputs(FRONT_END_MANIFESTS.map(manifestOf)).map((o) => ({
      filename: o.file,
      content: o.content,
    })),
  ];
  const expected = new Set<string>();
  const stale: string[] = [];
  for (const output of outputs) {
    const file = path.relative(root, path.resolve(root, output.filename));
    expected.add(file);
    const current = await readFile(file, 'utf8').catch(() => null);
    if (current === null) stale.push(`${file} (thiếu)`);
    else if (current !== output.content) stale.push(`${file} (khác)`);
  }
  // A file that codegen no longer writes (an operation or option removed) would linger unnoticed.
  for (const dir of outputDirs) {
    const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (!entry.isFile()) continue;
      const file = path.relative(root, path.join(entry.parentPath, entry.name));
      if (!expected.has(file)) stale.push(`${file} (thừa: xóa tệp này)`);
    }
  }
  if (stale.length > 0) {
    problems.push(
      `Mã sinh từ codegen.ts đã cũ:\n${stale.map((file) => `  - ${file}`).join('\n')}\n` +
        '  Chạy `npm run codegen` và commit kết quả.',
    );
  }
} catch (error) {
  // Typically an operation that asks for a field the schema no longer has: the front end must change.
  problems.push(
    `Không sinh được mã từ codegen.ts (các thao tác *.graphql không còn hợp lệ với api/schema.graphql?):\n` +
      `${error instanceof Error ? error.message : String(error)}\n` +
      '  Sửa các tệp *.graphql trong admin-ui/, portal-plugin/ và tests/examples/third-party/, rồi chạy `npm run codegen`.',
  );
}

// 3. The widget's pinned version in docs/api.md. Built into a temporary folder with the same command
// as `npm run build` (the build is deterministic: same sources, same hashes), so neither a missing nor
// an old portal-plugin/dist can make the check pass or fail wrongly.
const widgetDir = await mkdtemp(path.join(tmpdir(), 'dvc-widget-check-'));
try {
  const build = spawnSync(
    'npx',
    [
      'vite',
      'build',
      '-c',
      'vite.widget.config.ts',
      '--outDir',
      widgetDir,
      '--emptyOutDir',
      '--logLevel',
      'warn',
    ],
    { cwd: path.join(root, 'portal-plugin'), encoding: 'utf8' },
  );
  if (build.status !== 0) {
    problems.push(
      `Không dựng được widget (portal-plugin/vite.widget.config.ts):\n${build.stderr || build.error}`,
    );
  } else {
    const expected = docsBlock(pinnedWidget(widgetDir));
    const current = currentDocsBlock(await readFile(DOCS_FILE, 'utf8'));
    if (current !== expected) {
      problems.push(
        current === null
          ? 'docs/api.md thiếu khối phiên bản widget cố định (mục "The portal widget").'
          : 'Phiên bản widget cố định trong docs/api.md (tệp và integrity) đã cũ: dựng widget ' +
              '(`npm run build --workspace @tthc/portal-plugin`), chạy `npm run widget:integrity -- --write-docs` và commit.',
      );
    }
  }
} finally {
  await rm(widgetDir, { recursive: true, force: true });
}

if (problems.length > 0) {
  console.error(problems.join('\n\n'));
  process.exit(1);
}
console.log(
  `Các tệp sinh tự động đều mới: api/schema.graphql, ${outputDirs.join(', ')}, phiên bản widget trong docs/api.md.`,
);
