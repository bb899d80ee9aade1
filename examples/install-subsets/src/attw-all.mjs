// Runs "Are the Types Wrong?" (@arethetypeswrong/cli) over the tarball of every published
// package, packed with `pnpm pack` as `pnpm publish` packs it, and fails on any problem.
//
// Profile `esm-only`: the packages are ESM-only on purpose (`"type": "module"`, exports with
// `types` then `import`, no `require` condition; docs/decisions/0007-versioning.md).
// That profile still checks the two resolutions ESM users have, `node16` from ESM (Node, and
// TypeScript's node16/nodenext) and `bundler`, and leaves out the two an ESM-only package cannot
// serve: `node10` (TypeScript's legacy `moduleResolution: node`, which ignores `exports`) and
// `node16` from CommonJS, where attw reports `CJSResolvesToESM` for every package (Node 20.19+
// can `require()` ESM, but TypeScript's CJS resolution still calls it dynamic-import only).
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { cleanEnv, packAll } from './pack-all.mjs';

const attw = join(dirname(fileURLToPath(import.meta.url)), '..', 'node_modules', '.bin', 'attw');
const run = promisify(execFile);

const work = mkdtempSync(join(tmpdir(), 'descent-attw-'));
try {
  const started = Date.now();
  const packs = packAll(work);
  let failed = 0;
  const check = async ({ name, tarball }) => {
    const args = [tarball, '--profile', 'esm-only', '--format', 'ascii', '--no-color', '--no-emoji'];
    try {
      await run(attw, args, { env: cleanEnv, encoding: 'utf8' });
      console.log(`${name}: attw ok (node16 from ESM, bundler)`);
    } catch (error) {
      failed++;
      console.error(`${name}: attw found problems\n${error.stdout ?? ''}${error.stderr ?? error}`);
    }
  };
  // Two at a time (CI machines have two cores).
  const queue = [...packs];
  await Promise.all(
    [0, 1].map(async () => {
      while (queue.length > 0) await check(queue.shift());
    }),
  );
  if (failed > 0) {
    console.error(`attw: ${failed} of ${packs.length} package(s) have type problems`);
    process.exitCode = 1;
  } else {
    console.log(`attw: ${packs.length} packages ok (${Date.now() - started} ms)`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
