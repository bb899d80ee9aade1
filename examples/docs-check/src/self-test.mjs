// Checks the checker: docs-check must pass good samples (including a no-run block that would
// throw and a block importing a named sibling) and must fail, naming the document and line, for
// a block that throws, one that rejects, and one that does not type-check.
import { execFile } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const pkgDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dir = join(pkgDir, '.self-test');
const fence = '```';

const docs = {
  'good.md': `# Good

<!-- docs-check: helper.ts -->
${fence}ts
export const twice = (n: number): number => 2 * n;
${fence}

${fence}ts
import { cpuBackend } from '@descent/backend-cpu';
import { add, createRuntime } from '@descent/core';
import { twice } from './helper';

const rt = createRuntime({ plugins: [cpuBackend()] });
if (add(rt.tensor([1]), twice(1)).dataSync()[0] !== 3) throw new Error('wrong sum');
${fence}

${fence}ts no-run
throw new Error('a no-run block is type-checked only');
${fence}

${fence}ts nocheck
this is not TypeScript
${fence}
`,
  'throws.md': `# Throws

${fence}ts
const rt = 1;
if (rt === 1) throw new Error('boom from a sample');
${fence}
`,
  'rejects.md': `# Rejects

${fence}ts
await Promise.reject(new Error('rejected in a sample'));
${fence}
`,
  'type-error.md': `# Type error

${fence}ts
const n: number = 'not a number';
console.log(n);
${fence}
`,
};

rmSync(dir, { recursive: true, force: true });
mkdirSync(dir);
for (const [name, text] of Object.entries(docs)) writeFileSync(join(dir, name), text);

function check(files) {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [join(pkgDir, 'src/check-docs.mjs')],
      {
        cwd: pkgDir,
        env: {
          ...process.env,
          DOCS_CHECK_FILES: files.map((f) => join(dir, f)).join(','),
          DOCS_CHECK_OUT: '.self-test/blocks',
          DOCS_CHECK_VERBOSE: '',
        },
      },
      (error, stdout, stderr) => done({ code: error ? (error.code ?? 1) : 0, output: stdout + stderr }),
    );
  });
}

const expectations = [
  { files: ['good.md'], pass: true, says: '2 run without error, 1 marked no-run, 1 nocheck' },
  { files: ['throws.md'], pass: false, says: 'throws.md:4: the block exited with code 1' },
  { files: ['rejects.md'], pass: false, says: 'rejected in a sample' },
  { files: ['type-error.md'], pass: false, says: "Type 'string' is not assignable to type 'number'" },
];
const problems = [];
for (const { files, pass, says } of expectations) {
  const { code, output } = await check(files);
  if ((code === 0) !== pass)
    problems.push(`${files}: expected ${pass ? 'success' : 'failure'}, got exit code ${code}\n${output}`);
  else if (!output.includes(says)) problems.push(`${files}: expected the output to say "${says}"\n${output}`);
}
rmSync(dir, { recursive: true, force: true });
if (problems.length) {
  for (const p of problems) console.error(`docs-check self-test: ${p}`);
  process.exit(1);
}
console.log(
  `docs-check self-test: ${expectations.length} cases behave (passes good samples, fails bad ones)`,
);
