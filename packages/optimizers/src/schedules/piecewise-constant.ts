import { describeValue, InvalidArgumentError } from '@descent/core';
import type { Schedule } from '../gradient-transform';
import { num } from '../internal/schedule-options';

/** Options of `piecewiseConstant`. */
export interface PiecewiseConstantOptions {
  /** Steps where the value changes, increasing. */
  boundaries: readonly number[];
  /** One more value than boundaries: `values[i]` holds from `boundaries[i-1]` (inclusive) on. */
  values: readonly number[];
}

/**
 * `values[k]` where `k` is how many boundaries are `<= step`: the new value starts at its boundary
 * (as PyTorch's `MultiStepLR` and Optax; Keras' `PiecewiseConstantDecay` switches one step later).
 *
 * @example
 * piecewiseConstant({ boundaries: [100, 200], values: [0.1, 0.01, 0.001] })(100); // 0.01
 */
export function piecewiseConstant(options: PiecewiseConstantOptions): Schedule {
  const name = 'piecewiseConstant';
  if (
    options === null ||
    typeof options !== 'object' ||
    !Array.isArray(options.values) ||
    (options.boundaries !== undefined && !Array.isArray(options.boundaries))
  )
    throw new InvalidArgumentError(
      name,
      `expected options { boundaries, values } with arrays of numbers, got ${describeValue(options)}`,
    );
  const boundaries = (options?.boundaries ?? []).map((b, i) => num(name, `boundaries[${i}]`, b));
  const values = (options.values ?? []).map((v, i) => num(name, `values[${i}]`, v));
  if (values.length !== boundaries.length + 1) {
    throw new InvalidArgumentError(
      name,
      `expected ${boundaries.length + 1} values for ${boundaries.length} boundaries, got ${values.length}`,
    );
  }
  boundaries.forEach((b, i) => {
    if (i > 0 && !(b > boundaries[i - 1]!)) {
      throw new InvalidArgumentError(
        name,
        `boundaries must increase; boundaries[${i}] = ${b} follows ${boundaries[i - 1]}`,
      );
    }
  });
  return (step) => {
    let k = 0;
    while (k < boundaries.length && step >= boundaries[k]!) k++;
    return values[k]!;
  };
}
