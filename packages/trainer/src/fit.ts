import { describeValue, InvalidArgumentError, type Plugin, Runtime, type Tensor } from '@descent/core';
import {
  type Batch,
  type Dataset,
  EmptyDatasetError,
  type Example,
  trainValidationSplit,
} from '@descent/data';
import { Layer, type LayerParams, type LossSpec, type MetricSpec } from '@descent/layers';
import type { Callback } from './callback';
import { History } from './history';
import { moveModelTo, selectBackend } from './internal/backend';
import { isAbortSignal } from './internal/check-args';
import { readCheckpoint } from './internal/read-checkpoint';
import { resolveCallbacks } from './internal/resolve-callbacks';
import {
  type OptimizerSpec,
  resolveLossSpec,
  resolveMetricSpecs,
  resolveOptimizerSpec,
} from './internal/resolve-specs';
import { type AugmentTransform, Session } from './internal/session';
import { classesToCheck, ensureBuilt } from './internal/setup-model';
import { type DataInput, toBatches, toDataset } from './internal/to-batches';

export type { OptimizerSpec } from './internal/resolve-specs';
export type { AugmentTransform } from './internal/session';
export type { DataInput } from './internal/to-batches';

/** Options of `fit`. */
export interface FitOptions {
  /** The loss: a `Loss`, a function `(yTrue, yPred) → scalar`, a registered name or `{ className, config }`. */
  loss: LossSpec;
  /** A registered name (`'adam'`, a plugin's `'adabelief'`), `{ name, options }`, or a gradient transform. Default `'adam'`. */
  optimizer?: OptimizerSpec;
  /** Metrics by object or registered name; `'accuracy'` picks the one that fits the loss. */
  metrics?: readonly MetricSpec[];
  /** Epochs to train to (a resumed run continues up to this). Default 1. */
  epochs?: number;
  /** Examples per batch, for arrays and datasets of examples. Default 32. */
  batchSize?: number;
  /** Reshuffle arrays and datasets of examples each epoch (from the runtime RNG). Default true. */
  shuffle?: boolean;
  /** Validation data (arrays or a dataset), or a fraction of the training examples held out (the last ones, as Keras). */
  validation?: DataInput | number;
  /** Batch size of validation. Default `batchSize`. */
  validationBatchSize?: number;
  /** Callbacks by object, registered name, or `{ className, config }`. A `History` is always added first. */
  callbacks?: readonly (
    | Callback
    | string
    | {
        /** A registered callback name (`'earlyStopping'`). */
        className: string;
        /** Its options. */
        config?: unknown;
      }
  )[];
  /** An augmentation pipeline (`@descent/augment`'s `compose([...])`), applied to each training batch's x (and y when it `usesLabels`). */
  augment?: AugmentTransform;
  /** The backend to train on: a registered name, or a backend plugin (installed if needed). Weights move there. */
  backend?: string | Plugin;
  /** Seeds the runtime RNG when training starts (not on resume, which restores the RNG). */
  seed?: number;
  /** Read the loss back every N steps (and at each epoch's last); in between, nothing leaves the device. Default 10. */
  readLossEvery?: number;
  /** Batches per epoch at most (endless datasets need it). */
  stepsPerEpoch?: number;
  /** Stops training after the current step. */
  signal?: AbortSignal;
  /** A checkpoint folder (written by `modelCheckpoint`) to resume from: weights, optimizer, RNG, epoch and step, callbacks. */
  resume?: string;
  /** The runtime, when the model is not built yet (it is built from the first example's shape). */
  runtime?: Runtime;
  /** The penalty added to the loss (reported as `regularization_loss`). Default: the model's `regularizationLoss(params)` when a weight has a regularizer. */
  penalty?: ((params: LayerParams) => Tensor) | null;
  /** Where callbacks' lines go. Default `console.log`. */
  log?: (line: string) => void;
  /** Yield to the event loop every N steps. Default 1. */
  yieldEvery?: number;
}

/**
 * Trains a model, Keras style. Each step runs in one memory scope: the batch is uploaded (and
 * augmented), the loss (plus the model's regularization penalty) and its gradients are computed
 * with autograd, the optimizer updates the weights, and metrics accumulate on the device. The
 * loss is read back only every `readLossEvery` steps; between steps the loop yields to the event
 * loop, so a page stays responsive; `signal` stops it. Returns the `History`.
 *
 * With a seed on the CPU backend, training is bit-for-bit reproducible, and a run resumed from a
 * `modelCheckpoint` ends with exactly the weights of one that was never interrupted.
 *
 * @example
 * const rt = createRuntime({ plugins: [cpuBackend(), autograd(), layers(), optimizers()], seed: 1 });
 * const model = sequential([new Flatten({ inputShape: [28, 28, 1] }), new Dense({ units: 128, activation: 'relu' }), new Dense({ units: 10 })]).init(rt);
 * const { train, test } = await mnist();
 * const history = await fit(model, train, {
 *   loss: sparseCategoricalCrossentropy({ fromLogits: true }),
 *   optimizer: { name: 'adam', options: { learningRate: 1e-3 } },
 *   metrics: ['accuracy'],
 *   epochs: 5,
 *   batchSize: 64,
 *   validation: test,
 *   callbacks: [progressBar(), earlyStopping({ patience: 2, restoreBestWeights: true }), modelCheckpoint({ dir: 'runs/mnist' })],
 * });
 */
