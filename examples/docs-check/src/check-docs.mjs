// Checks every ```ts code block of the documentation: the root README.md, every .md file under
// docs/ (guides, package guides, architecture, decisions) and each package's README.md (the
// front page published with it on npm).
//
// 1. Each block becomes its own module under .blocks/<document>/ and all of them are
//    type-checked in one tsc run against the built packages (their dist .d.ts files).
// 2. Then every runnable block is transpiled to an .mjs module beside it and run with Node
//    against the built packages, one process per block, the blocks of one document in order and
//    in that document's folder (so a file one block writes is there for the next). A block that
//    throws, rejects, exits non-zero or runs past the time limit fails the check.
//
// Fence markers (after ```ts, space-separated):
//   no-run   type-checked, not run: a fragment that needs a browser, a GPU, a test runner, or
//            data that only exists in the reader's project
//   nocheck  neither type-checked nor run: pseudo-code (use sparingly)
// A comment `<!-- docs-check: name.ts -->` on the line before a fence names the block's file, so
// a later block of the same document can import it ('./name'). A comment
// `<!-- docs-check expects: ["true", "[ 0, 1, 1, 0 ]"] -->` after a runnable block lists strings
// its standard output must contain, so a claim in the text (a printed result) is checked too.
// docs/guides/custom-optimizer.md is checked by examples/optimizer-plugin (its blocks are copies
// of the example's files, compared by a test there).
//
// Environment: DOCS_CHECK_ONLY=<substring of a document path> checks only matching documents;
// DOCS_CHECK_NO_RUN=1 type-checks only; DOCS_CHECK_VERBOSE=1 prints every block's output;
// DOCS_CHECK_TIMEOUT=<seconds> per block (default 60); DOCS_CHECK_JOBS=<n> documents run at once
// (default 2); DOCS_CHECK_KEEP=1 keeps .blocks/ afterwards. src/self-test.mjs uses
// DOCS_CHECK_FILES=<comma-separated .md paths> and DOCS_CHECK_OUT=<folder> to check its own samples.
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const started = performance.now();
const pkgDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const root = resolve(pkgDir, '../..');
const out = resolve(pkgDir, process.env.DOCS_CHECK_OUT ?? '.blocks');
const SKIP_FILES = new Set(['docs/guides/custom-optimizer.md']);
const env = process.env;
const timeoutMs = Number(env.DOCS_CHECK_TIMEOUT ?? 60) * 1000;
const jobs = Math.max(1, Number(env.DOCS_CHECK_JOBS ?? Math.min(2, availableParallelism())));
const requireHere = createRequire(join(pkgDir, 'package.json'));
const ts = requireHere('typescript');

/** Every markdown document checked, as paths relative to the repository root. */
function documents() {
  if (env.DOCS_CHECK_FILES) return env.DOCS_CHECK_FILES.split(',').map((f) => relative(root, resolve(f)));
  const found = ['README.md'];
  const walk = (dir) => {
    for (const name of readdirSync(join(root, dir)).sort()) {
      const path = `${dir}/${name}`;
      if (statSync(join(root, path)).isDirectory()) walk(path);
      else if (name.endsWith('.md')) found.push(path);
    }
  };
  walk('docs');
  for (const name of readdirSync(join(root, 'packages')).sort()) {
    const path = `packages/${name}/README.md`;
    if (existsSync(join(root, path))) found.push(path);
  }
  return found.filter((d) => !SKIP_FILES.has(d) && (!env.DOCS_CHECK_ONLY || d.includes(env.DOCS_CHECK_ONLY)));
}

