// Bundles an inference-only browser app (core + backend-cpu + layers: build a model, load
// safetensors bytes, predict) with esbuild and checks that neither autograd nor gpu.js (nor
// the optimizers) ended up in it, and that Node's fs is only reached through a lazy import.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'descent-tree-shaking-'));
try {
  const entry = join(work, 'app.mjs');
  writeFileSync(
    entry,
    `import { cpuBackend } from '@descent/backend-cpu';
import { argmax, createRuntime } from '@descent/core';
import { Dense, layers, loadWeightsFromSafetensors, sequential } from '@descent/layers';

export async function predict(bytes, rows) {
  const rt = createRuntime({ plugins: [cpuBackend(), layers()] });
  const model = sequential([new Dense({ units: 8, activation: 'tanh', inputShape: [2] }), new Dense({ units: 2 })]).init(rt);
  loadWeightsFromSafetensors(model, bytes);
  return rt.tidy(() => argmax(model.call(rt.tensor(rows)), -1)).data();
}
`,
  );
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    // Resolve @descent/* from this package (its devDependencies), as an app's bundler would.
    nodePaths: [join(here, '..', 'node_modules')],
    // layers' file helpers import Node's fs and path lazily (the built files name them without
    // the node: prefix); a browser app never calls them, so they stay external here.
    external: ['node:*', ...builtinModules],
    write: false,
    metafile: true,
    // Drops comments (doc comments mention valueAndGrad) but keeps identifiers readable.
    minifyWhitespace: true,
    logLevel: 'error',
  });
  const code = result.outputFiles[0].text;
  const inputs = Object.keys(result.metafile.inputs);
  const problems = [];
  for (const [what, test] of [
    ['@descent/autograd', (p) => p.includes('/autograd/')],
    ['@descent/optimizers', (p) => p.includes('/optimizers/')],
    ['gpu.js', (p) => p.includes('gpu.js')],
    ['@descent/backend-gpujs', (p) => p.includes('backend-gpujs')],
  ]) {
    const found = inputs.filter(test);
    if (found.length > 0) problems.push(`${what} is in the bundle: ${found.join(', ')}`);
  }
  // Names from their code (identifiers are not minified). Package names alone are no evidence:
  // core's registry names '@descent/autograd' in its hint for a missing gradient rule.
  for (const marker of ['valueAndGrad', 'gradCheck', 'createKernelMap', 'isWebGL2Supported']) {
    if (code.includes(marker)) problems.push(`the bundle contains ${marker}`);
  }
  const builtins = new Set(builtinModules);
  for (const m of code.matchAll(/^import\s[^;]*?from\s*["']([^"']+)["']/gm)) {
    const name = m[1].replace(/^node:/, '');
    if (builtins.has(name) || builtins.has(name.split('/')[0]))
      problems.push(`the bundle imports Node's ${m[1]} statically`);
  }
  for (const needed of ['core', 'backend-cpu', 'layers']) {
    if (!inputs.some((p) => p.includes(`packages/${needed}/dist/`)))
      problems.push(`@descent/${needed} is not in the bundle (the check is not looking at the right files)`);
  }
  if (problems.length > 0) {
    console.error(`tree-shaking: ${problems.join('\n')}`);
    process.exit(1);
  }
  console.log(
    `tree-shaking: inference-only browser bundle (${(code.length / 1024).toFixed(1)} kB, identifiers unminified, ${inputs.length} modules) has no autograd, optimizers or gpu.js`,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