export async function fit(model: Layer, data: DataInput, options: FitOptions): Promise<History> {
  if (!(model instanceof Layer)) throw new InvalidArgumentError('fit', 'expected a model (a Layer) first');
  if (typeof options !== 'object' || options === null)
    throw new InvalidArgumentError('fit', 'expected options with at least a loss');
  checkFitOptions(options);
  const rt = model.runtime ?? options.runtime;
  if (!rt)
    throw new InvalidArgumentError(
      'fit',
      'the model is not built: build it (model.init(rt)) or pass { runtime } to build it from the data',
    );
  const epochs = positiveInt('epochs', options.epochs ?? 1, true);
  const batchSize = positiveInt('batchSize', options.batchSize ?? 32);
  const readLossEvery = positiveInt('readLossEvery', options.readLossEvery ?? 10);
  const yieldEvery = positiveInt('yieldEvery', options.yieldEvery ?? 1);
  const stepsPerEpoch =
    options.stepsPerEpoch === undefined ? undefined : positiveInt('stepsPerEpoch', options.stepsPerEpoch);
  const backend = await selectBackend(rt, options.backend);

  // Data: arrays or datasets; a validation fraction is split off the training examples.
  let trainExamples = await toDataset('fit', data);
  let validationExamples: Dataset<Example | Batch> | undefined;
  if (typeof options.validation === 'number') {
    const split = trainValidationSplit(trainExamples, { validation: options.validation });
    trainExamples = split.train;
    validationExamples = split.validation;
  } else if (options.validation !== undefined)
    validationExamples = await toDataset('fit', options.validation);
  if (trainExamples.size === 0) throw new EmptyDatasetError('fit', 'the training data has no examples');
  if (validationExamples?.size === 0)
    throw new EmptyDatasetError('fit', 'the validation data has no examples');

  ensureBuilt('fit', model, rt, trainExamples);
  await moveModelTo(model, backend);
  const loss = resolveLossSpec(rt, options.loss);
  const metrics = resolveMetricSpecs(rt, options.metrics ?? [], loss.className);
  const validationMetrics = resolveMetricSpecs(rt, options.metrics ?? [], loss.className);
  const optimizer = resolveOptimizerSpec(rt, options.optimizer ?? 'adam');
  const history = new History();
  const callbacks = resolveCallbacks(rt, history, options.callbacks ?? []);
  const hasRegularizers = model.variables().some((v) => v.variable.regularizer !== undefined);
  const penalty =
    options.penalty === null
      ? undefined
      : (options.penalty ?? (hasRegularizers ? (p: LayerParams) => model.regularizationLoss(p) : undefined));
  const resume = options.resume === undefined ? undefined : await readCheckpoint(options.resume, 'last');
  const session = new Session({
    rt,
    model,
    backend,
    train: toBatches(trainExamples, batchSize, options.shuffle ?? true),
    validation:
      validationExamples && toBatches(validationExamples, options.validationBatchSize ?? batchSize, false),
    loss: loss.fn,
    metrics,
    validationMetrics,
    transform: optimizer.transform,
    optimizerRef: optimizer.ref,
    callbacks,
    history,
    epochs,
    stepsPerEpoch:
      stepsPerEpoch ??
      stepsOf(
        trainExamples.batched
          ? trainExamples.size
          : trainExamples.size && Math.ceil(trainExamples.size / batchSize),
      ),
    readLossEvery,
    yieldEvery,
    classes: classesToCheck(model, loss.className, metrics),
    augment: options.augment,
    penalty,
    signal: options.signal,
    log: options.log ?? ((line) => console.log(line)),
    seed: options.seed,
    resume,
  });
  try {
    return await session.run();
  } finally {
    for (const m of [...metrics, ...validationMetrics]) m.dispose();
  }
}

/** The options fit only passes on (functions, flags, paths): checked here, before any work. */
function checkFitOptions(o: FitOptions): void {
  const bad = (name: string, expected: string, v: unknown): never => {
    throw new InvalidArgumentError('fit', `expected ${name} to be ${expected}, got ${describeValue(v)}`);
  };
  if (o.runtime !== undefined && !(o.runtime instanceof Runtime))
    bad('options.runtime', 'a Runtime', o.runtime);
  if (o.shuffle !== undefined && typeof o.shuffle !== 'boolean')
    bad('options.shuffle', 'a boolean', o.shuffle);
  if (o.augment !== undefined && typeof (o.augment as { apply?: unknown } | null)?.apply !== 'function')
    bad('options.augment', 'an augmentation transform (compose([...]) of @descent/augment)', o.augment);
  if (o.penalty !== undefined && o.penalty !== null && typeof o.penalty !== 'function')
    bad('options.penalty', 'a function (params) => Tensor or null', o.penalty);
  if (o.log !== undefined && typeof o.log !== 'function')
    bad('options.log', 'a function (line) => void', o.log);
  if (o.signal !== undefined && !isAbortSignal(o.signal)) bad('options.signal', 'an AbortSignal', o.signal);
  if (o.resume !== undefined && (typeof o.resume !== 'string' || o.resume === ''))
    bad('options.resume', 'a checkpoint folder path', o.resume);
  if (o.validationBatchSize !== undefined) positiveInt('validationBatchSize', o.validationBatchSize);
}

function stepsOf(n: number | undefined): number | undefined {
  return n !== undefined && Number.isFinite(n) ? n : undefined;
}

function positiveInt(name: string, v: number, allowZero = false): number {
  if (!Number.isInteger(v) || v < (allowZero ? 0 : 1))
    throw new InvalidArgumentError(
      'fit',
      `${name} must be a ${allowZero ? 'non-negative' : 'positive'} integer, got ${JSON.stringify(v)}`,
    );
  return v;
}
