import { checkOptions, describeValue, InvalidArgumentError, type Plugin } from '@descent/core';
import { EmptyDatasetError } from '@descent/data';
import { Layer, type LossSpec, type MetricSpec } from '@descent/layers';
import { moveModelTo, selectBackend } from './internal/backend';
import { checkPositiveInt, isAbortSignal } from './internal/check-args';
import { evaluateBatches } from './internal/inference';
import { resolveLossSpec, resolveMetricSpecs } from './internal/resolve-specs';
import { classesToCheck } from './internal/setup-model';
import { type DataInput, toBatches, toDataset } from './internal/to-batches';

/** Options of `evaluate`. */
export interface EvaluateOptions {
  /** The loss to report (optional: metrics alone work). */
  loss?: LossSpec;
  /** Metrics by object or registered name; `'accuracy'` fits the loss. */
  metrics?: readonly MetricSpec[];
  /** Examples per batch for arrays and datasets of examples. Default 32. */
  batchSize?: number;
  /** The backend to run on (name or plugin). */
  backend?: string | Plugin;
  /** Stops after the current batch. */
  signal?: AbortSignal;
}

/**
 * The loss and metrics of a model on data, in inference mode (dropout off, batch statistics
 * frozen, augmentation off). Each batch runs in a memory scope; the sums stay on the device
 * and are read back once.
 *
 * @example
 * const { loss, accuracy } = await evaluate(model, test, { loss: 'sparseCategoricalCrossentropy', metrics: ['accuracy'] });
 */
export async function evaluate(
  model: Layer,
  data: DataInput,
  options: EvaluateOptions = {},
): Promise<Record<string, number>> {
  if (!(model instanceof Layer))
    throw new InvalidArgumentError('evaluate', 'expected a model (a Layer) first');
  checkOptions('evaluate', options);
  if (options.batchSize !== undefined) checkPositiveInt('evaluate', 'options.batchSize', options.batchSize);
  if (options.signal !== undefined && !isAbortSignal(options.signal))
    throw new InvalidArgumentError(
      'evaluate',
      `expected options.signal to be an AbortSignal, got ${describeValue(options.signal)}`,
    );
  const rt = model.runtime;
  if (!rt || !model.built)
    throw new InvalidArgumentError(
      'evaluate',
      `model "${model.name}" is not built (train it or call model.init(rt, shape))`,
    );
  const backend = await selectBackend(rt, options.backend);
  await moveModelTo(model, backend);
  const loss = options.loss === undefined ? undefined : resolveLossSpec(rt, options.loss);
  const metrics = resolveMetricSpecs(rt, options.metrics ?? [], loss?.className);
  if (!loss && metrics.length === 0)
    throw new InvalidArgumentError('evaluate', 'nothing to report: give a loss, metrics, or both');
  const ds = await toDataset('evaluate', data);
  if (ds.size === 0) throw new EmptyDatasetError('evaluate', 'the data has no examples');
  try {
    return await evaluateBatches(
      'evaluate',
      {
        rt,
        model,
        backend,
        loss: loss?.fn,
        metrics,
        classes: classesToCheck(model, loss?.className, metrics),
        yieldEvery: 1,
        signal: options.signal,
      },
      toBatches(ds, options.batchSize ?? 32, false),
    );
  } finally {
    for (const m of metrics) m.dispose();
  }
}
