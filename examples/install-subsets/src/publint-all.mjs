// Runs publint (strict) over every package under packages/ and fails on any message.
// The packages must be built first (publint checks that the files exports point at exist).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';

const packagesDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../../packages');
let problems = 0;
for (const name of readdirSync(packagesDir).sort()) {
  const pkgDir = join(packagesDir, name);
  const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
  if (pkg.private) continue;
  const { messages } = await publint({ pkgDir, strict: true, pack: 'pnpm' });
  for (const message of messages) {
    console.error(`${pkg.name}: [${message.type}] ${formatMessage(message, pkg)}`);
    problems++;
  }
  if (messages.length === 0) console.log(`${pkg.name}: publint ok`);
}
if (problems > 0) {
  console.error(`publint: ${problems} problem(s)`);
  process.exit(1);
}
