import { InvalidArgumentError } from '@descent/core';
import { Dataset } from './dataset';
import { EmptyDatasetError } from './errors';
import { permutation, uniformSource } from './internal/random-source';

/** Options of `trainValidationSplit`. */
export interface SplitOptions {
  /** The validation part: a fraction in (0, 1) of the examples, or a count. */
  validation: number;
  /**
   * Split a seeded random permutation instead of taking the last examples (Keras'
   * `validation_split` takes the last ones). Default false.
   */
  shuffle?: boolean;
  /** Seed of that permutation (its own stream, so the split never changes). Default 0. */
  seed?: number;
}

/**
 * Splits an in-memory dataset into a training and a validation part, by index (no copy). Without
 * `shuffle` the validation part is the last examples, as Keras' `validation_split`; with it, a
 * permutation fixed by `seed`, the same in every run and on every resume.
 *
 * @example
 * const { train, validation } = trainValidationSplit(mnistTrain, { validation: 0.1, shuffle: true });
 */
export function trainValidationSplit<T>(
  dataset: Dataset<T>,
  options: SplitOptions,
): {
  /** The training part. */
  train: Dataset<T>;
  /** The validation part. */
  validation: Dataset<T>;
} {
  const op = 'trainValidationSplit';
  if (!(dataset instanceof Dataset)) throw new InvalidArgumentError(op, 'expected a Dataset');
  if (!dataset.randomAccess)
    throw new InvalidArgumentError(
      op,
      'the dataset has no random access: split an in-memory dataset (fromArrays, fromTensors, mnist) before map/batch',
    );
  const n = dataset.size!;
  if (n === 0) throw new EmptyDatasetError(op, 'the dataset has no examples to split');
  const v = options?.validation;
  if (typeof v !== 'number' || !(v > 0) || (v >= 1 && !Number.isInteger(v)))
    throw new InvalidArgumentError(
      op,
      `validation must be a fraction in (0, 1) or a whole count, got ${JSON.stringify(v)}`,
    );
  const nVal = v < 1 ? Math.round(n * v) : v;
  if (nVal < 1 || nVal >= n)
    throw new InvalidArgumentError(
      op,
      `validation ${v} of ${n} examples leaves ${n - nVal} for training and ${nVal} for validation; both need at least one`,
    );
  const seed = options.seed ?? 0;
  const order = options.shuffle ? permutation(n, uniformSource(op, undefined, seed)) : undefined;
  const part = (from: number, count: number): Dataset<T> => {
    const get = (i: number) => dataset.at(order ? order[from + i]! : from + i);
    return new Dataset<T>({
      size: count,
      batched: dataset.batched,
      get,
      *iterate() {
        for (let i = 0; i < count; i++) yield get(i);
      },
    });
  };
  return { train: part(0, n - nVal), validation: part(n - nVal, nVal) };
}
