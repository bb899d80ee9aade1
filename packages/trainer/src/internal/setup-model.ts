import { InvalidArgumentError, type Runtime } from '@descent/core';
import type { Batch, Dataset, Example } from '@descent/data';
import type { Layer, Metric } from '@descent/layers';

/** Builds an unbuilt model from the first example's shape (in-memory data), or says how to build it. */
export function ensureBuilt(op: string, model: Layer, rt: Runtime, data: Dataset<Example | Batch>): void {
  if (model.built) return;
  if (!data.randomAccess || data.size === 0)
    throw new InvalidArgumentError(
      op,
      `model "${model.name}" is not built and the data has no first example to build it from: call model.init(rt, [null, ...inputShape])`,
    );
  const first = data.at(0) as { x?: { shape: readonly number[] } };
  if (!first?.x?.shape) throw new InvalidArgumentError(op, 'the data has no field x to build the model from');
  const shape = data.batched ? first.x.shape.slice(1) : first.x.shape;
  model.init(rt, [null, ...shape]);
}

const SPARSE = new Set(['sparseCategoricalCrossentropy']);
const SPARSE_METRICS = new Set(['sparseCategoricalAccuracy', 'sparseTopKCategoricalAccuracy']);

/**
 * The number of classes labels must stay below when the loss or a metric takes class ids: the
 * model's output size. Undefined when nothing takes class ids.
 */
export function classesToCheck(
  model: Layer,
  lossClass: string | undefined,
  metrics: readonly Metric[],
): number | undefined {
  const sparse =
    (lossClass !== undefined && SPARSE.has(lossClass)) ||
    metrics.some((m) => SPARSE_METRICS.has(m.className));
  if (!sparse) return undefined;
  const out = model.computeOutputShape(model.builtInputShape!);
  const k = out[out.length - 1];
  return typeof k === 'number' ? k : undefined;
}
