// tfjs-core's Node build (CommonJS) registers no gradients, and its ESM build cannot be imported
// by Node as is (extensionless imports, a file and a folder both named `gradients`). So the ESM
// `register_all_gradients` is bundled once with esbuild (cached in the OS temp folder) and
// imported: it fills tfjs-core's global gradient registry, shared by every copy of the library.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildSync } from 'esbuild';

let done = false;

export async function registerTfjsGradients(): Promise<void> {
  if (done) return;
  const require = createRequire(import.meta.url);
  const pkg = require('@tensorflow/tfjs-core/package.json') as { version: string };
  const entry = require.resolve('@tensorflow/tfjs-core/dist/register_all_gradients.js');
  const dir = join(tmpdir(), 'descent-bench');
  const file = join(dir, `tfjs-core-${pkg.version}-gradients.mjs`);
  if (!existsSync(file)) {
    const out = buildSync({
      entryPoints: [entry],
      bundle: true,
      format: 'esm',
      platform: 'node',
      write: false,
      logLevel: 'error',
    });
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, out.outputFiles[0]!.contents);
  }
  await import(pathToFileURL(file).href);
  done = true;
}
