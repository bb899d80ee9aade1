// Bundle size of each package under packages/: its built entry points bundled with esbuild
// (ESM, browser, minified; other @descent packages and third-party dependencies external, as
// an app's bundler would share them), raw and gzip. Prints a Markdown table; with --write it
// replaces the section between the markers at the end of docs/performance.md.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const BEGIN = '<!-- bundle-sizes:begin -->';
const END = '<!-- bundle-sizes:end -->';
const kB = (n) => `${(n / 1024).toFixed(1)} kB`;

const rows = [];
for (const dir of readdirSync(join(root, 'packages')).sort()) {
  const pkgDir = join(root, 'packages', dir);
  const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
  if (pkg.private) continue;
  const external = [
    '@descent/*',
    'node:*',
    ...builtinModules, // lazily imported by Node-only helpers (file readers)
    ...Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies, ...pkg.optionalDependencies }),
  ];
  for (const [subpath, target] of Object.entries(pkg.exports ?? {})) {
    const file = typeof target === 'string' ? target : target.import;
    if (!file?.endsWith('.js')) continue;
    const result = await build({
      entryPoints: [join(pkgDir, file)],
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'browser',
      external,
      write: false,
      logLevel: 'error',
    });
    const code = result.outputFiles[0].contents;
    const name = subpath === '.' ? pkg.name : `${pkg.name}/${subpath.slice(2)}`;
    rows.push(`| \`${name}\` | ${kB(code.length)} | ${kB(gzipSync(code, { level: 9 }).length)} |`);
  }
}
const table = ['| entry point | minified | minified + gzip |', '| --- | ---: | ---: |', ...rows].join('\n');
console.log(table);

if (process.argv.includes('--write')) {
  const path = join(root, 'docs/performance.md');
  const doc = readFileSync(path, 'utf8');
  const section = `${BEGIN}\n${table}\n${END}`;
  const start = doc.indexOf(BEGIN);
  const next =
    start >= 0
      ? `${doc.slice(0, start)}${section}${doc.slice(doc.indexOf(END) + END.length)}`
      : `${doc.trimEnd()}\n\n## Bundle sizes\n\nEach package's entry points bundled by esbuild for the browser (ESM, minified; the other\n\`@descent\` packages and third-party dependencies such as gpu.js left external, as an app's\nbundler shares them), from \`pnpm size\` (which rewrites this table):\n\n${section}\n`;
  writeFileSync(path, next);
  console.log(`wrote the table to ${path}`);
}