/** The ts blocks of one document: { line, name, run, body } (line: 1-based, of the first code line). */
function extractBlocks(doc, text) {
  const lines = text.split('\n');
  const blocks = [];
  let block = null;
  for (const [i, line] of lines.entries()) {
    if (block === null) {
      const open = /^(\s*)```(ts|typescript)((?:\s+[\w-]+)*)\s*$/.exec(line);
      if (!open) continue;
      const flags = new Set(open[3].trim().split(/\s+/).filter(Boolean));
      for (const f of flags) {
        if (f !== 'no-run' && f !== 'nocheck')
          throw new Error(`${doc}:${i + 1}: unknown fence marker "${f}"`);
      }
      const named = /^<!--\s*docs-check:\s*([\w.-]+\.ts)\s*-->\s*$/.exec(lines[i - 1] ?? '');
      block = {
        line: i + 2,
        indent: open[1].length,
        name: named?.[1],
        check: !flags.has('nocheck'),
        run: !flags.has('nocheck') && !flags.has('no-run'),
        body: [],
      };
    } else if (/^\s*```\s*$/.test(line)) {
      // `<!-- docs-check expects: ["true", "[ 0, 1, 1, 0 ]"] -->` right after the fence (a blank
      // line between allowed): strings the block's output must contain.
      const next = lines.slice(i + 1, i + 3).find((l) => l.trim() !== '') ?? '';
      const expects = /^<!--\s*docs-check expects:\s*(.*?)\s*-->\s*$/.exec(next);
      if (expects) {
        let parsed;
        try {
          parsed = JSON.parse(expects[1]);
        } catch {}
        if (!Array.isArray(parsed) || !parsed.every((e) => typeof e === 'string'))
          throw new Error(`${doc}:${i + 2}: docs-check expects takes a JSON array of strings`);
        block.expects = parsed;
        if (!block.run) throw new Error(`${doc}:${i + 2}: an expects comment on a block that does not run`);
      }
      blocks.push(block);
      block = null;
    } else block.body.push(line.slice(Math.min(block.indent, /^\s*/.exec(line)[0].length)));
  }
  if (block !== null) throw new Error(`${doc}: unclosed code block at line ${block.line - 1}`);
  return blocks;
}

/** Relative imports ('./prelu') point at the transpiled siblings ('./prelu.mjs'). */
function toRunnable(source) {
  const js = ts.transpileModule(source, {
    compilerOptions: {
      module: ts.ModuleKind.ESNext,
      target: ts.ScriptTarget.ES2022,
      verbatimModuleSyntax: true,
    },
  }).outputText;
  return js.replace(
    /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])(\.\.?\/[^'"]+?)(\.ts)?\2/g,
    (_m, lead, q, spec) => `${lead}${q}${spec}.mjs${q}`,
  );
}

function runBlock(file, cwd) {
  return new Promise((done) => {
    const t0 = performance.now();
    execFile(
      process.execPath,
      [file],
      {
        cwd,
        timeout: timeoutMs,
        killSignal: 'SIGKILL',
        maxBuffer: 64 * 1024 * 1024,
        env: { ...env, NO_COLOR: '1' },
      },
      (error, stdout, stderr) => done({ error, stdout, stderr, ms: performance.now() - t0 }),
    );
  });
}

rmSync(out, { recursive: true, force: true });
mkdirSync(out);
const plan = []; // { doc, dir, blocks: [{ file, where, run }] }
let typeChecked = 0;
let nocheck = 0;
for (const doc of documents()) {
  const blocks = extractBlocks(doc, readFileSync(join(root, doc), 'utf8'));
  if (blocks.length === 0) continue;
  const dir = join(out, doc.replace(/\.md$/, '').replaceAll('/', '__'));
  mkdirSync(dir);
  const entry = { doc, dir, blocks: [] };
  let n = 0;
  for (const block of blocks) {
    if (!block.check) {
      nocheck++;
      continue;
    }
    n++;
    const name = block.name ?? `block-${String(n).padStart(2, '0')}.ts`;
    // A header pointing back at the document; `export {}` makes every block a module.
    const source = `// ${doc}:${block.line}\n${block.body.join('\n')}\nexport {};\n`;
    writeFileSync(join(dir, name), source);
    typeChecked++;
    entry.blocks.push({
      file: join(dir, name),
      source,
      where: `${doc}:${block.line}`,
      run: block.run,
      expects: block.expects ?? [],
    });
  }
  plan.push(entry);
}
if (typeChecked === 0) {
  console.error('docs-check: no ts blocks found');
  process.exit(1);
}

