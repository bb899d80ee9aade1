// Packs the published packages with `pnpm pack` (which rewrites `workspace:^` ranges to real
// versions), then installs two subsets from the tarballs with npm into clean projects under
// os.tmpdir(), outside the workspace: one trains XOR and saves it, the other (inference only)
// loads it and predicts. Expects the packages to be built (turbo's `test` depends on `^build`).
import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../../..');
const PACKAGES = ['core', 'backend-cpu', 'autograd', 'layers', 'optimizers'];

// pnpm's npm_config_* variables would leak into npm (and warn): the projects get a clean env.
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
const run = (cmd, args, cwd) =>
  execFileSync(cmd, args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
const fail = (message) => {
  console.error(`install-subsets: ${message}`);
  process.exit(1);
};

const work = mkdtempSync(join(tmpdir(), 'descent-install-subsets-'));
try {
  const started = Date.now();
  // 1. Pack.
  const tarballs = join(work, 'tarballs');
  mkdirSync(tarballs);
  const tarball = {};
  for (const name of PACKAGES) {
    const dir = join(root, 'packages', name);
    if (!existsSync(join(dir, 'dist', 'index.js'))) fail(`packages/${name} is not built (run pnpm build)`);
    const before = new Set(readdirSync(tarballs));
    run('pnpm', ['pack', '--pack-destination', tarballs], dir);
    const made = readdirSync(tarballs).filter((f) => !before.has(f));
    if (made.length !== 1) fail(`pnpm pack in packages/${name} made ${made.join(', ') || 'nothing'}`);
    tarball[name] = join(tarballs, made[0]);
    // The packed manifest must carry real versions, not workspace: ranges.
    const manifest = run('tar', ['-xzOf', tarball[name], 'package/package.json'], tarballs);
    if (manifest.includes('workspace:')) fail(`${made[0]} still has a workspace: range:\n${manifest}`);
  }

  // 2. A clean npm project with the given tarballs installed.
  const project = (name, packages) => {
    const dir = join(work, name);
    mkdirSync(dir);
    writeFileSync(
      join(dir, 'package.json'),
      `${JSON.stringify({ name, private: true, version: '1.0.0', type: 'module' }, null, 2)}\n`,
    );
    run(
      'npm',
      ['install', '--no-audit', '--no-fund', '--prefer-offline', ...packages.map((p) => tarball[p])],
      dir,
    );
    return dir;
  };
  // Each script is copied into its project and run there, so its imports resolve in that
  // project's node_modules and never in the workspace's.
  const runIn = (dir, file, ...args) => {
    copyFileSync(join(here, file), join(dir, file));
    const out = run(process.execPath, [join(dir, file), ...args], dir);
    process.stdout.write(out.replace(/^(?=.)/gm, `  [${file}] `));
  };

  // (a) Training: core + backend-cpu + autograd + layers + optimizers trains XOR and saves it.
  const training = project('train', PACKAGES);
  const saved = join(work, 'xor-model');
  runIn(training, 'train-xor.mjs', saved);

  // (b) Inference: core + backend-cpu + layers loads the weights and predicts, without
  // autograd, optimizers or gpu.js anywhere in node_modules.
  const inference = project('infer', ['core', 'backend-cpu', 'layers']);
  for (const absent of ['gpu.js', '@descent/autograd', '@descent/optimizers']) {
    if (existsSync(join(inference, 'node_modules', absent)))
      fail(`node_modules/${absent} is installed in the inference-only project`);
  }
  runIn(inference, 'predict-xor.mjs', saved);
  console.log(`install-subsets: both subsets installed from tarballs and ran (${Date.now() - started} ms)`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
