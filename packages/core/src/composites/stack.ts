import { InvalidArgumentError } from '../errors';
import { assertTensor } from '../internal/op-helpers';
import { concat } from '../ops/concat';
import type { Tensor } from '../tensor';
import { expandDims } from './expand-dims';

/**
 * Joins tensors of one shape along a new axis.
 *
 * @example
 * stack([a, b]); // two [3] tensors → [2, 3]
 */
export function stack(xs: readonly Tensor[], axis = 0): Tensor {
  if (!Array.isArray(xs) || xs.length === 0)
    throw new InvalidArgumentError('stack', 'expected a non-empty array of tensors');
  for (const [i, x] of xs.entries()) assertTensor('stack', x, `input ${i}`);
  return xs[0]!.runtime.tidy(() =>
    concat(
      xs.map((x) => expandDims(x, axis)),
      axis,
    ),
  );
}
