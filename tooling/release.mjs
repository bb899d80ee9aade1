// `pnpm release`: build the packages, run the package lints (publint, arethetypeswrong) and the
// publish dry run, then publish every package whose version is not on the registry yet with
// `pnpm publish -r` (which rewrites `workspace:` ranges) and tag the release with
// `changeset tag`. Arguments go to `pnpm publish` (`--otp 123456`, `--tag next`); with
// `--dry-run` nothing is published or tagged. See README.md, "Releasing".
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const dryRun = args.includes('--dry-run');

const step = (title, cmd, cmdArgs) => {
  console.log(`\nrelease: ${title}\n$ ${cmd} ${cmdArgs.join(' ')}`);
  const { status } = spawnSync(cmd, cmdArgs, { cwd: root, stdio: 'inherit' });
  if (status !== 0) {
    console.error(`release: "${title}" failed; nothing was published`);
    process.exit(status ?? 1);
  }
};

// Versions come from `pnpm version-packages` (changeset version), committed before releasing.
const pending = readdirSync(join(root, '.changeset')).filter((f) => f.endsWith('.md') && f !== 'README.md');
if (pending.length > 0 && !dryRun) {
  console.error(
    `release: ${pending.length} changeset(s) not applied yet (.changeset/${pending[0]}, ...).\n` +
      'Run `pnpm version-packages`, review and commit the versions and changelogs, then `pnpm release`.',
  );
  process.exit(1);
}

step('build', 'pnpm', ['turbo', 'run', 'build', '--filter=./packages/*', '--output-logs=errors-only']);
step('package lints (publint, arethetypeswrong)', 'pnpm', [
  '--filter',
  '@descent/example-install-subsets',
  'lint:packages',
]);
step('publish dry run', 'pnpm', ['--filter', '@descent/example-install-subsets', 'release:check']);
step(dryRun ? 'publish (dry run)' : 'publish', 'pnpm', [
  'publish',
  '-r',
  '--access',
  'public',
  '--publish-branch',
  'main',
  ...args,
]);
if (!dryRun) step('git tags', 'pnpm', ['changeset', 'tag']);
console.log(
  dryRun
    ? '\nrelease: dry run done, nothing published'
    : '\nrelease: published; push the tags with `git push --follow-tags`',
);
