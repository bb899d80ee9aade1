import { InvalidArgumentError, Tensor } from '@descent/core';
import {
  type ArrayColumn,
  type Batch,
  Dataset,
  type Example,
  fromArrays,
  fromTensors,
  type HostTensor,
  isHostTensor,
} from '@descent/data';

/**
 * What `fit`, `evaluate` and `predict` take: a dataset (of examples, which they batch, or of
 * batches, used as they come), or arrays `{ x, y }` (host tensors, typed arrays, nested arrays or
 * tensors sharing their first axis), as Keras' `fit(x, y)`.
 */
export type DataInput =
  // biome-ignore lint/suspicious/noExplicitAny: any element type with x (and y) fields.
  | Dataset<any>
  | {
      /** The inputs, one example per entry of the first axis. */
      readonly x: HostTensor | Tensor | ArrayColumn;
      /** The targets, one per example (not needed by `predict`). */
      readonly y?: HostTensor | Tensor | ArrayColumn;
    };

/** The input as a dataset (examples or batches), arrays becoming an in-memory dataset. */
export async function toDataset(op: string, input: DataInput): Promise<Dataset<Example | Batch>> {
  if (input instanceof Dataset) return input;
  if (typeof input !== 'object' || input === null || !('x' in input))
    throw new InvalidArgumentError(op, 'expected a Dataset or arrays { x, y }');
  const columns = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
  const tensors = Object.values(columns).filter((v) => v instanceof Tensor).length;
  if (tensors === Object.keys(columns).length) return fromTensors(columns as Record<string, Tensor>);
  if (tensors > 0) throw new InvalidArgumentError(op, 'give x and y both as tensors or both as host arrays');
  for (const [k, v] of Object.entries(columns))
    if (!isHostTensor(v) && !ArrayBuffer.isView(v) && !Array.isArray(v))
      throw new InvalidArgumentError(
        op,
        `${k} must be a HostTensor, a typed array, nested arrays or a Tensor`,
      );
  return fromArrays(columns as Record<string, ArrayColumn>);
}

/** Batches a dataset of examples (shuffled each epoch when asked and its size is known); batched datasets pass through. */
export function toBatches(ds: Dataset<Example | Batch>, batchSize: number, shuffle: boolean): Dataset<Batch> {
  if (ds.batched) return ds as Dataset<Batch>;
  const size = ds.size;
  const ordered = shuffle && size !== undefined && Number.isFinite(size) ? ds.shuffle() : ds;
  return (ordered as Dataset<Example>).batch(batchSize) as Dataset<Batch>;
}
