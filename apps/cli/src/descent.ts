import { DescentError } from '@descent/core';
import { parseTrainArgs, USAGE, UsageError } from './train-args';
import { trainMnist } from './train-mnist';

async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (
    command === undefined ||
    command === '-h' ||
    command === '--help' ||
    rest.includes('-h') ||
    rest.includes('--help')
  ) {
    console.log(USAGE);
    return command === undefined ? 1 : 0;
  }
  if (command !== 'train') throw new UsageError(`unknown command "${command}"`);
  await trainMnist(parseTrainArgs(rest));
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    if (e instanceof UsageError) console.error(`descent: ${e.message}\n\n${USAGE}`);
    else if (e instanceof DescentError) console.error(`descent: ${e.message}`);
    else console.error(e);
    process.exitCode = e instanceof UsageError ? 2 : 1;
  },
);
