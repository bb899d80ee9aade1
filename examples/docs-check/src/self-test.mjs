// Checks the checker: docs-check must pass good samples (including a no-run block that would
// throw, a block importing a named sibling and an expected output) and must fail, naming the
// document and line, for a block that throws, one that rejects, one whose output lacks what its
// expects comment says, and one that does not type-check.
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
console.log(add(rt.tensor([1]), twice(1)).dataSync()); // Float32Array(1) [ 3 ]
${fence}

<!-- docs-check expects: ["Float32Array(1) [ 3 ]"] -->

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
  'wrong-output.md': `# Wrong output

${fence}ts
console.log(0.1 + 0.2); // not 0.3
${fence}
<!-- docs-check expects: ["0.3\\n"] -->
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
  {
    files: ['good.md'],
    pass: true,
    says: ['2 run without error (1 expected outputs seen), 1 marked no-run, 1 nocheck'],
  },
  {
    files: ['throws.md', 'rejects.md', 'wrong-output.md'],
    pass: false,
    says: [
      'throws.md:4: the block exited with code 1',
      'rejected in a sample',
      'wrong-output.md:4: the output lacks "0.3\\n" (docs-check expects)',
      '3 block(s) failed',
    ],
  },
  { files: ['type-error.md'], pass: false, says: ["Type 'string' is not assignable to type 'number'"] },
];
const problems = [];
for (const { files, pass, says } of expectations) {
  const { code, output } = await check(files);
  if ((code === 0) !== pass)
    problems.push(`${files}: expected ${pass ? 'success' : 'failure'}, got exit code ${code}\n${output}`);
  for (const s of says)
    if (!output.includes(s)) problems.push(`${files}: expected the output to say "${s}"\n${output}`);
}
rmSync(dir, { recursive: true, force: true });
if (problems.length) {
  for (const p of problems) console.error(`docs-check self-test: ${p}`);
  process.exit(1);
}
console.log(
  `docs-check self-test: ${expectations.length} cases behave (passes good samples, fails bad ones)`,
);
