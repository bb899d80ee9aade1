// Extracts every ```ts block of docs/guides/*.md into its own module under .blocks/ and
// type-checks them all with tsc against the built packages (their dist .d.ts files).
// A block fenced as ```ts nocheck is a deliberate fragment and is skipped. A comment
// `<!-- docs-check: name.ts -->` on the line before a fence names the block's file, so a later
// block of the same guide can import it ('./name'); each guide's blocks share one folder.
// custom-optimizer.md is checked by examples/optimizer-plugin (its blocks are copies of files).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const pkgDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const guides = resolve(pkgDir, '../../docs/guides');
const out = join(pkgDir, '.blocks');
const SKIP_FILES = new Set(['custom-optimizer.md']);

rmSync(out, { recursive: true, force: true });
mkdirSync(out);
const files = [];
let skipped = 0;
for (const guide of readdirSync(guides)
  .filter((f) => f.endsWith('.md') && !SKIP_FILES.has(f))
  .sort()) {
  const lines = readFileSync(join(guides, guide), 'utf8').split('\n');
  const dir = join(out, guide.replace(/\.md$/, ''));
  mkdirSync(dir);
  let block = null;
  let n = 0;
  for (const [i, line] of lines.entries()) {
    if (block === null) {
      const open = /^```(ts|typescript)(\s+nocheck)?\s*$/.exec(line);
      const named = /^<!--\s*docs-check:\s*([\w.-]+\.ts)\s*-->\s*$/.exec(lines[i - 1] ?? '');
      if (open) block = { start: i + 1, nocheck: Boolean(open[2]), name: named?.[1], body: [] };
    } else if (/^```\s*$/.test(line)) {
      if (block.nocheck) skipped++;
      else {
        n++;
        const name = block.name ?? `block-${String(n).padStart(2, '0')}.ts`;
        // A header pointing back at the guide; `export {}` makes every block a module.
        const header = `// ${guide}:${block.start + 1}\n`;
        writeFileSync(join(dir, name), `${header}${block.body.join('\n')}\nexport {};\n`);
        files.push(join(dir, name));
      }
      block = null;
    } else block.body.push(line);
  }
  if (block !== null) throw new Error(`${guide}: unclosed code block at line ${block.start}`);
}
writeFileSync(
  join(out, 'tsconfig.json'),
  `${JSON.stringify(
    {
      extends: '../../../tsconfig.base.json',
      compilerOptions: { noUnusedLocals: false, allowUnreachableCode: true },
      include: ['**/*.ts'],
    },
    null,
    2,
  )}\n`,
);
const tsc = createRequire(join(pkgDir, 'package.json')).resolve('typescript/bin/tsc');
try {
  execFileSync(process.execPath, [tsc, '-p', join(out, 'tsconfig.json'), '--pretty', 'false'], {
    cwd: pkgDir,
    stdio: 'inherit',
  });
} catch {
  console.error(
    `docs-check: type errors in the blocks above (files under ${out}, first line names the guide)`,
  );
  process.exit(1);
}
if (!process.env.DOCS_CHECK_KEEP) rmSync(out, { recursive: true, force: true });
console.log(
  `docs-check: ${files.length} ts blocks from docs/guides type-check (${skipped} nocheck fragments)`,
);
