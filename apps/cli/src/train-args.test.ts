import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { parseAugment } from './augment-spec';
import { parseTrainArgs, UsageError } from './train-args';

describe('descent train arguments', () => {
  it('have good defaults: the MLP on the CPU with Adam', () => {
    expect(parseTrainArgs(['mnist'])).toEqual({
      dataset: 'mnist',
      model: 'mlp',
      backend: 'cpu',
      threads: availableParallelism(),
      optimizer: 'adam',
      lr: 3e-3,
      schedule: 'cosine',
      epochs: 5,
      batchSize: 64,
      hidden: 128,
      augment: undefined,
      checkpoint: undefined,
      resume: false,
      seed: 1,
      validationSplit: 0,
      earlyStopping: undefined,
      readLossEvery: 10,
      log: undefined,
      trainLimit: undefined,
      testLimit: undefined,
    });
  });

  it('read every option', () => {
    const a = parseTrainArgs(
      'mnist --model cnn --backend gpujs --optimizer nadam --lr 3e-4 --schedule constant --epochs 2 --batch-size 128 --augment rotate=10 --checkpoint runs/x --resume --seed 7 --threads 3 --validation-split 0.1 --early-stopping 2 --read-loss-every 1 --log l.csv --train-limit 100 --test-limit 50'.split(
        ' ',
      ),
    );
    expect(a).toMatchObject({
      model: 'cnn',
      backend: 'gpujs',
      optimizer: 'nadam',
      lr: 3e-4,
      schedule: 'constant',
      epochs: 2,
      batchSize: 128,
      augment: 'rotate=10',
      checkpoint: 'runs/x',
      resume: true,
      seed: 7,
      threads: 3,
      validationSplit: 0.1,
      earlyStopping: 2,
      readLossEvery: 1,
      log: 'l.csv',
      trainLimit: 100,
      testLimit: 50,
    });
  });

  it.each([
    [['cifar'], /expected the dataset "mnist", got cifar/],
    [['mnist', '--epochs', '0'], /--epochs must be a positive integer, got "0"/],
    [['mnist', '--lr', 'fast'], /--lr must be a positive number/],
    [['mnist', '--threads', '0'], /--threads must be a positive integer, got "0"/],
    [['mnist', '--backend', 'tpu'], /--backend must be one of cpu, gpujs/],
    [['mnist', '--resume'], /--resume needs --checkpoint DIR/],
    [['mnist', '--early-stopping', '2'], /needs a validation split/],
    [['mnist', '--bogus'], /Unknown option '--bogus'/],
  ])('refuse %j', (argv, message) => {
    expect(() => parseTrainArgs(argv)).toThrow(UsageError);
    expect(() => parseTrainArgs(argv)).toThrow(message);
  });

  it('--augment builds a pipeline and names unknown transforms', () => {
    expect(parseAugment('rotate=10,translate=0.1,zoom=0.1,noise=0.05,crop=2,erase').name).toBe('compose');
    expect(() => parseAugment('spin=3')).toThrow(/unknown transform "spin"/);
    expect(() => parseAugment('rotate')).toThrow(/rotate needs a non-negative number/);
  });
});