writeFileSync(
  join(out, 'tsconfig.json'),
  `${JSON.stringify(
    {
      extends: relative(out, join(root, 'tsconfig.base.json')),
      compilerOptions: { noUnusedLocals: false, allowUnreachableCode: true },
      include: ['**/*.ts'],
    },
    null,
    2,
  )}\n`,
);
const tsc = requireHere.resolve('typescript/bin/tsc');
try {
  execFileSync(process.execPath, [tsc, '-p', join(out, 'tsconfig.json'), '--pretty', 'false'], {
    cwd: pkgDir,
    stdio: 'inherit',
  });
} catch {
  console.error(
    `docs-check: type errors in the blocks above (files under ${out}, first line names the document)`,
  );
  process.exit(1);
}
const checkedMs = performance.now() - started;

let ran = 0;
let checkedOutputs = 0;
const failures = [];
const timings = [];
if (!env.DOCS_CHECK_NO_RUN) {
  for (const { blocks } of plan)
    for (const b of blocks) writeFileSync(b.file.replace(/\.ts$/, '.mjs'), toRunnable(b.source));
  const queue = [...plan];
  const worker = async () => {
    for (let entry = queue.shift(); entry; entry = queue.shift()) {
      for (const b of entry.blocks) {
        if (!b.run) continue;
        const result = await runBlock(b.file.replace(/\.ts$/, '.mjs'), entry.dir);
        ran++;
        timings.push({ where: b.where, ms: result.ms });
        const output = `${result.stdout}${result.stderr}`.trimEnd();
        if (result.error) {
          const why = result.error.killed
            ? `ran past ${timeoutMs / 1000} s`
            : `exited with code ${result.error.code ?? result.error.signal}`;
          failures.push(`${b.where}: the block ${why}\n${output}`);
          break; // later blocks of the document may depend on this one
        }
        const missing = b.expects.filter((e) => !result.stdout.includes(e));
        if (missing.length) {
          failures.push(
            `${b.where}: the output lacks ${missing.map((e) => JSON.stringify(e)).join(', ')} (docs-check expects)\n${output}`,
          );
          break;
        }
        checkedOutputs += b.expects.length;
        if (env.DOCS_CHECK_VERBOSE) console.log(`--- ${b.where} (${Math.round(result.ms)} ms)\n${output}`);
      }
    }
  };
  await Promise.all(Array.from({ length: jobs }, worker));
}

if (failures.length > 0) {
  for (const f of failures) console.error(`\ndocs-check: FAILED ${f}`);
  console.error(
    `\ndocs-check: ${failures.length} block(s) failed (modules under ${relative(process.cwd(), out)})`,
  );
  process.exit(1);
}
if (!env.DOCS_CHECK_KEEP) rmSync(out, { recursive: true, force: true });
const noRun = plan.reduce((s, e) => s + e.blocks.filter((b) => !b.run).length, 0);
const slowest = timings.sort((a, b) => b.ms - a.ms)[0];
console.log(
  `docs-check: ${typeChecked} ts blocks from ${plan.length} documents type-check` +
    ` (${(checkedMs / 1000).toFixed(1)} s); ${ran} run without error (${checkedOutputs} expected outputs seen),` +
    ` ${noRun} marked no-run,` +
    ` ${nocheck} nocheck; ${((performance.now() - started) / 1000).toFixed(1)} s in all` +
    (slowest ? `, slowest ${slowest.where} (${(slowest.ms / 1000).toFixed(1)} s)` : ''),
);
