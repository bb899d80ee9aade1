import { checkOptions, InvalidArgumentError, type Plugin, Tensor } from '@descent/core';
import { type Dataset, fromTensors, type HostTensor, isHostTensor } from '@descent/data';
import { Layer } from '@descent/layers';
import { moveModelTo, selectBackend } from './internal/backend';
import { checkPositiveInt } from './internal/check-args';
import { predictBatches } from './internal/inference';
import { type DataInput, toBatches, toDataset } from './internal/to-batches';

/** Options of `predict`. */
export interface PredictOptions {
  /** Examples per batch. Default 32. */
  batchSize?: number;
  /** The backend to run on (name or plugin). */
  backend?: string | Plugin;
}

/**
 * The model's outputs for every example, in inference mode, batch by batch, joined into one
 * tensor the caller owns. Takes inputs alone (a tensor or host tensor of examples) or any data
 * `fit` takes (its `x` is used).
 *
 * @example
 * const logits = await predict(model, test);  // [10000, 10]
 * const classes = argmax(logits, -1);
 */
export async function predict(
  model: Layer,
  data: DataInput | Tensor | HostTensor,
  options: PredictOptions = {},
): Promise<Tensor> {
  if (!(model instanceof Layer))
    throw new InvalidArgumentError('predict', 'expected a model (a Layer) first');
  checkOptions('predict', options);
  if (options.batchSize !== undefined) checkPositiveInt('predict', 'options.batchSize', options.batchSize);
  const rt = model.runtime;
  if (!rt || !model.built)
    throw new InvalidArgumentError(
      'predict',
      `model "${model.name}" is not built (train it or call model.init(rt, shape))`,
    );
  const backend = await selectBackend(rt, options.backend);
  await moveModelTo(model, backend);
  const ds: Dataset<never> =
    data instanceof Tensor
      ? ((await fromTensors({ x: data })) as Dataset<never>)
      : isHostTensor(data)
        ? ((await toDataset('predict', { x: data })) as Dataset<never>)
        : ((await toDataset('predict', data as DataInput)) as Dataset<never>);
  return predictBatches(
    'predict',
    { rt, model, backend, loss: undefined, metrics: [], classes: undefined, yieldEvery: 1 },
    toBatches(ds, options.batchSize ?? 32, false),
  );
}
