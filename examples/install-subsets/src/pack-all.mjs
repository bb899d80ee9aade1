// Packs every published package (packages/*) with `pnpm pack`, the packer `pnpm publish` uses:
// `workspace:` ranges are rewritten and `files` applies. Returns, per package, the tarball, its
// file list and the packed manifest. Expects the packages to be built.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

// pnpm's npm_config_* variables would leak into the npm that pnpm runs (and warn).
export const cleanEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));

/** The manifests of the packages under packages/ that are not private. */
export function publishedManifests() {
  const dir = join(root, 'packages');
  return readdirSync(dir)
    .sort()
    .map((name) => ({
      dir: join(dir, name),
      pkg: JSON.parse(readFileSync(join(dir, name, 'package.json'), 'utf8')),
    }))
    .filter(({ pkg }) => !pkg.private);
}

/** Packs them all into `dest`: [{ name, version, tarball, files, manifest }]. */
export function packAll(dest) {
  const out = execFileSync(
    'pnpm',
    ['-r', '--filter', './packages/*', 'pack', '--pack-destination', dest, '--json'],
    { cwd: root, env: cleanEnv, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const parsed = JSON.parse(out);
  const packed = Array.isArray(parsed) ? parsed : [parsed];
  return packed.map(({ name, version, filename, files }) => ({
    name,
    version,
    tarball: filename,
    files: files.map((f) => f.path).sort(),
    manifest: JSON.parse(
      execFileSync('tar', ['-xzOf', filename, 'package/package.json'], { encoding: 'utf8' }),
    ),
  }));
}
