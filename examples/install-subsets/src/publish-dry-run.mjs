// The release's dry run: `pnpm publish -r --dry-run` over the workspace, then checks that what it
// would publish is right. It fails if a published package
// - is missing from the dry run, or the dry run fails;
// - would ship without README.md, without dist/, without a file its `exports`/`main`/`types`
//   name, or with a file outside dist/, README.md, CHANGELOG.md and package.json;
// - keeps a `workspace:` range, or a @descent/* peer range that is unbounded or that does not
//   accept the version in the workspace (docs/decisions/0007-versioning.md);
// - is not public (`publishConfig.access`) or still at 0.0.0.
// The manifests are read from `pnpm pack` tarballs (the packer `pnpm publish` uses), and the dry
// run's file lists must equal the tarballs'. Nothing is sent: `--dry-run` stops before the upload
// and `--force` skips the registry lookup of already published versions, so this needs neither
// credentials nor the network.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanEnv, packAll, publishedManifests, root } from './pack-all.mjs';

const problems = [];
const problem = (name, message) => problems.push(`${name}: ${message}`);

// The targets of an exports map (strings at any depth), with `main` and `types`.
const targets = (pkg) => {
  const out = new Set();
  const walk = (v) => {
    if (typeof v === 'string') out.add(v.replace(/^\.\//, ''));
    else if (v && typeof v === 'object') for (const x of Object.values(v)) walk(x);
  };
  walk(pkg.exports);
  for (const field of ['main', 'module', 'types', 'typings']) if (pkg[field]) walk(pkg[field]);
  return out;
};
const allowed = (file) => /^(dist\/.+|README\.md|CHANGELOG\.md|package\.json|LICENSE(\.md)?)$/.test(file);
const parseVersion = (v) => v.split('.').map(Number);
const lessOrEqual = (a, b) => {
  const [x, y] = [parseVersion(a), parseVersion(b)];
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] < y[i];
  return true;
};

// 1. Pack and check every manifest and file list.
const work = mkdtempSync(join(tmpdir(), 'descent-publish-dry-run-'));
let packs;
try {
  packs = packAll(work);
} finally {
  rmSync(work, { recursive: true, force: true });
}
const versions = Object.fromEntries(packs.map((p) => [p.name, p.version]));
for (const { name, files, manifest } of packs) {
  const text = JSON.stringify(manifest);
  if (text.includes('workspace:')) problem(name, `a workspace: range is left in the packed manifest`);
  if (manifest.version === '0.0.0') problem(name, 'version 0.0.0');
  if (manifest.publishConfig?.access !== 'public') problem(name, 'publishConfig.access is not "public"');
  if (!files.includes('README.md')) problem(name, 'README.md is not in the tarball');
  if (!files.some((f) => f.startsWith('dist/'))) problem(name, 'dist/ is not in the tarball (not built?)');
  for (const target of targets(manifest)) {
    if (target !== 'package.json' && !files.includes(target))
      problem(name, `${target} (named by the manifest) is not in the tarball`);
  }
  const extra = files.filter((f) => !allowed(f));
  if (extra.length > 0)
    problem(
      name,
      `${extra.length} unexpected file(s) in the tarball: ${extra.slice(0, 5).join(', ')}${extra.length > 5 ? ', ...' : ''}`,
    );
  for (const [dep, range] of Object.entries(manifest.peerDependencies ?? {})) {
    if (!dep.startsWith('@descent/')) continue;
    // 0.x: ">=0.M.P <1" (any later 0.x minor); from 1.0: "^M.m.p".
    const m = /^>=(0\.\d+\.\d+) <1$/.exec(range) ?? /^\^([1-9]\d*\.\d+\.\d+)$/.exec(range);
    if (!m)
      problem(name, `peer ${dep} has range "${range}": expected ">=0.x.y <1" (0.x) or "^x.y.z" (1.0 on)`);
    else if (versions[dep] && !lessOrEqual(m[1], versions[dep]))
      problem(name, `peer ${dep} "${range}" does not accept the workspace's ${dep}@${versions[dep]}`);
  }
}
const expected = publishedManifests().map(({ pkg }) => pkg.name);
for (const name of expected) if (!versions[name]) problem(name, 'was not packed');

// 2. The dry run itself, with the flags `pnpm release` publishes with.
const dryRun = spawnSync(
  'pnpm',
  ['publish', '-r', '--dry-run', '--force', '--no-git-checks', '--access', 'public'],
  { cwd: root, env: cleanEnv, encoding: 'utf8' },
);
if (dryRun.status !== 0) {
  console.error(`${dryRun.stdout}${dryRun.stderr}${dryRun.error ?? ''}`);
  console.error('publish-dry-run: `pnpm publish -r --dry-run` failed');
  process.exit(1);
}
// npm (run by pnpm per package) prints to stderr "npm notice 📦  name@version" ("package:"
// without unicode), then "npm notice <size> <path>" per file between "Tarball Contents" and
// "Tarball Details"; pnpm prints "+ name@version" to stdout for each package it published.
const dry = {};
let current;
let inContents = false;
for (const line of dryRun.stderr.split('\n')) {
  const head = /^npm notice (?:📦|package:)\s+(@?[^@\s]+)@(\S+)$/.exec(line);
  if (head) {
    current = dry[head[1]] = { version: head[2], files: [], published: false };
    inContents = false;
  } else if (/^npm notice Tarball Contents/.test(line)) inContents = true;
  else if (/^npm notice Tarball Details/.test(line)) inContents = false;
  else if (inContents && current) {
    const file = /^npm notice \S+ (.+)$/.exec(line);
    if (file) current.files.push(file[1]);
  }
}
for (const line of dryRun.stdout.split('\n')) {
  const done = /^\+ (@?[^@\s]+)@(\S+)$/.exec(line);
  if (done && dry[done[1]]) dry[done[1]].published = true;
}
for (const { name, version, files } of packs) {
  const seen = dry[name];
  if (!seen?.published) {
    problem(name, 'is not published by `pnpm publish -r --dry-run`');
    continue;
  }
  if (seen.version !== version)
    problem(name, `the dry run publishes ${seen.version}, the pack has ${version}`);
  const a = seen.files.sort().join(', ');
  const b = files.join(', ');
  if (a !== b) problem(name, `the dry run would publish [${a}], the pack has [${b}]`);
}
for (const name of Object.keys(dry))
  if (!versions[name]) problem(name, 'is published but is not under packages/');

if (problems.length > 0) {
  for (const p of problems) console.error(`publish-dry-run: ${p}`);
  console.error(`publish-dry-run: ${problems.length} problem(s)`);
  process.exit(1);
}
for (const { name, version, files } of packs)
  console.log(`${name}@${version}: would publish ${files.length} files`);
console.log(`publish-dry-run: ${packs.length} packages would publish cleanly (pnpm publish -r --dry-run)`);
